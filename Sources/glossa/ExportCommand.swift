import ArgumentParser
import Export
import Extraction
import Foundation
import GlossaCore
import Store

/// `glossa export [DIR]`: the library's annotations as Markdown notes or W3C Web Annotation JSON-LD.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the library's claims and notes as Markdown or W3C Web Annotation JSON-LD.",
        discussion: """
        Reads the annotations from the library's database (it is not created). Markdown links point \
        to the articles relative to the output file's folder (to the current folder without -o).
        """
    )

    @OptionGroup var folder: LibraryFolder

    @Option(help: "Only this article (a path relative to the library, or a file inside it).")
    var article: String?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "markdown (default) or json (W3C Web Annotation JSON-LD).",
            transform: { value in
                guard let format = NotesExport.Format(rawValue: value) else {
                    throw ValidationError("--format must be markdown or json, not \(value)")
                }
                return format
            })
    var format: NotesExport.Format = .markdown

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let directory = folder.directory
        let library = try loadLibrary(directory)
        let path = database.path(library: directory)
        guard FileManager.default.fileExists(atPath: path) else {
            printError("no annotations yet: \(path) does not exist")
            throw ExitCode(1)
        }
        var load: AnnotationLoad
        do {
            // Read-only: exporting never changes the database (a reader may be writing to it).
            load = try AppDatabase.open(path: path, readOnly: true).loadAnnotations(for: library)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if let article {
            guard let relative = Self.articlePath(article, in: library) else {
                printError("no article \(article) in \(directory)")
                throw ExitCode(1)
            }
            load.annotations = load.annotations.filter { $0.key == relative }
            load.missingArticles = [:]
        }
        var options = ExtractionOptions()
        if format == .markdown {
            do {
                options.catalog = try ActorCatalog.load(directory: directory)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        let base = output.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
            ?? FileManager.default.currentDirectoryPath
        let text = NotesExport.render(format, library: library, annotations: load.annotations, missing: load.missingArticles,
                                      linkBase: RelativePath.from(base, to: directory), options: options)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            printError("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let count = load.annotations.values.joined().count + load.missingArticles.values.joined().count
        printError("wrote \(count) annotation\(count == 1 ? "" : "s") to \(output)")
    }

    /// The library path of an article given relative to the library, or as a path to a file inside it.
    static func articlePath(_ given: String, in library: Library) -> String? {
        let paths = Set(library.articles.map(\.path))
        if paths.contains(given) { return given }
        let root = URL(fileURLWithPath: library.root).standardizedFileURL.resolvingSymlinksInPath().path
        let file = URL(fileURLWithPath: given).standardizedFileURL.resolvingSymlinksInPath().path
        guard file.hasPrefix(root + "/") else { return nil }
        let relative = String(file.dropFirst(root.count + 1))
        return paths.contains(relative) ? relative : nil
    }
}
