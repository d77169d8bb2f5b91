/// Greedy average-linkage clustering: edges are taken best first, and two groups join only when the
/// average score over all their cross pairs (a pair without an edge counts 0) reaches the threshold.
/// Unlike joining on single edges, one strong edge cannot chain two unrelated groups.
struct AverageLinkage {
    /// Scores of the pairs that have one, by `EventLinker.key`.
    var scores: [UInt64: Double] = [:]
    private(set) var parent: [Int]
    private(set) var members: [Int: [Int]] = [:]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func root(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    func group(_ root: Int) -> [Int] { members[root] ?? [root] }

    /// The average score of the cross pairs of two groups; for large groups over a fixed sample of
    /// 32 members a side (every cross pair would cost their product).
    func average(_ left: [Int], _ right: [Int]) -> Double {
        let (a, b) = (Self.sample(left), Self.sample(right))
        var sum = 0.0
        for x in a {
            for y in b { sum += scores[EventLinker.key(x, y)] ?? 0 }
        }
        return sum / Double(a.count * b.count)
    }

    /// Joins the groups of two nodes (the larger absorbs the smaller); returns the new root.
    @discardableResult
    mutating func join(_ first: Int, _ second: Int) -> Int {
        var (a, b) = (root(first), root(second))
        guard a != b else { return a }
        if group(a).count < group(b).count { swap(&a, &b) }
        parent[b] = a
        members[a] = group(a) + group(b)
        members[b] = nil
        return a
    }

    /// The groups of more than one node, each sorted, in order of their first node.
    var groups: [[Int]] {
        members.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Up to 32 members, evenly spread.
    static func sample(_ members: [Int]) -> [Int] {
        guard members.count > 32 else { return members }
        return (0..<32).map { members[$0 * members.count / 32] }
    }
}
