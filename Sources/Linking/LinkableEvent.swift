import GlossaCore

/// An event of one article as the linker sees it: what it is, when, who, which figures.
public struct LinkableEvent: Equatable, Sendable {
    /// The article's path relative to the library.
    public var article: String
    /// The event's id within its article.
    public var id: String
    /// The kind of event (`loan`, `meeting`, `election` …).
    public var category: String
    /// ISO date as precise as the text allows (`2020-09-14`, `2020-09`, `2020`), or nil.
    public var date: String?
    /// Canonical actor ids.
    public var actors: [String]
    /// Normalised figures that identify the event (`1500000000 USD`).
    public var amounts: [String]
    /// How to show an actor id or a figure in a reason (`putin` → `Putin`); missing ones show as they are.
    public var names: [String: String]
    /// The stems of the words of the sentences that report it (`LinkTerms`, with compound heads), repeats kept.
    public var words: [UInt32]
    /// The stems of its article's first words (shared by the article's events): what the story is about.
    public var context: [UInt32]
    /// The article's date (ISO), or nil.
    public var articleDate: String?
    /// How many sentences report it.
    public var mentions: Int
    /// 1 the first of several, 2 a later one, 0 not said (`Event.sequence`).
    public var sequence: Int

    public init(article: String, id: String, category: String, date: String?, actors: [String], amounts: [String],
                names: [String: String] = [:], words: [UInt32] = [], context: [UInt32] = [], articleDate: String? = nil,
                mentions: Int = 1, sequence: Int = 0) {
        self.sequence = sequence
        self.article = article
        self.id = id
        self.category = category
        self.date = date
        self.actors = actors
        self.amounts = amounts
        self.names = names
        self.words = words
        self.context = context
        self.articleDate = articleDate
        self.mentions = mentions
    }

    public var reference: EventReference { EventReference(article: article, event: id) }
}

/// Events of different articles that report the same real-world event.
public struct EventCluster: Equatable, Sendable {
    public var id: String
    /// Sorted by article path; one event per article.
    public var members: [EventReference]
    /// What the members share: figures, actors, the date (`1,5 Milliarden Dollar · Putin · 2020-09`).
    public var reasons: [String]
    /// 0...1: how sure the link is.
    public var confidence: Double
    /// True when the user confirmed or made it.
    public var isManual: Bool

    public init(id: String, members: [EventReference], reasons: [String], confidence: Double, isManual: Bool = false) {
        self.id = id
        self.members = members
        self.reasons = reasons
        self.confidence = confidence
        self.isManual = isManual
    }
}
