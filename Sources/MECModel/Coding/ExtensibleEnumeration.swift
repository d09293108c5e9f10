/// An enumeration the specification marks as extensible: an unknown value decodes as `other` and is written back
/// unchanged, so a newer peer's values survive a round trip.
public protocol ExtensibleEnumeration: RawRepresentable, Codable, Sendable, Hashable where RawValue == String {
    /// The value spelled `rawValue`; never fails, since unknown spellings are kept.
    init(rawValue: String)
}

extension ExtensibleEnumeration {
    /// Decodes any string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the spelling used in JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
