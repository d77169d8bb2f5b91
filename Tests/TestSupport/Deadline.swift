import Foundation

/// Waiting in tests for something another process does: the condition is checked again every
/// `interval` until it holds or the deadline (on the monotonic clock) passes. Never a fixed wait.
public enum Deadline {
    public struct Missed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Returns the first value for which `condition` holds; throws `Missed` after `seconds`.
    @discardableResult
    public static func poll<Value>(_ what: String, seconds: Double, interval: Double = 0.005,
                                   _ probe: () throws -> Value, until condition: (Value) -> Bool) throws -> Value {
        let deadline = ProcessInfo.processInfo.systemUptime + seconds
        var value = try probe()
        while !condition(value) {
            guard ProcessInfo.processInfo.systemUptime < deadline else { throw Missed(description: "timed out waiting until \(what)") }
            Thread.sleep(forTimeInterval: interval)
            value = try probe()
        }
        return value
    }
}
