@testable import ReaderUI
import XCTest

final class KeyMapTests: XCTestCase {
    let keyMap = KeyMap.standard

    func testEveryCommandHasABindingAndANonAltGrKeyOnEachOfItsScreens() {
        for command in Command.allCases {
            let rows = keyMap.bindings(for: command)
            XCTAssertFalse(rows.isEmpty, "\(command.rawValue) has no key")
            for row in rows {
                XCTAssertTrue(row.keys.contains { !$0.needsAltGrOnGerman }, "\(command.rawValue) needs AltGr")
                XCTAssertFalse(row.help.isEmpty)
            }
        }
    }

    func testNoKeyRunsTwoCommandsOnOneScreen() {
        XCTAssertTrue(keyMap.conflicts.isEmpty, "\(keyMap.conflicts)")
    }

    func testCommandNamesAreStable() {
        XCTAssertEqual(Command.allCases.map(\.rawValue), [
            "move-down", "move-up", "page-down", "page-up", "move-first", "move-last", "open", "close", "quit",
            "search", "search-next", "search-previous", "toggle-focus", "toggle-pane", "pane-wider",
            "pane-narrower", "help", "redraw", "actors", "next-mention", "previous-mention", "select-actor",
            "claim", "verdict-supported", "verdict-disputed", "verdict-false", "verdict-needs-source", "verdict-opinion",
            "note", "tag", "delete-annotation", "undo", "export-markdown", "adjust-claim", "span-end-later",
            "span-end-earlier", "span-start-earlier", "span-start-later", "span-next-sentence", "span-previous-sentence",
            "span-save", "follow-link", "back", "forward", "next-event", "previous-event", "timeline", "confirm-link",
            "remove-link", "add-link", "filter-actor", "filter-dates", "filter-notes", "clear-filters", "rescan",
        ])
    }

    func testTheIssueKeysRunTheirCommands() {
        let expected: [(Key, ScreenKind, Command)] = [
            (.char("j"), .reader, .moveDown), (.down, .reader, .moveDown), (.char("k"), .reader, .moveUp),
            (.char(" "), .reader, .pageDown), (.pageDown, .reader, .pageDown), (.char("b"), .reader, .pageUp),
            (.pageUp, .reader, .pageUp), (.char("g"), .reader, .moveFirst), (.char("G"), .reader, .moveLast),
            (.home, .reader, .moveFirst), (.end, .reader, .moveLast), (.char("/"), .reader, .search),
            (.char("n"), .reader, .searchNext), (.char("N"), .reader, .searchPrevious),
            (.char("q"), .reader, .close), (.char("q"), .library, .close), (.char("?"), .library, .help),
            (.tab, .reader, .toggleFocus), (.char("p"), .reader, .togglePane), (.char("<"), .reader, .paneWider),
            (.char(">"), .reader, .paneNarrower), (.enter, .library, .open), (.ctrl("c"), .reader, .quit),
        ]
        for (key, screen, command) in expected {
            XCTAssertEqual(keyMap.command(for: key, on: screen), command, "\(key.name) on \(screen)")
        }
    }

    func testKeyNamesRoundTrip() {
        let keys: [Key] = [.char("j"), .char(" "), .ctrl("o"), .enter, .escape, .tab, .backTab, .backspace,
                           .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .function(1), .char("<")]
        for key in keys { XCTAssertEqual(Key(name: key.name), key, key.name) }
        XCTAssertNil(Key(name: "Hyper-X"))
        XCTAssertTrue(Key.char("[").needsAltGrOnGerman)
        XCTAssertFalse(Key.char("<").needsAltGrOnGerman)
    }
}
