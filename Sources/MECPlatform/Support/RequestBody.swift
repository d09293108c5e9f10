import Foundation
import MECHTTP
import MECModel

/// Reads MEC 011 request bodies.
enum RequestBody {
    /// Decodes and validates a body of type `T`.
    ///
    /// The ETSI OpenAPI files describe each body as an object with one member named after its schema
    /// (`{"ServiceInfo": {...}}`) while the specification sends the schema itself; both forms are accepted.
    /// Any decoding or validation failure is a 400 whose detail names the fields at fault.
    static func decode<T: Decodable & Validatable>(
        _ type: T.Type,
        wrapper: String,
        from request: Request,
        context: ValidationContext
    ) throws -> T {
        guard !request.body.isEmpty else {
            throw HTTPError.badRequest("The request body is empty; a \(wrapper) JSON object is required.")
        }
        let body = unwrap(request.body, wrapper: wrapper)
        do {
            return try MECModelCoding.decodeRequest(type, from: body, context: context)
        } catch {
            throw HTTPError.badRequest(error.description)
        }
    }

    /// The inner object when `data` is exactly `{"<wrapper>": {...}}`, else `data` unchanged.
    static func unwrap(_ data: Data, wrapper: String) -> Data {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object.count == 1,
            let inner = object[wrapper] as? [String: Any],
            let encoded = try? JSONSerialization.data(withJSONObject: inner)
        else { return data }
        return encoded
    }
}
