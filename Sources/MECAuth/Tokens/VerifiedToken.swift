import Foundation
import MECSecurity

/// An access token whose form, signature, issuer and audience were checked, with what the per-request check needs.
public struct VerifiedToken: Sendable {
    /// The claims.
    public let claims: AccessTokenClaims
    /// The granted scopes.
    public let scopes: Set<String>
    /// The raw SHA-256 certificate thumbprint from `cnf.x5t#S256`, when the token is certificate-bound.
    public let boundThumbprint: Data?

    init(claims: AccessTokenClaims) throws {
        self.claims = claims
        scopes = Set(claims.scopes)
        if let confirmation = claims.confirmation {
            guard let thumbprint = Base64URL.decode(confirmation.certificateThumbprint), thumbprint.count == 32 else {
                throw SecurityError(.malformedToken, "cnf x5t#S256 is not a base64url SHA-256 value")
            }
            boundThumbprint = thumbprint
        } else {
            boundThumbprint = nil
        }
    }
}
