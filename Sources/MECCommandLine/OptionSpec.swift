/// A flag a command accepts.
public struct OptionSpec: Sendable {
    /// The long name without dashes, such as `data-dir`.
    public let name: String
    /// The placeholder for its value in help, such as `DIR`; nil for a switch that takes no value.
    public let valueName: String?
    /// One line of help.
    public let help: String
    /// Whether the flag may be given more than once.
    public let repeatable: Bool

    /// Creates an option.
    public init(_ name: String, value: String? = nil, help: String, repeatable: Bool = false) {
        self.name = name
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
    }
}

/// A mistake in how a command was called; reported in one line, with a hint, and exit status 2.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    /// The reason, such as `unknown option '--prot'`.
    public let description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}

/// Flags and operands after the command name.
public struct ParsedArguments: Sendable, Equatable {
    /// Flags in order, as (name, value); a switch has the value `true`.
    public var options: [Pair] = []
    /// Arguments that are not flags.
    public var operands: [String] = []
    /// Whether `-h` or `--help` was given.
    public var wantsHelp = false

    /// A flag and its value.
    public struct Pair: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    /// The last value of a flag.
    public func value(_ name: String) -> String? {
        options.last { $0.name == name }?.value
    }

    /// Every value of a repeatable flag.
    public func values(_ name: String) -> [String] {
        options.filter { $0.name == name }.map(\.value)
    }

    /// Parses arguments against the options a command accepts.
    public static func parse(_ arguments: [String], options specs: [OptionSpec]) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyOperands = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyOperands || !argument.hasPrefix("-") || argument == "-" {
                parsed.operands.append(argument)
                continue
            }
            if argument == "--" {
                onlyOperands = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                parsed.wantsHelp = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(argument)'")
            }
            let body = argument.dropFirst(2)
            let name = String(body.split(separator: "=", maxSplits: 1).first ?? "")
            let inline =
                body.contains("=") ? String(body.split(separator: "=", maxSplits: 1).dropFirst().first ?? "") : nil
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'")
            }
            if !spec.repeatable, parsed.options.contains(where: { $0.name == name }) {
                throw UsageError("option '--\(name)' was given twice")
            }
            let value: String
            if spec.valueName == nil {
                value = inline ?? "true"
            } else if let inline {
                value = inline
            } else {
                guard index < arguments.count else {
                    throw UsageError("option '--\(name)' needs a value")
                }
                value = arguments[index]
                index += 1
            }
            parsed.options.append(Pair(name: name, value: value))
        }
        return parsed
    }
}
