import Foundation

/// The one JSON configuration for MEC data types: sorted keys, unescaped slashes, ISO 8601 dates.
///
/// `encoder` and `decoder` make a fresh coder per access so that no caller can change the shared settings; the
/// functions here use one private coder of each kind, which encoding and decoding never change.
public enum MECModelCoding {
    /// An encoder with sorted keys, unescaped slashes and ISO 8601 dates.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A decoder with ISO 8601 dates.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    // One notification fan-out encodes or decodes thousands of values; a coder per call shows up there.
    private static let sharedEncoder = encoder
    private static let sharedDecoder = decoder

    /// Encodes `value` as JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try sharedEncoder.encode(value)
    }

    /// Decodes a `T` from JSON.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try sharedDecoder.decode(type, from: data)
    }

    /// Decodes a request body and validates it, reporting every failure as a `ValidationError` that names the field.
    ///
    /// - Parameters:
    ///   - type: The request body type.
    ///   - data: The JSON body.
    ///   - context: The operation the body was sent with.
    /// - Throws: `ValidationError` when the body does not decode or breaks a rule of the specification.
    public static func decodeRequest<T: Decodable & Validatable>(
        _ type: T.Type,
        from data: Data,
        context: ValidationContext
    ) throws(ValidationError) -> T {
        let value: T
        do {
            value = try sharedDecoder.decode(type, from: data)
        } catch {
            throw ValidationError(decodingFailure: error)
        }
        try value.validate(in: context)
        return value
    }
}
