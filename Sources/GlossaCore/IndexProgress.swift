/// How far the background reading of the library has come (shown in the status line).
public struct IndexProgress: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// Reading and extracting the articles (or taking them from the cache).
        case reading
        /// Linking events across articles.
        case linking
    }

    public var phase: Phase
    public var done: Int
    public var total: Int

    public init(phase: Phase = .reading, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }

    public var percent: Int { total == 0 ? 100 : done * 100 / total }
}
