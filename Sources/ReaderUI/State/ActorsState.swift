import GlossaCore

/// The actors screen: the list of actors, or one actor's mentions.
public struct ActorsState: Equatable, Sendable {
    /// The list of actors.
    public var list = ListCursor()
    /// The actor whose mentions are listed, with the cursor in that list.
    public var selected: String?
    public var mentions = ListCursor()
    /// Where `q` goes back to.
    public var returnTo: Screen = .library
}
