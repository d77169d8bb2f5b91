/// A half-open range of Unicode scalar offsets into an article's text (Python `str` indices).
public struct TextSpan: Hashable, Sendable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension Array where Element == TextSpan {
    /// For spans in text order (sentences): the one that contains an offset, or the last one that
    /// starts before it; nil when there are none.
    public func index(containing offset: Int) -> Int? {
        guard !isEmpty else { return nil }
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        return Swift.max(0, low - 1)
    }
}
