/// A setting that could not be read; the command line reports it and exits with status 2.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// A one-line reason naming the setting, such as `--port: 'x' is not a port number (0-65535)`.
    public let description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
