import GraphModel

/// Why a mapping could not be loaded, validated or bound to a file's columns: every problem
/// found (not only the first), each with its position in the mapping file.
///
/// `description` prints one `file:line:col: error: message` per line, as compilers do:
/// ```
/// mappings/sap/mara.yaml:12:7: error: unknown key 'trasnforms' (did you mean 'transforms'?)
/// mappings/sap/mara.yaml:20:15: error: unknown type 'decmal' (did you mean 'decimal'?)
/// ```
public struct MappingError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
