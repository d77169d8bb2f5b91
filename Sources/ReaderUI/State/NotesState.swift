import GlossaCore

/// The user's annotations as the reader has them, and what is being done to them.
public struct NotesState: Equatable, Sendable {
    /// Every annotation of the library by article path, in reading order (orphans included).
    public var annotations: [String: [Annotation]] = [:]
    /// Why annotations cannot be saved (no database, read-only, damaged…); nil when they can.
    public var storeProblem: String?
    public var undoStack: [AnnotationChange] = []
    public var annotationIDs = AnnotationIDs()
    /// The note or tag editor, when open.
    public var editor: EditorState?
    /// The editor whose text is being saved: reopened with that text if the store refuses it.
    public var savingEditor: EditorState?
    /// The claim span being adjusted, when `v` was pressed.
    public var spanEdit: SpanEditState?
}

/// One change to the store: an annotation before and after (nil: did not exist / deleted).
public struct AnnotationChange: Equatable, Sendable {
    public var before: Annotation?
    public var after: Annotation?
    /// True when the change undoes an earlier one (it is not pushed on the undo stack again).
    public var isUndo: Bool
    /// What the status line says once the change is stored.
    public var message: String

    public init(before: Annotation?, after: Annotation?, isUndo: Bool = false, message: String) {
        self.before = before
        self.after = after
        self.isUndo = isUndo
        self.message = message
    }

    public var article: String? { after?.article ?? before?.article }
}

/// The note or tag editor at the bottom line.
public struct EditorState: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable { case note, tags }
    public var purpose: Purpose
    public var line: LineEditor
    /// The annotation being edited, or the new one that saving will create.
    public var target: Annotation
    /// Whether `target` is already stored.
    public var exists: Bool

    public var label: String { purpose == .note ? "Note: " : "Tags (comma-separated): " }
}

/// The claim span being adjusted with `v`: widened to several sentences or narrowed to a part of one.
public struct SpanEditState: Equatable, Sendable {
    public var span: TextSpan
    /// The claim as stored (nil: a new one), and what saving the span will store.
    public var original: Annotation?
    public var target: Annotation
}
