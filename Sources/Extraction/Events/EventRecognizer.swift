import GlossaCore

/// Finds the events an article reports: trigger words per sentence (`EventTriggerFinder`), their dates
/// (`EventDateFinder`), figures and actors, then groups the sentences that report the same event.
/// Scans sentences once with hash lookups; only sentences with a trigger cost more.
struct EventRecognizer {
    /// An identifying figure: a normalised key (`1500000000 USD`) and the text as written.
    struct Amount: Equatable {
        var key: String
        var text: String
    }

    /// What one sentence says about one category.
    struct Candidate {
        var sentence: TextSpan
        /// The sentence's index in the text.
        var ordinal: Int
        var category: EventCategory
        var offsets: [Int]
        var definite = false
        var another = false
        /// Only framing verbs such as `sagte`: a mention of a meeting just reported, or nothing.
        var frameOnly = false
        var markers: EventWord.Marker = []
        /// `.first` or `.another` when a clause of a trigger says which of several it is (`im ersten Wahlgang`).
        var sequence: EventWord.Marker = []
        var date: ArticleDate?
        var dateIsExplicit = false
        var amounts: [Amount] = []
        /// Numbers of `EventActors`: the sentence's actors, and those that are places.
        var actors: [Int] = []
        var places: [Int] = []
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let reference: ArticleDate?

    /// The events of a text, in the order of their first mention.
    func recognize(sentences: [TextSpan], numbers: [NumberMention], actors mentions: [ActorMention]) -> [Event] {
        var actors = EventActors(mentions)
        var finder = EventTriggerFinder(scalars: scalars, tokens: tokens)
        finder.classify(0..<tokens.count)
        let relative = RelativeDateRecognizer(recognizer: NumberRecognizer(scalars: scalars, tokens: tokens, reference: reference))
        let dates = EventDateFinder(scalars: scalars, tokens: tokens, reference: reference, numbers: numbers, relative: relative)
        var grouper = EventGrouper(reference: reference)
        var cursor = 0
        for (ordinal, sentence) in sentences.enumerated() {
            while cursor < tokens.count, tokens[cursor].end <= sentence.start { cursor += 1 }
            var end = cursor
            while end < tokens.count, tokens[end].start < sentence.end { end += 1 }
            let triggers = finder.triggers(in: cursor..<end)
            if !triggers.isEmpty {
                let found = dates.dates(in: sentence, tokens: cursor..<end, words: finder)
                for candidate in candidates(triggers, sentence: sentence, ordinal: ordinal, dates: found, numbers: numbers, actors: &actors) {
                    grouper.add(candidate)
                }
            }
            cursor = end
        }
        return grouper.events(actors: actors)
    }

    /// One candidate per category of the sentence; each date and figure goes to the nearest trigger.
    func candidates(_ triggers: [EventTrigger], sentence: TextSpan, ordinal: Int, dates: [EventDateFinder.Found],
                    numbers: [NumberMention], actors: inout EventActors) -> [Candidate] {
        var result: [Candidate] = []
        for trigger in triggers {
            let offset = tokens[trigger.token].start
            if let index = result.firstIndex(where: { $0.category == trigger.category }) {
                result[index].offsets.append(offset)
                result[index].definite = result[index].definite || trigger.definite
                result[index].another = result[index].another || trigger.another
                result[index].frameOnly = result[index].frameOnly && trigger.frameOnly
                result[index].sequence.formUnion(trigger.clauseMarkers.intersection([.first, .another]))
            } else {
                result.append(Candidate(sentence: sentence, ordinal: ordinal, category: trigger.category, offsets: [offset],
                                        definite: trigger.definite, another: trigger.another, frameOnly: trigger.frameOnly,
                                        markers: trigger.clauseMarkers, sequence: trigger.clauseMarkers.intersection([.first, .another])))
            }
        }
        func nearest(_ offset: Int) -> Int {
            var best = 0, distance = Int.max
            for (index, candidate) in result.enumerated() {
                for start in candidate.offsets where abs(start - offset) < distance {
                    distance = abs(start - offset)
                    best = index
                }
            }
            return best
        }
        var bestDistance = [Int](repeating: Int.max, count: result.count)
        for found in dates {
            let index = nearest(found.offset)
            let distance = result[index].offsets.map { abs($0 - found.offset) }.min() ?? Int.max
            // Explicit dates win over relative ones; among equals, the nearest.
            if result[index].date == nil || (found.explicit && !result[index].dateIsExplicit)
                || (found.explicit == result[index].dateIsExplicit && distance < bestDistance[index]) {
                result[index].date = found.date
                result[index].dateIsExplicit = found.explicit
                bestDistance[index] = distance
            }
        }
        for number in EventDateFinder.slice(numbers, in: sentence) {
            guard let amount = Self.amount(number) else { continue }
            let index = nearest(number.span.start)
            if !result[index].amounts.contains(where: { $0.key == amount.key }) { result[index].amounts.append(amount) }
        }
        let range = actors.range(in: sentence)
        let anyNamed = range.contains { !actors.mentions[$0].part }
        var ids: [Int] = [], places: [Int] = []
        for mention in range where actors.mentions[mention].part != anyNamed {
            let number = actors.number(mention)
            guard !ids.contains(number) else { continue }
            ids.append(number)
            if anyNamed, actors.mentions[mention].type == .place { places.append(number) }
        }
        for index in result.indices {
            result[index].actors = ids
            result[index].places = places
        }
        return result
    }

    /// Money with its currency, and counts: `1500000000 USD`, `400`.
    static func amount(_ number: NumberMention) -> Amount? {
        guard case .number(let value) = number.value else { return nil }
        switch number.kind {
        case .money:
            return Amount(key: NumberFormatting.plain(value) + (number.unit.map { " " + $0 } ?? ""), text: number.text)
        case .count where value >= 2:
            return Amount(key: NumberFormatting.plain(value), text: number.text)
        default:
            return nil
        }
    }

}

/// The actor mentions of a text, each actor id numbered (on first need: only sentences with events
/// ask), so that events compare small integers.
struct EventActors {
    let mentions: [ActorMention]
    /// Per mention: the number of its actor, or -1 while not asked for.
    private(set) var numbers: [Int]
    /// Per number: a mention of that actor.
    private(set) var first: [Int] = []
    private var numbered: [String: Int] = [:]

    init(_ mentions: [ActorMention]) {
        self.mentions = mentions
        numbers = [Int](repeating: -1, count: mentions.count)
    }

    /// The number of the actor of a mention.
    mutating func number(_ mention: Int) -> Int {
        if numbers[mention] >= 0 { return numbers[mention] }
        let id = mentions[mention].actor
        let number = numbered[id] ?? first.count
        if number == first.count {
            numbered[id] = number
            first.append(mention)
        }
        numbers[mention] = number
        return number
    }

    /// The indices of the mentions whose start lies in the span.
    func range(in span: TextSpan) -> Range<Int> { ArticleExtraction.indices(startingIn: span, mentions) { $0.span.start } }
}
