import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes key and certificate files atomically with their final permissions from the first byte.
enum SecureFile {
    /// Whether a file (or a link to one) exists at `url`.
    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// Reads a text file.
    static func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SecurityError(.fileSystem, "cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    /// The permission bits of a file, or `nil` when it cannot be inspected.
    static func permissions(_ url: URL) -> mode_t? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Creates `url` as a directory with mode 0700 when it does not exist yet.
    static func createDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SecurityError(.fileSystem, "\(url.path) exists and is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: url,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw SecurityError(.fileSystem, "cannot create \(url.path): \(error.localizedDescription)")
        }
    }

    /// Writes `contents` to `url` with permission bits `mode`.
    ///
    /// The data goes to a new temporary file in the same directory, created with `mode` (so a private key is never
    /// readable by others, not even briefly), synced, then moved into place. With `replacing` false the move fails
    /// when `url` already exists, so a file created concurrently by another process is never overwritten.
    static func write(_ contents: String, to url: URL, mode: mode_t, replacing: Bool) throws {
        let suffix = (try? SecureRandom.bytes(6)).map(Hex.encode) ?? String(getpid())
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(suffix).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw failure("cannot create", temporary)
        }
        var finished = false
        defer {
            if !finished {
                unlink(temporary.path)
            }
        }
        do {
            defer { close(descriptor) }
            // The process umask may have cleared bits of `mode`; set it exactly.
            guard fchmod(descriptor, mode) == 0 else { throw failure("cannot set permissions of", temporary) }
            try writeAll(Array(contents.utf8), to: descriptor, url: temporary)
            guard fsync(descriptor) == 0 else { throw failure("cannot sync", temporary) }
        }
        if replacing {
            guard rename(temporary.path, url.path) == 0 else { throw failure("cannot replace", url) }
        } else {
            guard link(temporary.path, url.path) == 0 else { throw failure("cannot create", url) }
            unlink(temporary.path)
        }
        finished = true
        syncDirectory(url.deletingLastPathComponent())
    }

    /// Makes the new directory entry durable; best effort, as some file systems refuse to sync directories.
    private static func syncDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, url: URL) throws {
        var offset = 0
        while offset < bytes.count {
            // Unsafe: write(2) reads the remaining bytes of the array during this call.
            let written = bytes.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress?.advanced(by: offset), raw.count - offset)
            }
            if written < 0 && errno == EINTR {
                continue
            }
            guard written > 0 else { throw failure("cannot write", url) }
            offset += written
        }
    }

    private static func failure(_ action: String, _ url: URL) -> SecurityError {
        SecurityError(.fileSystem, "\(action) \(url.path): \(String(cString: strerror(errno)))")
    }
}
