import Extraction
import Foundation

/// The events of a library as small integers and weighted term vectors, interned once, so that
/// comparing two events allocates nothing.
struct EventFeatures {
    var category: [Int32]
    var framing: [Bool]
    /// Sorted, distinct ids per event.
    var actors = IdLists()
    var figures = IdLists()
    /// The date as year, month, day, precision (0 when not given), or nil.
    var dates: [SIMD4<Int32>?]
    var article: [Int32]
    var mentions: [Int32]
    var sequence: [Int8]
    /// How many events of its kind its article has.
    var kindInArticle: [Int32]
    /// Per actor id: how much sharing it tells, 0...1 (rarer actors more).
    var actorWeight: [Double]
    var categoryBase: [Double]
    /// Per figure id: true for an amount with a unit (`1500000000 USD`), false for a bare count.
    var figureHasUnit: [Bool]
    /// The stems of each event's sentences as a TF-IDF vector of unit length.
    var words = WeightedLists()
    /// Per article: its words as a TF-IDF vector of unit length, its day number (nil if undated),
    /// and its events.
    var stories = WeightedLists()
    var articleDay: [Int32?]
    var eventsOfArticle: [[Int32]]
    /// How many articles use each term (document frequency), by term id.
    var termArticles: [Int32]

    init(_ events: [LinkableEvent]) {
        var categories: [String: Int32] = [:]
        var actorIds: [String: Int32] = [:]
        var figureIds: [String: Int32] = [:]
        var articleIds: [String: Int32] = [:]
        // Terms are hashes already: a `HashIndex`, not a `Dictionary` (which would hash them again).
        var terms = HashIndex(capacity: 4096)
        var actorCounts: [Int] = []
        var categoryNames: [String] = []
        func intern<Key: Hashable>(_ key: Key, _ table: inout [Key: Int32]) -> Int32 {
            if let id = table[key] { return id }
            let id = Int32(table.count)
            table[key] = id
            return id
        }
        func term(_ key: UInt32) -> Int32 {
            if let id = terms.find(UInt64(key)) { return id }
            let id = Int32(terms.count)
            terms.insert(UInt64(key), id)
            return id
        }
        // Everything empty first, so that the helpers below may read what is filled in.
        kindInArticle = []
        actorWeight = []
        categoryBase = []
        figureHasUnit = []
        termArticles = []
        category = []
        framing = []
        dates = []
        article = []
        mentions = []
        sequence = []
        articleDay = []
        eventsOfArticle = []
        var firstOfArticle: [Int] = []
        for (index, event) in events.enumerated() {
            let categoryId = intern(event.category, &categories)
            if Int(categoryId) == categoryNames.count { categoryNames.append(event.category) }
            category.append(categoryId)
            framing.append(event.category == "statement" || event.category == "report")
            let ids = Array(Set(event.actors.map { intern($0, &actorIds) })).sorted()
            while actorCounts.count < actorIds.count { actorCounts.append(0) }
            for id in ids { actorCounts[Int(id)] += 1 }
            actors.append(ids)
            figures.append(Array(Set(event.amounts.map { intern($0, &figureIds) })).sorted())
            dates.append(event.date.flatMap(Self.parse))
            mentions.append(Int32(event.mentions))
            sequence.append(Int8(event.sequence))
            let articleId = intern(event.article, &articleIds)
            article.append(articleId)
            if Int(articleId) == firstOfArticle.count {
                firstOfArticle.append(index)
                articleDay.append(event.articleDate.flatMap(Self.parse).flatMap(Self.day))
                eventsOfArticle.append([])
            }
            eventsOfArticle[Int(articleId)].append(Int32(index))
        }
        var hasUnit = [Bool](repeating: false, count: figureIds.count)
        for (key, id) in figureIds { hasUnit[Int(id)] = key.contains(" ") }
        figureHasUnit = hasUnit
        let total = Double(events.count + 10)
        actorWeight = actorCounts.map { min(1, 0.35 + log(total / Double($0 + 1)) / log(total)) }
        categoryBase = categoryNames.map(EventLinker.base)
        kindInArticle = [Int32](repeating: 0, count: events.count)
        for members in eventsOfArticle {
            for event in members {
                kindInArticle[Int(event)] = Int32(members.filter { category[Int($0)] == category[Int(event)] }.count)
            }
        }

        // Terms, in two passes over the events' own lists (a library has millions of terms: they are
        // not copied). First the vocabulary; then how many articles use each term; then the vectors.
        for event in events {
            for word in event.words where word & LinkTerms.headTag == 0 { _ = term(word) }
        }
        for first in firstOfArticle {
            for word in events[first].context { _ = term(word) }
        }
        // An article's terms: its words, who and which amounts its events name (as in news story
        // clustering: entities beside words; a bare count tells nothing about the story).
        func story(_ articleId: Int, _ each: (Int32) -> Void) {
            for word in events[firstOfArticle[articleId]].context { each(terms.find(UInt64(word))!) }
            for event in eventsOfArticle[articleId] {
                for actor in events[Int(event)].actors { each(term(Self.entityKey("@", actor))) }
                for amount in events[Int(event)].amounts where amount.contains(" ") { each(term(Self.entityKey("#", amount))) }
            }
        }
        // An event's terms: its words, and a compound's head where the library uses the head alone
        // (`Gipfeltreffen` also counts as `Treffen`).
        func eventTerms(_ event: Int, _ each: (Int32) -> Void) {
            var pending = false
            for word in events[event].words {
                if word & LinkTerms.headTag == 0 {
                    each(terms.find(UInt64(word))!)
                    pending = true
                } else if pending, let head = terms.find(UInt64(word & ~LinkTerms.headTag)) {
                    each(head)
                    pending = false
                }
            }
        }
        var frequency: [Int32] = []
        var seen: [Int32] = []
        func count(_ term: Int32, in articleId: Int) {
            while frequency.count <= Int(term) {
                frequency.append(0)
                seen.append(-1)
            }
            guard seen[Int(term)] != Int32(articleId) else { return }
            seen[Int(term)] = Int32(articleId)
            frequency[Int(term)] += 1
        }
        var contextEntries = 0, wordEntries = 0
        for articleId in firstOfArticle.indices {
            story(articleId) { contextEntries += 1; count($0, in: articleId) }
            for event in eventsOfArticle[articleId] { eventTerms(Int(event)) { wordEntries += 1; count($0, in: articleId) } }
        }
        while frequency.count < terms.count { frequency.append(0) }
        termArticles = frequency
        let articles = Double(firstOfArticle.count)
        let idf = frequency.map { log(1 + articles / Double(max(1, $0))) }
        stories.reserve(vectors: firstOfArticle.count, entries: contextEntries)
        self.words.reserve(vectors: events.count, entries: wordEntries)
        var list: [Int32] = []
        for articleId in firstOfArticle.indices {
            list.removeAll(keepingCapacity: true)
            story(articleId) { list.append($0) }
            stories.append(Self.vector(list, idf))
        }
        for event in events.indices {
            list.removeAll(keepingCapacity: true)
            eventTerms(event) { list.append($0) }
            self.words.append(Self.vector(list, idf))
        }
    }

