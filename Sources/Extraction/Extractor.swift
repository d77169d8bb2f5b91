import GlossaCore

/// The extraction module's entry point: no UI, Foundation only.
public enum Extractor {
    /// Bumped whenever results change, so that caches keyed by it are invalidated.
    public static let version = 7

    /// Extracts from an article: its own text after any header, dates resolved against its date.
    public static func extract(_ article: Article) -> ArticleExtraction {
        extract(scalars: ScalarClass.scalars(of: article.text), article: article)
    }

    /// Reads a file's text as an article and extracts from it, decoding the text once.
    public static func article(path: String, text: String, hadInvalidUTF8: Bool = false,
                               options: ExtractionOptions = ExtractionOptions()) -> (Article, ArticleExtraction) {
        article(path: path, text: text, scalars: ScalarClass.scalars(of: text), hadInvalidUTF8: hadInvalidUTF8, options: options)
    }

    /// The same, for a caller that holds the text's scalars.
    public static func article(path: String, text: String, scalars: [Unicode.Scalar], hadInvalidUTF8: Bool = false,
                               options: ExtractionOptions = ExtractionOptions()) -> (Article, ArticleExtraction) {
        let article = Article(path: path, text: text, scalars: scalars, hadInvalidUTF8: hadInvalidUTF8)
        let range = TextSpan(start: min(article.metadata.contentStart, scalars.count), end: scalars.count)
        return (article, extract(scalars: scalars, range: range, sentences: article.sentences, reference: article.date, options: options))
    }

    /// Extracts from `text[contentStart...]`; relative dates (`9. August`) take the reference's year.
    public static func extract(text: String, contentStart: Int = 0, reference: ArticleDate?,
                               options: ExtractionOptions = ExtractionOptions()) -> ArticleExtraction {
        let scalars = ScalarClass.scalars(of: text)
        let range = TextSpan(start: min(contentStart, scalars.count), end: scalars.count)
        let sentences = SentenceSplitter.split(scalars, in: range)
        return extract(scalars: scalars, range: range, sentences: sentences, reference: reference, options: options)
    }

    /// Extracts from an article with options (the user's actors, relative dates).
    public static func extract(_ article: Article, options: ExtractionOptions) -> ArticleExtraction {
        let scalars = ScalarClass.scalars(of: article.text)
        let range = TextSpan(start: min(article.metadata.contentStart, scalars.count), end: scalars.count)
        return extract(scalars: scalars, range: range, sentences: article.sentences, reference: article.date, options: options)
    }

    static func extract(scalars: [Unicode.Scalar], article: Article) -> ArticleExtraction {
        let range = TextSpan(start: min(article.metadata.contentStart, scalars.count), end: scalars.count)
        return extract(scalars: scalars, range: range, sentences: article.sentences, reference: article.date)
    }

    static func extract(scalars: [Unicode.Scalar], range: TextSpan, sentences: [TextSpan], reference: ArticleDate?,
                        options: ExtractionOptions = ExtractionOptions()) -> ArticleExtraction {
        let tokens = Tokenizer.tokenize(scalars, in: range.start..<range.end)
        let recognizer = NumberRecognizer(scalars: scalars, tokens: tokens, reference: reference)
        var numbers = recognizer.run()
        if options.relativeDates {
            numbers = merge(numbers, RelativeDateRecognizer(recognizer: recognizer).run())
        }
        var actors: [ActorMention] = []
        if options.actors {
            actors = (options.recognizer ?? ActorRecognizer(catalog: options.catalog)).recognize(scalars, tokens: tokens, sentences: sentences)
        }
        var events: [Event] = []
        if options.events {
            events = EventRecognizer(scalars: scalars, tokens: tokens, reference: reference)
                .recognize(sentences: sentences, numbers: numbers, actors: actors)
        }
        return ArticleExtraction(sentences: sentences, numbers: numbers, actors: actors, events: events)
    }

    /// Adds mentions that overlap none of `base`, keeping text order.
    static func merge(_ base: [NumberMention], _ extra: [NumberMention]) -> [NumberMention] {
        let kept = extra.filter { candidate in !base.contains { $0.span.overlaps(candidate.span) } }
        return (base + kept).sorted { $0.span.start < $1.span.start }
    }
}
