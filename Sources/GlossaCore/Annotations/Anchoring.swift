/// How an annotation was placed in an article's current text.
public enum AnchorOutcome: String, Equatable, Sendable {
    /// The text at the stored offsets is still the quote.
    case unchanged
    /// The exact quote was found elsewhere (the one with the best context, then the nearest).
    case moved
    /// The quote was found once white space is ignored.
    case whitespace
    /// A close match of the quote (a few letters differ), with its context.
    case fuzzy
    /// Nowhere: the annotation is kept as an orphan with its quote.
    case orphan
}

/// Places W3C text selectors in a text: the position first, then the exact quote nearest the old
/// place, then the quote with white space ignored, then a fuzzy match of quote and context.
public enum Anchoring {
    /// Scalars of context kept before and after a quote.
    public static let contextLength = 32
    /// Quotes shorter than this need their context to agree before they are placed anywhere new.
    static let shortQuote = 24

    /// The TextQuoteSelector of a span.
    public static func selector(for span: TextSpan, in scalars: [Unicode.Scalar]) -> TextQuoteSelector {
        let start = min(max(0, span.start), scalars.count)
        let end = min(max(start, span.end), scalars.count)
        func string(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }
        return TextQuoteSelector(exact: string(start..<end),
                                 prefix: string(max(0, start - contextLength)..<start),
                                 suffix: string(end..<min(scalars.count, end + contextLength)))
    }

    /// Re-anchors an annotation in a text whose hash is `hash`: an unchanged hash keeps it as it is;
    /// a placed annotation gets new offsets and quote; one that cannot be placed becomes an orphan.
    public static func reanchor(_ annotation: Annotation, in text: AnchorText, hash: String) -> (Annotation, AnchorOutcome) {
        if annotation.textHash == hash, !annotation.isOrphan { return (annotation, .unchanged) }
        let (span, outcome) = locate(annotation.quote, near: annotation.span, in: text)
        var result = annotation
        guard let span else {
            result.isOrphan = true
            return (result, .orphan)
        }
        result.span = span
        result.quote = selector(for: span, in: text.scalars)
        result.textHash = hash
        result.isOrphan = false
        return (result, outcome)
    }

    /// Where a quote is in a text, or nil.
    public static func locate(_ quote: TextQuoteSelector, near old: TextSpan, in text: AnchorText) -> (TextSpan?, AnchorOutcome) {
        let exact = quote.exact.unicodeScalars.map(\.value)
        guard !exact.isEmpty else { return (nil, .orphan) }
        let raw = text.raw
        if old.start >= 0, old.end <= raw.count, old.end - old.start == exact.count,
           raw[old.start..<old.end].elementsEqual(exact) {
            return (old, .unchanged)
        }
        let prefix = Normalized(quote.prefix.unicodeScalars.map(\.value)).values
        let suffix = Normalized(quote.suffix.unicodeScalars.map(\.value)).values
        let scorer = ContextScorer(text: text, prefix: prefix, suffix: suffix, quoteLength: exact.count)
        let oldNorm = text.normalizedOffset(ofRaw: min(max(0, old.start), raw.count))

        // Every raw occurrence is also an occurrence once white space is collapsed, so one search
        // covers both, and the context picks among all of them.
        let quoteNorm = Normalized(exact).values.trimmingSpaces()
        guard !quoteNorm.isEmpty else { return (nil, .orphan) }
        let normHits = occurrences(of: quoteNorm, in: text.normalized).map { TextSpan(start: $0, end: $0 + quoteNorm.count) }
        // A short quote's exact copies compete with its close matches (its own place with a typo fixed):
        // the fuzzy search below finds both and lets the context decide.
        if exact.count >= Anchoring.shortQuote, let best = scorer.best(normHits, near: oldNorm) {
            let span = text.rawSpan(ofNormalized: best)
            let same = span.length == exact.count && raw[span.start..<span.end].elementsEqual(exact)
            return (span, same ? .moved : .whitespace)
        }
        let maxErrors = max(2, quoteNorm.count / 8)
        let window = max(2_000, quoteNorm.count * 4)
        let near = max(0, oldNorm - window)..<min(text.normalized.count, oldNorm + quoteNorm.count + window)
        for range in [near, 0..<text.normalized.count] {
            let hits = FuzzyMatcher.matches(of: quoteNorm, in: text.normalized, range: range, maxErrors: maxErrors)
            // Context and closeness together: a place with the old context and a typo beats an exact
            // copy of the words elsewhere.
            if let best = scorer.best(hits.map(\.span), penalties: hits.map { 2 * $0.errors }, near: oldNorm, fuzzy: true) {
                let refined = scorer.refine(best, quote: quoteNorm, reach: maxErrors)
                return (text.rawSpan(ofNormalized: refined), .fuzzy)
            }
            if range == near, near.count == text.normalized.count { break }
        }
        return (nil, .orphan)
    }

