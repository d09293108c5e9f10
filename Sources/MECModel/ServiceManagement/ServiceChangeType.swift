/// The kind of change reported for a service (`ServiceReferences.changeType`).
///
/// Closed: the values are those listed in the description (the file's own `enum` is a placeholder).
public enum ServiceChangeType: String, SpecEnumeration {
    /// The service was newly added.
    case added = "ADDED"
    /// The service was removed.
    case removed = "REMOVED"
    /// Only the state of the service changed.
    case stateChanged = "STATE_CHANGED"
    /// An attribute other than the state changed, possibly with the state.
    case attributesChanged = "ATTRIBUTES_CHANGED"
}
