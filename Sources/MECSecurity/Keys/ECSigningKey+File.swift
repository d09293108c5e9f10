import Foundation
import MECObservability

extension ECSigningKey {
    /// Loads the key kept in `file`, or generates one and writes it there (mode 0600) when the file does not exist.
    ///
    /// - Throws: `SecurityError` with code `invalid_key` when the file holds no P-256 key, `file_system` when it
    ///   cannot be read or written.
    public static func loadOrCreate(file: URL, logger: Logger) throws -> ECSigningKey {
        if SecureFile.exists(file) {
            if let mode = SecureFile.permissions(file), mode & 0o077 != 0 {
                logger.warning(
                    "private key file is accessible to other users",
                    ["file": file.path, "mode": String(mode, radix: 8)]
                )
            }
            do {
                return try ECSigningKey(pem: SecureFile.read(file))
            } catch let error as SecurityError {
                throw SecurityError(error.code, "\(file.path): \(error.detail)")
            }
        }
        try SecureFile.createDirectory(file.deletingLastPathComponent())
        let key = try generate()
        try SecureFile.write(key.pemRepresentation, to: file, mode: 0o600, replacing: false)
        logger.info("signing key created", ["file": file.path, "kid": key.publicKeyJWK.kid ?? ""])
        return key
    }
}
