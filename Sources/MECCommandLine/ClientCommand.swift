import Foundation
import MECAuth
import MECSecurity
import MECStore

/// `mec client add|list|remove`: manages the OAuth 2.0 clients of a host.
struct ClientCommand: Command {
    /// The scopes a client gets when `--scope` is not given: both MEC 011 APIs, as an application instance needs.
    static let defaultScopes = [
        MECScope.all(api: MECScope.serviceManagement), MECScope.all(api: MECScope.appSupport),
        MECScope.all(api: MECScope.notifications),
    ]

    let name = "client"
    let summary = "Register, list or remove OAuth 2.0 clients."
    let synopsis = "add --id ID (--cert FILE | --secret) [--scope S]... | list | remove ID   [--data-dir DIR]"
    let options: [OptionSpec] = [
        DataDirectoryOption.spec,
        OptionSpec("id", value: "ID", help: "The client id; for an application instance, its appInstanceId."),
        OptionSpec("cert", value: "FILE", help: "Bind the client to this PEM certificate (mutual TLS)."),
        OptionSpec("secret", help: "Authenticate with a generated secret, printed once."),
        OptionSpec("scope", value: "S", help: "A scope the client may get (may repeat).", repeatable: true),
    ]
    let discussion = """
        With --cert, a certificate from the host's CA registers the client by its subject (tls_client_auth);
        any other certificate registers it by SHA-256 thumbprint (self_signed_tls_client_auth). Tokens of such
        clients are always bound to the certificate. Without --scope a client may get
        \(defaultScopes.joined(separator: " ")); 'mec:operator' grants everything.
        """

    func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> Int32 {
        let directory = DataDirectoryOption.url(arguments, context)
        switch arguments.operands.first {
        case "add":
            try DataDirectoryOption.expectOperands(arguments, 1)
            return try await add(arguments, directory, context)
        case "list":
            try DataDirectoryOption.expectOperands(arguments, 1)
            return try await withRegistry(directory) { registry in
                for client in try await registry.list() {
                    let bound = client.requiresCertificateBoundTokens ? "bound" : "bearer"
                    context.output(
                        "\(client.clientId)\t\(client.authenticationMethod.rawValue)\t\(bound)\t"
                            + "\(client.scopes.joined(separator: " "))\n"
                    )
                }
                return 0
            }
        case "remove":
            try DataDirectoryOption.expectOperands(arguments, 2)
            guard let id = arguments.operands.dropFirst().first ?? arguments.value("id") else {
                throw UsageError("name the client to remove: mec client remove ID")
            }
            return try await withRegistry(directory) { registry in
                guard try await registry.remove(id: id) else {
                    context.errorOutput("mec client: no client '\(id)'\n")
                    return 1
                }
                context.output("removed \(id)\n")
                return 0
            }
        default:
            throw UsageError("expected 'mec client add', 'mec client list' or 'mec client remove ID'")
        }
    }

    private func add(_ arguments: ParsedArguments, _ directory: URL, _ context: CommandContext) async throws -> Int32 {
        guard let id = arguments.value("id") else { throw UsageError("--id is required") }
        guard OAuthClient.isValidIdentifier(id) else {
            throw UsageError("--id must be 1 to 128 of A-Z a-z 0-9 . _ ~ -")
        }
        let scopes = arguments.values("scope").isEmpty ? Self.defaultScopes : arguments.values("scope")
        if let bad = scopes.first(where: { !MECScope.isValid($0) }) {
            throw UsageError("'\(bad)' is not a valid scope")
        }
        let client: OAuthClient
        var secret: String?
        switch (arguments.value("cert"), arguments.value("secret") != nil) {
        case (let file?, false):
            let certificate = try CertificateInfo(pem: String(contentsOfFile: file, encoding: .utf8))
            let authority = try CertificateInfo(
                pem: String(contentsOf: directory.appendingPathComponent("ca.crt"), encoding: .utf8))
            client = ClientRegistry.certificateClient(
                id: id, certificate: certificate, authority: authority, scopes: scopes)
        case (nil, true):
            (client, secret) = try ClientRegistry.secretClient(id: id, scopes: scopes)
        default:
            throw UsageError("give exactly one of --cert FILE and --secret")
        }
        return try await withRegistry(directory) { registry in
            do {
                try await registry.add(client)
            } catch let error as AuthError {
                context.errorOutput("mec client: \(error.detail)\n")
                return 1
            }
            context.errorOutput("registered \(id) (\(client.authenticationMethod.rawValue))\n")
            if let secret {
                context.errorOutput("client secret (shown once, store it now):\n")
                context.output("\(secret)\n")
            }
            return 0
        }
    }

    private func withRegistry(_ directory: URL, _ body: (ClientRegistry) async throws -> Int32) async throws -> Int32 {
        let store = try DataDirectoryOption.openStore(directory)
        do {
            let status = try await body(ClientRegistry(store: store))
            await store.close()
            return status
        } catch {
            await store.close()
            throw error
        }
    }
}