    /// Start offsets of every occurrence of a needle (overlapping ones included).
    static func occurrences(of needle: [UInt32], in haystack: [UInt32]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        let first = needle[0]
        haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { pattern in
                var index = 0
                let last = text.count - pattern.count
                while index <= last {
                    if text[index] == first {
                        var matched = 1
                        while matched < pattern.count, text[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { result.append(index) }
                    }
                    index += 1
                }
            }
        }
        return result
    }
}

/// Chooses among candidate places by how well the text around them matches the stored context.
struct ContextScorer {
    let text: AnchorText
    let prefix: [UInt32]
    let suffix: [UInt32]
    let quoteLength: Int

    /// The candidate with the most context in common, then the nearest; nil when a short quote's
    /// context does not agree enough to trust it.
    /// `penalties` (one per candidate) are subtracted from the context score: edits in fuzzy matches.
    /// `fuzzy`: the candidates are close matches, not the quote itself; then the context must agree
    /// at any quote length (a deleted "… am Montag mit." is not "… am Dienstag mit." elsewhere).
    func best(_ candidates: [TextSpan], penalties: [Int]? = nil, near old: Int, fuzzy: Bool = false) -> TextSpan? {
        var best: (span: TextSpan, context: Int, rank: Int, distance: Int)?
        var runnerUp = Int.min
        for (index, span) in candidates.enumerated() {
            let context = score(span)
            let rank = context - (penalties?[index] ?? 0)
            let distance = abs(span.start - old)
            if let current = best, (current.rank, -current.distance) >= (rank, -distance) {
                runnerUp = max(runnerUp, rank)
                continue
            }
            if let current = best { runnerUp = max(runnerUp, current.rank) }
            best = (span, context, rank, distance)
        }
        guard let best else { return nil }
        if fuzzy, best.context < min(Anchoring.shortQuote, prefix.count + suffix.count) / 2 { return nil }
        if quoteLength < Anchoring.shortQuote {
            // A short quote needs its context to agree, and to agree clearly better than anywhere else.
            if best.context < min(Anchoring.shortQuote, prefix.count + suffix.count) { return nil }
            if runnerUp != Int.min, best.rank - runnerUp < 4 { return nil }
        }
        return best.span
    }

    /// Moves the ends of a close match to where the context agrees best: when the end of a quote was
    /// deleted, the match should stop where the old suffix now begins, not borrow the next words.
    func refine(_ span: TextSpan, quote: [UInt32], reach: Int) -> TextSpan {
        let values = text.normalized
        // Edits of the quote against the text from the start to each possible end, in one pass.
        let lastEnd = min(values.count, span.end + reach)
        let toEnd = FuzzyMatcher.prefixDistances(quote, values[span.start..<lastEnd])
        var best = span
        var bestCost = Int.max
        for end in max(span.start + 1, span.end - reach)...lastEnd {
            let total = toEnd[end - span.start] - suffixScore(end)
            if total < bestCost || (total == bestCost && abs(end - span.end) < abs(best.end - span.end)) {
                (best, bestCost) = (TextSpan(start: span.start, end: end), total)
            }
        }
        // The same for the start, reading backwards from the chosen end.
        let end = best.end
        let firstStart = max(0, best.start - reach)
        let fromStart = FuzzyMatcher.prefixDistances(Array(quote.reversed()), values[firstStart..<end].reversed()[...])
        let chosenStart = best.start
        bestCost = Int.max
        for start in firstStart...min(end - 1, chosenStart + reach) {
            let total = fromStart[end - start] - prefixScore(start)
            if total < bestCost || (total == bestCost && abs(start - chosenStart) < abs(best.start - chosenStart)) {
                (best, bestCost) = (TextSpan(start: start, end: end), total)
            }
        }
        // Never start or end on a space.
        while best.start < best.end - 1, values[best.start] == 32 { best.start += 1 }
        while best.end > best.start + 1, values[best.end - 1] == 32 { best.end -= 1 }
        return best
    }

