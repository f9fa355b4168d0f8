import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSite
import NotesSupport
#endif

/// `notesc serve`: builds the site, serves it on loopback, watches the notes
/// and templates, rebuilds what changed (the build cache keeps the rest) and
/// makes open pages reload. Only 127.0.0.1 is bound; only files inside the
/// site folder are served.
public final class PreviewServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var notesRoot: String
        public var siteDir: String
        public var templatesDir: String?
        public var config: Config
        public var port: UInt16
        /// How often the folder is checked for changes.
        public var pollInterval: TimeInterval

        public init(notesRoot: String, siteDir: String, templatesDir: String? = nil, config: Config = Config(),
                    port: UInt16 = 8000, pollInterval: TimeInterval = 0.5) {
            self.notesRoot = notesRoot; self.siteDir = siteDir; self.templatesDir = templatesDir
            self.config = config; self.port = port; self.pollInterval = pollInterval
        }
    }

    /// What happened, for the command to print.
    public enum Event: Sendable {
        case built(SiteReport, seconds: Double)
        case failed([Diagnostic], String)
    }

    public let options: Options
    private let onEvent: @Sendable (Event) -> Void
    private var listener: Int32 = -1
    private let lock = NSLock()
    private var version = 0
    private var fingerprint = ""
    private var running = true

    public init(_ options: Options, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.options = options
        self.onEvent = onEvent
    }

    /// The build number pages poll; it grows after every successful rebuild.
    public var currentVersion: Int { lock.lock(); defer { lock.unlock() }; return version }

    /// Builds once, binds the port (0 picks a free one) and starts serving and
    /// watching in the background. Returns the port.
    @discardableResult
    public func start() throws -> UInt16 {
        fingerprint = Self.fingerprint(options)
        rebuild()
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw NotesError.invalidConfig("cannot open a socket: \(Discovery.describe(errno))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = options.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            let why = Discovery.describe(errno)
            close(listener)
            throw NotesError.invalidConfig("cannot listen on 127.0.0.1:\(options.port): \(why)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = UInt16(bigEndian: actual.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
        Thread.detachNewThread { [self] in watchLoop() }
        return port
    }

    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isRunning: Bool { lock.lock(); defer { lock.unlock() }; return running }

    // MARK: - Building

    func rebuild() {
        let started = Date()
        do {
            let notebook = try Pipeline.load(root: options.notesRoot, config: options.config)
            guard notebook.diagnostics.errorCount == 0 else {
                onEvent(.failed(notebook.diagnostics.filter { $0.severity == .error }, "errors in the notes; the site was not rebuilt"))
                return
            }
            var site = SiteOptions(notesRoot: options.notesRoot, outDir: options.siteDir, templatesDir: options.templatesDir)
            if let title = options.config.title { site.title = title }
            let report = try SiteBuilder.build(notebook, options: site)
            lock.lock()
            version += 1
            lock.unlock()
            onEvent(.built(report, seconds: Date().timeIntervalSince(started)))
        } catch {
            onEvent(.failed([], "\(error)"))
        }
    }

    /// Paths, sizes and modification times of every file that shapes the site.
    static func fingerprint(_ options: Options) -> String {
        var hash = StableHash()
        for folder in [options.notesRoot, options.templatesDir].compactMap({ $0 }) {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            var entries: [String] = []
            for case let relative as String in walker {
                var st = stat()
                guard stat(folder + "/" + relative, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
                entries.append("\(relative) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
            }
            for entry in entries.sorted() { hash.add(entry) }
        }
        return hash.hex
    }

    private func watchLoop() {
        while isRunning {
            Thread.sleep(forTimeInterval: options.pollInterval)
            let now = Self.fingerprint(options)
            if now != fingerprint {
                fingerprint = now
                rebuild()
            }
        }
    }

    // MARK: - Serving

    private func acceptLoop() {
        while isRunning {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            DispatchQueue.global().async { [self] in
                handle(client)
                close(client)
            }
        }
    }

    /// The script every served page gets: reload when the build number changes.
    static let reloadScript = """
        <script>(function(){var v=null;setInterval(function(){fetch("/__notesc/version").then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();</script>
        """

    private func handle(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 16_384, ByteSearch.find([13, 10, 13, 10], in: request, from: 0) == nil {
            let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            request += buffer[0..<n]
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2, line[0] == "GET" || line[0] == "HEAD" else {
            respond(client, status: "405 Method Not Allowed", type: "text/plain", body: Array("only GET\n".utf8))
            return
        }
        let response = Self.resolve(String(line[1]), siteDir: options.siteDir, version: currentVersion)
        respond(client, status: response.status, type: response.type, body: line[0] == "HEAD" ? [] : response.body)
    }

    /// The response for a request path: a file inside the site, the reload
    /// version, or 404. `..`, encoded or not, never leaves the site folder.
    static func resolve(_ target: String, siteDir: String, version: Int) -> (status: String, type: String, body: [UInt8]) {
        var path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
        path = path.removingPercentEncoding ?? path
        if path == "/__notesc/version" { return ("200 OK", "text/plain", Array(String(version).utf8)) }
        let parts = path.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("\0") }) else {
            return notFound(siteDir)
        }
        var relative = parts.joined(separator: "/")
        if relative.isEmpty || path.hasSuffix("/") { relative += relative.isEmpty ? "index.html" : "/index.html" }
        let full = siteDir + "/" + relative
        var st = stat()
        guard stat(full, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
              URL(fileURLWithPath: full).resolvingSymlinksInPath().path.hasPrefix(URL(fileURLWithPath: siteDir).resolvingSymlinksInPath().path + "/"),
              case .success(let bytes) = Discovery.read(full) else { return notFound(siteDir) }
        let type = contentType(relative)
        return ("200 OK", type, type.hasPrefix("text/html") ? withReload(bytes) : bytes)
    }

    static func notFound(_ siteDir: String) -> (status: String, type: String, body: [UInt8]) {
        if case .success(let page) = Discovery.read(siteDir + "/404.html") {
            return ("404 Not Found", "text/html; charset=utf-8", withReload(page))
        }
        return ("404 Not Found", "text/plain", Array("not found\n".utf8))
    }

    static func withReload(_ html: [UInt8]) -> [UInt8] {
        let script = Array(reloadScript.utf8)
        guard let end = ByteSearch.find(Array("</body>".utf8), in: html, from: 0) else { return html + script }
        return Array(html[..<end]) + script + Array(html[end...])
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        default: "application/octet-stream"
        }
    }

    private func respond(_ client: Int32, status: String, type: String, body: [UInt8]) {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(client, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }
}
