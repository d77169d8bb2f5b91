import Foundation

/// The events' features as small integers, interned once, so that comparing two events allocates
/// nothing: sorted actor and figure ids, a category id, the date's precision and parts.
struct EventFeatures {
    var category: [Int32]
    /// Sorted, distinct ids per event.
    var actors = IdLists()
    var figures = IdLists()
    /// The date as year, month, day (0 when not given), or nil.
    var dates: [SIMD4<Int32>?]
    /// A library-wide order: by date (undated first), then position.
    var order: [Int32]
    var article: [Int32]
    /// Per actor id: how much sharing it tells (rarer actors more).
    var actorWeight: [Double]
    var categoryBase: [Double]
    /// Per figure id: true for an amount with a unit (`1500000000 USD`), false for a bare count.
    var figureHasUnit: [Bool]

    init(_ events: [LinkableEvent]) {
        var categories: [String: Int32] = [:]
        var actorIds: [String: Int32] = [:]
        var figureIds: [String: Int32] = [:]
        var articleIds: [String: Int32] = [:]
        var actorCounts: [Int] = []
        var categoryNames: [String] = []
        func intern(_ key: String, _ table: inout [String: Int32]) -> Int32 {
            if let id = table[key] { return id }
            let id = Int32(table.count)
            table[key] = id
            return id
        }
        category = []
        dates = []
        article = []
        for event in events {
            let categoryId = intern(event.category, &categories)
            if Int(categoryId) == categoryNames.count { categoryNames.append(event.category) }
            category.append(categoryId)
            let ids = Array(Set(event.actors.map { intern($0, &actorIds) })).sorted()
            while actorCounts.count < actorIds.count { actorCounts.append(0) }
            for id in ids { actorCounts[Int(id)] += 1 }
            actors.append(ids)
            figures.append(Array(Set(event.amounts.map { intern($0, &figureIds) })).sorted())
            dates.append(event.date.flatMap(Self.parse))
            article.append(intern(event.article, &articleIds))
        }
        var hasUnit = [Bool](repeating: false, count: figureIds.count)
        for (key, id) in figureIds { hasUnit[Int(id)] = key.contains(" ") }
        figureHasUnit = hasUnit
        let total = Double(events.count + 10)
        actorWeight = actorCounts.map { min(1, 0.35 + log(total / Double($0 + 1)) / log(total)) }
        categoryBase = categoryNames.map(EventLinker.base)
        let sorted = events.indices.sorted { (events[$0].date ?? "", $0) < (events[$1].date ?? "", $1) }
        var order = [Int32](repeating: 0, count: events.count)
        for (rank, index) in sorted.enumerated() { order[index] = Int32(rank) }
        self.order = order
    }

    /// `2020-09-14` → (2020, 9, 14, 3), `2020-09` → (2020, 9, 0, 2), `2020` → (2020, 0, 0, 1); the
    /// start of an interval (`2005/2009`) at year precision.
    static func parse(_ date: String) -> SIMD4<Int32>? {
        guard let start = date.split(separator: "/").first else { return nil }
        let parts = start.split(separator: "-").prefix(3).compactMap { Int32($0) }
        guard let year = parts.first else { return nil }
        let precision = date.contains("/") ? 1 : parts.count
        return SIMD4(year, precision > 1 ? parts[1] : 0, precision > 2 ? parts[2] : 0, Int32(precision))
    }

    /// Elements two sorted id lists share.
    static func shared(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, _ each: (Int32) -> Void) {
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex, j < b.endIndex {
            if a[i] == b[j] {
                each(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }
}

/// A list of id lists in one array (a library has hundreds of thousands of events: one allocation,
/// not one per event).
struct IdLists {
    private(set) var ids: [Int32] = []
    private var starts: [Int32] = [0]

    mutating func append(_ list: [Int32]) {
        ids += list
        starts.append(Int32(ids.count))
    }

    func range(_ index: Int) -> Range<Int> { Int(starts[index])..<Int(starts[index + 1]) }

    subscript(index: Int) -> ArraySlice<Int32> { ids[range(index)] }
}
