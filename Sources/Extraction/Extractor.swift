import GlossaCore

/// Everything the extraction module finds in one text.
public struct Extraction: Sendable, Equatable {
    public var sentences: [TextSpan]
    public var numbers: [NumberMention]

    public init(sentences: [TextSpan], numbers: [NumberMention]) {
        self.sentences = sentences
        self.numbers = numbers
    }

    /// The numbers inside a span, in order.
    public func numbers(in span: TextSpan) -> ArraySlice<NumberMention> {
        var low = 0, high = numbers.count
        while low < high {
            let mid = (low + high) / 2
            if numbers[mid].span.start < span.start { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < numbers.count, numbers[end].span.start < span.end { end += 1 }
        return numbers[low..<end]
    }
}

/// The extraction module's entry point: no UI, Foundation only.
public enum Extractor {
    /// Bumped whenever results change, so that caches keyed by it are invalidated.
    public static let version = 1

    /// Extracts from an article: its own text after any header, dates resolved against its date.
    public static func extract(_ article: Article) -> Extraction {
        extract(text: article.text, contentStart: article.metadata.contentStart, reference: article.date)
    }

    /// Extracts from `text[contentStart...]`; relative dates (`9. August`) take the reference's year.
    public static func extract(text: String, contentStart: Int = 0, reference: ArticleDate?) -> Extraction {
        let scalars = Array(text.unicodeScalars)
        let range = min(contentStart, scalars.count)..<scalars.count
        let sentences = SentenceSplitter.split(scalars, in: TextSpan(start: range.lowerBound, end: range.upperBound))
        let tokens = Tokenizer.tokenize(scalars, in: range)
        let numbers = NumberRecognizer.recognize(scalars, tokens: tokens, reference: reference)
        return Extraction(sentences: sentences, numbers: numbers)
    }
}
