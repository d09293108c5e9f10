/// A kind of transport (`TransportType` in service management, `TransportTypes` in application support,
/// clause 8.1.6.4).
///
/// Extensible (`x-etsi-mec-extensible: true`): an unknown value decodes as `other` and is written back unchanged.
public enum TransportType: ExtensibleEnumeration {
    /// A RESTful API over HTTP.
    case restHTTP
    /// A topic-based message bus.
    case mbTopicBased
    /// A routing-based message bus.
    case mbRouting
    /// A publish-subscribe message bus.
    case mbPubSub
    /// Remote procedure calls.
    case rpc
    /// Remote procedure calls with streams of requests and responses.
    case rpcStreaming
    /// WebSockets (RFC 6455).
    case websocket
    /// A value this version does not know, kept as it was sent.
    case other(String)

    /// The values the specification lists, in its order.
    public static let knownCases: [TransportType] = [
        .restHTTP, .mbTopicBased, .mbRouting, .mbPubSub, .rpc, .rpcStreaming, .websocket,
    ]

    /// The value spelled `rawValue`; never fails, since unknown spellings are kept.
    public init(rawValue: String) {
        switch rawValue {
        case "REST_HTTP": self = .restHTTP
        case "MB_TOPIC_BASED": self = .mbTopicBased
        case "MB_ROUTING": self = .mbRouting
        case "MB_PUBSUB": self = .mbPubSub
        case "RPC": self = .rpc
        case "RPC_STREAMING": self = .rpcStreaming
        case "WEBSOCKET": self = .websocket
        default: self = .other(rawValue)
        }
    }

    /// The spelling used in JSON.
    public var rawValue: String {
        switch self {
        case .restHTTP: "REST_HTTP"
        case .mbTopicBased: "MB_TOPIC_BASED"
        case .mbRouting: "MB_ROUTING"
        case .mbPubSub: "MB_PUBSUB"
        case .rpc: "RPC"
        case .rpcStreaming: "RPC_STREAMING"
        case .websocket: "WEBSOCKET"
        case .other(let value): value
        }
    }

}
