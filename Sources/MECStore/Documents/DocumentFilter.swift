/// Selects documents of a collection by their index entries.
///
/// A document matches when, for every condition, it has at least one index entry with the condition's key and one of
/// its values. Conditions on the same key are independent, so a document indexed with `tag=a` and `tag=b` matches
/// `.key("tag", equals: "a").and("tag", equals: "b")`. A condition with no acceptable value matches nothing.
///
/// ```swift
/// let filter = DocumentFilter.key("serName", equals: "rnis").and("state", in: ["ACTIVE", "SUSPENDED"])
/// ```
public struct DocumentFilter: Sendable, Hashable {
    /// One required index key and the values it may have.
    public struct Condition: Sendable, Hashable {
        /// The index key.
        public var key: String
        /// The acceptable values; the condition holds when the document has the key with any of them.
        public var values: [String]

        /// Creates a condition.
        public init(key: String, values: [String]) {
            self.key = key
            self.values = values
        }
    }

    /// The conditions, all of which must hold.
    public private(set) var conditions: [Condition]

    /// Matches every document of the collection.
    public static let all = DocumentFilter(conditions: [])

    /// Creates a filter from conditions, all of which must hold.
    public init(conditions: [Condition]) {
        self.conditions = conditions
    }

    /// Matches documents that have index entry `key` with `value`.
    public static func key(_ key: String, equals value: String) -> DocumentFilter {
        DocumentFilter.all.and(key, equals: value)
    }

    /// Matches documents that have index entry `key` with any of `values`.
    public static func key(_ key: String, in values: some Sequence<String>) -> DocumentFilter {
        DocumentFilter.all.and(key, in: values)
    }

    /// This filter with one more required `key` = `value`.
    public func and(_ key: String, equals value: String) -> DocumentFilter {
        and(key, in: [value])
    }

    /// This filter with one more required `key` IN `values`.
    public func and(_ key: String, in values: some Sequence<String>) -> DocumentFilter {
        var copy = self
        copy.conditions.append(Condition(key: key, values: Array(values)))
        return copy
    }

    /// Whether some condition has no acceptable value, so that no document can match.
    public var matchesNothing: Bool {
        conditions.contains { $0.values.isEmpty }
    }

    /// Whether a document with these index entries matches; backends that filter in memory use this.
    public func matches(_ indexes: [IndexEntry]) -> Bool {
        conditions.allSatisfy { condition in
            indexes.contains { $0.key == condition.key && condition.values.contains($0.value) }
        }
    }
}
