@testable import Configuration
import Foundation
import ReaderUI
import XCTest

/// config.toml: the keymap in effect, colours, layout, and each mistake named with its line.
final class ConfigurationTests: XCTestCase {
    func parse(_ text: String) -> Configuration { Configuration.parse(text, path: "/home/a/.config/glossa/config.toml") }

    func key(_ name: String) -> Key { Key(name: name)! }

    func testTheIssuesExample() {
        let configuration = parse("""
        [keys]
        claim = "C"
        follow-link = ["f", "Ctrl-J"]
        unbind = ["Q"]
        """)
        XCTAssertEqual(configuration.errors, [])
        XCTAssertEqual(configuration.warnings, [])
        let map = configuration.keyMap
        XCTAssertEqual(map.command(for: key("C"), on: .reader), .claim)
        XCTAssertNil(map.command(for: key("c"), on: .reader), "claim loses its old key")
        XCTAssertEqual(map.command(for: key("Ctrl-J"), on: .reader), .followLink)
        XCTAssertEqual(map.command(for: key("f"), on: .reader), .followLink)
        for screen in ScreenKind.allCases {
            XCTAssertNil(map.command(for: key("Q"), on: screen), "\(screen)")
            XCTAssertEqual(map.command(for: key("Ctrl-C"), on: screen), .quit, "\(screen)")
        }
        XCTAssertEqual(map.hint(.claim, on: .reader), "C")
        XCTAssertTrue(map.conflicts.isEmpty)
        // Everything else is as it was.
        let untouched = KeyMap.standard.bindings.filter { ![.claim, .followLink, .quit].contains($0.command) }
        XCTAssertEqual(map.bindings.filter { ![.claim, .followLink, .quit].contains($0.command) }, untouched)
    }

    func testPerScreenKeysSplitARowAndLeaveTheOtherScreens() {
        let configuration = parse("""
        [keys.reader]
        close = ["q", "Esc"]
        move-down = "Down"
        """)
        XCTAssertEqual(configuration.errors, [])
        let map = configuration.keyMap
        XCTAssertNil(map.command(for: key("h"), on: .reader))
        XCTAssertEqual(map.command(for: key("h"), on: .actors), .close)
        XCTAssertNil(map.command(for: key("j"), on: .reader))
        XCTAssertEqual(map.command(for: key("j"), on: .library), .moveDown)
        XCTAssertEqual(map.command(for: key("Down"), on: .reader), .moveDown)
    }

    func testMistakesAreNamedWithTheirLineAndLeaveTheDefaults() {
        let configuration = parse("""
        # my keys
        [keys]
        clam = "x"
        claim = "j"
        open = "Strg-O"
        follow-link = "@"

        [keys.libary]
        open = "o"

        [keys.library]
        claim = "C"

        [theme]
        person = "bleu"
        place = 300
        organization = 208

        [layout]
        pane-width = 5
        wrap = 80

        [colours]
        """)
        XCTAssertEqual(configuration.errors, [
            "config.toml:3: unknown command \"clam\" (did you mean \"claim\"?)",
            "config.toml:4: \"j\" is already bound to move-down on the reader screen",
            "config.toml:5: unknown key \"Strg-O\" (keys are written as glossa keys writes them: j, Space, Enter, Ctrl-O, PgDn, F1)",
            "config.toml:8: unknown screen \"libary\" (did you mean \"library\"?) (screens: library, reader, actors, timeline, span, help)",
            "config.toml:12: claim does nothing on the library screen (it works on: reader)",
            "config.toml:15: person must be a colour name (black, red, green, yellow, blue, magenta, cyan, white) or a number 0–255",
            "config.toml:16: place must be a colour name (black, red, green, yellow, blue, magenta, cyan, white) or a number 0–255",
            "config.toml:20: pane-width must be a number of columns from 20 to 200",
            "config.toml:21: unknown layout setting \"wrap\" (did you mean \"wrap-width\"?) (settings: pane-width, pane, wrap-width)",
            "config.toml:23: unknown section [colours] (sections: [keys], [theme], [layout])",
        ])
        XCTAssertEqual(configuration.warnings, ["config.toml:6: \"@\" needs AltGr on a German keyboard"])
        // What was wrong keeps its default; what was right applies.
        let map = configuration.keyMap
        XCTAssertEqual(map.command(for: key("c"), on: .reader), .claim)
        XCTAssertEqual(map.command(for: key("j"), on: .reader), .moveDown)
        XCTAssertEqual(map.command(for: key("@"), on: .reader), .followLink)
        XCTAssertEqual(configuration.colors.apply(to: .color).actorOrganization.foreground, .indexed(208))
        XCTAssertEqual(configuration.colors.apply(to: .color).actorPerson, Theme.color.actorPerson)
        XCTAssertEqual(configuration.layout, PaneSettings())
        XCTAssertEqual(configuration.notice, "config.toml:3: unknown command \"clam\" (did you mean \"claim\"?) (and 9 more; glossa config --check); defaults used")
    }

    /// What a review found: order of [keys] and [keys.SCREEN], locking oneself in, keys a terminal
    /// never sends, CRLF files, a command above any section.
    func testPerScreenKeysWinWhereverTheyAreInTheFile() {
        let configuration = parse("[keys.reader]\nsearch = \"/\"\n\n[keys]\nsearch = \"s\"\n")
        XCTAssertEqual(configuration.errors, [])
        XCTAssertEqual(configuration.keyMap.command(for: key("/"), on: .reader), .search)
        XCTAssertNil(configuration.keyMap.command(for: key("s"), on: .reader))
        XCTAssertEqual(configuration.keyMap.command(for: key("s"), on: .library), .search)
    }

