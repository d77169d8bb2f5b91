import Export
import GlossaCore
import TestSupport
import XCTest

/// The Markdown notes, read back with the reference CommonMark parser.
final class MarkdownExporterTests: XCTestCase {
    static let smallArticle = Article(path: "belarus/kredit.txt", text: """
     date 2023-06-26
    Lukaschenko hilft Putin

    Mit Krediten in Höhe von 1,5 Milliarden Dollar hielt Wladimir Putin das Regime am Leben.

    """)

    func testASmallExportReadsLikeThis() throws {
        // Given a claim with verdict, note and tags, and a plain note
        let article = Self.smallArticle
        let claim = ExportFixtures.annotation("c1", "1,5 Milliarden Dollar hielt Wladimir Putin", in: article,
                                              verdict: .disputed, note: "Laut Reuters *1* Mrd.", tags: ["kredit", "russland"])
        let note = ExportFixtures.annotation("n1", "das Regime", in: article, claim: false, note: "Welches?")
        // When it is exported for a reader one folder up
        let markdown = MarkdownExporter.render(label: "news", articles: [ExportFixtures.notes(article, [note, claim])],
                                               missing: [:], linkBase: "news")
        // Then
        XCTAssertEqual(markdown, """
        # Glossa notes: news

        2 annotations (1 claim, 1 note) on 1 article.

        ## Lukaschenko hilft Putin

        *2023-06-26* · [belarus/kredit.txt](news/belarus/kredit.txt)

        ### Claim 1

        > 1,5 Milliarden Dollar hielt Wladimir Putin

        - Verdict: **disputed**
        - Note: Laut Reuters \\*1\\* Mrd.
        - Tags: kredit, russland
        - Actors: Wladimir Putin (person)
        - Numbers: 1,5 Milliarden Dollar (money)
        - Source: [belarus/kredit.txt, line 4](news/belarus/kredit.txt#L4)

        ### Note 1

        > das Regime

        - Note: Welches?
        - Source: [belarus/kredit.txt, line 4](news/belarus/kredit.txt#L4)

        """)
    }

    static let nastyLines = [
        "Sterne *fett* und _kursiv_ und **mehr** __auch__",
        "Ein [x](y) Link, ![bild](z.png) und [ref][1]",
        "<script>alert('x')</script> <b>fett</b>",
        "# not a heading",
        "1. not a list",
        "> not a quote",
        "`code` und ```fence``` und ~~~",
        "| a | b |",
        "Backslash \\ mitten und am Ende \\",
        "&amp; &lt; &#65; &copy; Entitäten",
        "    four leading spaces",
        "\ttab\tinside\t\ttwice",
        "---",
        "Steuer\u{1B}[31m rot\u{7}\u{9B}2J \u{202E}gnirts\u{2066}x\u{2069}",
        "- minus + plus * star",
        "[ref]: http://example.com \"Titel\"",
        "Zeile mit Leerzeichen am Ende  ",
        "===",
        "<http://example.com> und http://example.com",
    ]

