import Foundation
import MECModel
import Testing

/// A realistic JSON body for one schema, with the Swift type that models it.
struct Example: Sendable, CustomTestStringConvertible {
    var schema: String
    var file: SpecFixture.File
    var json: String
    var roundTrip: @Sendable (Data) throws -> Data

    var testDescription: String {
        "\(schema) in \(file.rawValue)"
    }

    static func of<T: Codable & Sendable>(_ type: T.Type, _ schema: String, _ file: SpecFixture.File, _ json: String)
        -> Example
    {
        Example(schema: schema, file: file, json: json) { data in
            try MECModelCoding.encode(try MECModelCoding.decode(T.self, from: data))
        }
    }

    /// The body as a JSON value, for comparisons that ignore key order and white space.
    var value: JSONValue {
        get throws { try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) }
    }

    /// The body with the top-level member `key` removed.
    func removing(_ key: String) throws -> Data {
        guard case .object(var members) = try value else {
            throw SpecFixture.Failure(description: "example of \(schema) is not an object")
        }
        members[key] = nil
        return try JSONEncoder().encode(JSONValue.object(members))
    }
}
