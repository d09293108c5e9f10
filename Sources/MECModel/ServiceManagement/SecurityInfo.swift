/// How a MEC service's transport is secured (GS MEC 011 `SecurityInfo`, in `TransportInfo.security`).
public struct SecurityInfo: Codable, Hashable, Sendable {
    /// OAuth 2.0 parameters, present when the service uses OAuth 2.0.
    public var oAuth2Info: OAuth2Info?

    /// Creates the value.
    public init(oAuth2Info: OAuth2Info?) {
        self.oAuth2Info = oAuth2Info
    }
}
