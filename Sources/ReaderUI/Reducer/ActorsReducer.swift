import Extraction
import GlossaCore

/// The actors screen (`ActorsState`): the library's actors, most named first, and one actor's
/// mentions; and in the reader, the selected actor of the sentence and its next or previous mention.
enum ActorsReducer {
    static func open(_ state: inout AppState) {
        // While the library is being read, the screen opens and fills in when the actors are known.
        guard !state.actorIndex.actors.isEmpty || state.indexing != nil else {
            state.message = StatusMessage("No actors found in this library.")
            return
        }
        var screen = state.actorsScreen
        screen.returnTo = state.screen
        screen.selected = nil
        if let actor = state.selectedActor, let position = state.actorIndex.position(of: actor.actor) {
            screen.list.index = position
        }
        clamp(&screen, state.actorIndex, state.geometry)
        state.actorsScreen = screen
        state.screen = .actors
    }

    static func reduce(_ command: Command, _ state: inout AppState) -> [Effect] {
        var screen = state.actorsScreen
        let index = state.actorIndex
        if command == .filterActor {
            let id = screen.selected ?? (index.actors.indices.contains(screen.list.index) ? index.actors[screen.list.index].id : nil)
            if let id, let actor = index.summary(of: id) { LibraryReducer.filterByActor(actor, &state) }
            return []
        }
        let rows = rows(state.geometry)
        if let selected = screen.selected {
            if screen.mentions.move(command, count: index.mentionCount(of: selected), rows: rows) {
                state.actorsScreen = screen
                return []
            }
            switch command {
            case .close:
                screen.selected = nil
            case .actors:
                state.screen = screen.returnTo
            case .open:
                guard screen.mentions.index >= 0,
                      let target = index.mentions(of: selected, in: screen.mentions.index..<screen.mentions.index + 1).first else { return [] }
                state.actorsScreen = screen
                Navigation.openArticle(target.article, &state)
                goToMention(target.mention, &state)
                return []
            default:
                return []
            }
        } else {
            if screen.list.move(command, count: index.actors.count, rows: rows) {
                state.actorsScreen = screen
                return []
            }
            switch command {
            case .close, .actors:
                state.screen = screen.returnTo == .reader && state.reader != nil ? .reader : .library
            case .open:
                guard index.actors.indices.contains(screen.list.index) else { return [] }
                screen.selected = index.actors[screen.list.index].id
                screen.mentions = ListCursor()
            default:
                return []
            }
        }
        clamp(&screen, index, state.geometry)
        state.actorsScreen = screen
        return []
    }

    /// Rows of the actors list: the body less its column header.
    static func rows(_ geometry: ScreenGeometry) -> Int { geometry.body.height - 1 }

    static func clamp(_ screen: inout ActorsState, _ index: ActorIndex, _ geometry: ScreenGeometry) {
        screen.list.clamp(count: index.actors.count, rows: rows(geometry))
        if let selected = screen.selected {
            screen.mentions.clamp(count: index.mentionCount(of: selected), rows: rows(geometry))
        }
    }

    // MARK: - Reader: the selected actor and its mentions

    static func selectNextActor(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        let count = reader.document.actors(inSentence: reader.cursor).count
        guard count > 0 else {
            state.message = StatusMessage("No actor in this sentence.")
            return
        }
        reader.actorSelection = (min(reader.actorSelection, count - 1) + 1) % count
        state.reader = reader
        if let actor = state.selectedActor { state.message = StatusMessage(describe(actor, state)) }
    }

    /// Moves the cursor to a mention in the open article and selects it.
    static func goToMention(_ mention: ActorMention, _ state: inout AppState) {
        if state.reader == nil, state.preparing != nil { state.preparing?.offset = mention.span.start }
        guard var reader = state.reader, let sentence = reader.document.sentenceIndex(containing: mention.span.start) else { return }
        reader.cursor = sentence
        let actors = reader.document.actors(inSentence: sentence)
        reader.actorSelection = actors.firstIndex(where: { $0.span == mention.span }).map { $0 - actors.startIndex } ?? 0
        ReaderReducer.keepCursorVisible(&reader, state.geometry)
        state.reader = reader
    }

    /// `m` / `M`: the next or previous mention of the selected actor, in this article, then in the
    /// other articles of the library (in library order, wrapping around).
    static func jumpToMention(forward: Bool, _ state: inout AppState) {
        guard let reader = state.reader else { return }
        guard let current = state.selectedActor else {
            state.message = StatusMessage("No actor in this sentence: move to one, then press \(state.keyMap.hint(.nextMention, on: .reader)).")
            return
        }
        let actors = reader.document.actors
        let here = reader.document.mentionsByActor[current.actor] ?? []
        // The first of the actor's mentions that starts after the selected one (they are in text order).
        let after = here.partitioningIndex { actors[$0].span.start > current.span.start }
        let position = forward ? after : here.partitioningIndex { actors[$0].span.start >= current.span.start } - 1
        if here.indices.contains(position) {
            goToMention(actors[here[position]], &state)
            state.message = StatusMessage("\(current.name): mention \(position + 1) of \(here.count) in this article")
            return
        }
        let articles = state.actorIndex.summary(of: current.actor)?.articles.map(\.article) ?? []
        let others = articles.filter { $0 != reader.articleIndex }
        guard !others.isEmpty else {
            state.message = StatusMessage("\(current.name): no \(forward ? "later" : "earlier") mention here, and no other article names \(current.name).")
            return
        }
        let target: Int
        if forward {
            target = others.first { $0 > reader.articleIndex } ?? others[0]
        } else {
            target = others.last { $0 < reader.articleIndex } ?? others[others.count - 1]
        }
        Navigation.openArticle(target, &state)
        // A large article is still being prepared: its mentions come from the library's actor index.
        let there = (state.reader?.document.actors ?? state.actorIndex.mentions(inArticle: target) ?? []).filter { $0.actor == current.actor }
        guard let landing = forward ? there.first : there.last else { return }
        goToMention(landing, &state)
        let wrapped = forward ? target < reader.articleIndex : target > reader.articleIndex
        let title = state.library.articles[target].title
        let count = there.count == 1 ? "1 mention" : "\(there.count) mentions"
        state.message = StatusMessage("\(current.name): \(count) in “\(WordWrap.truncate(title, width: 40))”\(wrapped ? " (wrapped around the library)" : "")")
    }

    static func describe(_ actor: ActorMention, _ state: AppState) -> String {
        let total = state.actorIndex.summary(of: actor.actor)
        let articles = total.map { $0.articles.count == 1 ? "1 article" : "\($0.articles.count) articles" } ?? ""
        return "\(actor.name) (\(actor.type.rawValue)): \(total?.mentions ?? 1) mentions in \(articles) · m next, M previous"
    }
}
