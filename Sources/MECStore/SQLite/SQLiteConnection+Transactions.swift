extension SQLiteConnection {
    /// Runs `body` in a write transaction that takes the write lock up front; rolls back when anything throws.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try run("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Runs `body` in a read transaction, so that several queries see one snapshot.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try run("BEGIN")
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            rollback()
            throw error
        }
    }

    private func rollback() {
        // A failed COMMIT may already have ended the transaction; the ROLLBACK error then says so and is moot.
        _ = try? run("ROLLBACK")
    }
}
