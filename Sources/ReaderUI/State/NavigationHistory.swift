/// A place in the library: an article and a sentence.
public struct Location: Equatable, Sendable {
    public var article: Int
    public var sentence: Int

    public init(article: Int, sentence: Int) {
        self.article = article
        self.sentence = sentence
    }
}

/// Jumps made by following links, for `back` and `forward`, across articles.
public struct NavigationHistory: Equatable, Sendable {
    public var back: [Location] = []
    public var forward: [Location] = []
}
