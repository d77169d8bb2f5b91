import Extraction
import GlossaCore
import Linking

/// Linked events in the reader: following a link, back and forward, the next sentence with a link,
/// and the user's decisions (`=` confirms, `X` removes, `+` links by hand).
enum LinksReducer {
    static func eventCommand(_ command: Command, _ state: inout AppState) {
        guard var reader = state.reader else { return }
        switch command {
        case .followLink:
            guard let first = state.linkedEvents.first else {
                state.message = StatusMessage("This sentence has no linked event; \(state.keyMap.hint(.nextEvent, on: .reader)) goes to the next one.")
                return
            }
            Navigation.follow(first.target, &state)
        case .back, .forward:
            var history = state.history
            let here = Location(article: reader.articleIndex, sentence: reader.cursor)
            guard let target = command == .back ? history.back.popLast() : history.forward.popLast() else {
                state.message = StatusMessage(command == .back ? "Nothing to go back to." : "Nothing to go forward to.")
                return
            }
            if command == .back { history.forward.append(here) } else { history.back.append(here) }
            Navigation.go(to: target, &state)
            state.history = history
        case .nextEvent, .previousEvent:
            let forward = command == .nextEvent
            let linked = state.linkedSentences
            guard let target = forward ? linked.first(where: { $0 > reader.cursor }) : linked.last(where: { $0 < reader.cursor }) else {
                state.message = StatusMessage(forward ? "No linked event further down in this article." : "No linked event further up in this article.")
                return
            }
            reader.cursor = target
            ReaderReducer.keepCursorVisible(&reader, state.geometry)
            state.reader = reader
        default:
            return
        }
    }

    /// `=` confirms a link, `X` removes it, `+` links two events by hand; the store keeps the decision.
    static func linkDecision(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let reader = state.reader, let article = state.openArticle, reader.document.sentences.indices.contains(reader.cursor) else { return [] }
        if let problem = state.notes.storeProblem {
            state.message = StatusMessage("Links cannot be saved: \(problem)", level: .warning)
            return []
        }
        let path = article.path
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
            let decision = LinkDecision(source, here, kind: .confirmed, quotes: (state.quote(of: source), state.quote(of: here)))
            return [.storeLinkDecision(decision, message: "Linked by hand: \(event.label).")]
        }
        var chosen = state.linkedEvents.first
        if state.focus == .pane {
            guard case .link(let target) = state.selectedPaneItem else {
                state.message = StatusMessage("Select a linked event in the pane first.")
                return []
            }
            chosen = state.linkedEvents.first { $0.target == target }
        }
        guard let link = chosen else {
            state.message = StatusMessage("This sentence has no linked event.")
            return []
        }
        let here = EventReference(article: path, event: link.event.id)
        let confirm = command == .confirmLink
        let decision = LinkDecision(here, link.target, kind: confirm ? .confirmed : .removed,
                                    quotes: (state.quote(of: here), state.quote(of: link.target)))
        return [.storeLinkDecision(decision, message: confirm ? "Link confirmed." : "Link removed: these events are kept apart.")]
    }

    /// The store holds the decision: the links follow it.
    static func decisionStored(_ decision: LinkDecision, message: String, _ state: inout AppState) {
        state.events.relink(decisions: state.events.deciding(decision))
        state.message = StatusMessage(message)
        PaneReducer.clampSelection(&state)
    }
}
