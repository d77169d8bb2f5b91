import Extraction
import GlossaCore
import Linking

/// A linked event of the current sentence: the event here, its cluster, and one member elsewhere.
struct LinkedEvent: Equatable {
    var event: Event
    var cluster: EventCluster
    var target: EventReference
}

extension Reducer {
    /// For each event of the current sentence that is linked, each event in another article it is linked to.
    /// The first sentence of an event (white space collapsed), from its article's text.
    static func quote(of reference: EventReference, _ state: AppState) -> String {
        guard let index = state.library.positions[reference.article] else { return "" }
        return state.events.quote(of: reference, text: state.library.articles[index].text)
    }

    static func linkedEvents(_ state: AppState) -> [LinkedEvent] {
        guard let reader = state.reader, reader.document.sentences.indices.contains(reader.cursor) else { return [] }
        let path = state.library.articles[reader.articleIndex].path
        var result: [LinkedEvent] = []
        for event in state.events.events(in: path, sentence: reader.document.sentences[reader.cursor]) {
            guard let cluster = state.events.cluster(of: EventReference(article: path, event: event.id)) else { continue }
            for member in cluster.members where member.article != path {
                result.append(LinkedEvent(event: event, cluster: cluster, target: member))
            }
        }
        return result
    }

    /// The pane's selectable items: the sentence's links, then the article's notes.
    static func paneItems(_ state: AppState) -> [PaneItem] {
        linkedEvents(state).map { .link($0.target) } + paneNotes(state).map { .note($0) }
    }

    /// The sentences of the open article that report a linked event, in text order: one pass over
    /// the article's events, not a check per sentence.
    static func linkedSentences(_ state: AppState) -> [Int] {
        guard let reader = state.reader else { return [] }
        let path = state.library.articles[reader.articleIndex].path
        let linked = (state.events.events[path] ?? []).filter { state.events.cluster(of: EventReference(article: path, event: $0.id)) != nil }
        return Set(linked.flatMap(\.mentions).compactMap { reader.document.sentenceIndex(containing: $0.start) }).sorted()
    }

    static func eventCommand(_ command: Command, _ state: inout AppState) {
        guard let reader = state.reader else { return }
        switch command {
        case .followLink:
            guard let first = linkedEvents(state).first else {
                state.message = StatusMessage("This sentence has no linked event; \(state.keyMap.hint(.nextEvent, on: .reader)) goes to the next one.")
                return
            }
            follow(first.target, &state)
        case .back, .forward:
            var history = state.history
            let here = Location(article: reader.articleIndex, sentence: reader.cursor)
            guard let target = command == .back ? history.back.popLast() : history.forward.popLast() else {
                state.message = StatusMessage(command == .back ? "Nothing to go back to." : "Nothing to go forward to.")
                return
            }
            if command == .back { history.forward.append(here) } else { history.back.append(here) }
            go(to: target, &state)
            state.history = history
        case .nextEvent, .previousEvent:
            let forward = command == .nextEvent
            let linked = linkedSentences(state)
            guard let target = forward ? linked.first(where: { $0 > reader.cursor }) : linked.last(where: { $0 < reader.cursor }) else {
                state.message = StatusMessage(forward ? "No linked event further down in this article." : "No linked event further up in this article.")
                return
            }
            var moved = reader
            moved.cursor = target
            state.reader = moved
            keepCursorVisible(&state)
        default:
            return
        }
    }

    /// Jumps to a linked event's first sentence in its article, remembering where we were.
    static func follow(_ target: EventReference, _ state: inout AppState) {
        guard let article = state.library.positions[target.article],
              let event = state.events.event(target), let first = event.mentions.first else {
            state.message = StatusMessage("That article is no longer in the library.", level: .warning)
            return
        }
        if let reader = state.reader {
            state.history.back.append(Location(article: reader.articleIndex, sentence: reader.cursor))
        }
        state.history.forward = []
        go(to: Location(article: article, sentence: state.library.articles[article].sentences.index(containing: first.start) ?? 0), &state)
        let title = state.library.articles[article].title
        state.message = StatusMessage("\(event.label) — \(title). \(state.keyMap.hint(.back, on: .reader)) goes back.")
    }

    /// Opens an article (if it is not open) at a sentence.
    static func go(to location: Location, _ state: inout AppState) {
        if state.reader?.articleIndex != location.article || state.screen != .reader { openArticle(location.article, &state) }
        guard var reader = state.reader else {
            if state.preparing?.article == location.article { state.preparing?.sentence = location.sentence }
            return
        }
        reader.cursor = min(max(0, location.sentence), max(0, reader.document.sentences.count - 1))
        state.reader = reader
        state.focus = .text
        keepCursorVisible(&state)
    }
}

extension Reducer {
    /// `=` confirms a link, `X` removes it, `+` links two events by hand; the store keeps the decision.
    static func linkDecision(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let reader = state.reader, reader.document.sentences.indices.contains(reader.cursor) else { return [] }
        if let problem = state.storeProblem {
            state.message = StatusMessage("Links cannot be saved: \(problem)", level: .warning)
            return []
        }
        let path = state.library.articles[reader.articleIndex].path
        if command == .addLink {
            guard let event = state.events.events(in: path, sentence: reader.document.sentences[reader.cursor]).first else {
                state.message = StatusMessage("No event in this sentence to link.")
                return []
            }
            let here = EventReference(article: path, event: event.id)
            guard let source = state.linkSource, source.article != path else {
                state.linkSource = here
                state.message = StatusMessage("Linking “\(event.label)”: go to the same event in another article and press \(state.keyMap.hint(.addLink, on: .reader)) again.")
                return []
            }
            state.linkSource = nil
            let decision = LinkDecision(source, here, kind: .confirmed, quotes: (quote(of: source, state), quote(of: here, state)))
            return [.storeLinkDecision(decision, message: "Linked by hand: \(event.label).")]
        }
        var chosen = linkedEvents(state).first
        if state.focus == .pane {
            let items = paneItems(state)
            guard items.indices.contains(reader.paneSelection), case .link(let target) = items[reader.paneSelection] else {
                state.message = StatusMessage("Select a linked event in the pane first.")
                return []
            }
            chosen = linkedEvents(state).first { $0.target == target }
        }
        guard let link = chosen else {
            state.message = StatusMessage("This sentence has no linked event.")
            return []
        }
        let here = EventReference(article: path, event: link.event.id)
        let confirm = command == .confirmLink
        let decision = LinkDecision(here, link.target, kind: confirm ? .confirmed : .removed,
                                    quotes: (quote(of: here, state), quote(of: link.target, state)))
        return [.storeLinkDecision(decision, message: confirm ? "Link confirmed." : "Link removed: these events are kept apart.")]
    }
}
