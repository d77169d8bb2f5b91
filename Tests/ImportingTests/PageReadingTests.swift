import Foundation
@testable import Importing
import TestSupport
import XCTest

/// A news page's article, title, date and author, as `glossa import` takes them.
final class PageReadingTests: XCTestCase {
    func article(_ name: String, charset: String? = nil) throws -> ImportedArticle {
        let loaded = LoadedSource(data: try Pages.data(name), contentType: charset.map { "text/html; charset=\($0)" }, url: Pages.url(name))
        return try Importer.article(loaded, fallback: nil)
    }

    func testTheArticleWithoutMenusTeasersBannersCaptionsOrPointers() throws {
        let article = try article("artikel.html")
        XCTAssertEqual(article.paragraphs, [
            "Die USA lockern ihre Sanktionen gegen Belarus. Im Gegenzug kommen 123 politische Gefangene frei, darunter die Oppositionelle Maria Kalesnikawa.",
            "Der US-Sondergesandte John Coale sagte am Samstag in Minsk, Washington werde die Strafmaßnahmen gegen den belarussischen Kalikonzern Belaruskali aufheben. Das Unternehmen ist einer der größten Düngemittelhersteller der Welt.",
            "Machthaber Alexander Lukaschenko ließ nach Angaben der Menschenrechtsorganisation Wjasna seit dem Sommer mehr als 400 Häftlinge frei.",
            "Kritik aus der EU",
            "Die Europäische Union hält an ihren eigenen Sanktionen fest. Eine Sprecherin der EU-Kommission sagte, die Lage der Menschenrechte habe sich nicht grundlegend verändert.",
        ])
        // Open Graph is trusted before JSON-LD, JSON-LD before the markup.
        XCTAssertEqual(article.title, "USA heben Sanktionen gegen Belarus auf")
        XCTAssertEqual(article.date, "2025-12-13T10:15:00+01:00")
        XCTAssertEqual(article.author, "Anna Beispiel")
        XCTAssertEqual(article.source, "https://nachrichten.example/ausland/usa-sanktionen-belarus-100.html")
    }

    func testWindows1252DeclaredInThePageAndDatelineDate() throws {
        let article = try article("cp1252.html")
        XCTAssertEqual(article.title, "Bundestag beschließt Haushalt für 2026")
        XCTAssertEqual(article.date, "2025-11-28")
        XCTAssertEqual(article.paragraphs.count, 2)
        XCTAssertTrue(article.paragraphs[0].hasSuffix("524,5 Milliarden Euro vor – rund 22 Milliarden mehr als im Vorjahr."), article.paragraphs[0])
        XCTAssertTrue(article.paragraphs[1].contains("„Haushalt der Investitionen“. Die Grünen"), article.paragraphs[1])
        XCTAssertEqual(article.source, Pages.url("cp1252.html").absoluteString)
    }

    func testWindows1252DeclaredInTheHeaderOnly() throws {
        var page = String(decoding: try Pages.data("artikel.html"), as: UTF8.self).replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        page = page.replacingOccurrences(of: "Düngemittelhersteller", with: "Düngemittelhersteller für 5 €")
        let bytes = try XCTUnwrap(page.data(using: .windowsCP1252))
        let loaded = LoadedSource(data: bytes, contentType: "text/html; charset=windows-1252", url: URL(string: "https://x.example/a")!)
        let article = try Importer.article(loaded, fallback: nil)
        XCTAssertTrue(article.paragraphs[1].contains("Düngemittelhersteller für 5 € der Welt"), article.paragraphs[1])
    }

    func testJSONLDInAGraphAndTimeElements() throws {
        let strike = try article("bahnstreik.html")
        XCTAssertEqual(strike.title, "Bahnstreik legt Fernverkehr lahm")
        XCTAssertEqual(strike.date, "2025-12-05T06:45:00+01:00")
        XCTAssertEqual(strike.author, "Max Muster, Erika Muster")
        XCTAssertEqual(strike.paragraphs.count, 2, "\(strike.paragraphs)")
        let hague = try article("niederlande.html")
        XCTAssertEqual(hague.date, "2025-12-02")
        XCTAssertEqual(hague.paragraphs.first?.hasPrefix("König Willem-Alexander hat am Dienstag"), true)
    }