    func testNoFileLocksTheUserIn() {
        let configuration = parse("[keys]\nunbind = [\"Q\", \"Ctrl-C\"]\n")
        XCTAssertEqual(configuration.errors, ["config.toml:2: no key would quit Glossa on the library screen; quit keeps its keys"])
        for screen in ScreenKind.allCases {
            XCTAssertEqual(configuration.keyMap.command(for: key("Ctrl-C"), on: screen), .quit, "\(screen)")
        }
        XCTAssertEqual(parse("[keys]\nquit = []\n").errors, ["config.toml:2: no key would quit Glossa on the library screen; quit keeps its keys"])
    }

    func testKeysATerminalSendsAsOthersAreErrors() {
        let configuration = parse("[keys]\ntoggle-pane = [\"Ctrl-I\", \"p\"]\n")
        XCTAssertEqual(configuration.errors, ["config.toml:2: Ctrl-I arrives as Tab in a terminal; bind Tab instead"])
        XCTAssertEqual(configuration.keyMap.command(for: key("p"), on: .reader), .togglePane)
    }

    func testCRLFFilesAndACommandAboveAnySection() {
        let configuration = parse("# keys\r\nclaim = \"C\"\r\n[keys]\r\nclam = \"x\"\r\n")
        XCTAssertEqual(configuration.errors, ["config.toml:2: claim belongs under [keys] (write [keys] on a line above it)",
                                              "config.toml:4: unknown command \"clam\" (did you mean \"claim\"?)"])
    }

    func testASyntaxErrorIsOneLineAndEverythingIsDefault() {
        let configuration = parse("[keys]\nclaim = \"C\"\nfollow-link = [\"f\"\n")
        XCTAssertEqual(configuration.errors.count, 1)
        XCTAssertTrue(configuration.errors[0].hasPrefix("config.toml:"), configuration.errors[0])
        XCTAssertEqual(configuration.keyMap, .standard)
    }

    func testColoursAndLayout() {
        let configuration = parse("""
        [theme]
        person = 196
        cursor = "green"
        [layout]
        pane = false
        pane-width = 40
        wrap-width = 72
        """)
        XCTAssertEqual(configuration.errors, [])
        let theme = configuration.theme(color: true)
        XCTAssertEqual(theme.actorPerson.foreground, .indexed(196))
        XCTAssertEqual(theme.actorPerson.bold, true)
        XCTAssertEqual(theme.cursorSentence.background, .green)
        XCTAssertEqual(configuration.theme(color: false), .monochrome, "NO_COLOR wins")
        XCTAssertEqual(configuration.layout, PaneSettings(visible: false, width: 40, wrapWidth: 72))
        XCTAssertEqual(Color.indexed(196).standard, .red)
        XCTAssertEqual(Color(name: "3"), .yellow)
        XCTAssertEqual(Color.indexed(244).name, "244")
    }

    func testWrapWidthNarrowsTheTextColumn() {
        let wide = ScreenGeometry(size: Size(width: 200, height: 50), pane: PaneSettings())
        let limited = ScreenGeometry(size: Size(width: 200, height: 50), pane: PaneSettings(wrapWidth: 72))
        XCTAssertGreaterThan(wide.text.width, 72)
        XCTAssertEqual(limited.text.width, 72)
        XCTAssertEqual(limited.pane, wide.pane)
    }

    /// The default file, every setting uncommented, is the standard configuration.
    func testTheDefaultFileUncommentedIsTheDefaults() {
        let text = DefaultConfiguration.text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("# "), line.dropFirst(2).first.map({ $0 == "[" || $0.isLetter }) == true,
                  line.contains(" = ") || line.dropFirst(2).hasPrefix("[") else { return String(line) }
            return String(line.dropFirst(2))
        }.joined(separator: "\n")
        let configuration = parse(text)
        XCTAssertEqual(configuration.errors, [])
        for screen in ScreenKind.allCases {
            for binding in KeyMap.standard.bindings(on: screen) {
                for key in binding.keys {
                    XCTAssertEqual(configuration.keyMap.command(for: key, on: screen), binding.command, "\(key.name) on \(screen)")
                }
            }
            XCTAssertEqual(Set(configuration.keyMap.bindings(on: screen).flatMap(\.keys)), Set(KeyMap.standard.bindings(on: screen).flatMap(\.keys)))
        }
        XCTAssertEqual(configuration.theme(color: true), .color)
    }

    func testWhereTheFileIs() {
        XCTAssertEqual(ConfigLocation.resolve(option: "/tmp/c.toml", environment: ["GLOSSA_CONFIG": "/x.toml"]).path, "/tmp/c.toml")
        XCTAssertEqual(ConfigLocation.resolve(option: nil, environment: ["GLOSSA_CONFIG": "/x.toml", "XDG_CONFIG_HOME": "/xdg"]).path, "/x.toml")
        XCTAssertEqual(ConfigLocation.resolve(option: nil, environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/a"]).path, "/xdg/glossa/config.toml")
        XCTAssertEqual(ConfigLocation.resolve(option: nil, environment: ["HOME": "/home/a"]).path, "/home/a/.config/glossa/config.toml")
        // No file at the default place: the defaults, no error. A file named but missing: an error.
        XCTAssertEqual(Configuration.load(ConfigLocation.resolve(option: nil, environment: ["HOME": "/nonexistent"])), Configuration())
        XCTAssertEqual(Configuration.load(ConfigLocation.resolve(option: "/nonexistent/c.toml")).errors, ["/nonexistent/c.toml: no such file"])
    }
}
