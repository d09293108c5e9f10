import MECHTTP
import MECStore

extension StoreError: HTTPResponseError {
    /// The HTTP form of a store failure; detail never carries store internals.
    public var httpError: HTTPError {
        switch code {
        case .notFound: .notFound()
        case .conflict: .conflict("A resource with this identifier already exists.")
        case .versionMismatch: .preconditionFailed("The resource has changed since it was read.")
        case .closed: HTTPError(status: 503, detail: "The service is shutting down.")
        default: .internal(reason: "store failure")
        }
    }
}
