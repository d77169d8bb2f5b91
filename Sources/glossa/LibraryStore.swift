import Export
import Extraction
import Foundation
import GlossaCore
import Indexing
import Linking
import ReaderUI
import Store

/// The reader's link to the library's database: opens it, loads and places the annotations, and
/// gives the runtime its store services. When the database cannot be used, the reader still opens
/// and says why; nothing in the file is touched.
struct LibraryStore {
    let database: AppDatabase?
    /// Why annotations cannot be saved (nil: they can).
    let problem: String?

    init(launch: LibraryLaunch) {
        database = launch.database
        problem = launch.problem
    }

    /// The runtime's services over this database.
    func services(export: ReaderExport) -> Services {
        guard let database, problem == nil || database.isWritable else {
            let reason = ServiceError(problem ?? "there is no database")
            return Services(store: { _ in throw reason },
                            load: { article in try database?.placedAnnotations(in: article) ?? [] },
                            exportMarkdown: { throw reason })
        }
        return Services(
            store: { change in
                do {
                    if let after = change.after { return try database.saveAnnotation(after) }
                    if let before = change.before { try database.deleteAnnotation(before) }
                    return nil
                } catch StoreError.conflict {
                    throw ServiceError(StoreError.conflict(database.path).description, reload: true)
                }
            },
            load: { article in try database.placedAnnotations(in: article) },
            exportMarkdown: { try export.run(database) },
            decide: { decision in try database.saveLinkDecision(decision) }
        )
    }
}
