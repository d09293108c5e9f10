/// An application instance registering with the platform (`AppInfo`, clause 7.1.2.6).
public struct AppInfo: Codable, Sendable, Equatable {
    /// The name of the application, consistent with the AppD when there is one.
    public var appName: String
    /// The provider of the application, consistent with the AppD when there is one.
    public var appProvider: String?
    /// The category of the application.
    public var appCategory: CategoryRef?
    /// The application descriptor identifier; present when MEC management instantiated the instance.
    public var appDId: String?
    /// The application instance identifier; present when MEC management instantiated the instance.
    public var appInstanceId: String?
    /// Where the application server can be reached; present when `isInsByMec` is false.
    public var endpoint: EndPointInfo?
    /// Services the application requires; not provided when an AppD is available.
    public var appServiceRequired: [ServiceDependency]?
    /// Services the application may use; not provided when an AppD is available.
    public var appServiceOptional: [ServiceDependency]?
    /// Features the application requires; not provided when an AppD is available.
    public var appFeatureRequired: [FeatureDependency]?
    /// Features the application may use; not provided when an AppD is available.
    public var appFeatureOptional: [FeatureDependency]?
    /// Whether MEC management instantiated the instance; false when absent.
    public var isInsByMec: Bool?
    /// The edge application server profile (TS 129 558), kept as sent.
    public var appProfile: JSONValue?

    /// Creates a registration.
    public init(
        appName: String,
        appProvider: String? = nil,
        appCategory: CategoryRef? = nil,
        appDId: String? = nil,
        appInstanceId: String? = nil,
        endpoint: EndPointInfo? = nil,
        appServiceRequired: [ServiceDependency]? = nil,
        appServiceOptional: [ServiceDependency]? = nil,
        appFeatureRequired: [FeatureDependency]? = nil,
        appFeatureOptional: [FeatureDependency]? = nil,
        isInsByMec: Bool? = nil,
        appProfile: JSONValue? = nil
    ) {
        self.appName = appName
        self.appProvider = appProvider
        self.appCategory = appCategory
        self.appDId = appDId
        self.appInstanceId = appInstanceId
        self.endpoint = endpoint
        self.appServiceRequired = appServiceRequired
        self.appServiceOptional = appServiceOptional
        self.appFeatureRequired = appFeatureRequired
        self.appFeatureOptional = appFeatureOptional
        self.isInsByMec = isInsByMec
        self.appProfile = appProfile
    }
}
