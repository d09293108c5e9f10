import CGnuTLS
import CMicroHTTPD
import Foundation

extension HTTPServer {
    /// One call of the access handler: the head, a piece of body, the end of the body, or a resumed connection.
    func handle(
        _ connection: OpaquePointer,
        _ state: RequestState,
        url: UnsafePointer<CChar>?,
        method: UnsafePointer<CChar>?,
        data: UnsafePointer<CChar>?,
        size: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        switch state.phase {
        case .started:
            state.phase = .receiving
            _ = mec_mhd_set_connection_timeout(connection, UInt32(configuration.idleTimeoutSeconds))
            state.method = HTTPMethod(rawValue: method.map { String(cString: $0) } ?? "GET")
            state.path = url.map { String(cString: $0) } ?? "/"
            state.headers = Self.values(of: connection, kind: .HEADER_KIND)
            state.query = Self.pairs(of: connection, kind: .GET_ARGUMENT_KIND)
            if isStopping {
                state.rejection = HTTPError(status: 503, detail: "The server is shutting down.")
            } else if ContinuousClock.now - state.startedAt > .seconds(configuration.headerTimeoutSeconds) {
                state.rejection = HTTPError(status: 408, detail: "The request head took too long to arrive.")
            } else if let length = state.headers["Content-Length"].flatMap(Int.init), length > configuration.maxBodySize
            {
                state.rejection = bodyTooLarge()
            }
            if let rejection = state.rejection {
                return respond(reject(state, connection, rejection), on: connection, state, closing: true)
            }
            return .YES
        case .receiving:
            if size.pointee > 0 {
                if state.rejection == nil, let data {
                    if state.body.count + size.pointee > configuration.maxBodySize {
                        state.rejection = bodyTooLarge()
                        state.body = Data()
                    } else {
                        state.body.append(
                            UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size.pointee)
                    }
                }
                size.pointee = 0
                return .YES
            }
            if let rejection = state.rejection {
                return respond(reject(state, connection, rejection), on: connection, state, closing: true)
            }
            let request = makeRequest(state, connection)
            state.request = request
            switch responder.respond(to: request) {
            case .ready(let response):
                return respond(response, on: connection, state, closing: false)
            case .pending(let work):
                state.phase = .waitingForHandler
                state.suspend(connection)
                suspended.withLock { $0[ObjectIdentifier(state)] = state }
                MHD_suspend_connection(connection)
                Task {
                    let response = await work()
                    if self.suspended.withLock({ $0.removeValue(forKey: ObjectIdentifier(state)) }) != nil {
                        state.complete(with: response)
                    }
                }
                return .YES
            }
        case .waitingForHandler:
            guard let response = state.takeResponse() else { return .YES }
            return respond(response, on: connection, state, closing: false)
        case .answered:
            return .YES
        }
    }

    private func bodyTooLarge() -> HTTPError {
        HTTPError(status: 413, detail: "The request body is larger than \(configuration.maxBodySize) bytes.")
    }

    private func reject(_ state: RequestState, _ connection: OpaquePointer, _ error: HTTPError) -> Response {
        responder.reject(makeRequest(state, connection), with: error)
    }

    private func makeRequest(_ state: RequestState, _ connection: OpaquePointer) -> Request {
        let peer = connectionState(connection)
        return Request(
            method: state.method,
            path: state.path,
            query: state.query,
            headers: state.headers,
            body: state.body,
            remoteAddress: peer.map { remoteAddress(connection, $0) } ?? "",
            clientCertificate: peer.flatMap { clientCertificate(connection, $0) },
            isSecure: configuration.tls != nil,
            receivedAt: state.startedAt
        )
    }

    private func respond(_ response: Response, on connection: OpaquePointer, _ state: RequestState, closing: Bool)
        -> MHD_Result
    {
        state.phase = .answered
        let created: OpaquePointer?
        switch response.body {
        case .bytes(let data):
            created = data.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(
                    bytes.count,
                    UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                    .RESPMEM_MUST_COPY
                )
            }
        case .upgrade(let handler):
            let box = Unmanaged.passRetained(UpgradeBox(server: self, handler: handler))
            created = MHD_create_response_for_upgrade(ServerCallbacks.upgrade, box.toOpaque())
            if created == nil {
                box.release()
            }
        }
        guard let created else { return .NO }
        defer { MHD_destroy_response(created) }
        for (name, value) in response.headers {
            MHD_add_response_header(created, name, value)
        }
        if closing {
            MHD_add_response_header(created, "Connection", "close")
        }
        return MHD_queue_response(connection, UInt32(response.status), created)
    }

    private func connectionState(_ connection: OpaquePointer) -> ConnectionState? {
        mec_mhd_socket_context(connection).map { Unmanaged<ConnectionState>.fromOpaque($0).takeUnretainedValue() }
    }

    private func remoteAddress(_ connection: OpaquePointer, _ peer: ConnectionState) -> String {
        if let known = peer.remoteAddress { return known }
        var storage = sockaddr_storage()
        let length = mec_mhd_peer_address(connection, &storage)
        var text = ""
        if length > 0 {
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let status = withUnsafePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    getnameinfo($0, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
                }
            }
            if status == 0 {
                text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        peer.remoteAddress = text
        return text
    }

    private func clientCertificate(_ connection: OpaquePointer, _ peer: ConnectionState) -> ClientCertificate? {
        if peer.certificateChecked { return peer.certificate }
        peer.certificateChecked = true
        guard configuration.tls != nil, let session = mec_mhd_tls_session(connection) else { return nil }
        var count: UInt32 = 0
        guard let chain = gnutls_certificate_get_peers(session, &count), count > 0, let bytes = chain[0].data else {
            return nil
        }
        let der = Data(bytes: bytes, count: Int(chain[0].size))
        var status: UInt32 = 0
        let verified = gnutls_certificate_verify_peers2(session, &status) == GNUTLS_E_SUCCESS && status == 0
        var digest = [UInt8](repeating: 0, count: 32)
        let hashed = der.withUnsafeBytes { gnutls_hash_fast(GNUTLS_DIG_SHA256, $0.baseAddress, $0.count, &digest) }
        guard hashed == GNUTLS_E_SUCCESS else { return nil }
        peer.certificate = ClientCertificate(der: der, sha256Thumbprint: Data(digest), isVerified: verified)
        return peer.certificate
    }

    private static func values(of connection: OpaquePointer, kind: MHD_ValueKind) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in pairs(of: connection, kind: kind) {
            headers.add(name, value)
        }
        return headers
    }

    private static func pairs(of connection: OpaquePointer, kind: MHD_ValueKind) -> [(name: String, value: String)] {
        final class Collector {
            var pairs: [(name: String, value: String)] = []
        }
        let collector = Collector()
        let iterator: MHD_KeyValueIterator = { context, _, key, value in
            guard let context, let key else { return .YES }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            collector.pairs.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
            return .YES
        }
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(connection, kind, iterator, Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.pairs
    }
}
