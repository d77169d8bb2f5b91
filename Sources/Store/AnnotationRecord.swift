import Foundation
import GlossaCore
import GRDB

/// One row of the `annotation` table.
struct AnnotationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "annotation"

    var id: String
    var article: String
    var start: Int
    var end: Int
    var exact: String
    var prefix: String
    var suffix: String
    var textHash: String
    var isClaim: Bool
    var verdict: String?
    var note: String
    /// The tags as a JSON array of strings.
    var tags: String
    var isOrphan: Bool
    var created: Date
    var modified: Date
    var revision: Int

    init(_ annotation: Annotation, created: Date, modified: Date, revision: Int) {
        id = annotation.id
        article = annotation.article
        start = annotation.span.start
        end = annotation.span.end
        exact = annotation.quote.exact
        prefix = annotation.quote.prefix
        suffix = annotation.quote.suffix
        textHash = annotation.textHash
        isClaim = annotation.isClaim
        verdict = annotation.verdict?.rawValue
        note = annotation.note
        // Encoding an array of strings cannot fail.
        tags = String(decoding: (try? JSONEncoder().encode(annotation.tags)) ?? Data("[]".utf8), as: UTF8.self)
        isOrphan = annotation.isOrphan
        self.created = created
        self.modified = modified
        self.revision = revision
    }

    var annotation: Annotation {
        Annotation(id: id, article: article, span: TextSpan(start: start, end: end),
                   quote: TextQuoteSelector(exact: exact, prefix: prefix, suffix: suffix), textHash: textHash,
                   isClaim: isClaim, verdict: verdict.flatMap(Verdict.init(rawValue:)), note: note,
                   // Glossa writes the column as JSON; a value edited by hand into something else
                   // loses its tags, not the annotation.
                   tags: (try? JSONDecoder().decode([String].self, from: Data(tags.utf8))) ?? [],
                   created: created, modified: modified, isOrphan: isOrphan, revision: revision)
    }
}
