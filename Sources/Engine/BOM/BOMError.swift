import GraphModel

/// Why a BOM operator could not answer: a name the catalog does not know (with a "did you
/// mean"), a part that does not exist, a cycle in the structure (with its path), or a
/// cancelled walk. Messages read as compiler-style errors for a planner.
public struct BOMError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        case unknownEdgeType, unknownLabel, unknownProperty, wrongPropertyType
        case notABillOfMaterials, duplicateKey, unknownPart, cycle, cancelled
    }

    public var code: Code
    public var message: String
    /// For `.cycle`: the parts of the cycle in edge order, the first not repeated at the end.
    public var cycle: [String]

    public init(_ code: Code, _ message: String, cycle: [String] = []) {
        self.code = code
        self.message = message
        self.cycle = cycle
    }

    public var description: String { "error: " + message }

    static func cycle(_ path: [String], below root: String?) -> BOMError {
        let text = BOMCycle(parts: path).description
        if let root {
            return BOMError(.cycle, "the BOM of \(root) contains a cycle: \(text); fix the BOM lines between these parts", cycle: path)
        }
        return BOMError(.cycle, "the BOM contains a cycle: \(text); fix the BOM lines between these parts", cycle: path)
    }

    static let cancelled = BOMError(.cancelled, "the BOM walk was cancelled")
}
