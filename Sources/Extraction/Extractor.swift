import GlossaCore

/// Everything the extraction module finds in one text.
public struct Extraction: Sendable, Equatable {
    public var sentences: [TextSpan]
    public var numbers: [NumberMention]
    public var actors: [ActorMention]
    /// The real-world events the text reports, in the order of their first mention.
    public var events: [Event]

    public init(sentences: [TextSpan], numbers: [NumberMention], actors: [ActorMention] = [], events: [Event] = []) {
        self.sentences = sentences
        self.numbers = numbers
        self.actors = actors
        self.events = events
    }

    /// The actor mentions inside a span, in order.
    public func actors(in span: TextSpan) -> ArraySlice<ActorMention> { Self.starting(in: span, actors) { $0.span.start } }

    /// The numbers inside a span, in order.
    public func numbers(in span: TextSpan) -> ArraySlice<NumberMention> { Self.starting(in: span, numbers) { $0.span.start } }

    /// The items (sorted by where they start) that start inside a span: two binary searches.
    static func starting<Item>(in span: TextSpan, _ items: [Item], _ start: (Item) -> Int) -> ArraySlice<Item> {
        items[indices(startingIn: span, items, start)]
    }

    /// Their indices.
    static func indices<Item>(startingIn span: TextSpan, _ items: [Item], _ start: (Item) -> Int) -> Range<Int> {
        let first = items.partitioningIndex { start($0) >= span.start }
        let end = items.partitioningIndex { start($0) >= span.end }
        return first..<max(first, end)
    }
}

/// What to extract beyond the defaults.
public struct ExtractionOptions: Sendable, Equatable {
    /// Also report deictic dates without a number (`gestern`, `am Montag`, `nächste Woche`) as kind date.
    public var relativeDates = false
    /// Find actors (people, organizations, places).
    public var actors = true
    /// The user's actors (`actors.toml`): extra names, merges, renames.
    public var catalog = ActorCatalog()
    /// Find events (meetings, loans, elections ...); they use the actors and numbers found.
    public var events = true

    /// A recognizer to use instead of the shipped one (training and tests).
    package var recognizer: ActorRecognizer?

    public init(relativeDates: Bool = false, actors: Bool = true, catalog: ActorCatalog = ActorCatalog(), events: Bool = true) {
        self.relativeDates = relativeDates
        self.actors = actors
        self.catalog = catalog
        self.events = events
    }

    package init(recognizer: ActorRecognizer) {
        self.recognizer = recognizer
    }

    public static func == (lhs: ExtractionOptions, rhs: ExtractionOptions) -> Bool {
        lhs.relativeDates == rhs.relativeDates && lhs.actors == rhs.actors && lhs.catalog == rhs.catalog && lhs.events == rhs.events
            && (lhs.recognizer == nil) == (rhs.recognizer == nil)
    }
}

/// The extraction module's entry point: no UI, Foundation only.
public enum Extractor {
    /// Bumped whenever results change, so that caches keyed by it are invalidated.
    public static let version = 5

    /// Extracts from an article: its own text after any header, dates resolved against its date.
    public static func extract(_ article: Article) -> Extraction {
        extract(scalars: ScalarClass.scalars(of: article.text), article: article)
    }

    /// Reads a file's text as an article and extracts from it, decoding the text once.
    public static func article(path: String, text: String, hadInvalidUTF8: Bool = false,
                               options: ExtractionOptions = ExtractionOptions()) -> (Article, Extraction) {
        article(path: path, text: text, scalars: ScalarClass.scalars(of: text), hadInvalidUTF8: hadInvalidUTF8, options: options)
    }

    /// The same, for a caller that holds the text's scalars.
    public static func article(path: String, text: String, scalars: [Unicode.Scalar], hadInvalidUTF8: Bool = false,
                               options: ExtractionOptions = ExtractionOptions()) -> (Article, Extraction) {
        let article = Article(path: path, text: text, scalars: scalars, hadInvalidUTF8: hadInvalidUTF8)
        let range = TextSpan(start: min(article.metadata.contentStart, scalars.count), end: scalars.count)
        return (article, extract(scalars: scalars, range: range, sentences: article.sentences, reference: article.date, options: options))
    }

    /// Extracts from `text[contentStart...]`; relative dates (`9. August`) take the reference's year.
    public static func extract(text: String, contentStart: Int = 0, reference: ArticleDate?,
                               options: ExtractionOptions = ExtractionOptions()) -> Extraction {
        let scalars = ScalarClass.scalars(of: text)
        let range = TextSpan(start: min(contentStart, scalars.count), end: scalars.count)
        let sentences = SentenceSplitter.split(scalars, in: range)
        return extract(scalars: scalars, range: range, sentences: sentences, reference: reference, options: options)
    }

    /// Extracts from an article with options (the user's actors, relative dates).
    public static func extract(_ article: Article, options: ExtractionOptions) -> Extraction {
        let scalars = ScalarClass.scalars(of: article.text)
        let range = TextSpan(start: min(article.metadata.contentStart, scalars.count), end: scalars.count)
        return extract(scalars: scalars, range: range, sentences: article.sentences, reference: article.date, options: options)
    }

    static func extract(scalars: [Unicode.Scalar], article: Article) -> Extraction {
        let range = TextSpan(start: min(article.metadata.contentStart, scalars.count), end: scalars.count)
        return extract(scalars: scalars, range: range, sentences: article.sentences, reference: article.date)
    }

    static func extract(scalars: [Unicode.Scalar], range: TextSpan, sentences: [TextSpan], reference: ArticleDate?,
                        options: ExtractionOptions = ExtractionOptions()) -> Extraction {
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
        return Extraction(sentences: sentences, numbers: numbers, actors: actors, events: events)
    }

    /// Adds mentions that overlap none of `base`, keeping text order.
    static func merge(_ base: [NumberMention], _ extra: [NumberMention]) -> [NumberMention] {
        let kept = extra.filter { candidate in !base.contains { $0.span.overlaps(candidate.span) } }
        return (base + kept).sorted { $0.span.start < $1.span.start }
    }
}
