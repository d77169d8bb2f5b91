import Extraction
import GlossaCore

/// One article's part of the library's events: prepared where the article is extracted.
public struct ArticleEvents: Equatable, Sendable {
    public var path: String
    public var events: [Event]
    /// Each event's first sentence (by event id), white space collapsed.
    public var quotes: [String: String]
    public var linkable: [LinkableEvent]
}

/// The events of a library and their clusters across articles, with lookups for the reader.
public struct LibraryEvents: Equatable, Sendable {
    /// Each article's events, by article path.
    public private(set) var events: [String: [Event]] = [:]
    public private(set) var clusters: [EventCluster] = []
    /// The cluster of each linked event (an index into `clusters`).
    private var clusterIndex: [EventReference: Int] = [:]
    /// How figures read in the text (`1500000000 USD` → `1,5 Milliarden Dollar`).
    private(set) var names: [String: String] = [:]
    /// What the linker works on and the links it found, kept to cluster again when the user decides.
    private var linkable: [LinkableEvent] = []
    private var found: [EventLinker.Link] = []
    /// The user's decisions, which win over the linker.
    public private(set) var decisions: [LinkDecision] = []
    /// Each event's first sentence, white space collapsed: how a decision finds its event again.
    private var quotes: [EventReference: String] = [:]

    public init() {}

    /// Links the events of extracted articles; the user's decisions win.
    public init(_ extractions: [(article: Article, extraction: Extraction)], decisions: [LinkDecision] = [],
                linker: EventLinker = EventLinker()) {
        self.init(extractions.compactMap { Self.articleEvents($0.article, $0.extraction) }, decisions: decisions, linker: linker)
    }

    /// Links the events of articles prepared one by one (`articleEvents`, on any thread).
    public init(_ articles: [ArticleEvents], decisions: [LinkDecision] = [], linker: EventLinker = EventLinker()) {
        for article in articles {
            events[article.path] = article.events
            for (id, quote) in article.quotes { quotes[EventReference(article: article.path, event: id)] = quote }
            for event in article.linkable { names.merge(event.names.filter { event.amounts.contains($0.key) }, uniquingKeysWith: { first, _ in first }) }
            linkable += article.linkable
        }
        found = linker.links(linkable)
        relink(decisions: decisions, linker: linker)
    }

    /// What linking needs of one article: its events, their first sentences and linker features.
    /// Nil when the article reports no event.
    public static func articleEvents(_ article: Article, _ extraction: Extraction, scalars known: [Unicode.Scalar]? = nil) -> ArticleEvents? {
        guard !extraction.events.isEmpty else { return nil }
        let scalars = known ?? Array(article.text.unicodeScalars)
        var quotes: [String: String] = [:]
        for event in extraction.events {
            guard let span = event.mentions.first, span.end <= scalars.count else { continue }
            quotes[event.id] = collapse(scalars[span.start..<span.end])
        }
        return ArticleEvents(path: article.path, events: extraction.events, quotes: quotes, linkable: linkable(article.path, extraction))
    }

    /// Clusters again with the user's decisions (a confirmed, removed or added link); the links found
    /// are reused, so this is quick.
    public mutating func relink(decisions: [LinkDecision], linker: EventLinker = EventLinker()) {
        self.decisions = decisions
        let resolved = decisions.compactMap { decision -> LinkDecision? in
            guard let first = resolve(decision.first, decision.firstQuote),
                  let second = resolve(decision.second, decision.secondQuote) else { return nil }
            return LinkDecision(first, second, kind: decision.kind)
        }
        clusters = linker.clusters(linkable, links: found, decisions: resolved)
        clusterIndex = [:]
        for (index, cluster) in clusters.enumerated() {
            for member in cluster.members { clusterIndex[member] = index }
        }
    }

