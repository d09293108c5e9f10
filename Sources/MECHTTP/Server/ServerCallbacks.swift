import CGnuTLS
import CMicroHTTPD
import Foundation

/// The C entry points libmicrohttpd calls; each recovers the server from its context pointer.
enum ServerCallbacks {
    static let access: MHD_AccessHandlerCallback = { context, connection, url, method, _, data, size, requestContext in
        guard let context, let connection, let size, let requestContext else { return .NO }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        let state: RequestState
        if let existing = requestContext.pointee {
            state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
        } else {
            state = RequestState()
            requestContext.pointee = Unmanaged.passRetained(state).toOpaque()
            server.inFlight.add(1, ordering: .relaxed)
        }
        return server.handle(connection, state, url: url, method: method, data: data, size: size)
    }

    static let completed: MHD_RequestCompletedCallback = { context, _, requestContext, _ in
        guard let context, let requestContext, let raw = requestContext.pointee else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        Unmanaged<RequestState>.fromOpaque(raw).release()
        requestContext.pointee = nil
        server.inFlight.subtract(1, ordering: .relaxed)
    }

    static let connection: MHD_NotifyConnectionCallback = { context, _, socketContext, code in
        guard let context, let socketContext else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        switch code {
        case .CONNECTION_NOTIFY_STARTED:
            socketContext.pointee = Unmanaged.passRetained(ConnectionState()).toOpaque()
            server.openConnections.add(1)
        case .CONNECTION_NOTIFY_CLOSED:
            if let raw = socketContext.pointee {
                Unmanaged<ConnectionState>.fromOpaque(raw).release()
                socketContext.pointee = nil
            }
            server.openConnections.add(-1)
        default:
            break
        }
    }

    /// Called once the request line has arrived: the request state starts here, so the head's deadline does too.
    static let requestStarted:
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
            -> UnsafeMutableRawPointer? = { context, _, connection in
                guard let context else { return nil }
                let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
                if let connection {
                    _ = mec_mhd_set_connection_timeout(connection, UInt32(server.configuration.headerTimeoutSeconds))
                }
                server.inFlight.add(1, ordering: .relaxed)
                return Unmanaged.passRetained(RequestState()).toOpaque()
            }

    static let errorLog: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { context, line in
        guard let context, let line else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        server.logger.debug("http library message", ["detail": String(cString: line)])
    }

    static let upgrade: MHD_UpgradeHandler = { context, _, _, extra, extraSize, socket, handle in
        guard let context else { return }
        let box = Unmanaged<UpgradeBox>.fromOpaque(context).takeRetainedValue()
        guard let handle else { return }
        let initial = extra.map { Data(bytes: $0, count: extraSize) } ?? Data()
        let server = box.server
        let connection = UpgradedConnection(socket: socket, initialBytes: initial, handle: handle) { closed in
            server.untrack(closed)
        }
        server.track(connection)
        box.handler(connection)
    }
}

/// Carries an upgrade handler through libmicrohttpd's context pointer.
final class UpgradeBox: Sendable {
    let server: HTTPServer
    let handler: @Sendable (UpgradedConnection) -> Void

    init(server: HTTPServer, handler: @escaping @Sendable (UpgradedConnection) -> Void) {
        self.server = server
        self.handler = handler
    }
}
