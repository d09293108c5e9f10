import Foundation
import MECStore
import Synchronization

/// Revoked access tokens by `jti`, kept until they expire: durable in the store collection `oauth-revocations`,
/// and in memory so the per-request check never waits for the store.
public final class RevocationList: Sendable {
    /// The store collection.
    public static let collection = "oauth-revocations"

    /// One revoked token.
    struct Entry: Codable, Sendable {
        var tokenId: String
        var clientId: String
        var expiresAt: Int64
        var revokedAt: Date
    }

    private let store: any Store
    private let revoked = Mutex<[String: Int64]>([:])

    private init(store: any Store) {
        self.store = store
    }

    /// Loads the revocations of tokens that have not expired yet and deletes the others.
    public static func load(store: any Store, now: Date = Date()) async throws -> RevocationList {
        let list = RevocationList(store: store)
        let current = Int64(now.timeIntervalSince1970)
        var live: [String: Int64] = [:]
        for document in try await store.list(collection) {
            let entry = try document.decode(Entry.self)
            if entry.expiresAt > current {
                live[entry.tokenId] = entry.expiresAt
            } else {
                _ = try await store.delete(collection, id: document.id)
            }
        }
        list.revoked.withLock { $0 = live }
        return list
    }

    /// Revokes a token: writes it to the store, then to memory, so a revocation the caller saw succeed holds on the
    /// next request and after a restart.
    public func revoke(tokenId: String, clientId: String, expiresAt: Int64) async throws {
        let entry = Entry(tokenId: tokenId, clientId: clientId, expiresAt: expiresAt, revokedAt: Date())
        _ = try await store.upsert(collection: Self.collection, id: tokenId, value: entry)
        revoked.withLock { entries in
            entries[tokenId] = expiresAt
            if entries.count > 4096 {
                let now = Int64(Date().timeIntervalSince1970)
                entries = entries.filter { $0.value > now }
            }
        }
    }

    /// Whether the token with `tokenId` was revoked.
    public func isRevoked(_ tokenId: String) -> Bool {
        revoked.withLock { $0[tokenId] != nil }
    }

    /// How many revocations are held in memory.
    public var count: Int { revoked.withLock { $0.count } }
}
