/// One searchable key/value pair attached to a stored document.
///
/// A document may carry the same key several times (for example one `serCategory` entry per category), and
/// ``DocumentFilter`` matches a document when any of its entries for a key has an acceptable value.
public struct IndexEntry: Sendable, Hashable, Codable {
    /// The index key, such as `serName` or `appInstanceId`.
    public var key: String
    /// The indexed value, compared as an exact string.
    public var value: String

    /// Creates an index entry.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Creates an index entry from a key and a value.
    public init(_ key: String, _ value: String) {
        self.init(key: key, value: value)
    }
}
