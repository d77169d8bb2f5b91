import Foundation

/// Finds the events of different articles that are the same real-world event.
///
/// It never compares every event with every other: events are indexed under keys (kind and figure;
/// kind, actor and year), and only events that share a key are compared, each with at most
/// `window` neighbours in date order per key. A pair is scored on shared figures, actors (rarer
/// actors count more), kind and dates; pairs above `threshold` are joined greedily, best first,
/// into clusters with at most one event per article.
public struct EventLinker: Sendable {
    public var threshold = 0.6
    public var window = 40

    public init() {}

    /// Scored pairs, before clustering.
    public struct Link: Equatable, Sendable {
        public var first: Int
        public var second: Int
        public var score: Double
        /// The shared figures, actors and date, as reasons to show.
        public var shared: [String]
        public var sharedActors: [String]
    }

    public func clusters(_ events: [LinkableEvent], decisions: [LinkDecision] = []) -> [EventCluster] {
        var links = self.links(events)
        let index = Dictionary(events.enumerated().map { ($1.reference, $0) }, uniquingKeysWith: { first, _ in first })
        let removed = Set(decisions.filter { $0.kind == .removed }.map { [$0.first, $0.second] })
        links.removeAll { removed.contains([min(events[$0.first].reference, events[$0.second].reference), max(events[$0.first].reference, events[$0.second].reference)]) }
        for decision in decisions where decision.kind == .confirmed {
            guard let first = index[decision.first], let second = index[decision.second] else { continue }
            links.append(Link(first: first, second: second, score: 2, shared: sharedReasons(events[first], events[second]),
                              sharedActors: events[first].actors.filter { events[second].actors.contains($0) }))
        }
        return cluster(links, events)
    }

    /// Every pair that shares an index key and scores above the threshold.
    public func links(_ events: [LinkableEvent]) -> [Link] {
        let weights = actorWeights(events)
        var buckets: [String: [Int]] = [:]
        for (position, event) in events.enumerated() {
            for key in keys(event) { buckets[key, default: []].append(position) }
        }
        var seen = Set<UInt64>()
        var result: [Link] = []
        for key in buckets.keys.sorted() {
            let members = buckets[key]!.sorted { (events[$0].date ?? "", $0) < (events[$1].date ?? "", $1) }
            for (offset, first) in members.enumerated() {
                for second in members[(offset + 1)..<min(members.count, offset + 1 + window)] {
                    guard events[first].article != events[second].article else { continue }
                    let pair = UInt64(min(first, second)) << 32 | UInt64(max(first, second))
                    guard seen.insert(pair).inserted else { continue }
                    let score = self.score(events[first], events[second], weights)
                    if score >= threshold {
                        result.append(Link(first: min(first, second), second: max(first, second), score: score,
                                           shared: sharedReasons(events[first], events[second]),
                                           sharedActors: events[first].actors.filter { events[second].actors.contains($0) }))
                    }
                }
            }
        }
        return result
    }

    /// Index keys: the kind with each figure, and the kind with each actor and the year.
    func keys(_ event: LinkableEvent) -> [String] {
        let year = event.date.map { String($0.prefix(4)) } ?? "-"
        return event.amounts.map { "\(event.category)|#\($0)" } + event.actors.map { "\(event.category)|\($0)|\(year)" }
    }

    /// How much an actor tells: 0.35 for one that every event names, up to 1 for a rare one
    /// (a smoothed inverse document frequency, so that small libraries are not over-penalised).
    func actorWeights(_ events: [LinkableEvent]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for event in events { for actor in Set(event.actors) { counts[actor, default: 0] += 1 } }
        let total = Double(events.count + 10)
        return counts.mapValues { min(1, 0.35 + log(total / Double($0 + 1)) / log(total)) }
    }

    /// 0 when the kinds or dates disagree; else shared figures, actors and the dates add up.
    func score(_ a: LinkableEvent, _ b: LinkableEvent, _ weights: [String: Double]) -> Double {
        guard a.category == b.category else { return 0 }
        let dates = dateAgreement(a.date, b.date)
        guard dates >= 0 else { return 0 }
        let figures = Set(a.amounts).intersection(b.amounts).count
        let shared = Set(a.actors).intersection(b.actors)
        let actors = shared.reduce(0.0) { $0 + 0.25 * (weights[$1] ?? 1) }
        return Self.base(a.category) + min(0.6, 0.45 * Double(figures)) + min(0.5, actors) + dates
    }

