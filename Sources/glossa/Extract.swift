import ArgumentParser
import Extraction
import Foundation
import GlossaCore

/// `glossa extract FILE...` and `glossa extract --stdin`: JSON Lines for scripts and evaluation.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print sentences, numbers, actors and events of articles as JSON Lines.",
        discussion: """
        With files: one JSON object per file, in input order, with "file". With --stdin: reads JSON Lines \
        {"id", "text", "date"?} and prints one object per line with "id". Offsets count Unicode scalars \
        (Python str indices), end exclusive. Inputs that cannot be read are reported on stderr; the others \
        are still processed, and the exit code is 1.
        """
    )

    /// Longer lines are taken for malformed input (a binary, a dump), not news text.
    static let maxLineBytes = 10 * 1024 * 1024

    @Flag(help: "Read JSON Lines {\"id\", \"text\", \"date\"} from standard input.")
    var stdin = false

    @Flag(help: "Also report dates without a number (gestern, am Montag, nächste Woche) as kind date.")
    var relativeDates = false

    @Option(name: .customLong("actors"), help: "The user's actor file (default: actors.toml next to each file).")
    var actorsFile: String?

    @Flag(name: .customLong("no-actors"), help: "Do not look for actors (faster).")
    var noActors = false

    @Flag(name: .customLong("no-events"), help: "Do not look for events (meetings, loans, elections ...).")
    var noEvents = false

    @Argument(help: "Article files (.txt, .md).")
    var files: [String] = []

    func validate() throws {
        if stdin, !files.isEmpty { throw ValidationError("Give files or --stdin, not both.") }
        if !stdin, files.isEmpty { throw ValidationError("Give one or more files, or --stdin.") }
    }

    func run() throws {
        var output = OutputBuffer()
        var options = ExtractionOptions(relativeDates: relativeDates, actors: !noActors, events: !noEvents)
        // The user's actors: --actors FILE, or actors.toml next to each file (each folder read once, up front,
        // so that a broken file stops the run before any output).
        var catalogs: [String: ActorCatalog] = [:]
        do {
            if let actorsFile {
                guard FileManager.default.fileExists(atPath: actorsFile) else { throw InputError(description: "\(actorsFile): no such file") }
                options.catalog = try ActorCatalog.load(path: actorsFile)
            } else if !stdin, !noActors {
                for directory in Set(files.map(Self.directory(of:))) where catalogs[directory] == nil {
                    catalogs[directory] = try ActorCatalog.load(directory: directory)
                }
            }
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var failed = false
        if stdin {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                do {
                    output.write(try Self.extractLine(Data(line), options: options))
                } catch {
                    printError("stdin line \(lineNumber): \(error)")
                    failed = true
                }
            }
        } else {
            for file in files {
                do {
                    var fileOptions = options
                    if let catalog = catalogs[Self.directory(of: file)] { fileOptions.catalog = catalog }
                    output.write(try Self.extractFile(file, options: fileOptions))
                } catch {
                    printError("\(file): \(error)")
                    failed = true
                }
            }
        }
        output.flush()
        if failed { throw ExitCode(1) }
    }

    static func directory(of file: String) -> String {
        let directory = (file as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    struct InputError: Error, CustomStringConvertible {
        let description: String
    }

    static func extractFile(_ path: String, options: ExtractionOptions) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(description: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        try checkText(data)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError(description: "not valid UTF-8 (at byte \(TextDecoding.firstInvalidOffset(data) ?? 0))")
        }
        let (article, extraction) = Extractor.article(path: path, text: text, options: options)
        return JSONWriter.line(key: "file", name: path, title: article.title, date: article.date, extraction: extraction)
    }

    static func extractLine(_ line: Data, options: ExtractionOptions) throws -> String {
        guard line.count <= maxLineBytes else { throw InputError(description: "longer than 10 MB") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line)
        } catch {
            throw InputError(description: "bad JSON (expected {\"id\", \"text\", \"date\"?})")
        }
        guard let record = object as? [String: Any] else { throw InputError(description: "bad JSON: not an object") }
        let id: String
        switch record["id"] {
        case let string as String: id = string
        case let number as NSNumber: id = number.stringValue
        default: throw InputError(description: "no \"id\"")
        }
        guard let text = record["text"] as? String else { throw InputError(description: "id \(id): no \"text\" string") }
        var reference: ArticleDate?
        if let date = record["date"] as? String, !date.isEmpty {
            guard let parsed = ArticleDate(iso: date.prefix(10)) ?? ArticleDate(iso: date.prefix(7)) ?? ArticleDate(iso: date.prefix(4)) else {
                throw InputError(description: "id \(id): \"date\" is not an ISO date: \(date)")
            }
            reference = parsed
        }
        return JSONWriter.line(key: "id", name: id, title: nil, date: reference,
                               extraction: Extractor.extract(text: text, reference: reference, options: options))
    }

    /// Binary files (NUL bytes) and giant lines are refused before decoding.
    static func checkText(_ data: Data) throws {
        if data.contains(0) { throw InputError(description: "binary file (NUL bytes), not text") }
        var lineLength = 0
        for byte in data {
            if byte == 10 { lineLength = 0 } else {
                lineLength += 1
                if lineLength > maxLineBytes { throw InputError(description: "a line is longer than 10 MB") }
            }
        }
    }
}

/// Collects output and writes it in large blocks.
struct OutputBuffer {
    private var buffer = Data()

    mutating func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
