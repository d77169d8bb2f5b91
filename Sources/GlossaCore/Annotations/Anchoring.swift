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

        let rawHits = occurrences(of: exact, in: raw).map { TextSpan(start: $0, end: $0 + exact.count) }
        if let best = scorer.best(rawHits.map { text.normalizedSpan(ofRaw: $0) }, near: oldNorm) {
            return (text.rawSpan(ofNormalized: best), .moved)
        }
        let quoteNorm = Normalized(exact).values.trimmingSpaces()
        guard !quoteNorm.isEmpty else { return (nil, .orphan) }
        let normHits = occurrences(of: quoteNorm, in: text.normalized).map { TextSpan(start: $0, end: $0 + quoteNorm.count) }
        if let best = scorer.best(normHits, near: oldNorm) {
            return (text.rawSpan(ofNormalized: best), .whitespace)
        }
        let maxErrors = max(1, quoteNorm.count / 8)
        let window = max(2_000, quoteNorm.count * 4)
        let near = max(0, oldNorm - window)..<min(text.normalized.count, oldNorm + quoteNorm.count + window)
        for range in [near, 0..<text.normalized.count] {
            let hits = FuzzyMatcher.matches(of: quoteNorm, in: text.normalized, range: range, maxErrors: maxErrors)
            let fewest = hits.map(\.errors).min()
            if let fewest, let best = scorer.best(hits.filter { $0.errors == fewest }.map(\.span), near: oldNorm) {
                return (text.rawSpan(ofNormalized: best), .fuzzy)
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
    func best(_ candidates: [TextSpan], near old: Int) -> TextSpan? {
        var best: (span: TextSpan, score: Int, distance: Int)?
        for span in candidates {
            let score = self.score(span)
            let distance = abs(span.start - old)
            if let current = best, (current.score, -current.distance) >= (score, -distance) { continue }
            best = (span, score, distance)
        }
        guard let best else { return nil }
        if quoteLength < Anchoring.shortQuote, best.score < min(8, prefix.count + suffix.count) { return nil }
        return best.span
    }

    /// Scalars of context that agree: the text before the span against the prefix, after it against the suffix.
    func score(_ span: TextSpan) -> Int {
        let values = text.normalized
        var before = 0
        while before < prefix.count, span.start - 1 - before >= 0,
              values[span.start - 1 - before] == prefix[prefix.count - 1 - before] { before += 1 }
        var after = 0
        while after < suffix.count, span.end + after < values.count, values[span.end + after] == suffix[after] { after += 1 }
        return before + after
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

    func normalizedSpan(ofRaw span: TextSpan) -> TextSpan {
        TextSpan(start: normalizedOffsets[span.start], end: normalizedOffsets[max(span.start, span.end - 1)] + 1)
    }

    /// The raw span from the first to the last scalar of a normalized span.
    func rawSpan(ofNormalized span: TextSpan) -> TextSpan {
        TextSpan(start: rawOffsets[span.start], end: rawOffsets[span.end - 1] + 1)
    }
}
