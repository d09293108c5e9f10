import MECStore

extension NotificationEngine {
    /// Removes delivered notifications from the store in batches, whenever some are waiting.
    ///
    /// Deliveries finish far faster than single durable deletes could be written, so removals are grouped: while
    /// one batch is written, the next gathers. A crash before a batch is written delivers its notifications again.
    func acknowledgementLoop() async {
        for await _ in acknowledgementSignals {
            await flushAcknowledgements()
        }
    }

    /// Writes every waiting removal.
    func flushAcknowledgements() async {
        let size = configuration.acknowledgementBatchSize
        while true {
            let batch = state.withLock { state -> [String] in
                let taken = Array(state.acknowledgementBatch.prefix(size))
                state.acknowledgementBatch.removeFirst(taken.count)
                return taken
            }
            guard !batch.isEmpty else { return }
            do {
                _ = try await store.deleteAll(Self.pendingCollection, matching: .key(Self.notificationKey, in: batch))
                state.withLock { $0.acknowledged.subtract(batch) }
            } catch {
                logger.error("delivered notifications could not be removed", ["error": "\(error)"])
                state.withLock { $0.acknowledgementBatch.insert(contentsOf: batch, at: 0) }
                if Task.isCancelled {
                    return
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
