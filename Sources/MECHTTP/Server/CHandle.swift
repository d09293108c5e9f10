/// A libmicrohttpd object pointer that may cross threads.
///
/// Unchecked: the library documents which calls are safe from other threads (resuming a connection, closing an
/// upgraded connection, stopping the daemon); the server only makes those calls across threads.
struct CHandle: @unchecked Sendable, Equatable {
    let pointer: OpaquePointer
}
