import Foundation
import MECObservability
import MECSecurity

/// `mec cert issue`: writes a client certificate and key signed by the host's local CA.
struct CertCommand: Command {
    let name = "cert"
    let summary = "Issue a client certificate signed by the host's local CA."
    let synopsis = "issue --name NAME --out DIR [--data-dir DIR] [--dns NAME]..."
    let options: [OptionSpec] = [
        DataDirectoryOption.spec,
        OptionSpec("name", value: "NAME", help: "The certificate's common name and the file names NAME.crt, NAME.key."),
        OptionSpec("out", value: "DIR", help: "Where to write NAME.crt (mode 0644) and NAME.key (mode 0600)."),
        OptionSpec("dns", value: "NAME", help: "Add a DNS subject alternative name.", repeatable: true),
        OptionSpec("days", value: "N", help: "Days of validity (default 365)."),
    ]
    let discussion = """
        The CA is the one 'mec serve' uses (ca.crt and ca.key in the data directory); it is created when the
        directory has none yet. Existing files are never overwritten.
        """

    func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> Int32 {
        guard arguments.operands.first == "issue" else {
            throw UsageError("expected 'mec cert issue'")
        }
        try DataDirectoryOption.expectOperands(arguments, 1)
        guard let commonName = arguments.value("name"), !commonName.isEmpty else {
            throw UsageError("--name is required")
        }
        guard commonName.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw UsageError("--name may hold letters, digits, '.', '_' and '-' only")
        }
        guard let out = arguments.value("out") else {
            throw UsageError("--out is required")
        }
        let days = try arguments.value("days").map { text -> Int in
            guard let days = Int(text), (1...3650).contains(days) else { throw UsageError("--days must be 1-3650") }
            return days
        }
        let directory = DataDirectoryOption.url(arguments, context)
        let authority = try LocalCertificateAuthority.loadOrCreate(
            directory: directory, logger: Logger(label: "mec", level: .warning))
        let issued = try authority.issue(
            CertificateRequest(
                commonName: commonName, dnsNames: arguments.values("dns"), usage: .client, validityDays: days)
        )
        let files = try issued.write(to: URL(fileURLWithPath: out, isDirectory: true), name: commonName)
        context.output("\(files.certificate.path)\n\(files.privateKey.path)\n")
        context.errorOutput(
            "subject: \(issued.certificate.subject)\nx5t#S256: \(issued.certificate.thumbprintBase64URL)\n")
        return 0
    }
}
