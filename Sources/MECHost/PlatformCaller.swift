import MECAuth
import MECHTTP
import MECPlatform

/// Who calls a MEC 011 resource, from the access token the token check attached: an operator-scope client acts for
/// every instance; any other client is the application instance named by its token's subject.
enum PlatformCaller {
    static func resolve(_ request: Request) -> Caller {
        guard let client = request.attributes[AuthenticatedClient.Key.self] else {
            return .anonymous
        }
        if client.scopes.contains(MECScope.operator) {
            return .operatorClient
        }
        return .application(appInstanceId: client.subject)
    }
}
