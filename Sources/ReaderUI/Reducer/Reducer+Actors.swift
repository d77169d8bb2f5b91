import Extraction
import GlossaCore

extension Reducer {
    // MARK: - Actors screen

    static func openActors(_ state: inout AppState) {
        // While the library is being read, the screen opens and fills in when the actors are known.
        guard !state.actorIndex.actors.isEmpty || state.indexing != nil else {
            state.message = StatusMessage("No actors found in this library.")
            return
        }
        var screen = state.actorsScreen
        screen.returnTo = state.screen
        screen.selected = nil
        if let actor = selectedActor(state), let position = state.actorIndex.position(of: actor.actor) {
            screen.cursor = position
        }
        state.actorsScreen = screen
        state.screen = .actors
        clampActors(&state)
    }

    static func actorsCommand(_ command: Command, _ state: inout AppState) -> [Effect] {
        var screen = state.actorsScreen
        if command == .filterActor {
            let id = screen.selected ?? (state.actorIndex.actors.indices.contains(screen.cursor) ? state.actorIndex.actors[screen.cursor].id : nil)
            if let id, let actor = state.actorIndex.summary(of: id) { filterByActor(actor, &state) }
            return []
        }
        let page = max(1, actorsRows(state))
        if let selected = screen.selected {
            let count = state.actorIndex.mentionCount(of: selected)
            switch command {
            case .close:
                screen.selected = nil
            case .actors:
                state.screen = screen.returnTo
            case .moveDown: screen.mentionCursor += 1
            case .moveUp: screen.mentionCursor -= 1
            case .pageDown: screen.mentionCursor += page
            case .pageUp: screen.mentionCursor -= page
            case .moveFirst: screen.mentionCursor = 0
            case .moveLast: screen.mentionCursor = count - 1
            case .open:
                guard screen.mentionCursor >= 0,
                      let target = state.actorIndex.mentions(of: selected, in: screen.mentionCursor..<screen.mentionCursor + 1).first else { return [] }
                state.actorsScreen = screen
                openArticle(target.article, &state)
                goToMention(target.mention, &state)
                return []
            default: return []
            }
        } else {
            let count = state.actorIndex.actors.count
            switch command {
            case .close, .actors:
                state.screen = screen.returnTo == .reader && state.reader != nil ? .reader : .library
            case .moveDown: screen.cursor += 1
            case .moveUp: screen.cursor -= 1
            case .pageDown: screen.cursor += page
            case .pageUp: screen.cursor -= page
            case .moveFirst: screen.cursor = 0
            case .moveLast: screen.cursor = count - 1
            case .open:
                guard state.actorIndex.actors.indices.contains(screen.cursor) else { return [] }
                screen.selected = state.actorIndex.actors[screen.cursor].id
                screen.mentionCursor = 0
                screen.mentionTop = 0
            default: return []
            }
        }
        state.actorsScreen = screen
        clampActors(&state)
        return []
    }

    /// Rows of the actors list: the body less its column header.
    static func actorsRows(_ state: AppState) -> Int {
        ScreenGeometry(size: state.size, pane: state.pane).body.height - 1
    }

    static func clampActors(_ state: inout AppState) {
        var screen = state.actorsScreen
        let rows = max(1, actorsRows(state))
        func clamp(_ cursor: inout Int, _ top: inout Int, count: Int) {
            cursor = min(max(0, cursor), max(0, count - 1))
            if cursor < top { top = cursor }
            if cursor >= top + rows { top = cursor - rows + 1 }
            top = min(max(0, top), max(0, count - rows))
        }
        clamp(&screen.cursor, &screen.top, count: state.actorIndex.actors.count)
        if let selected = screen.selected {
            clamp(&screen.mentionCursor, &screen.mentionTop, count: state.actorIndex.mentionCount(of: selected))
        }
        state.actorsScreen = screen
    }

    // MARK: - Reader: the selected actor and its mentions

    /// The actor under the cursor: the selected one of the current sentence's actors.
    static func selectedActor(_ state: AppState) -> ActorMention? {
        guard let reader = state.reader else { return nil }
        let actors = reader.document.actors(inSentence: reader.cursor)
        guard !actors.isEmpty else { return nil }
        return actors[actors.startIndex + min(reader.actorSelection, actors.count - 1)]
    }

    static func selectNextActor(_ state: inout AppState) {
        guard var reader = state.reader else { return }
        let count = reader.document.actors(inSentence: reader.cursor).count
        guard count > 0 else {
            state.message = StatusMessage("No actor in this sentence.")
            return
        }
        reader.actorSelection = (min(reader.actorSelection, count - 1) + 1) % count
        state.reader = reader
        if let actor = selectedActor(state) { state.message = StatusMessage(describe(actor, state)) }
    }

    /// Moves the cursor to a mention in the open article and selects it.
    static func goToMention(_ mention: ActorMention, _ state: inout AppState) {
        if state.reader == nil, state.preparing != nil { state.preparing?.offset = mention.span.start }
        guard var reader = state.reader, let sentence = reader.document.sentenceIndex(containing: mention.span.start) else { return }
        reader.cursor = sentence
        let actors = reader.document.actors(inSentence: sentence)
        reader.actorSelection = actors.firstIndex(where: { $0.span == mention.span }).map { $0 - actors.startIndex } ?? 0
        state.reader = reader
        keepCursorVisible(&state)
    }

    /// `m` / `M`: the next or previous mention of the selected actor, in this article, then in the
    /// other articles of the library (in library order, wrapping around).
    static func jumpToMention(forward: Bool, _ state: inout AppState) {
        guard let reader = state.reader else { return }
        guard let current = selectedActor(state) else {
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
        openArticle(target, &state)
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
