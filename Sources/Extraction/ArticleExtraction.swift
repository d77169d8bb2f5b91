import GlossaCore

/// Everything the extraction module finds in one text.
public struct ArticleExtraction: Sendable, Equatable {
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
