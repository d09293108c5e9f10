import Foundation
import MECSecurity
import MECStore

/// The registered OAuth 2.0 clients, kept in the store collection `oauth-clients`.
///
/// ```swift
/// let registry = ClientRegistry(store: store)
/// let client = try ClientRegistry.certificateClient(id: "app-1", certificate: info, authority: ca, scopes: scopes)
/// try await registry.add(client)
/// ```
public struct ClientRegistry: Sendable {
    /// The store collection.
    public static let collection = "oauth-clients"

    private let store: any Store

    /// Creates a registry over `store`.
    public init(store: any Store) {
        self.store = store
    }

    /// Registers a client.
    ///
    /// - Throws: ``AuthError`` with code `invalid_client_metadata` for a bad identifier or scope, `conflict` when the
    ///   identifier is taken; `StoreError` when the store fails.
    public func add(_ client: OAuthClient) async throws {
        guard OAuthClient.isValidIdentifier(client.clientId) else {
            throw AuthError(.invalidClientMetadata, "client id must be 1 to 128 of A-Z a-z 0-9 . _ ~ -")
        }
        if let bad = client.scopes.first(where: { !MECScope.isValid($0) }) {
            throw AuthError(.invalidClientMetadata, "scope '\(bad)' is not a valid scope token")
        }
        do {
            _ = try await store.insert(
                collection: Self.collection,
                id: client.clientId,
                value: client,
                indexes: [IndexEntry("authenticationMethod", client.authenticationMethod.rawValue)]
            )
        } catch let error as StoreError where error.code == .conflict {
            throw AuthError(.conflict, "a client with this id is already registered")
        }
    }

    /// The client with `id`, or nil.
    public func client(id: String) async throws -> OAuthClient? {
        guard OAuthClient.isValidIdentifier(id) else { return nil }
        return try await store.get(OAuthClient.self, from: Self.collection, id: id)
    }

    /// Every client, oldest first.
    public func list() async throws -> [OAuthClient] {
        try await store.list(Self.collection).map { try $0.decode(OAuthClient.self) }
    }

    /// Removes a client; returns whether it existed.
    public func remove(id: String) async throws -> Bool {
        try await store.delete(Self.collection, id: id)
    }

    /// A client bound to a certificate: `tls_client_auth` by subject DN when the local CA issued it, else
    /// `self_signed_tls_client_auth` by thumbprint. Its tokens are always certificate-bound.
    public static func certificateClient(
        id: String,
        certificate: CertificateInfo,
        authority: CertificateInfo,
        scopes: [String]
    ) -> OAuthClient {
        if certificate.isIssued(by: authority) {
            return OAuthClient(
                clientId: id,
                authenticationMethod: .tlsClientAuth,
                subjectDN: certificate.subject,
                scopes: scopes,
                requiresCertificateBoundTokens: true
            )
        }
        return OAuthClient(
            clientId: id,
            authenticationMethod: .selfSignedTLSClientAuth,
            certificateThumbprint: certificate.thumbprintBase64URL,
            scopes: scopes,
            requiresCertificateBoundTokens: true
        )
    }

    /// A `client_secret_basic` client with a new random secret; returns the client and the secret, which is shown
    /// once and never stored.
    public static func secretClient(id: String, scopes: [String], requiresCertificateBoundTokens: Bool = false)
        throws -> (client: OAuthClient, secret: String)
    {
        let secret = Base64URL.encode(try SecureRandom.bytes(32))
        let client = OAuthClient(
            clientId: id,
            authenticationMethod: .clientSecretBasic,
            secretHash: try SecretHash.make(secret).encoded,
            scopes: scopes,
            requiresCertificateBoundTokens: requiresCertificateBoundTokens
        )
        return (client, secret)
    }
}
