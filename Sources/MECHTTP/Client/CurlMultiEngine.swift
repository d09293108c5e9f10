import CCurl
import Foundation
import Synchronization

/// Runs every transfer of one ``HTTPClient`` on a single dedicated thread that drives a libcurl multi handle.
///
/// Callers never block: they post commands to a locked mailbox and wake the thread with `curl_multi_wakeup`.
/// Connections stay in the multi handle's cache, so requests to the same host reuse them.
final class CurlMultiEngine: @unchecked Sendable {  // unchecked: other threads only wake `multi`, under the lock
    private enum Command {
        case start(CurlTransfer, CheckedContinuation<HTTPClientResponse, any Error>)
        case cancel(CurlTransfer)
    }

    private struct Mailbox {
        var commands: [Command] = []
        var shutdownRequested = false
        var stopped = false
    }

    private let configuration: HTTPClient.Configuration
    private let multi: UnsafeMutableRawPointer
    private let mailbox = Mutex(Mailbox())

    /// Creates the multi handle and starts the thread; returns nil when libcurl cannot be initialised.
    init?(configuration: HTTPClient.Configuration) {
        guard CurlGlobal.isInitialized, let multi = curl_multi_init() else {
            return nil
        }
        self.configuration = configuration
        self.multi = multi
        _ = mec_curl_multi_set_long(multi, CURLMOPT_MAXCONNECTS, max(1, configuration.maxIdleConnections))
        let thread = Thread { [self] in
            CurlMultiLoop(engine: self).run()
        }
        thread.name = "mec-http-client"
        thread.start()
    }

    /// Hands a transfer to the engine thread; the continuation is resumed exactly once.
    func submit(_ transfer: CurlTransfer, continuation: CheckedContinuation<HTTPClientResponse, any Error>) {
        let accepted = post(.start(transfer, continuation))
        if !accepted {
            continuation.resume(throwing: HTTPClientError(code: .cancelled, detail: "client shut down"))
        }
    }

    /// Aborts a transfer if it is queued or running; the caller is resumed with ``HTTPClientError/Code/cancelled``.
    func cancel(_ transfer: CurlTransfer) {
        transfer.cancelRequested.store(true, ordering: .sequentiallyConsistent)
        _ = post(.cancel(transfer))
    }

    /// Asks the thread to fail what is left with ``HTTPClientError/Code/cancelled``, free libcurl state and exit.
    func shutdown() {
        mailbox.withLock { mailbox in
            guard !mailbox.stopped else {
                return
            }
            mailbox.shutdownRequested = true
            curl_multi_wakeup(multi)
        }
    }

    private func post(_ command: Command) -> Bool {
        mailbox.withLock { mailbox in
            guard !mailbox.stopped else {
                return false
            }
            mailbox.commands.append(command)
            // The wakeup happens under the lock so that the thread cannot free the handle in between.
            curl_multi_wakeup(multi)
            return true
        }
    }

    /// The state owned by the engine thread.
    private final class CurlMultiLoop {
        private let engine: CurlMultiEngine
        private var pending: [CurlTransfer] = []
        private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        private var idleHandles: [UnsafeMutableRawPointer] = []

        init(engine: CurlMultiEngine) {
            self.engine = engine
        }

        func run() {
            while true {
                let (commands, stopping) = engine.mailbox.withLock { mailbox in
                    defer { mailbox.commands.removeAll() }
                    return (mailbox.commands, mailbox.shutdownRequested)
                }
                commands.forEach(handle)
                if stopping {
                    stop()
                    return
                }
                startPending()
                var running: Int32 = 0
                curl_multi_perform(engine.multi, &running)
                let finished = collectFinished()
                if finished > 0 && !pending.isEmpty {
                    continue
                }
                curl_multi_poll(engine.multi, nil, 0, 1000, nil)
            }
        }

