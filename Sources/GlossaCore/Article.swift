/// One article of a library: its text exactly as stored and what Glossa reads from it.
public struct Article: Sendable, Equatable, Identifiable {
    /// The path relative to the library folder; also the article's identity.
    public let path: String
    /// The whole file text, with any invalid UTF-8 replaced by U+FFFD. Offsets index its scalars.
    public let text: String
    public let metadata: ArticleMetadata
    /// Sentence spans over the article's own text (after its header).
    public let sentences: [TextSpan]
    public let wordCount: Int
    public let hadInvalidUTF8: Bool
    /// False for a placeholder known only by its path, title and date (from the index or the
    /// file's first lines) while the library is still being read: it has no text yet.
    public let isLoaded: Bool

    public var id: String { path }
    public var title: String { metadata.title.isEmpty ? path : metadata.title }
    public var date: ArticleDate? { metadata.date }

    public init(path: String, text: String, hadInvalidUTF8: Bool = false) {
        self.init(path: path, text: text, scalars: ScalarClass.scalars(of: text), hadInvalidUTF8: hadInvalidUTF8)
    }

    /// For callers that already hold the text's scalars (the extractor), to decode it once; and the
    /// sentences when they are known (from the index's cache).
    public init(path: String, text: String, scalars: [Unicode.Scalar], sentences: [TextSpan]? = nil, hadInvalidUTF8: Bool = false) {
        self.path = path
        self.text = text
        self.hadInvalidUTF8 = hadInvalidUTF8
        let metadata = ArticleParser.parse(scalars)
        self.metadata = metadata
        let content = TextSpan(start: metadata.contentStart, end: scalars.count)
        self.sentences = sentences ?? SentenceSplitter.split(scalars, in: content)
        self.wordCount = Article.countWords(scalars, from: metadata.contentStart)
        self.isLoaded = true
    }

    /// A placeholder for an article not read yet: its title and date are known, its text is not.
    public init(placeholder path: String, metadata: ArticleMetadata, wordCount: Int = 0, hadInvalidUTF8: Bool = false) {
        self.path = path
        text = ""
        self.metadata = metadata
        sentences = []
        self.wordCount = wordCount
        self.hadInvalidUTF8 = hadInvalidUTF8
        isLoaded = false
    }

    /// Words: runs of non-space scalars that hold at least one letter or digit.
    static func countWords(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var count = 0
        var inWord = false
        var wordHasContent = false
        scalars.withUnsafeBufferPointer { scalars in
            for index in min(start, scalars.count)..<scalars.count {
                let scalar = scalars[index]
                let value = scalar.value
                // ASCII inline (as ScalarClass answers it), the rest through ScalarClass.
                let isSpace = value < 0x80 ? value == 32 || (value >= 9 && value <= 13) : ScalarClass.isSpace(scalar)
                if isSpace {
                    if inWord, wordHasContent { count += 1 }
                    inWord = false
                    wordHasContent = false
                } else {
                    inWord = true
                    if !wordHasContent {
                        wordHasContent = value < 0x80
                            ? (value | 0x20) >= 97 && (value | 0x20) <= 122 || value >= 48 && value <= 57
                            : ScalarClass.isWordScalar(scalar)
                    }
                }
            }
        }
        if inWord, wordHasContent { count += 1 }
        return count
    }
}
