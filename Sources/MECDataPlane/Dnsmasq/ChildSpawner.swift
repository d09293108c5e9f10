import Foundation

/// Starts programs with `posix_spawn` in a clean state, unlike inheriting whatever the calling thread has.
///
/// The child gets every signal unblocked and at its default action (threads of this process block most signals,
/// and a child inheriting that mask would never see SIGTERM), its own process group (a terminal's Ctrl-C reaches
/// only the host, which then stops the child), a minimal environment, and only the descriptors given here.
enum ChildSpawner {
    /// Starts `path` with `arguments` (not counting the program name) and returns its process id.
    ///
    /// - Parameters:
    ///   - standardInput: descriptor to use as the child's stdin; nil gives /dev/null.
    ///   - standardError: descriptor to use as the child's stderr; nil gives /dev/null. Stdout is always /dev/null.
    static func spawn(_ path: String, _ arguments: [String], standardInput: Int32?, standardError: Int32?) throws
        -> pid_t
    {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        if let standardInput {
            posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        if let standardError {
            posix_spawn_file_actions_adddup2(&actions, standardError, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var empty = sigset_t()
        var all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let copy = { (text: String) -> UnsafeMutablePointer<CChar>? in strdup(text) }
        let argv = ([path] + arguments).map(copy)
        let environment = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C"].map(copy)
        defer {
            argv.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv + [nil], environment + [nil])
        guard result == 0 else {
            throw DNSDataPlaneError(.launchFailed, "cannot run \(path), error \(result)")
        }
        return pid
    }

    /// Makes a connected pair of local sockets, both closed on exec from the start, so no child started by any
    /// thread inherits them unless handed one explicitly. Used as a one-way pipe: write to `write`, read from `read`.
    static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
            throw DNSDataPlaneError(.launchFailed, "cannot create a pipe, errno \(errno)")
        }
        return (fds[0], fds[1])
    }

    /// Waits for `pid` to end and reaps it; returns the raw wait status.
    static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return 0 }
        }
        return status
    }

    /// Waits for `pid` to end without reaping it, so its id cannot be reused yet.
    static func waitForEnd(_ pid: pid_t) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 {
            guard errno == EINTR else { return }
        }
    }
}
