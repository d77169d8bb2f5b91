import Extraction
import Foundation
import GlossaCore

/// Finds the events of different articles that are the same real-world event.
///
/// As in news story clustering and cross-document event coreference, it works in two steps. First
/// the stories: each article is compared with the articles whose words, actors and figures are most
/// like its own (TF-IDF cosine; found through an index of each article's most telling terms, so a
/// library is never compared pair by pair), keeping `neighbours` per article. Then the events of
/// those article pairs: a learned logistic model (`LinkerModel`, trained by `make linker-model`)
/// gives each pair a probability from the kinds, the words of their sentences, shared actors
/// (rarer ones count more), figures, dates and how alike the two stories are. Pairs join clusters
/// best first, and a cluster is joined only when the average probability over all its cross pairs
/// stays above the model's threshold (average linkage: one strong edge cannot chain two unrelated
/// events), with at most one event per article.
public struct EventLinker: Sendable, Equatable {
    public var model: LinkerModel
    /// Articles compared with each article (its most similar stories).
    public var neighbours = 20
    /// The terms of an article that find its neighbours (its highest weights).
    public var storyTerms = 60
    /// A term in more articles than this does not find neighbours (it tells little, and costs most).
    public var maxPostings = 100
    /// The average cosine that makes articles one story.
    public var storyThreshold = 0.12
    /// Pairs below this probability are not kept.
    public var minimum = 0.15
    /// Links kept per event (its strongest).
    public var linksPerEvent = 8

    public init(model: LinkerModel = .trained) {
        self.model = model
    }

    /// A scored pair, before clustering (indices into the events).
    public struct Link: Equatable, Sendable {
        // 32-bit indices: a library of thousands keeps hundreds of thousands of links.
        private var firstIndex: Int32
        private var secondIndex: Int32
        public var score: Double

        public var first: Int { Int(firstIndex) }
        public var second: Int { Int(secondIndex) }

        public init(first: Int, second: Int, score: Double) {
            firstIndex = Int32(truncatingIfNeeded: first)
            secondIndex = Int32(truncatingIfNeeded: second)
            self.score = score
        }
    }

    public func clusters(_ events: [LinkableEvent], decisions: [LinkDecision] = []) -> [EventCluster] {
        clusters(events, links: links(events), decisions: decisions)
    }

    /// Clusters from links already found (`links(_:)`), with the user's decisions: a confirmed pair is
    /// linked first; a removed pair never ends up in one cluster, not even through a third event.
    public func clusters(_ events: [LinkableEvent], links found: [Link], decisions: [LinkDecision]) -> [EventCluster] {
        var links = found
        let index = Dictionary(events.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { first, _ in first })
        var apart: Set<UInt64> = []
        for decision in decisions {
            guard let first = index[decision.first], let second = index[decision.second] else { continue }
            if decision.kind == .confirmed {
                links.append(Link(first: min(first, second), second: max(first, second), score: 2))
            } else {
                apart.insert(Self.key(first, second))
            }
        }
        return cluster(links, events, apart: apart)
    }

    /// The pairs of events worth clustering: compared (in similar stories) and at least `minimum` likely.
    public func links(_ events: [LinkableEvent]) -> [Link] {
        var comparisons = 0
        return links(events, comparisons: &comparisons)
    }

    /// `links(_:)`, counting the pairs it scored.
    func links(_ events: [LinkableEvent], comparisons: inout Int) -> [Link] {
        let features = EventFeatures(events)
        var perEvent = [[Link]](repeating: [], count: events.count)
        var count = 0
        compare(features) { first, second, vector in
            count += 1
            let probability = model.probability(vector)
            guard probability >= minimum else { return }
            let link = Link(first: first, second: second, score: probability)
            keep(link, in: &perEvent[first])
            keep(link, in: &perEvent[second])
        }
        comparisons = count
        var kept = Set<UInt64>()
        var result: [Link] = []
        for list in perEvent {
            for link in list where kept.insert(Self.key(link.first, link.second)).inserted { result.append(link) }
        }
        return result
    }

    /// Keeps an event's `linksPerEvent` strongest links, best first: they are enough to join its
    /// cluster, and keep memory and the clustering near-linear when many articles report one event.
    func keep(_ link: Link, in list: inout [Link]) {
        func better(_ a: Link, _ b: Link) -> Bool { (a.score, b.first, b.second) > (b.score, a.first, a.second) }
        if list.count == linksPerEvent {
            guard better(link, list[list.count - 1]) else { return }
            list.removeLast()
        }
        let position = list.firstIndex { better(link, $0) } ?? list.count
        list.insert(link, at: position)
    }

