import Foundation
import MECHTTP
import MECObservability
import MECSecurity

/// The resource-server check in front of every protected route.
///
/// For a route the ``ScopeTable`` does not mark public it requires `Authorization: Bearer` with an access token of
/// this platform that is well formed, ES256-signed with the platform key, current, not revoked and, when bound,
/// bound to the certificate on this connection (RFC 8705); then a scope that grants the route and method. Failures
/// answer 401 or 403 with `WWW-Authenticate` (RFC 6750) and go to the audit trail.
///
/// It runs on the network thread and never waits: signatures are checked once per token and cached, revocations
/// are in memory, audit events are queued.
public struct TokenCheckMiddleware: Middleware {
    private let tokens: TokenService
    private let revocations: RevocationList
    private let table: ScopeTable
    private let certificates: ClientCertificateSource
    private let audit: AuditTrail
    private let cache: VerifiedTokenCache
    private let outcomes: CounterFamily
    private static let allowedLabel = ["allowed"]

    /// Creates the middleware.
    public init(
        tokens: TokenService,
        revocations: RevocationList,
        table: ScopeTable,
        certificates: ClientCertificateSource,
        audit: AuditTrail,
        metrics: MetricsRegistry,
        cacheCapacity: Int = 10_000
    ) {
        self.tokens = tokens
        self.revocations = revocations
        self.table = table
        self.certificates = certificates
        self.audit = audit
        self.cache = VerifiedTokenCache(capacity: cacheCapacity)
        self.outcomes = metrics.counter(
            "mec_token_checks_total",
            help: "Access token checks on protected routes, by outcome.",
            labels: ["outcome"]
        )
    }

    public func prepare(_ request: inout Request) throws -> Response? {
        guard let template = request.routeTemplate else {
            return nil  // no route: the router answers 404 and reveals nothing
        }
        let access = table.access(request.method, template)
        if access == .public {
            return nil
        }
        let thumbprint = certificates.thumbprint(of: request)
        let verified: VerifiedToken
        do {
            verified = try authenticate(request, thumbprint: thumbprint)
        } catch {
            return reject(request, template, error, thumbprint: thumbprint)
        }
        let claims = verified.claims
        switch access {
        case .public, .methodNotListed:
            break
        case .scopes(let granting):
            if verified.scopes.isDisjoint(with: granting) {
                return deny(request, template, claims, thumbprint, reason: "insufficient_scope", scopes: granting)
            }
        case .unlisted:
            return deny(request, template, claims, thumbprint, reason: "route_not_in_scope_table", scopes: [])
        }
        outcomes.increment(Self.allowedLabel)
        request.attributes[AuthenticatedClient.Key.self] = AuthenticatedClient(
            clientId: claims.clientID,
            subject: claims.subject,
            scopes: verified.scopes,
            certificateThumbprint: claims.confirmation?.certificateThumbprint,
            tokenId: claims.tokenID
        )
        return nil
    }

    private func authenticate(_ request: Request, thumbprint: Data?) throws(TokenRejection) -> VerifiedToken {
        guard let token = Self.bearerCredentials(request.headers) else {
            throw .missing
        }
        let now = Int64(Date().timeIntervalSince1970)
        let verified: VerifiedToken
        // Only verified tokens are cached, so a hit needs no character check; a miss is checked before verifying.
        if let cached = cache.get(token) {
            verified = cached
        } else {
            guard Self.isToken68(token) else {
                throw .malformed
            }
            verified = try tokens.verify(token)
            cache.put(token, verified, now: now)
        }
        guard TokenService.isCurrent(verified.claims, now: now) else {
            throw .expired
        }
        if revocations.isRevoked(verified.claims.tokenID) {
            throw .revoked
        }
        if let bound = verified.boundThumbprint {
            guard let thumbprint, ConstantTime.equals(bound, thumbprint) else {
                throw .certificateMismatch
            }
        }
        return verified
    }

    /// The token of `Authorization: Bearer <token>`; nil when absent or not one well-formed Bearer credential.
    ///
    /// Works on UTF-8 bytes: this runs on every protected request, and character-level string operations on a
    /// token of several hundred bytes cost more than the rest of the check.
    /// The credentials of a well-formed `Authorization: Bearer` header, not yet checked for token68 characters.
    static func bearerCredentials(_ headers: HTTPHeaders) -> String? {
        let values = headers.values("Authorization")
        guard values.count == 1 else { return nil }
        var value = values[0]
        return value.withUTF8 { bytes -> String? in
            let scheme: [UInt8] = Array("bearer ".utf8)
            guard bytes.count > scheme.count else { return nil }
            for index in 0..<scheme.count where bytes[index] | 0x20 != scheme[index] | 0x20 {
                return nil
            }
            var start = scheme.count
            var end = bytes.count
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard start < end else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Whether credentials hold token68 characters only (RFC 6750 section 2.1), which also rules out spaces and
    /// control bytes.
    static func isToken68(_ text: String) -> Bool {
        text.utf8.allSatisfy(Self.isToken68)
    }

    private static func isToken68(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2B || byte == 0x2F
            || byte == 0x3D
    }

    private func reject(_ request: Request, _ template: String, _ rejection: TokenRejection, thumbprint: Data?)
        -> Response
    {
        outcomes.increment([rejection.rawValue])
        audit.record(
            AuditEvent(
                kind: .tokenRejected,
                reason: rejection.rawValue,
                certificateThumbprint: thumbprint.map(Base64URL.encode),
                method: request.method.rawValue,
                route: template,
                remoteAddress: request.remoteAddress,
                requestId: request.id
            )
        )
        // RFC 6750 section 3.1: a request without credentials gets a challenge with no error code.
        let challenge =
            rejection == .missing
            ? "Bearer realm=\"mec\""
            : "Bearer realm=\"mec\", error=\"invalid_token\", error_description=\"\(Self.describe(rejection))\""
        let error = HTTPError(
            status: 401,
            detail: rejection == .missing
                ? "This resource needs an access token." : "The access token is not valid for this request.",
            headers: ["WWW-Authenticate": challenge]
        )
        return .problem(error, instance: request.absoluteURI)
    }

    private func deny(
        _ request: Request,
        _ template: String,
        _ claims: AccessTokenClaims,
        _ thumbprint: Data?,
        reason: String,
        scopes: Set<String>
    ) -> Response {
        outcomes.increment([reason])
        audit.record(
            AuditEvent(
                kind: .accessDenied,
                reason: reason,
                clientId: claims.clientID,
                certificateThumbprint: thumbprint.map(Base64URL.encode),
                method: request.method.rawValue,
                route: template,
                tokenId: claims.tokenID,
                remoteAddress: request.remoteAddress,
                requestId: request.id
            )
        )
        var challenge = "Bearer realm=\"mec\", error=\"insufficient_scope\""
        if !scopes.isEmpty {
            challenge += ", scope=\"\(scopes.sorted().joined(separator: " "))\""
        }
        let error = HTTPError(
            status: 403,
            detail: "The access token does not grant this method on this resource.",
            headers: ["WWW-Authenticate": challenge]
        )
        return .problem(error, instance: request.absoluteURI)
    }

    private static func describe(_ rejection: TokenRejection) -> String {
        switch rejection {
        case .missing: "no token"
        case .malformed, .unsupportedAlgorithm: "malformed token"
        case .invalidSignature, .wrongIssuerOrAudience: "token not issued here"
        case .expired: "token expired"
        case .revoked: "token revoked"
        case .certificateMismatch: "token bound to another certificate"
        }
    }
}
