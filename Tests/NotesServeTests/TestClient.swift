import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a blocking socket, so that a test sends
/// exactly the request line it means (no client tidies `/../` or `%2e%2e`
/// away) and every read has a timeout.
enum TestClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// A connected socket with a receive and send timeout of `timeout` seconds.
    static func connect(_ port: UInt16, host: String = "127.0.0.1", timeout: Int = 5) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "cannot connect to \(host):\(port): \(why)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed: \(String(cString: strerror(errno)))") }
            sent += n
        }
    }

    /// `GET` (or another method) with `Connection: close`; reads to the end
    /// of the connection, each read waiting at most `timeout` seconds.
    static func get(_ port: UInt16, _ target: String, method: String = "GET", host: String? = nil, timeout: Int = 10) throws -> Response {
        let fd = try connect(port, timeout: timeout)
        defer { close(fd) }
        try send(fd, "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            guard n > 0 else {
                throw Failure(description: "no answer to \(method) \(target) within \(timeout) s (\(String(cString: strerror(errno))))")
            }
            response += buffer[0..<n]
        }
        return try parse(response, request: "\(method) \(target)")
    }

    static func parse(_ response: [UInt8], request: String) throws -> Response {
        guard let end = find([13, 10, 13, 10], in: response) else {
            throw Failure(description: "\(request): no complete response head in \(response.count) bytes")
        }
        let head = String(decoding: response[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "\(request): bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(response[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" {
            var decoder = ChunkDecoder()
            body = decoder.feed(body)
        }
        return Response(status: status, headers: headers, body: body)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}

/// Decodes `Transfer-Encoding: chunked` bytes as they arrive.
struct ChunkDecoder {
    private var pending: [UInt8] = []
    private(set) var ended = false

    /// The body bytes of every complete chunk in what arrived so far.
    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var out: [UInt8] = []
        while !ended, let lineEnd = TestClient.find([13, 10], in: pending) {
            let sizeText = String(decoding: pending[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { ended = true; break }
            if size == 0 { ended = true; break }
            guard pending.count >= lineEnd + 2 + size + 2 else { break }
            out += pending[(lineEnd + 2)..<(lineEnd + 2 + size)]
            pending.removeFirst(lineEnd + 2 + size + 2)
        }
        return out
    }
}

/// A page's view of `/_notesc/events`: the events as they arrive.
final class EventStreamClient: @unchecked Sendable {
    struct Event: CustomStringConvertible, Sendable {
        var name: String
        var data: String
        var description: String { "\(name): \(data)" }
        /// The data as a JSON object.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
    }

    private let fd: Int32
    private var raw: [UInt8] = []
    private var headerDone = false
    private var decoder = ChunkDecoder()
    private var text = ""
    private(set) var seen: [Event] = []

    /// Connects and sends the request; `next` reads the answer.
    init(port: UInt16, path: String = "/_notesc/events") throws {
        // Reads wait a second at most, so that `next` keeps to its deadline.
        fd = try TestClient.connect(port, timeout: 1)
        try TestClient.send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { close(fd) }

    /// The next event, waiting at most `seconds`; throws with `what` and the
    /// events seen so far when none comes in time or the stream ends.
    func next(within seconds: Double, _ what: String) throws -> Event {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            if let event = takeEvent() {
                seen.append(event)
                return event
            }
            guard Date() < deadline else {
                throw TestClient.Failure(description: "\(what): no event within \(Int(seconds)) s; events so far: \(seen)")
            }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 || decoder.ended { throw TestClient.Failure(description: "\(what): the event stream ended; events so far: \(seen)") }
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                throw TestClient.Failure(description: "\(what): \(String(cString: strerror(errno)))")
            }
            try feed(Array(buffer[0..<n]), what)
        }
    }

    /// The next event named `name`, skipping others, within `seconds`.
    func next(_ name: String, within seconds: Double, _ what: String) throws -> Event {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let event = try next(within: max(0, deadline.timeIntervalSinceNow), what)
            if event.name == name { return event }
        }
    }

    private func feed(_ bytes: [UInt8], _ what: String) throws {
        if headerDone {
            text += String(decoding: decoder.feed(bytes), as: UTF8.self)
            return
        }
        raw += bytes
        guard let end = TestClient.find([13, 10, 13, 10], in: raw) else { return }
        let head = String(decoding: raw[..<end], as: UTF8.self).lowercased()
        guard head.hasPrefix("http/1.1 200"), head.contains("content-type: text/event-stream") else {
            throw TestClient.Failure(description: "\(what): not an event stream: \(head)")
        }
        headerDone = true
        let rest = Array(raw[(end + 4)...])
        raw = []
        text += String(decoding: decoder.feed(rest), as: UTF8.self)
    }

    /// One complete event from what arrived; comments and `retry:` blocks are skipped.
    private func takeEvent() -> Event? {
        while let end = text.range(of: "\n\n") {
            let block = text[..<end.lowerBound]
            text.removeSubrange(..<end.upperBound)
            var name = "message", data: [String] = []
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            if !data.isEmpty { return Event(name: name, data: data.joined(separator: "\n")) }
        }
        return nil
    }
}

/// Runs blocking work (a socket read, a wait) on a thread of its own and
/// awaits it: Swift concurrency's threads (one per core) must stay free for
/// the server under test, which runs on them.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

extension TestClient {
    /// `get` on a thread of its own.
    static func fetch(_ port: UInt16, _ target: String, method: String = "GET", host: String? = nil, timeout: Int = 10) async throws -> Response {
        try await blocking { try get(port, target, method: method, host: host, timeout: timeout) }
    }
}

extension EventStreamClient {
    /// `next(within:_:)` on a thread of its own.
    func event(within seconds: Double, _ what: String) async throws -> Event {
        try await blocking { try self.next(within: seconds, what) }
    }

    /// `next(_:within:_:)` on a thread of its own.
    func event(_ name: String, within seconds: Double, _ what: String) async throws -> Event {
        try await blocking { try self.next(name, within: seconds, what) }
    }
}
