import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it with `waitpid`. Unlike Foundation's `Process`, it does not wait
/// for inherited pipes to close, so it works with programs that leave a daemon behind (tmux).
public enum ChildProcess {
    public struct Result {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
        let outURL = directory.appendingPathComponent("glossa-child-\(UUID().uuidString).out")
        let errURL = directory.appendingPathComponent("glossa-child-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let pid = try spawn(path, arguments, output: outURL, errors: errURL, environment: environment)
        let exitCode = wait(pid)
        let output = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Result(status: exitCode, output: output, errors: errors)
    }

    /// Starts a program with its output and errors going to files; returns its pid.
    public static func spawn(_ path: String, _ arguments: [String], output: URL, errors: URL,
                             environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, env)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        return pid
    }

    /// Waits for a child; its exit code, or 128 + the signal that ended it.
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
