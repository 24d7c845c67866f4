import GraphModel
import Yams

/// Reads value expressions (`MATNR`, `{ column: MENGE, type: decimal }`, `{ value: SAP }`,
/// `{ concat: [...] }`) and checks every key, type, format and transform.
struct ExpressionReader {
    static let keys = ["column", "value", "concat", "type", "format", "transforms", "null-values",
                       "default", "required", "decimal-comma", "true-values", "false-values"]

    /// Named tables from `tables:`.
    var tables: [String: LookupTable]
    /// The source's `decimal-comma`, used unless an expression overrides it.
    var decimalComma: Bool

    /// The type an expression gets when it does not say (an endpoint key takes the key's type).
    struct Inherited {
        var type: PropertyType
    }

    func read(_ node: Node, _ what: String, _ reader: inout YAMLReader, inherited: Inherited? = nil) -> ExpressionSpec? {
        let location = reader.location(node)
        let defaultConversion = conversion(for: inherited?.type ?? .string, formats: [], decimalComma: decimalComma, booleans: .standard)
        if case .scalar = node {
            guard let name = reader.name(node, "the column name of \(what)") else { return nil }
            return ExpressionSpec(source: .column(ColumnRef(name: name, location: location)), transforms: [],
                                  conversion: defaultConversion, nullValues: [], defaultValue: nil,
                                  required: false, location: location)
        }
        guard let e = reader.entries(node, what, allowed: ExpressionReader.keys) else { return nil }
        let before = reader.diagnostics.count

        // The type and what qualifies it.
        var type = inherited?.type ?? .string
        if let n = e["type"], let t = readType(n, &reader) { type = t }
        var formats: [DatePattern] = []
        if let n = e["format"] {
            if type != .date && type != .datetime {
                reader.error("format applies to date and datetime values, but \(what) is \(type.name)", at: e.keyNode("format"))
            } else if let list = reader.textNodes(n, "format") {
                for (text, itemNode) in list {
                    if text == "iso" {
                        formats += type == .date ? [.isoDate] : [.isoDateTime, .isoDateTimeSpace]
                        continue
                    }
                    do throws(DatePattern.PatternError) {
                        formats.append(try DatePattern(text))
                    } catch {
                        reader.error(error.message, at: itemNode)
                    }
                }
            }
        }
        var comma = decimalComma
        if let n = e["decimal-comma"], let b = reader.bool(n, "decimal-comma") {
            if [.integer, .float, .decimal].contains(type) {
                comma = b
            } else {
                reader.error("decimal-comma applies to integer, float and decimal values, but \(what) is \(type.name)"
                             + " (for text use the decimal-comma transform)", at: e.keyNode("decimal-comma"))
            }
        }
        var booleans = BooleanWords.standard
        for key in ["true-values", "false-values"] where e.has(key) {
            if type != .boolean {
                reader.error("\(key) applies to boolean values, but \(what) is \(type.name)", at: e.keyNode(key))
            }
        }
        if type == .boolean, e.has("true-values") || e.has("false-values") {
            let t = e["true-values"].flatMap { reader.texts($0, "true-values") } ?? BooleanWords.standard.trueWords
            let f = e["false-values"].flatMap { reader.texts($0, "false-values") } ?? BooleanWords.standard.falseWords
            for word in t where f.contains(where: { $0.lowercased() == word.lowercased() }) {
                reader.error("'\(word)' is in both true-values and false-values", at: e["true-values"] ?? node)
            }
            booleans = BooleanWords(trueWords: t, falseWords: f)
        }
        let transforms = e["transforms"].map { readTransforms($0, &reader) } ?? []
        // A decimal-comma transform has already rewritten the number; reading it again would
        // take its decimal point for grouping.
        if transforms.contains(where: { if case .decimalComma = $0 { true } else { false } }) { comma = false }
        let conv = conversion(for: type, formats: formats, decimalComma: comma, booleans: booleans)

        let nullValues = e["null-values"].flatMap { reader.texts($0, "null-values") } ?? []
        let required = e["required"].flatMap { reader.bool($0, "required") } ?? false

        var defaultValue: Value?
        if let n = e["default"], !YAMLReader.isNull(n), let text = reader.text(n, "default") {
            if let v = conv.canonical.convert(text), !v.isNull {
                defaultValue = v
            } else {
                reader.error("default '\(text)' is not \(conv.expectation)", at: n)
            }
        }

        // Where the text comes from: exactly one of column, value, concat.
        let sourceKeys = ["column", "value", "concat"].filter { e.has($0) }
        if sourceKeys.isEmpty {
            reader.error("\(what) needs one of column, value or concat", at: node)
            return nil
        }
        if sourceKeys.count > 1 {
            reader.error("\(what) has both \(sourceKeys[0]) and \(sourceKeys[1]); use only one", at: e.keyNode(sourceKeys[1]))
            return nil
        }
        var source: ExpressionSpec.Source
        switch sourceKeys[0] {
        case "column":
            guard let n = e["column"], let name = reader.name(n, "column") else { return nil }
            source = .column(ColumnRef(name: name, location: reader.location(n)))
        case "value":
            guard let n = e["value"] else { return nil }
            if YAMLReader.isNull(n) {
                source = .constant(defaultValue ?? .null)
            } else {
                guard let text = reader.text(n, "value") else { return nil }
                source = .constant(.null)
                if let v = constant(text, transforms: transforms, nullValues: nullValues, conversion: conv.canonical) {
                    source = .constant(v.isNull ? (defaultValue ?? .null) : v)
                } else {
                    reader.error("value '\(text)' is not \(conv.expectation)", at: n)
                }
            }
        default:
            guard let n = e["concat"], let items = reader.sequence(n, "concat") else { return nil }
            var parts: [ExpressionSpec.ConcatPart] = []
            for (i, item) in items.enumerated() {
                if case .scalar(let s) = item {
                    parts.append(.literal(s.string))
                } else if let inner = read(item, "concat[\(i)]", &reader) {
                    parts.append(.expression(inner))
                }
            }
            if items.isEmpty { reader.error("concat needs a list of parts", at: n) }
            source = .concat(parts)
        }
        guard reader.diagnostics.count == before else { return nil }
        return ExpressionSpec(source: source, transforms: transforms, conversion: conv, nullValues: nullValues,
                              defaultValue: defaultValue, required: required, location: location)
    }