    /// Every pair of events the linker compares, with its features (for training the model).
    public func comparedPairs(_ events: [LinkableEvent]) -> [(first: Int, second: Int, features: LinkerModel.Features)] {
        var pairs: [(first: Int, second: Int, features: LinkerModel.Features)] = []
        compare(EventFeatures(events)) { pairs.append(($0, $1, $2)) }
        return pairs
    }

    /// The neighbouring articles and how alike they are (for measuring the linker).
    public func storyNeighbours(_ events: [LinkableEvent]) -> [(left: String, right: String, cosine: Double, rank: Int)] {
        let features = EventFeatures(events)
        var paths: [String] = []
        for event in events where paths.last != event.article && !paths.contains(event.article) { paths.append(event.article) }
        return storyPairs(features).map { (paths[$0.left], paths[$0.right], $0.cosine, $0.rank) }
    }

    /// Calls `each` for every pair of events in two neighbouring articles (first < second).
    func compare(_ features: EventFeatures, _ each: (Int, Int, LinkerModel.Features) -> Void) {
        for pair in storyPairs(features) {
            for first in features.eventsOfArticle[pair.left] {
                for second in features.eventsOfArticle[pair.right] {
                    let (a, b) = (Int(min(first, second)), Int(max(first, second)))
                    // The first of several is never a later one (the failed first ballot and the second).
                    guard features.sequence[a] == 0 || features.sequence[b] == 0 || features.sequence[a] == features.sequence[b] else { continue }
                    // Two years or more apart: never one event (a year apart may be a late report).
                    if let x = features.dates[a], let y = features.dates[b], abs(x[0] - y[0]) >= 2 { continue }
                    if let x = vector(a, b, story: pair, features) { each(a, b, x) }
                }
            }
        }
    }

    /// Two neighbouring articles: how alike their stories are, and the rank of each in the other's
    /// neighbours (the better of the two; 1 for the nearest).
    struct StoryPair {
        var left: Int
        var right: Int
        var cosine: Double
        var rank: Int
        /// Both in one story: the articles grouped by average linkage of their cosines.
        var sameStory = false
    }

