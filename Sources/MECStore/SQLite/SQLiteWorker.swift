import Dispatch

/// Owns one connection and runs every use of it on one serial queue, so that blocking SQLite calls never occupy
/// Swift's cooperative thread pool and the connection is never used from two threads at once.
final class SQLiteWorker: @unchecked Sendable {
    // @unchecked Sendable: `connection` is read and written only on `queue`, which serializes all access.
    private let queue: DispatchQueue
    private var connection: SQLiteConnection?

    init(label: String, connection: SQLiteConnection) {
        self.queue = DispatchQueue(label: label)
        self.connection = connection
    }

    /// Runs `work` on the queue with the connection and returns its result.
    ///
    /// - Throws: ``StoreError/Code/closed`` once ``close()`` has run, or what `work` throws.
    func run<T: Sendable>(_ work: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(
                    with: Result {
                        guard let connection = self.connection, !connection.isClosed else { throw StoreError.closed }
                        return try work(connection)
                    }
                )
            }
        }
    }

    /// Waits for the work queued so far, then closes the connection. Calling it again does nothing.
    func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.connection?.close()
                self.connection = nil
                continuation.resume()
            }
        }
    }
}
