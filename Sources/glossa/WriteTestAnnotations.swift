import ArgumentParser
import Foundation
import GlossaCore
import Store

/// `glossa write-test-annotations`: writes annotations one transaction at a time and prints each id
/// once its write has returned. Hidden; the crash (SIGKILL) and two-instance tests drive it.
struct WriteTestAnnotations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-test-annotations",
        abstract: "Write numbered annotations to a database, printing each id once committed (for tests).",
        shouldDisplay: false
    )

    @Option(help: "The database file.")
    var db: String

    @Option(help: "How many annotations to write.")
    var count = 100

    @Option(help: "The id prefix (one per writer).")
    var prefix = "writer"

    func run() throws {
        let database: AppDatabase
        do {
            database = try AppDatabase.open(path: db)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        for index in 0..<count {
            let id = "\(prefix)-\(index)"
            let quote = TextQuoteSelector(exact: "Satz \(index).", prefix: "", suffix: "")
            let annotation = Annotation(id: id, article: "\(prefix).txt", span: TextSpan(start: index * 10, end: index * 10 + 8),
                                        quote: quote, textHash: "0", note: String(repeating: "Notiz ä ", count: index % 50))
            do {
                try database.save(annotation)
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
            // Unbuffered: the line is out as soon as the write returned.
            FileHandle.standardOutput.write(Data((id + "\n").utf8))
        }
    }
}
