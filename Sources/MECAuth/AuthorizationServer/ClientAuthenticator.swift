import Foundation
import MECHTTP
import MECSecurity

/// Authenticates the client calling the token, introspection or revocation endpoint by the method it registered.
struct ClientAuthenticator: Sendable {
    /// An authenticated caller and the certificate it presented.
    struct Caller: Sendable {
        let client: OAuthClient
        let certificate: ClientCertificate?
    }

    let registry: ClientRegistry
    let certificates: ClientCertificateSource

    /// The client identifier a request claims, for the audit trail of failures; nil when it claims none.
    static func claimedClientID(_ request: Request, _ form: FormBody?) -> String? {
        if let basic = try? basicCredentials(request.headers) {
            return basic.id
        }
        return form?.single("client_id").text
    }

    func authenticate(_ request: Request, _ form: FormBody) async throws(OAuthError) -> Caller {
        let basic = try Self.basicCredentials(request.headers)
        let formID = form.single("client_id")
        guard formID != .repeated else { throw .invalidRequest("client_id appears more than once.") }
        guard form.single("client_secret") == .absent else {
            throw .invalidRequest("Send the client secret with HTTP Basic (client_secret_basic).")
        }
        if let basic, let claimed = formID.text, claimed != basic.id {
            throw .invalidRequest("client_id differs from the HTTP Basic user.")
        }
        guard let clientID = basic?.id ?? formID.text else {
            throw .invalidClient("No client identification was sent.")
        }
        let found: OAuthClient?
        do {
            found = try await registry.client(id: clientID)
        } catch {
            throw OAuthError(code: "server_error", description: "The client registry is unavailable.", status: 500)
        }
        guard let client = found else {
            throw .invalidClient("Client authentication failed.", basic: basic != nil)
        }
        let certificate = certificates.certificate(of: request)
        switch client.authenticationMethod {
        case .clientSecretBasic:
            guard let basic, let stored = client.secretHash, let hash = try? SecretHash(encoded: stored),
                await Self.matches(hash, basic.secret)
            else {
                throw .invalidClient("Client authentication failed.", basic: true)
            }
        case .tlsClientAuth:
            guard basic == nil, let certificate, certificate.isVerified,
                let info = try? CertificateInfo(der: certificate.der), info.permits(.client),
                Self.namesMatch(info, client)
            else {
                throw .invalidClient("Client authentication failed: present the registered client certificate.")
            }
        case .selfSignedTLSClientAuth:
            guard basic == nil, let certificate,
                let registered = client.certificateThumbprint.flatMap(Base64URL.decode),
                ConstantTime.equals(registered, certificate.sha256Thumbprint)
            else {
                throw .invalidClient("Client authentication failed: present the registered client certificate.")
            }
        }
        if client.requiresCertificateBoundTokens && certificate == nil {
            throw .invalidClient("This client must present its certificate; its tokens are certificate-bound.")
        }
        return Caller(client: client, certificate: certificate)
    }

    /// RFC 8705 section 2.1.2: the registered subject DN, or one registered subject alternative name, must match.
    private static func namesMatch(_ info: CertificateInfo, _ client: OAuthClient) -> Bool {
        if let dn = client.subjectDN, dn == info.subject {
            return true
        }
        let names = Set(info.dnsNames.map { $0.lowercased() } + info.ipAddresses)
        return client.subjectAlternativeNames.contains { names.contains($0.lowercased()) }
    }

    /// PBKDF2 takes a good fraction of a second by design; run it off the cooperative pool.
    private static func matches(_ hash: SecretHash, _ secret: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: hash.matches(secret))
            }
        }
    }

    /// The id and secret of `Authorization: Basic`, each form-urlencoded as RFC 6749 section 2.3.1 says.
    static func basicCredentials(_ headers: HTTPHeaders) throws(OAuthError) -> (id: String, secret: String)? {
        let values = headers.values("Authorization")
        guard !values.isEmpty else { return nil }
        guard values.count == 1, values[0].count > 6, values[0].prefix(6).lowercased() == "basic ",
            let decoded = Data(base64Encoded: values[0].dropFirst(6).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8),
            let colon = text.firstIndex(of: ":"),
            let id = FormBody.decode(text[..<colon]), let secret = FormBody.decode(text[text.index(after: colon)...]),
            !id.isEmpty
        else {
            throw .invalidClient("The Authorization header is not valid HTTP Basic credentials.", basic: true)
        }
        return (id, secret)
    }
}
