import Extraction
import GlossaCore

/// One displayable grapheme of an article, with the scalar offset it came from.
public struct Glyph: Equatable, Sendable {
    public enum Kind: UInt8, Sendable { case visible, space, lineBreak }

    public var text: String
    public var width: UInt8
    public var kind: Kind
    /// Scalar offset of the grapheme's first scalar in the article text.
    public var offset: Int

    public init(text: String, width: UInt8, kind: Kind, offset: Int) {
        self.text = text
        self.width = width
        self.kind = kind
        self.offset = offset
    }
}

/// A document's glyphs, stored in 9 bytes each instead of a `Glyph`'s 32: most glyphs are one
/// scalar, which is their text. A 50 MB article takes about 450 MB here, not 1.6 GB.
public struct GlyphStore: RandomAccessCollection, Equatable, Sendable {
    /// The scalar of a one-scalar glyph, or `textFlag` + an index into `texts`.
    private var codes: [UInt32] = []
    private var offsets: [Int32] = []
    /// `Glyph.Kind` in the low two bits, the width above them.
    private var shapes: [UInt8] = []
    private var texts: [String] = []
    private static let textFlag: UInt32 = 0x8000_0000

    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }

    public subscript(index: Int) -> Glyph {
        Glyph(text: text(index), width: width(index), kind: kind(index), offset: offset(index))
    }

    public func offset(_ index: Int) -> Int { Int(offsets[index]) }
    public func width(_ index: Int) -> UInt8 { shapes[index] >> 2 }
    public func kind(_ index: Int) -> Glyph.Kind { Glyph.Kind(rawValue: shapes[index] & 3) ?? .visible }

    public func text(_ index: Int) -> String {
        let code = codes[index]
        if code & Self.textFlag != 0 { return texts[Int(code & ~Self.textFlag)] }
        return Unicode.Scalar(code).map { String(Character($0)) } ?? ""
    }

    /// The glyph's text in lower case, white space as one space: what a search compares.
    func searchKey(_ index: Int) -> String {
        guard kind(index) == .visible else { return " " }
        let code = codes[index]
        if code < 0x80, let scalar = Unicode.Scalar(code >= 0x41 && code <= 0x5A ? code + 0x20 : code) {
            return String(Character(scalar))
        }
        return text(index).lowercased()
    }

    mutating func reserve(_ count: Int) {
        codes.reserveCapacity(count)
        offsets.reserveCapacity(count)
        shapes.reserveCapacity(count)
    }

    mutating func append(scalar: Unicode.Scalar, width: UInt8, kind: Glyph.Kind, offset: Int) {
        codes.append(scalar.value)
        offsets.append(Int32(truncatingIfNeeded: offset))
        shapes.append(width << 2 | kind.rawValue)
    }

    mutating func append(text: String, width: UInt8, kind: Glyph.Kind, offset: Int) {
        let scalars = text.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            append(scalar: first, width: width, kind: kind, offset: offset)
            return
        }
        codes.append(Self.textFlag | UInt32(texts.count))
        texts.append(text)
        offsets.append(Int32(truncatingIfNeeded: offset))
        shapes.append(width << 2 | kind.rawValue)
    }
}

/// One of an article's actors and how often it is named there.
public struct ActorCount: Equatable, Sendable {
    public var name: String
    public var type: ActorType
    public var count: Int
}

/// An article prepared for display: sanitised NFC glyphs mapped back to original offsets,
/// its sentences, and what extraction found in them.
public struct Document: Equatable, Sendable {
    public let path: String
    public let glyphs: GlyphStore
    public let sentences: [TextSpan]
    public let titleSpan: TextSpan?
    /// What the extraction module found: numbers in text order.
    public let numbers: [NumberMention]
    /// Actor mentions in text order.
    public let actors: [ActorMention]
    /// The article's actors (name, type, mentions), most named first: the pane lists them.
    public let actorCounts: [ActorCount]
    /// Per actor id, the indices of its mentions in `actors`, in text order (`m` and `M`).
    public let mentionsByActor: [String: [Int]]
    let extraction: ArticleExtraction
    /// `ContentHash.of` the article's text: annotations remember which text they were placed in.
    public let textHash: String
    let textEnd: Int

