import Foundation

/// The claims of a JWT access token (RFC 9068), with the certificate confirmation of RFC 8705.
///
/// Times are NumericDate values: whole seconds since 1970-01-01T00:00:00Z.
public struct AccessTokenClaims: Codable, Hashable, Sendable {
    /// The confirmation claim (`cnf`) that binds a token to a client certificate.
    public struct Confirmation: Codable, Hashable, Sendable {
        /// `x5t#S256`: the base64url SHA-256 thumbprint of the DER client certificate.
        public var certificateThumbprint: String

        /// Creates a confirmation for a certificate thumbprint in base64url.
        public init(certificateThumbprint: String) {
            self.certificateThumbprint = certificateThumbprint
        }

        enum CodingKeys: String, CodingKey {
            case certificateThumbprint = "x5t#S256"
        }
    }

    /// The issuer: the authorization server's URL.
    public var issuer: String
    /// The subject: the client the token was issued to (for MEC application instances, the appInstanceId).
    public var subject: String
    /// The audience: the resource server the token is meant for.
    public var audience: String
    /// The OAuth 2.0 client identifier.
    public var clientID: String
    /// When the token was issued.
    public var issuedAt: Int64
    /// When the token stops being valid.
    public var expiresAt: Int64
    /// A unique token identifier, used for revocation.
    public var tokenID: String
    /// The granted scopes, space separated.
    public var scope: String
    /// The certificate the token is bound to, if any.
    public var confirmation: Confirmation?

    /// Creates claims.
    public init(
        issuer: String,
        subject: String,
        audience: String,
        clientID: String,
        issuedAt: Int64,
        expiresAt: Int64,
        tokenID: String,
        scope: String,
        confirmation: Confirmation? = nil
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.clientID = clientID
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.tokenID = tokenID
        self.scope = scope
        self.confirmation = confirmation
    }

    /// The granted scopes as a list.
    public var scopes: [String] {
        scope.split(separator: " ").map(String.init)
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case audience = "aud"
        case clientID = "client_id"
        case issuedAt = "iat"
        case expiresAt = "exp"
        case tokenID = "jti"
        case scope
        case confirmation = "cnf"
    }

    /// Decodes claims; `aud` may be a string or an array holding one string, as RFC 7519 allows.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try container.decode(String.self, forKey: .issuer)
        subject = try container.decode(String.self, forKey: .subject)
        if let single = try? container.decode(String.self, forKey: .audience) {
            audience = single
        } else {
            let list = try container.decode([String].self, forKey: .audience)
            guard list.count == 1 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .audience, in: container, debugDescription: "aud must name one audience")
            }
            audience = list[0]
        }
        clientID = try container.decode(String.self, forKey: .clientID)
        issuedAt = try container.decode(Int64.self, forKey: .issuedAt)
        expiresAt = try container.decode(Int64.self, forKey: .expiresAt)
        tokenID = try container.decode(String.self, forKey: .tokenID)
        scope = try container.decodeIfPresent(String.self, forKey: .scope) ?? ""
        confirmation = try container.decodeIfPresent(Confirmation.self, forKey: .confirmation)
    }

    /// The claims as JSON with sorted keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Decodes claims from a verified payload.
    ///
    /// - Throws: `SecurityError` with code `malformed_token` when required claims are missing or mistyped.
    public static func decode(_ payload: Data) throws -> AccessTokenClaims {
        do {
            return try JSONDecoder().decode(AccessTokenClaims.self, from: payload)
        } catch {
            throw SecurityError(.malformedToken, "claims are missing or mistyped")
        }
    }
}
