import CSQLite
import Foundation

extension Database {
    /// Registers exact aggregates over decimal TEXT (Loom keeps decimals as their exact digits):
    ///
    /// - `loom_decimal_sum(x)`: the exact sum as TEXT (`'0'` text for no rows is left to the
    ///   caller's `coalesce`; NULL when every value is NULL), computed in `Foundation.Decimal`
    ///   (38 significant digits), so `0.1 + 0.2` is `0.3`, not `0.30000000000000004`.
    /// - `loom_decimal_min(x)`, `loom_decimal_max(x)`: the smallest / largest value by number,
    ///   returned as written (`18.40` keeps its zero).
    ///
    /// A value that is not a decimal number fails the statement with a message naming it.
    public func registerDecimalAggregates() throws {
        let connection = try connection(for: nil)
        for (name, kind) in [("loom_decimal_sum", DecimalFold.Kind.sum), ("loom_decimal_min", .min), ("loom_decimal_max", .max)] {
            let code = sqlite3_create_function_v2(connection, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                                  Unmanaged.passUnretained(DecimalFold.box(kind)).toOpaque(),
                                                  nil, decimalStep, decimalFinal, nil)
            guard code == SQLITE_OK else { throw SQLiteError.from(code: code, connection: connection, sql: nil) }
        }
    }
}

/// The running state of one decimal aggregate over one group.
final class DecimalFold {
    enum Kind: Sendable { case sum, min, max }

    /// One shared, immortal box per kind, handed to SQLite as the function's user data.
    final class KindBox: Sendable {
        let kind: Kind
        init(_ kind: Kind) { self.kind = kind }
    }
    private static let boxes = [KindBox(.sum), KindBox(.min), KindBox(.max)]
    static func box(_ kind: Kind) -> KindBox {
        switch kind {
        case .sum: boxes[0]
        case .min: boxes[1]
        case .max: boxes[2]
        }
    }

    var total = Decimal.zero
    var best: (value: Decimal, text: String)?
    var seen = false

    static let posix = Locale(identifier: "en_US_POSIX")

    static func parse(_ text: String) -> Decimal? {
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) else { return nil }
        return Decimal(string: text, locale: posix)
    }

    /// The exact text of a sum: plain digits, no exponent.
    static func text(_ value: Decimal) -> String {
        var value = value
        return NSDecimalString(&value, posix)
    }
}

private func fold(_ context: OpaquePointer?, create: Bool) -> DecimalFold? {
    guard let slot = sqlite3_aggregate_context(context, create ? Int32(MemoryLayout<UnsafeMutableRawPointer?>.size) : 0) else {
        return nil
    }
    let pointer = slot.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    if let existing = pointer.pointee { return Unmanaged<DecimalFold>.fromOpaque(existing).takeUnretainedValue() }
    guard create else { return nil }
    let fresh = DecimalFold()
    pointer.pointee = Unmanaged.passRetained(fresh).toOpaque()
    return fresh
}

private func decimalStep(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let arguments, let value = arguments[0], sqlite3_value_type(value) != SQLITE_NULL,
          let kindPointer = sqlite3_user_data(context), let state = fold(context, create: true) else { return }
    let text: String
    switch sqlite3_value_type(value) {
    case SQLITE_INTEGER: text = String(sqlite3_value_int64(value))
    case SQLITE_FLOAT: text = String(sqlite3_value_double(value))
    default: text = sqlite3_value_text(value).map { String(cString: $0) } ?? ""
    }
    guard let number = DecimalFold.parse(text) else {
        sqlite3_result_error(context, "'\(text)' is not a decimal number", -1)
        return
    }
    state.seen = true
    switch Unmanaged<DecimalFold.KindBox>.fromOpaque(kindPointer).takeUnretainedValue().kind {
    case .sum:
        state.total += number
    case .min:
        if state.best.map({ number < $0.value }) ?? true { state.best = (number, text) }
    case .max:
        if state.best.map({ number > $0.value }) ?? true { state.best = (number, text) }
    }
}

private func decimalFinal(_ context: OpaquePointer?) {
    guard let kindPointer = sqlite3_user_data(context) else { return }
    let kind = Unmanaged<DecimalFold.KindBox>.fromOpaque(kindPointer).takeUnretainedValue().kind
    guard let slot = sqlite3_aggregate_context(context, 0) else {
        sqlite3_result_null(context)
        return
    }
    let pointer = slot.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    guard let raw = pointer.pointee else {
        sqlite3_result_null(context)
        return
    }
    let state = Unmanaged<DecimalFold>.fromOpaque(raw).takeRetainedValue()
    pointer.pointee = nil
    guard state.seen else {
        sqlite3_result_null(context)
        return
    }
    let text = kind == .sum ? DecimalFold.text(state.total) : (state.best?.text ?? "")
    sqlite3_result_text(context, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
}
