import GlossaCore

/// Groups the candidates of an article, in text order, into events: a sentence joins an earlier event of
/// its category when they share a figure, share actors, refer back with a definite noun phrase
/// (`das Treffen`, `seit der Wahl`), or name nothing of their own; never when their dates disagree.
/// Statements made where a meeting took place (`warnte … in Sotschi`) are mentions of that meeting.
struct EventGrouper {
    typealias Candidate = EventRecognizer.Candidate

    struct Group {
        var category: EventCategory
        var mentions: [TextSpan] = []
        var date: ArticleDate?
        var fallback: ArticleDate?
        var actors: [Int] = []
        var places: [Int] = []
        var amounts: [EventRecognizer.Amount] = []
        var lastOrdinal = 0
        /// `.first` or `.another` when its first sentence says which of several it is (`im ersten Wahlgang`).
        var sequence: EventWord.Marker = []
    }

    /// Within this many sentences of its last mention, one shared actor is enough to continue an event.
    static let nearby = 6
    /// A statement this close to a meeting's last mention reports what was said there.
    static let adjacent = 2

    let reference: ArticleDate?
    private(set) var groups: [Group] = []

    init(reference: ArticleDate?) {
        self.reference = reference
    }

    mutating func add(_ candidate: Candidate) {
        if candidate.category.isFraming, let meeting = groups.lastIndex(where: {
            $0.category == .meeting && (candidate.ordinal - $0.lastOrdinal <= Self.adjacent
                || isNear($0, candidate) && candidate.places.contains(where: $0.places.contains))
        }) {
            join(meeting, candidate, identifying: false)
            return
        }
        if candidate.frameOnly { return }
        if let index = target(for: candidate) {
            join(index, candidate)
        } else {
            var group = Group(category: candidate.category)
            group.fallback = fallback(candidate.markers)
            group.sequence = candidate.sequence
            groups.append(group)
            join(groups.count - 1, candidate)
        }
    }

    /// The earlier event this candidate is a mention of, if any.
    func target(for candidate: Candidate) -> Int? {
        let sequence = candidate.sequence
        let same = groups.indices.reversed().lazy.filter {
            groups[$0].category == candidate.category && compatible(groups[$0].date, candidate.date)
                // The first ballot and the second are two events.
                && (sequence.isEmpty || groups[$0].sequence.isEmpty || sequence == groups[$0].sequence)
        }
        if let index = same.first(where: { index in candidate.amounts.contains { amount in groups[index].amounts.contains { $0.key == amount.key } } }) {
            return index
        }
        if candidate.another { return nil }
        let actors = candidate.actors
        if !actors.isEmpty, let index = same.first(where: { index in
            let needed = isNear(groups[index], candidate) ? 1 : min(2, actors.count, groups[index].actors.count)
            return needed > 0 && actors.reduce(0) { $0 + (groups[index].actors.contains($1) ? 1 : 0) } >= needed
        }) {
            return index
        }
        if candidate.definite, let index = same.first(where: { index in
            actors.isEmpty || isNear(groups[index], candidate) || actors.contains(where: groups[index].actors.contains)
        }) {
            return index
        }
        if actors.isEmpty, candidate.amounts.isEmpty, candidate.date == nil, !candidate.category.isFraming { return same.first }
        return nil
    }

    func isNear(_ group: Group, _ candidate: Candidate) -> Bool {
        candidate.ordinal - group.lastOrdinal <= Self.nearby
    }

    /// Adds a mention; a framing sentence (`warnte … in Sotschi`) does not widen what identifies the event.
    mutating func join(_ index: Int, _ candidate: Candidate, identifying: Bool = true) {
        if groups[index].mentions.last != candidate.sentence { groups[index].mentions.append(candidate.sentence) }
        groups[index].lastOrdinal = candidate.ordinal
        guard identifying else { return }
        if groups[index].date == nil { groups[index].date = candidate.date }
        for actor in candidate.actors where !groups[index].actors.contains(actor) { groups[index].actors.append(actor) }
        for place in candidate.places where !groups[index].places.contains(place) { groups[index].places.append(place) }
        for amount in candidate.amounts where !groups[index].amounts.contains(amount) { groups[index].amounts.append(amount) }
    }

    /// Dates agree when either is unknown or one contains the other (`2020-08` and `2020-08-09`).
    func compatible(_ left: ArticleDate?, _ right: ArticleDate?) -> Bool {
        guard let left, let right else { return true }
        func agree(_ a: Int?, _ b: Int?) -> Bool { a == nil || b == nil || a == b }
        return left.year == right.year && agree(left.month, right.month)
            && (agree(left.day, right.day) || left.month == nil || right.month == nil)
    }

    /// The date of an event the text does not date: the article's month for what it reports as news,
    /// its year for what had happened before (`hatte … zugesagt`), none for the distant past or plans.
    func fallback(_ markers: EventWord.Marker) -> ArticleDate? {
        guard let reference, markers.isDisjoint(with: [.distantPast, .future]) else { return nil }
        if markers.contains(.pluperfect) { return ArticleDate(year: reference.year) }
        return ArticleDate(year: reference.year, month: reference.month)
    }

    /// The finished events: ids by category and ordinal, actors by frequency, labels.
    func events(actors: EventActors) -> [Event] {
        var ordinals = [Int](repeating: 0, count: EventCategory.ordered.count)
        return groups.map { group in
            let category = group.category.index
            ordinals[category] += 1
            // Named mentions count; names inside compounds (`US` in `US-Dollar`) only where there is nothing else.
            var named: [(number: Int, count: Int)] = [], parts: [(number: Int, count: Int)] = []
            for sentence in group.mentions {
                for mention in actors.range(in: sentence) {
                    let number = actors.numbers[mention]
                    guard number >= 0 else { continue }
                    if actors.mentions[mention].part {
                        if let index = parts.firstIndex(where: { $0.number == number }) { parts[index].count += 1 } else { parts.append((number, 1)) }
                    } else {
                        if let index = named.firstIndex(where: { $0.number == number }) { named[index].count += 1 } else { named.append((number, 1)) }
                    }
                }
            }
            // Mentions (indices), most frequent first, ties in order of appearance.
            let chosen = (named.isEmpty ? parts : named).enumerated()
                .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
                .map { actors.first[$0.element.number] }
            let date = (group.date ?? group.fallback)?.iso
            var label = group.category.title
            let shown = chosen.enumerated()
                .sorted { (actors.mentions[$0.element].type, $0.offset) < (actors.mentions[$1.element].type, $1.offset) }.prefix(3)
            for (position, entry) in shown.enumerated() {
                let mention = actors.mentions[entry.element]
                label += position == 0 ? " · " : ", "
                if mention.type == .person { label += Self.surname(mention.name) } else { label += mention.name }
            }
            if let amount = group.amounts.first { label += " · " + amount.text } else if let date { label += " · " + date }
            return Event(id: group.category.rawValue + "-" + String(ordinals[category]), category: group.category,
                         mentions: group.mentions, date: date, actors: chosen.map { actors.mentions[$0].actor },
                         amounts: group.amounts.map(\.key), label: label,
                         sequence: group.sequence == .first ? 1 : group.sequence == .another ? 2 : 0)
        }
    }

    /// `Alexander Lukaschenko` → `Lukaschenko`.
    static func surname(_ name: String) -> Substring {
        guard let space = name.lastIndex(of: " ") else { return Substring(name) }
        return name[name.index(after: space)...]
    }
}
