/// One full-text search result: an article, and the sentence that matches best.
public struct LibraryHit: Equatable, Sendable {
    /// A search lists at most this many articles (the best ones).
    public static let limit = 200
    public var path: String
    /// The sentence's index in the article, when known.
    public var sentence: Int?
    /// The sentence's text, white space collapsed, and where the query's words are in it (character offsets).
    public var snippet: String
    public var highlights: [Range<Int>]

    public init(path: String, sentence: Int? = nil, snippet: String = "", highlights: [Range<Int>] = []) {
        self.path = path
        self.sentence = sentence
        self.snippet = snippet
        self.highlights = highlights
    }
}