    /// The event a decision meant: the same id if its first sentence is still the one remembered, else
    /// the article's event of the same kind that starts with that sentence; nil when it is gone.
    func resolve(_ reference: EventReference, _ quote: String) -> EventReference? {
        if quote.isEmpty || quotes[reference] == quote { return events[reference.article]?.contains { $0.id == reference.event } == true ? reference : nil }
        let kind = reference.event.split(separator: "-").dropLast().joined(separator: "-")
        return events[reference.article]?.first { event in
            event.category.rawValue == kind && quotes[EventReference(article: reference.article, event: event.id)] == quote
        }.map { EventReference(article: reference.article, event: $0.id) }
    }

    /// The first sentence of an event, as a decision remembers it.
    public func quote(of reference: EventReference) -> String { quotes[reference] ?? "" }

    /// The scalars with runs of white space as one space, and none at either end. (Written as UTF-8
    /// bytes: appending scalars one by one to a string was a fifth of reading a library from its index.)
    static func collapse(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        var pendingSpace = false
        for scalar in scalars {
            let value = scalar.value
            let space = value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : scalar.properties.isWhitespace
            if space {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Events linked elsewhere (in the background), with the decisions the reader made meanwhile
    /// added to those they were linked with; the reader's win for the same pair.
    public static func keeping(_ events: LibraryEvents, decisions: [LinkDecision]) -> LibraryEvents {
        let merged = events.decisions.filter { old in !decisions.contains { ($0.first, $0.second) == (old.first, old.second) } } + decisions
        guard merged != events.decisions else { return events }
        var copy = events
        copy.relink(decisions: merged)
        return copy
    }

    /// The decisions with one more (replacing an earlier one about the same two events).
    public func deciding(_ decision: LinkDecision) -> [LinkDecision] {
        decisions.filter { ($0.first, $0.second) != (decision.first, decision.second) } + [decision]
    }

    /// An article's events as the linker sees them, with display names for actors and figures.
    public static func linkable(_ path: String, _ extraction: Extraction) -> [LinkableEvent] {
        var names: [String: String] = [:]
        for mention in extraction.actors where names[mention.actor] == nil || mention.name.count > names[mention.actor]!.count {
            names[mention.actor] = mention.name
        }
        for number in extraction.numbers {
            if let key = Event.figureKey(number), names[key] == nil { names[key] = number.text }
        }
        return extraction.events.map { event in
            let used = Set(event.actors + event.amounts)
            return LinkableEvent(article: path, id: event.id, category: event.category.rawValue, date: event.date,
                                 actors: event.actors, amounts: event.amounts, names: names.filter { used.contains($0.key) })
        }
    }

    /// The cluster an event belongs to, if it is linked.
    public func cluster(of reference: EventReference) -> EventCluster? {
        clusterIndex[reference].map { clusters[$0] }
    }

    /// The article's events that a sentence reports.
    public func events(in article: String, sentence: TextSpan) -> [Event] {
        (events[article] ?? []).filter { event in event.mentions.contains { $0.overlaps(sentence) } }
    }

    /// The event in another article, by reference.
    public func event(_ reference: EventReference) -> Event? {
        events[reference.article]?.first { $0.id == reference.event }
    }
}

extension LibraryEvents {
    /// Figures that differ between the events of a cluster: of one kind (money in one currency, or
    /// counts), present in one member but not in another that has a figure of that kind. An analyst
    /// wants to see those first.
    public func disagreements(in cluster: EventCluster) -> [String] {
        let members = cluster.members.compactMap { reference in event(reference).map { (reference, $0) } }
        func kind(_ key: String) -> String { key.split(separator: " ").dropFirst().joined(separator: " ") }
        var result: [String] = []
        let kinds = Set(members.flatMap { $0.1.amounts.map(kind) })
        for unit in kinds.sorted() {
            let values = members.map { member in (member.0.article, member.1.amounts.filter { kind($0) == unit }) }.filter { !$0.1.isEmpty }
            guard values.count > 1, Set(values.map { Set($0.1) }).count > 1 else { continue }
            let described = values.map { article, amounts in amounts.map { names[$0] ?? $0 }.joined(separator: ", ") + " (\(article))" }
            result.append("figures differ: " + described.joined(separator: " · "))
        }
        return result
    }
}
