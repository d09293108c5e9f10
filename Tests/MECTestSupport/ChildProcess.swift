import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawnp`, for tests.
///
/// Foundation's `Process.run()` on Linux over-reads a directory entry while it lists `/proc/self/fd` and crashes
/// the test runner now and then; this launcher does not list descriptors. Every descriptor it opens is close-on-exec,
/// and the child starts with no blocked signals and default dispositions.
public final class ChildProcess: Sendable {
    /// The process id.
    public let pid: pid_t
    /// Standard output, when captured.
    public let standardOutput: FileHandle?
    /// Standard error, when captured.
    public let standardError: FileHandle?
    private let input: Mutex<Int32>
    private let exitStatus = Mutex<Int32?>(nil)

    /// Starts `arguments[0]` (looked up on PATH) with the rest as its arguments.
    ///
    /// - Parameters:
    ///   - environment: variables to add to or replace in this process's environment.
    ///   - captureOutput: pipe standard output and standard error to this process; otherwise they go to /dev/null.
    ///   - pipeInput: give the child a standard input pipe (write with ``write(_:)``, end it with ``closeInput()``);
    ///     otherwise it reads /dev/null.
    public init(
        _ arguments: [String],
        environment: [String: String] = [:],
        captureOutput: Bool = true,
        pipeInput: Bool = false
    ) throws {
        precondition(!arguments.isEmpty, "no program to run")
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        // A socket pair stands in for a pipe: it is close-on-exec from its creation, so a child another thread
        // starts at the same moment cannot inherit this one's ends (and keep its output open).
        func pipe() throws -> (read: Int32, write: Int32) {
            var fds: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
            return (fds[0], fds[1])
        }
        var inputWrite: Int32 = -1
        if pipeInput {
            let (read, write) = try pipe()
            posix_spawn_file_actions_adddup2(&actions, read, 0)
            childEnds.append(read)
            parentEnds.append(write)
            inputWrite = write
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        var outputRead: Int32 = -1
        var errorRead: Int32 = -1
        if captureOutput {
            let output = try pipe()
            let error = try pipe()
            posix_spawn_file_actions_adddup2(&actions, output.write, 1)
            posix_spawn_file_actions_adddup2(&actions, error.write, 2)
            childEnds += [output.write, error.write]
            parentEnds += [output.read, error.read]
            outputRead = output.read
            errorRead = error.read
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
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
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        let argv = arguments.map { strdup($0) }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var spawned: pid_t = 0
        let result = posix_spawnp(&spawned, arguments[0], &actions, &attributes, argv + [nil], envp + [nil])
        childEnds.forEach { _ = close($0) }
        guard result == 0 else {
            parentEnds.forEach { _ = close($0) }
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot run \(arguments[0])"])
        }
        pid = spawned
        input = Mutex(inputWrite)
        standardOutput = outputRead >= 0 ? FileHandle(fileDescriptor: outputRead, closeOnDealloc: true) : nil
        standardError = errorRead >= 0 ? FileHandle(fileDescriptor: errorRead, closeOnDealloc: true) : nil
    }

    /// A child still running when its last reference goes (a test that failed half-way) is killed and reaped, so
    /// no test leaves a process behind.
    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            waitUntilExit()
        }
        closeInput()
    }

    /// Writes to the child's standard input.
    public func write(_ data: Data) {
        input.withLock { fd in
            guard fd >= 0 else { return }
            data.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 { return }
                    offset += written
                }
            }
        }
    }

    /// Ends the child's standard input.
    public func closeInput() {
        input.withLock { fd in
            if fd >= 0 {
                _ = close(fd)
                fd = -1
            }
        }
    }

    /// Sends a signal.
    public func signal(_ number: Int32) {
        if isRunning {
            kill(pid, number)
        }
    }

    /// Whether the child has not exited yet (reaps it when it has).
    public var isRunning: Bool {
        exitStatus.withLock { status in
            if status != nil { return false }
            var raw: Int32 = 0
            let reaped = waitpid(pid, &raw, WNOHANG)
            if reaped == pid {
                status = Self.decode(raw)
                return false
            }
            return reaped == 0
        }
    }

    /// Waits for the child to exit and returns its exit status (128 + signal when a signal ended it).
    @discardableResult
    public func waitUntilExit() -> Int32 {
        while isRunning {
            usleep(5_000)
        }
        return exitStatus.withLock { $0 } ?? -1
    }

    /// The exit status, once the child has exited.
    public var terminationStatus: Int32? {
        _ = isRunning
        return exitStatus.withLock { $0 }
    }

    /// Runs a program to completion and returns its status, standard output and standard error.
    public static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws
        -> ProgramResult
    {
        let child = try ChildProcess(arguments, environment: environment, pipeInput: true)
        child.write(input)
        child.closeInput()
        let errorBox = ErrorBox()
        let errorHandle = child.standardError
        let reader = Thread { errorBox.data.withLock { $0 = errorHandle?.readDataToEndOfFile() ?? Data() } }
        reader.start()
        let output = child.standardOutput?.readDataToEndOfFile() ?? Data()
        let status = child.waitUntilExit()
        while !reader.isFinished {
            usleep(1_000)
        }
        return ProgramResult(
            status: status,
            outputData: output,
            error: String(decoding: errorBox.data.withLock { $0 }, as: UTF8.self)
        )
    }

    private final class ErrorBox: Sendable {
        let data = Mutex(Data())
    }

    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }
}
