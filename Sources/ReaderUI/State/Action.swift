import Extraction
import GlossaCore
import Linking

/// What happened: the only way the state changes.
public enum Action: Equatable, Sendable {
    case keyPressed(Key)
    case resized(Size)
    /// The store committed a change (the annotation carries the store's times).
    case changeStored(AnnotationChange)
    /// The store refused a change: nothing changed; the message says why.
    case storeFailed(String)
    /// Background work could not do something (read the link decisions, save a placement): the
    /// status line says so; nothing else changes.
    case backgroundFailed(String)
    /// An article's annotations as the store has them now (another Glossa may have added some).
    case annotationsLoaded(article: String, [Annotation])
    /// The notes were exported (the message says where) or could not be.
    case exportFinished(StatusMessage)
    /// The store holds the user's link decision; the links follow it.
    case linkDecisionStored(LinkDecision, message: String)
    /// Articles read (and extracted) in the background, in place of their placeholders.
    case articlesRead([Article], IndexProgress)
    /// The background reading moved on (a phase, or files that could not be read).
    case indexProgressed(IndexProgress?, problems: [String])
    /// Every article's actors, once all are read.
    case actorsIndexed(ActorIndex)
    /// The library's events, linked across articles.
    case eventsLinked(LibraryEvents)
    /// The folder was read again: new, changed and removed files.
    case libraryReloaded(Library, ActorIndex, LibraryEvents, message: String)
    /// The background work is done; the message says what it did.
    case indexFinished(message: String)
    /// One article read from disk (it was a placeholder), or why it could not be.
    case articleRead(Article)
    case articleReadFailed(path: String, reason: String)
    /// Full-text results for a search.
    case librarySearched(LibraryResults)
    /// A large article prepared off the event loop (`Effect.prepareDocument`).
    case documentPrepared(generation: Int, Document, TextLayout)
}

/// Work for the runtime that the reducer must not do itself.
public enum Effect: Equatable, Sendable {
    /// Leave the event loop and restore the terminal.
    case quit
    /// Repaint every cell (the screen may have been disturbed).
    case redrawAll
    /// Commit an annotation change to the store.
    case storeChange(AnnotationChange)
    /// Read an article's annotations from the store and place them in its text.
    case loadAnnotations(Article)
    /// Write the library's notes as Markdown next to the library.
    case exportMarkdown
    /// Store a decision about a link (confirmed or removed).
    case storeLinkDecision(LinkDecision, message: String)
    /// Read an article from disk (it is still a placeholder).
    case readArticle(path: String)
    /// Search the whole library (in the background; the answer is `librarySearched`).
    case searchLibrary(query: String, generation: Int)
    /// Look for new, changed and removed files in the folder.
    case rescanLibrary
    /// Prepare a large article for the reader off the event loop; the answer is `documentPrepared`.
    case prepareDocument(DocumentRequest)
}

/// What `Document` and `TextLayout` need, for building them off the event loop.
public struct DocumentRequest: Equatable, Sendable {
    public var generation: Int
    public var article: Article
    public var options: ExtractionOptions
    public var actors: [ActorMention]?
    public var width: Int
    public var cache: ExtractionCache

    /// Builds the document and its layout (slow for a large article: not on the event loop).
    public func prepare() -> Action {
        let document = Document(article: article, options: options, actors: actors, cache: cache)
        return .documentPrepared(generation: generation, document, TextLayout(document: document, width: width))
    }
}
