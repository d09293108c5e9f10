import MECHTTP
import MECModel
import MECStore

/// The query parameters of a service availability query (`GET /services`, `GET /applications/{id}/services`), as a
/// store filter.
struct ServiceQuery: Sendable, Equatable {
    /// The parameters that select services by identifier, name or category; the specification allows at most one.
    static let selectors = ["ser_instance_id", "ser_name", "ser_category_id"]

    /// The documents to return.
    var filter: DocumentFilter

    /// Reads the query of `request`.
    ///
    /// A selector without a value (`ser_name=`, `ser_instance_id=,`) or with an identifier no service has selects
    /// nothing: its values are valid strings, so the answer is an empty list, not an error.
    ///
    /// - Throws: 414 when the URI is longer than `maximumURILength`; 400 when more than one of `ser_instance_id`,
    ///   `ser_name` and `ser_category_id` is given, when `ser_category_id` is repeated, or when
    ///   `scope_of_locality`, `consumed_local_only` or `is_local` has a value outside its type.
    static func parse(_ request: Request, maximumURILength: Int) throws -> ServiceQuery {
        let length = request.query.reduce(request.path.utf8.count) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 }
        if length > maximumURILength {
            throw HTTPError(
                status: 414, detail: "The request URI is longer than the \(maximumURILength) characters accepted.")
        }
        let present = selectors.filter { name in request.query.contains { $0.name == name } }
        if present.count > 1 {
            throw HTTPError.badRequest(
                "Query parameters ser_instance_id, ser_name and ser_category_id are mutually exclusive; give one.")
        }
        var filter = DocumentFilter.all
        switch present.first {
        case "ser_instance_id":
            filter = filter.and(ServiceRecord.Key.serInstanceId, in: request.queryValues("ser_instance_id"))
        case "ser_name":
            filter = filter.and(ServiceRecord.Key.serName, in: request.queryValues("ser_name"))
        case "ser_category_id":
            // A string, not a list: a comma is part of the identifier.
            filter = filter.and(ServiceRecord.Key.serCategoryId, equals: try single(request, "ser_category_id") ?? "")
        default:
            break
        }
        if let value = try single(request, "scope_of_locality") {
            guard let scope = LocalityType(rawValue: value) else {
                let allowed = LocalityType.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPError.badRequest("Query parameter scope_of_locality must be one of \(allowed).")
            }
            filter = filter.and(ServiceRecord.Key.scopeOfLocality, equals: scope.rawValue)
        }
        if let value = try boolean(request, "consumed_local_only") {
            filter = filter.and(ServiceRecord.Key.consumedLocalOnly, equals: String(value))
        }
        if let value = try boolean(request, "is_local") {
            filter = filter.and(ServiceRecord.Key.isLocal, equals: String(value))
        }
        return ServiceQuery(filter: filter)
    }

    private static func single(_ request: Request, _ name: String) throws -> String? {
        let values = request.query.filter { $0.name == name }.map(\.value)
        guard let value = values.first else { return nil }
        guard values.count == 1 else {
            throw HTTPError.badRequest("Query parameter \(name) takes one value.")
        }
        return value
    }

    private static func boolean(_ request: Request, _ name: String) throws -> Bool? {
        guard let value = try single(request, name) else { return nil }
        switch value {
        case "true": return true
        case "false": return false
        default: throw HTTPError.badRequest("Query parameter \(name) must be true or false.")
        }
    }
}
