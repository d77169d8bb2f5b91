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

/// An article prepared for display: sanitised NFC glyphs mapped back to original offsets,
/// its sentences, and a case-folded key per glyph for searching.
public struct Document: Equatable, Sendable {
    public let path: String
    public let glyphs: [Glyph]
    public let sentences: [TextSpan]
    public let titleSpan: TextSpan?
    /// What the extraction module found: numbers in text order.
    public let numbers: [NumberMention]
    /// Actor mentions in text order.
    public let actors: [ActorMention]
    let extraction: Extraction
    /// `ContentHash.of` the article's text: annotations remember which text they were placed in.
    public let textHash: String
    /// Lower-cased glyph texts (white space as one space), parallel to `glyphs`.
    let searchKeys: [String]
    let textEnd: Int

    /// `actors`: mentions already found (the library's actor index), so that they are not looked for twice.
    public init(article: Article, options: ExtractionOptions = ExtractionOptions(), actors known: [ActorMention]? = nil) {
        path = article.path
        textHash = ContentHash.of(article.text)
        var options = options
        if known != nil { options.actors = false }
        var extraction = Extractor.extract(article, options: options)
        if let known { extraction.actors = known }
        self.extraction = extraction
        sentences = extraction.sentences
        numbers = extraction.numbers
        actors = extraction.actors
        titleSpan = article.metadata.titleSpan
        var glyphs: [Glyph] = []
        var keys: [String] = []
        var offset = 0
        let start = article.metadata.contentStart
        for character in article.text {
            let length = character.unicodeScalars.count
            defer { offset += length }
            guard offset >= start else { continue }
            let glyph: Glyph
            if character.isNewline {
                glyph = Glyph(text: "", width: 0, kind: .lineBreak, offset: offset)
            } else if character == "\t" || (character.isWhitespace && character.unicodeScalars.allSatisfy({ $0.value >= 0x20 })) {
                glyph = Glyph(text: " ", width: 1, kind: .space, offset: offset)
            } else {
                let cell = DisplayText.cell(for: character)
                glyph = Glyph(text: cell.text, width: UInt8(cell.width), kind: .visible, offset: offset)
            }
            glyphs.append(glyph)
            keys.append(glyph.kind == .visible ? glyph.text.lowercased() : " ")
        }
        self.glyphs = glyphs
        searchKeys = keys
        textEnd = offset
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
        index + 1 < glyphs.count ? glyphs[index + 1].offset : textEnd
    }

    /// The index of the first glyph at or after a scalar offset.
    public func glyphIndex(atOffset offset: Int) -> Int {
        var low = 0, high = glyphs.count
        while low < high {
            let mid = (low + high) / 2
            if glyphs[mid].offset < offset { low = mid + 1 } else { high = mid }
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
        guard !needle.isEmpty, needle.count <= searchKeys.count else { return [] }
        var result: [Range<Int>] = []
        var index = 0
        let last = searchKeys.count - needle.count
        while index <= last {
            if searchKeys[index] == needle[0] {
                var matched = 1
                while matched < needle.count, searchKeys[index + matched] == needle[matched] { matched += 1 }
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

    private func isWord(_ index: Int) -> Bool { glyphs[index].kind == .visible }

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
        guard index < glyphs.count, glyphs[index].offset < end else { return nil }
        return glyphs[index].offset
    }

    /// The start of the word before `offset`.
    func wordStart(before offset: Int) -> Int? {
        var index = glyphIndex(atOffset: offset) - 1
        while index >= 0, !isWord(index) { index -= 1 }
        guard index >= 0 else { return nil }
        while index > 0, isWord(index - 1) { index -= 1 }
        return glyphs[index].offset
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
}
