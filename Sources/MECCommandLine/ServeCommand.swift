import Foundation
import MECHost
import MECObservability

/// `mec serve`: runs a MEC host until SIGTERM or SIGINT.
struct ServeCommand: Command {
    let name = "serve"
    let summary = "Run a MEC host: HTTPS APIs, store and local CA in one process."
    let synopsis = "[--data-dir DIR] [--host ADDR] [--port N] [--config FILE] [options]"
    let options: [OptionSpec] = [
        OptionSpec("config", value: "FILE", help: "Read settings from FILE (key = value lines). Env: MEC_CONFIG."),
        OptionSpec("data-dir", value: "DIR", help: "Keep the CA, keys and database in DIR."),
        OptionSpec("host", value: "ADDR", help: "Listen on ADDR (default 127.0.0.1; 0.0.0.0 or :: for all)."),
        OptionSpec("port", value: "N", help: "Listen on port N (default 8443; 0 picks a free port)."),
        OptionSpec("insecure-http", help: "Serve plain HTTP instead of HTTPS (development only)."),
        OptionSpec("server-name", value: "NAME", help: "Add NAME to the server certificate.", repeatable: true),
        OptionSpec("log-level", value: "LEVEL", help: "trace, debug, info (default), notice, warning, error."),
        OptionSpec("log-format", value: "FORMAT", help: "logfmt (default) or json."),
        OptionSpec("max-body-size", value: "BYTES", help: "Largest request body (default 1048576)."),
        OptionSpec("max-header-size", value: "BYTES", help: "Largest request head (default 16384)."),
        OptionSpec("max-connections", value: "N", help: "Connections served at once (default 1024)."),
        OptionSpec("idle-timeout", value: "SECONDS", help: "Close silent connections after this long (default 60)."),
        OptionSpec("header-timeout", value: "SECONDS", help: "Time allowed to send a request head (default 10)."),
        OptionSpec("threads", value: "N", help: "Network threads (default: number of processors)."),
        OptionSpec("shutdown-grace", value: "SECONDS", help: "Time for requests in flight at shutdown (default 3)."),
        OptionSpec("dns-address", value: "ADDR", help: "Answer MEC 011 DNS rules on ADDR (default 127.0.0.1)."),
        OptionSpec("dns-port", value: "N", help: "DNS port for the rules (default 0: a free port, logged)."),
        OptionSpec("token-lifetime", value: "SECONDS", help: "Lifetime of issued access tokens (default 3600)."),
        OptionSpec(
            "trusted-proxy", value: "ADDR", help: "Believe the Client-Cert header from this proxy address.",
            repeatable: true),
    ]
    let discussion = """
        Every option is also a configuration file key and an environment variable: --data-dir is the
        key 'data-dir' and the variable MEC_DATA_DIR. Flags win over the environment, which wins over the
        file, which wins over the defaults. The default data directory is $XDG_DATA_HOME/swift-mec, else
        $HOME/.local/share/swift-mec.
        """

    func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> Int32 {
        guard arguments.operands.isEmpty else {
            throw UsageError("unexpected argument '\(arguments.operands[0])'")
        }
        let flags = arguments.options.filter { $0.name != "config" }.map { (key: $0.name, value: $0.value) }
        let configuration = try ConfigurationLoader.load(
            configFile: arguments.value("config"),
            environment: context.environment,
            flags: flags
        )
        let logger = Logger(label: "mec", level: configuration.logLevel, format: configuration.logFormat)
        let host = EdgeHost(configuration: configuration, logger: logger)
        do {
            try await host.run()
            return 0
        } catch {
            logger.critical("host failed", ["error": String(describing: error)])
            return 1
        }
    }
}
