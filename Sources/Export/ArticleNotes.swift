import Extraction
import GlossaCore

/// One article's annotations, with what the extractor found in its text (for actors and numbers).
public struct ArticleNotes: Sendable {
    public var article: Article
    /// In any order; exporters sort them.
    public var annotations: [Annotation]
    public var extraction: ArticleExtraction

    public init(article: Article, annotations: [Annotation], extraction: ArticleExtraction) {
        self.article = article
        self.annotations = annotations
        self.extraction = extraction
    }

    /// The 1-based line of a scalar offset in the article's text.
    public func line(ofOffset offset: Int) -> Int {
        var line = 1
        var index = 0
        for scalar in article.text.unicodeScalars {
            if index >= offset { break }
            if scalar == "\n" { line += 1 }
            index += 1
        }
        return line
    }
}

/// Annotations sorted for export: placed ones in reading order, then orphans in reading order.
enum ExportOrder {
    static func sorted(_ annotations: [Annotation]) -> [Annotation] {
        annotations.sorted { lhs, rhs in
            if lhs.isOrphan != rhs.isOrphan { return !lhs.isOrphan }
            return Annotation.readingOrder(lhs, rhs)
        }
    }
}
