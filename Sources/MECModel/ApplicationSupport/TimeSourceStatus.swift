/// Whether the platform time source is locked to UTC (`CurrentTime.timeSourceStatus`).
///
/// Closed: the values are those listed in the description; the file's `enum` holds the word `source` instead.
public enum TimeSourceStatus: String, SpecEnumeration {
    /// The time source is locked to the UTC time source.
    case traceable = "TRACEABLE"
    /// The time source is not locked to the UTC time source.
    case nonTraceable = "NONTRACEABLE"
}
