import Foundation
import TestSupport
import XCTest

/// A private tmux server with one shell, for driving the real binary like a user.
final class TmuxSession {
    let socket = "glossa-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    let target = "e2e"

    static var binary: String {
        ProcessInfo.processInfo.environment["GLOSSA_BIN"]
            ?? Fixtures.repositoryRoot.appendingPathComponent(".build/debug/glossa").path
    }

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(width: Int, height: Int) throws {
        try run(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)",
                 "env", "PS1=$ ", "/bin/sh"])
        try run(["set-option", "-t", target, "status", "off"])
        // Nothing is typed before the shell is up and shows its prompt ("$ ", from PS1 above).
        try waitUntil("the shell shows its prompt") { $0.contains("$") }
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        try ChildProcess.run(Self.tmuxPath ?? "/usr/bin/tmux", ["-L", socket] + arguments).output
    }

    /// Types text literally, then presses Enter.
    func typeLine(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
        try run(["send-keys", "-t", target, "Enter"])
    }

    /// Presses keys by tmux name (`j`, `Enter`, `Escape`, `C-c`, `NPage`).
    func press(_ keys: String...) throws {
        for key in keys { try run(["send-keys", "-t", target, key]) }
    }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", target])
    }

    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// How long a wait for the screen may take before the test fails. Generous, for a loaded CI
    /// machine: waiting for a condition costs nothing when it holds at once.
    static let patience: Double = 30

    /// Waits until the screen contains `text`; fails with the screen after `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = TmuxSession.patience, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitUntil("the screen shows \"\(text)\"", seconds: seconds, file: file, line: line) { $0.contains(text) }
    }

    /// Waits until the screen contains every one of `texts` at once. A capture can catch a frame half
    /// drawn, so what a test checks on one screen is waited for together, not asserted after the first.
    @discardableResult
    func waitForAll(_ texts: [String], seconds: Double = TmuxSession.patience,
                    file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let list = texts.map { "\"\($0)\"" }.joined(separator: ", ")
        return try waitUntil("the screen shows \(list)", seconds: seconds, file: file, line: line) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// Waits until the screen satisfies a condition; fails with the screen after `seconds`.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = TmuxSession.patience, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: (String) -> Bool) throws -> String {
        var last = ""
        do {
            return try Deadline.poll(what, seconds: seconds, interval: 0.05, {
                last = try screen()
                return last
            }, until: condition)
        } catch is Deadline.Missed {
            XCTFail("Timed out waiting until \(what). Screen:\n\(last)", file: file, line: line)
            throw CancellationError()
        }
    }

    /// The PID of the program running in the pane's shell, if any.
    func childPID() throws -> Int32? {
        let shell = try display("#{pane_pid}")
        let output = try ChildProcess.run("/usr/bin/pgrep", ["-P", shell]).output
        return output.split(separator: "\n").first.flatMap { Int32($0) }
    }
}
