import ArgumentParser
import Configuration
import Foundation

/// `--config FILE`, for the commands that use the user's configuration.
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: "The configuration file (default: GLOSSA_CONFIG, else $XDG_CONFIG_HOME/glossa/config.toml).")
    var file: String?

    var location: ConfigLocation { ConfigLocation.resolve(option: file) }

    func load() -> Configuration { Configuration.load(location) }
}

/// `glossa config --path | --default | --check`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show where the configuration file is, print the default one, or check one.",
        discussion: "The file sets keys, colours and layout; see `glossa config --default` for every setting."
    )

    @Flag(help: "Print the path of the configuration file in use, and where it came from.")
    var path = false

    @Flag(name: .customLong("default"), help: "Print a commented configuration file with every setting at its default.")
    var defaults = false

    @Flag(help: "Check the configuration file: print each problem with its line (exit code 1 when there are errors).")
    var check = false

    @OptionGroup var config: ConfigOption

    func validate() throws {
        if [path, defaults, check].filter({ $0 }).count != 1 { throw ValidationError("Give one of --path, --default, --check.") }
    }

    func run() throws {
        let location = config.location
        if path {
            let exists = FileManager.default.fileExists(atPath: location.path)
            print(location.path)
            FileHandle.standardError.write(Data("(from \(location.origin)\(exists ? "" : "; the file does not exist, so the defaults are used"))\n".utf8))
        } else if defaults {
            print(DefaultConfiguration.text, terminator: "")
        } else {
            let configuration = config.load()
            for error in configuration.errors { printError(error) }
            for warning in configuration.warnings { printError("warning: " + warning) }
            if !configuration.errors.isEmpty { throw ExitCode(1) }
            if configuration.path == nil {
                print("No configuration file at \(location.path): the defaults are used.")
            } else {
                print("\(location.path): ok")
            }
        }
    }
}
