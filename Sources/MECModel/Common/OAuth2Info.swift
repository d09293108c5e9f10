/// The OAuth 2.0 parameters of a transport (`OAuth2Info`).
///
/// `grantTypes` is a list ("List of supported OAuth 2.0 grant types"). One of the two specification files declares
/// it as a single string; a single string is accepted when decoding and the list form is always encoded.
public struct OAuth2Info: Codable, Sendable, Equatable {
    /// The grant types the transport supports.
    public var grantTypes: [OAuth2GrantType]
    /// The token endpoint; shall be present unless the grant type is `OAUTH2_IMPLICIT_GRANT`.
    public var tokenEndpoint: String?

    /// Creates OAuth 2.0 parameters.
    public init(grantTypes: [OAuth2GrantType], tokenEndpoint: String? = nil) {
        self.grantTypes = grantTypes
        self.tokenEndpoint = tokenEndpoint
    }

    private enum CodingKeys: String, CodingKey {
        case grantTypes, tokenEndpoint
    }

    /// Decodes the grant types as a list or as one string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let grantTypes = try container.decodeArrayOrSingleIfPresent(OAuth2GrantType.self, forKey: .grantTypes)
        else {
            throw DecodingError.keyNotFound(
                CodingKeys.grantTypes,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "grantTypes is required")
            )
        }
        self.grantTypes = grantTypes
        tokenEndpoint = try container.decodeIfPresent(String.self, forKey: .tokenEndpoint)
    }
}
