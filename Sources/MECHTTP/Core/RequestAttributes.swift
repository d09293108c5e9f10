/// A key for a value that middleware attaches to a request, such as the authenticated client.
public protocol RequestAttributeKey {
    /// The type of the attached value.
    associatedtype Value: Sendable
}

/// Typed values attached to a request by middleware and read by handlers.
public struct RequestAttributes: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    /// Creates an empty set.
    public init() {}

    /// The value for `key`, or nil.
    public subscript<Key: RequestAttributeKey>(key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
