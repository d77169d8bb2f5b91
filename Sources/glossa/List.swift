import ArgumentParser
import Foundation
import GlossaCore

/// `glossa list [DIR] [--json]`: the library as a table or JSON, for scripts.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the library: date, words, title and path of every article.")

    @OptionGroup var folder: LibraryFolder

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Entry: Encodable {
        let path: String
        let title: String
        let date: String?
        let words: Int
        let sentences: Int
    }

    func run() throws {
        let directory = folder.directory
        let library = try loadLibrary(directory)
        for problem in library.problems { printError(problem) }
        let entries = library.articles.map {
            Entry(path: $0.path, title: $0.title, date: $0.date?.iso, words: $0.wordCount, sentences: $0.sentences.count)
        }
        if json {
            try printJSON(entries)
            return
        }
        print(Table.format([["DATE", "WORDS", "TITLE", "PATH"]] + entries.map {
            [$0.date ?? "-", String($0.words), $0.title, $0.path]
        }, rightAligned: [1]))
    }
}

/// Plain-text tables with columns padded by character count.
enum Table {
    static func format(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                if column == columns - 1 { return cell }
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