    /// Pairs of articles (each with up to `neighbours` of its most similar), in a fixed order. An
    /// article's most telling terms are looked up in an index of every article's terms.
    func storyPairs(_ features: EventFeatures) -> [StoryPair] {
        let stories = features.stories
        let count = stories.count
        // Only terms rare enough to be looked up are indexed.
        var postings: [Int32: [(Int32, Float)]] = [:]
        for article in 0..<count {
            for slot in stories.range(article) where features.termArticles[Int(stories.ids[slot])] <= maxPostings {
                postings[stories.ids[slot], default: []].append((Int32(article), stories.weights[slot]))
            }
        }
        var pairs: [UInt64: StoryPair] = [:]
        var scores = [Float](repeating: 0, count: count)
        var touched: [Int] = []
        for article in 0..<count {
            let top = stories.range(article).map { (stories.ids[$0], stories.weights[$0]) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(storyTerms)
            for (term, weight) in top {
                guard let list = postings[term] else { continue }
                for (other, otherWeight) in list where Int(other) != article {
                    if scores[Int(other)] == 0 { touched.append(Int(other)) }
                    scores[Int(other)] += weight * otherWeight
                }
            }
            touched.sort { (scores[$0], $1) > (scores[$1], $0) }
            let nearest = touched.prefix(neighbours).map { ($0, stories.cosine(article, $0)) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
            for (rank, (other, cosine)) in nearest.enumerated() {
                let key = Self.key(article, other)
                if var known = pairs[key] {
                    known.rank = min(known.rank, rank + 1)
                    pairs[key] = known
                } else {
                    pairs[key] = StoryPair(left: min(article, other), right: max(article, other), cosine: cosine, rank: rank + 1)
                }
            }
            for other in touched { scores[other] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        var sorted = pairs.values.sorted { ($0.left, $0.right) < ($1.left, $1.right) }
        // Stories: articles grouped by average linkage of their cosines.
        var linkage = AverageLinkage(count: count)
        for pair in sorted { linkage.scores[Self.key(pair.left, pair.right)] = pair.cosine }
        for pair in sorted.sorted(by: { ($0.cosine, $1.left, $1.right) > ($1.cosine, $0.left, $0.right) }) {
            guard pair.cosine >= storyThreshold else { break }
            let (a, b) = (linkage.root(pair.left), linkage.root(pair.right))
            if a != b, linkage.average(linkage.group(a), linkage.group(b)) >= storyThreshold { linkage.join(a, b) }
        }
        for index in sorted.indices { sorted[index].sameStory = linkage.root(sorted[index].left) == linkage.root(sorted[index].right) }
        return sorted
    }

    /// The features of a pair of events (see `LinkerModel.names`); nil when the two share nothing to
    /// show as the reason of a link (the kind, telling actors or an amount): such pairs are not compared.
    func vector(_ a: Int, _ b: Int, story: StoryPair, _ features: EventFeatures) -> LinkerModel.Features? {
        var x = LinkerModel.Features(repeating: 0)
        x[.bias] = 1
        if features.category[a] == features.category[b] {
            x[.sameKind] = 1
            x[.kindPrior] = features.categoryBase[Int(features.category[a])]
        }
        var actors = 0.0
        EventFeatures.shared(features.actors[a], features.actors[b]) { actors += features.actorWeight[Int($0)] }
        if actors > 0 {
            // How much the shared actors tell (rarer ones more), not what share of each side they are:
            // two events that name only Belarus share little in a library about Belarus.
            x[.sharedActors] = min(2, actors) / 2
        } else if !features.actors[a].isEmpty, !features.actors[b].isEmpty {
            x[.actorsDisagree] = 1
        }
        var figures = 0, amounts = 0
        EventFeatures.shared(features.figures[a], features.figures[b]) {
            figures += 1
            if features.figureHasUnit[Int($0)] { amounts += 1 }
        }
        x[.sharedAmount] = amounts > 0 ? 1 : 0
        x[.sharedCount] = figures > amounts ? 1 : 0
        // Both give figures, and none agrees (the 14th package and the 15th).
        if figures == 0, !features.figures[a].isEmpty, !features.figures[b].isEmpty { x[.figuresDisagree] = 1 }
        // Something to show as the reason, first: the cosines below are the costly part.
        guard x[.sameKind] == 1 || x[.sharedActors] >= 0.3 || x[.sharedAmount] == 1 else { return nil }
        if features.framing[a], features.framing[b] {
            x[.bothFraming] = 1
        } else if features.framing[a] || features.framing[b] {
            x[.oneFraming] = 1
        }
        x[.storyCosine] = story.cosine
        x[.sentenceCosine] = features.words.cosine(a, b)
        x[.sameKindTimesStory] = x[.sameKind] * x[.storyCosine]
        x[.sameKindTimesSentence] = x[.sameKind] * x[.sentenceCosine]
        x[.storyRank] = 1 / Double(story.rank)
        if story.sameStory {
            x[.oneStory] = 1
            x[.sameKindInOneStory] = x[.sameKind]
            x[.oneStoryTimesSentence] = x[.sentenceCosine]
        }
        x[.sameKindTimesActors] = x[.sameKind] * x[.sharedActors]
        // Three meetings in one article: the kind alone tells less.
        if x[.sameKind] == 1 {
            x[.sameKindSeveralInArticle] = min(1, log2(Double(max(features.kindInArticle[a], features.kindInArticle[b]))) / 2)
        }
        if let first = features.dates[a], let second = features.dates[b] {
            let precision = min(first[3], second[3])
            if first[0] != second[0] || (precision > 1 && first[1] != second[1]) || (precision > 2 && first[2] != second[2]) {
                x[.datesDisagree] = 1
            } else {
                x[precision >= 2 ? .sameDayOrMonth : .sameYearOnly] = 1
            }
        }
        if let first = features.articleDay[Int(features.article[a])], let second = features.articleDay[Int(features.article[b])] {
            let days = Double(first - second) / 10
            x[.articlesClose] = exp(-days * days)
            x[.articlesFarApart] = 1 - x[.articlesClose]
        }
        x[.severalSentences] = min(1, log2(1 + Double(min(features.mentions[a], features.mentions[b]))) / 3)
        return x
    }

    /// A pair's key, the same in either order.
    static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }

    /// What the same kind alone says: a country has one election or mutiny at a time, but many
    /// meetings and statements.
    static func base(_ category: String) -> Double {
        switch category {
        case "election", "mutiny", "annexation", "accession", "independence", "death", "verdict", "war": return 0.35
        case "loan", "support_pledge", "treaty", "deal", "appointment": return 0.25
        case "statement", "report", "relations", "policy", "crisis": return 0.05
        default: return 0.15
        }
    }

    /// -1: incompatible; 0: unknown; up to 0.3 for the same day.
    static func dateAgreement(_ a: SIMD4<Int32>?, _ b: SIMD4<Int32>?) -> Double {
        guard let a, let b else { return 0 }
        let precision = min(a[3], b[3])
        if a[0] != b[0] || (precision > 1 && a[1] != b[1]) || (precision > 2 && a[2] != b[2]) { return -1 }
        switch precision {
        case 3: return 0.3
        case 2: return 0.25
        default: return 0.1
        }
    }

    func dateAgreement(_ a: String?, _ b: String?) -> Double {
        Self.dateAgreement(a.flatMap(EventFeatures.parse), b.flatMap(EventFeatures.parse))
    }

    /// FNV-1a of a string, as 8 hex digits: the same on every run and machine.
    static func stableHash(_ text: String) -> String {
        let digits = String(FNV1a.hash32(text.utf8), radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// What two events share, most telling first: the kind, figures, actors, the date.
    func sharedReasons(_ a: LinkableEvent, _ b: LinkableEvent) -> [String] {
        var reasons: [String] = []
        if a.category == b.category, let kind = EventCategory(rawValue: a.category), !kind.isFraming { reasons.append(kind.title) }
        reasons += a.amounts.filter { b.amounts.contains($0) }.map { a.names[$0] ?? $0 }
        reasons += a.actors.filter { b.actors.contains($0) }.prefix(3).map { a.names[$0] ?? $0 }
        if let a = a.date, let b = b.date, dateAgreement(a, b) > 0 { reasons.append(a.count <= b.count ? a : b) }
        return reasons
    }

    /// Best link first; two clusters join when the average probability of their cross pairs (a pair
    /// never compared counts 0) reaches the threshold, they share no article and no pair of them was
    /// set apart. A confirmed pair joins first, whatever the average.
    func cluster(_ links: [Link], _ events: [LinkableEvent], apart: Set<UInt64> = []) -> [EventCluster] {
        var linkage = AverageLinkage(count: events.count)
        linkage.scores.reserveCapacity(links.count)
        for link in links {
            let key = Self.key(link.first, link.second)
            linkage.scores[key] = max(linkage.scores[key] ?? 0, min(1, link.score))
        }
        var articles: [Int: Set<String>] = [:]
        var manual: Set<Int> = []
        for link in links.sorted(by: { ($0.score, $1.first, $1.second) > ($1.score, $0.first, $0.second) }) {
            let confirmed = link.score >= 2
            guard confirmed || link.score >= model.threshold else { break }
            let (a, b) = (linkage.root(link.first), linkage.root(link.second))
            guard a != b else { continue }
            let (left, right) = (linkage.group(a), linkage.group(b))
            let leftArticles = articles[a] ?? [events[a].article], rightArticles = articles[b] ?? [events[b].article]
            guard leftArticles.isDisjoint(with: rightArticles),
                  apart.isEmpty || !left.contains(where: { x in right.contains { apart.contains(Self.key(x, $0)) } }),
                  confirmed || linkage.average(left, right) >= model.threshold else { continue }
            let joined = linkage.join(a, b)
            articles[a] = nil
            articles[b] = nil
            articles[joined] = leftArticles.union(rightArticles)
            if confirmed || manual.contains(a) || manual.contains(b) { manual.insert(joined) }
        }
        var used: [String: Int] = [:]
        return linkage.groups
            .map { $0.sorted { events[$0].reference < events[$1].reference } }
            .sorted { events[$0[0]].reference < events[$1[0]].reference }
            .map { group in
                var pairs: [(Double, Int, Int)] = []
                for (position, x) in group.enumerated() {
                    for y in group[(position + 1)...] { pairs.append((linkage.scores[Self.key(x, y)] ?? 0, x, y)) }
                }
                var reasons: [String] = []
                for (_, x, y) in pairs.sorted(by: { ($0.0, $1.1, $1.2) > ($1.0, $0.1, $0.2) }).prefix(3) {
                    for reason in sharedReasons(events[x], events[y]) where !reasons.contains(reason) { reasons.append(reason) }
                }
                let isManual = manual.contains(linkage.root(group[0]))
                let average = pairs.reduce(0) { $0 + $1.0 } / Double(max(1, pairs.count))
                let confidence = isManual ? 1 : (average * 100).rounded() / 100
                // Named after its first member, so the id stays when other articles join or leave.
                let first = events[group[0]]
                var id = "\(first.category)-\(Self.stableHash(first.article + "#" + first.id))"
                used[id, default: 0] += 1
                if used[id]! > 1 { id += "-\(used[id]!)" }
                return EventCluster(id: id, members: group.map { events[$0].reference }, reasons: Array(reasons.prefix(5)),
                                    confidence: confidence, isManual: isManual)
            }
    }
}