    func prefixScore(_ start: Int) -> Int {
        let before = Array(text.normalized[max(0, start - prefix.count)..<start])
        var run = 0
        while run < before.count, run < prefix.count, before[before.count - 1 - run] == prefix[prefix.count - 1 - run] { run += 1 }
        return side(prefix, before, run)
    }

    func suffixScore(_ end: Int) -> Int {
        let after = Array(text.normalized[end..<min(text.normalized.count, end + suffix.count)])
        var tail = 0
        while tail < after.count, tail < suffix.count, after[tail] == suffix[tail] { tail += 1 }
        return side(suffix, after, tail)
    }

    /// How well the context agrees, side by side: the scalars next to the span that match the stored
    /// context; or, when the side differs by a few edits only (a typo fixed next to the quote), its
    /// length less those edits. Unrelated text scores its common run only, not chance alignments.
    func score(_ span: TextSpan) -> Int {
        prefixScore(span.start) + suffixScore(span.end)
    }

    private func side(_ stored: [UInt32], _ found: [UInt32], _ run: Int) -> Int {
        guard run < stored.count else { return run }
        let edits = FuzzyMatcher.distance(stored, found)
        return edits <= stored.count / 4 ? max(run, stored.count - edits) : run
    }
}

/// White space runs collapsed to one space, with a map back to the original offsets.
struct Normalized {
    var values: [UInt32] = []
    /// For each normalized scalar, the offset of the raw scalar it stands for.
    var rawOffsets: [Int] = []

    init(_ raw: [UInt32]) {
        values.reserveCapacity(raw.count)
        rawOffsets.reserveCapacity(raw.count)
        var inSpace = false
        for (offset, value) in raw.enumerated() {
            if let scalar = Unicode.Scalar(value), ScalarClass.isSpace(scalar) {
                if inSpace { continue }
                inSpace = true
                values.append(32)
            } else {
                inSpace = false
                values.append(value)
            }
            rawOffsets.append(offset)
        }
    }
}

extension Array where Element == UInt32 {
    func trimmingSpaces() -> [UInt32] {
        var slice = self[...]
        while slice.first == 32 { slice = slice.dropFirst() }
        while slice.last == 32 { slice = slice.dropLast() }
        return Array(slice)
    }
}

/// A text prepared for anchoring many annotations: its scalars, and the same with white space collapsed.
public struct AnchorText: Sendable {
    public let scalars: [Unicode.Scalar]
    let raw: [UInt32]
    let normalized: [UInt32]
    let rawOffsets: [Int]
    /// For each raw offset (and the end), the normalized offset it falls in.
    let normalizedOffsets: [Int]

    public init(_ text: String) {
        self.init(scalars: ScalarClass.scalars(of: text))
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        raw = scalars.map(\.value)
        let normalized = Normalized(raw)
        self.normalized = normalized.values
        rawOffsets = normalized.rawOffsets
        var map = [Int](repeating: 0, count: raw.count + 1)
        var index = 0
        for offset in 0..<raw.count {
            while index + 1 < rawOffsets.count, rawOffsets[index + 1] <= offset { index += 1 }
            map[offset] = index
        }
        map[raw.count] = normalized.values.count
        normalizedOffsets = map
    }

    func normalizedOffset(ofRaw offset: Int) -> Int { normalizedOffsets[offset] }

    /// The raw span from the first to the last scalar of a normalized span.
    func rawSpan(ofNormalized span: TextSpan) -> TextSpan {
        TextSpan(start: rawOffsets[span.start], end: rawOffsets[span.end - 1] + 1)
    }
}
