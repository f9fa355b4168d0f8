import Foundation
import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport
#if canImport(Glibc)
import Glibc
#endif

/// `notesc serve` on loopback: pages served with the reload script, nothing
/// outside the site, and a changed note rebuilt and announced.
@Suite struct PreviewServerTests {
    /// A plain HTTP/1.1 GET over a socket; returns the status line and body.
    func get(_ port: UInt16, _ path: String) throws -> (status: String, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        let status = text.components(separatedBy: "\r\n").first ?? ""
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    @Test func servesRebuildsAndStaysInsideTheSite() throws {
        let work = NSTemporaryDirectory() + "notesc-serve-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.repository.appendingPathComponent("Notes").path, toPath: work + "/notes")
        let server = PreviewServer(PreviewServer.Options(notesRoot: work + "/notes", siteDir: work + "/site", port: 0, pollInterval: 0.1))
        let port = try server.start()
        defer { server.stop() }
        #expect(server.currentVersion == 1)

        let home = try get(port, "/")
        #expect(home.status == "HTTP/1.1 200 OK")
        #expect(home.body.contains("/__notesc/version"))
        #expect(try get(port, "/notes/05-fp8-lm-paper.html").status == "HTTP/1.1 200 OK")
        for escape in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.notesc-manifest", "/notes/../../notes/05-fp8-lm-paper.md"] {
            #expect(try get(port, escape).status == "HTTP/1.1 404 Not Found", "\(escape)")
        }
        #expect(try get(port, "/__notesc/version").body == "1")

        let note = work + "/notes/05-fp8-lm-paper.md"
        let text = try String(contentsOfFile: note, encoding: .utf8)
        try text.replacingOccurrences(of: "## 📝 TL;DR\n\n", with: "## 📝 TL;DR\n\nEdited while serving.\n\n")
            .write(toFile: note, atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(20)
        while server.currentVersion < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(server.currentVersion == 2)
        #expect(try get(port, "/notes/05-fp8-lm-paper.html").body.contains("Edited while serving."))
    }
}
