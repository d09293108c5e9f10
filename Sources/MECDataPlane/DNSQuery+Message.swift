extension DNSQuery {
    /// Encodes a query with one question of class IN and recursion desired (RFC 1035, section 4).
    static func encodeQuery(id: UInt16, name: String, type: RecordType) throws -> [UInt8] {
        var message: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xff), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
        var trimmed = Substring(name)
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        var length = 1
        if !trimmed.isEmpty {
            for label in trimmed.split(separator: ".", omittingEmptySubsequences: false) {
                let bytes = Array(label.utf8)
                guard (1...63).contains(bytes.count) else {
                    throw DNSQueryError(.invalidName, "label must have 1 to 63 bytes")
                }
                message.append(UInt8(bytes.count))
                message.append(contentsOf: bytes)
                length += bytes.count + 1
            }
        }
        guard length <= 255 else { throw DNSQueryError(.invalidName, "name longer than 255 bytes") }
        message.append(0)
        message.append(contentsOf: [UInt8(type.rawValue >> 8), UInt8(type.rawValue & 0xff), 0, 1])
        return message
    }

    /// Parses a response to the query with `id`: header, question skipped, A and AAAA answers read.
    static func parseResponse(_ message: [UInt8], id: UInt16) throws -> DNSResponse {
        var reader = Reader(bytes: message)
        let header = try (0..<6).map { _ in try reader.uint16() }
        guard header[0] == id, header[1] & 0x8000 != 0 else {
            throw DNSQueryError(.malformedResponse, "not a response to this query")
        }
        for _ in 0..<header[2] {
            _ = try reader.name()
            try reader.skip(4)
        }
        var answers: [DNSResponse.Answer] = []
        for _ in 0..<header[3] {
            let name = try reader.name()
            let type = try reader.uint16()
            let recordClass = try reader.uint16()
            let ttl = UInt32(try reader.uint16()) << 16 | UInt32(try reader.uint16())
            let length = Int(try reader.uint16())
            let data = try reader.bytes(length)
            guard recordClass == 1, let recordType = RecordType(rawValue: type) else { continue }
            guard data.count == (recordType == .a ? 4 : 16), let address = Self.text(of: data) else {
                throw DNSQueryError(.malformedResponse, "address record of the wrong length")
            }
            answers.append(DNSResponse.Answer(name: name, type: recordType, address: address, ttl: ttl))
        }
        return DNSResponse(
            responseCode: DNSResponse.ResponseCode(rawValue: UInt8(header[1] & 0x000f)),
            isAuthoritative: header[1] & 0x0400 != 0,
            isTruncated: header[1] & 0x0200 != 0,
            answers: answers
        )
    }

    private static func text(of address: [UInt8]) -> String? {
        if address.count == 4 {
            return address.map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 16, by: 2).map {
            String(UInt16(address[$0]) << 8 | UInt16(address[$0 + 1]), radix: 16)
        }
        return IPAddressText.canonical(groups.joined(separator: ":"))
    }

    /// Reads big-endian fields and compressed names from a message.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func skip(_ count: Int) throws {
            guard offset + count <= bytes.count else { throw truncated }
            offset += count
        }

        mutating func uint16() throws -> UInt16 {
            guard offset + 2 <= bytes.count else { throw truncated }
            defer { offset += 2 }
            return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
        }

        mutating func bytes(_ count: Int) throws -> [UInt8] {
            guard offset + count <= bytes.count else { throw truncated }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        /// Reads a name, following compression pointers (RFC 1035, section 4.1.4) a bounded number of times.
        mutating func name() throws -> String {
            var labels: [String] = []
            var position = offset
            var jumped = false
            for _ in 0..<128 {
                guard position < bytes.count else { throw truncated }
                let length = Int(bytes[position])
                if length == 0 {
                    if !jumped { offset = position + 1 }
                    return labels.joined(separator: ".").lowercased()
                }
                if length & 0xc0 == 0xc0 {
                    guard position + 1 < bytes.count else { throw truncated }
                    if !jumped { offset = position + 2 }
                    position = (length & 0x3f) << 8 | Int(bytes[position + 1])
                    jumped = true
                    continue
                }
                guard length <= 63, position + 1 + length <= bytes.count else { throw truncated }
                labels.append(String(decoding: bytes[position + 1..<position + 1 + length], as: UTF8.self))
                position += 1 + length
            }
            throw DNSQueryError(.malformedResponse, "name with too many labels or a pointer loop")
        }

        private var truncated: DNSQueryError {
            DNSQueryError(.malformedResponse, "message ends inside a field")
        }
    }
}
