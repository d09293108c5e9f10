import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps the database and its write-ahead log files readable by the owner only.
enum SQLiteDatabaseFile {
    /// The files SQLite uses for a database at `path` in WAL mode.
    static func paths(_ path: String) -> [String] {
        [path, path + "-wal", path + "-shm"]
    }

    /// Creates the database file with mode 0600 when it does not exist yet. SQLite creates the `-wal` and `-shm`
    /// files with the mode of the database file, so they start private too.
    static func create(_ path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(0o600))
        guard descriptor >= 0 else {
            throw StoreError(.backend, "database file cannot be created (errno \(errno))")
        }
        close(descriptor)
    }

    /// Sets mode 0600 on the database files that exist, whatever mode an earlier run or a copy left them with.
    static func restrictPermissions(_ path: String) throws {
        for file in paths(path) where chmod(file, mode_t(0o600)) != 0 && errno != ENOENT {
            throw StoreError(.backend, "database file permissions cannot be set (errno \(errno))")
        }
    }
}
