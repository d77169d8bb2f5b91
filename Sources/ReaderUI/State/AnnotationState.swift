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

/// A one-line text editor (note, tags): UTF-8 text as characters, a cursor between them.
public struct LineEditor: Equatable, Sendable {
    public var characters: [Character]
    /// 0...characters.count
    public var cursor: Int

    public init(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; false when the key is not an editing key.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let character):
            guard !character.isNewline else { return false }
            characters.insert(character, at: cursor)
            cursor += 1
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .ctrl("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeLast(characters.count - cursor)
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }
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
