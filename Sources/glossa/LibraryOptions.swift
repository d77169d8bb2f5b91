import ArgumentParser
import Store

/// The library folder every command works on.
struct LibraryFolder: ParsableArguments {
    @Argument(help: "The library: a folder of .txt and .md articles.")
    var directory: String = "."
}

/// The library's database, for the commands that read or write it.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The library's database of annotations and link decisions (default: DIR/.glossa/glossa.sqlite).")
    var path: String?

    /// The path given, else the library's own.
    func path(library directory: String) -> String { path ?? AppDatabase.defaultPath(library: directory) }
}
