/// Approximate search (Sellers): the places where a pattern occurs with at most k edits.
enum FuzzyMatcher {
    struct Match: Equatable {
        var span: TextSpan
        var errors: Int
    }

    /// Best matches in `range` of the text: for each end where the edit distance is a local minimum
    /// within `maxErrors`, the start that gives the fewest edits (then the length nearest the pattern's).
    static func matches(of pattern: [UInt32], in text: [UInt32], range: Range<Int>, maxErrors: Int) -> [Match] {
        let m = pattern.count
        guard m > 0, !range.isEmpty else { return [] }
        var column = Array(0...m)
        var ends: [(end: Int, errors: Int)] = []
        pattern.withUnsafeBufferPointer { p in
            text.withUnsafeBufferPointer { t in
                column.withUnsafeMutableBufferPointer { d in
                    for j in range {
                        var diagonal = d[0]
                        d[0] = 0
                        let c = t[j]
                        for i in 1...m {
                            let above = d[i]
                            let cost = diagonal + (p[i - 1] == c ? 0 : 1)
                            d[i] = Swift.min(cost, Swift.min(above, d[i - 1]) + 1)
                            diagonal = above
                        }
                        if d[m] <= maxErrors { ends.append((j + 1, d[m])) }
                    }
                }
            }
        }
        var result: [Match] = []
        var index = 0
        while index < ends.count {
            // A run of adjacent ends: keep its best one.
            var best = ends[index]
            var next = index + 1
            while next < ends.count, ends[next].end == ends[next - 1].end + 1 {
                if ends[next].errors < best.errors { best = ends[next] }
                next += 1
            }
            if let start = bestStart(of: pattern, endingAt: best.end, in: text, lowerBound: range.lowerBound, maxErrors: maxErrors) {
                result.append(Match(span: TextSpan(start: start.start, end: best.end), errors: start.errors))
            }
            index = next
        }
        return result
    }

    /// The start for a fixed end: the pattern reversed against the text read backwards from `end`.
    static func bestStart(of pattern: [UInt32], endingAt end: Int, in text: [UInt32], lowerBound: Int, maxErrors: Int) -> (start: Int, errors: Int)? {
        let m = pattern.count
        let reach = min(end - lowerBound, m + maxErrors)
        guard reach > 0 else { return nil }
        var column = Array(0...m)
        var best: (consumed: Int, errors: Int)?
        for consumed in 1...reach {
            let c = text[end - consumed]
            var diagonal = column[0]
            column[0] = consumed
            for i in 1...m {
                let above = column[i]
                let cost = diagonal + (pattern[m - i] == c ? 0 : 1)
                column[i] = min(cost, min(above, column[i - 1]) + 1)
                diagonal = above
            }
            let errors = column[m]
            if errors <= maxErrors {
                if let current = best {
                    if errors < current.errors || (errors == current.errors && abs(consumed - m) < abs(current.consumed - m)) {
                        best = (consumed, errors)
                    }
                } else {
                    best = (consumed, errors)
                }
            }
        }
        return best.map { (end - $0.consumed, $0.errors) }
    }

    /// Levenshtein distance of two short sequences.
    static func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), min(previous[j], current[j - 1]) + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// For each length j of the text's prefix (0...count), the edits between the pattern and it.
    static func prefixDistances(_ pattern: [UInt32], _ text: ArraySlice<UInt32>) -> [Int] {
        var column = Array(0...pattern.count)
        var result = [pattern.count]
        result.reserveCapacity(text.count + 1)
        for (offset, character) in text.enumerated() {
            var diagonal = column[0]
            column[0] = offset + 1
            for i in 1..<column.count {
                let above = column[i]
                column[i] = min(diagonal + (pattern[i - 1] == character ? 0 : 1), min(above, column[i - 1]) + 1)
                diagonal = above
            }
            result.append(column[pattern.count])
        }
        return result
    }
}
