/// The operation a request body was sent with, for rules that differ between creating and updating a resource.
public enum ValidationContext: Sendable, Equatable {
    /// A `POST` that creates a resource.
    case create
    /// A `PUT` or `PATCH` that updates an existing resource.
    case update
}
