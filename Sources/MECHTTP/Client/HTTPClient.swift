import Foundation
import MECObservability

/// An HTTP/1.1 client over libcurl for outgoing requests, such as notifications to subscriber callbacks.
///
/// One dedicated thread drives all transfers, so thousands of requests can be in flight without blocking
/// Swift's cooperative thread pool; at most ``Configuration/maxConcurrentRequests`` run at once and the rest
/// wait in order. Connections are kept alive and reused for later requests to the same host.
///
/// ```swift
/// let client = HTTPClient(configuration: .init(caFile: "/etc/mec/ca.pem"))
/// let response = try await client.execute(HTTPClientRequest(method: "POST", url: callback, body: payload))
/// ```
/// Cancelling the calling task aborts its transfer. Releasing the client fails requests still waiting with
/// ``HTTPClientError/Code/cancelled`` and stops the thread.
public final class HTTPClient: Sendable {
    /// The settings the client was created with.
    public let configuration: Configuration
    private let engine: CurlMultiEngine?

    /// Creates a client and starts its transfer thread.
    ///
    /// - Parameters:
    ///   - configuration: TLS trust, client certificate, timeouts and concurrency limits.
    ///   - logger: Receives a warning when peer verification is off; nothing else is logged above debug.
    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "mec.http.client")) {
        self.configuration = configuration
        self.engine = CurlMultiEngine(configuration: configuration)
        if !configuration.verifyPeer {
            logger.warning("TLS peer verification is disabled for outgoing requests")
        }
        if engine == nil {
            logger.error("libcurl could not be initialised; every request will fail")
        }
    }

    deinit {
        engine?.shutdown()
    }

    /// Sends a request and returns the final response, whatever its status code.
    ///
    /// - Throws: ``HTTPClientError`` when no response was received: see its codes.
    public func execute(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            throw HTTPClientError(code: .invalidURL, detail: "not an absolute http or https URL")
        }
        guard let engine else {
            throw HTTPClientError(code: .other, detail: "libcurl not initialised")
        }
        let transfer = CurlTransfer(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                engine.submit(transfer, continuation: continuation)
            }
        } onCancel: {
            engine.cancel(transfer)
        }
    }

    /// Stops the transfer thread: requests in flight or waiting fail with ``HTTPClientError/Code/cancelled``.
    ///
    /// Calling it is optional; releasing the client does the same.
    public func shutdown() {
        engine?.shutdown()
    }
}
