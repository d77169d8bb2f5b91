import Extraction
import GlossaCore

/// Moving between screens and articles: opening an article (at a sentence), following a link,
/// a large article arriving from its preparation off the event loop.
enum Navigation {
    /// Opens an article in the reader at its first sentence. Its extraction comes from the index's
    /// cache when it is there. A large one is prepared off the event loop: the reader says
    /// "Preparing …" until `documentPrepared` (see `state.preparing`).
    static func openArticle(_ index: Int, _ state: inout AppState) {
        guard state.library.articles.indices.contains(index) else {
            state.message = StatusMessage("The library is empty: add .txt or .md files to \(state.library.root).", level: .warning)
            return
        }
        let article = state.library.articles[index]
        guard article.isLoaded else {
            state.message = StatusMessage("\(article.title) has not been read yet.", level: .warning)
            return
        }
        state.screen = .reader
        state.focus = .text
        state.search.result = nil
        state.preparing = nil
        state.libraryScreen.pendingOpen = nil
        guard article.text.utf8.count <= Reducer.preparedInBackground else {
            state.reader = nil
            state.preparations += 1
            state.preparing = Preparation(article: index, path: article.path, generation: state.preparations)
            state.message = StatusMessage("Preparing \(article.path) (\(article.text.utf8.count.byteSize)) … \(state.keyMap.hint(.close, on: .reader)) goes back.")
            return
        }
        let document = Document(article: article, options: state.extractionOptions, actors: knownActors(index, state), cache: state.extractionCache)
        state.reader = ReaderState(articleIndex: index, document: document, layout: TextLayout(document: document, width: state.geometry.text.width))
        if article.hadInvalidUTF8 {
            state.message = StatusMessage("\(article.path) has invalid UTF-8; it is shown as �.", level: .warning)
        }
    }

    /// The article's actors from the library's index, which is complete once reading is done;
    /// before, the article finds its own.
    static func knownActors(_ index: Int, _ state: AppState) -> [ActorMention]? {
        state.indexing == nil ? state.actorIndex.mentions(inArticle: index) : nil
    }

    /// What the runtime needs to prepare the article of `state.preparing`.
    static func documentRequest(_ state: AppState) -> DocumentRequest? {
        guard let preparing = state.preparing, state.library.articles.indices.contains(preparing.article) else { return nil }
        return DocumentRequest(generation: preparing.generation, article: state.library.articles[preparing.article],
                               options: state.extractionOptions, actors: knownActors(preparing.article, state),
                               width: state.geometry.text.width, cache: state.extractionCache)
    }

    /// A prepared article arrived: it opens if it is still the one asked for, where it was asked for.
    static func documentPrepared(_ generation: Int, _ document: Document, _ layout: TextLayout, _ state: inout AppState) -> [Effect] {
        guard let preparing = state.preparing, preparing.generation == generation else { return [] }
        guard state.library.articles.indices.contains(preparing.article),
              state.library.articles[preparing.article].path == preparing.path else {
            state.preparing = nil
            if state.reader == nil, state.screen == .reader { state.screen = .library }
            return []
        }
        let article = state.library.articles[preparing.article]
        state.preparing = nil
        state.reader = ReaderState(articleIndex: preparing.article, document: document, layout: layout)
        state.screen = .reader
        state.message = article.hadInvalidUTF8
            ? StatusMessage("\(article.path) has invalid UTF-8; it is shown as �.", level: .warning) : nil
        Reducer.relayout(&state)
        if let sentence = preparing.sentence ?? preparing.offset.flatMap({ document.sentenceIndex(containing: $0) }) {
            go(to: Location(article: preparing.article, sentence: sentence), &state)
        }
        if let query = preparing.query { SearchReducer.goToMatch(query, &state) }
        return [.loadAnnotations(article)]
    }

    /// Opens an article (if it is not open) at a sentence.
    static func go(to location: Location, _ state: inout AppState) {
        if state.reader?.articleIndex != location.article || state.screen != .reader { openArticle(location.article, &state) }
        guard var reader = state.reader else {
            if state.preparing?.article == location.article { state.preparing?.sentence = location.sentence }
            return
        }
        reader.cursor = location.sentence.clamped(0, reader.document.sentences.count - 1)
        ReaderReducer.keepCursorVisible(&reader, state.geometry)
        state.reader = reader
        state.focus = .text
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

    /// Back to the list from the reader (or a preparation), with the cursor on the article.
    static func closeArticle(_ state: inout AppState) {
        let article = state.reader?.articleIndex ?? state.preparing?.article
        state.linkSource = nil
        state.reader = nil
        state.preparing = nil
        state.search.result = nil
        state.focus = .text
        LibraryReducer.show(article: article, &state)
    }
}
