import Testing

@testable import MECCommandLine

@Suite("Argument parsing")
struct ParsedArgumentsTests {
    static let options = [
        OptionSpec("port", value: "N", help: ""),
        OptionSpec("insecure-http", help: ""),
        OptionSpec("server-name", value: "NAME", help: "", repeatable: true),
    ]

    @Test("values, inline values, switches and operands are read")
    func parsing() throws {
        let parsed = try ParsedArguments.parse(
            ["--port", "0", "--insecure-http", "--server-name=a", "--server-name", "b", "extra"],
            options: Self.options
        )
        #expect(parsed.value("port") == "0")
        #expect(parsed.value("insecure-http") == "true")
        #expect(parsed.values("server-name") == ["a", "b"])
        #expect(parsed.operands == ["extra"])
    }

    @Test(
        "mistakes are reported in one line",
        arguments: [
            (["--prot", "1"], "unknown option '--prot'"),
            (["-p"], "unknown option '-p'"),
            (["--port"], "option '--port' needs a value"),
            (["--port", "1", "--port", "2"], "option '--port' was given twice"),
        ])
    func mistakes(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) {
            try ParsedArguments.parse(arguments, options: Self.options)
        }
    }

    @Test("help is noticed anywhere")
    func help() throws {
        #expect(try ParsedArguments.parse(["--port", "1", "-h"], options: Self.options).wantsHelp)
    }
}
