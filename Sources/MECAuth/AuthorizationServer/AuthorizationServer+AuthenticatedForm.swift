import MECHTTP

extension AuthorizationServer {
    /// A form body from an authenticated client, or the refusal to send instead.
    enum AuthenticatedForm {
        case client(FormBody, ClientAuthenticator.Caller)
        case refused(Response)
    }

    /// Reads the form body of a token, introspection or revocation request and authenticates its client.
    func authenticatedForm(_ request: Request) async -> AuthenticatedForm {
        guard let form = FormBody(request.body) else {
            return .refused(refuse(.invalidRequest("The body is not a valid form."), request, nil))
        }
        do {
            return .client(form, try await authenticator.authenticate(request, form))
        } catch {
            return .refused(refuse(error, request, form))
        }
    }
}
