import GlossaCore
import XCTest

final class ArticleParserTests: XCTestCase {
    func testDateHeaderOnItsOwnLineGivesDateAndTitle() {
        // Given the header form of the seeds, with the title on the next line
        let article = Article(path: "a.txt", text: " date 2020-09 \nPutin sagt Lukaschenko Kredit zu\n\nText.")
        // Then the date comes from the header and the title is the first line after it
        XCTAssertEqual(article.date?.iso, "2020-09")
        XCTAssertEqual(article.metadata.dateSource, .header)
        XCTAssertEqual(article.title, "Putin sagt Lukaschenko Kredit zu")
        XCTAssertEqual(article.metadata.contentStart, 15)
    }

    func testDateHeaderFollowedByTextOnTheSameLine() {
        let article = Article(path: "a.txt", text: " date 2025-07 Auf dem Forum sprach er.\n\nMehr.")
        XCTAssertEqual(article.date?.iso, "2025-07")
        XCTAssertEqual(article.title, "Auf dem Forum sprach er.")
        XCTAssertEqual(article.sentences.first, TextSpan(start: 14, end: 38))
    }

    func testFullDateHeaderAndInvalidHeader() {
        XCTAssertEqual(Article(path: "a.txt", text: "date 2024-02-29\nTitel").date?.iso, "2024-02-29")
        let invalid = Article(path: "a.txt", text: " date 2025-13 Titel")
        XCTAssertNil(invalid.date)
        XCTAssertEqual(invalid.title, "date 2025-13 Titel")
    }

    func testFrontMatterGivesTitleDateAndSource() {
        let text = "---\ntitle: \"Wahl in Belarus\"\ndate: 2020-08-09\nsource: AFP\n---\n\nLukaschenko gewinnt.\n"
        let article = Article(path: "a.md", text: text)
        XCTAssertEqual(article.title, "Wahl in Belarus")
        XCTAssertEqual(article.date?.iso, "2020-08-09")
        XCTAssertEqual(article.metadata.dateSource, .frontMatter)
        XCTAssertEqual(article.metadata.source, "AFP")
        XCTAssertEqual(article.sentences.count, 1)
        XCTAssertEqual(article.wordCount, 2)
    }

    func testUnclosedFrontMatterIsText() {
        let article = Article(path: "a.md", text: "---\ntitle: x\nKein Ende")
        XCTAssertNil(article.metadata.source)
        XCTAssertEqual(article.title, "---")
    }

    func testDatelineInTheFirstLines() {
        let text = "Trump auf Kuschelkurs\nPolitik\n14.11.2025, 20:07 Uhr\n\nText."
        let article = Article(path: "a.txt", text: text)
        XCTAssertEqual(article.date?.iso, "2025-11-14")
        XCTAssertEqual(article.metadata.dateSource, .dateline)
        XCTAssertEqual(Article(path: "b.txt", text: "Titel\nBerlin, 3. Oktober 2024\nText").date?.iso, "2024-10-03")
    }

    func testNoDateAndImpossibleDateline() {
        XCTAssertNil(Article(path: "a.txt", text: "Titel\nDer Text ohne Datum.").date)
        XCTAssertNil(Article(path: "a.txt", text: "Titel\n31.02.2025").date)
    }

    func testBOMIsSkippedButCountedInOffsets() {
        let article = Article(path: "a.txt", text: "\u{FEFF}Titel\nSatz eins.")
        XCTAssertEqual(article.title, "Titel")
        XCTAssertEqual(article.sentences.first, TextSpan(start: 1, end: 6))
    }

    func testCRLFLinesAreLines() {
        let article = Article(path: "a.txt", text: "Titel\r\n\r\nErster Satz. Zweiter Satz.\r\n")
        XCTAssertEqual(article.title, "Titel")
        XCTAssertEqual(article.sentences.map { $0.start }, [0, 9, 22])
        XCTAssertEqual(article.sentences.last?.end, 35)
    }

    func testEmptyAndBlankFiles() {
        for text in ["", "\n\n  \n", "\u{FEFF}"] {
            let article = Article(path: "leer.txt", text: text)
            XCTAssertEqual(article.title, "leer.txt")
            XCTAssertEqual(article.sentences, [])
            XCTAssertEqual(article.wordCount, 0)
        }
    }

    func testLongFirstLineIsCutAtItsFirstSentence() {
        let first = "Auf dem Forum in Minsk sagte der Präsident, dass die Außenpolitik seines Landes Vorrang habe."
        let long = first + " " + String(repeating: "Noch ein langer Satz folgt hier. ", count: 5)
        XCTAssertEqual(Article(path: "a.txt", text: long).title, first)
        let noStop = String(repeating: "Wort ", count: 60)
        let title = Article(path: "a.txt", text: noStop).title
        XCTAssertTrue(title.hasSuffix("…"))
        XCTAssertLessThanOrEqual(title.count, ArticleParser.maxTitleLength)
    }
}
