import GraphModel

/// A column a mapping reads, with the place in the mapping file that names it (so a column
/// missing from the export is reported there).
struct ColumnRef: Sendable, Hashable {
    var name: String
    var location: SourceLocation
}

/// A value expression as written in the mapping, checked but not yet bound to a file's
/// columns: where the text comes from, the transforms, the type and the null handling.
struct ExpressionSpec: Sendable {
    enum Source: Sendable {
        case column(ColumnRef)
        /// A `value:`, typed once when the mapping loads (transforms and default applied).
        case constant(Value)
        case concat([ConcatPart])
    }

    enum ConcatPart: Sendable {
        case literal(String)
        case expression(ExpressionSpec)
    }

    var source: Source
    var transforms: [Transform]
    var conversion: Conversion
    /// Texts read as null for this expression, before or after the transforms.
    var nullValues: [String]
    var defaultValue: Value?
    var required: Bool
    var location: SourceLocation

    var type: PropertyType { conversion.propertyType }

    /// Every column read, in the order written.
    var columns: [ColumnRef] {
        switch source {
        case .column(let c): return [c]
        case .constant: return []
        case .concat(let parts):
            return parts.flatMap { part -> [ColumnRef] in
                if case .expression(let e) = part { return e.columns }
                return []
            }
        }
    }

    /// How `loom mapping check` shows where the value comes from: `MATNR | strip-leading-zeros`.
    var summary: String {
        var s: String
        switch source {
        case .column(let c): s = c.name
        case .constant(let v): s = "constant " + (v.isNull ? "null" : SourceSpec.show(v.description))
        case .concat(let parts):
            s = "concat(" + parts.map { part in
                switch part {
                case .literal(let t): SourceSpec.show(t)
                case .expression(let e): e.summary
                }
            }.joined(separator: ", ") + ")"
        }
        if case .constant = source { return s }
        for t in transforms { s += " | " + t.summary }
        switch conversion {
        case .date(let p) where !p.isEmpty: s += " (format \(Conversion.formats(p, iso: "")))"
        case .datetime(let p) where !p.isEmpty: s += " (format \(Conversion.formats(p, iso: "")))"
        case .float(true), .decimal(true): s += " (decimal comma)"
        default: break
        }
        if !nullValues.isEmpty { s += ", null if " + nullValues.map { SourceSpec.show($0) }.joined(separator: " or ") }
        if let defaultValue { s += ", default \(SourceSpec.show(defaultValue.description))" }
        if required { s += ", required" }
        return s
    }
}
