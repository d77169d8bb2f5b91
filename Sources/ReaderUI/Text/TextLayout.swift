/// One screen line of wrapped text: a range of glyphs (empty for the blank line between paragraphs).
public struct LayoutLine: Equatable, Sendable {
    public var glyphs: Range<Int>
    /// Scalar offset where the line starts; blank lines carry the offset of the paragraph after them.
    public var startOffset: Int
}

/// A document word-wrapped to a width: every source line is a paragraph, one blank line between them.
public struct TextLayout: Equatable, Sendable {
    public let width: Int
    public let lines: [LayoutLine]

    public init(document: Document, width: Int) {
        self.width = max(1, width)
        var builder = Builder(glyphs: document.glyphs, width: self.width)
        builder.run()
        lines = builder.lines
    }

    /// The line that shows a scalar offset (the last line starting at or before it).
    public func line(containing offset: Int) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].startOffset <= offset { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }

    private struct Builder {
        let glyphs: GlyphStore
        let width: Int
        var lines: [LayoutLine] = []

        mutating func run() {
            var index = 0
            var started = false
            while index < glyphs.count {
                var end = index
                while end < glyphs.count, glyphs.kind(end) != .lineBreak { end += 1 }
                var lower = index, upper = end
                while lower < upper, glyphs.kind(lower) == .space { lower += 1 }
                while upper > lower, glyphs.kind(upper - 1) == .space { upper -= 1 }
                if lower < upper {
                    if started { lines.append(LayoutLine(glyphs: lower..<lower, startOffset: glyphs.offset(lower))) }
                    wrap(lower, upper)
                    started = true
                }
                index = end + 1
            }
        }

        /// Greedy word wrap of glyphs[lower..<upper]; words longer than the width are cut.
        mutating func wrap(_ lower: Int, _ upper: Int) {
            var lineStart = lower
            var lineWidth = 0
            var lineEnd = lower
            var index = lower
            while index < upper {
                var wordStart = index
                var gap = 0
                while wordStart < upper, glyphs.kind(wordStart) == .space {
                    gap += Int(glyphs.width(wordStart))
                    wordStart += 1
                }
                var wordEnd = wordStart
                var wordWidth = 0
                while wordEnd < upper, glyphs.kind(wordEnd) != .space {
                    wordWidth += Int(glyphs.width(wordEnd))
                    wordEnd += 1
                }
                if lineWidth > 0, lineWidth + gap + wordWidth > width {
                    emit(lineStart, lineEnd)
                    lineWidth = 0
                }
                if lineWidth == 0 {
                    lineStart = wordStart
                    var cursor = wordStart
                    var chunkWidth = 0
                    while cursor < wordEnd {
                        let glyphWidth = Int(glyphs.width(cursor))
                        if chunkWidth + glyphWidth > width, chunkWidth > 0 {
                            emit(lineStart, cursor)
                            lineStart = cursor
                            chunkWidth = 0
                        }
                        chunkWidth += glyphWidth
                        cursor += 1
                    }
                    lineWidth = max(chunkWidth, 1)
                } else {
                    lineWidth += gap + wordWidth
                }
                lineEnd = wordEnd
                index = wordEnd
            }
            if lineEnd > lineStart { emit(lineStart, lineEnd) }
        }

        mutating func emit(_ lower: Int, _ upper: Int) {
            lines.append(LayoutLine(glyphs: lower..<upper, startOffset: glyphs.offset(lower)))
        }
    }
}
