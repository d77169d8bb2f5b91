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
    /// An article's annotations as the store has them now (another Glossa may have added some).
    case annotationsLoaded(article: String, [Annotation])
    /// The notes were exported (the message says where) or could not be.
    case exportFinished(StatusMessage)
    /// The store holds the user's link decision; the links follow it.
    case linkDecisionStored(LinkDecision, message: String)
}

/// Work for the runtime that the reducer must not do itself.
public enum Effect: Equatable, Sendable {
    /// Leave the event loop and restore the terminal.
    case quit
    /// Repaint every cell (the screen may have been disturbed).
    case redrawAll
    /// Commit an annotation change to the store.
    case storeChange(AnnotationChange)
    /// Read an article's annotations from the store.
    case loadAnnotations(article: String)
    /// Write the library's notes as Markdown next to the library.
    case exportMarkdown
    /// Store a decision about a link (confirmed or removed).
    case storeLinkDecision(LinkDecision, message: String)
}
