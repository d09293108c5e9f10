import Foundation
import MECModel
import Testing

/// Where the Swift spellings of one enumeration come from in the files.
struct EnumerationSource: Sendable, CustomTestStringConvertible {
    enum Origin: Sendable {
        /// The `enum` list of the schema or property, compared as a set.
        case enumList
        /// The description, which lists the values; the `enum` list is a placeholder or incomplete and must stay a
        /// subset of these values (so a corrected file is noticed).
        case description(placeholder: [String])
    }

    var file: SpecFixture.File
    var schema: String
    var property: String?
    var values: [String]
    var origin: Origin

    var testDescription: String {
        "\(schema)\(property.map { ".\($0)" } ?? "") in \(file.rawValue)"
    }
}

@Suite("Enumeration spellings match the specification files")
struct SpecEnumerationTests {
    static let sm = SpecFixture.File.serviceManagement
    static let support = SpecFixture.File.applicationSupport
    static let seeDescription = ["SEE_DESCRIPTION"]

    static let sources: [EnumerationSource] = [
        .init(file: sm, schema: "LocalityType", values: LocalityType.allCases.map(\.rawValue), origin: .enumList),
        .init(file: sm, schema: "ServiceState", values: ServiceState.allCases.map(\.rawValue), origin: .enumList),
        .init(file: sm, schema: "SerializerType", values: SerializerType.knownCases.map(\.rawValue), origin: .enumList),
        .init(
            file: support, schema: "SerializerType", values: SerializerType.knownCases.map(\.rawValue),
            origin: .enumList),
        .init(file: sm, schema: "TransportType", values: TransportType.knownCases.map(\.rawValue), origin: .enumList),
        .init(
            file: support, schema: "TransportTypes", values: TransportType.knownCases.map(\.rawValue), origin: .enumList
        ),
        .init(
            file: sm, schema: "ServiceReferences", property: "changeType",
            values: ServiceChangeType.allCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
        .init(
            file: sm, schema: "OAuth2Info", property: "grantTypes", values: OAuth2GrantType.allCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "OAuth2Info", property: "grantTypes",
            values: OAuth2GrantType.allCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "TrafficRule", property: "filterType",
            values: TrafficRuleFilterType.allCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "TrafficRule", property: "action",
            values: TrafficRuleAction.allCases.map(\.rawValue),
            origin: .description(placeholder: ["DUPLICATE_ENCAPSULATED"])),
        .init(
            file: support, schema: "TrafficRule", property: "state", values: RuleState.allCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "DnsRule", property: "state", values: RuleState.allCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "DnsRule", property: "ipAddressType", values: IPAddressType.allCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "CurrentTime", property: "timeSourceStatus",
            values: TimeSourceStatus.allCases.map(\.rawValue),
            origin: .description(placeholder: ["source"])),
        .init(
            file: support, schema: "AppTerminationNotification", property: "operationAction",
            values: OperationActionType.allCases.map(\.rawValue), origin: .description(placeholder: ["TERMINATING"])),
        .init(
            file: support, schema: "AppTerminationConfirmation", property: "operationAction",
            values: OperationActionType.allCases.map(\.rawValue), origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "DestinationInterface", property: "interfaceType",
            values: InterfaceType.knownCases.map(\.rawValue), origin: .description(placeholder: seeDescription)),
        .init(
            file: support, schema: "TunnelInfo", property: "tunnelType", values: TunnelType.knownCases.map(\.rawValue),
            origin: .description(placeholder: seeDescription)),
    ]

    /// Misspellings in the descriptions, mapped to the value they stand for.
    static let knownTypos = ["STOPPPING": "STOPPING"]

    @Test("The Swift spellings are the ones the file lists", arguments: sources)
    func spellings(source: EnumerationSource) throws {
        let schema = try SpecFixture.schema(source.file, source.schema)
        let listed = source.property.map { schema.properties[$0]?.values } ?? schema.values
        let description = source.property.map { schema.properties[$0]?.description } ?? schema.description
        switch source.origin {
        case .enumList:
            #expect(Set(try #require(listed)) == Set(source.values))
        case .description(let placeholder):
            #expect(listed == placeholder, "the file now lists values; compare them instead of the description")
            let text = Self.knownTypos.reduce(try #require(description)) {
                $0.replacingOccurrences(of: $1.key, with: $1.value)
            }
            let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
            #expect(Set(source.values).subtracting(words).sorted() == [])
        }
    }

    @Test("The subscription, notification and indication constants are the values the descriptions prescribe")
    func constants() throws {
        let table: [(SpecFixture.File, String, String, String)] = [
            (
                Self.sm, "SerAvailabilityNotificationSubscription", "subscriptionType",
                SerAvailabilityNotificationSubscription.subscriptionTypeValue
            ),
            (
                Self.sm, "ServiceAvailabilityNotification", "notificationType",
                ServiceAvailabilityNotification.notificationTypeValue
            ),
            (
                Self.support, "AppTerminationNotificationSubscription", "subscriptionType",
                AppTerminationNotificationSubscription.subscriptionTypeValue
            ),
            (
                Self.support, "AppTerminationNotification", "notificationType",
                AppTerminationNotification.notificationTypeValue
            ),
        ]
        for (file, schema, property, value) in table {
            let description = try #require(try SpecFixture.schema(file, schema).properties[property]?.description)
            #expect(description == "Shall be set to \"\(value)\".")
        }
        let indication = try SpecFixture.schema(Self.support, "AppReadyConfirmation").properties["indication"]?
            .description
        #expect(indication?.hasSuffix("\n\(AppReadyConfirmation.readyIndication)") == true)
    }
}
