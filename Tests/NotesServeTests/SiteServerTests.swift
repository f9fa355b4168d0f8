import Foundation
import Testing
@testable import NotesKit
@testable import NotesServe
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP side of `notesc serve`, on a real FlyingFox server bound to
/// loopback, serving a site folder made by the test.
@Suite struct SiteServerTests {
    /// A scratch folder holding the site, and a secret beside it that no request may read.
    struct Scratch {
        let root: String
        var site: String { root + "/site" }

        init() throws {
            root = NSTemporaryDirectory() + "notesc-site-server-\(UUID().uuidString)"
            let files: [String: [UInt8]] = [
                "site/index.html": Array("<!doctype html><html><body><h1>Home</h1></body></html>\n".utf8),
                "site/notes/index.html": Array("<!doctype html><html><body><p>All notes</p></body></html>\n".utf8),
                "site/notes/a.html": Array("<!doctype html><html><body><p>Note A</p></body></html>\n".utf8),
                "site/assets/style.css": Array("body { color: #222 }\n".utf8),
                "site/graph.json": Array("{\"nodes\":[]}\n".utf8),
                "site/assets/favicon.svg": Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8),
                // Several reads' worth, so a body is sent in many writes.
                "site/search-index.js": (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) },
                "site/.notesc-manifest": Array("manifest\n".utf8),
                "secret.txt": Array("outside the site\n".utf8),
            ]
            for (path, bytes) in files {
                let full = root + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: full))
            }
            // Symlinks inside the site that point out of it.
            try FileManager.default.createSymbolicLink(atPath: site + "/leak.txt", withDestinationPath: root + "/secret.txt")
            try FileManager.default.createSymbolicLink(atPath: site + "/up", withDestinationPath: root)
            // And one that stays inside, which is served.
            try FileManager.default.createSymbolicLink(atPath: site + "/home.html", withDestinationPath: site + "/index.html")
        }

        func bytes(_ relative: String) -> [UInt8] { Array(FileManager.default.contents(atPath: site + "/" + relative) ?? Data()) }
        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Runs `body` against a started server, then stops it.
    func withServer(_ body: (SiteServer, UInt16, Scratch) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let server = try SiteServer(siteFolder: scratch.site, port: 0, events: ReloadEvents())
        let port = try await server.start()
        do {
            try await body(server, port, scratch)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func servesFilesWithTheirTypesAndTheReloadScriptInPagesOnly() async throws {
        try await withServer { server, port, scratch in
            let home = try await TestClient.fetch(port, "/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            let expected = LiveReload.inject(into: Data(scratch.bytes("index.html")), build: server.events.build)
            #expect(home.body == Array(expected))
            #expect(home.text.contains("new EventSource(\"/_notesc/events\")"))
            #expect(home.text.hasSuffix("</script></body></html>\n"), "the script goes before </body>")
            // The file on disk is left as it was.
            #expect(!String(decoding: scratch.bytes("index.html"), as: UTF8.self).contains("EventSource"))

            let types = ["/assets/style.css": "text/css; charset=utf-8", "/graph.json": "application/json",
                         "/assets/favicon.svg": "image/svg+xml", "/search-index.js": "text/javascript; charset=utf-8"]
            for (path, type) in types {
                let response = try await TestClient.fetch(port, path)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
                #expect(response.body == scratch.bytes(String(path.dropFirst())), "\(path) is sent as it is on disk")
            }
            // A folder's URL serves its index.html; without the slash, it redirects so relative links work.
            let notes = try await TestClient.fetch(port, "/notes/")
            #expect(notes.status == 200 && notes.text.contains("All notes"))
            let bare = try await TestClient.fetch(port, "/notes")
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/notes/")
            // A symlink that stays inside the site is followed.
            #expect(try await TestClient.fetch(port, "/home.html").text.contains("<h1>Home</h1>"))
            // HEAD: the headers alone.
            let head = try await TestClient.fetch(port, "/assets/style.css", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.headers["content-length"] == String(scratch.bytes("assets/style.css").count))
            #expect(try await TestClient.fetch(port, "/", method: "POST").status == 405)
            // Only requests addressed to loopback by name: not a page of another site resolved to 127.0.0.1.
            #expect(try await TestClient.fetch(port, "/", host: "localhost:\(port)").status == 200)
            #expect(try await TestClient.fetch(port, "/", host: "notes.attacker.example:\(port)").status == 403)
            // A missing page is a 404 that still listens for rebuilds.
            let missing = try await TestClient.fetch(port, "/notes/nope.html")
            #expect(missing.status == 404)
            #expect(missing.text.contains("EventSource"))
        }
    }

    @Test func nothingOutsideTheSiteIsServed() async throws {
        try await withServer { _, port, _ in
            let refused = [
                "/../secret.txt", "/notes/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
                "/notes/%2e%2e/%2e%2e/secret.txt", "/..%2Fsecret.txt", "/notes%2F..%2F..%2Fsecret.txt", "/%2fetc%2fpasswd",
                "//etc/passwd", "/notes//a.html", "/..\\secret.txt", "/notes\\..\\..\\secret.txt", "/%5c..%5csecret.txt",
                "/index.html%00.css", "/%00", "/./index.html", "/.notesc-manifest", "/%2enotesc-manifest",
                "/leak.txt", "/up/secret.txt",
            ]
            for target in refused {
                let response = try await TestClient.fetch(port, target)
                #expect(response.status == 403 || response.status == 404, "\(target) answered \(response.status)")
                #expect(!response.text.contains("outside the site"), "\(target) leaked the file outside the site")
            }
        }
    }

    @Test func resolvesOnlyInsideTheSite() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let real = SiteFiles.realPath(scratch.site)!
        #expect(SiteFiles.resolve("/", in: scratch.site) == .file(real + "/index.html"))
        #expect(SiteFiles.resolve("/notes/a.html", in: scratch.site) == .file(real + "/notes/a.html"))
        #expect(SiteFiles.resolve("/notes", in: scratch.site) == .redirect("/notes/"))
        #expect(SiteFiles.resolve("/home.html", in: scratch.site) == .file(real + "/index.html"))
        for target in ["/%2e%2e/secret.txt", "/..%2fsecret.txt", "//secret.txt", "/a\\b", "/a%00", "/leak.txt", "/up/secret.txt", "/.notesc-manifest", "relative"] {
            #expect(SiteFiles.resolve(target, in: scratch.site) == .refused, "\(target)")
        }
        #expect(SiteFiles.resolve("/no/such.html", in: scratch.site) == .notFound)
        #expect(SiteFiles.resolve("/", in: scratch.root + "/not-built-yet") == .notFound)
    }

    @Test func fourHundredConcurrentRequestsFromFiftyClientsAreAllAnswered() async throws {
        try await withServer { server, port, scratch in
            let pages = ["/", "/notes/a.html", "/assets/style.css", "/search-index.js", "/graph.json"]
            var expected: [String: [UInt8]] = [:]
            for page in pages {
                let file = page == "/" ? "index.html" : String(page.dropFirst())
                let bytes = scratch.bytes(file)
                expected[page] = file.hasSuffix(".html") ? Array(LiveReload.inject(into: Data(bytes), build: server.events.build)) : bytes
            }
            let answers = expected
            let clients = 50, perClient = 8
            let results = Results()
            let group = DispatchGroup()
            for client in 0..<clients {
                group.enter()
                // Threads of their own: blocking sockets must not hold Swift concurrency's few threads.
                Thread.detachNewThread {
                    defer { group.leave() }
                    for i in 0..<perClient {
                        let page = pages[(client + i) % pages.count]
                        do {
                            let response = try TestClient.get(port, page, timeout: 30)
                            results.add(response.status == 200 && response.body == answers[page] ? nil : "\(page): status \(response.status), \(response.body.count) bytes")
                        } catch {
                            results.add("\(page): \(error)")
                        }
                    }
                }
            }
            let finished = try await blocking { group.wait(timeout: .now() + 120) }
            #expect(finished == .success, "the 400 requests were not all answered within 120 s")
            #expect(results.answered == clients * perClient)
            #expect(results.failures.isEmpty, "\(results.failures.count) failed, e.g. \(results.failures.prefix(3))")
        }
    }

    @Test func listensOnLoopbackOnly() async throws {
        try await withServer { _, port, _ in
            let home = try await TestClient.fetch(port, "/")
            #expect(home.status == 200)
            // All of 127/8 reaches this machine; a server bound to 0.0.0.0 would answer on 127.0.0.2 too.
            #expect(throws: TestClient.Failure.self, "127.0.0.2 must not reach the server") {
                close(try TestClient.connect(port, host: "127.0.0.2"))
            }
            // Nor may any other address of this machine.
            for address in Self.localAddresses() where address != "127.0.0.1" {
                #expect(throws: TestClient.Failure.self, "\(address) must not reach the server") {
                    close(try TestClient.connect(port, host: address))
                }
            }
        }
    }

    @Test func eventsTellPagesToReloadOrShowErrors() async throws {
        try await withServer { server, port, _ in
            let page = try EventStreamClient(port: port)
            let first = try await page.event(within: 30, "the state on connecting")
            #expect(first.name == "clear")
            #expect(first.json["build"] as? String == server.events.build)

            server.events.buildPassed()
            let reload = try await page.event(within: 30, "a reload after a build passed")
            #expect(reload.name == "reload")
            #expect(reload.json["build"] as? String == server.events.build)

            // A message with markup, quotes and a newline arrives as data, on one line.
            let tricky = "unknown </script><b onclick=\"x\">id</b>\nsecond line"
            let diagnostic = Diagnostic(file: "sub/a.md", range: SourceRange(start: SourcePosition(line: 3, column: 7), end: SourcePosition(line: 3, column: 9)),
                                        severity: .error, rule: "broken-link", message: tricky)
            server.events.buildFailed([diagnostic], summary: "1 error in the notes", root: "notes")
            let overlay = try await page.event(within: 30, "an overlay after a build failed")
            #expect(overlay.name == "overlay")
            let items = overlay.json["diagnostics"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(items.first?["file"] as? String == "notes/sub/a.md")
            #expect(items.first?["line"] as? Int == 3 && items.first?["column"] as? Int == 7)
            #expect(items.first?["rule"] as? String == "broken-link")
            #expect(items.first?["message"] as? String == tricky)
            #expect(!overlay.data.contains("\n"))

            // A page opened while the build is broken sees the errors at once.
            let late = try EventStreamClient(port: port)
            #expect(try await late.event(within: 30, "the state while broken").name == "overlay")

            server.events.buildPassed()
            #expect(try await page.event(within: 30, "a reload once the build passes").name == "reload")
            let fresh = try EventStreamClient(port: port)
            #expect(try await fresh.event(within: 30, "the state once fixed").name == "clear")
        }
    }

    /// The IPv4 addresses of this machine's interfaces.
    static func localAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var found: [String] = []
        var entry = list
        while let current = entry {
            if let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) {
                var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                    found.append(String(cString: host))
                }
            }
            entry = current.pointee.ifa_next
        }
        return found
    }
}

/// Outcomes gathered from many threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var failures: [String] = []
    private(set) var answered = 0

    func add(_ failure: String?) {
        lock.lock(); defer { lock.unlock() }
        answered += 1
        if let failure { failures.append(failure) }
    }
}
