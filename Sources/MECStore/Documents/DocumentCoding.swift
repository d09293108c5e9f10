import Foundation

/// The one JSON configuration for stored documents: ISO 8601 dates and sorted keys, so that equal values encode to
/// equal bytes.
///
/// Dates are written in UTC with milliseconds (`2024-05-01T12:00:00.250Z`) so that ordering by time survives a round
/// trip; dates without fractional seconds are read as well.
public enum DocumentCoding {
    private static let fractionalDates = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeSecondDates = Date.ISO8601FormatStyle()

    // Shared by every call: encoding and decoding do not change the settings, and both are safe to run
    // concurrently. One store write or read can encode or decode thousands of documents.
    private static let sharedEncoder = makeEncoder()
    private static let sharedDecoder = makeDecoder()

    /// Creates an encoder with the document configuration.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(fractionalDates))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Creates a decoder with the document configuration.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = (try? fractionalDates.parse(text)) ?? (try? wholeSecondDates.parse(text)) {
                return date
            }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "date is not in ISO 8601 form")
        }
        return decoder
    }

    /// Encodes `value` as JSON bytes.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/invalidArgument`` when `value` cannot be encoded.
    public static func encode(_ value: some Encodable) throws -> Data {
        do {
            return try sharedEncoder.encode(value)
        } catch let error as EncodingError {
            throw StoreError(.invalidArgument, "value cannot be encoded as JSON\(location(of: error))")
        }
    }

    /// Decodes JSON bytes as `type`.
    ///
    /// - Throws: ``StoreError`` with code ``StoreError/Code/invalidDocument`` when the bytes do not decode as `type`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try sharedDecoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw StoreError(.invalidDocument, "document does not decode as \(T.self)\(location(of: error))")
        }
    }

    /// Where in the value the error happened, as coding keys only; values stay out of the message.
    private static func location(of error: any Error) -> String {
        let path: [any CodingKey]
        switch error {
        case EncodingError.invalidValue(_, let context):
            path = context.codingPath
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.keyNotFound(_, let context), DecodingError.dataCorrupted(let context):
            path = context.codingPath
        default:
            path = []
        }
        guard !path.isEmpty else { return "" }
        let keys = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return " at \(keys.joined(separator: "."))"
    }
}
