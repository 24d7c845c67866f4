import Foundation
import GraphModel

/// A compiled regular expression shared by every row (NSRegularExpression is immutable and
/// safe to use from several threads once built).
struct CompiledRegex: @unchecked Sendable {
    let pattern: String
    let regex: NSRegularExpression

    init(_ pattern: String, anchored: Bool = false) throws {
        self.pattern = pattern
        self.regex = try NSRegularExpression(pattern: anchored ? "^(?:\(pattern))$" : pattern)
    }

    /// The first capture group of the first match (or the whole match when the pattern has no
    /// group, or the group did not take part); nil when nothing matches.
    func extract(_ text: String) -> String? {
        let ns = text as NSString
        guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        if m.numberOfRanges > 1, m.range(at: 1).location != NSNotFound {
            return ns.substring(with: m.range(at: 1))
        }
        return ns.substring(with: m.range)
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}

/// What a `map` transform does with a text its table does not list.
enum Unmatched: String, Sendable, CaseIterable {
    /// Pass the text through unchanged (the default).
    case keep
    /// The result is null.
    case null
    /// The row is rejected.
    case reject
}

/// A value map for the `map` transform: named under `tables:` (inline or from a CSV file) or
/// written inline in the transform. A nil target maps a code to null.
final class LookupTable: Sendable {
    /// The table's name, or `inline map` for a map written in the transform.
    let name: String
    let entries: [String: String?]

    init(name: String, entries: [String: String?]) {
        self.name = name
        self.entries = entries
    }
}

/// One step applied to an expression's text, in order, before the text is typed.
enum Transform: Sendable {
    case trim
    case upper
    case lower
    case stripLeadingZeros
    case padLeadingZeros(Int)
    case replace(from: String, to: String)
    case regex(CompiledRegex)
    case map(LookupTable, unmatched: Unmatched)
    case decimalComma

    /// Names usable as a bare transform (`transforms: [trim]`).
    static let bareNames = ["trim", "upper", "lower", "strip-leading-zeros", "decimal-comma"]
    /// Names written as a one-key map (`{ pad-leading-zeros: 18 }`).
    static let argumentNames = ["pad-leading-zeros", "replace", "regex", "map"]
    static var allNames: [String] { bareNames + argumentNames }

    struct Unlisted: Error {
        var table: String
    }

    /// The transformed text, or nil when the result is null.
    func apply(_ text: String) throws(Unlisted) -> String? {
        switch self {
        case .trim:
            return NumberText.trimmed(text)
        case .upper:
            return text.utf8.allSatisfy({ $0 < 0x61 || ($0 > 0x7A && $0 < 0x80) }) ? text : text.uppercased()
        case .lower:
            return text.utf8.allSatisfy({ $0 < 0x41 || ($0 > 0x5A && $0 < 0x80) }) ? text : text.lowercased()
        case .stripLeadingZeros:
            return Transform.stripLeadingZeros(text)
        case .padLeadingZeros(let width):
            let count = text.count
            return count >= width ? text : String(repeating: "0", count: width - count) + text
        case .replace(let from, let to):
            return text.replacingOccurrences(of: from, with: to)
        case .regex(let regex):
            return regex.extract(text)
        case .map(let table, let unmatched):
            if let target = table.entries[text] { return target }
            switch unmatched {
            case .keep: return text
            case .null: return nil
            case .reject: throw Unlisted(table: table.name)
            }
        case .decimalComma:
            return NumberText.canonical(text, decimalComma: true, allowExponent: true) ?? text
        }
    }

    /// `000004711` → `4711`, `0000` → `0`, `` → ``.
    static func stripLeadingZeros(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            guard bytes.first == 0x30 else { return text }
            var i = 1
            while i < bytes.count && bytes[i] == 0x30 { i += 1 }
            if i == bytes.count { return "0" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[i...]), as: UTF8.self)
        }
    }

    /// How `loom mapping check` shows it.
    var summary: String {
        switch self {
        case .trim: "trim"
        case .upper: "upper"
        case .lower: "lower"
        case .stripLeadingZeros: "strip-leading-zeros"
        case .padLeadingZeros(let n): "pad-leading-zeros \(n)"
        case .replace(let from, let to): "replace \(SourceSpec.show(from)) with \(SourceSpec.show(to))"
        case .regex(let r): "regex \(SourceSpec.show(r.pattern))"
        case .map(let table, let unmatched):
            "map \(table.name)" + (unmatched == .keep ? "" : " (unmatched: \(unmatched.rawValue))")
        case .decimalComma: "decimal-comma"
        }
    }
}
