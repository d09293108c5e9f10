import Synchronization

/// Tokens whose signature was already checked, by token text, so a client reusing its token costs a dictionary
/// lookup instead of an ECDSA verification. Expiry, revocation, binding and scope are still checked per request.
final class VerifiedTokenCache: Sendable {
    private let capacity: Int
    private let entries = Mutex<[String: VerifiedToken]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ token: String) -> VerifiedToken? {
        entries.withLock { $0[token] }
    }

    /// Adds a token; when full, first drops expired tokens, then everything.
    func put(_ token: String, _ verified: VerifiedToken, now: Int64) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.claims.expiresAt > now }
                if entries.count >= capacity {
                    entries.removeAll(keepingCapacity: true)
                }
            }
            entries[token] = verified
        }
    }
}
