/// A rule steering an application's traffic in the MEC host data plane (`TrafficRule`, clause 7.1.2.2).
///
/// `dstInterface` holds up to two interfaces: its description requires two for the `DUPLICATE_*` actions, while the
/// schema declares a single object. One interface is encoded as an object, two as an array, and both forms decode.
public struct TrafficRule: Codable, Sendable, Equatable {
    /// The identifier of the rule.
    public var trafficRuleId: String
    /// Whether the rule filters per flow or per packet.
    public var filterType: TrafficRuleFilterType
    /// The priority from 0 (highest) to 255 (lowest).
    public var priority: Int
    /// The filters that select the packets; at least one.
    public var trafficFilter: [TrafficFilter]
    /// What to do with matching packets.
    public var action: TrafficRuleAction
    /// The destination interfaces: none for `DROP`, one for forwarding and pass-through, two for duplication.
    public var dstInterface: [DestinationInterface]?
    /// Whether the rule is in force.
    public var state: RuleState

    /// Creates a traffic rule.
    public init(
        trafficRuleId: String,
        filterType: TrafficRuleFilterType,
        priority: Int,
        trafficFilter: [TrafficFilter],
        action: TrafficRuleAction,
        dstInterface: [DestinationInterface]? = nil,
        state: RuleState
    ) {
        self.trafficRuleId = trafficRuleId
        self.filterType = filterType
        self.priority = priority
        self.trafficFilter = trafficFilter
        self.action = action
        self.dstInterface = dstInterface
        self.state = state
    }

    private enum CodingKeys: String, CodingKey {
        case trafficRuleId, filterType, priority, trafficFilter, action, dstInterface, state
    }

    /// Decodes the rule, accepting `dstInterface` as an object or an array.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trafficRuleId = try container.decode(String.self, forKey: .trafficRuleId)
        filterType = try container.decode(TrafficRuleFilterType.self, forKey: .filterType)
        priority = try container.decode(Int.self, forKey: .priority)
        trafficFilter = try container.decode([TrafficFilter].self, forKey: .trafficFilter)
        action = try container.decode(TrafficRuleAction.self, forKey: .action)
        dstInterface = try container.decodeArrayOrSingleIfPresent(DestinationInterface.self, forKey: .dstInterface)
        state = try container.decode(RuleState.self, forKey: .state)
    }

    /// Encodes the rule, writing a single destination interface as an object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trafficRuleId, forKey: .trafficRuleId)
        try container.encode(filterType, forKey: .filterType)
        try container.encode(priority, forKey: .priority)
        try container.encode(trafficFilter, forKey: .trafficFilter)
        try container.encode(action, forKey: .action)
        if let dstInterface, dstInterface.count == 1 {
            try container.encode(dstInterface[0], forKey: .dstInterface)
        } else {
            try container.encodeIfPresent(dstInterface, forKey: .dstInterface)
        }
        try container.encode(state, forKey: .state)
    }
}
