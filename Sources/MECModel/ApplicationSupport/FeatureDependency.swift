/// A platform feature an application requires or may use (`FeatureDependency`, MEC 010-2 clause 6.2.1.8).
public struct FeatureDependency: Codable, Sendable, Equatable {
    /// The name of the feature, such as `UserApps`.
    public var featureName: String
    /// The version of the feature.
    public var version: String

    /// Creates a feature dependency.
    public init(featureName: String, version: String) {
        self.featureName = featureName
        self.version = version
    }
}
