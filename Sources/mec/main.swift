import Foundation
import MECCommandLine

let context = CommandContext(
    environment: ProcessInfo.processInfo.environment,
    output: { FileHandle.standardOutput.write(Data($0.utf8)) },
    errorOutput: { FileHandle.standardError.write(Data($0.utf8)) }
)
let status = await MECCommand.main(Array(CommandLine.arguments.dropFirst()), context: context)
exit(status)
