import Foundation
import MECStore
import Testing

@Suite("SQLiteStore documents")
struct SQLiteStoreDocumentTests {
    @Test("An inserted document comes back with version 1 and its body, indexes and timestamps")
    func insertThenGet() async throws {
        try await TemporaryStore.withStore { store, _ in
            let new = NewDocument.sample("a", [IndexEntry("serName", "rnis"), IndexEntry("cat", "x")])
            let inserted = try await store.insert(new)
            #expect(inserted.version == 1)
            #expect(inserted.createdAt == inserted.updatedAt)
            let fetched = try #require(try await store.get("services", id: "a"))
            #expect(fetched == inserted)
            #expect(fetched.body == new.body)
            #expect(fetched.indexes == new.indexes)
            #expect(try await store.get("services", id: "missing") == nil)
            #expect(try await store.get("other", id: "a") == nil)
        }
    }

    @Test("Inserting an id that exists in the collection fails with conflict and changes nothing")
    func duplicateInsertConflicts() async throws {
        try await TemporaryStore.withStore { store, _ in
            let first = try await store.insert(.sample("a"))
            let error = await #expect(throws: StoreError.self) {
                try await store.insert(NewDocument(collection: "services", id: "a", body: Data("{}".utf8)))
            }
            #expect(error?.code == .conflict)
            #expect(try await store.get("services", id: "a") == first)
            _ = try await store.insert(.sample("a", in: "other-collection"))
        }
    }

    @Test("Listing returns documents in creation order, updates do not move them, and limit cuts the list")
    func listOrderAndLimit() async throws {
        try await TemporaryStore.withStore { store, _ in
            for id in ["c", "a", "b"] {
                _ = try await store.insert(.sample(id))
            }
            _ = try await store.update("services", id: "c", body: Data("{}".utf8), indexes: [])
            #expect(try await store.list("services").map(\.id) == ["c", "a", "b"])
            #expect(try await store.list("services", limit: 2).map(\.id) == ["c", "a"])
            #expect(try await store.list("services", limit: 0).isEmpty)
            #expect(try await store.list("empty").isEmpty)
            #expect(try await store.count("services") == 3)
        }
    }

    @Test(
        "Filters match all conditions, accept several values per key and see repeated keys",
        arguments: [
            (DocumentFilter.all, ["a", "b", "c", "d"]),
            (.key("state", equals: "ACTIVE"), ["a", "c"]),
            (.key("state", equals: "ACTIVE").and("serName", equals: "rnis"), ["a"]),
            (.key("state", in: ["ACTIVE", "SUSPENDED"]), ["a", "b", "c"]),
            (.key("cat", equals: "location"), ["a", "c"]),
            (.key("cat", equals: "location").and("cat", equals: "radio"), ["a"]),
            (.key("cat", in: ["radio", "none"]).and("state", in: ["SUSPENDED", "ACTIVE"]), ["a", "b"]),
            (.key("state", in: [String]()), []),
            (.key("nokey", equals: "ACTIVE"), []),
        ]
    )
    func filters(filter: DocumentFilter, expected: [String]) async throws {
        try await TemporaryStore.withStore { store, _ in
            let documents: [(String, [IndexEntry])] = [
                (
                    "a",
                    [
                        .init("state", "ACTIVE"), .init("serName", "rnis"), .init("cat", "location"),
                        .init("cat", "radio"),
                    ]
                ),
                ("b", [.init("state", "SUSPENDED"), .init("serName", "rnis"), .init("cat", "radio")]),
                ("c", [.init("state", "ACTIVE"), .init("serName", "wlan"), .init("cat", "location")]),
                ("d", [.init("state", "INACTIVE")]),
            ]
            for (id, indexes) in documents {
                _ = try await store.insert(.sample(id, indexes))
            }
            _ = try await store.insert(.sample("e", [.init("state", "ACTIVE")], in: "elsewhere"))
            #expect(try await store.list("services", matching: filter).map(\.id) == expected)
            #expect(try await store.count("services", matching: filter) == expected.count)
            let inMemory = try await store.list("services").filter { filter.matches($0.indexes) }.map(\.id)
            #expect(inMemory == expected)
        }
    }

    @Test("An update increments the version, replaces body and indexes and keeps the creation time")
    func updateIncrementsVersion() async throws {
        try await TemporaryStore.withStore { store, _ in
            let inserted = try await store.insert(.sample("a", [.init("state", "ACTIVE")]))
            let body = Data(#"{"id":"a","state":"INACTIVE"}"#.utf8)
            let second = try await store.update("services", id: "a", body: body, indexes: [.init("state", "INACTIVE")])
            let third = try await store.update(
                "services", id: "a", body: body, indexes: [.init("state", "INACTIVE")], ifVersion: 2)
            #expect(second.version == 2)
            #expect(third.version == 3)
            #expect(third.createdAt == inserted.createdAt)
            #expect(third.updatedAt >= inserted.updatedAt)
            #expect(try await store.get("services", id: "a") == third)
            #expect(try await store.list("services", matching: .key("state", equals: "ACTIVE")).isEmpty)
            #expect(try await store.list("services", matching: .key("state", equals: "INACTIVE")).count == 1)
        }
    }

    @Test("An update with a stale ifVersion fails with versionMismatch and changes nothing")
    func staleUpdateChangesNothing() async throws {
        try await TemporaryStore.withStore { store, _ in
            let inserted = try await store.insert(.sample("a", [.init("state", "ACTIVE")]))
            _ = try await store.update("services", id: "a", body: inserted.body, indexes: inserted.indexes)
            let before = try await store.get("services", id: "a")
            let error = await #expect(throws: StoreError.self) {
                try await store.update("services", id: "a", body: Data("{}".utf8), indexes: [], ifVersion: 1)
            }
            #expect(error?.code == .versionMismatch)
            #expect(try await store.get("services", id: "a") == before)
        }
    }

    @Test("Updating a missing document fails with notFound")
    func updateMissing() async throws {
        try await TemporaryStore.withStore { store, _ in
            let error = await #expect(throws: StoreError.self) {
                try await store.update("services", id: "nope", body: Data("{}".utf8), indexes: [])
            }
            #expect(error?.code == .notFound)
        }
    }

    @Test("Upsert inserts a missing document and replaces an existing one without a version check")
    func upsert() async throws {
        try await TemporaryStore.withStore { store, _ in
            let first = try await store.upsert(.sample("a"))
            _ = try await store.insert(.sample("b"))
            let second = try await store.upsert(NewDocument(collection: "services", id: "a", body: Data("{}".utf8)))
            #expect(first.version == 1)
            #expect(second.version == 2)
            #expect(second.createdAt == first.createdAt)
            #expect(try await store.list("services").map(\.id) == ["a", "b"])
        }
    }

    @Test("Delete removes a document, reports whether it existed and honours ifVersion")
    func delete() async throws {
        try await TemporaryStore.withStore { store, _ in
            _ = try await store.insert(.sample("a"))
            _ = try await store.insert(.sample("b"))
            #expect(try await store.delete("services", id: "a"))
            #expect(try await store.delete("services", id: "a") == false)
            let error = await #expect(throws: StoreError.self) {
                try await store.delete("services", id: "b", ifVersion: 7)
            }
            #expect(error?.code == .versionMismatch)
            #expect(try await store.get("services", id: "b") != nil)
            #expect(try await store.delete("services", id: "b", ifVersion: 1))
            #expect(try await store.count("services") == 0)
        }
    }

    @Test("Deleting a document removes its index entries, so a new document with the same id does not inherit them")
    func deleteCascadesToIndexes() async throws {
        try await TemporaryStore.withStore { store, _ in
            _ = try await store.insert(.sample("a", [.init("state", "ACTIVE")]))
            #expect(try await store.delete("services", id: "a"))
            _ = try await store.insert(.sample("a", [.init("state", "INACTIVE")]))
            #expect(try await store.list("services", matching: .key("state", equals: "ACTIVE")).isEmpty)
            let fetched = try #require(try await store.get("services", id: "a"))
            #expect(fetched.indexes == [IndexEntry("state", "INACTIVE")])
        }
    }

    @Test("deleteAll removes only matching documents of the collection and returns the count")
    func deleteAll() async throws {
        try await TemporaryStore.withStore { store, _ in
            _ = try await store.insert(.sample("a", [.init("app", "1")]))
            _ = try await store.insert(.sample("b", [.init("app", "2")]))
            _ = try await store.insert(.sample("c", [.init("app", "1")]))
            _ = try await store.insert(.sample("a", [.init("app", "1")], in: "other"))
            #expect(try await store.deleteAll("services", matching: .key("app", equals: "1")) == 2)
            #expect(try await store.list("services").map(\.id) == ["b"])
            #expect(try await store.count("services", matching: .key("app", equals: "1")) == 0)
            #expect(try await store.deleteAll("services") == 1)
            #expect(try await store.count("other") == 1)
        }
    }

    @Test("Empty collection names, empty ids and negative limits are rejected as invalid arguments")
    func invalidArguments() async throws {
        try await TemporaryStore.withStore { store, _ in
            let emptyID = await #expect(throws: StoreError.self) { try await store.insert(.sample("")) }
            let emptyCollection = await #expect(throws: StoreError.self) { try await store.get("", id: "a") }
            let negative = await #expect(throws: StoreError.self) { try await store.list("services", limit: -1) }
            #expect(emptyID?.code == .invalidArgument)
            #expect(emptyCollection?.code == .invalidArgument)
            #expect(negative?.code == .invalidArgument)
        }
    }

    @Test("Bodies, ids and index values keep arbitrary bytes and Unicode")
    func arbitraryContent() async throws {
        try await TemporaryStore.withStore { store, _ in
            let body = Data([0, 1, 2, 255, 0])
            let id = "zwölf/😀 ' \" ; DROP"
            _ = try await store.insert(NewDocument(collection: "c", id: id, body: body, indexes: [.init("k", "")]))
            _ = try await store.insert(NewDocument(collection: "c", id: "empty", body: Data()))
            #expect(try await store.get("c", id: id)?.body == body)
            #expect(try await store.get("c", id: "empty")?.body == Data())
            #expect(try await store.list("c", matching: .key("k", equals: "")).map(\.id) == [id])
        }
    }
}
