import Foundation
import Testing
@testable import NotesServe

/// inotify watching: changes reach the callback, in folders made after the
/// watch began too, and what does not matter is left out.
@Suite struct FolderWatcherTests {
    /// The callback's batches, waited for with a deadline.
    final class Batches: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [[String]] = []

        func add(_ batch: [String]) {
            condition.lock(); batches.append(batch); condition.broadcast(); condition.unlock()
        }

        /// The next batch, or a failure naming `what` after `seconds`.
        func next(within seconds: Double, _ what: String) throws -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            condition.lock(); defer { condition.unlock() }
            while batches.isEmpty {
                guard condition.wait(until: deadline) || !batches.isEmpty else {
                    throw TestClient.Failure(description: "\(what): no change reported within \(Int(seconds)) s")
                }
            }
            return batches.removeFirst()
        }
    }

    @Test func reportsChangesInNewSubfoldersAndSkipsWhatDoesNotMatter() async throws {
        let root = NSTemporaryDirectory() + "notesc-watch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/notes/old", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/notes/.git", withIntermediateDirectories: true)
        let batches = Batches()
        let watcher = try FolderWatcher(
            [FolderWatcher.Folder(path: root + "/notes", recursive: true) { name, isFolder in isFolder || name.hasSuffix(".md") }],
            excluding: [root + "/notes/site"]
        ) { changed in batches.add(changed) }
        let started = DispatchSemaphore(value: 0)
        watcher.run { started.signal() }
        defer { watcher.stop() }
        let ran = try await blocking { started.wait(timeout: .now() + 30) }
        #expect(ran == .success, "the watcher's first work did not run within 30 s")

        // An existing subfolder.
        try Data("# A\n".utf8).write(to: URL(fileURLWithPath: root + "/notes/old/a.md"))
        #expect(try await blocking { try batches.next(within: 30, "a note written in a subfolder") }.contains(root + "/notes/old/a.md"))

        // Irrelevant files first, then a note: the first batch reported holds the note alone, since events come in order.
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/notes/old/a.md.swp"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/notes/.git/index"))
        try FileManager.default.createDirectory(atPath: root + "/notes/site", withIntermediateDirectories: true)
        try Data("<p>page</p>".utf8).write(to: URL(fileURLWithPath: root + "/notes/site/page.md"))
        try Data("# B\n".utf8).write(to: URL(fileURLWithPath: root + "/notes/b.md"))
        let batch = try await blocking { try batches.next(within: 30, "a note after irrelevant files") }
        #expect(batch == [root + "/notes/b.md"], "swap files, hidden folders and the excluded site are not reported")

        // A folder made now, and a note in it at once: both are seen, and later changes in it too.
        try FileManager.default.createDirectory(atPath: root + "/notes/new/deeper", withIntermediateDirectories: true)
        var seen = Set(try await blocking { try batches.next(within: 30, "a new folder") })
        #expect(seen.contains(root + "/notes/new"))
        try Data("# C\n".utf8).write(to: URL(fileURLWithPath: root + "/notes/new/deeper/c.md"))
        while !seen.contains(root + "/notes/new/deeper/c.md") {
            seen.formUnion(try await blocking { try batches.next(within: 30, "a note in a folder made after the watch began") })
        }
        // Moved in from elsewhere, as editors and git do.
        try Data("# D\n".utf8).write(to: URL(fileURLWithPath: root + "/d.md"))
        try FileManager.default.moveItem(atPath: root + "/d.md", toPath: root + "/notes/new/deeper/d.md")
        // On a busy machine c.md's last events may come in a batch of their own first.
        var moved: [Set<String>] = []
        while moved.count < 4, !(moved.last?.contains(root + "/notes/new/deeper/d.md") ?? false) {
            moved.append(Set(try await blocking { try batches.next(within: 30, "a note moved in") }))
        }
        #expect(moved.last?.contains(root + "/notes/new/deeper/d.md") == true, "batches after the move: \(moved)")
    }
}
