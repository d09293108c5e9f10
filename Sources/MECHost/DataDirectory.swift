import Foundation

/// Creates the data directory, readable by its owner only.
enum DataDirectory {
    static func prepare(_ url: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw HostError("data directory path exists and is not a directory")
            }
            return
        }
        try manager.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}

/// A failure to start the host, with a reason safe to log.
public struct HostError: Error, CustomStringConvertible {
    /// The reason.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
