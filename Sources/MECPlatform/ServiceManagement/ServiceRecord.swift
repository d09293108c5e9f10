import MECModel
import MECStore

/// A registered service as the store holds it: the `ServiceInfo` (with its platform-assigned `serInstanceId`, no
/// `transportId` and no `_links`), the application instance that produces it, and the document version (the ETag).
struct ServiceRecord: Sendable {
    /// Index keys of service documents; discovery filters on these.
    enum Key {
        static let appInstanceId = "appInstanceId"
        static let serInstanceId = "serInstanceId"
        static let serName = "serName"
        static let serCategoryId = "serCategoryId"
        static let scopeOfLocality = "scopeOfLocality"
        static let consumedLocalOnly = "consumedLocalOnly"
        static let isLocal = "isLocal"
        static let state = "state"
    }

    /// The service as stored.
    var info: ServiceInfo
    /// The producing application instance.
    var appInstanceId: String
    /// The stored document, for its version.
    var document: StoredDocument

    /// The service's identifier.
    var serInstanceId: String { document.id }

    /// Reads a stored service document.
    init(_ document: StoredDocument) throws {
        self.document = document
        info = try document.decode(ServiceInfo.self)
        appInstanceId = document.indexValues(for: Key.appInstanceId).first ?? ""
    }

    /// The index entries of a service of `appInstanceId`; defaults from the specification are applied, so that a
    /// query for `scope_of_locality=MEC_HOST` finds a service that left `scopeOfLocality` out.
    static func indexes(_ info: ServiceInfo, appInstanceId: String) -> [IndexEntry] {
        var entries = [
            IndexEntry(Key.appInstanceId, appInstanceId),
            IndexEntry(Key.serName, info.serName),
            IndexEntry(Key.scopeOfLocality, (info.scopeOfLocality ?? .mecHost).rawValue),
            IndexEntry(Key.consumedLocalOnly, String(info.consumedLocalOnly ?? true)),
            IndexEntry(Key.isLocal, String(info.isLocal ?? true)),
            IndexEntry(Key.state, info.state.rawValue),
        ]
        if let serInstanceId = info.serInstanceId {
            entries.append(IndexEntry(Key.serInstanceId, serInstanceId))
        }
        if let category = info.serCategory {
            entries.append(IndexEntry(Key.serCategoryId, category.id))
        }
        return entries
    }

    /// The store operation that replaces this service with `info`, if the document is still at the version read.
    func update(to info: ServiceInfo) throws -> StoreOperation {
        .update(
            collection: Collections.services,
            id: serInstanceId,
            body: try DocumentCoding.encode(info),
            indexes: Self.indexes(info, appInstanceId: appInstanceId),
            ifVersion: document.version
        )
    }
}
