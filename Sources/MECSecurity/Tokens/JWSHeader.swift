import Foundation

/// The protected header of a JWS this platform makes or accepts: ES256, a type and a key identifier, nothing more.
///
/// Parsing is strict on purpose. Only `alg`, `typ` and `kid` are allowed; any other member (`crit`, `jku`, `x5u`,
/// `jwk`, `x5c` and the rest) makes the token unacceptable, so a token can never tell the verifier which key or
/// algorithm to use. `alg` must be exactly `ES256`: `none`, HMAC and every other algorithm are refused.
public struct JWSHeader: Hashable, Sendable {
    /// The only algorithm this platform signs or verifies with.
    public static let algorithm = "ES256"
    /// The JWT type of OAuth 2.0 access tokens (RFC 9068).
    public static let accessTokenType = "at+jwt"

    /// The signing algorithm, always `ES256`.
    public let alg: String
    /// The media type of the token, such as `at+jwt`.
    public let typ: String
    /// The identifier of the signing key (its RFC 7638 thumbprint).
    public let kid: String?

    /// Creates an ES256 header.
    public init(type: String, keyID: String?) {
        alg = Self.algorithm
        typ = type
        kid = keyID
    }

    /// The header as compact JSON with members in a fixed order.
    var json: Data {
        var members = [("alg", alg), ("typ", typ)]
        if let kid { members.append(("kid", kid)) }
        let body = members.map { "\(Self.quoted($0.0)):\(Self.quoted($0.1))" }.joined(separator: ",")
        return Data("{\(body)}".utf8)
    }

    /// Parses and checks a decoded header.
    ///
    /// - Throws: `SecurityError` with code `unsupported_algorithm` when `alg` is not exactly `ES256`, and
    ///   `malformed_token` for anything else that is wrong: not a JSON object, a member other than `alg`, `typ` and
    ///   `kid`, a member that is not a string, or a type other than `expectedType`.
    static func parse(_ data: Data, expectedType: String) throws -> JWSHeader {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SecurityError(.malformedToken, "header is not a JSON object")
        }
        let allowed: Set<String> = ["alg", "typ", "kid"]
        if let unexpected = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw SecurityError(.malformedToken, "header member '\(unexpected)' is not accepted")
        }
        guard let alg = object["alg"] as? String else {
            throw SecurityError(.malformedToken, "header has no alg")
        }
        guard alg == algorithm else {
            throw SecurityError(.unsupportedAlgorithm, "only ES256 is accepted")
        }
        guard let typ = object["typ"] as? String, typ == expectedType else {
            throw SecurityError(.malformedToken, "header typ is not \(expectedType)")
        }
        let kid = object["kid"]
        guard kid == nil || kid is String else {
            throw SecurityError(.malformedToken, "header kid is not a string")
        }
        return JWSHeader(type: typ, keyID: kid as? String)
    }

    private static func quoted(_ text: String) -> String {
        // Header values are identifiers we chose ourselves; escape anyway so the output is always valid JSON.
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
