/// How a transport is secured (`SecurityInfo`, clause 8.1.5.4).
///
/// Besides `oAuth2Info` the specification allows "extensions for alternative transport mechanisms" whose form it
/// leaves open; every other member of the object is kept in `extensions` and written back unchanged.
public struct SecurityInfo: Codable, Sendable, Equatable {
    /// The OAuth 2.0 parameters, present when OAuth 2.0 secures the transport.
    public var oAuth2Info: OAuth2Info?
    /// Members for alternative transports, keyed by their JSON names.
    public var extensions: [String: JSONValue]

    /// Creates security information.
    public init(oAuth2Info: OAuth2Info? = nil, extensions: [String: JSONValue] = [:]) {
        self.oAuth2Info = oAuth2Info
        self.extensions = extensions
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ stringValue: String) {
            self.stringValue = stringValue
        }

        init?(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }

    private static let oAuth2InfoKey = AnyKey("oAuth2Info")

    /// Decodes `oAuth2Info` and keeps every other member as an extension.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        oAuth2Info = try container.decodeIfPresent(OAuth2Info.self, forKey: Self.oAuth2InfoKey)
        var extensions: [String: JSONValue] = [:]
        for key in container.allKeys where key.stringValue != Self.oAuth2InfoKey.stringValue {
            extensions[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.extensions = extensions
    }

    /// Encodes `oAuth2Info` and the extensions side by side.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encodeIfPresent(oAuth2Info, forKey: Self.oAuth2InfoKey)
        for (name, value) in extensions where name != Self.oAuth2InfoKey.stringValue {
            try container.encode(value, forKey: AnyKey(name))
        }
    }
}
