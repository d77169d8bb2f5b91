import Extraction
import GlossaCore

/// One article's part of the library's events: prepared where the article is extracted, and kept
/// small (a library holds thousands): the events, a key of each event's first sentence, and how
/// the article names actors and figures.
public struct ArticleEvents: Equatable, Sendable {
    public var path: String
    public var events: [Event]
    /// A key of each event's first sentence, white space collapsed (parallel to `events`): how a
    /// decision finds its event again.
    public var quoteKeys: [UInt64]
    /// How the article names actor ids and figures (`putin` → `Putin`), shared by its events.
    public var names: [String: String]
    /// The stems of each event's sentences (parallel to `events`) and of the whole article (`LinkTerms`).
    public var words: [[UInt32]]
    public var context: [UInt32]
    /// The article's date (ISO), or nil.
    public var date: String?

    public init(path: String, events: [Event], quoteKeys: [UInt64], names: [String: String], words: [[UInt32]] = [],
                context: [UInt32] = [], date: String? = nil) {
        self.path = path
        self.events = events
        self.quoteKeys = quoteKeys
        self.names = names
        self.words = words
        self.context = context
        self.date = date
    }

    /// The events as the linker sees them.
    public var linkable: [LinkableEvent] {
        events.enumerated().map { index, event in
            LinkableEvent(article: path, id: event.id, category: event.category.rawValue, date: event.date,
                          actors: event.actors, amounts: event.amounts, names: names,
                          words: index < words.count ? words[index] : [], context: context, articleDate: date,
                          mentions: event.mentions.count, sequence: event.sequence)
        }
    }

    /// The stems of the sentences of each event, and of the article (its first `contextLimit` stems).
    static func terms(_ events: [Event], _ scalars: [Unicode.Scalar]) -> (words: [[UInt32]], context: [UInt32]) {
        // Each stem once (with the heads that follow it), in order: an event is a few dozen words.
        let words = events.map { event in
            var words: [UInt32] = []
            var count = 0
            var keep = false
            for span in event.mentions where span.end <= scalars.count && count < wordLimit {
                for term in LinkTerms.terms(scalars[span.start..<span.end], heads: true) {
                    // A few dozen words: a scan is quicker than a set. The heads after a word come with it.
                    if term & LinkTerms.headTag == 0 {
                        keep = count < wordLimit && !words.contains(term)
                        if keep { count += 1 }
                    }
                    if keep { words.append(term) }
                }
            }
            return words.withUnsafeBufferPointer { Array($0) }
        }
        return (words, LinkTerms.terms(scalars[...], limit: contextLimit))
    }

    /// A news story is told in its first part (and a library keeps 200 stems an article, not all); an
    /// event by its first sentences.
    static let contextLimit = 200
    static let wordLimit = 40
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
    /// Each article's keys of its events' first sentences (parallel to `events`).
    private var quoteKeys: [String: [UInt64]] = [:]
    /// The linker that found the links, to cluster again with the same model.
    private var linker = EventLinker()

    public init() {}

    /// Links the events of extracted articles; the user's decisions win.
    public init(_ extractions: [(article: Article, extraction: ArticleExtraction)], decisions: [LinkDecision] = [],
                linker: EventLinker = EventLinker()) {
        self.init(extractions.compactMap { Self.articleEvents($0.article, $0.extraction) }, decisions: decisions, linker: linker)
    }

    /// Links the events of articles prepared one by one (`articleEvents`, on any thread).
    public init(_ articles: [ArticleEvents], decisions: [LinkDecision] = [], linker: EventLinker = EventLinker()) {
        linkable.reserveCapacity(articles.reduce(0) { $0 + $1.events.count })
        for article in articles {
            events[article.path] = article.events
            quoteKeys[article.path] = article.quoteKeys
            for event in article.events {
                for amount in event.amounts where names[amount] == nil { names[amount] = article.names[amount] }
            }
            linkable += article.linkable
        }
        self.linker = linker
        found = linker.links(linkable)
        relink(decisions: decisions)
    }

    /// What linking needs of one article: its events, their first sentences' keys and the names it
    /// uses. Nil when the article reports no event.
    public static func articleEvents(_ article: Article, _ extraction: ArticleExtraction, scalars known: [Unicode.Scalar]? = nil) -> ArticleEvents? {
        guard !extraction.events.isEmpty else { return nil }
        let scalars = known ?? Array(article.text.unicodeScalars)
        var buffer: [UInt8] = []
        let keys = extraction.events.map { event -> UInt64 in
            guard let span = event.mentions.first, span.end <= scalars.count else { return 0 }
            collapse(scalars[span.start..<span.end], into: &buffer)
            return quoteKey(buffer)
        }
        let (words, context) = ArticleEvents.terms(extraction.events, scalars)
        return ArticleEvents(path: article.path, events: extraction.events, quoteKeys: keys, names: names(extraction),
                             words: words, context: context, date: article.date?.iso)
    }

    /// The key of a quote's UTF-8 bytes.
    static func quoteKey(_ bytes: some Sequence<UInt8>) -> UInt64 { ContentHash.value(of: bytes) }

    /// Clusters again with the user's decisions (a confirmed, removed or added link); the links found
    /// are reused, so this is quick.
    public mutating func relink(decisions: [LinkDecision]) {
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
        guard let articleEvents = events[reference.article], let keys = quoteKeys[reference.article] else { return nil }
        let key = Self.quoteKey(quote.utf8)
        if let position = articleEvents.firstIndex(where: { $0.id == reference.event }), quote.isEmpty || keys[position] == key {
            return reference
        }
        if quote.isEmpty { return nil }
        let kind = reference.event.split(separator: "-").dropLast().joined(separator: "-")
        return articleEvents.indices.first { articleEvents[$0].category.rawValue == kind && keys[$0] == key }
            .map { EventReference(article: reference.article, event: articleEvents[$0].id) }
    }

    /// The first sentence of an event, white space collapsed (as a decision remembers it), from the
    /// text of its article.
    public func quote(of reference: EventReference, text: String) -> String {
        guard let span = event(reference)?.mentions.first else { return "" }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(span.length)
        var offset = 0
        for scalar in text.unicodeScalars {
            if offset >= span.end { break }
            if offset >= span.start { scalars.append(scalar) }
            offset += 1
        }
        guard scalars.count == span.length else { return "" }
        var bytes: [UInt8] = []
        Self.collapse(scalars[...], into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The scalars as UTF-8 with runs of white space as one space, and none at either end. (As
    /// bytes: appending scalars one by one to a string was a fifth of reading a library from its index.)
    static func collapse(_ scalars: ArraySlice<Unicode.Scalar>, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
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
    public static func linkable(_ path: String, _ article: Article, _ extraction: ArticleExtraction) -> [LinkableEvent] {
        guard var prepared = articleEvents(article, extraction) else { return [] }
        prepared.path = path
        return prepared.linkable
    }

    /// How an article names the actors (the longest name) and figures (as first written) of its events.
    static func names(_ extraction: ArticleExtraction) -> [String: String] {
        var used: Set<String> = []
        for event in extraction.events {
            used.formUnion(event.actors)
            used.formUnion(event.amounts)
        }
        var names: [String: String] = [:]
        for mention in extraction.actors where used.contains(mention.actor) {
            if names[mention.actor] == nil || mention.name.count > names[mention.actor]!.count { names[mention.actor] = mention.name }
        }
        for number in extraction.numbers {
            if let key = Event.figureKey(number), used.contains(key), names[key] == nil { names[key] = number.text }
        }
        return names
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
