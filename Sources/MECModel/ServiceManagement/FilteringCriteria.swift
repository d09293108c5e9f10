/// Which services a service availability subscription reports on (`FilteringCriteria`); all members combine with
/// a logical AND, and an absent criteria object matches every service.
public struct FilteringCriteria: Codable, Sendable, Equatable {
    /// The services by identifier, name or category; at most one of the three may be given.
    public var services: ServiceSelector?
    /// The states to report; for a state change, the state after it.
    public var states: [ServiceState]?
    /// Whether to report only services local to the platform managing the subscription.
    public var isLocal: Bool?

    /// Creates filtering criteria.
    public init(services: ServiceSelector? = nil, states: [ServiceState]? = nil, isLocal: Bool? = nil) {
        self.services = services
        self.states = states
        self.isLocal = isLocal
    }

    /// The service instance identifiers, when the services are selected by identifier.
    public var serInstanceIds: [String]? {
        if case .serInstanceIds(let ids) = services { ids } else { nil }
    }

    /// The service names, when the services are selected by name.
    public var serNames: [String]? {
        if case .serNames(let names) = services { names } else { nil }
    }

    /// The service categories, when the services are selected by category.
    public var serCategories: [CategoryRef]? {
        if case .serCategories(let categories) = services { categories } else { nil }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case serInstanceIds, serNames, serCategories, states, isLocal
    }

    /// Decodes the criteria, rejecting more than one of `serInstanceIds`, `serNames` and `serCategories`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let selectors = [CodingKeys.serInstanceIds, .serNames, .serCategories].filter {
            container.hasValue(forKey: $0)
        }
        switch selectors.first {
        case _ where selectors.count > 1:
            let message = "only one of serInstanceIds, serNames and serCategories may be present"
            throw DecodingIssue.error(at: decoder.codingPath, .conflict, message)
        case .serInstanceIds:
            services = .serInstanceIds(try container.decode([String].self, forKey: .serInstanceIds))
        case .serNames:
            services = .serNames(try container.decode([String].self, forKey: .serNames))
        case .serCategories:
            services = .serCategories(try container.decode([CategoryRef].self, forKey: .serCategories))
        default:
            services = nil
        }
        states = try container.decodeIfPresent([ServiceState].self, forKey: .states)
        isLocal = try container.decodeIfPresent(Bool.self, forKey: .isLocal)
    }

    /// Encodes the selected services under their own member name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(serInstanceIds, forKey: .serInstanceIds)
        try container.encodeIfPresent(serNames, forKey: .serNames)
        try container.encodeIfPresent(serCategories, forKey: .serCategories)
        try container.encodeIfPresent(states, forKey: .states)
        try container.encodeIfPresent(isLocal, forKey: .isLocal)
    }
}
