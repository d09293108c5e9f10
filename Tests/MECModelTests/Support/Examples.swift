import MECModel

/// One example per schema of the two files; where a file gives an `example:` value (`SerializerType` is `JSON`),
/// the example uses it.
enum Examples {
    static let link = #"{"href":"https://mec.example.com/mec_service_mgmt/v1/services/rnis-1"}"#
    static let category = """
        {"href":"https://catalogue.example.com/categories/rni","id":"rni","name":"RNI","version":"1.0.0"}
        """
    static let oAuth2 = """
        {"grantTypes":["OAUTH2_CLIENT_CREDENTIALS"],"tokenEndpoint":"https://auth.example.com/token"}
        """
    static let security = #"{"oAuth2Info":\#(oAuth2),"tlsProfile":{"minVersion":"1.3"}}"#
    static let transportInfo = """
        {"id":"rest-1","name":"REST","description":"REST over HTTPS","type":"REST_HTTP","protocol":"HTTP",
        "version":"2.0","endpoint":{"uris":["https://mec.example.com/rni/v2"]},"security":\(security),
        "implSpecificInfo":{"queueDepth":10}}
        """
    static let serviceInfo = """
        {"serInstanceId":"rnis-1","serName":"RNI","serCategory":\(category),"version":"2.2.1","state":"ACTIVE",
        "transportInfo":\(transportInfo),"serializer":"JSON","scopeOfLocality":"MEC_HOST","consumedLocalOnly":true,
        "isLocal":true,"livenessInterval":60,"_links":{"self":\(link),
        "liveness":{"href":"https://mec.example.com/mec_service_mgmt/v1/liveness/rnis-1"}}}
        """
    static let filteringCriteria = """
        {"serNames":["RNI","Location"],"states":["ACTIVE","INACTIVE"],"isLocal":true}
        """
    static let serviceSubscription = """
        {"subscriptionType":"SerAvailabilityNotificationSubscription",
        "callbackReference":"https://app.example.com/notifications/1","_links":{"self":\(link)},
        "filteringCriteria":\(filteringCriteria)}
        """
    static let serviceReference = """
        {"link":\(link),"serName":"RNI","serInstanceId":"rnis-1","state":"ACTIVE","changeType":"STATE_CHANGED"}
        """
    static let timeStamp = #"{"seconds":1714564800,"nanoSeconds":250000000}"#
    static let transportDescriptor = """
        {"name":"REST","description":"REST over HTTPS","type":"REST_HTTP","protocol":"HTTP","version":"2.0",
        "security":\(security)}
        """
    static let transportDependency = #"{"transport":\#(transportDescriptor),"serializers":["JSON"],"labels":["rest"]}"#
    static let serviceDependency = """
        {"serName":"RNI","serCategory":\(category),"version":"2.2.1",
        "serTransportDependencies":[\(transportDependency)],"requestedPermissions":["read"]}
        """
    static let trafficFilter = """
        {"srcAddress":["192.0.2.0/24"],"dstAddress":["198.51.100.7","2001:db8::/32"],"srcPort":["1024-65535"],
        "dstPort":["443"],"protocol":["TCP"],"tag":["video"],"srcTunnelAddress":["203.0.113.1"],
        "tgtTunnelAddress":["203.0.113.2"],"srcTunnelPort":["2152"],"dstTunnelPort":["2152"],"qCI":9,"dSCP":46,
        "tC":0}
        """
    static let tunnelInfo = #"{"tunnelType":"GTP_U","tunnelDstAddress":"203.0.113.2","tunnelSrcAddress":"203.0.113.1"}"#
    static let destinationInterface = #"{"interfaceType":"TUNNEL","tunnelInfo":\#(tunnelInfo)}"#
    static let trafficRule = """
        {"trafficRuleId":"rule-1","filterType":"FLOW","priority":1,"trafficFilter":[\(trafficFilter)],
        "action":"FORWARD_DECAPSULATED","dstInterface":\(destinationInterface),"state":"ACTIVE"}
        """
    static let dnsRule = """
        {"dnsRuleId":"dns-1","domainName":"edge.example.com","ipAddressType":"IP_V4","ipAddress":"192.0.2.10",
        "ttl":300,"state":"ACTIVE"}
        """
    static let ntpServer = """
        {"ntpServerAddrType":"IP_ADDRESS","ntpServerAddr":"192.0.2.123","minPollingInterval":4,
        "maxPollingInterval":10,"localPriority":1,"authenticationOption":"NONE","authenticationKeyNum":0}
        """
    static let ptpMaster = #"{"ptpMasterIpAddress":"192.0.2.124","ptpMasterLocalPriority":1,"delayReqMaxRate":4}"#
    static let appInfo = """
        {"appName":"video-analytics","appProvider":"Example Ltd","appCategory":\(category),
        "endpoint":{"addresses":[{"host":"192.0.2.20","port":8443}]},"appServiceRequired":[\(serviceDependency)],
        "appServiceOptional":[\(serviceDependency)],"appFeatureRequired":[{"featureName":"UserApps","version":"1"}],
        "appFeatureOptional":[{"featureName":"UEIdentity","version":"1"}],"isInsByMec":false,
        "appProfile":{"provId":"Example Ltd","endPt":{"uri":"https://192.0.2.20:8443"}}}
        """
    static let appSubscription = """
        {"subscriptionType":"AppTerminationNotificationSubscription",
        "callbackReference":"https://app.example.com/termination","_links":{"self":\(link)},"appInstanceId":"app-1"}
        """
    static let appNotification = """
        {"notificationType":"AppTerminationNotification","operationAction":"TERMINATING","maxGracefulTimeout":10,
        "_links":{"subscription":\(link),"confirmTermination":{"href":"https://mec.example.com/confirm"}}}
        """

