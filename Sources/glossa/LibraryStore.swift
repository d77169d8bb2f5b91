import Foundation
import GlossaCore
import ReaderUI
import Store

/// The reader's link to the library's database: opens it, loads and places the annotations, and
/// gives the runtime its store services. When the database cannot be used, the reader still opens
/// and says why; nothing in the file is touched.
struct LibraryStore {
    private(set) var database: AppDatabase?
    /// Annotations by article, placed in the current texts.
    var annotations: [String: [Annotation]] = [:]
    /// Why annotations cannot be saved, for the state (nil: they can).
    var problem: String?
    /// What the status line should say at start (orphans, a read-only file …).
    var notice: String?

    init(path: String, library: Library) {
        var opened: AppDatabase?
        defer { database = opened }
        do {
            let database = try AppDatabase.open(path: path)
            opened = database
            let load = try database.loadAnnotations(for: library)
            annotations = load.annotations
            notice = load.summary
            if !database.isWritable {
                problem = StoreError.readOnly(path).description
                notice = problem
            }
        } catch {
            opened = nil
            problem = error.description
            notice = error.description
        }
    }

    /// The runtime's services over this database.
    func services(library: Library, export: @escaping @Sendable () throws -> String) -> Services {
        guard let database else { return Services(store: { _ in throw ServiceError(problem ?? "no database") }, load: { _ in [] }, exportMarkdown: export) }
        let articles = Dictionary(library.articles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return Services(
            store: { change in
                if let after = change.after { return try database.save(after) }
                if let before = change.before { try database.deleteAnnotation(id: before.id) }
                return nil
            },
            load: { path in
                guard let article = articles[path] else { return [] }
                return try database.annotations(for: article)
            },
            exportMarkdown: export
        )
    }
}
