import Foundation

/// A value bound to a statement parameter.
enum SQLiteValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case blob(Data)
}
