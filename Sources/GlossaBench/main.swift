import Extraction
import Foundation
import GlossaCore
import Indexing
import Linking
import ReaderUI
import Store

/// `make bench`: speed figures on a deterministic corpus, one per line, then all as key=value.
let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--startup" { StartupChild.run(directory: arguments[2], database: arguments[3]) }
/// `--huge`: only the figures of articles of 10 and 50 MB on one line.
let hugeOnly = arguments.contains("--huge")
/// `--open`: only the figures of opening a 70k-character article.
let openOnly = arguments.contains("--open")
/// `--extract`: only the figures of loading the actor model and extracting the corpus.
let extractOnly = arguments.contains("--extract")
let positional = arguments.dropFirst().filter { !["--huge", "--open", "--extract"].contains($0) }
let seedsDirectory = positional.first ?? "Articles"
let articleCount = positional.count > 1 ? Int(positional[positional.index(after: positional.startIndex)]) ?? 10_000 : 10_000

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func report(_ key: String, _ value: Double, _ what: String, digits: Int = 2) -> String {
    let text = String(format: "%.\(digits)f", value)
    print("\(what): \(text)")
    return "\(key)=\(text)"
}

let seeds: [String]
do {
    let library = try LibraryLoader.load(directory: seedsDirectory)
    seeds = library.articles.map(\.text)
} catch {
    FileHandle.standardError.write(Data("glossa-bench: \(error)\n".utf8))
    exit(1)
}
guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("glossa-bench: no seed articles in \(seedsDirectory)\n".utf8))
    exit(1)
}

// The reader's keys, as on a long article: down, actors, pane, pages, up, last and first sentence.
let keyScript: [Key] = Array(repeating: .char("j"), count: 150) + [.char("e"), .char("m"), .tab, .char("j"), .tab]
    + Array(repeating: .char(" "), count: 10) + Array(repeating: .char("k"), count: 100) + [.char("G"), .char("g"), .char("p"), .char("p")]
func hugeFigures() -> [String] {
    HugeArticle.figures(bytes: 10_000_000, seeds: seeds, prefix: "huge10", script: keyScript)
        + HugeArticle.figures(bytes: 50_000_000, seeds: seeds, prefix: "huge50", script: keyScript)
}
if openOnly {
    print(OpenArticle.figures(seeds: seeds).joined(separator: " "))
    exit(0)
}
if hugeOnly {
    print(hugeFigures().joined(separator: " "))
    exit(0)
}

var generator = CorpusGenerator(seeds: seeds)
let corpus = generator.articles(articleCount)
let corpusBytes = corpus.reduce(0) { $0 + $1.utf8.count }
let corpusMB = Double(corpusBytes) / 1_000_000
var figures: [String] = []
print("corpus: \(articleCount) articles generated from \(seeds.count) seeds in \(seedsDirectory)")
figures.append(report("corpus_mb", corpusMB, "corpus size (MB)"))

// Loading the actor model and name lists (first use in a process).
let loadStart = now()
_ = TaggerModel.standard
print(String(format: "model weights: %.1f ms", (now() - loadStart) * 1000))
let recognizer = ActorRecognizer()
let loadSeconds = now() - loadStart
print("actor lists: \(recognizer.gazetteer.entries.count) entries; model: \(recognizer.model == nil ? "missing" : "loaded")")
figures.append(report("model_load_ms", loadSeconds * 1000, "actor model and lists load time (ms)", digits: 1))

// Extraction on one core: sentences, numbers and actors of every article, best of three runs.
var best = Double.infinity
var found = 0
var linkable: [LinkableEvent] = []
for run in 0..<3 {
    let start = now()
    var count = 0
    for (index, text) in corpus.enumerated() {
        let (article, extraction) = Extractor.article(path: "bench.txt", text: text)
        count += extraction.sentences.count + extraction.numbers.count + extraction.actors.count
        if run == 0 { linkable += LibraryEvents.linkable("article-\(index).txt", article, extraction) }
    }
    best = min(best, now() - start)
    found = count
}
print("extracted: \(found) sentences, numbers and actors")
figures.append(report("extract_s", best, "extraction time, one core (s)", digits: 3))
figures.append(report("extract_mb_s", corpusMB / best, "extraction throughput, one core (MB/s)"))
if extractOnly {
    print(figures.joined(separator: " "))
    exit(0)
}
// Linking events across articles at growing library sizes (50k: the 10k events five times, as other articles).
print("events: \(linkable.count) in \(articleCount) articles")
let perArticle = Dictionary(grouping: linkable, by: \.article)
for size in [1_000, 5_000, 10_000, 50_000] {
    var events: [LinkableEvent] = []
    for copy in 0..<max(1, size / max(1, articleCount)) {
        for index in 0..<min(size, articleCount) {
            for var event in perArticle["article-\(index).txt"] ?? [] {
                event.article = "copy\(copy)-" + event.article
                events.append(event)
            }
        }
    }
    let start = now()
    let clusters = EventLinker().clusters(events)
    let seconds = now() - start
    let name = size >= 1_000 ? "\(size / 1_000)k" : "\(size)"
    print("linked \(events.count) events of \(size) articles: \(clusters.count) clusters")
    figures.append(report("link_s_\(name)", seconds, "linking time, \(size) articles (s)", digits: 3))
}

