/// A `mec` subcommand.
public protocol Command: Sendable {
    /// The name typed after `mec`.
    var name: String { get }
    /// One line for `mec help`.
    var summary: String { get }
    /// The synopsis after `mec NAME`, such as `[--data-dir DIR] [--port N]`.
    var synopsis: String { get }
    /// The flags it accepts.
    var options: [OptionSpec] { get }
    /// Extra help text shown after the options, or empty.
    var discussion: String { get }
    /// Runs the command; returns the exit status. Throws `UsageError` for a bad call (exit status 2).
    func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> Int32
}

extension Command {
    public var discussion: String { "" }

    /// The full help text.
    public var help: String {
        var text = "\(summary)\n\nUsage: mec \(name) \(synopsis)\n"
        if !options.isEmpty {
            text += "\nOptions:\n"
            let labels = options.map { "--\($0.name)" + ($0.valueName.map { " \($0)" } ?? "") }
            let width = (labels.map(\.count).max() ?? 0) + 2
            for (label, option) in zip(labels, options) {
                text += "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + option.help + "\n"
            }
            text += "  " + "-h, --help".padding(toLength: width, withPad: " ", startingAt: 0) + "Show this help.\n"
        }
        if !discussion.isEmpty {
            text += "\n" + discussion + "\n"
        }
        return text
    }
}

/// What a command may use of the process: its environment and output streams.
public struct CommandContext: Sendable {
    /// The environment variables.
    public var environment: [String: String]
    /// Writes to standard output.
    public var output: @Sendable (String) -> Void
    /// Writes to standard error.
    public var errorOutput: @Sendable (String) -> Void

    /// Creates a context.
    public init(
        environment: [String: String],
        output: @escaping @Sendable (String) -> Void,
        errorOutput: @escaping @Sendable (String) -> Void
    ) {
        self.environment = environment
        self.output = output
        self.errorOutput = errorOutput
    }
}
