import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `notesc serve` as users meet it: the built binary, run in a scratch
/// folder with its own XDG_CACHE_HOME, a copy of `Notes/` edited while a
/// page listens to the server's events.
@Suite struct ServeCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("notesc")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repository.appendingPathComponent(".build/debug/notesc")
    }

    /// A running `notesc serve` and the scratch folder it runs in.
    final class Serving: @unchecked Sendable {
        let work: String
        let process = Process()
        private(set) var port: UInt16 = 0
        private(set) var siteFolder = ""
        private let condition = NSCondition()
        private var stderr = ""

        var notes: String { work + "/notes" }

        init(_ arguments: [String]) throws {
            work = NSTemporaryDirectory() + "notesc-serve-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: work + "/cache", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: ServeCommandTests.repository.appendingPathComponent("Notes").path, toPath: work + "/notes")
            process.executableURL = ServeCommandTests.binary
            process.arguments = ["serve", "notes", "--port", "0"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: work)
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CACHE_HOME"] = work + "/cache"
            environment["NO_COLOR"] = "1"
            process.environment = environment
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let reader = pipe.fileHandleForReading
            Thread.detachNewThread { [condition] in
                while true {
                    let data = reader.availableData
                    condition.lock()
                    if !data.isEmpty { self.stderr += String(decoding: data, as: UTF8.self) }
                    condition.broadcast()
                    condition.unlock()
                    if data.isEmpty { return }
                }
            }
            let line: String
            do {
                line = try Self.waitForLine(condition, { self.stderr }, containing: "serving notes at http://127.0.0.1:", within: 60)
            } catch {
                process.terminate()
                throw error
            }
            let address = line.components(separatedBy: "http://127.0.0.1:")[1]
            port = UInt16(address.prefix { $0.isNumber }) ?? 0
            siteFolder = line.components(separatedBy: "(site in ")[1].components(separatedBy: ";")[0]
        }

        /// The first line of stderr containing `text`, waiting at most `seconds`.
        func line(containing text: String, within seconds: Double) throws -> String {
            try Self.waitForLine(condition, { self.stderr }, containing: text, within: seconds)
        }

        private static func waitForLine(_ condition: NSCondition, _ text: () -> String, containing needle: String, within seconds: Double) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            condition.lock(); defer { condition.unlock() }
            while true {
                if let line = text().split(separator: "\n").first(where: { $0.contains(needle) }) { return String(line) }
                guard condition.wait(until: deadline) else {
                    throw TestClient.Failure(description: "notesc serve printed no line with '\(needle)' within \(Int(seconds)) s; it printed:\n\(text())")
                }
            }
        }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let path = notes + "/" + file
            // Written the way editors save: a new file renamed over the note.
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Sends SIGTERM; how the process ended, once it has (at most `seconds`).
        func terminate(within seconds: Double) throws -> (reason: Process.TerminationReason, status: Int32) {
            if process.isRunning { process.terminate() }
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            guard !process.isRunning else { throw TestClient.Failure(description: "notesc serve still runs \(Int(seconds)) s after SIGTERM") }
            return (process.terminationReason, process.terminationStatus)
        }

        func stop() {
            if (try? terminate(within: 30)) == nil, process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(atPath: work)
        }
    }

    @Test func anEditShowsOnTheServedPage() async throws {
        let serving = try await blocking { try Serving([]) }
        defer { serving.stop() }
        // Without --out, the site goes into the cache folder, not the working folder.
        #expect(serving.siteFolder.hasPrefix(serving.work + "/cache/notesc/notes-") && serving.siteFolder.hasSuffix("/serve"),
                "site in \(serving.siteFolder)")
        #expect(FileManager.default.fileExists(atPath: serving.siteFolder + "/index.html"))
        #expect(!FileManager.default.fileExists(atPath: serving.work + "/Site"))

        let pagePath = "/notes/05-fp8-lm-paper.html"
        let before = try await TestClient.fetch(serving.port, pagePath)
        #expect(before.status == 200)
        #expect(!before.text.contains("Edited while serving."))

        let page = try EventStreamClient(port: serving.port)
        #expect(try await page.event(within: 30, "the state on connecting").name == "clear")
        try serving.edit("05-fp8-lm-paper.md") { $0.replacingOccurrences(of: "## 📝 TL;DR\n\n", with: "## 📝 TL;DR\n\nEdited while serving.\n\n") }
        _ = try await page.event("reload", within: 30, "a reload after the note was edited")

        let after = try await TestClient.fetch(serving.port, pagePath)
        #expect(after.status == 200)
        #expect(after.text.contains("Edited while serving."), "the served page has the edit")
        #expect(after.text.contains("/_notesc/events"), "and still listens for the next one")
        // The page on disk has no script: only what is sent gets it.
        let onDisk = try String(contentsOfFile: serving.siteFolder + pagePath, encoding: .utf8)
        #expect(onDisk.contains("Edited while serving.") && !onDisk.contains("/_notesc/events"))

        // SIGTERM ends it cleanly (after the caches are written), even when the parent ignores the signal.
        let ended = try await blocking { try serving.terminate(within: 30) }
        #expect(ended.reason == .exit && ended.status == 0, "ended by \(ended)")
        _ = try await blocking { try serving.line(containing: "stopped", within: 30) }
    }

    @Test func aFailedBuildShowsItsErrorsUntilTheNextBuildPasses() async throws {
        let serving = try await blocking { try Serving(["--out", "site"]) }
        defer { serving.stop() }
        #expect(serving.siteFolder == "site")
        let page = try EventStreamClient(port: serving.port)
        #expect(try await page.event(within: 30, "the state on connecting").name == "clear")

        try serving.edit("05-fp8-lm-paper.md") { $0 + "\nSee [[no-such-note]].\n" }
        let overlay = try await page.event("overlay", within: 30, "an overlay after a broken link was written")
        let items = overlay.json["diagnostics"] as? [[String: Any]] ?? []
        let broken = items.first { $0["rule"] as? String == "broken-link" }
        #expect(broken?["file"] as? String == "notes/05-fp8-lm-paper.md", "\(overlay)")
        #expect((broken?["line"] as? Int ?? 0) > 1)
        #expect((broken?["message"] as? String)?.contains("no-such-note") == true, "\(overlay)")
        #expect((overlay.json["summary"] as? String)?.contains("not rebuilt") == true)
        // The terminal says it too.
        _ = try await blocking { try serving.line(containing: "error[broken-link]", within: 30) }
        // A page opened now sees the errors at once.
        let late = try EventStreamClient(port: serving.port)
        #expect(try await late.event(within: 30, "the state while broken").name == "overlay")

        try serving.edit("05-fp8-lm-paper.md") { $0.replacingOccurrences(of: "\nSee [[no-such-note]].\n", with: "\nSee nothing else.\n") }
        _ = try await page.event("reload", within: 30, "a reload once the link was removed")
        _ = try await late.event("reload", within: 30, "a reload on the other page too")
        let fresh = try EventStreamClient(port: serving.port)
        #expect(try await fresh.event(within: 30, "the state once fixed").name == "clear", "no overlay once the build passes")
        #expect(try await TestClient.fetch(serving.port, "/notes/05-fp8-lm-paper.html").text.contains("See nothing else."))
    }
}
