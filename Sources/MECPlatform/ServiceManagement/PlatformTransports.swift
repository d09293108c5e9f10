import MECModel

/// The transports the MEC platform itself provides (`GET /transports`).
enum PlatformTransports {
    /// The identifier of the REST over HTTPS transport.
    static let restHTTPSId = "rest-https"

    /// What this platform offers: its REST API over HTTP/1.1 and TLS at the host's base URL, secured with OAuth 2.0
    /// client credentials when a token endpoint is configured.
    static func offered(baseURL: String, tokenEndpoint: String?) -> [TransportInfo] {
        [
            TransportInfo(
                id: restHTTPSId,
                name: "REST",
                description: "RESTful HTTP/1.1 over TLS 1.2 or 1.3 at the MEC platform's endpoint",
                type: .restHTTP,
                protocol: "HTTP",
                version: "1.1",
                endpoint: .uris([baseURL]),
                security: security(tokenEndpoint: tokenEndpoint)
            )
        ]
    }

    /// OAuth 2.0 client credentials with the platform's token endpoint, or no OAuth 2.0 when there is none.
    static func security(tokenEndpoint: String?) -> SecurityInfo {
        guard let tokenEndpoint else { return SecurityInfo() }
        return SecurityInfo(oAuth2Info: OAuth2Info(grantTypes: [.clientCredentials], tokenEndpoint: tokenEndpoint))
    }
}
