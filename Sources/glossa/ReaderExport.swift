import Export
import Extraction
import Foundation
import GlossaCore
import Indexing
import Linking
import ReaderUI
import Store

/// The reader's export key: all notes of the library as Markdown, next to the library folder
/// (`news-notes.md` beside `news/`), or in its `.glossa` folder when that place cannot be written.
struct ReaderExport {
    let directory: String
    let options: ExtractionOptions

    /// The articles that have annotations, read from disk now (the reader may still be reading
    /// the library in the background); articles without notes do not appear in the notes.
    func annotatedLibrary(_ database: AppDatabase) throws -> Library {
        let articles = try database.allAnnotations().keys.sorted().compactMap { path -> Article? in
            // A file gone since it was annotated has no text to export; its notes stay in the database.
            try? ArticleFile.article(path, in: directory)
        }
        return Library(root: directory, articles: articles)
    }

    /// Where the notes go: beside the folder (not in it: a .md there would be read as an article).
    var candidates: [URL] {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        let name = NotesExport.label(of: Library(root: directory, articles: []))
        return [folder.deletingLastPathComponent().appendingPathComponent("\(name)-notes.md"),
                folder.appendingPathComponent(".glossa/notes.md")]
    }

    func run(_ database: AppDatabase) throws -> String {
        let library = try annotatedLibrary(database)
        let load = try database.loadAnnotations(for: library)
        let count = load.annotations.values.joined().count + load.missingArticles.values.joined().count
        guard count > 0 else { return "Nothing to export yet: mark a claim (c) or write a note (i) first." }
        var lastError: Error?
        for url in candidates where Self.mayWrite(url) {
            let base = url.deletingLastPathComponent().path
            let text = NotesExport.markdown(library: library, annotations: load.annotations, missing: load.missingArticles,
                                            linkBase: RelativePath.from(base, to: directory), options: options)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
                return "Exported \(count) annotation\(count == 1 ? "" : "s") to \(Self.display(url.path))."
            } catch {
                lastError = error
            }
        }
        let reason = lastError.map { $0.localizedDescription } ?? "they are files of your own, not Glossa's notes"
        throw ServiceError("cannot write \(candidates.map(\.path).joined(separator: " or ")): \(reason)")
    }

    /// A file may be replaced only if it does not exist or Glossa wrote it (it starts with its heading).
    static func mayWrite(_ url: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return true }
        defer { try? handle.close() }   // closing a file only read cannot lose anything
        // A file whose start cannot be read is not known to be Glossa's: it is not replaced.
        let start = (try? handle.read(upToCount: 16)) ?? Data()
        return start.starts(with: Data("# Glossa notes: ".utf8))
    }

    /// A path relative to the current folder when it is inside it, else as it is.
    static func display(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