        private func handle(_ command: Command) {
            switch command {
            case .start(let transfer, let continuation):
                transfer.continuation = continuation
                if transfer.cancelRequested.load(ordering: .sequentiallyConsistent) {
                    transfer.finish(.failure(HTTPClientError(code: .cancelled, detail: "task cancelled")))
                } else {
                    pending.append(transfer)
                }
            case .cancel(let transfer):
                if let index = pending.firstIndex(where: { $0 === transfer }) {
                    pending.remove(at: index)
                    transfer.finish(.failure(HTTPClientError(code: .cancelled, detail: "task cancelled")))
                } else if let easy = transfer.easy, active[easy] === transfer {
                    end(
                        transfer, easy: easy,
                        with: .failure(HTTPClientError(code: .cancelled, detail: "task cancelled")))
                }
            }
        }

        private func startPending() {
            while active.count < max(1, engine.configuration.maxConcurrentRequests) && !pending.isEmpty {
                let transfer = pending.removeFirst()
                guard let easy = idleHandles.popLast() ?? curl_easy_init() else {
                    transfer.finish(.failure(HTTPClientError(code: .other, detail: "out of memory")))
                    continue
                }
                let configured = transfer.configure(easy, with: engine.configuration)
                guard configured == CURLE_OK, curl_multi_add_handle(engine.multi, easy) == CURLM_OK else {
                    active[easy] = transfer
                    end(transfer, easy: easy, with: .failure(Self.error(for: configured, transfer: transfer)))
                    continue
                }
                active[easy] = transfer
            }
        }

        private func collectFinished() -> Int {
            var finished = 0
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(engine.multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                    let transfer = active[easy]
                else {
                    continue
                }
                let code = message.pointee.data.result
                finished += 1
                if code == CURLE_OK {
                    var status = 0
                    _ = mec_curl_get_response_code(easy, &status)
                    let response = HTTPClientResponse(
                        status: status,
                        headers: transfer.responseHeaders,
                        body: transfer.body
                    )
                    end(transfer, easy: easy, with: .success(response))
                } else {
                    end(transfer, easy: easy, with: .failure(Self.error(for: code, transfer: transfer)))
                }
            }
            return finished
        }

        private func end(
            _ transfer: CurlTransfer,
            easy: UnsafeMutableRawPointer,
            with result: Result<HTTPClientResponse, HTTPClientError>
        ) {
            curl_multi_remove_handle(engine.multi, easy)
            active[easy] = nil
            transfer.easy = nil
            transfer.releaseHeaderList()
            transfer.finish(result)
            curl_easy_reset(easy)
            if idleHandles.count < max(1, engine.configuration.maxConcurrentRequests) {
                idleHandles.append(easy)
            } else {
                curl_easy_cleanup(easy)
            }
        }

        private func stop() {
            let late = engine.mailbox.withLock { mailbox in
                mailbox.stopped = true
                defer { mailbox.commands.removeAll() }
                return mailbox.commands
            }
            let shutDown = HTTPClientError(code: .cancelled, detail: "client shut down")
            for case .start(let transfer, let continuation) in late {
                transfer.continuation = continuation
                transfer.finish(.failure(shutDown))
            }
            for transfer in pending {
                transfer.finish(.failure(shutDown))
            }
            pending.removeAll()
            for (easy, transfer) in active {
                end(transfer, easy: easy, with: .failure(shutDown))
            }
            idleHandles.forEach { curl_easy_cleanup($0) }
            idleHandles.removeAll()
            curl_multi_cleanup(engine.multi)
        }

        private static func error(for code: CURLcode, transfer: CurlTransfer) -> HTTPClientError {
            let detail = String(cString: curl_easy_strerror(code))
            switch code {
            case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
                return HTTPClientError(code: .invalidURL, detail: detail)
            case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
                return HTTPClientError(code: .connectFailed, detail: detail)
            case CURLE_OPERATION_TIMEDOUT:
                return HTTPClientError(code: .timedOut, detail: detail)
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
                CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED,
                CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_ENGINE_NOTFOUND,
                CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CRL_BADFILE:
                return HTTPClientError(code: .tlsFailed, detail: detail)
            case CURLE_WRITE_ERROR where transfer.bodyTooLarge:
                return HTTPClientError(code: .other, detail: "response body too large")
            default:
                return HTTPClientError(code: .other, detail: detail)
            }
        }
    }
}
