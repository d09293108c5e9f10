import Foundation
import MECHTTP
import MECStore

/// Strong entity tags derived from a stored document's version, and `If-Match` checks (RFC 9110 §13.1.1).
enum EntityTag {
    /// The tag of a document version, such as `"3"`.
    static func tag(_ version: Int64) -> String {
        "\"\(version)\""
    }

    /// Headers carrying the tag of `document`.
    static func headers(_ document: StoredDocument) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers["ETag"] = tag(document.version)
        return headers
    }

    /// The version `If-Match` requires, nil when the header is absent or `*`.
    ///
    /// A tag that names no version of ours can never match, so it yields 412 at once.
    static func requiredVersion(_ request: Request, current: Int64) throws -> Int64? {
        guard let header = request.headers["If-Match"]?.trimmingCharacters(in: .whitespaces), !header.isEmpty
        else { return nil }
        if header == "*" { return nil }
        let tags = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard tags.contains(tag(current)) else {
            throw HTTPError.preconditionFailed("The resource has changed; If-Match does not name its current ETag.")
        }
        return current
    }
}
