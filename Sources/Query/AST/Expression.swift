/// An expression with the span of text it was parsed from.
///
/// `description` prints a compact S-expression, e.g. `(> (prop c unitCost) 10)`, so parser tests
/// pin trees as strings. Chained comparisons are expanded as openCypher defines them:
/// `a < b < c` parses to `(and (< a b) (< b c))`, the middle operand appearing twice (expressions
/// in Loom's read-only dialect have no side effects, so evaluating it twice is harmless).
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    public indirect enum Kind: Sendable, Hashable {
        case literal(Literal)
        /// `$name`
        case parameter(String)
        case variable(String)
        case list([Expression])
        case map([MapEntry])
        /// `subject.key`
        case property(Expression, key: String)
        /// `n:Part:Assembly` used as a predicate.
        case hasLabels(Expression, labels: [String])
        case binary(BinaryOperator, Expression, Expression)
        case unary(UnaryOperator, Expression)
        /// `x IS NULL` / `x IS NOT NULL`
        case isNull(Expression, negated: Bool)
        /// `list[index]`
        case index(Expression, Expression)
        /// `list[from..to]`, either bound optional.
        case slice(Expression, from: Expression?, to: Expression?)
        case function(FunctionCall)
        /// `count(*)`
        case countStar
        case caseExpression(CaseExpression)
        /// `[x IN list WHERE predicate | projection]`
        case listComprehension(ListComprehension)
        /// `[(a)-->(b) WHERE predicate | projection]`
        case patternComprehension(PatternComprehension)
        /// `all(x IN list WHERE predicate)`, also `any`, `none`, `single`.
        case quantifier(Quantifier, ListComprehension)
        /// `reduce(accumulator = initial, x IN list | expression)`
        case reduce(Reduce)
        /// A pattern used as a predicate in WHERE: true when at least one match exists.
        case pattern(PatternPart)
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// Literal constants. Integers are 64-bit; integer and float arithmetic stay distinct.
public enum Literal: Sendable, Hashable {
    case integer(Int64)
    case float(Double)
    case string(String)
    case boolean(Bool)
    case null
}

/// `key: value` in a map literal or property map.
public struct MapEntry: Sendable, Hashable {
    public var key: String
    public var value: Expression
    public var keySpan: SourceSpan
}

/// Binary operators, loosest first: OR, XOR, AND, comparisons, predicates, arithmetic.
public enum BinaryOperator: String, Sendable, Hashable {
    case or, xor, and
    case equal = "=", notEqual = "<>", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case `in`, startsWith = "starts-with", endsWith = "ends-with", contains, regexMatch = "=~"
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
}

public enum UnaryOperator: String, Sendable, Hashable {
    case not, negate = "neg", plus = "pos"
}

public enum Quantifier: String, Sendable, Hashable {
    case all, any, none, single
}

/// A function call; `name` keeps namespaces (`date.truncate`). `distinct` is set for
/// aggregates written `count(DISTINCT x)`.
public struct FunctionCall: Sendable, Hashable {
    public var name: String
    public var nameSpan: SourceSpan
    public var distinct: Bool
    public var arguments: [Expression]
}

/// `CASE subject WHEN v THEN r ... ELSE e END` (simple) or `CASE WHEN p THEN r ... END`
/// (searched, `subject` nil).
public struct CaseExpression: Sendable, Hashable {
    public var subject: Expression?
    public var alternatives: [CaseAlternative]
    public var elseValue: Expression?
}

/// `WHEN when THEN then`
public struct CaseAlternative: Sendable, Hashable {
    public var when: Expression
    public var then: Expression
}

public struct ListComprehension: Sendable, Hashable {
    public var variable: Identifier
    public var list: Expression
    public var predicate: Expression?
    public var projection: Expression?
}

public struct PatternComprehension: Sendable, Hashable {
    public var pattern: PatternPart
    public var predicate: Expression?
    public var projection: Expression
}

public struct Reduce: Sendable, Hashable {
    public var accumulator: Identifier
    public var initial: Expression
    public var variable: Identifier
    public var list: Expression
    public var expression: Expression
}

/// A name as written (back-quotes removed) and where.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var span: SourceSpan

    public init(name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }

    public var description: String { SExpression.name(name) }
}