    static let all: [Example] = serviceManagement + applicationSupport

    static let serviceManagement: [Example] = [
        .of(LinkType.self, "LinkType", .serviceManagement, link),
        .of(CategoryRef.self, "CategoryRef", .serviceManagement, category),
        .of(Addresses.self, "Addresses", .serviceManagement, #"{"host":"192.0.2.1","port":8080}"#),
        .of(EndPointInfo.self, "EndPointInfo", .serviceManagement, #"{"uris":["https://mec.example.com/rni/v2"]}"#),
        .of(EndPointInfo.self, "EndPointInfo", .serviceManagement, #"{"fqdn":["rnis.mec.example.com"]}"#),
        .of(EndPointInfo.self, "EndPointInfo", .serviceManagement, #"{"addresses":[{"host":"192.0.2.1","port":80}]}"#),
        .of(EndPointInfo.self, "EndPointInfo", .serviceManagement, #"{"alternative":{"grpc":"dns:///rnis:50051"}}"#),
        .of(SecurityInfo.self, "SecurityInfo", .serviceManagement, security),
        .of(OAuth2Info.self, "OAuth2Info", .serviceManagement, oAuth2),
        .of(TimeStamp.self, "TimeStamp", .serviceManagement, timeStamp),
        .of(
            SubscriptionLinkListSubscription.self, "Subscriptions", .serviceManagement,
            #"{"href":"https://mec.example.com/s/1","subscriptionType":"SerAvailabilityNotificationSubscription"}"#
        ),
        .of(
            SubscriptionLinkListLinks.self, "_links", .serviceManagement,
            #"{"self":\#(link),"subscriptions":[{"href":"https://mec.example.com/s/1","subscriptionType":"X"}]}"#),
        .of(SubscriptionLinkList.self, "SubscriptionLinkList", .serviceManagement, #"{"_links":{"self":\#(link)}}"#),
        .of(ServiceInfo.self, "ServiceInfo", .serviceManagement, serviceInfo),
        .of(ServiceInfoLinks.self, "_links1", .serviceManagement, #"{"self":\#(link),"liveness":\#(link)}"#),
        .of(TransportInfo.self, "TransportInfo", .serviceManagement, transportInfo),
        .of(
            ServiceLivenessInfo.self, "ServiceLivenessInfo", .serviceManagement,
            #"{"state":"ACTIVE","timeStamp":\#(timeStamp),"interval":60}"#),
        .of(ServiceLivenessUpdate.self, "ServiceLivenessUpdate", .serviceManagement, #"{"state":"ACTIVE"}"#),
        .of(
            SerAvailabilityNotificationSubscription.self, "SerAvailabilityNotificationSubscription",
            .serviceManagement, serviceSubscription),
        .of(SubscriptionLinks.self, "_links2", .serviceManagement, #"{"self":\#(link)}"#),
        .of(FilteringCriteria.self, "FilteringCriteria", .serviceManagement, filteringCriteria),
        .of(FilteringCriteria.self, "FilteringCriteria", .serviceManagement, #"{"serInstanceIds":["rnis-1"]}"#),
        .of(FilteringCriteria.self, "FilteringCriteria", .serviceManagement, #"{"serCategories":[\#(category)]}"#),
        .of(ServiceReferences.self, "ServiceReferences", .serviceManagement, serviceReference),
        .of(ServiceAvailabilityNotificationLinks.self, "_links3", .serviceManagement, #"{"subscription":\#(link)}"#),
        .of(
            ServiceAvailabilityNotification.self, "ServiceAvailabilityNotification", .serviceManagement,
            """
            {"notificationType":"SerAvailabilityNotification","serviceReferences":[\(serviceReference)],
            "_links":{"subscription":\(link)}}
            """),
    ]

    static let applicationSupport: [Example] = [
        .of(TransportDescriptor.self, "TransportDescriptor", .applicationSupport, transportDescriptor),
        .of(SecurityInfo.self, "SecurityInfo", .applicationSupport, security),
        .of(OAuth2Info.self, "OAuth2Info", .applicationSupport, oAuth2),
        .of(TransportDependency.self, "TransportDependency", .applicationSupport, transportDependency),
        .of(ServiceDependency.self, "ServiceDependency", .applicationSupport, serviceDependency),
        .of(
            FeatureDependency.self, "FeatureDependency", .applicationSupport,
            #"{"featureName":"UserApps","version":"1"}"#),
        .of(SubscriptionLinkList.self, "SubscriptionLinkList", .applicationSupport, #"{"_links":{"self":\#(link)}}"#),
        .of(LinkType.self, "LinkType", .applicationSupport, link),
        .of(TrafficRule.self, "TrafficRule", .applicationSupport, trafficRule),
        .of(DnsRule.self, "DnsRule", .applicationSupport, dnsRule),
        .of(
            TimingCaps.self, "TimingCaps", .applicationSupport,
            #"{"timeStamp":[\#(timeStamp)],"ntpServers":[\#(ntpServer)],"ptpMasters":[\#(ptpMaster)]}"#),
        .of(
            CurrentTime.self, "CurrentTime", .applicationSupport,
            #"{"seconds":1714564800,"nanoSeconds":0,"timeSourceStatus":"TRACEABLE"}"#),
        .of(AppInfo.self, "AppInfo", .applicationSupport, appInfo),
        .of(
            AppTerminationNotificationSubscription.self, "AppTerminationNotificationSubscription",
            .applicationSupport, appSubscription),
        .of(AppTerminationNotification.self, "AppTerminationNotification", .applicationSupport, appNotification),
        .of(
            AppTerminationConfirmation.self, "AppTerminationConfirmation", .applicationSupport,
            #"{"operationAction":"TERMINATING"}"#),
        .of(AppReadyConfirmation.self, "AppReadyConfirmation", .applicationSupport, #"{"indication":"READY"}"#),
        .of(TrafficFilter.self, "TrafficFilter", .applicationSupport, trafficFilter),
        .of(DestinationInterface.self, "DestinationInterface", .applicationSupport, destinationInterface),
        .of(TunnelInfo.self, "TunnelInfo", .applicationSupport, tunnelInfo),
        .of(CategoryRef.self, "CategoryRef", .applicationSupport, category),
        .of(EndPointInfo.self, "EndPointInfo", .applicationSupport, #"{"fqdn":["app.example.com"]}"#),
        .of(
            SubscriptionLinkListSubscription.self, "Subscriptions", .applicationSupport,
            #"{"href":"https://mec.example.com/s/2","subscriptionType":"AppTerminationNotificationSubscription"}"#),
        .of(SubscriptionLinkListLinks.self, "_links", .applicationSupport, #"{"self":\#(link)}"#),
        .of(TimeStamp.self, "TimeStamp", .applicationSupport, timeStamp),
        .of(NtpServers.self, "NtpServers", .applicationSupport, ntpServer),
        .of(PtpMasters.self, "PtpMasters", .applicationSupport, ptpMaster),
        .of(SubscriptionLinks.self, "_links1", .applicationSupport, #"{"self":\#(link)}"#),
        .of(
            AppTerminationNotificationLinks.self, "_links2", .applicationSupport,
            #"{"subscription":\#(link),"confirmTermination":\#(link)}"#),
        .of(Addresses.self, "Addresses", .applicationSupport, #"{"host":"app.example.com","port":443}"#),
    ]
}
