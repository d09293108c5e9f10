import Foundation
import MECTestSupport
import Synchronization

/// The real `mec` executable, started as a child process with its standard error captured.
final class MECProcess: Sendable {
    /// The `mec` binary built next to the test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("mec")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/mec")
    }

    private final class TextBuffer: Sendable {
        let text = Mutex("")
    }

    private let process: ChildProcess
    private let errorText = TextBuffer()

    /// Starts `mec` with `arguments`.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = try ChildProcess([Self.executable.path] + arguments, environment: environment)
        let handle = process.standardError
        let text = errorText
        let reader = Thread {
            while let data = handle?.availableData, !data.isEmpty {
                text.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        reader.start()
    }

    /// Everything written to standard error so far.
    var stderr: String { errorText.text.withLock { $0 } }

    /// Waits (bounded) for a log line with `msg="message"` and returns the value of `key` in it.
    func waitForLog(_ message: String, key: String, limit: Duration = .seconds(30)) async throws -> String? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            for line in stderr.split(separator: "\n") where line.contains("msg=\"\(message)\"") {
                for field in line.split(separator: " ") where field.hasPrefix("\(key)=") {
                    return String(field.dropFirst(key.count + 1))
                }
            }
            if !process.isRunning { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Sends a signal.
    func signal(_ number: Int32) {
        process.signal(number)
    }

    /// Waits (bounded) for the process to exit; returns its status, or nil if it is still running.
    func waitForExit(limit: Duration = .seconds(20)) async throws -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            process.signal(SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
