import Foundation
import MECStore
import Testing

@Suite("SQLiteStore transactions")
struct SQLiteStoreTransactionTests {
    @Test("A transaction moves a pending notification to delivered in one step")
    func movesDocument() async throws {
        try await TemporaryStore.withStore { store, _ in
            let pending = try await store.insert(.sample("n1", [.init("subscription", "s1")], in: "pending"))
            try await store.transaction([
                .delete(collection: "pending", id: "n1", ifVersion: pending.version),
                .insert(NewDocument(collection: "delivered", id: "n1", body: pending.body, indexes: pending.indexes)),
            ])
            #expect(try await store.get("pending", id: "n1") == nil)
            let delivered = try #require(try await store.get("delivered", id: "n1"))
            #expect(delivered.body == pending.body)
            #expect(try await store.list("delivered", matching: .key("subscription", equals: "s1")).count == 1)
        }
    }

    @Test("A failing operation in the middle leaves none of the operations applied")
    func allOrNothing() async throws {
        try await TemporaryStore.withStore { store, _ in
            let existing = try await store.insert(.sample("keep", [.init("state", "ACTIVE")]))
            let error = await #expect(throws: StoreError.self) {
                try await store.transaction([
                    .insert(.sample("new1")),
                    .update(
                        collection: "services", id: "keep", body: Data("{}".utf8), indexes: [], ifVersion: nil),
                    .upsert(.sample("new2")),
                    .update(collection: "services", id: "missing", body: Data(), indexes: [], ifVersion: nil),
                    .insert(.sample("new3")),
                ])
            }
            #expect(error?.code == .notFound)
            #expect(try await store.list("services").map(\.id) == ["keep"])
            #expect(try await store.get("services", id: "keep") == existing)
            #expect(try await store.count("services", matching: .key("state", equals: "ACTIVE")) == 1)
        }
    }

    @Test(
        "Conflicts, version mismatches and missing deletes each abort the whole transaction",
        arguments: [
            (StoreOperation.insert(.sample("keep")), StoreError.Code.conflict),
            (.update(collection: "services", id: "keep", body: Data(), indexes: [], ifVersion: 9), .versionMismatch),
            (.delete(collection: "services", id: "keep", ifVersion: 9), .versionMismatch),
            (.delete(collection: "services", id: "missing", ifVersion: nil), .notFound),
            (.insert(.sample("")), .invalidArgument),
        ]
    )
    func failingOperationAborts(operation: StoreOperation, code: StoreError.Code) async throws {
        try await TemporaryStore.withStore { store, _ in
            _ = try await store.insert(.sample("keep"))
            let error = await #expect(throws: StoreError.self) {
                try await store.transaction([.insert(.sample("first")), operation])
            }
            #expect(error?.code == code)
            #expect(try await store.list("services").map(\.id) == ["keep"])
        }
    }

    @Test("An empty transaction succeeds and changes nothing")
    func emptyTransaction() async throws {
        try await TemporaryStore.withStore { store, _ in
            try await store.transaction([])
            #expect(try await store.count("services") == 0)
        }
    }
}
