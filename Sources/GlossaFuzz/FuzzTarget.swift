import Extraction
import Foundation
import GlossaCore
import Importing

/// libFuzzer entry points, built by `make fuzz` with `-sanitize=fuzzer`. `GLOSSA_FUZZ_TARGET` picks
/// one: `extraction` (the default), `anchoring` (the article parser and re-anchoring) or `import`
/// (web pages and feeds).

/// Any bytes, decoded leniently, must extract without crashing and give spans inside the text,
/// ordered and disjoint.
func fuzzExtraction(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let (article, extraction) = Extractor.article(path: "fuzz.txt", text: text)
    let count = text.unicodeScalars.count
    for spans in [extraction.sentences, extraction.numbers.map(\.span)] {
        var previousEnd = article.metadata.contentStart
        for span in spans {
            precondition(span.start >= previousEnd && span.start < span.end && span.end <= count, "bad span \(span)")
            previousEnd = span.end
        }
    }
}

/// The input is 4 bytes that choose a span, then an article's old text, a NUL, and its new text
/// (without a NUL, the old text is also the new one). Both texts must parse with their title,
/// content start and sentences inside them; the span's quote, placed in the new text, must land
/// inside it, on the quote itself when found exactly, and on its old place in the unchanged text.
func fuzzAnchoring(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count > 4 else { return }
    let choice = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    let rest = bytes[4...]
    let split = rest.firstIndex(of: 0)
    let old = String(decoding: rest[..<(split ?? rest.endIndex)], as: UTF8.self)
    let new = split.map { String(decoding: rest[rest.index(after: $0)...], as: UTF8.self) } ?? old
    for text in [old, new] {
        let article = Article(path: "fuzz.txt", text: text)
        let count = ScalarClass.scalars(of: text).count
        precondition(article.metadata.contentStart >= 0 && article.metadata.contentStart <= count)
        if let title = article.metadata.titleSpan { precondition(title.start >= 0 && title.start <= title.end && title.end <= count, "title \(title)") }
        var previousEnd = 0
        for sentence in article.sentences {
            precondition(sentence.start >= previousEnd && sentence.start < sentence.end && sentence.end <= count, "sentence \(sentence)")
            precondition(sentence.length <= SentenceSplitter.maxLength, "sentence of \(sentence.length)")
            previousEnd = sentence.end
        }
    }
    let oldScalars = ScalarClass.scalars(of: old)
    guard !oldScalars.isEmpty else { return }
    let start = (choice >> 16) % oldScalars.count
    let span = TextSpan(start: start, end: start + 1 + (choice & 0xFFFF) % min(300, oldScalars.count - start))
    let quote = Anchoring.selector(for: span, in: oldScalars)
    precondition(Array(quote.exact.unicodeScalars) == Array(oldScalars[span.start..<span.end]), "selector quote")
    let annotation = Annotation(id: "fuzz", article: "fuzz.txt", span: span, quote: quote, textHash: "old")

    let (same, sameOutcome) = Anchoring.reanchor(annotation, in: AnchorText(scalars: oldScalars), hash: "old-again")
    precondition(sameOutcome == .unchanged && same.span == span, "the unchanged text moved it: \(sameOutcome) \(same.span)")

    let newScalars = ScalarClass.scalars(of: new)
    let (placed, outcome) = Anchoring.reanchor(annotation, in: AnchorText(scalars: newScalars), hash: "new")
    guard outcome != .orphan else {
        precondition(placed.isOrphan && placed.quote == quote, "an orphan keeps its quote")
        return
    }
    let result = placed.span
    precondition(result.start >= 0 && result.start <= result.end && result.end <= newScalars.count, "placed outside: \(result)")
    if outcome == .unchanged || outcome == .moved {
        precondition(Array(newScalars[result.start..<result.end]) == Array(oldScalars[span.start..<span.end]), "\(outcome) but not the quote")
    }
    precondition(placed.quote == Anchoring.selector(for: result, in: newScalars), "the new quote is the text at the new place")
}

/// Any bytes, as a web page and as a feed, must import or fail without crashing; an article has
/// paragraphs of one line each, and its file's front matter gives back its title and date.
func fuzzImport(_ bytes: UnsafeBufferPointer<UInt8>) {
    let data = Data(bytes)
    let url = URL(string: "https://fuzz.example/seite.html")!
    let writer = importWriter
    func check(_ article: ImportedArticle) {
        precondition(!article.title.isEmpty && !article.title.contains("\n"), "title \(article.title)")
        precondition(article.paragraphs.allSatisfy { !$0.isEmpty && !$0.contains("\n") }, "a paragraph of several lines")
        let metadata = ArticleParser.parse(writer.document(article))
        precondition(metadata.title == article.title, "title \(article.title) read back as \(metadata.title)")
        if let date = article.date, ArticleDate(iso: date.prefix(10)) != nil {
            precondition(metadata.date?.iso == ArticleDate(iso: date.prefix(10))?.iso, "date \(date)")
        }
    }
    if let article = try? Importer.article(LoadedSource(data: data, contentType: "text/html", url: url), fallback: nil) {
        check(article)
    }
    if let document = try? MarkupDocument(xml: data, url: url.absoluteString), let root = document.root,
       let feed = Feed(root, base: url) {
        for item in feed.items { if let article = Importer.article(item, feed: url) { check(article) } }
    }
}

nonisolated(unsafe) let importWriter = try! LibraryWriter(directory: URL(fileURLWithPath: NSTemporaryDirectory()))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    switch fuzzTarget {
    case "anchoring": fuzzAnchoring(bytes)
    case "import": fuzzImport(bytes)
    default: fuzzExtraction(bytes)
    }
    return 0
}

nonisolated(unsafe) let fuzzTarget = ProcessInfo.processInfo.environment["GLOSSA_FUZZ_TARGET"] ?? "extraction"

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM names an executable's entry point `<Module>_main`; hand control to libFuzzer's driver.
@_cdecl("GlossaFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
