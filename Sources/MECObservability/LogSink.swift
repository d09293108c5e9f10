import Foundation
import Synchronization

/// Where formatted log lines go. Each call receives one complete line, newline included.
public protocol LogSink: Sendable {
    /// Writes one line.
    func write(_ line: String)
}

/// Writes log lines to standard error with one `write(2)` per line, so lines from threads never interleave.
public struct StandardErrorSink: LogSink {
    /// Creates a sink for the process's standard error.
    public init() {}

    public func write(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// Keeps log lines in memory; tests read them back.
public final class MemoryLogSink: LogSink {
    private let storage = Mutex<[String]>([])

    /// Creates an empty sink.
    public init() {}

    public func write(_ line: String) {
        storage.withLock { $0.append(line) }
    }

    /// The lines written so far.
    public var lines: [String] {
        storage.withLock { $0 }
    }
}
