/// An event of an article: the article's path and the event's id in it.
public struct EventReference: Hashable, Sendable, Comparable, Codable {
    public var article: String
    public var event: String

    public init(article: String, event: String) {
        self.article = article
        self.event = event
    }

    public static func < (lhs: EventReference, rhs: EventReference) -> Bool {
        (lhs.article, lhs.event) < (rhs.article, rhs.event)
    }
}

/// A user's decision about two events; it wins over what the linker finds.
/// Event ids are numbered per article (`loan-1`), and an edited article may number its events anew;
/// so a decision also keeps each event's first sentence, to find the event again by it.
public struct LinkDecision: Equatable, Sendable, Hashable {
    public enum Kind: String, Sendable, Codable { case confirmed, removed }
    public var first: EventReference
    public var second: EventReference
    public var kind: Kind
    /// The first sentence of each event when the decision was made ("" when unknown).
    public var firstQuote: String
    public var secondQuote: String

    public init(_ first: EventReference, _ second: EventReference, kind: Kind, quotes: (String, String) = ("", "")) {
        let ordered = first <= second
        self.first = ordered ? first : second
        self.second = ordered ? second : first
        self.kind = kind
        firstQuote = ordered ? quotes.0 : quotes.1
        secondQuote = ordered ? quotes.1 : quotes.0
    }
}
