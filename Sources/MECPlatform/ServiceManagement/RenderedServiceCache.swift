import Foundation
import Synchronization

/// The JSON of services as discovery answers them, per stored document version, so that a query does not decode,
/// render and encode every matching service again.
///
/// An entry is used only for the same document version and the same platform URLs it was rendered with; every write
/// of a service raises its version, so a changed service is rendered afresh. Entries of removed services stay until
/// the cache is full, when it starts over.
final class RenderedServiceCache: Sendable {
    /// One rendered service.
    struct Entry: Sendable {
        /// The document version rendered.
        var version: Int64
        /// The base URL and token endpoint the links and security info were rendered with.
        var platform: String
        /// Whether only consumers in the service's locality may see it.
        var consumedLocalOnly: Bool
        /// The rendered `ServiceInfo` as JSON.
        var json: Data
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    /// Creates an empty cache that holds at most `capacity` services.
    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// The entry of service `id` at `version` rendered for `platform`, if there is one.
    func entry(_ id: String, version: Int64, platform: String) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[id], entry.version == version, entry.platform == platform else { return nil }
            return entry
        }
    }

    /// Keeps `entry` for service `id`, replacing an older one.
    func store(_ entry: Entry, for id: String) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[id] == nil {
                entries.removeAll(keepingCapacity: true)
            }
            entries[id] = entry
        }
    }

    /// Forgets service `id`.
    func remove(_ id: String) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }
}
