import Foundation

/// Which configuration file is used: `--config FILE`, else `GLOSSA_CONFIG`, else
/// `$XDG_CONFIG_HOME/glossa/config.toml`, else `~/.config/glossa/config.toml`.
public struct ConfigLocation: Sendable, Equatable {
    public let path: String
    /// Where the path came from, as `glossa config --path` explains it.
    public let origin: String
    /// Named by the user (`--config`, `GLOSSA_CONFIG`): a missing file is then an error.
    public let isExplicit: Bool

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> ConfigLocation {
        if let option, !option.isEmpty {
            return ConfigLocation(path: option, origin: "--config", isExplicit: true)
        }
        if let variable = environment["GLOSSA_CONFIG"], !variable.isEmpty {
            return ConfigLocation(path: variable, origin: "GLOSSA_CONFIG", isExplicit: true)
        }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return ConfigLocation(path: xdg + "/glossa/config.toml", origin: "XDG_CONFIG_HOME", isExplicit: false)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return ConfigLocation(path: home + "/.config/glossa/config.toml", origin: "the default place", isExplicit: false)
    }
}
