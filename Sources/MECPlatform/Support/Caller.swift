import MECHTTP

/// Who is calling a MEC 011 resource, as far as authorization is concerned.
public enum Caller: Sendable, Equatable {
    /// The operator: reaches every application instance's resources.
    case operatorClient
    /// A MEC application instance: reaches only its own resources.
    case application(appInstanceId: String)
    /// No authenticated caller (only possible when authentication is not in front of the API).
    case anonymous

    /// Refuses with 403 unless the caller may act for `appInstanceId`.
    public func authorize(appInstanceId: String) throws {
        switch self {
        case .operatorClient:
            return
        case .application(let own) where own == appInstanceId:
            return
        case .application, .anonymous:
            throw HTTPError.forbidden("The caller may not access resources of this application instance.")
        }
    }

    /// The application instance the caller acts as, if any.
    public var appInstanceId: String? {
        if case .application(let id) = self { return id }
        return nil
    }
}

/// Tells who sent a request; the host derives it from the access token that authentication attached.
public typealias CallerResolver = @Sendable (Request) -> Caller