    func testNastyTextsKeepTheStructure() throws {
        // Given quotes, notes, tags, a title and a path full of Markdown syntax and control characters
        let title = "# Titel *mit* [Link](x) <b>HTML</b> & `code` \\ ---"
        let text = title + "\n\nAbsatz eins\n\n\n   Absatz zwei\n" + Self.nastyLines.joined(separator: "\n") + "\n"
        let article = Article(path: "Neu & alt/Bericht (1) [v2] <ü>.txt", text: text)
        var annotations = Self.nastyLines.enumerated().map { index, line in
            ExportFixtures.annotation(String(format: "a%02d", index), line, in: article, claim: index % 2 == 0,
                                      verdict: index % 3 == 0 ? Verdict.allCases[index % 5] : nil)
        }
        annotations.append(ExportFixtures.annotation(
            "b1", "Absatz eins\n\n\n   Absatz zwei\n" + Self.nastyLines[0...5].joined(separator: "\n"), in: article,
            note: "Prüfen: Größe stimmt nicht 🤔 – „Zitat“ *nicht fett*\n> zweite Zeile\n\n\n    dritter Absatz\r\n# vierte",
            tags: ["*wichtig*", "#nachprüfen", "a, b", "[x](y)", "  ", "<i>\n</i>"]))
        // When
        let markdown = MarkdownExporter.render(label: "lib <1>", articles: [ExportFixtures.notes(article, annotations)],
                                               missing: [:], linkBase: "../x y")
        let document = try CommonMark.parse(markdown)
        // Then the blocks are exactly these
        let ordered = annotations.sorted(by: Annotation.readingOrder)
        XCTAssertEqual(document.children.map(\.name),
                       ["heading", "paragraph", "heading", "paragraph"] + ordered.flatMap { _ in ["heading", "block_quote", "list"] })
        let headings = document.children.filter { $0.name == "heading" }
        XCTAssertEqual(headings.map { $0.attributes["level"] }, ["1", "2"] + ordered.map { _ in "3" })
        XCTAssertEqual(headings[0].text, "Glossa notes: lib <1>")
        XCTAssertEqual(headings[1].text, article.title)
        let link = "../x%20y/Neu%20%26%20alt/Bericht%20%281%29%20%5Bv2%5D%20%3C%C3%BC%3E.txt"
        XCTAssertEqual(document.children[3].text, "undated · \(article.path)")
        var claims = 0, notes = 0
        for (index, annotation) in ordered.enumerated() {
            let heading = document.children[4 + 3 * index], quote = document.children[5 + 3 * index]
            let items = document.children[6 + 3 * index].children
            if annotation.isClaim { claims += 1 } else { notes += 1 }
            XCTAssertEqual(heading.text, annotation.isClaim ? "Claim \(claims)" : "Note \(notes)")
            // The quote is one block quote of plain text and line breaks that reads as the quote.
            XCTAssertEqual(quote.text, MarkdownEscaping.normalizedLines(annotation.quote.exact).joined(separator: "\n"))
            XCTAssertEqual(Set(quote.descendants.map(\.name)).subtracting(["block_quote", "paragraph", "text", "softbreak"]), [])
            XCTAssertFalse(quote.text.contains("\u{1B}") || quote.text.contains("\u{202E}") || quote.text.contains("\t"))
            var expected: [String] = []
            if let verdict = annotation.verdict {
                expected.append("Verdict: " + verdict.label)
            } else if annotation.isClaim {
                expected.append("Verdict: none yet")
            }
            if annotation.id == "b1" {
                expected.append("Note: Prüfen: Größe stimmt nicht 🤔 – „Zitat“ *nicht fett*\n> zweite Zeile\n\ndritter Absatz\n# vierte")
                expected.append("Tags: *wichtig*, #nachprüfen, a, b, [x](y), <i> </i>")
            }
            let line = article.text.unicodeScalars.prefix(annotation.span.start).filter { $0 == "\n" }.count + 1
            let kept = items.map(\.text).filter { !$0.hasPrefix("Actors: ") && !$0.hasPrefix("Numbers: ") }
            XCTAssertEqual(kept, expected + ["Source: \(article.path), line \(line)"], annotation.id)
            let links = items.last?.descendants.filter { $0.name == "link" } ?? []
            XCTAssertEqual(links.map { $0.attributes["destination"] }, [link + "#L\(line)"])
        }
        // No HTML or code leaked anywhere; the only emphasis is the date's, the only links are the article's.
        let names = Set(document.descendants.map(\.name))
        XCTAssertTrue(names.isDisjoint(with: ["html_block", "html_inline", "code", "code_block", "thematic_break", "linebreak"]), "\(names)")
        XCTAssertEqual(document.descendants.filter { $0.name == "emph" }.map(\.text), ["undated"])
        let links = document.descendants.filter { $0.name == "link" }
        XCTAssertEqual(links.count, 1 + ordered.count)
        XCTAssertEqual(links.first?.attributes["destination"], link)
        XCTAssertEqual(links.first?.text, article.path)
    }

