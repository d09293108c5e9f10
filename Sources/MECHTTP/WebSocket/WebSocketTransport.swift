/// A byte stream a ``WebSocketConnection`` reads and writes; its calls block and run on dedicated threads.
protocol WebSocketTransport: Sendable {
    /// Reads at least one byte into `buffer`, blocking until data arrives; returns 0 at end of stream.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(WebSocketError) -> Int
    /// Writes all of `bytes`, blocking while the peer is slow.
    func send(_ bytes: [UInt8]) throws(WebSocketError)
    /// Wakes a blocked ``receive(into:)`` so that it returns 0; safe from any thread, idempotent.
    func shutdown()
    /// Releases the underlying socket; called once, after reading stopped and all writes finished.
    func close()
}

extension WebSocketTransport {
    /// Reads into the front of `buffer`; returns the byte count, 0 at end of stream.
    func receive(into buffer: inout [UInt8]) throws(WebSocketError) -> Int {
        let result: Result<Int, WebSocketError> = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(WebSocketError) in try receive(into: raw) }
        }
        return try result.get()
    }
}
