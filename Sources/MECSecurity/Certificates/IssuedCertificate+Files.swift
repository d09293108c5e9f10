import Foundation

extension IssuedCertificate {
    /// Writes `NAME.crt` (mode 0644) and `NAME.key` (mode 0600) into `directory` and returns their URLs.
    ///
    /// Existing files are never overwritten.
    ///
    /// - Throws: `SecurityError` with code `file_system` when a file exists or cannot be written.
    public func write(to directory: URL, name: String) throws -> (certificate: URL, privateKey: URL) {
        try SecureFile.createDirectory(directory)
        let certificateFile = directory.appendingPathComponent("\(name).crt")
        let keyFile = directory.appendingPathComponent("\(name).key")
        try SecureFile.write(privateKeyPEM, to: keyFile, mode: 0o600, replacing: false)
        try SecureFile.write(certificatePEM, to: certificateFile, mode: 0o644, replacing: false)
        return (certificateFile, keyFile)
    }
}
