import Foundation
import MECStore
import Testing

@Suite("SQLiteStore lifecycle")
struct SQLiteStoreLifecycleTests {
    @Test("Meta values are absent until set and the last value set wins")
    func metaValues() async throws {
        try await TemporaryStore.withStore { store, _ in
            #expect(try await store.meta("hostInstanceId") == nil)
            try await store.setMeta("hostInstanceId", "one")
            try await store.setMeta("hostInstanceId", "two")
            try await store.setMeta("firstStart", "2024-05-01T00:00:00Z")
            #expect(try await store.meta("hostInstanceId") == "two")
            #expect(try await store.meta("firstStart") == "2024-05-01T00:00:00Z")
        }
    }

    @Test("Documents and meta values survive closing and reopening the store")
    func survivesReopen() async throws {
        try await TemporaryStore.withDirectory { temporary in
            let first = try temporary.open()
            let inserted = try await first.insert(.sample("a", [.init("state", "ACTIVE")]))
            let updated = try await first.update("services", id: "a", body: Data("{}".utf8), indexes: inserted.indexes)
            try await first.setMeta("hostInstanceId", "h1")
            await first.close()

            let second = try temporary.open()
            #expect(try await second.get("services", id: "a") == updated)
            #expect(try await second.list("services", matching: .key("state", equals: "ACTIVE")).count == 1)
            #expect(try await second.meta("hostInstanceId") == "h1")
            await second.close()
        }
    }

    @Test("Migrations run once: opening twice leaves one schema_migrations row per migration")
    func migrationsRunOnce() async throws {
        try await TemporaryStore.withDirectory { temporary in
            try await temporary.open().close()
            let store = try temporary.open()
            let applied = try await store.appliedMigrations()
            await store.close()
            #expect(applied.map(\.version) == SQLiteMigrations.all.map(\.version))
            #expect(applied.map(\.name) == SQLiteMigrations.all.map(\.name))
            let lines = temporary.sink.lines.filter { $0.contains("schema migration applied") }
            #expect(lines.count == SQLiteMigrations.all.count)
        }
    }

    @Test("Another module can append migrations to the list")
    func extendedMigrations() async throws {
        try await TemporaryStore.withDirectory { temporary in
            let extra = SchemaMigration(version: 3, name: "extra", sql: "CREATE TABLE extra (value INTEGER);")
            let store = try temporary.open(migrations: SQLiteMigrations.all + [extra])
            let applied = try await store.appliedMigrations()
            await store.close()
            #expect(applied.map(\.version) == [1, 2, 3])
        }
    }

    @Test("A database migrated by a newer program is refused")
    func newerSchemaRefused() async throws {
        try await TemporaryStore.withDirectory { temporary in
            let future = SchemaMigration(version: 99, name: "future", sql: "CREATE TABLE future (value INTEGER);")
            try await temporary.open(migrations: SQLiteMigrations.all + [future]).close()
            let error = #expect(throws: StoreError.self) { try temporary.open() }
            #expect(error?.code == .incompatibleSchema)
            #expect(error?.reason.contains("99") == true)
        }
    }

    @Test("A failing migration applies nothing and the store can still open with the good ones")
    func failingMigrationRollsBack() async throws {
        try await TemporaryStore.withDirectory { temporary in
            let broken = SchemaMigration(version: 3, name: "broken", sql: "CREATE TABLE t (x); NOT SQL;")
            let error = #expect(throws: StoreError.self) {
                try temporary.open(migrations: SQLiteMigrations.all + [broken])
            }
            #expect(error?.code == .backend)
            let store = try temporary.open()
            let applied = try await store.appliedMigrations()
            await store.close()
            #expect(applied.map(\.version) == [1, 2])
        }
    }

    @Test("A migration list that is not strictly increasing is rejected")
    func unorderedMigrationsRejected() {
        let one = SchemaMigration(version: 1, name: "one", sql: "")
        let error = #expect(throws: StoreError.self) { try SchemaMigrationPlan(known: [one, one], applied: []) }
        #expect(error?.code == .invalidArgument)
    }

    @Test("A closed store throws closed for every operation and closing again does nothing")
    func closedStoreThrows() async throws {
        try await TemporaryStore.withDirectory { temporary in
            let store = try temporary.open()
            await store.close()
            await store.close()
            let operations: [@Sendable () async throws -> Void] = [
                { _ = try await store.get("services", id: "a") },
                { _ = try await store.list("services") },
                { _ = try await store.insert(.sample("a")) },
                { _ = try await store.delete("services", id: "a") },
                { try await store.transaction([.insert(.sample("a"))]) },
                { _ = try await store.meta("k") },
                { try await store.setMeta("k", "v") },
            ]
            for operation in operations {
                let error = await #expect(throws: StoreError.self) { try await operation() }
                #expect(error?.code == .closed)
            }
        }
    }

    @Test("Two hundred concurrent inserts all land, with reads running alongside")
    func concurrentWriters() async throws {
        try await TemporaryStore.withStore { store, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<200 {
                    group.addTask {
                        _ = try await store.insert(.sample("n\(number)", [.init("parity", "\(number % 2)")]))
                        _ = try await store.count("services")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.count("services") == 200)
            #expect(try await store.count("services", matching: .key("parity", equals: "1")) == 100)
            #expect(Set(try await store.list("services").map(\.id)).count == 200)
        }
    }

    @Test("The database and its write-ahead log files are readable by the owner only")
    func fileModes() async throws {
        try await TemporaryStore.withStore { store, temporary in
            _ = try await store.insert(.sample("a"))
            for suffix in ["", "-wal", "-shm"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: temporary.path + suffix)
                let mode = try #require(attributes[.posixPermissions] as? Int)
                #expect(mode == 0o600, "\(suffix)")
            }
        }
    }

    @Test("An existing database file with a wider mode is narrowed to 0600 when opened")
    func existingFileNarrowed() async throws {
        try await TemporaryStore.withDirectory { temporary in
            let attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o644]
            #expect(FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: attributes))
            try await temporary.open().close()
            let mode = try FileManager.default.attributesOfItem(atPath: temporary.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("The store logs at debug level or below and never logs document bodies")
    func loggingStaysQuiet() async throws {
        try await TemporaryStore.withDirectory { temporary in
            let store = try temporary.open()
            _ = try await store.insert(NewDocument(collection: "c", id: "a", body: Data("secret-body".utf8)))
            await store.close()
            let lines = temporary.sink.lines
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.contains("level=debug") || $0.contains("level=trace") })
            #expect(!lines.contains { $0.contains("secret-body") })
        }
    }

    @Test("A database path that does not name a file is rejected")
    func invalidPath() {
        for path in ["", ":memory:"] {
            let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path, logger: .init(label: "t")) }
            #expect(error?.code == .invalidArgument)
        }
    }
}
