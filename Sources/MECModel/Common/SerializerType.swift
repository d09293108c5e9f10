/// A serialization format a service supports (`SerializerType`, clause 8.1.6.3).
///
/// Extensible (`x-etsi-mec-extensible: true`): an unknown value decodes as `other` and is written back unchanged.
public enum SerializerType: ExtensibleEnumeration {
    /// Javascript object notation.
    case json
    /// eXtensible Mark-up Language version 1.1.
    case xml
    /// Protocol buffers version 3.
    case protobuf3
    /// A value this version does not know, kept as it was sent.
    case other(String)

    /// The values the specification lists, in its order.
    public static let knownCases: [SerializerType] = [.json, .xml, .protobuf3]

    /// The value spelled `rawValue`; never fails, since unknown spellings are kept.
    public init(rawValue: String) {
        switch rawValue {
        case "JSON": self = .json
        case "XML": self = .xml
        case "PROTOBUF3": self = .protobuf3
        default: self = .other(rawValue)
        }
    }

    /// The spelling used in JSON.
    public var rawValue: String {
        switch self {
        case .json: "JSON"
        case .xml: "XML"
        case .protobuf3: "PROTOBUF3"
        case .other(let value): value
        }
    }

}