// The reader on the corpus as a folder of files: cold (no database) and warm (from its index).
let corpusDirectory = ".build/bench-corpus"
let databasePath = ".build/bench-corpus.sqlite"
do {
    try writeCorpus(corpus, to: corpusDirectory)
} catch {
    FileHandle.standardError.write(Data("glossa-bench: cannot write the corpus: \(error)\n".utf8))
    exit(1)
}
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
guard let cold = StartupFigures.measure(directory: corpusDirectory, database: databasePath),
      let warm = StartupFigures.measure(directory: corpusDirectory, database: databasePath) else {
    FileHandle.standardError.write(Data("glossa-bench: the startup child failed\n".utf8))
    exit(1)
}
print("cold start: \(cold.loaded) articles read; warm start: \(warm.loaded)")
figures.append(report("first_paint_cold_s", cold.firstPaint, "cold start to first screen (s)", digits: 3))
figures.append(report("index_all_s", cold.indexed, "cold start until every article is extracted, cached and searchable (s)", digits: 3))
figures.append(report("index_target_s", corpusMB / 25, "target for that: corpus MB / 25 MB/s (s)", digits: 3))
figures.append(report("links_all_s", cold.finished, "cold start until events are linked too (s)", digits: 3))
figures.append(report("first_paint_warm_s", warm.firstPaint, "warm start to first screen (s)", digits: 3))
figures.append(report("warm_index_s", warm.indexed, "warm start until every article is read from the index (s)", digits: 3))
figures.append(report("peak_rss_mb", max(cold.rssMB, warm.rssMB), "peak memory of the reader, cold or warm (MB)", digits: 1))
figures.append(report("rss_target_mb", 3 * corpusMB + 100, "target for that: 3 x corpus + 100 (MB)", digits: 1))

// Full-text queries: 100 words and word pairs of the seeds, some with umlauts or ß, typed as ASCII too.
let database = try AppDatabase.open(path: databasePath, readOnly: true)
var words: [String] = []
var wordSeen = Set<String>()
for text in seeds {
    for word in SearchFolding.words(in: text) where word.count >= 5 && word.first!.isUppercase && wordSeen.insert(String(word)).inserted {
        words.append(String(word))
    }
}
var queries: [String] = []
var picker = SplitMix64(state: 7)
while queries.count < 100, !words.isEmpty {
    let word = words[Int(picker.next() % UInt64(words.count))]
    switch queries.count % 4 {
    case 0: queries.append(word)
    case 1: queries.append(word.replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe"))
    case 2: queries.append(word + " " + words[Int(picker.next() % UInt64(words.count))])
    default: queries.append(String(word.prefix(4)))
    }
}
var latencies: [Double] = []
var withSnippets: [Double] = []
let search = LibrarySearch(root: corpusDirectory, database: database)
for query in queries {
    guard let expression = SearchFolding.matchExpression(query) else { continue }
    let start = now()
    _ = try database.search(expression, limit: LibraryResults.limit)
    latencies.append((now() - start) * 1000)
    let full = now()
    _ = try search.run(query)
    withSnippets.append((now() - full) * 1000)
}
figures.append(report("query_median_ms", percentile(latencies, 0.5), "full-text query, median of \(latencies.count) (ms)"))
figures.append(report("query_p99_ms", percentile(latencies, 0.99), "full-text query, 99th percentile (ms)"))
figures.append(report("results_p99_ms", percentile(withSnippets, 0.99), "query with the best sentence of the top 100 results, 99th percentile (ms)"))

// A key to a redrawn screen (reduce, render, diff) at 200x60 on a long article.
let long = seeds.joined(separator: "\n\n") + "\n\n" + seeds.joined(separator: "\n\n")
let longLibrary = Library(root: "bench", articles: [Article(path: "long.txt", text: long)])
let keyTerminal = FakeTerminal(size: Size(width: 200, height: 60))
let keyRuntime = Runtime(state: AppState(library: longLibrary, size: keyTerminal.size), terminal: keyTerminal)
keyRuntime.send(.keyPressed(.enter))
let script = keyScript
var keyTimes: [Double] = []
for _ in 0..<3 {
    for key in script {
        let start = now()
        keyRuntime.send(.keyPressed(key))
        keyTimes.append((now() - start) * 1000)
    }
}
print("long article: \(long.unicodeScalars.count) characters, \(keyRuntime.state.reader?.document.sentences.count ?? 0) sentences")
figures.append(report("keypress_median_ms", percentile(keyTimes, 0.5), "key to redrawn screen at 200x60, median (ms)", digits: 3))
figures.append(report("keypress_p99_ms", percentile(keyTimes, 0.99), "key to redrawn screen at 200x60, 99th percentile (ms)", digits: 3))
figures += OpenArticle.figures(seeds: seeds)
figures += hugeFigures()
print(figures.joined(separator: " "))
