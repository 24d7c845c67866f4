import GraphModel

/// The state of one compilation: the catalog, the query text (for errors), variables in
/// scope, placeholders, and table alias numbering. Lives for one `QueryCompiler.compile` call.
final class CompilationContext {
    let catalog: Catalog
    let source: String
    let scalars: [Unicode.Scalar]
    var scope = Scope()
    var parameters = ParameterTable()
    private var nodeCount = 0
    private var relationshipCount = 0
    private var unwindCount = 0
    /// The CTEs of the WITH clauses compiled so far (`w1 AS (SELECT …)`), in order.
    var ctes: [String] = []
    /// Variable-length walks compiled so far (`vl1`, `vl2`, …: unique also inside subqueries).
    var walkCount = 0

    /// Where aggregates may appear right now (RETURN items and ORDER BY), and whether we are
    /// inside one (aggregates do not nest).
    var aggregatesAllowed = false
    var insideAggregate = false
    /// Why aggregates are not allowed here, for the message (`in WHERE`).
    var aggregateContext = "in WHERE"

    init(catalog: Catalog, source: String) {
        self.catalog = catalog
        self.source = source
        self.scalars = Array(source.unicodeScalars)
    }

    func nextNodeAlias() -> String {
        nodeCount += 1
        return "n\(nodeCount)"
    }

    func nextRelationshipAlias() -> String {
        relationshipCount += 1
        return "r\(relationshipCount)"
    }

    func nextUnwindAlias() -> String {
        unwindCount += 1
        return "u\(unwindCount)"
    }

    func nextCTEName() -> String { "w\(ctes.count + 1)" }

    // MARK: - Errors

    func error(_ message: String, at span: SourceSpan) -> QueryError {
        QueryError(message: message, span: span, source: source)
    }

    /// `not supported yet: <construct>` pointing at it.
    func unsupported(_ construct: String, at span: SourceSpan) -> QueryError {
        error("not supported yet: \(construct)", at: span)
    }

    /// The span of the key in `subject.key` (the last name of a property access).
    func keySpan(of expression: Expression, key: String) -> SourceSpan {
        let end = expression.span.end
        var length = key.unicodeScalars.count
        if end > 0, end <= scalars.count, scalars[end - 1] == "`" {
            length += 2 + key.unicodeScalars.filter { $0 == "`" }.count
        }
        let start = max(expression.span.start, end - length)
        return SourceSpan(start: start, end: end, line: expression.span.line,
                          column: expression.span.column + (start - expression.span.start))
    }

    /// The query text of a span (for plan lines and messages).
    func text(_ span: SourceSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[min(span.start, scalars.count)..<min(span.end, scalars.count)])
        return String(view)
    }

    // MARK: - Placeholders

    func placeholder(_ value: Value) -> String { parameters.placeholder(.literal(value)) }
    func placeholder(named name: String) -> String { parameters.placeholder(.named(name)) }
}
