import Foundation
import MECModel
import Testing

/// A request body, the operation it is sent with, and the field validation should reject (none for a good body).
struct ValidationCase: Sendable, CustomTestStringConvertible {
    var name: String
    var body: String
    var context: ValidationContext
    var field: String?
    var check: @Sendable (Data, ValidationContext) throws(ValidationError) -> Void

    var testDescription: String {
        name
    }

    static func of<T: Decodable & Validatable & Sendable>(
        _ type: T.Type,
        _ name: String,
        _ body: String,
        _ context: ValidationContext = .create,
        rejects field: String? = nil
    ) -> ValidationCase {
        ValidationCase(name: name, body: body, context: context, field: field) {
            data, context throws(ValidationError) in
            _ = try MECModelCoding.decodeRequest(T.self, from: data, context: context)
        }
    }

    /// The example `base` with every `replacements` key replaced by its value.
    static func edit(_ base: String, _ replacements: KeyValuePairs<String, String>) -> String {
        replacements.reduce(base) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}