    /// The longest article Glossa opens, in scalars: its glyphs' offsets are 32-bit.
    public static let maxScalars = Int(Int32.max)

    /// Takes the article's extraction from `cache`, else extracts its sentences, numbers and actors. `actors`: mentions already found (the
    /// library's actor index), so that they are not looked for twice. The reader shows no events of
    /// its own (they come from the library's links), so none are looked for.
    public init(article: Article, options: ExtractionOptions = ExtractionOptions(), actors known: [ActorMention]? = nil,
                cache: ExtractionCache = .none) {
        if let cached = cache.lookup(article) {
            self.init(article: article, extraction: cached)
            return
        }
        var options = options
        options.events = false
        if known != nil { options.actors = false }
        var extraction = Extractor.extract(article, options: options)
        if let known { extraction.actors = known }
        self.init(article: article, extraction: extraction)
    }

    /// An article whose extraction is already made (the index's cache): nothing is extracted again.
    public init(article: Article, extraction: ArticleExtraction) {
        var extraction = extraction
        extraction.events = []
        path = article.path
        textHash = ContentHash.of(article.text)
        self.extraction = extraction
        sentences = extraction.sentences
        numbers = extraction.numbers
        actors = extraction.actors
        actorCounts = Self.counts(of: extraction.actors)
        mentionsByActor = Dictionary(grouping: extraction.actors.indices, by: { extraction.actors[$0].actor })
        titleSpan = article.metadata.titleSpan
        (glyphs, textEnd) = Self.glyphs(of: article.text, from: article.metadata.contentStart)
    }

    /// The text's graphemes from scalar offset `start` on, and the offset of the text's end.
    /// Printable ASCII followed by ASCII (nearly every grapheme of news) is its own glyph; everything
    /// else goes through `Character` (grapheme clusters, controls, wide and combining scalars).
    static func glyphs(of text: String, from start: Int) -> (GlyphStore, Int) {
        var store = GlyphStore()
        store.reserve(text.utf8.count)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        let end = scalars.endIndex
        var offset = 0
        while index < end {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar.value >= 0x20, scalar.value < 0x7F, next == end || scalars[next].value < 0x80 {
                if offset >= start {
                    store.append(scalar: scalar, width: 1, kind: scalar.value == 0x20 ? .space : .visible, offset: offset)
                }
                offset += 1
                index = next
                continue
            }
            let character = text[index]
            let after = text.index(after: index)
            let length = character.unicodeScalars.count
            defer { offset += length; index = after }
            guard offset >= start else { continue }
            if character.isNewline {
                store.append(text: "", width: 0, kind: .lineBreak, offset: offset)
            } else if character == "\t" || (character.isWhitespace && character.unicodeScalars.allSatisfy({ $0.value >= 0x20 })) {
                store.append(scalar: " ", width: 1, kind: .space, offset: offset)
            } else {
                let cell = DisplayText.cell(for: character)
                store.append(text: cell.text, width: UInt8(cell.width), kind: .visible, offset: offset)
            }
        }
        return (store, offset)
    }

    /// The article's actors with their mention counts, most named first.
    static func counts(of mentions: [ActorMention]) -> [ActorCount] {
        var counts: [String: (String, ActorType, Int)] = [:]
        var order: [String] = []
        for mention in mentions {
            if counts[mention.actor] == nil { order.append(mention.actor) }
            var entry = counts[mention.actor] ?? (mention.name, mention.type, 0)
            entry.2 += 1
            counts[mention.actor] = entry
        }
        return order.compactMap { counts[$0] }.enumerated().sorted { ($0.element.2, -$0.offset) > ($1.element.2, -$1.offset) }
            .map { ActorCount(name: $0.element.0, type: $0.element.1, count: $0.element.2) }
    }

    /// The numbers inside a sentence.
    public func numbers(inSentence index: Int) -> ArraySlice<NumberMention> {
        guard sentences.indices.contains(index) else { return [] }
        return extraction.numbers(in: sentences[index])
    }

    /// The actor mentions inside a sentence.
    public func actors(inSentence index: Int) -> ArraySlice<ActorMention> {
        guard sentences.indices.contains(index) else { return [] }
        return extraction.actors(in: sentences[index])
    }

