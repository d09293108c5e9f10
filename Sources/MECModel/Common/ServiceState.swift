/// The state of a MEC service instance (`ServiceState`, clause 8.1.6.6).
///
/// Closed: the specification does not mark the list as extensible.
public enum ServiceState: String, SpecEnumeration {
    /// The service is running and can be consumed.
    case active = "ACTIVE"
    /// The service is not running.
    case inactive = "INACTIVE"
    /// The service is temporarily unavailable.
    case suspended = "SUSPENDED"
}
