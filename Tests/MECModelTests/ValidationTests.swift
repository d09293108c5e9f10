import Foundation
import MECModel
import Testing

@Suite("Validation of request bodies")
struct ValidationTests {
    static let serviceRequest = """
        {"serName":"RNI","serCategory":\(Examples.category),"version":"2.2.1","state":"ACTIVE",
        "transportInfo":\(Examples.transportInfo),"serializer":"JSON","livenessInterval":60}
        """

    static let serviceCases: [ValidationCase] = [
        .of(ServiceInfo.self, "a service registration passes", serviceRequest),
        .of(
            ServiceInfo.self, "a registration by transportId passes",
            ValidationCase.edit(
                serviceRequest, [#""transportInfo":\#(Examples.transportInfo)"#: #""transportId":"rest-1""#])),
        .of(
            ServiceInfo.self, "an empty serName is rejected",
            ValidationCase.edit(serviceRequest, [#""serName":"RNI""#: #""serName":" ""#]),
            rejects: "serName"),
        .of(
            ServiceInfo.self, "serInstanceId in POST is rejected",
            #"{"serInstanceId":"x",\#(serviceRequest.dropFirst())"#,
            rejects: "serInstanceId"),
        .of(
            ServiceInfo.self, "transportId with transportInfo is rejected",
            #"{"transportId":"t",\#(serviceRequest.dropFirst())"#,
            rejects: "transportId"),
        .of(
            ServiceInfo.self, "neither transportId nor transportInfo is rejected",
            ValidationCase.edit(serviceRequest, [#""transportInfo":\#(Examples.transportInfo),"#: ""]),
            rejects: "transportInfo"),
        .of(
            ServiceInfo.self, "two endpoint alternatives are rejected",
            ValidationCase.edit(serviceRequest, [#""endpoint":{"uris""#: #""endpoint":{"fqdn":["a.example"],"uris""#]),
            rejects: "transportInfo.endpoint"),
        .of(
            ServiceInfo.self, "a REST transport without uris is rejected",
            ValidationCase.edit(
                serviceRequest, [#"{"uris":["https://mec.example.com/rni/v2"]}"#: #"{"fqdn":["a.example"]}"#]),
            rejects: "transportInfo.endpoint"),
        .of(
            ServiceInfo.self, "an unknown state is rejected",
            ValidationCase.edit(serviceRequest, [#""state":"ACTIVE""#: #""state":"ON""#]),
            rejects: "state"),
        .of(
            ServiceInfo.self, "a negative livenessInterval is rejected",
            ValidationCase.edit(serviceRequest, [#""livenessInterval":60"#: #""livenessInterval":-1"#]),
            rejects: "livenessInterval"),
        .of(
            ServiceInfo.self, "_links in a request is rejected",
            Examples.serviceInfo.replacingOccurrences(of: #""serInstanceId":"rnis-1","#, with: ""),
            rejects: "_links"),
        .of(
            ServiceInfo.self, "an update without serInstanceId is rejected", serviceRequest, .update,
            rejects: "serInstanceId"),
        .of(
            ServiceInfo.self, "an update with serInstanceId passes",
            #"{"serInstanceId":"x",\#(serviceRequest.dropFirst())"#, .update),
        .of(
            ServiceInfo.self, "a missing token endpoint is rejected",
            ValidationCase.edit(serviceRequest, [#","tokenEndpoint":"https://auth.example.com/token""#: ""]),
            rejects: "transportInfo.security.oAuth2Info.tokenEndpoint"),
    ]

    static let subscriptionRequest = ValidationCase.edit(
        Examples.serviceSubscription, [#""_links":{"self":\#(Examples.link)},"#: ""])
    static let appSubscriptionRequest = ValidationCase.edit(
        Examples.appSubscription, [#""_links":{"self":\#(Examples.link)},"#: ""])

    static let subscriptionCases: [ValidationCase] = [
        .of(
            SerAvailabilityNotificationSubscription.self, "a service availability subscription passes",
            subscriptionRequest),
        .of(
            SerAvailabilityNotificationSubscription.self, "a wrong subscriptionType is rejected",
            ValidationCase.edit(subscriptionRequest, [#""SerAvailabilityNotificationSubscription""#: #""Other""#]),
            rejects: "subscriptionType"),
        .of(
            SerAvailabilityNotificationSubscription.self, "a relative callbackReference is rejected",
            ValidationCase.edit(
                subscriptionRequest, [#""https://app.example.com/notifications/1""#: #""/notifications/1""#]),
            rejects: "callbackReference"),
        .of(
            SerAvailabilityNotificationSubscription.self, "an ftp callbackReference is rejected",
            ValidationCase.edit(
                subscriptionRequest, [#""https://app.example.com/notifications/1""#: #""ftp://app.example.com/n""#]),
            rejects: "callbackReference"),
        .of(
            SerAvailabilityNotificationSubscription.self, "serNames with serInstanceIds are rejected",
            ValidationCase.edit(subscriptionRequest, [#""serNames""#: #""serInstanceIds":["a"],"serNames""#]),
            rejects: "filteringCriteria"),
        .of(
            SerAvailabilityNotificationSubscription.self, "an empty service name is rejected",
            ValidationCase.edit(subscriptionRequest, [#"["RNI","Location"]"#: #"["RNI",""]"#]),
            rejects: "filteringCriteria.serNames[1]"),
        .of(
            SerAvailabilityNotificationSubscription.self, "_links in a subscription request is rejected",
            Examples.serviceSubscription, rejects: "_links"),
        .of(
            SerAvailabilityNotificationSubscription.self, "a missing callbackReference is rejected",
            ValidationCase.edit(
                subscriptionRequest, [#""callbackReference":"https://app.example.com/notifications/1","#: ""]),
            rejects: "callbackReference"),
        .of(
            AppTerminationNotificationSubscription.self, "an application termination subscription passes",
            appSubscriptionRequest),
        .of(
            AppTerminationNotificationSubscription.self, "a subscription type of the other API is rejected",
            ValidationCase.edit(
                appSubscriptionRequest,
                [#""AppTerminationNotificationSubscription""#: #""SerAvailabilityNotificationSubscription""#]),
            rejects: "subscriptionType"),
        .of(
            AppTerminationNotificationSubscription.self, "a callbackReference without host is rejected",
            ValidationCase.edit(
                appSubscriptionRequest, [#""https://app.example.com/termination""#: #""https:termination""#]),
            rejects: "callbackReference"),
        .of(
            AppTerminationNotificationSubscription.self, "an empty appInstanceId is rejected",
            ValidationCase.edit(appSubscriptionRequest, [#""appInstanceId":"app-1""#: #""appInstanceId":"""#]),
            rejects: "appInstanceId"),
    ]

    static let trafficRuleCases: [ValidationCase] = [
        .of(TrafficRule.self, "a traffic rule passes", Examples.trafficRule),
        .of(
            TrafficRule.self, "a priority above 255 is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""priority":1"#: #""priority":256"#]), rejects: "priority"),
        .of(
            TrafficRule.self, "a port above 65535 is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""dstPort":["443"]"#: #""dstPort":["65536"]"#]),
            rejects: "trafficFilter[0].dstPort[0]"),
        .of(
            TrafficRule.self, "a descending port range is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""1024-65535""#: #""2000-1000""#]),
            rejects: "trafficFilter[0].srcPort[0]"),
        .of(
            TrafficRule.self, "a malformed address is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""192.0.2.0/24""#: #""192.0.2.0/33""#]),
            rejects: "trafficFilter[0].srcAddress[0]"),
        .of(
            TrafficRule.self, "an empty trafficFilter is rejected",
            ValidationCase.edit(Examples.trafficRule, [#"[\#(Examples.trafficFilter)]"#: "[]"]),
            rejects: "trafficFilter"),
        .of(
            TrafficRule.self, "a destination for DROP is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""FORWARD_DECAPSULATED""#: #""DROP""#]), rejects: "dstInterface"
        ),
        .of(
            TrafficRule.self, "one destination for DUPLICATE_ENCAPSULATED is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""FORWARD_DECAPSULATED""#: #""DUPLICATE_ENCAPSULATED""#]),
            rejects: "dstInterface"),
        .of(
            TrafficRule.self, "a DSCP above 63 is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""dSCP":46"#: #""dSCP":64"#]),
            rejects: "trafficFilter[0].dSCP"),
        .of(
            TrafficRule.self, "a tunnel interface without tunnelInfo is rejected",
            ValidationCase.edit(Examples.trafficRule, [#","tunnelInfo":\#(Examples.tunnelInfo)"#: ""]),
            rejects: "dstInterface[0].tunnelInfo"),
        .of(
            TrafficRule.self, "an unknown action is rejected",
            ValidationCase.edit(Examples.trafficRule, [#""FORWARD_DECAPSULATED""#: #""STEER""#]), rejects: "action"),
    ]

    static let dnsRuleCases: [ValidationCase] = [
        .of(DnsRule.self, "a DNS rule passes", Examples.dnsRule),
        .of(
            DnsRule.self, "an IPv6 rule passes",
            ValidationCase.edit(Examples.dnsRule, [#""IP_V4""#: #""IP_V6""#, #""192.0.2.10""#: #""2001:db8::a""#])),
        .of(
            DnsRule.self, "an IPv6 address for IP_V4 is rejected",
            ValidationCase.edit(Examples.dnsRule, [#""192.0.2.10""#: #""2001:db8::a""#]), rejects: "ipAddress"),
        .of(
            DnsRule.self, "an IPv4 address for IP_V6 is rejected",
            ValidationCase.edit(Examples.dnsRule, [#""IP_V4""#: #""IP_V6""#]), rejects: "ipAddress"),
        .of(
            DnsRule.self, "an octet above 255 is rejected",
            ValidationCase.edit(Examples.dnsRule, [#""192.0.2.10""#: #""192.0.2.256""#]), rejects: "ipAddress"),
        .of(
            DnsRule.self, "a negative ttl is rejected",
            ValidationCase.edit(Examples.dnsRule, [#""ttl":300"#: #""ttl":-5"#]), rejects: "ttl"),
        .of(
            DnsRule.self, "a domain name with a space is rejected",
            ValidationCase.edit(Examples.dnsRule, [#""edge.example.com""#: #""edge example.com""#]),
            rejects: "domainName"),
        .of(
            DnsRule.self, "an unknown address type is rejected",
            ValidationCase.edit(Examples.dnsRule, [#""IP_V4""#: #""IPV4""#]), rejects: "ipAddressType"),
    ]

    static let appInfoCases: [ValidationCase] = [
        .of(AppInfo.self, "an application registration passes", Examples.appInfo),
        .of(
            AppInfo.self, "an empty appName is rejected",
            ValidationCase.edit(Examples.appInfo, [#""appName":"video-analytics""#: #""appName":"""#]),
            rejects: "appName"),
        .of(
            AppInfo.self, "a registration without endpoint is rejected",
            ValidationCase.edit(
                Examples.appInfo, [#""endpoint":{"addresses":[{"host":"192.0.2.20","port":8443}]},"#: ""]),
            rejects: "endpoint"),
        .of(
            AppInfo.self, "an instance started by MEC management without appDId is rejected",
            ValidationCase.edit(Examples.appInfo, [#""isInsByMec":false"#: #""isInsByMec":true,"appInstanceId":"a""#]),
            rejects: "appDId"),
        .of(
            AppInfo.self, "a port above 65535 is rejected",
            ValidationCase.edit(Examples.appInfo, [#""port":8443"#: #""port":70000"#]),
            rejects: "endpoint.addresses[0].port"),
        .of(
            AppInfo.self, "a transport binding without serializers is rejected",
            ValidationCase.edit(Examples.appInfo, [#""serializers":["JSON"]"#: #""serializers":[]"#]),
            rejects: "appServiceRequired[0].serTransportDependencies[0].serializers"),
        .of(
            AppInfo.self, "an appProvider other than the profile's provId is rejected",
            ValidationCase.edit(Examples.appInfo, [#""provId":"Example Ltd""#: #""provId":"Other""#]),
            rejects: "appProvider"),
        .of(
            AppInfo.self, "dependencies next to an appDId are rejected",
            ValidationCase.edit(Examples.appInfo, [#""isInsByMec":false"#: #""appDId":"d-1""#]),
            rejects: "appServiceRequired"),
    ]

    static let confirmationCases: [ValidationCase] = [
        .of(AppReadyConfirmation.self, "a READY confirmation passes", #"{"indication":"READY"}"#),
        .of(
            AppReadyConfirmation.self, "another indication is rejected", #"{"indication":"DONE"}"#,
            rejects: "indication"),
        .of(AppTerminationConfirmation.self, "a termination confirmation passes", #"{"operationAction":"STOPPING"}"#),
        .of(
            AppTerminationConfirmation.self, "the misspelt STOPPPING is rejected", #"{"operationAction":"STOPPPING"}"#,
            rejects: "operationAction"),
        .of(ServiceLivenessUpdate.self, "an ACTIVE heartbeat passes", #"{"state":"ACTIVE"}"#, .update),
        .of(
            ServiceLivenessUpdate.self, "a SUSPENDED heartbeat is rejected", #"{"state":"SUSPENDED"}"#, .update,
            rejects: "state"),
        .of(
            ServiceLivenessUpdate.self, "a body that is not JSON is rejected", #"{"state":"#, .update, rejects: "(root)"
        ),
    ]

    @Test(
        "Each body passes or is rejected at the expected field",
        arguments: serviceCases + subscriptionCases + trafficRuleCases + dnsRuleCases + appInfoCases + confirmationCases
    )
    func validation(testCase: ValidationCase) {
        do throws(ValidationError) {
            try testCase.check(Data(testCase.body.utf8), testCase.context)
            #expect(testCase.field == nil, "accepted a body that should be rejected at \(testCase.field ?? "")")
        } catch {
            #expect(error.field == testCase.field, "\(error)")
        }
    }

    @Test("Messages name the rule without internal detail")
    func messages() {
        let body = ValidationCase.edit(Examples.dnsRule, [#""IP_V4""#: #""IPV4""#, #""ttl":300"#: #""ttl":"x""#])
        do throws(ValidationError) {
            _ = try MECModelCoding.decodeRequest(DnsRule.self, from: Data(body.utf8), context: .update)
            Issue.record("accepted a bad body")
        } catch {
            #expect(error.issues[0].code == .invalidValue || error.issues[0].code == .wrongType)
            #expect(!error.description.contains("MECModel"))
            #expect(!error.description.contains("DnsRule"))
        }
    }

    @Test("All issues of a body are reported together")
    func collectsIssues() {
        let rule = DnsRule(
            dnsRuleId: "", domainName: "x..y", ipAddressType: .ipV4, ipAddress: "::1", ttl: -1, state: .active)
        #expect(throws: ValidationError.self) { try rule.validate() }
        do throws(ValidationError) {
            try rule.validate()
        } catch {
            #expect(error.fields == ["dnsRuleId", "domainName", "ipAddress", "ttl"])
            #expect(error.issues.map(\.code) == [.empty, .invalidAddress, .invalidAddress, .outOfRange])
        }
    }
}