    /// The scalar offset just past a glyph.
    public func endOffset(ofGlyph index: Int) -> Int {
        index + 1 < glyphs.count ? glyphs.offset(index + 1) : textEnd
    }

    /// The index of the first glyph at or after a scalar offset.
    public func glyphIndex(atOffset offset: Int) -> Int {
        var low = 0, high = glyphs.count
        while low < high {
            let mid = (low + high) / 2
            if glyphs.offset(mid) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The sentence that contains an offset, or the last one that starts before it.
    public func sentenceIndex(containing offset: Int) -> Int? {
        sentences.index(containing: offset)
    }

    /// Case-insensitive matches of a query, as glyph ranges, in text order, not overlapping.
    public func matches(of query: String) -> [Range<Int>] {
        let needle = query.map { $0.isWhitespace ? " " : String($0).lowercased() }
        guard !needle.isEmpty, needle.count <= glyphs.count else { return [] }
        var result: [Range<Int>] = []
        var index = 0
        let last = glyphs.count - needle.count
        while index <= last {
            if glyphs.searchKey(index) == needle[0] {
                var matched = 1
                while matched < needle.count, glyphs.searchKey(index + matched) == needle[matched] { matched += 1 }
                if matched == needle.count {
                    result.append(index..<index + matched)
                    index += matched
                    continue
                }
            }
            index += 1
        }
        return result
    }

    // MARK: - Words, for adjusting a claim's span

    private func isWord(_ index: Int) -> Bool { glyphs.kind(index) == .visible }

    /// The end of the next word that ends after `offset`.
    func wordEnd(after offset: Int) -> Int? {
        var index = glyphIndex(atOffset: offset)
        while index < glyphs.count, !isWord(index) { index += 1 }
        guard index < glyphs.count else { return nil }
        while index + 1 < glyphs.count, isWord(index + 1) { index += 1 }
        return endOffset(ofGlyph: index)
    }

    /// The end of the word before the last word that ends at `offset`, if it ends after `start`.
    func wordEnd(before offset: Int, after start: Int) -> Int? {
        var index = glyphIndex(atOffset: offset) - 1
        while index >= 0, !isWord(index) { index -= 1 }
        while index >= 0, isWord(index) { index -= 1 }
        while index >= 0, !isWord(index) { index -= 1 }
        guard index >= 0, endOffset(ofGlyph: index) > start else { return nil }
        return endOffset(ofGlyph: index)
    }

    /// The start of the word after the one at `offset`, if it starts before `end`.
    func wordStart(after offset: Int, before end: Int) -> Int? {
        var index = glyphIndex(atOffset: offset)
        while index < glyphs.count, isWord(index) { index += 1 }
        while index < glyphs.count, !isWord(index) { index += 1 }
        guard index < glyphs.count, glyphs.offset(index) < end else { return nil }
        return glyphs.offset(index)
    }

    /// The start of the word before `offset`.
    func wordStart(before offset: Int) -> Int? {
        var index = glyphIndex(atOffset: offset) - 1
        while index >= 0, !isWord(index) { index -= 1 }
        guard index >= 0 else { return nil }
        while index > 0, isWord(index - 1) { index -= 1 }
        return glyphs.offset(index)
    }

    /// Words (runs of visible glyphs) that overlap a span.
    func wordCount(in span: TextSpan) -> Int {
        var count = 0
        var inWord = false
        for index in glyphIndex(atOffset: span.start)..<glyphIndex(atOffset: span.end) {
            if isWord(index) { if !inWord { count += 1 }; inWord = true } else { inWord = false }
        }
        return count
    }

    /// How much of the text a span covers: "2 sentences", "1 sentence", or "part of a sentence (5 words)".
    public func describe(_ span: TextSpan) -> String {
        let covered = sentences.filter { $0.overlaps(span) }
        if covered.count == 1, covered[0] != span {
            let words = wordCount(in: span)
            return "part of a sentence (\(words) word\(words == 1 ? "" : "s"))"
        }
        return "\(covered.count) sentence\(covered.count == 1 ? "" : "s")"
    }
}