    /// What the same kind alone says: a country has one election or mutiny at a time, but many
    /// meetings and statements.
    static func base(_ category: String) -> Double {
        switch category {
        case "election", "mutiny", "annexation", "accession", "independence": return 0.35
        case "loan", "support_pledge", "treaty", "deal", "appointment": return 0.25
        case "statement", "report", "relations", "policy", "crisis": return 0.05
        default: return 0.15
        }
    }

    /// -1: incompatible; 0: unknown; up to 0.3 for the same day.
    func dateAgreement(_ a: String?, _ b: String?) -> Double {
        guard let a, let b else { return 0 }
        let common = zip(a, b).prefix { $0 == $1 }.count
        guard common == min(a.count, b.count) else { return -1 }
        switch min(a.count, b.count) {
        case 10...: return 0.3
        case 7...: return 0.25
        default: return 0.1
        }
    }

    func sharedReasons(_ a: LinkableEvent, _ b: LinkableEvent) -> [String] {
        var reasons = a.amounts.filter { b.amounts.contains($0) }.map { a.names[$0] ?? $0 }
        reasons += a.actors.filter { b.actors.contains($0) }.map { a.names[$0] ?? $0 }
        if let a = a.date, let b = b.date, dateAgreement(a, b) > 0 { reasons.append(a.count <= b.count ? a : b) }
        return reasons
    }

    /// Greedy union, best link first, never two events of one article in a cluster.
    func cluster(_ links: [Link], _ events: [LinkableEvent]) -> [EventCluster] {
        var parent = Array(events.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node { parent[node] = parent[parent[node]]; node = parent[node] }
            return node
        }
        var articles: [Int: Set<String>] = [:]
        var accepted: [Int: [Link]] = [:]
        for link in links.sorted(by: { ($0.score, $1.first, $1.second) > ($1.score, $0.first, $0.second) }) {
            var (a, b) = (root(link.first), root(link.second))
            guard a != b else { accepted[a, default: []].append(link); continue }
            var left = articles.removeValue(forKey: a) ?? [events[a].article]
            var right = articles.removeValue(forKey: b) ?? [events[b].article]
            guard left.isDisjoint(with: right) else {
                (articles[a], articles[b]) = (left, right)
                continue
            }
            // The larger cluster absorbs the smaller: merging stays near-linear.
            if left.count < right.count {
                swap(&a, &b)
                swap(&left, &right)
            }
            parent[b] = a
            left.formUnion(right)
            articles[a] = left
            accepted[a, default: []] += (accepted.removeValue(forKey: b) ?? []) + [link]
        }
        var groups: [Int: [Int]] = [:]
        for index in events.indices where accepted[root(index)] != nil { groups[root(index), default: []].append(index) }
        var used: [String: Int] = [:]
        return groups.keys.sorted { events[groups[$0]!.min()!].reference < events[groups[$1]!.min()!].reference }.compactMap { key in
            let members = groups[key]!.sorted { events[$0].reference < events[$1].reference }
            guard members.count > 1, let edges = accepted[key] else { return nil }
            var reasons: [String] = []
            for reason in edges.flatMap(\.shared) where !reasons.contains(reason) { reasons.append(reason) }
            let manual = edges.contains { $0.score >= 2 }
            let confidence = manual ? 1 : (edges.map { min(1, $0.score) }.reduce(0, +) / Double(edges.count) * 100).rounded() / 100
            let first = events[members[0]]
            let date = members.compactMap { events[$0].date }.max { $0.count < $1.count } ?? "undated"
            let actor = edges.flatMap(\.sharedActors).first ?? first.actors.first
            var id = [first.category, date, actor].compactMap { $0 }.joined(separator: "-")
            used[id, default: 0] += 1
            if used[id]! > 1 { id += "-\(used[id]!)" }
            return EventCluster(id: id, members: members.map { events[$0].reference }, reasons: reasons, confidence: confidence, isManual: manual)
        }
    }
}
