import Foundation

/// Renders one log event as a logfmt or JSON line.
enum LogLine {
    static func render(
        format: LogFormat,
        level: LogLevel,
        label: String,
        message: String,
        metadata: Logger.Metadata,
        date: Date = Date()
    ) -> String {
        let time = timestamp(date)
        let keys = metadata.keys.sorted()
        switch format {
        case .logfmt:
            var line = "time=\(time) level=\(level) logger=\(quoteLogfmt(label)) msg=\(quoteLogfmt(message))"
            for key in keys {
                line += " \(key)=\(quoteLogfmt(metadata[key] ?? ""))"
            }
            return line + "\n"
        case .json:
            var line = "{\"time\":\(quoteJSON(time)),\"level\":\(quoteJSON(level.description))"
            line += ",\"logger\":\(quoteJSON(label)),\"msg\":\(quoteJSON(message))"
            for key in keys {
                line += ",\(quoteJSON(key)):\(quoteJSON(metadata[key] ?? ""))"
            }
            return line + "}\n"
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    static func quoteLogfmt(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return value }
        return quoteJSON(value)
    }

    static func quoteJSON(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
