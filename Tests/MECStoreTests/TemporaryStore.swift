import Foundation
import MECObservability
import MECStore

/// A fresh directory per test, removed afterwards, and stores opened inside it.
struct TemporaryStore {
    let directory: URL
    let sink = MemoryLogSink()

    var path: String {
        directory.appendingPathComponent("state.db").path
    }

    var logger: Logger {
        Logger(label: "store-test", level: .trace, sink: sink)
    }

    /// Runs `body` with a temporary directory that is removed afterwards.
    static func withDirectory<T>(_ body: (TemporaryStore) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("mec-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(TemporaryStore(directory: directory))
    }

    /// Runs `body` with a store opened in a temporary directory, closing it and removing the directory afterwards.
    static func withStore<T>(_ body: (SQLiteStore, TemporaryStore) async throws -> T) async throws -> T {
        try await withDirectory { temporary in
            let store = try temporary.open()
            do {
                let result = try await body(store, temporary)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// Opens the store at ``path``.
    func open(migrations: [SchemaMigration] = SQLiteMigrations.all) throws -> SQLiteStore {
        try SQLiteStore(path: path, logger: logger, migrations: migrations)
    }
}

extension NewDocument {
    /// A small JSON document for tests.
    static func sample(_ id: String, _ indexes: [IndexEntry] = [], in collection: String = "services") -> NewDocument {
        NewDocument(collection: collection, id: id, body: Data(#"{"id":"\#(id)"}"#.utf8), indexes: indexes)
    }
}
