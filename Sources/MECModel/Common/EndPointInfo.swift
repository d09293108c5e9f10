/// How to reach a service or application (`EndPointInfo`, clause 8.1.5.3).
///
/// The specification requires exactly one of `uris`, `fqdn`, `addresses` or `alternative`, so each is a case;
/// a body with none or several of them fails to decode with an error naming the `EndPointInfo` field.
public enum EndPointInfo: Codable, Sendable, Equatable {
    /// Entry points as URIs; used for REST APIs.
    case uris([String])
    /// Fully qualified domain names.
    case fqdn([String])
    /// IP address and port pairs.
    case addresses([Addresses])
    /// Entry point information in a format defined by an implementation or another specification.
    case alternative([String: JSONValue])

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case uris, fqdn, addresses, alternative
    }

    /// Decodes the one alternative that is present.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let present = CodingKeys.allCases.filter { container.hasValue(forKey: $0) }
        guard present.count == 1 else {
            let message = "exactly one of uris, fqdn, addresses or alternative must be present"
            throw DecodingIssue.error(at: decoder.codingPath, .conflict, message)
        }
        switch present[0] {
        case .uris: self = .uris(try container.decode([String].self, forKey: .uris))
        case .fqdn: self = .fqdn(try container.decode([String].self, forKey: .fqdn))
        case .addresses: self = .addresses(try container.decode([Addresses].self, forKey: .addresses))
        case .alternative: self = .alternative(try container.decode([String: JSONValue].self, forKey: .alternative))
        }
    }

    /// Encodes the alternative under its own member name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .uris(let uris): try container.encode(uris, forKey: .uris)
        case .fqdn(let names): try container.encode(names, forKey: .fqdn)
        case .addresses(let addresses): try container.encode(addresses, forKey: .addresses)
        case .alternative(let alternative): try container.encode(alternative, forKey: .alternative)
        }
    }
}
