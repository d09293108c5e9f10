/// An easy handle moved between threads; never used by two at once.
struct CurlEasyHandle: @unchecked Sendable {  // unchecked: the owner serialises every use of the pointer
    let pointer: UnsafeMutableRawPointer
}
