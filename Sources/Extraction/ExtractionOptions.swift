import GlossaCore

/// What to extract beyond the defaults.
public struct ExtractionOptions: Sendable, Equatable {
    /// Also report deictic dates without a number (`gestern`, `am Montag`, `nächste Woche`) as kind date.
    public var relativeDates = false
    /// Find actors (people, organizations, places).
    public var actors = true
    /// The user's actors (`actors.toml`): extra names, merges, renames.
    public var catalog = ActorCatalog()
    /// Find events (meetings, loans, elections ...); they use the actors and numbers found.
    public var events = true

    /// A recognizer to use instead of the shipped one (training and tests).
    package var recognizer: ActorRecognizer?

    public init(relativeDates: Bool = false, actors: Bool = true, catalog: ActorCatalog = ActorCatalog(), events: Bool = true) {
        self.relativeDates = relativeDates
        self.actors = actors
        self.catalog = catalog
        self.events = events
    }

    package init(recognizer: ActorRecognizer) {
        self.recognizer = recognizer
    }

    public static func == (lhs: ExtractionOptions, rhs: ExtractionOptions) -> Bool {
        lhs.relativeDates == rhs.relativeDates && lhs.actors == rhs.actors && lhs.catalog == rhs.catalog && lhs.events == rhs.events
            && (lhs.recognizer == nil) == (rhs.recognizer == nil)
    }
}
