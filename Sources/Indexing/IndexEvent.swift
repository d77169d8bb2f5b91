import Extraction
import GlossaCore
import Linking

/// What the background indexer reports, in order. The indexer knows nothing of the reader: the app
/// layer (`ReaderApp`) turns each event into the reader's action.
public enum IndexEvent: Equatable, Sendable {
    /// Articles read (and extracted) in the background, in place of their placeholders.
    case articlesRead([Article], IndexProgress)
    /// The reading moved on (a phase, or files that could not be read).
    case progressed(IndexProgress?, problems: [String])
    /// Every article's actors, once all are read.
    case actorsIndexed(ActorIndex)
    /// The library's events, linked across articles.
    case eventsLinked(LibraryEvents)
    /// The folder was read again: new, changed and removed files.
    case libraryReloaded(Library, ActorIndex, LibraryEvents, message: String)
    /// The run is done; the message says what it did (empty: nothing worth saying).
    case finished(message: String)
}
