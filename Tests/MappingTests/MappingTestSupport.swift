import GraphModel
@testable import Mapping
import Testing

/// Helpers shared by the mapping tests: load inline YAML, map one row, read the outcome.
enum Harness {
    static func mapping(_ yaml: String, path: String = "test.yaml") throws -> Mapping {
        try Mapping.parse(yaml: yaml, path: path)
    }

    /// The diagnostics of a mapping that must fail to load, as `line:col: message` strings.
    static func errors(_ yaml: String, path: String = "test.yaml") -> [String] {
        do {
            _ = try Mapping.parse(yaml: yaml, path: path)
            return []
        } catch {
            return error.diagnostics.map { d in
                let where_ = d.location.map { "\($0.line):\($0.column ?? 0)" } ?? "-"
                return "\(where_): \(d.message)"
            }
        }
    }

    static func fieldLocation(_ i: Int) -> GraphModel.SourceLocation {
        GraphModel.SourceLocation(file: "data.csv", line: 7, column: 100 + i, record: 6)
    }

    static let rowLocation = GraphModel.SourceLocation(file: "data.csv", line: 7, column: nil, record: 6)

    /// Maps one row given as column → text (nil for a null field).
    static func map(_ mapping: Mapping, _ row: KeyValuePairs<String, String?>) throws -> RowOutcome {
        let columns = row.map(\.key)
        let mapper = try mapping.bind(columns: columns, sourceFile: "data.csv")
        return mapper.map(row.map(\.value), at: rowLocation, fieldLocation: fieldLocation)
    }

    /// A one-property node mapping reading column `C` with the given expression body.
    static func single(_ expression: String, extra: String = "") throws -> Mapping {
        try mapping("""
            \(extra)
            nodes:
              - label: Thing
                key: [id]
                properties:
                  id: ID
                  v: \(expression)
            """)
    }

    /// The value of `v` for column C = `text`, or the reject reason.
    static func value(_ expression: String, _ text: String?, extra: String = "") throws -> Result<Value, RejectRecord> {
        let m = try single(expression, extra: extra)
        switch try map(m, ["ID": "1", "C": text]) {
        case .mapped(let nodes, _): return .success(nodes[0].properties["v"] ?? .null)
        case .rejected(let r): return .failure(r)
        case .filteredOut: Issue.record("unexpectedly filtered"); return .success(.null)
        }
    }
}

extension RejectRecord: Error {}

extension RowOutcome {
    var nodes: [NodeRecord] { if case .mapped(let n, _) = self { n } else { [] } }
    var edges: [EdgeRecord] { if case .mapped(_, let e) = self { e } else { [] } }
    var reject: RejectRecord? { if case .rejected(let r) = self { r } else { nil } }
    var isFilteredOut: Bool { if case .filteredOut = self { true } else { false } }
}

extension Result where Success == Value, Failure == RejectRecord {
    var value: Value? { try? get() }
    var reason: String? { if case .failure(let r) = self { r.reason } else { nil } }
}