    /// Paragraphs written as `div`s, a lead beside the text, boxes of promotion and lists of links around.
    func testParagraphsAsDivsWithTheLeadBesideThem() throws {
        let sentence = "Der Satz hat genug Wörter, Kommas und Länge, um als laufender Text eines Artikels zu gelten."
        let page = """
        <html><body><div id="wrap">
        <div class="promo"><p>Jetzt das Magazin digital lesen, mit Grafiken, Videos und 3-D-Modellen, schon freitags ab 18 Uhr.</p></div>
        <div class="story">
          <h2>Überschrift</h2>
          <div class="vorspann">Der Vorspann fasst zusammen, was geschah, und warum es wichtig ist, in zwei Sätzen.</div>
          <div class="text">
            <div class="absatz">Erster Absatz. \(sentence)</div>
            <div class="absatz">Zweiter Absatz. \(sentence)</div>
            <div class="absatz">Dritter Absatz. \(sentence)</div>
          </div>
        </div>
        <div class="top"><ul><li><a href="/a">Meistgelesen: Ein anderer Artikel mit langer Überschrift</a></li></ul></div>
        </div></body></html>
        """
        let loaded = LoadedSource(data: Data(page.utf8), contentType: "text/html", url: URL(string: "https://x.example/a")!)
        // The heading beside the text is the page's headline, already the title.
        XCTAssertEqual(try Importer.article(loaded, fallback: nil).paragraphs, [
            "Der Vorspann fasst zusammen, was geschah, und warum es wichtig ist, in zwei Sätzen.",
            "Erster Absatz. \(sentence)", "Zweiter Absatz. \(sentence)", "Dritter Absatz. \(sentence)",
        ])
    }

    /// A site that wraps its story in an `<aside>`: kept, since it holds the running text; the real aside goes.
    func testAStoryInsideAnAside() throws {
        let page = """
        <html><body><main>
        <aside class="content"><section><article class="cf"><div itemprop="articleBody">
          <p>Frankfurt (dpa) - Der Preis geht in diesem Jahr an einen Roman über die alte Bundesrepublik, erzählt aus der Sicht eines Jungen.</p>
        </div></article></section></aside>
        <aside class="plista"><p>Weitere Artikel, die Sie interessieren könnten: eine lange Liste von Empfehlungen.</p></aside>
        </main></body></html>
        """
        let loaded = LoadedSource(data: Data(page.utf8), contentType: "text/html", url: URL(string: "https://x.example/a")!)
        XCTAssertEqual(try Importer.article(loaded, fallback: nil).paragraphs, [
            "Frankfurt (dpa) - Der Preis geht in diesem Jahr an einen Roman über die alte Bundesrepublik, erzählt aus der Sicht eines Jungen.",
        ])
    }

    /// An interview: questions and answers split by `<br>`, a heading with a table-of-contents id, a lead
    /// paragraph classed as a teaser, a newsletter paragraph, and the site's name after the title.
    func testAnInterviewPage() throws {
        let page = """
        <html><head><meta property="og:title" content="Wie Freenet Kunden gewinnen will › Meedia">
        <link rel="canonical" href="https://meedia.de/2016/03/08/freenet/"></head><body><article>
        <p class="teaser">Der Konzern will Antennenfernsehen in HD verkaufen, gegen eine Gebühr, sagt der Chef.</p>
        <h3 id="nav_geld__1">Geld</h3>
        <p><strong>Was kostet das?<br></strong>Wir prüfen gerade verschiedene Preise und Modelle, sagt er, und lächelt.</p>
        <p id="newsletter-teaser"><em>Abonnieren Sie kostenlos den Newsletter und bleiben Sie auf dem Laufenden.</em></p>
        </article></body></html>
        """
        let loaded = LoadedSource(data: Data(page.utf8), contentType: "text/html", url: URL(fileURLWithPath: "/tmp/saved.html"))
        let article = try Importer.article(loaded, fallback: nil)
        XCTAssertEqual(article.title, "Wie Freenet Kunden gewinnen will")
        XCTAssertEqual(article.paragraphs, [
            "Der Konzern will Antennenfernsehen in HD verkaufen, gegen eine Gebühr, sagt der Chef.",
            "Geld",
            "Was kostet das? Wir prüfen gerade verschiedene Preise und Modelle, sagt er, und lächelt.",
        ])
    }

    func testAPageOfLinksHasNoArticle() {
        let page = Data("<html><body><ul><li><a href='/a'>Eins</a></li><li><a href='/b'>Zwei</a></li></ul></body></html>".utf8)
        let loaded = LoadedSource(data: page, contentType: "text/html", url: URL(string: "https://x.example/")!)
        XCTAssertThrowsError(try Importer.article(loaded, fallback: nil)) { error in
            XCTAssertEqual("\(error)", "no article text found on the page")
        }
    }

    func testWhatIsNeitherAPageNorAFeed() {
        let text = LoadedSource(data: Data("Nur Text, keine Auszeichnung.".utf8), contentType: "text/plain", url: URL(string: "https://x.example/t")!)
        XCTAssertThrowsError(try Importer.kind(text)) { XCTAssertEqual("\($0)", "not an HTML page or a feed") }
    }
}
