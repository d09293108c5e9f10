import Testing

@testable import MECDataPlane

@Suite("DNS query messages")
struct DNSQueryMessageTests {
    @Test("a query carries the id, one question, the labels and the type")
    func encodesQuery() throws {
        let message = try DNSQuery.encodeQuery(id: 0x1234, name: "ab.c.", type: .aaaa)
        #expect(message == [0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 97, 98, 1, 99, 0, 0, 28, 0, 1])
    }

    @Test(
        "names with an empty or overlong label cannot be asked", arguments: ["a..b", String(repeating: "x", count: 64)])
    func refusesBadNames(name: String) {
        #expect(throws: DNSQueryError.self) { try DNSQuery.encodeQuery(id: 1, name: name, type: .a) }
    }

    @Test("a response with compressed names yields its A and AAAA answers with their TTLs")
    func parsesAnswers() throws {
        var message: [UInt8] = [0xab, 0xcd, 0x84, 0x00, 0, 1, 0, 2, 0, 0, 0, 0]
        message += [3, 97, 112, 112, 7] + Array("example".utf8) + [0, 0, 1, 0, 1]
        message += [0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 42, 0, 4, 10, 1, 2, 3]
        message += [0xc0, 12, 0, 28, 0, 1, 0, 0, 1, 0, 0, 16, 0xfd] + Array(repeating: 0, count: 14) + [5]
        let response = try DNSQuery.parseResponse(message, id: 0xabcd)
        #expect(response.responseCode == .noError)
        #expect(response.isAuthoritative)
        #expect(
            response.answers == [
                DNSResponse.Answer(name: "app.example", type: .a, address: "10.1.2.3", ttl: 42),
                DNSResponse.Answer(name: "app.example", type: .aaaa, address: "fd00::5", ttl: 256),
            ])
    }

    @Test("the response code is read from the header")
    func readsResponseCode() throws {
        let response = try DNSQuery.parseResponse([0, 7, 0x81, 0x05, 0, 0, 0, 0, 0, 0, 0, 0], id: 7)
        #expect(response.responseCode == .refused)
        #expect(response.answers.isEmpty)
        #expect(response.responseCode.description == "REFUSED")
    }

    @Test("truncated messages, pointer loops and other ids are malformed")
    func rejectsMalformed() {
        let loop: [UInt8] = [0, 7, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]
        #expect(throws: DNSQueryError.self) { try DNSQuery.parseResponse([0, 7, 0x81], id: 7) }
        #expect(throws: DNSQueryError.self) { try DNSQuery.parseResponse(loop, id: 7) }
        #expect(throws: DNSQueryError.self) {
            try DNSQuery.parseResponse([0, 8, 0x81, 0x80, 0, 0, 0, 0, 0, 0, 0, 0], id: 7)
        }
    }

    @Test("a server that does not listen is reported quickly, not as a timeout")
    func connectionRefused() async throws {
        let port = try FreePort.pick(address: "127.0.0.1")
        await #expect(throws: DNSQueryError.self) {
            try await DNSQuery(server: "127.0.0.1", port: port, timeout: .seconds(5)).resolve("a.example", type: .a)
        }
    }
}
