import ArgumentParser
import Extraction
import Foundation
import GlossaCore
import Linking
import Store

/// `glossa events [DIR]`: the events of a library and the clusters that link them across articles.
struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the events of a library and the links between articles that report the same event.",
        discussion: """
        With --json, one object: {"events": [{"article", "id", "start", "end", "date", "actors", "label"}], \
        "clusters": [{"id", "members": [{"article", "event"}], "reasons", "confidence"}]}. Articles are paths \
        relative to DIR; events are listed once per mention (the sentence that reports it), offsets as in \
        glossa extract.
        """
    )

    @OptionGroup var folder: LibraryFolder

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @Option(help: ArgumentHelp("A linker model as JSON (glossa-train-linker --json), to try it without building Glossa again.",
                               visibility: .hidden))
    var linkerModel: String?

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let directory = folder.directory
        let library = try loadLibrary(directory)
        var options = ExtractionOptions()
        do {
            options.catalog = try ActorCatalog.load(directory: directory)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let progress = library.articles.count > 200
        var extractions: [(article: Article, extraction: ArticleExtraction)] = []
        for (index, article) in library.articles.enumerated() {
            extractions.append((article, Extractor.extract(article, options: options)))
            if progress, (index + 1) % 500 == 0 || index + 1 == library.articles.count {
                FileHandle.standardError.write(Data("\rglossa: events of \(index + 1) of \(library.articles.count) articles".utf8))
            }
        }
        if progress { FileHandle.standardError.write(Data("\n".utf8)) }
        // The user's decisions from the reader win; the database is only read, and only if it exists.
        let path = database.path(library: directory)
        var decisions: [LinkDecision] = []
        if FileManager.default.fileExists(atPath: path) {
            do {
                decisions = try AppDatabase.open(path: path, readOnly: true).linkDecisions()
            } catch {
                printError("\(error.description) (links decided in the reader are not applied)")
            }
        }
        var linker = EventLinker()
        if let linkerModel {
            guard FileManager.default.fileExists(atPath: linkerModel) else {
                printError("\(linkerModel): no such file (a linker model is written by glossa-train-linker --json)")
                throw ExitCode(2)
            }
            let model: LinkerModel
            do {
                model = try LinkerModel.load(path: linkerModel)
            } catch {
                printError("\(linkerModel): not a linker model (\(error)); glossa-train-linker --json writes one")
                throw ExitCode(2)
            }
            guard model.weights.count == LinkerModel.names.count else {
                printError("\(linkerModel): not a linker model of this version (\(LinkerModel.names.count) weights, from glossa-train-linker --json)")
                throw ExitCode(2)
            }
            linker = EventLinker(model: model)
        }
        let linked = LibraryEvents(extractions, decisions: decisions, linker: linker)
        if json {
            try printJSON(EventsOutput(library: library, events: linked))
        } else {
            printText(library, linked)
        }
    }

    func printText(_ library: Library, _ linked: LibraryEvents) {
        let titles = Dictionary(library.articles.map { ($0.path, $0.title) }, uniquingKeysWith: { first, _ in first })
        let count = linked.events.values.reduce(0) { $0 + $1.count }
        print("\(count) events in \(linked.events.count) articles; \(linked.clusters.count) linked across articles")
        for cluster in linked.clusters {
            print("")
            print("\(cluster.id)  (confidence \(String(format: "%.2f", cluster.confidence)))")
            print("  shared: " + cluster.reasons.joined(separator: " · "))
            for member in cluster.members {
                let event = linked.event(member)
                print("  \(event?.date ?? "undated")  \(event?.label ?? member.event)  — \(titles[member.article] ?? member.article)")
            }
        }
    }
}

/// The JSON of `glossa events --json`.
struct EventsOutput: Encodable {
    struct Mention: Encodable {
        let article: String
        let id: String
        let start: Int
        let end: Int
        let date: String?
        let actors: [String]
        let label: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(article, forKey: .article)
            try container.encode(id, forKey: .id)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(date, forKey: .date)
            try container.encode(actors, forKey: .actors)
            try container.encode(label, forKey: .label)
        }

        enum CodingKeys: String, CodingKey { case article, id, start, end, date, actors, label }
    }

    struct Cluster: Encodable {
        let id: String
        let members: [Member]
        let reasons: [String]
        let confidence: Double
    }

    struct Member: Encodable {
        let article: String
        let event: String
    }

    let events: [Mention]
    let clusters: [Cluster]

    init(library: Library, events linked: LibraryEvents) {
        var mentions: [Mention] = []
        for article in library.articles {
            var own: [Mention] = []
            for event in linked.events[article.path] ?? [] {
                for span in event.mentions {
                    own.append(Mention(article: article.path, id: event.id, start: span.start, end: span.end,
                                       date: event.date, actors: event.actors, label: event.label))
                }
            }
            // In text order, as glossa extract lists them.
            mentions += own.enumerated().sorted { ($0.element.start, $0.element.end, $0.offset) < ($1.element.start, $1.element.end, $1.offset) }.map(\.element)
        }
        events = mentions
        clusters = linked.clusters.map { cluster in
            Cluster(id: cluster.id, members: cluster.members.map { Member(article: $0.article, event: $0.event) },
                    reasons: cluster.reasons, confidence: cluster.confidence)
        }
    }
}
