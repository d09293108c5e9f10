import Foundation
import MECHost
import MECObservability
import MECStore

/// The `--data-dir` option shared by the commands that work on a host's data without running it.
enum DataDirectoryOption {
    static let spec = OptionSpec(
        "data-dir", value: "DIR", help: "The host's data directory (default: $MEC_DATA_DIR, else as for 'serve').")

    /// The directory from the flag, else `MEC_DATA_DIR`, else the default of `mec serve`.
    static func url(_ arguments: ParsedArguments, _ context: CommandContext) -> URL {
        let path =
            arguments.value("data-dir") ?? context.environment["MEC_DATA_DIR"]
            ?? HostConfiguration.defaultDataDirectory(environment: context.environment)
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Opens the host's store, creating the directory (mode 0700) when needed.
    static func openStore(_ directory: URL) throws -> SQLiteStore {
        if !FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let logger = Logger(label: "mec", level: .warning)
        return try SQLiteStore(path: directory.appendingPathComponent("mec.sqlite").path, logger: logger)
    }

    /// Rejects operands beyond the expected count.
    static func expectOperands(_ arguments: ParsedArguments, _ count: Int) throws {
        guard arguments.operands.count <= count else {
            throw UsageError("unexpected argument '\(arguments.operands[count])'")
        }
    }
}
