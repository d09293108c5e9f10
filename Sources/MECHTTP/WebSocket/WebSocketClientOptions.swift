/// The inputs of ``WebSocketClient/connect(url:caFile:certFile:keyFile:headers:timeout:configuration:)``, moved
/// to the connecting thread as one value.
struct WebSocketClientOptions: Sendable {
    var url: String
    var caFile: String?
    var certFile: String?
    var keyFile: String?
    var headers: [(name: String, value: String)]
    var timeoutMilliseconds: Int
}
