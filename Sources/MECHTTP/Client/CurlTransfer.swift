import CCurl
import Foundation
import Synchronization

/// One request in flight on the engine thread: its easy handle, callbacks and the response being collected.
///
/// Only the engine thread touches the mutable fields; other threads only set ``cancelRequested``.
final class CurlTransfer: @unchecked Sendable {  // unchecked: mutable state is confined to the engine thread
    let request: HTTPClientRequest
    /// Set by the cancellation handler before it tells the engine, so a cancel that overtakes the start is not lost.
    let cancelRequested = Atomic<Bool>(false)
    var continuation: CheckedContinuation<HTTPClientResponse, any Error>?
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var responseHeaders = HTTPHeaders()
    var body = Data()
    var maxBodySize = Int.max
    var bodyTooLarge = false

    init(request: HTTPClientRequest) {
        self.request = request
    }

    /// Resumes the caller once; later calls do nothing.
    func finish(_ result: Result<HTTPClientResponse, HTTPClientError>) {
        continuation?.resume(with: result.mapError { $0 as any Error })
        continuation = nil
    }

    /// Frees the header list given to libcurl; call after the easy handle no longer uses it.
    func releaseHeaderList() {
        if let headerList {
            curl_slist_free_all(headerList)
        }
        headerList = nil
    }

    /// Sets every option of the request on `easy` and points the callbacks at this transfer.
    func configure(_ easy: UnsafeMutableRawPointer, with configuration: HTTPClient.Configuration) -> CURLcode {
        self.easy = easy
        self.maxBodySize = configuration.maxResponseBodySize
        // unsafe: libcurl hands this pointer back to the callbacks; the engine keeps the transfer alive meanwhile.
        let context = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = [
            mec_curl_set_string(easy, CURLOPT_URL, request.url),
            mec_curl_set_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"),
            mec_curl_set_long(easy, CURLOPT_NOSIGNAL, 1),
            mec_curl_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, CurlGlobal.milliseconds(configuration.connectTimeout)),
            mec_curl_set_long(easy, CURLOPT_TIMEOUT_MS, CurlGlobal.milliseconds(configuration.requestTimeout)),
            mec_curl_set_long(easy, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2),
            mec_curl_set_long(easy, CURLOPT_SSL_VERIFYPEER, configuration.verifyPeer ? 1 : 0),
            mec_curl_set_long(easy, CURLOPT_SSL_VERIFYHOST, configuration.verifyPeer ? 2 : 0),
            mec_curl_set_write_function(easy, curlTransferWriteBody),
            mec_curl_set_pointer(easy, CURLOPT_WRITEDATA, context),
            mec_curl_set_header_function(easy, curlTransferWriteHeader),
            mec_curl_set_pointer(easy, CURLOPT_HEADERDATA, context),
        ]
        if let caFile = configuration.caFile {
            codes.append(mec_curl_set_string(easy, CURLOPT_CAINFO, caFile))
        }
        if let certificate = configuration.clientCertificateFile {
            codes.append(mec_curl_set_string(easy, CURLOPT_SSLCERT, certificate))
            codes.append(mec_curl_set_string(easy, CURLOPT_SSLCERTTYPE, "PEM"))
        }
        if let key = configuration.clientKeyFile {
            codes.append(mec_curl_set_string(easy, CURLOPT_SSLKEY, key))
            codes.append(mec_curl_set_string(easy, CURLOPT_SSLKEYTYPE, "PEM"))
        }
        codes.append(contentsOf: configureMethodAndBody(easy))
        codes.append(configureHeaders(easy))
        return codes.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    private func configureMethodAndBody(_ easy: UnsafeMutableRawPointer) -> [CURLcode] {
        switch request.method {
        case "GET" where request.body.isEmpty:
            return [mec_curl_set_long(easy, CURLOPT_HTTPGET, 1)]
        case "HEAD":
            return [mec_curl_set_long(easy, CURLOPT_NOBODY, 1)]
        default:
            var codes = [setBody(easy)]
            if request.method != "POST" {
                codes.append(mec_curl_set_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
            }
            return codes
        }
    }

    private func setBody(_ easy: UnsafeMutableRawPointer) -> CURLcode {
        if request.body.isEmpty {
            // A zero-length body still needs a valid pointer: libcurl would otherwise read a string from it.
            return mec_curl_set_post_fields(easy, "", 0)
        }
        // unsafe: the bytes are copied by CURLOPT_COPYPOSTFIELDS before this closure returns.
        return request.body.withUnsafeBytes { bytes in
            mec_curl_set_post_fields(easy, bytes.baseAddress, bytes.count)
        }
    }

    private func configureHeaders(_ easy: UnsafeMutableRawPointer) -> CURLcode {
        var lines = request.headers.map { "\($0.name): \($0.value)" }
        if request.headers["Expect"] == nil {
            // Waiting for "100 Continue" costs a round trip on every POST larger than 1 KiB.
            lines.append("Expect:")
        }
        if request.headers["Content-Type"] == nil && request.method != "GET" && request.method != "HEAD" {
            // Otherwise libcurl labels every body as a web form.
            lines.append("Content-Type:")
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                return CURLE_OUT_OF_MEMORY
            }
            headerList = appended
        }
        return mec_curl_set_pointer(easy, CURLOPT_HTTPHEADER, headerList)
    }

    fileprivate func receiveHeaderLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            // A new status line: an interim response or a redirect came before; keep only the final headers.
            responseHeaders = HTTPHeaders()
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else {
            return
        }
        let name = String(trimmed[..<colon])
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        responseHeaders.add(name, value)
    }
}

/// The libcurl write callback: appends body bytes, refusing more than the configured maximum.
private func curlTransferWriteBody(
    _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int,
    _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else {
        return 0
    }
    // unsafe: the context is the transfer passed unretained in configure(_:with:), alive while libcurl runs.
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard transfer.body.count + length <= transfer.maxBodySize else {
        transfer.bodyTooLarge = true
        return 0
    }
    // unsafe: libcurl guarantees `length` readable bytes at `data` for the duration of the call.
    transfer.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
    return length
}

/// The libcurl header callback: receives one header line at a time, status lines included.
private func curlTransferWriteHeader(
    _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int,
    _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else {
        return 0
    }
    // unsafe: the context is the transfer passed unretained in configure(_:with:), alive while libcurl runs.
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    // unsafe: libcurl guarantees `length` readable bytes at `data` for the duration of the call.
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    transfer.receiveHeaderLine(String(decoding: bytes, as: UTF8.self))
    return length
}