    /// The key of an actor id or an amount among the terms (a hash that no stem has: `@` and `#` are no letters).
    static func entityKey(_ prefix: String, _ text: String) -> UInt32 {
        LinkTerms.hash(Array((prefix + text).utf8)[...]) & ~LinkTerms.headTag
    }

    /// Term ids (repeats counted) → sorted ids with weights (1 + ln tf) · idf, of unit length.
    static func vector(_ terms: [Int32], _ idf: [Double]) -> [(Int32, Float)] {
        guard !terms.isEmpty else { return [] }
        let sorted = terms.sorted()
        var result: [(Int32, Float)] = []
        var start = 0
        var norm = 0.0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end] == sorted[start] { end += 1 }
            let weight = (1 + log(Double(end - start))) * idf[Int(sorted[start])]
            result.append((sorted[start], Float(weight)))
            norm += weight * weight
            start = end
        }
        let scale = Float(1 / max(1e-9, norm.squareRoot()))
        return result.map { ($0.0, $0.1 * scale) }
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

    /// A day number (days since year 0, months of 31 days: enough to measure a few weeks) of a date
    /// with a month; the middle of the month when no day is given.
    static func day(_ date: SIMD4<Int32>) -> Int32? {
        guard date[3] >= 2 else { return nil }
        return date[0] * 372 + (date[1] - 1) * 31 + (date[3] >= 3 ? date[2] - 1 : 15)
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

/// Sparse vectors (sorted term ids with weights) in two arrays.
struct WeightedLists {
    private(set) var ids: [Int32] = []
    private(set) var weights: [Float] = []
    private var starts: [Int32] = [0]

    var count: Int { starts.count - 1 }

    /// Room for this many vectors and entries at most (no doubling on the way).
    mutating func reserve(vectors: Int, entries: Int) {
        ids.reserveCapacity(entries)
        weights.reserveCapacity(entries)
        starts.reserveCapacity(vectors + 1)
    }

    mutating func append(_ vector: [(Int32, Float)]) {
        for (id, weight) in vector {
            ids.append(id)
            weights.append(weight)
        }
        starts.append(Int32(ids.count))
    }

    func range(_ index: Int) -> Range<Int> { Int(starts[index])..<Int(starts[index + 1]) }

    /// The dot product of two vectors (their cosine: both have unit length).
    func cosine(_ a: Int, _ b: Int) -> Double {
        var i = Int(starts[a]), j = Int(starts[b])
        let endA = Int(starts[a + 1]), endB = Int(starts[b + 1])
        var sum: Float = 0
        while i < endA, j < endB {
            let x = ids[i], y = ids[j]
            if x == y {
                sum += weights[i] * weights[j]
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(sum)
    }
}
