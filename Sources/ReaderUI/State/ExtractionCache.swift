import Extraction
import GlossaCore

/// Where the reader finds an article's extraction already made, so that opening an article does not
/// extract it again: the library index's cache (`ReaderApp` fills it in). It is a memo of
/// `Extractor.extract` keyed by the text and the extractor's version, so a state is the same whether
/// it answers or not, and it takes no part in the state's equality.
public struct ExtractionCache: Equatable, Sendable {
    /// The extraction of exactly this article's text with the reader's options, or nil.
    public let lookup: @Sendable (Article) -> ArticleExtraction?

    public init(lookup: @escaping @Sendable (Article) -> ArticleExtraction?) {
        self.lookup = lookup
    }

    /// No cache: every article is extracted when it is opened.
    public static let none = ExtractionCache { _ in nil }

    public static func == (lhs: ExtractionCache, rhs: ExtractionCache) -> Bool { true }
}
