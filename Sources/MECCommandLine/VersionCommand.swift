import MECHost

/// `mec version`: prints the version.
struct VersionCommand: Command {
    let name = "version"
    let summary = "Print the version of mec."
    let synopsis = ""
    let options: [OptionSpec] = []

    func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> Int32 {
        guard arguments.operands.isEmpty else {
            throw UsageError("unexpected argument '\(arguments.operands[0])'")
        }
        context.output("mec \(MECVersion.current)\n")
        return 0
    }
}
