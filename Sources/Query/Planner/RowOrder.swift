/// How the order of the rows carries through a query, as openCypher has it.
///
/// A `WITH … ORDER BY` orders its rows, and the clauses after it keep that order: WHERE,
/// MATCH and OPTIONAL MATCH (each row's matches follow it, in no particular order among
/// themselves), UNWIND (each row's elements follow it in list order), a WITH that neither
/// aggregates nor is DISTINCT nor has its own ORDER BY, and a RETURN likewise. A projection
/// that aggregates or is DISTINCT ends the order (openCypher gives its rows none); one with its
/// own ORDER BY starts a new one. `collect(…)` right after an ordered WITH sees the rows in order.
///
/// In SQL, a WITH whose rows carry an order numbers them: its CTE gets a column
/// `row_number() OVER (ORDER BY …) AS ord` and is `ORDER BY ord` (so SKIP and LIMIT keep the
/// same rows the numbering ranks first), and the clauses after it order by `w1.ord` (then by
/// `u2.key`, the element's index, after an UNWIND). A RETURN that keeps the order gets
/// `ORDER BY w1.ord`. A DISTINCT WITH with its own ORDER BY is numbered around a subquery, since
/// `row_number()` in the DISTINCT's own SELECT would make every row distinct:
///
/// ```sql
/// SELECT c1, row_number() OVER (ORDER BY k1 ASC NULLS LAST) AS ord FROM (
/// SELECT DISTINCT n1."kind" AS c1, n1."kind" AS k1 FROM "node_Part" AS n1
/// )
/// ORDER BY ord
/// ```
/// (its sort keys depend on its items only, so they add no rows).
struct RowOrder {
    /// One ORDER BY key: its SQL value and direction (nulls sort above every value).
    struct Key {
        var sql: String
        var descending: Bool

        var term: String { sql + (descending ? " DESC NULLS FIRST" : " ASC NULLS LAST") }
    }

    /// The order a WITH hands on to the clauses after it.
    enum Outgoing {
        /// At most one row (nothing matched yet, or an aggregate without grouping keys).
        case single
        /// Ordered by the CTE's `ord` column.
        case ordinal
        /// No order.
        case none
    }

    /// The projection's own ORDER BY.
    let own: [Key]
    /// The order its rows arrive in (`QueryPlanner.Select.order`).
    let incoming: [String]?
    let aggregating: Bool
    let distinct: Bool
    /// How many grouping keys an aggregating projection has.
    let groupKeys: Int
    /// A WITH (true) or a RETURN.
    let intoCTE: Bool

    /// The SQL terms the projection's rows are ordered by: its own ORDER BY, else the incoming
    /// order when the projection keeps it.
    var terms: [String] {
        if !own.isEmpty { return own.map(\.term) }
        guard !aggregating, !distinct, let incoming else { return [] }
        return incoming
    }

    /// A WITH whose rows carry an order numbers them.
    private var numbers: Bool { intoCTE && !terms.isEmpty }

    /// A DISTINCT WITH with its own ORDER BY: numbered around a subquery.
    private var wraps: Bool { numbers && distinct }

    var outgoing: Outgoing {
        if numbers { return .ordinal }
        if (aggregating && groupKeys == 0) || incoming == [] { return .single }
        return .none
    }

    /// The SELECT line for the projection's `outputs` (`… AS c1`, …).
    func select(_ outputs: [String], distinct: Bool) -> [String] {
        if wraps {
            let keys = own.enumerated().map { "\($0.element.sql) AS k\($0.offset + 1)" }
            return ["SELECT DISTINCT " + (outputs + keys).joined(separator: ", ")]
        }
        var outputs = outputs
        if numbers { outputs.append("row_number() OVER (ORDER BY \(terms.joined(separator: ", "))) AS ord") }
        return ["SELECT " + (distinct ? "DISTINCT " : "") + outputs.joined(separator: ", ")]
    }

    /// `lines` (SELECT … FROM … WHERE … GROUP BY …) with the ORDER BY the order needs; SKIP
    /// and LIMIT follow it.
    func ordered(_ lines: [String], columns: Int) -> [String] {
        if wraps {
            let names = (0..<columns).map { "c\($0 + 1)" }
            let keys = own.enumerated().map { Key(sql: "k\($0.offset + 1)", descending: $0.element.descending).term }
            return ["SELECT " + (names + ["row_number() OVER (ORDER BY \(keys.joined(separator: ", "))) AS ord"])
                .joined(separator: ", ") + " FROM ("] + lines + [")", "ORDER BY ord"]
        }
        if numbers { return lines + ["ORDER BY ord"] }
        if !terms.isEmpty { return lines + ["ORDER BY " + terms.joined(separator: ", ")] }
        return lines
    }
}
