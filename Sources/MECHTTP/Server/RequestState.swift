import CMicroHTTPD
import Foundation
import Synchronization

/// What the server knows of one request while libmicrohttpd delivers it in several calls.
///
/// Unchecked: all fields but `handoff` are touched only by the network thread that owns the connection; the
/// handler task only calls `complete(with:)`, which goes through the lock.
final class RequestState: @unchecked Sendable {
    enum Phase {
        case started
        case receiving
        case waitingForHandler
        case answered
    }

    let startedAt = ContinuousClock.now
    var phase = Phase.started
    var method = HTTPMethod.get
    var path = "/"
    var headers = HTTPHeaders()
    var query: [(name: String, value: String)] = []
    var body = Data()
    var rejection: HTTPError?
    var request: Request?

    private struct Handoff {
        var connection: CHandle?
        var response: Response?
    }

    private let handoff = Mutex(Handoff())

    /// Marks the connection as suspended until `complete(with:)`.
    func suspend(_ connection: OpaquePointer) {
        handoff.withLock { $0.connection = CHandle(pointer: connection) }
    }

    /// Stores the response and resumes the connection; only the first call has an effect.
    func complete(with response: Response) {
        let connection = handoff.withLock { state -> CHandle? in
            guard let connection = state.connection else { return nil }
            state.response = response
            state.connection = nil
            return connection
        }
        if let connection {
            MHD_resume_connection(connection.pointer)
        }
    }

    /// The response stored by `complete(with:)`, once.
    func takeResponse() -> Response? {
        handoff.withLock { state in
            defer { state.response = nil }
            return state.response
        }
    }
}

/// What the server knows of one client connection.
///
/// Unchecked: fields are only touched by the network thread that owns the connection.
final class ConnectionState: @unchecked Sendable {
    var certificateChecked = false
    var certificate: ClientCertificate?
    var remoteAddress: String?
}
