import Foundation
import NotesCalc
import NotesCheck
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// The formats `notesc graph` writes (DESIGN §6).
public enum GraphFormat: String, CaseIterable, Sendable {
    /// The node-link document networkx loads; what `Site/graph.json` holds.
    case json
    /// JSON Graph Format v2.
    case jgf
    /// GraphML with typed keys, for Gephi, yEd and networkx.
    case graphml
    /// Graphviz DOT, nodes styled by kind.
    case dot
    /// An SQLite database: tables `nodes`, `edges`, `claims`, `quantities`.
    case sqlite

    /// Whether the format is text that can go to stdout.
    public var isText: Bool { self != .sqlite }
}

/// Why an export failed.
public enum GraphExportError: Error, Equatable, CustomStringConvertible {
    /// `sqlite` writes a file, not bytes.
    case notText(GraphFormat)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notText(let format): "--format \(format.rawValue) writes a file; give its path with -o FILE"
        case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
        }
    }
}

extension KnowledgeGraph {
    /// The graph in a text format; JSON formats indented when `pretty`.
    public func export(_ format: GraphFormat, pretty: Bool = false) throws -> Data {
        switch format {
        case .json: try json(pretty: pretty)
        case .jgf: JGFExporter.export(self, pretty: pretty)
        case .graphml: GraphMLExporter.export(self)
        case .dot: DOTExporter.export(self)
        case .sqlite: throw GraphExportError.notText(.sqlite)
        }
    }

    /// Writes the graph to `path` atomically: into a temporary file in the
    /// same folder, renamed over `path` only when complete, so readers never
    /// see a half-written file and a failure leaves the old file as it was.
    public func write(_ format: GraphFormat, to path: String, pretty: Bool = false) throws {
        try AtomicFile.replace(path) { temporary in
            if format == .sqlite {
                try SQLiteExporter.write(self, to: temporary)
            } else if format == .json {
                try writeJSON(toFile: temporary, reporting: path, pretty: pretty)
            } else {
                let data = try export(format, pretty: pretty)
                guard FileManager.default.createFile(atPath: temporary, contents: data) else {
                    throw GraphExportError.cannotWrite(path: path, reason: AtomicFile.lastError())
                }
            }
        }
    }
}

extension KnowledgeGraph {
    /// `json()` written to a new file a piece at a time as it is made,
    /// rather than held whole (hundreds of megabytes for a large folder).
    func writeJSON(toFile file: String, reporting path: String, pretty: Bool = false) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw GraphExportError.cannotWrite(path: path, reason: AtomicFile.lastError()) }
        defer { close(fd) }
        var failure: String?
        writeJSON(pretty: pretty) { buffer in
            if failure == nil { failure = FileIO.writeAll(fd, buffer) }
        }
        if let failure { throw GraphExportError.cannotWrite(path: path, reason: failure) }
    }
}

/// Replacing a file by rename(2) of a finished temporary sibling.
enum AtomicFile {
    static func replace(_ path: String, write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw GraphExportError.cannotWrite(path: path, reason: "it is a folder")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw GraphExportError.cannotWrite(path: path, reason: "no such folder '\(folder)'")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try write(temporary)
            guard rename(temporary, path) == 0 else {
                throw GraphExportError.cannotWrite(path: path, reason: lastError())
            }
        } catch {
            unlink(temporary)
            if let error = error as? GraphExportError { throw error }
            throw GraphExportError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
