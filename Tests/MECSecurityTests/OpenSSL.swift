import Foundation
import MECTestSupport

/// Runs the `openssl` command line tool to cross-check results with an independent implementation.
enum OpenSSL {
    struct Output {
        let status: Int32
        let stdout: Data
        let stderr: String

        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let arguments: [String]
        let output: Output

        var description: String {
            "openssl \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)"
        }
    }

    /// Runs openssl and returns its output whatever the exit status.
    static func run(_ arguments: [String], input: Data? = nil) throws -> Output {
        let result = try ChildProcess.run(["openssl"] + arguments, input: input ?? Data())
        return Output(status: result.status, stdout: result.outputData, stderr: result.error)
    }

    /// Runs openssl and throws unless it exits with status 0.
    @discardableResult
    static func check(_ arguments: [String], input: Data? = nil) throws -> Output {
        let output = try run(arguments, input: input)
        guard output.status == 0 else { throw Failure(arguments: arguments, output: output) }
        return output
    }
}

/// Converts ECDSA P-256 signatures between raw `r || s` and DER, written independently of the code under test.
enum TestDER {
    static func signature(raw: Data) -> Data {
        func integer(_ bytes: Data) -> [UInt8] {
            var value = Array(bytes.drop { $0 == 0 })
            if value.isEmpty { value = [0] }
            if value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02, UInt8(value.count)] + value
        }
        let body = integer(raw.prefix(32)) + integer(raw.suffix(32))
        return Data([0x30, UInt8(body.count)] + body)
    }

    static func raw(signature der: Data) -> Data? {
        let bytes = Array(der)
        guard bytes.count > 8, bytes[0] == 0x30, Int(bytes[1]) == bytes.count - 2 else { return nil }
        var index = 2
        var scalars: [Data] = []
        for _ in 0..<2 {
            guard bytes[index] == 0x02 else { return nil }
            let length = Int(bytes[index + 1])
            let value = bytes[(index + 2)..<(index + 2 + length)].drop { $0 == 0 }
            guard value.count <= 32 else { return nil }
            scalars.append(Data(repeating: 0, count: 32 - value.count) + value)
            index += 2 + length
        }
        return scalars[0] + scalars[1]
    }
}
