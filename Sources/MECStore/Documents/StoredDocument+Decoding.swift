extension StoredDocument {
    /// Decodes the body with ``DocumentCoding``.
    ///
    /// ```swift
    /// let service = try document.decode(ServiceInfo.self)
    /// ```
    /// - Throws: ``StoreError`` with code ``StoreError/Code/invalidDocument`` when the body does not decode as `T`.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try DocumentCoding.decode(type, from: body)
    }
}
