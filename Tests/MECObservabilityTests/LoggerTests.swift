import Foundation
import Testing

@testable import MECObservability

@Suite("Logger")
struct LoggerTests {
    @Test("logfmt lines carry level, logger, message and sorted metadata")
    func logfmt() {
        let sink = MemoryLogSink()
        let logger = Logger(label: "mec.test", level: .info, sink: sink)
        logger.info("request completed", ["status": "200", "route": "/a b"])
        #expect(sink.lines.count == 1)
        let line = sink.lines[0]
        #expect(line.hasSuffix("\n"))
        #expect(line.contains(#"level=info logger=mec.test msg="request completed" route="/a b" status=200"#))
    }

    @Test("JSON lines parse and escape values")
    func json() throws {
        let sink = MemoryLogSink()
        let logger = Logger(label: "mec", format: .json, sink: sink)
        logger.warning("odd input", ["value": "quote\" newline\n tab\t"])
        let object = try JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: String]
        #expect(object?["msg"] == "odd input")
        #expect(object?["level"] == "warning")
        #expect(object?["value"] == "quote\" newline\n tab\t")
        #expect(object?["time"]?.hasSuffix("Z") == true)
    }

    @Test("events below the level are dropped without evaluating metadata")
    func levels() {
        let sink = MemoryLogSink()
        let logger = Logger(label: "mec", level: .warning, sink: sink)
        logger.info(
            "hidden",
            {
                Issue.record("metadata evaluated"); return [:]
            }())
        logger.error("shown")
        #expect(sink.lines.count == 1)
    }

    @Test("child loggers keep the parent's metadata and add their own")
    func child() {
        let sink = MemoryLogSink()
        let parent = Logger(label: "mec", metadata: ["host": "h1"], sink: sink)
        parent.child(label: "mec.http", metadata: ["part": "server"]).info("started")
        #expect(sink.lines[0].contains("logger=mec.http"))
        #expect(sink.lines[0].contains("host=h1 part=server"))
    }

    @Test("level names parse", arguments: LogLevel.allCases)
    func levelNames(level: LogLevel) {
        #expect(LogLevel(name: level.description) == level)
        #expect(LogLevel(name: level.description.uppercased()) == level)
    }
}
