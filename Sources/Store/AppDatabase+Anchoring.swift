import GlossaCore

/// What loading a library's annotations found: every annotation by article, and how each was placed.
public struct AnnotationLoad: Equatable, Sendable {
    /// By article path, in reading order; orphans included (`isOrphan`).
    public var annotations: [String: [Annotation]] = [:]
    /// Annotations whose article is no longer in the library (by its old path).
    public var missingArticles: [String: [Annotation]] = [:]
    /// How many annotations were placed again in changed texts (moved, white space, fuzzy).
    public var replaced = 0
    /// Why the new places could not be saved (they are still shown), or nil.
    public var saveProblem: String?

    public var orphanCount: Int { annotations.values.reduce(0) { $0 + $1.filter(\.isOrphan).count } }

    /// One line for the status bar when something needs the user's attention, else nil.
    public var summary: String? {
        var parts: [String] = []
        let orphans = orphanCount
        if orphans > 0 {
            parts.append("\(orphans) annotation\(orphans == 1 ? "" : "s") could not be placed in changed articles (shown as orphans)")
        }
        if replaced > 0 { parts.append("\(replaced) annotation\(replaced == 1 ? "" : "s") placed again in changed articles") }
        let missing = missingArticles.values.reduce(0) { $0 + $1.count }
        if missing > 0 {
            parts.append("\(missing) belong\(missing == 1 ? "s" : "") to articles no longer in the folder (kept; see glossa export)")
        }
        if let saveProblem { parts.append("new places not saved: \(saveProblem)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

extension AppDatabase {
    /// Reads every annotation and re-anchors those whose article text changed, saving the new places
    /// (when the database can be written). Nothing is deleted: what cannot be placed is an orphan.
    public func loadAnnotations(for library: Library) throws(StoreError) -> AnnotationLoad {
        var stored = try allAnnotations()
        var load = AnnotationLoad()
        var changed: [Annotation] = []
        for article in library.articles {
            guard let list = stored.removeValue(forKey: article.path) else { continue }
            let (placed, updates) = Self.place(list, in: article)
            load.annotations[article.path] = placed
            changed += updates
            load.replaced += updates.filter { !$0.isOrphan }.count
        }
        load.missingArticles = stored
        if isWritable {
            do {
                try savePlacements(changed)
            } catch {
                load.saveProblem = error.description
            }
        }
        return load
    }

    /// One article's annotations, re-read from the database and placed in its current text
    /// (another Glossa may have written to the library since it was opened); places that moved are
    /// saved when the database is writable. `storedAnnotations(forArticle:)` only reads.
    public func placedAnnotations(in article: Article) throws(StoreError) -> [Annotation] {
        let (placed, updates) = Self.place(try storedAnnotations(forArticle: article.path), in: article)
        // Not saving the new places loses nothing: they are found again the same way from the stored
        // anchors each time the article is opened, and `loadAnnotations` at the start says when the
        // database refuses writes.
        if isWritable { try? savePlacements(updates) }
        return placed
    }

    /// Places annotations in an article's text; returns them all, those that changed, and the counts.
    /// Places annotations in an article's text; returns them all, and those that changed (with the
    /// revision they will have once `savePlacements` wrote them).
    static func place(_ list: [Annotation], in article: Article) -> ([Annotation], [Annotation]) {
        // A placeholder (not read yet) has no text to place anything in: nothing is moved.
        guard article.isLoaded else { return (list.sorted(by: Annotation.readingOrder), []) }
        let hash = ContentHash.of(article.text)
        guard list.contains(where: { $0.textHash != hash || $0.isOrphan }) else { return (list, []) }
        let text = AnchorText(article.text)
        var placed: [Annotation] = []
        var updates: [Annotation] = []
        for annotation in list {
            var (result, _) = Anchoring.reanchor(annotation, in: text, hash: hash)
            if result != annotation {
                updates.append(result)
                result.revision += 1
            }
            placed.append(result)
        }
        return (placed.sorted(by: Annotation.readingOrder), updates)
    }
}
