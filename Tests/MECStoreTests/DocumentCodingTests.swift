import Foundation
import MECStore
import Testing

@Suite("Document coding")
struct DocumentCodingTests {
    struct Service: Codable, Equatable {
        var serName: String
        var registeredAt: Date
        var categories: [String]
    }

    @Test("A Codable value with dates round-trips through the store")
    func codableRoundTrip() async throws {
        try await TemporaryStore.withStore { store, _ in
            let date = Date(timeIntervalSince1970: 1_714_564_800.25)
            let service = Service(serName: "rnis", registeredAt: date, categories: ["radio", "location"])
            let indexes = service.categories.map { IndexEntry("cat", $0) }
            _ = try await store.insert(collection: "services", id: "s1", value: service, indexes: indexes)
            let fetched = try #require(try await store.get("services", id: "s1"))
            #expect(try fetched.decode(Service.self) == service)
            #expect(try await store.get(Service.self, from: "services", id: "s1") == service)
            let updated = try await store.update(collection: "services", id: "s1", value: service, ifVersion: 1)
            #expect(updated.version == 2)
        }
    }

    @Test("Keys are sorted and dates are ISO 8601 in UTC with milliseconds")
    func encodingForm() throws {
        let service = Service(serName: "rnis", registeredAt: Date(timeIntervalSince1970: 0.5), categories: [])
        let json = String(decoding: try DocumentCoding.encode(service), as: UTF8.self)
        #expect(json == #"{"categories":[],"registeredAt":"1970-01-01T00:00:00.500Z","serName":"rnis"}"#)
    }

    @Test("Dates without fractional seconds decode too")
    func wholeSecondDates() throws {
        let json = Data(#"{"categories":[],"registeredAt":"2024-05-01T12:00:00Z","serName":"x"}"#.utf8)
        let service = try DocumentCoding.decode(Service.self, from: json)
        #expect(service.registeredAt == Date(timeIntervalSince1970: 1_714_564_800))
    }

    @Test("A body that does not decode fails with invalidDocument naming the key, not the value")
    func decodeFailure() throws {
        let json = Data(#"{"categories":[],"registeredAt":"2024-05-01T12:00:00Z","serName":12345}"#.utf8)
        let error = #expect(throws: StoreError.self) { try DocumentCoding.decode(Service.self, from: json) }
        #expect(error?.code == .invalidDocument)
        #expect(error?.reason.contains("serName") == true)
        #expect(error?.reason.contains("12345") == false)
    }
}
