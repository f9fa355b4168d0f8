import Foundation
import NotesKit

/// The channel that tells open pages what the builds did, as server-sent
/// events on `ReloadEvents.path`:
///
/// - `reload` (`{"build": id}`): a build passed; the page reloads.
/// - `overlay` (`{"build", "summary", "diagnostics": [{file, line, column,
///   severity, rule, message}], "more"}`): a build failed; the page shows
///   the errors over itself. Sent on connecting too while the last build failed.
/// - `clear` (`{"build": id}`): sent on connecting while the last build
///   passed; a page served by an older build reloads.
///
/// Data is JSON on one line; the page puts it in with `textContent`, so a
/// message is never read as HTML.
final class ReloadEvents: @unchecked Sendable {
    static let path = "/_notesc/events"

    private let lock = NSLock()
    private var subscribers: [UInt64: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextSubscriber: UInt64 = 0
    private var passed = 0
    private var failure: [UInt8]?
    /// Tells this server's builds from another's, so that a page served
    /// before a restart reloads rather than matching build 1 to build 1.
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    /// The id of the last build that passed.
    var build: String { lock.lock(); defer { lock.unlock() }; return buildID }
    private var buildID: String { "\(instance).\(passed)" }

    /// How many pages listen (for tests and the terminal).
    var listeners: Int { lock.lock(); defer { lock.unlock() }; return subscribers.count }

    /// A build passed: open pages reload.
    func buildPassed() {
        lock.lock(); defer { lock.unlock() }
        passed += 1
        failure = nil
        broadcast(Self.frame("reload", Build(build: buildID)))
    }

    /// A build failed: open pages show `diagnostics` (at most `shown` of them) over themselves.
    func buildFailed(_ diagnostics: [Diagnostic], summary: String, root: String, shown: Int = 200) {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let items = diagnostics.prefix(shown).map {
            Overlay.Item(file: prefix + $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue,
                         rule: $0.rule, message: $0.message)
        }
        lock.lock(); defer { lock.unlock() }
        let frame = Self.frame("overlay", Overlay(build: buildID, summary: summary, diagnostics: items,
                                                  more: max(0, diagnostics.count - shown)))
        failure = frame
        broadcast(frame)
    }

    /// A comment line, so a page gone away is noticed (its connection's
    /// write fails) and proxies keep the stream open.
    func keepAlive() {
        lock.lock(); defer { lock.unlock() }
        broadcast(Array(": keep-alive\n\n".utf8))
    }

    /// A new listener's stream of event bytes; it starts with the state of the last build.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        lock.lock(); defer { lock.unlock() }
        let id = nextSubscriber
        nextSubscriber += 1
        continuation.yield(Array("retry: 1000\n\n".utf8))
        continuation.yield(failure ?? Self.frame("clear", Build(build: buildID)))
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return stream
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        lock.lock()
        let all = subscribers.values
        subscribers = [:]
        lock.unlock()
        for continuation in all { continuation.finish() }
    }

    private func unsubscribe(_ id: UInt64) {
        lock.lock(); defer { lock.unlock() }
        subscribers[id] = nil
    }

    /// Called with the lock held.
    private func broadcast(_ frame: [UInt8]) {
        for (id, continuation) in subscribers {
            if case .terminated = continuation.yield(frame) { subscribers[id] = nil }
        }
    }

    struct Build: Encodable { var build: String }

    struct Overlay: Encodable {
        struct Item: Encodable { var file: String; var line: Int; var column: Int; var severity: String; var rule: String; var message: String }
        var build: String
        var summary: String
        var diagnostics: [Item]
        var more: Int
    }

    /// One event: its name and its data as JSON, which never holds a raw newline.
    static func frame(_ name: String, _ data: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(data)) ?? Data("{}".utf8)
        return Array("event: \(name)\ndata: ".utf8) + Array(json) + Array("\n\n".utf8)
    }
}
