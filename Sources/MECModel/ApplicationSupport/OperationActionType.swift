/// The operation performed on an application instance (`operationAction`).
///
/// Closed: the values are those listed in the descriptions of `AppTerminationNotification` and
/// `AppTerminationConfirmation` (the files' own `enum` lists hold only `TERMINATING` or a placeholder).
public enum OperationActionType: String, SpecEnumeration {
    /// The application instance is being stopped.
    case stopping = "STOPPING"
    /// The application instance is being terminated.
    case terminating = "TERMINATING"
}
