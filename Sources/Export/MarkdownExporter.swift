import Extraction
import GlossaCore

/// Renders a library's annotations as CommonMark: one section per annotated article (library order),
/// one subsection per annotation (reading order, orphans last), then annotations of articles that are
/// gone. Pure and deterministic: the same input gives the same bytes.
public enum MarkdownExporter {
    /// The text of the orphan line.
    public static let orphanNotice = "could not be placed in the changed article; quote as written"
    /// The heading of the section for annotations whose article is no longer in the library.
    public static let missingHeading = "Articles no longer in the library"

    /// - Parameters:
    ///   - label: names the library in the title.
    ///   - articles: annotated articles in library order (others are skipped).
    ///   - missing: annotations by the path of an article no longer in the library.
    ///   - linkBase: the library folder relative to the folder the export is read from (`.`, `../news`).
    public static func render(label: String, articles: [ArticleNotes], missing: [String: [Annotation]], linkBase: String) -> String {
        let annotated = articles.filter { !$0.annotations.isEmpty }
        let missingPaths = missing.keys.filter { !(missing[$0] ?? []).isEmpty }.sorted()
        let all = annotated.flatMap(\.annotations) + missingPaths.flatMap { missing[$0] ?? [] }
        var blocks = ["# Glossa notes: " + MarkdownEscaping.inline(label),
                      summary(all, articleCount: annotated.count + missingPaths.count,
                              missingCount: missingPaths.reduce(0) { $0 + (missing[$1]?.count ?? 0) })]
        for notes in annotated {
            blocks += articleBlocks(notes, linkBase: linkBase)
        }
        if !missingPaths.isEmpty {
            blocks.append("## " + missingHeading)
            for path in missingPaths {
                blocks += missingBlocks(path: path, annotations: missing[path] ?? [])
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `5 annotations (3 claims, 2 notes) on 2 articles; 1 orphan; 1 on articles no longer in the library.`
    static func summary(_ annotations: [Annotation], articleCount: Int, missingCount: Int) -> String {
        let claims = annotations.filter(\.isClaim).count
        var parts = [counted(annotations.count, "annotation")
            + " (\(counted(claims, "claim")), \(counted(annotations.count - claims, "note"))) on "
            + counted(articleCount, "article")]
        let orphans = annotations.filter(\.isOrphan).count
        if orphans > 0 { parts.append(counted(orphans, "orphan")) }
        if missingCount > 0 { parts.append("\(missingCount) on articles no longer in the library") }
        return parts.joined(separator: "; ") + "."
    }

    static func articleBlocks(_ notes: ArticleNotes, linkBase: String) -> [String] {
        let article = notes.article
        let title = MarkdownEscaping.inline(article.title)
        let link = destination(article.path, base: linkBase)
        var blocks = ["## " + (title.isEmpty ? MarkdownEscaping.inline(article.path) : title),
                      "*\(article.date?.iso ?? "undated")* · [\(MarkdownEscaping.inline(article.path))](\(link))"]
        var numbering = Numbering()
        for annotation in ExportOrder.sorted(notes.annotations) {
            blocks.append("### " + numbering.heading(for: annotation))
            blocks.append(quote(annotation.quote.exact))
            var items = commonItems(annotation)
            if annotation.isOrphan {
                items.append("Placement: " + orphanNotice)
                items.append("Source: [\(MarkdownEscaping.inline(article.path))](\(link))")
            } else {
                items += extractedItems(notes.extraction, span: annotation.span)
                let line = notes.line(ofOffset: annotation.span.start)
                items.append("Source: [\(MarkdownEscaping.inline(article.path + ", line \(line)"))](\(link)#L\(line))")
            }
            blocks.append(list(items))
        }
        return blocks
    }

    static func missingBlocks(path: String, annotations: [Annotation]) -> [String] {
        var blocks = ["**" + MarkdownEscaping.inline(path) + "**"]
        var numbering = Numbering()
        for annotation in ExportOrder.sorted(annotations) {
            blocks.append("### " + numbering.heading(for: annotation))
            blocks.append(quote(annotation.quote.exact))
            blocks.append(list(commonItems(annotation) + ["Source: " + MarkdownEscaping.inline(path) + " (no longer in the library)"]))
        }
        return blocks
    }

    /// Verdict, note and tags, as list item texts (the note may hold line breaks).
    static func commonItems(_ annotation: Annotation) -> [String] {
        var items: [String] = []
        if let verdict = annotation.verdict {
            items.append("Verdict: **\(MarkdownEscaping.inline(verdict.label))**")
        } else if annotation.isClaim {
            items.append("Verdict: none yet")
        }
        let note = MarkdownEscaping.blockLines(annotation.note)
        if !note.isEmpty { items.append("Note: " + note.joined(separator: "\n")) }
        let tags = annotation.tags.map(MarkdownEscaping.inline).filter { !$0.isEmpty }
        if !tags.isEmpty { items.append("Tags: " + tags.joined(separator: ", ")) }
        return items
    }

    /// Actors (distinct, by display name, in order of first mention) and numbers inside a span.
    static func extractedItems(_ extraction: ArticleExtraction, span: TextSpan) -> [String] {
        var items: [String] = []
        var seen: Set<String> = []
        let actors = extraction.actors(in: span).filter { seen.insert($0.actor).inserted }
        if !actors.isEmpty {
            items.append("Actors: " + actors.map { MarkdownEscaping.inline($0.name) + " (\($0.type.rawValue))" }.joined(separator: ", "))
        }
        let numbers = extraction.numbers(in: span)
        if !numbers.isEmpty {
            items.append("Numbers: " + numbers.map { MarkdownEscaping.inline($0.text) + " (\($0.kind.rawValue))" }.joined(separator: ", "))
        }
        return items
    }

    /// A block quote of a text: one `> ` line per line, `>` for paragraph breaks.
    static func quote(_ text: String) -> String {
        let lines = MarkdownEscaping.blockLines(text)
        if lines.isEmpty { return ">" }
        return lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }

    /// A bullet list; the lines after an item's first are indented to stay inside it.
    static func list(_ items: [String]) -> String {
        items.map { item in
            item.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                index == 0 ? "- " + line : (line.isEmpty ? "" : "  " + line)
            }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func destination(_ path: String, base: String) -> String {
        MarkdownEscaping.linkDestination(base == "." || base.isEmpty ? path : base + "/" + path)
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Numbers annotations per kind within one article: Claim 1, Note 1, Claim 2, Orphan claim 1 …
    struct Numbering {
        private var counts: [String: Int] = [:]

        mutating func heading(for annotation: Annotation) -> String {
            let kind = annotation.isClaim ? "claim" : "note"
            let name = annotation.isOrphan ? "Orphan " + kind : kind.prefix(1).uppercased() + kind.dropFirst()
            counts[name, default: 0] += 1
            return "\(name) \(counts[name] ?? 0)"
        }
    }
}
