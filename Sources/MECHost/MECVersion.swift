/// The version of this build of swift-mec.
public enum MECVersion {
    /// The semantic version.
    public static let current = "0.1.0"
}
