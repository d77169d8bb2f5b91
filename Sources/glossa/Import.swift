import ArgumentParser
import Foundation
import Importing

/// `glossa import SOURCE... [--into DIR]`: web pages and feeds into the library as Markdown files.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import web pages and RSS/Atom feeds into the library as articles.",
        discussion: """
        A SOURCE is an HTML file, an RSS or Atom feed file, or an http(s):// address of either. A feed \
        imports each item: its page when it can be fetched, else the item's text in the feed. Each article \
        becomes one .md file with front matter (title, date, source, author, imported) and the article's \
        text, named by its date and title. An article already in the folder (the same source or the same \
        text) is not written again; a changed page updates its file, and its annotations re-anchor. \
        A source that fails is named on stderr; the others are still imported, and the exit code is 1. \
        The reader picks new files up with R.
        """
    )

    @Option(name: .customLong("into"), help: "The library folder to write to (default: the current folder).")
    var directory: String = "."

    @Flag(help: "Print what was imported as JSON (file, status, title, date, source).")
    var json = false

    @Option(help: "Seconds to wait for a web server.")
    var timeout: Double = 30

    @Argument(help: "HTML files, feed files, or http(s):// addresses.")
    var sources: [String]

    func validate() throws {
        if sources.isEmpty { throw ValidationError("Give one or more pages or feeds.") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive.") }
    }

    /// One imported article as `--json` prints it.
    struct Written: Encodable {
        let file: String
        let status: String
        let title: String?
        let date: String?
        let source: String
        let note: String?
    }

    func run() throws {
        let writer: LibraryWriter
        do {
            writer = try LibraryWriter(directory: URL(fileURLWithPath: directory))
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        let terminal = isatty(STDERR_FILENO) == 1
        let progress = ProgressLine(enabled: terminal)
        let importer = Importer(loader: WebLoader(timeout: timeout), writer: writer)
        let outcomes = importer.run(sources, progress: { step in
            switch step {
            case .reading(let done, let total): progress.show("Reading \(done + 1)/\(total) …")
            case .importing(let done, let total): progress.show("Importing \(done + 1)/\(total) …")
            case .done: progress.show(nil)
            }
        }, finished: { outcome in
            progress.clear()
            if let error = outcome.error {
                printError("\(outcome.source): \(error)")
            } else if !json, let file = outcome.file, let status = outcome.status {
                // Written at once (not buffered), so that each line comes as its article is done.
                FileHandle.standardOutput.write(Data((Self.line(file: file, status: status, title: outcome.title, note: outcome.note) + "\n").utf8))
            }
        })
        progress.clear()
        let written = outcomes.compactMap { outcome -> Written? in
            guard let file = outcome.file, let status = outcome.status else { return nil }
            return Written(file: file, status: status.rawValue, title: outcome.title, date: outcome.date,
                           source: outcome.source, note: outcome.note)
        }
        if json {
            try printJSON(written)
        } else if outcomes.count > 1 || terminal {
            let count = { (status: WriteStatus) in written.filter { $0.status == status.rawValue }.count }
            let failed = outcomes.count - written.count
            var summary = "\(count(.new)) new, \(count(.updated)) updated, \(count(.unchanged)) already there"
            if failed > 0 { summary += ", \(failed) failed" }
            FileHandle.standardError.write(Data("Imported into \(directory): \(summary)\n".utf8))
        }
        if outcomes.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }

    static func line(file: String, status: WriteStatus, title: String?, note: String?) -> String {
        let what: String
        switch status {
        case .new: what = "new      "
        case .updated: what = "updated  "
        case .unchanged: what = "unchanged"
        }
        var line = "\(what) \(file)"
        if let title { line += "  \(title)" }
        if let note { line += "  (\(note))" }
        return line
    }
}

/// A line on the terminal that is redrawn in place (`Importing 12/40 …`) and cleared before other output.
final class ProgressLine {
    private let enabled: Bool
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ text: String?) {
        guard enabled else { return }
        guard let text else { return clear() }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        shown = true
    }

    func clear() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
