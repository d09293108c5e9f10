import Foundation

/// The JSON encoder and decoder every API shares, so dates and key order look the same everywhere.
public enum JSONCoding {
    /// Encodes with sorted keys and ISO 8601 dates. Shared: encoding does not change the encoder's settings.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Decodes ISO 8601 dates. Shared, like the encoder.
    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

extension Request {
    /// Decodes the body as JSON, turning every decoding failure into a 400 that names the field at fault.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !body.isEmpty else {
            throw HTTPError.badRequest("The request body is empty; a JSON document is required.")
        }
        do {
            return try JSONCoding.decoder.decode(type, from: body)
        } catch let error as DecodingError {
            throw HTTPError.badRequest(error.clientDescription)
        } catch {
            throw HTTPError.badRequest("The request body is not valid JSON.")
        }
    }
}

extension DecodingError {
    /// A client-safe sentence naming the field path and what was wrong with it.
    var clientDescription: String {
        switch self {
        case .typeMismatch(let type, let context):
            "Field '\(context.fieldPath)' has the wrong type; expected \(Self.jsonTypeName(type))."
        case .valueNotFound(let type, let context):
            "Field '\(context.fieldPath)' is null; expected \(Self.jsonTypeName(type))."
        case .keyNotFound(let key, let context):
            "Field '\(context.appending(key).fieldPath)' is required."
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            "The request body is not valid JSON."
        case .dataCorrupted(let context):
            "Field '\(context.fieldPath)' has an invalid value."
        @unknown default:
            "The request body could not be decoded."
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int32.Type, is Int64.Type, is UInt32.Type, is UInt64.Type, is UInt.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

extension DecodingError.Context {
    var fieldPath: String {
        let path = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        let trimmed = path.hasPrefix(".") ? String(path.dropFirst()) : path
        return trimmed.isEmpty ? "(root)" : trimmed
    }

    func appending(_ key: any CodingKey) -> DecodingError.Context {
        DecodingError.Context(codingPath: codingPath + [key], debugDescription: debugDescription)
    }
}
