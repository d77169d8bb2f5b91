import Extraction
import Foundation
import GlossaCore

/// The export entry points for the command line and the reader: a library and its annotations in,
/// a document out.
public enum NotesExport {
    /// The output formats.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, json
    }

    /// The document in a format; see `markdown` and `json`.
    public static func render(_ format: Format, library: Library, annotations: [String: [Annotation]],
                              missing: [String: [Annotation]], linkBase: String, options: ExtractionOptions) -> String {
        switch format {
        case .markdown:
            return markdown(library: library, annotations: annotations, missing: missing, linkBase: linkBase, options: options)
        case .json:
            return json(library: library, annotations: annotations, missing: missing)
        }
    }

    /// CommonMark notes.
    /// - Parameters:
    ///   - annotations: by article path (as `AppDatabase.loadAnnotations` gives them); paths that are
    ///     not in the library are ignored (pass them in `missing`).
    ///   - missing: by the path of an article no longer in the library.
    ///   - linkBase: the library folder relative to the folder the notes are read from.
    ///   - options: for the actors and numbers of each annotated span (the user's `actors.toml`).
    public static func markdown(library: Library, annotations: [String: [Annotation]], missing: [String: [Annotation]],
                                linkBase: String, options: ExtractionOptions) -> String {
        let articles = library.articles.compactMap { article -> ArticleNotes? in
            guard let list = annotations[article.path], !list.isEmpty else { return nil }
            let extraction = list.contains { !$0.isOrphan }
                ? Extractor.extract(article, options: options)
                : ArticleExtraction(sentences: [], numbers: [])
            return ArticleNotes(article: article, annotations: list, extraction: extraction)
        }
        return MarkdownExporter.render(label: label(of: library), articles: articles, missing: missing, linkBase: linkBase)
    }

    /// A W3C Web Annotation collection (JSON-LD); targets are article paths relative to the library.
    public static func json(library: Library, annotations: [String: [Annotation]], missing: [String: [Annotation]]) -> String {
        WebAnnotationExporter.render(label: "Glossa notes: " + label(of: library),
                                     annotations: ordered(library: library, annotations: annotations, missing: missing))
    }

    /// Every annotation in export order: articles in library order, each in reading order with its
    /// orphans last, then those of missing articles by path.
    public static func ordered(library: Library, annotations: [String: [Annotation]], missing: [String: [Annotation]]) -> [Annotation] {
        library.articles.flatMap { ExportOrder.sorted(annotations[$0.path] ?? []) }
            + missing.keys.sorted().flatMap { ExportOrder.sorted(missing[$0] ?? []) }
    }

    /// The library folder's name (`news` for `~/news`, the current folder's name for `.`).
    public static func label(of library: Library) -> String {
        let name = URL(fileURLWithPath: library.root).standardizedFileURL.lastPathComponent
        return name.isEmpty ? library.root : name
    }
}
