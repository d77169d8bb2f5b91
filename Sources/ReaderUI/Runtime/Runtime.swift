import Foundation

/// Where background work (reading the library, searching it) leaves its results for the event
/// loop, which takes them between keys. Any thread may post.
public final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []

    public init() {}

    public func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
    }

    public func post(_ list: [Action]) {
        lock.lock()
        actions += list
        lock.unlock()
    }

    /// Everything posted so far, in order; the mailbox is then empty.
    public func take() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions = []
        return taken
    }
}

/// An integer shared between threads.
final class LatestValue: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func set(_ newValue: Int) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func get() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// The event loop: events become actions, the reducer updates the state, effects run, the view
/// renders into a buffer, the terminal shows its difference.
public final class Runtime {
    public private(set) var state: AppState
    private let terminal: TerminalDevice
    private let services: Services
    /// Results of background work, taken between keys.
    public let mailbox: Mailbox
    /// Where searches run, one at a time, off the event loop.
    private let searchQueue = DispatchQueue(label: "glossa.search")
    /// The latest search asked for: older ones still waiting are skipped (typing asks for one per key).
    private let latestSearch = LatestValue()
    /// Where articles are read from disk and large ones prepared for the reader (only the latest
    /// preparation asked for is done).
    private let preparationQueue = DispatchQueue(label: "glossa.prepare")
    private let latestPreparation = LatestValue()

    public init(state: AppState, terminal: TerminalDevice, services: Services = .unavailable, mailbox: Mailbox = Mailbox()) {
        self.state = state
        self.terminal = terminal
        self.services = services
        self.mailbox = mailbox
    }

    /// Runs until quit, a signal or the end of input; returns the signal that ended it, if any.
    @discardableResult
    public func run() -> Int32? {
        if state.size != terminal.size { _ = Reducer.reduce(&state, .resized(terminal.size)) }
        terminal.present(RootView.render(state))
        while state.isRunning {
            let event = terminal.nextEvent()
            deliverMail()
            guard let event else { continue }
            switch event {
            case .signal(let number):
                return number
            case .endOfInput:
                return nil
            case .resized(let size):
                send(.resized(size))
            case .key(let key):
                send(.keyPressed(key))
            }
        }
        return nil
    }

    /// Dispatches one action and redraws; used by the loop and by tests.
    public func send(_ action: Action) {
        dispatch([action])
    }

    /// Applies what background work posted, then redraws once. Returns whether there was any.
    @discardableResult
    public func deliverMail() -> Bool {
        let mail = mailbox.take()
        guard !mail.isEmpty, state.isRunning else { return false }
        dispatch(mail)
        return true
    }

    private func dispatch(_ first: [Action]) {
        var actions = first
        while !actions.isEmpty {
            let effects = Reducer.reduce(&state, actions.removeFirst())
            for effect in effects { actions += run(effect) }
        }
        if state.isRunning { terminal.present(RootView.render(state)) }
    }

    /// Runs one effect; what it produced comes back as an action. Store writes are synchronous:
    /// when the screen shows a change, it is committed.
    private func run(_ effect: Effect) -> [Action] {
        switch effect {
        case .quit:
            state.isRunning = false
            return []
        case .redrawAll:
            terminal.invalidate()
            return []
        case .storeChange(let change):
            do {
                var stored = change
                stored.after = try services.store(change)
                return [.changeStored(stored)]
            } catch {
                let failed = Action.storeFailed("Not saved: \(error)")
                guard (error as? ServiceError)?.reload == true, let path = change.article,
                      let index = state.library.positions[path] else { return [failed] }
                return run(.loadAnnotations(state.library.articles[index])) + [failed]
            }
        case .loadAnnotations(let article):
            do {
                return [.annotationsLoaded(article: article.path, try services.load(article))]
            } catch {
                return [.storeFailed("Annotations not read: \(error)")]
            }
        case .storeLinkDecision(let decision, let message):
            do {
                try services.decide(decision)
                return [.linkDecisionStored(decision, message: message)]
            } catch {
                return [.storeFailed("Not saved: \(error)")]
            }
        case .readArticle(let path):
            guard services.isLarge(path) else {
                do {
                    return [.articleRead(try services.read(path))]
                } catch {
                    return [.articleReadFailed(path: path, reason: "\(error)")]
                }
            }
            // Off the event loop: reading and splitting a file of many megabytes takes a while.
            let read = services.read
            let mailbox = mailbox
            preparationQueue.async {
                do {
                    mailbox.post(.articleRead(try read(path)))
                } catch {
                    mailbox.post(.articleReadFailed(path: path, reason: "\(error)"))
                }
            }
            return []
        case .searchLibrary(let query, let generation):
            let search = services.search
            let mailbox = mailbox
            let latest = latestSearch
            latest.set(generation)
            searchQueue.async {
                guard latest.get() == generation else { return }
                do {
                    mailbox.post(.librarySearched(LibraryResults(query: query, hits: try search(query), generation: generation)))
                } catch {
                    mailbox.post(.librarySearched(LibraryResults(query: query, hits: [], generation: generation, problem: "\(error)")))
                }
            }
            return []
        case .rescanLibrary:
            services.rescan()
            return []
        case .prepareDocument(let request):
            let mailbox = mailbox
            let latest = latestPreparation
            latest.set(request.generation)
            preparationQueue.async {
                guard latest.get() == request.generation else { return }
                mailbox.post(request.prepare())
            }
            return []
        case .exportMarkdown:
            do {
                return [.exportFinished(StatusMessage(try services.exportMarkdown()))]
            } catch {
                return [.exportFinished(StatusMessage("Export failed: \(error)", level: .warning))]
            }
        }
    }
}
