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
    try await offPool { try ChildProcess.run(arguments, input: input) }
}

/// What a finished program returned.
public struct ProgramResult: Sendable {
    /// The exit status.
    public let status: Int32
    /// Standard output as bytes, for programs that print binary data.
    public let outputData: Data
    /// Standard output.
    public var output: String { String(decoding: outputData, as: UTF8.self) }
    /// Standard error.
    public let error: String
}
