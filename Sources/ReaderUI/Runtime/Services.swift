import GlossaCore
import Linking

/// What the runtime needs from outside the reader, as closures so that tests can fake them:
/// the annotation store and the exporter. Errors are shown to the user by their description.
public struct Services: Sendable {
    /// Commits a change; returns the stored annotation (with the store's times), nil for a deletion.
    public var store: @Sendable (AnnotationChange) throws -> Annotation?
    /// An article's annotations as stored now, placed in its current text.
    public var load: @Sendable (_ article: Article) throws -> [Annotation]
    /// Writes the notes to Markdown; returns what to tell the user (where they went).
    public var exportMarkdown: @Sendable () throws -> String
    /// Stores a decision about a link.
    public var decide: @Sendable (LinkDecision) throws -> Void
    /// Reads one article from disk (by path).
    public var read: @Sendable (_ path: String) throws -> Article = { _ in throw ServiceError("the library cannot be read") }
    /// Whether an article's file is large enough to be read off the event loop. A small one is read
    /// on it, so that keys typed after `Enter` (type-ahead) go to the article, as they always did.
    public var isLarge: @Sendable (_ path: String) -> Bool = { _ in false }
    /// Full-text search over the library, best first (runs off the main thread).
    public var search: @Sendable (_ query: String) throws -> [LibraryHit] = { _ in throw ServiceError("there is no search index") }
    /// Starts looking for new, changed and removed files; the answer comes as actions.
    public var rescan: @Sendable () -> Void = {}

    public init(store: @escaping @Sendable (AnnotationChange) throws -> Annotation?,
                load: @escaping @Sendable (Article) throws -> [Annotation],
                exportMarkdown: @escaping @Sendable () throws -> String,
                decide: @escaping @Sendable (LinkDecision) throws -> Void = { _ in throw ServiceError("there is no database") }) {
        self.store = store
        self.load = load
        self.exportMarkdown = exportMarkdown
        self.decide = decide
    }

    /// No store: changes fail with a message (the state says so before they are tried).
    public static let unavailable = Services(
        store: { _ in throw ServiceError("there is no database") },
        load: { _ in [] },
        exportMarkdown: { throw ServiceError("there is no database") }
    )
}

/// An error whose description is its message. `reload`: the store holds something newer than the
/// reader (another Glossa wrote it), so the article's annotations should be read again.
public struct ServiceError: Error, CustomStringConvertible {
    public let description: String
    public let reload: Bool
    public init(_ description: String, reload: Bool = false) {
        self.description = description
        self.reload = reload
    }
}
