import FlyingFox
import FlyingSocks
import Foundation

/// Serves a site folder over HTTP on 127.0.0.1 (FlyingFox), with the reload
/// channel of `ReloadEvents` and its script added to every HTML page.
/// GET and HEAD only; files outside the folder are refused (`SiteFiles`).
final class SiteServer: @unchecked Sendable {
    let siteFolder: String
    let events: ReloadEvents
    private let requestedPort: UInt16
    private let http: HTTPServer
    private var running: Task<Void, Never>?
    private var keepAlive: Task<Void, Never>?

    struct ListenFailure: Error, CustomStringConvertible {
        var description: String
    }

    init(siteFolder: String, port: UInt16, events: ReloadEvents) throws {
        self.siteFolder = siteFolder
        self.events = events
        requestedPort = port
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        http = HTTPServer(address: address, timeout: 30, logger: .disabled)
    }

    /// Binds and starts serving; returns the port (useful with port 0).
    func start() async throws -> UInt16 {
        await http.appendRoute("*") { [self] request in await respond(request) }
        let (outcomes, outcome) = AsyncStream<Result<Void, any Error>>.makeStream()
        running = Task { [http] in
            do {
                try await http.run()
                outcome.yield(.failure(ListenFailure(description: "the server stopped")))
            } catch {
                outcome.yield(.failure(error))
            }
        }
        Task { [http] in
            do {
                try await http.waitUntilListening(timeout: 30)
                outcome.yield(.success(()))
            } catch {
                outcome.yield(.failure(error))
            }
        }
        for await result in outcomes {
            if case .failure(let error) = result {
                throw ListenFailure(description: "cannot listen on 127.0.0.1:\(requestedPort): \(error.localizedDescription)")
            }
            break
        }
        guard case .ip4(_, let port)? = await http.listeningAddress else {
            throw ListenFailure(description: "cannot tell which port the server listens on")
        }
        keepAlive = Task { [events] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                events.keepAlive()
            }
        }
        return port
    }

    func stop() async {
        keepAlive?.cancel()
        events.finishAll()
        await http.stop(timeout: 1)
        running?.cancel()
    }

    func respond(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return text(.methodNotAllowed, "only GET and HEAD\n", headers: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        // A page of another site whose name resolves to 127.0.0.1 (DNS rebinding) must not read the notes.
        guard Self.isLoopbackHost(request.headers[.host]) else { return text(.forbidden, "unknown host\n") }
        let target = request.target.path(percentEncoded: true)
        if target == ReloadEvents.path {
            let stream = events.subscribe()
            return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/event-stream", .cacheControl: "no-store"]),
                                body: HTTPBodySequence(from: EventBytes(stream: stream)))
        }
        switch SiteFiles.resolve(target, in: siteFolder) {
        case .file(let path):
            return file(path, status: .ok, head: request.method == .HEAD)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
        case .refused:
            return text(.forbidden, "forbidden\n")
        case .notFound:
            // The site's own 404 page, which reloads too when the page appears.
            if case .file(let page) = SiteFiles.resolve("/404.html", in: siteFolder) {
                return file(page, status: .notFound, head: request.method == .HEAD)
            }
            let page = LiveReload.inject(into: Data(Self.notFoundPage.utf8), build: events.build)
            return HTTPResponse(statusCode: .notFound, headers: HTTPHeaders([.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]),
                                body: request.method == .HEAD ? Data() : page)
        }
    }

    /// For a site without a 404 page (or not built yet): it reloads, or shows the errors, like any page.
    static let notFoundPage = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>Not found.</p></body></html>\n"

    /// Whether a `Host` header names this machine's loopback: `127.0.0.1`,
    /// `localhost` or `[::1]`, with any port. A request without one (HTTP/1.0) is let through.
    static func isLoopbackHost(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return true }
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
        return ["127.0.0.1", "localhost", "[::1]"].contains(name)
    }

    private func file(_ path: String, status: HTTPStatusCode, head: Bool) -> HTTPResponse {
        let type = SiteFiles.contentType(path)
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if type.hasPrefix("text/html") {
            guard let bytes = FileManager.default.contents(atPath: path) else { return text(.notFound, "not found\n") }
            let page = LiveReload.inject(into: bytes, build: events.build)
            headers[.contentLength] = String(page.count)
            return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : page)
        }
        // Other files (graph.json may be hundreds of megabytes) are streamed from disk.
        do {
            let body = try HTTPBodySequence(file: URL(fileURLWithPath: path), suggestedBufferSize: 64 * 1024)
            if head {
                headers[.contentLength] = body.count.map(String.init)
                return HTTPResponse(statusCode: status, headers: headers)
            }
            return HTTPResponse(statusCode: status, headers: headers, body: body)
        } catch {
            return text(.notFound, "not found\n")
        }
    }

    private func text(_ status: HTTPStatusCode, _ body: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: status, headers: headers, body: Data(body.utf8))
    }
}

/// The bytes of an event stream, as FlyingFox's streamed body wants them
/// (it sends them chunked, each event as it comes).
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(events: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await events.next() ?? [] }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event
            }
            let taken = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