    /// A constant's value: transforms, null-values, then the type.
    private func constant(_ text: String, transforms: [Transform], nullValues: [String], conversion: Conversion) -> Value? {
        var current: String? = text
        for t in transforms {
            guard let c = current else { break }
            do throws(Transform.Unlisted) { current = try t.apply(c) } catch { return nil }
        }
        guard let c = current, !nullValues.contains(text), !nullValues.contains(c) else { return .null }
        return conversion.convert(c)
    }

    func conversion(for type: PropertyType, formats: [DatePattern], decimalComma: Bool, booleans: BooleanWords) -> Conversion {
        switch type {
        case .string: .string
        case .integer: .integer(decimalComma: decimalComma)
        case .float: .float(decimalComma: decimalComma)
        case .decimal: .decimal(decimalComma: decimalComma)
        case .boolean: .boolean(booleans)
        case .date: .date(formats)
        case .datetime: .datetime(formats)
        case .enumeration(let values): .enumeration(values)
        }
    }

    /// `decimal`, or `{ enum: [A, B] }`.
    func readType(_ node: Node, _ reader: inout YAMLReader) -> PropertyType? {
        if case .mapping = node {
            guard let e = reader.entries(node, "type", allowed: ["enum"]) else { return nil }
            guard let n = e["enum"] else {
                reader.error("type needs enum: [A, B, ...] or a type name", at: node)
                return nil
            }
            guard let values = reader.texts(n, "enum") else { return nil }
            if values.isEmpty {
                reader.error("enum needs at least one value", at: n)
                return nil
            }
            var seen: Set<String> = []
            for v in values where !seen.insert(v).inserted {
                reader.error("enum value '\(v)' is listed twice", at: n)
                return nil
            }
            return .enumeration(values)
        }
        guard let name = reader.name(node, "type") else { return nil }
        if name == "enum" {
            reader.error("an enum type lists its values: type: { enum: [A, B] }", at: node)
            return nil
        }
        guard let type = PropertyType(catalogText: name), PropertyType.names.contains(name) else {
            let hint = Suggestions.hint(for: name, in: PropertyType.names)
            reader.error("unknown type '\(name)'" + (hint.isEmpty
                ? "; use string, integer, float, decimal, boolean, date, datetime or { enum: [A, B] }" : hint), at: node)
            return nil
        }
        return type
    }
}
