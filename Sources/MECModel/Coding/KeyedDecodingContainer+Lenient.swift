extension KeyedDecodingContainer {
    /// Decodes a value that one of the two specification files writes as a scalar and the other as an array
    /// holding that scalar; a one-element array is accepted in place of the scalar.
    func decodeScalarOrSingleton<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let value = try? decode(T.self, forKey: key) {
            return value
        }
        var nested = try nestedUnkeyedContainer(forKey: key)
        guard nested.count == 1 else {
            throw DecodingIssue.error(at: codingPath + [key], .wrongType, "must be a single value")
        }
        return try nested.decode(T.self)
    }

    /// Like `decodeScalarOrSingleton(_:forKey:)` for a member that may be absent.
    func decodeScalarOrSingletonIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key), try !decodeNil(forKey: key) else {
            return nil
        }
        return try decodeScalarOrSingleton(type, forKey: key)
    }

    /// Decodes an array that may also be written as its single element.
    func decodeArrayOrSingleIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> [T]? {
        guard contains(key), try !decodeNil(forKey: key) else {
            return nil
        }
        if let values = try? decode([T].self, forKey: key) {
            return values
        }
        return [try decode(T.self, forKey: key)]
    }

    /// Whether `key` is present with a value other than `null`.
    func hasValue(forKey key: Key) -> Bool {
        guard contains(key) else {
            return false
        }
        return (try? decodeNil(forKey: key)) == false
    }
}
