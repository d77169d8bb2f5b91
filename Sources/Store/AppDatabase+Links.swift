import GRDB
import GlossaCore

/// The user's decisions about links between events: confirmed or removed. They win over the linker.
extension AppDatabase {
    /// Stores a decision, replacing an earlier one about the same two events.
    public func saveLinkDecision(_ decision: LinkDecision) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO linkDecision (firstArticle, firstEvent, secondArticle, secondEvent, kind, firstQuote, secondQuote)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [decision.first.article, decision.first.event, decision.second.article, decision.second.event,
                                 decision.kind.rawValue, decision.firstQuote, decision.secondQuote])
        }
    }

    public func linkDecisions() throws(StoreError) -> [LinkDecision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM linkDecision ORDER BY firstArticle, firstEvent, secondArticle, secondEvent").compactMap { row in
                guard let kind = LinkDecision.Kind(rawValue: row["kind"]) else { return nil }
                return LinkDecision(EventReference(article: row["firstArticle"], event: row["firstEvent"]),
                                    EventReference(article: row["secondArticle"], event: row["secondEvent"]), kind: kind,
                                    quotes: (row["firstQuote"], row["secondQuote"]))
            }
        }
    }
}
