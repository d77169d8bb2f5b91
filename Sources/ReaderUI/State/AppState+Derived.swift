import Extraction
import GlossaCore
import Linking

/// A linked event of the current sentence: the event here, its cluster, and one member elsewhere.
public struct LinkedEvent: Equatable, Sendable {
    public var event: Event
    public var cluster: EventCluster
    public var target: EventReference
}

/// Values derived from the state, read by the reducers and the views alike (so that both agree and
/// neither computes them its own way).
extension AppState {
    /// Where each part of the screen goes at the terminal's size with the pane as set.
    public var geometry: ScreenGeometry { ScreenGeometry(size: size, pane: pane) }

    /// The article open in the reader.
    public var openArticle: Article? { reader.map { library.articles[$0.articleIndex] } }

    // MARK: - Annotations

    /// The open article's annotations in reading order (orphans included, in place).
    public var articleAnnotations: [Annotation] {
        guard let article = openArticle else { return [] }
        return notes.annotations[article.path] ?? []
    }

    /// The placed annotations that overlap a sentence of the open article.
    public func annotations(inSentence index: Int) -> [Annotation] {
        guard let reader, reader.document.sentences.indices.contains(index) else { return [] }
        let sentence = reader.document.sentences[index]
        return articleAnnotations.filter { !$0.isOrphan && $0.span.overlaps(sentence) }
    }

    /// The pane's list of the article's notes: placed ones in reading order, then orphans.
    public var paneNotes: [Annotation] {
        let all = articleAnnotations
        return all.filter { !$0.isOrphan } + all.filter(\.isOrphan)
    }

    /// What annotation keys act on: the note selected in the focused pane, else the current
    /// sentence's annotation (the one that covers exactly the sentence first).
    public var currentAnnotation: Annotation? {
        guard let reader else { return nil }
        if focus == .pane {
            guard case .note(let note) = selectedPaneItem else { return nil }
            return note
        }
        let here = annotations(inSentence: reader.cursor)
        let sentence = reader.document.sentences.indices.contains(reader.cursor) ? reader.document.sentences[reader.cursor] : nil
        return here.first { $0.span == sentence } ?? here.first
    }

    // MARK: - Links

    /// For each linked event of the current sentence, each event in another article it is linked to.
    public var linkedEvents: [LinkedEvent] {
        guard let reader, let article = openArticle, reader.document.sentences.indices.contains(reader.cursor) else { return [] }
        var result: [LinkedEvent] = []
        for event in events.events(in: article.path, sentence: reader.document.sentences[reader.cursor]) {
            guard let cluster = events.cluster(of: EventReference(article: article.path, event: event.id)) else { continue }
            for member in cluster.members where member.article != article.path {
                result.append(LinkedEvent(event: event, cluster: cluster, target: member))
            }
        }
        return result
    }

    /// The sentences of the open article that report a linked event, in text order: one pass over
    /// the article's events, not a check per sentence.
    public var linkedSentences: [Int] {
        guard let reader, let article = openArticle else { return [] }
        let linked = (events.events[article.path] ?? []).filter { events.cluster(of: EventReference(article: article.path, event: $0.id)) != nil }
        return Set(linked.flatMap(\.mentions).compactMap { reader.document.sentenceIndex(containing: $0.start) }).sorted()
    }

    /// The first sentence of an event (white space collapsed), from its article's text.
    public func quote(of reference: EventReference) -> String {
        guard let index = library.positions[reference.article] else { return "" }
        return events.quote(of: reference, text: library.articles[index].text)
    }

    // MARK: - The pane

    /// The pane's selectable items: the sentence's links, then the article's notes.
    public var paneItems: [PaneItem] {
        linkedEvents.map { .link($0.target) } + paneNotes.map { .note($0) }
    }

    /// The item selected in the pane, if the selection is on one.
    public var selectedPaneItem: PaneItem? {
        guard let reader else { return nil }
        let items = paneItems
        return items.indices.contains(reader.pane.selection) ? items[reader.pane.selection] : nil
    }

    // MARK: - Actors

    /// The actor under the cursor: the selected one of the current sentence's actors.
    public var selectedActor: ActorMention? {
        guard let reader else { return nil }
        let actors = reader.document.actors(inSentence: reader.cursor)
        guard !actors.isEmpty else { return nil }
        return actors[actors.startIndex + min(reader.actorSelection, actors.count - 1)]
    }
}
