/// A closed enumeration from the specification: decoding an unknown value fails with a message listing the values
/// that are allowed, which the client sees as a 400 naming the field.
///
/// Enumerations the specification marks as extensible do not use this protocol; they keep unknown values instead
/// (see `SerializerType` and `TransportType`).
public protocol SpecEnumeration: RawRepresentable, CaseIterable, Codable, Sendable, Hashable
where RawValue == String {}

extension SpecEnumeration {
    /// Decodes one of the known spellings and rejects anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingIssue.error(at: decoder.codingPath, .invalidValue, "must be one of \(allowed)")
        }
        self = value
    }

    /// Encodes the spelling from the specification.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
