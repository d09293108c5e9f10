/// An error from a ``Store``: an opaque code to act on and a short description that is safe to log.
///
/// The description never holds SQL text, document bodies or index values. Mapping codes to HTTP statuses and
/// ProblemDetails happens at the HTTP boundary, not in feature code.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a value to compare with `==` or switch over with `case .conflict`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case conflict
            case notFound
            case versionMismatch
            case closed
            case invalidArgument
            case invalidDocument
            case incompatibleSchema
            case backend
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A document with the same collection and id already exists.
        public static let conflict = Code(.conflict)
        /// The document does not exist.
        public static let notFound = Code(.notFound)
        /// The document's version differs from the one the caller expected (HTTP If-Match).
        public static let versionMismatch = Code(.versionMismatch)
        /// The store has been closed.
        public static let closed = Code(.closed)
        /// An argument cannot be used, such as an empty id or a negative limit.
        public static let invalidArgument = Code(.invalidArgument)
        /// A stored body does not decode as the requested type.
        public static let invalidDocument = Code(.invalidDocument)
        /// The database schema was written by a newer program, or its migration history is not one this program
        /// knows.
        public static let incompatibleSchema = Code(.incompatibleSchema)
        /// The storage backend failed (disk full, I/O error, busy for too long, corrupt file).
        public static let backend = Code(.backend)

        /// The code's name, such as `notFound`; usable as a metric label.
        public var description: String {
            base.rawValue
        }
    }

    /// What went wrong.
    public var code: Code
    /// A short explanation that holds no SQL text and no data values.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The code and reason, such as `notFound: document does not exist`.
    public var description: String {
        "\(code): \(reason)"
    }

    /// The store has been closed.
    public static let closed = StoreError(.closed, "store is closed")
}
