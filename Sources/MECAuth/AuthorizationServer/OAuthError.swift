import Foundation
import MECHTTP

/// An OAuth 2.0 error answer (RFC 6749 section 5.2), sent as JSON that is both an OAuth error and a ProblemDetails.
struct OAuthError: Error, Sendable {
    /// The OAuth error code, such as `invalid_client`.
    let code: String
    /// A client-safe explanation.
    let description: String
    /// The HTTP status.
    let status: Int
    /// Whether the client tried HTTP Basic, so that the answer must challenge it (RFC 6749 section 5.2).
    var challengeBasic = false

    static func invalidRequest(_ description: String) -> OAuthError {
        OAuthError(code: "invalid_request", description: description, status: 400)
    }

    static func invalidClient(_ description: String, basic: Bool = false) -> OAuthError {
        OAuthError(code: "invalid_client", description: description, status: 401, challengeBasic: basic)
    }

    static func unsupportedGrantType() -> OAuthError {
        OAuthError(code: "unsupported_grant_type", description: "Only client_credentials is supported.", status: 400)
    }

    static func invalidScope(_ description: String) -> OAuthError {
        OAuthError(code: "invalid_scope", description: description, status: 400)
    }

    /// The body: RFC 6749 members and RFC 9457 members side by side.
    struct Body: Encodable {
        let error: String
        let errorDescription: String
        let type = "about:blank"
        let title: String
        let status: Int
        let detail: String
        let instance: String

        enum CodingKeys: String, CodingKey {
            case error
            case errorDescription = "error_description"
            case type, title, status, detail, instance
        }
    }

    func response(instance: String) -> Response {
        var headers = HTTPHeaders()
        headers["Cache-Control"] = "no-store"
        if challengeBasic {
            headers["WWW-Authenticate"] = "Basic realm=\"mec\""
        }
        let body = Body(
            error: code,
            errorDescription: description,
            title: HTTPStatus.reasonPhrase(status),
            status: status,
            detail: description,
            instance: instance
        )
        return (try? Response.json(body, status: status, headers: headers))
            ?? Response(status: status, headers: headers)
    }
}
