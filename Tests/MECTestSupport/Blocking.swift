import Foundation
import Synchronization

/// Runs blocking work on a thread of its own, so tests that wait on sockets or processes never starve Swift's
/// cooperative pool (on two cores it has two threads, and other tests' sleeps would stall behind them).
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}

/// Runs a program found on PATH to completion, off the cooperative pool; returns its status and output.
public func runProgram(_ arguments: [String], input: Data = Data()) async throws -> ProgramResult {
    try await offPool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        try ProcessLauncher.start(process)
        inputPipe.fileHandleForWriting.write(input)
        try inputPipe.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProgramResult(
            status: process.terminationStatus,
            output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self)
        )
    }
}

/// What a finished program returned.
public struct ProgramResult: Sendable {
    /// The exit status.
    public let status: Int32
    /// Standard output.
    public let output: String
    /// Standard error.
    public let error: String
}

/// Starts child processes one at a time: launching from many threads at once has crashed inside Foundation's
/// `Process.run()` here, so every test launches through this lock.
public enum ProcessLauncher {
    private static let lock = Mutex(())

    /// Runs `process.run()` under the lock.
    public static func start(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