    func testOrphansAndArticlesNoLongerInTheLibrary() throws {
        // Given a placed claim, an orphaned note, and two annotations of an article that is gone
        let article = Self.smallArticle
        let claim = ExportFixtures.annotation("c1", "Wladimir Putin", in: article)
        var orphan = ExportFixtures.annotation("o1", "das Regime", in: article, claim: false, note: "alt")
        orphan.isOrphan = true
        let gone = [ExportFixtures.annotation("g2", "Putin", in: article, claim: false, note: "weg"),
                    ExportFixtures.annotation("g1", "Lukaschenko", in: article, verdict: .false)]
            .map { annotation -> Annotation in
                var moved = annotation
                moved.article = "alt/weg (1).md"
                return moved
            }
        // When
        let markdown = MarkdownExporter.render(label: "news", articles: [ExportFixtures.notes(article, [orphan, claim])],
                                               missing: ["alt/weg (1).md": gone], linkBase: ".")
        let document = try CommonMark.parse(markdown)
        // Then
        let headings = document.children.filter { $0.name == "heading" }
        XCTAssertEqual(headings.map(\.text), ["Glossa notes: news", "Lukaschenko hilft Putin", "Claim 1", "Orphan note 1",
                                              "Articles no longer in the library", "Claim 1", "Note 1"])
        XCTAssertEqual(headings.map { $0.attributes["level"] }, ["1", "2", "3", "3", "2", "3", "3"])
        XCTAssertEqual(document.children[1].text, "4 annotations (2 claims, 2 notes) on 2 articles; 1 orphan; 2 on articles no longer in the library.")
        let lists = document.children.filter { $0.name == "list" }.map { $0.children.map(\.text) }
        XCTAssertEqual(lists[0], ["Verdict: none yet", "Actors: Wladimir Putin (person)", "Source: belarus/kredit.txt, line 4"])
        XCTAssertEqual(lists[1], ["Note: alt", "Placement: " + MarkdownExporter.orphanNotice, "Source: belarus/kredit.txt"])
        XCTAssertEqual(lists[2], ["Verdict: false", "Source: alt/weg (1).md (no longer in the library)"])
        XCTAssertEqual(lists[3], ["Note: weg", "Source: alt/weg (1).md (no longer in the library)"])
        XCTAssertEqual(document.descendants.filter { $0.name == "link" }.compactMap { $0.attributes["destination"] },
                       ["belarus/kredit.txt", "belarus/kredit.txt#L4", "belarus/kredit.txt"])
        XCTAssertEqual(document.children.first { $0.name == "paragraph" && $0.text.hasPrefix("alt/") }?.text, "alt/weg (1).md")
    }

    func testTheSameAnnotationsInAnyOrderGiveTheSameBytes() throws {
        // Given two articles and their annotations, then the same annotations shuffled
        let first = Self.smallArticle
        let second = Article(path: "b.txt", text: "Zweiter Text\n\nDie Inflation lag bei 3 Prozent, sagte Christine Lagarde.\n")
        let annotations = ["Inflation", "3 Prozent", "Christine Lagarde", "sagte", "Inflation lag"].enumerated().map {
            ExportFixtures.annotation("s\($0.offset)", $0.element, in: second, claim: $0.offset % 2 == 0, tags: ["b", "a"])
        } + [ExportFixtures.annotation("z", "Putin", in: first),
             ExportFixtures.annotation("y", "Putin", in: first)]
        func render(seed: UInt64) -> String {
            let shuffled = ExportFixtures.shuffled(annotations, seed: seed)
            let library = [first, second].map { article in
                ExportFixtures.notes(article, shuffled.filter { $0.article == article.path })
            }
            return MarkdownExporter.render(label: "news", articles: library, missing: ["x.txt": shuffled.filter { $0.id.hasPrefix("s") }],
                                           linkBase: ".")
        }
        // When / Then
        let reference = render(seed: 1)
        for seed: UInt64 in 2...6 { XCTAssertEqual(render(seed: seed), reference) }
        XCTAssertLessThan(try XCTUnwrap(reference.range(of: "### Claim 1\n\n> Putin")).lowerBound,
                          try XCTUnwrap(reference.range(of: "### Claim 1\n\n> Inflation\n")).lowerBound)
    }
}
