import GlossaCore

/// The one-cell sign of an annotation in the gutter and the pane: its verdict, or that it is a
/// claim without one, or a plain note.
enum Badge {
    static func symbol(_ annotation: Annotation) -> String {
        switch annotation.verdict {
        case .supported: return "✓"
        case .disputed: return "±"
        case .false: return "✗"
        case .needsSource: return "?"
        case .opinion: return "~"
        case nil: return annotation.isClaim ? "●" : "✎"
        }
    }

    static func style(_ annotation: Annotation, _ theme: Theme) -> Style {
        switch annotation.verdict {
        case .supported: return theme.badgeSupported
        case .disputed: return theme.badgeDisputed
        case .false: return theme.badgeFalse
        case .needsSource: return theme.badgeNeedsSource
        case .opinion: return theme.badgeOpinion
        case nil: return annotation.isClaim ? theme.badgeClaim : theme.badgeNote
        }
    }

    /// "claim · disputed", "claim", "note".
    static func summary(_ annotation: Annotation) -> String {
        guard annotation.isClaim else { return "note" }
        return annotation.verdict.map { "claim · " + $0.label } ?? "claim · no verdict yet"
    }
}
