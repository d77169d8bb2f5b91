import GlossaCore

/// How often an actor is named in one article.
public struct ArticleCount: Equatable, Sendable {
    public var article: Int
    public var count: Int
}

/// One actor of the library: its id, display name, type, and its mentions per article.
public struct ActorSummary: Equatable, Sendable {
    public var id: String
    public var name: String
    public var type: ActorType
    public var mentions: Int
    /// Articles (library indices) that name the actor, in library order.
    public var articles: [ArticleCount]
}

/// Every actor mention of the library, by article, and the actors sorted by how often they are named.
public struct ActorIndex: Equatable, Sendable {
    /// Mentions per article, parallel to `library.articles` (compact: a library has millions).
    public let articles: [ArticleActors]
    /// Most named first, then by name.
    public let actors: [ActorSummary]
    private let positions: [String: Int]

    public init(mentions: [[ActorMention]]) {
        self.init(articles: mentions.map { ArticleActors($0) })
    }

    public init(articles: [ArticleActors]) {
        self.articles = articles
        var list: [ActorSummary] = []
        var slots: [String: Int] = [:]
        for (article, mentionsOfArticle) in articles.enumerated() {
            for mention in mentionsOfArticle {
                let slot: Int
                if let known = slots[mention.actor] {
                    slot = known
                } else {
                    slot = list.count
                    slots[mention.actor] = slot
                    list.append(ActorSummary(id: mention.actor, name: mention.name, type: mention.type, mentions: 0, articles: []))
                }
                // In place: copying a summary out and back would copy its article list each time.
                list[slot].mentions += 1
                if mention.name.count > list[slot].name.count, !mention.part { list[slot].name = mention.name }
                if list[slot].articles.last?.article == article {
                    list[slot].articles[list[slot].articles.count - 1].count += 1
                } else {
                    list[slot].articles.append(ArticleCount(article: article, count: 1))
                }
            }
        }
        actors = list.sorted {
            ($0.mentions, $1.name.lowercased()) > ($1.mentions, $0.name.lowercased())
        }
        var positions: [String: Int] = [:]
        for (index, actor) in actors.enumerated() { positions[actor.id] = index }
        self.positions = positions
    }

    /// Extracts every article of the library (the user's actors applied).
    public init(library: Library, options: ExtractionOptions = ExtractionOptions()) {
        self.init(mentions: library.articles.map { Extractor.extract($0, options: options).actors })
    }

    public func summary(of id: String) -> ActorSummary? {
        positions[id].map { actors[$0] }
    }

    public func position(of id: String) -> Int? { positions[id] }

    /// The mentions of the article at a library index (none when it is not indexed).
    public func mentions(inArticle index: Int) -> [ActorMention]? {
        articles.indices.contains(index) ? Array(articles[index]) : nil
    }

    /// How many times the library names an actor.
    public func mentionCount(of id: String) -> Int { summary(of: id)?.mentions ?? 0 }

    /// Mentions of an actor by their positions in the library-wide list (library and text order):
    /// a screenful is found without building the other thousands.
    public func mentions(of id: String, in range: Range<Int>) -> [(article: Int, mention: ActorMention)] {
        guard let summary = summary(of: id), !range.isEmpty else { return [] }
        var result: [(article: Int, mention: ActorMention)] = []
        var seen = 0
        for entry in summary.articles {
            if seen + entry.count <= range.lowerBound {
                seen += entry.count
                continue
            }
            let article = articles[entry.article]
            for position in article.positions(naming: id) {
                if seen >= range.upperBound { return result }
                if seen >= range.lowerBound { result.append((entry.article, article[position])) }
                seen += 1
            }
        }
        return result
    }

    /// Every mention of an actor: (article index, mention), in library and text order.
    public func mentions(of id: String) -> [(article: Int, mention: ActorMention)] {
        mentions(of: id, in: 0..<Int.max)
    }

    public static func == (lhs: ActorIndex, rhs: ActorIndex) -> Bool { lhs.articles == rhs.articles }
}
