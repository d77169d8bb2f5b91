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
    /// Links kept per event (its strongest).
    public var linksPerEvent = 8

    public init() {}

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
        var apart: [(Int, Int)] = []
        for decision in decisions {
            guard let first = index[decision.first], let second = index[decision.second] else { continue }
            if decision.kind == .confirmed {
                links.append(Link(first: min(first, second), second: max(first, second), score: 2))
            } else {
                apart.append((first, second))
            }
        }
        return cluster(links, events, apart: apart)
    }

    /// Every pair that shares an index key, within the window, and scores above the threshold.
    public func links(_ events: [LinkableEvent]) -> [Link] {
        var comparisons = 0
        return links(events, comparisons: &comparisons)
    }

    /// `links(_:)`, counting the pairs it scored.
    func links(_ events: [LinkableEvent], comparisons: inout Int) -> [Link] {
        let features = EventFeatures(events)
        // Each event's keys as bucket numbers (flat: one list for all events).
        var bucketOf: [String: Int32] = [:]
        var eventKeys = IdLists()
        for event in events {
            eventKeys.append(keys(event).map { key in
                if let known = bucketOf[key] { return known }
                let bucket = Int32(bucketOf.count)
                bucketOf[key] = bucket
                return bucket
            })
        }
        // Buckets of event indices per key, in the library-wide date order, and each key's position
        // in its bucket (parallel to the flat keys).
        var buckets = [[Int32]](repeating: [], count: bucketOf.count)
        bucketOf = [:]
        var positions = [Int32](repeating: 0, count: eventKeys.ids.count)
        for index in events.indices.sorted(by: { features.order[$0] < features.order[$1] }) {
            for slot in eventKeys.range(index) {
                let bucket = Int(eventKeys.ids[slot])
                positions[slot] = Int32(buckets[bucket].count)
                buckets[bucket].append(Int32(index))
            }
        }
        var stamp = [Int32](repeating: -1, count: events.count)
        var result: [Link] = []
        var best: [Link] = []
        for first in events.indices {
            best.removeAll(keepingCapacity: true)
            for slot in eventKeys.range(first) {
                let members = buckets[Int(eventKeys.ids[slot])]
                let position = Int(positions[slot])
                for slot in (position + 1)..<min(members.count, position + 1 + window) {
                    let second = Int(members[slot])
                    guard stamp[second] != Int32(first), features.article[first] != features.article[second] else { continue }
                    stamp[second] = Int32(first)
                    comparisons += 1
                    let score = self.score(first, second, features)
                    if score >= threshold { best.append(Link(first: min(first, second), second: max(first, second), score: score)) }
                }
            }
            // The strongest few links of each event are enough to join its cluster, and keep the
            // clustering near-linear when many articles report the same event.
            if best.count > linksPerEvent {
                best.sort { ($0.score, $1.first, $1.second) > ($1.score, $0.first, $0.second) }
                best.removeLast(best.count - linksPerEvent)
            }
            result += best
        }
        return result
    }

    /// Index keys: the kind with each figure, and the kind with each of its first actors and the year.
    func keys(_ event: LinkableEvent) -> [String] {
        let year = event.date.map { String($0.prefix(4)) } ?? "-"
        return event.amounts.map { "\(event.category)|#\($0)" } + event.actors.prefix(4).map { "\(event.category)|\($0)|\(year)" }
    }

    /// 0 when the kinds or dates disagree; else shared figures, actors and the dates add up.
    func score(_ a: Int, _ b: Int, _ features: EventFeatures) -> Double {
        guard features.category[a] == features.category[b] else { return 0 }
        let dates = Self.dateAgreement(features.dates[a], features.dates[b])
        guard dates >= 0 else { return 0 }
        var figures = 0
        var amounts = 0
        EventFeatures.shared(features.figures[a], features.figures[b]) {
            figures += 1
            if features.figureHasUnit[Int($0)] { amounts += 1 }
        }
        var actors = 0.0
        EventFeatures.shared(features.actors[a], features.actors[b]) { actors += 0.25 * features.actorWeight[Int($0)] }
        // A shared count alone (3 in two protests) is no evidence without an actor or a date; a shared
        // amount of money (1,5 Milliarden Dollar in two loans) is.
        if actors == 0, dates <= 0, amounts == 0 { return 0 }
        return features.categoryBase[Int(features.category[a])] + min(0.6, 0.45 * Double(figures)) + min(0.5, actors) + dates
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
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    func sharedReasons(_ a: LinkableEvent, _ b: LinkableEvent) -> [String] {
        var reasons = a.amounts.filter { b.amounts.contains($0) }.map { a.names[$0] ?? $0 }
        reasons += a.actors.filter { b.actors.contains($0) }.map { a.names[$0] ?? $0 }
        if let a = a.date, let b = b.date, dateAgreement(a, b) > 0 { reasons.append(a.count <= b.count ? a : b) }
        return reasons
    }

    /// Greedy union, best link first, never two events of one article in a cluster.
    func cluster(_ links: [Link], _ events: [LinkableEvent], apart: [(Int, Int)] = []) -> [EventCluster] {
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
            let separated = apart.contains { pair in
                let (x, y) = (root(pair.0), root(pair.1))
                return (x == a && y == b) || (x == b && y == a)
            }
            guard !separated, left.isDisjoint(with: right) else {
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
            for edge in edges.sorted(by: { $0.score > $1.score }).prefix(3) {
                for reason in sharedReasons(events[edge.first], events[edge.second]) where !reasons.contains(reason) { reasons.append(reason) }
            }
            let manual = edges.contains { $0.score >= 2 }
            let confidence = manual ? 1 : (edges.map { min(1, $0.score) }.reduce(0, +) / Double(edges.count) * 100).rounded() / 100
            // Named after its first member, so the id stays when other articles join or leave.
            let first = events[members[0]]
            var id = "\(first.category)-\(Self.stableHash(first.article + "#" + first.id))"
            used[id, default: 0] += 1
            if used[id]! > 1 { id += "-\(used[id]!)" }
            return EventCluster(id: id, members: members.map { events[$0].reference }, reasons: reasons, confidence: confidence, isManual: manual)
        }
    }
}
