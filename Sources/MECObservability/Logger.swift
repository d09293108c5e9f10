import Foundation

/// A small structured logger: constant messages, data in metadata, one line per event.
///
/// ```swift
/// logger.info("server started", ["url": "https://localhost:8443"])
/// ```
/// Never put a token, secret or key in a message or metadata value.
public struct Logger: Sendable {
    /// Metadata values are plain strings; format numbers and durations at the call site.
    public typealias Metadata = [String: String]

    /// The component that logs, written as `logger=` in every line.
    public let label: String
    /// Events below this level are dropped.
    public var level: LogLevel
    /// The line format.
    public var format: LogFormat
    /// Metadata added to every event of this logger.
    public var metadata: Metadata
    private let sink: any LogSink

    /// Creates a logger.
    public init(
        label: String,
        level: LogLevel = .info,
        format: LogFormat = .logfmt,
        metadata: Metadata = [:],
        sink: any LogSink = StandardErrorSink()
    ) {
        self.label = label
        self.level = level
        self.format = format
        self.metadata = metadata
        self.sink = sink
    }

    /// A logger for a sub-component, sharing level, format, sink and metadata.
    public func child(label: String, metadata extra: Metadata = [:]) -> Logger {
        Logger(
            label: label, level: level, format: format, metadata: metadata.merging(extra) { _, new in new }, sink: sink)
    }

    /// Whether an event at `level` would be written.
    public func isEnabled(_ level: LogLevel) -> Bool {
        level >= self.level
    }

    /// Logs an event at `level`.
    public func log(_ level: LogLevel, _ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        guard isEnabled(level) else { return }
        var merged = self.metadata
        merged.merge(metadata()) { _, new in new }
        sink.write(LogLine.render(format: format, level: level, label: label, message: "\(message)", metadata: merged))
    }

    /// Logs at trace level.
    public func trace(_ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.trace, message, metadata())
    }

    /// Logs at debug level.
    public func debug(_ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.debug, message, metadata())
    }

    /// Logs at info level.
    public func info(_ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.info, message, metadata())
    }

    /// Logs at notice level.
    public func notice(_ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.notice, message, metadata())
    }

    /// Logs at warning level.
    public func warning(_ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.warning, message, metadata())
    }

    /// Logs at error level.
    public func error(_ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.error, message, metadata())
    }

    /// Logs at critical level.
    public func critical(_ message: StaticString, _ metadata: @autoclosure () -> Metadata = [:]) {
        log(.critical, message, metadata())
    }
}
