import GlossaCore

/// The actors screen: the list of actors, or one actor's mentions.
public struct ActorsState: Equatable, Sendable {
    public var cursor = 0
    public var top = 0
    /// The actor whose mentions are listed, with the cursor in that list.
    public var selected: String?
    public var mentionCursor = 0
    public var mentionTop = 0
    /// Where `q` goes back to.
    public var returnTo: Screen = .library
}
