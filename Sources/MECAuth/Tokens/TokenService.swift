import Foundation
import MECObservability
import MECSecurity

/// Signs access tokens with the platform key and verifies them: the one holder of the token signing key.
///
/// The key lives in the data directory (``signingKeyFileName``, mode 0600); its public half is published as JWKS.
public final class TokenService: Sendable {
    /// The file name of the token signing key in the data directory.
    public static let signingKeyFileName = "oauth-signing.key"
    /// Seconds of clock difference tolerated for `iat` in the future.
    static let clockLeeway: Int64 = 30

    private let key: ECSigningKey
    private let verifyingKey: ECVerifyingKey
    private let baseURL: @Sendable () -> String

    /// The public key as a JWK.
    public let publicJWK: JSONWebKey

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - key: the signing key.
    ///   - baseURL: the host's `https://host:port`, known once the server listens; it is the issuer and audience.
    public init(key: ECSigningKey, baseURL: @escaping @Sendable () -> String) {
        self.key = key
        self.verifyingKey = key.publicKey
        self.publicJWK = key.publicKeyJWK
        self.baseURL = baseURL
    }

    /// Loads or creates the signing key in `dataDirectory`.
    public static func load(dataDirectory: URL, baseURL: @escaping @Sendable () -> String, logger: Logger) throws
        -> TokenService
    {
        let file = dataDirectory.appendingPathComponent(signingKeyFileName)
        return TokenService(key: try ECSigningKey.loadOrCreate(file: file, logger: logger), baseURL: baseURL)
    }

    /// The issuer identifier and the token audience: the host's base URL.
    public var issuer: String { baseURL() }

    /// Signs claims as an RFC 9068 access token (`typ` at+jwt, ES256).
    public func sign(_ claims: AccessTokenClaims) throws -> String {
        try JSONWebSignature.sign(payload: claims.encoded(), type: JWSHeader.accessTokenType, key: key)
    }

    /// Checks form, header, signature, issuer and audience; expiry and revocation are the caller's to check, since
    /// they change while a verified token is cached.
    public func verify(_ token: String) throws(TokenRejection) -> VerifiedToken {
        let verified: JSONWebSignature.Verified
        do {
            verified = try JSONWebSignature.verify(token, type: JWSHeader.accessTokenType, key: verifyingKey)
        } catch let error as SecurityError {
            switch error.code {
            case .unsupportedAlgorithm: throw .unsupportedAlgorithm
            case .invalidSignature: throw .invalidSignature
            default: throw .malformed
            }
        } catch {
            throw .malformed
        }
        let claims: AccessTokenClaims
        let result: VerifiedToken
        do {
            claims = try AccessTokenClaims.decode(verified.payload)
            result = try VerifiedToken(claims: claims)
        } catch {
            throw .malformed
        }
        let expected = issuer
        guard claims.issuer == expected, claims.audience == expected else {
            throw .wrongIssuerOrAudience
        }
        return result
    }

    /// Whether claims are within their validity at `now` (seconds since 1970).
    static func isCurrent(_ claims: AccessTokenClaims, now: Int64) -> Bool {
        now < claims.expiresAt && claims.issuedAt <= now + clockLeeway
    }
}
