import Foundation
import MECHost

/// The `mec` command line: finds the subcommand, parses its flags and runs it.
public enum MECCommand {
    /// Every subcommand, in the order `mec help` lists them.
    public static let commands: [any Command] = [
        ServeCommand(), CertCommand(), ClientCommand(), TokenCommand(), VersionCommand(),
    ]

    /// Runs `mec` with `arguments` (without the program name) and returns the exit status.
    public static func main(_ arguments: [String], context: CommandContext) async -> Int32 {
        guard let first = arguments.first else {
            context.errorOutput(overview)
            return 2
        }
        if first == "help" || first == "-h" || first == "--help" {
            if arguments.count > 1 {
                guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                    return usageFailure(UsageError("unknown command '\(arguments[1])'"), command: nil, context)
                }
                context.output(command.help)
            } else {
                context.output(overview)
            }
            return 0
        }
        if first == "--version" {
            context.output("mec \(MECVersion.current)\n")
            return 0
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            return usageFailure(UsageError("unknown command '\(first)'"), command: nil, context)
        }
        do {
            let parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), options: command.options)
            if parsed.wantsHelp {
                context.output(command.help)
                return 0
            }
            return try await command.run(parsed, context: context)
        } catch let error as UsageError {
            return usageFailure(error, command: command, context)
        } catch let error as ConfigurationError {
            return usageFailure(UsageError(error.description), command: command, context)
        } catch {
            context.errorOutput("mec \(command.name): \(error)\n")
            return 1
        }
    }

    /// The overview `mec help` prints.
    public static var overview: String {
        var text = "mec \(MECVersion.current): an ETSI MEC host.\n\nUsage: mec <command> [options]\n\nCommands:\n"
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands {
            text += "  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text +=
            "  " + "help".padding(toLength: width, withPad: " ", startingAt: 0) + "Show help for mec or a command.\n"
        text += "\nRun 'mec <command> --help' for a command's options.\n"
        return text
    }

    private static func usageFailure(_ error: UsageError, command: (any Command)?, _ context: CommandContext) -> Int32 {
        let prefix = command.map { "mec \($0.name)" } ?? "mec"
        let hint = command.map { "Run 'mec \($0.name) --help' for usage." } ?? "Run 'mec help' for usage."
        context.errorOutput("\(prefix): \(error.description)\n\(hint)\n")
        return 2
    }
}
