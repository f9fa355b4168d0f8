import Dispatch
import Foundation
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesSupport

/// A notes folder as read from disk, before anything is parsed: the files
/// found, each one's bytes (or why it could not be read) and their hashes.
/// Read once: a rebuild hashes exactly the bytes it then parses, so what the
/// build cache records is what the site was made from.
public struct NoteSources: Sendable {
    /// Every note file, in the stable order of `Discovery.find`.
    package var files: [NoteFile]
    /// Each file's bytes, in the order of `files`.
    package var contents: [Result<[UInt8], NotesError>]
    /// Each file's path and bytes hashed together (`StableHash`), in the order of `files`.
    public private(set) var hashes: [UInt64]
    /// Problems met while looking for files (unreadable folders, symlinks not followed).
    package var diagnostics: [Diagnostic]
    /// The files below the root that are not notes (images, PDFs), by path,
    /// sorted; listed, never read. Links may name them.
    package var attachments: [String] = []
    /// The attachments' paths, sizes and times in one hash (0 for none): what
    /// the site's copies of them depend on.
    package var attachmentStamp: UInt64 = 0

    /// Finds and reads every note of `root` on all cores. Throws only when
    /// `root` is no folder; an unreadable file is read as a failure.
    /// `exclude` names files and folders never read (`notesc.yml`'s `exclude:`).
    public static func read(root: String, exclude: ExcludePatterns = ExcludePatterns()) throws -> NoteSources {
        let found = try Discovery.find(root: root, exclude: exclude)
        var sources = read(found.files, diagnostics: found.diagnostics, attachments: found.attachments)
        sources.attachmentStamp = found.attachmentStamp
        return sources
    }

    package static func read(_ files: [NoteFile], diagnostics: [Diagnostic], attachments: [String] = []) -> NoteSources {
        let contents = ResultSlots<Result<[UInt8], NotesError>>(count: files.count)
        let hashes = ResultSlots<UInt64>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let read = Discovery.read(files[i].absolutePath)
            hashes[i] = fileHash(path: files[i].path, read)
            contents[i] = read
        }
        return NoteSources(files: files, contents: contents.values, hashes: hashes.values, diagnostics: diagnostics, attachments: attachments)
    }

    /// The hash of one file as `BuildCache.inputs` takes it: its path and bytes.
    package static func fileHash(path: String, _ read: Result<[UInt8], NotesError>) -> UInt64 {
        var h = StableHash()
        h.add(path)
        switch read {
        case .success(let bytes): h.add(bytes)
        case .failure: h.add("unreadable")
        }
        return h.value
    }

    /// The number of note files found.
    public var count: Int { files.count }

    /// Everything read, in one hash: the files found, their bytes, and the
    /// problems met finding them.
    public var digest: String {
        var h = StableHash()
        h.add("files \(files.count)")
        for (file, hash) in zip(files, hashes) {
            h.add(file.id)
            h.add(word: hash)
        }
        for (i, read) in contents.enumerated() {
            if case .failure(let error) = read { h.add("\(i) \(error)") }
        }
        for d in diagnostics { h.add("\(d.file) \(d.severity.rawValue) \(d.rule) \(d.message)") }
        // A file added or removed changes what links resolve to.
        if !attachments.isEmpty { h.add(word: attachmentsHash) }
        // A changed image is copied again.
        if attachmentStamp != 0 { h.add(word: attachmentStamp) }
        return h.hex
    }

    /// The attachments' paths, in one hash (0 for none).
    package var attachmentsHash: UInt64 {
        guard !attachments.isEmpty else { return 0 }
        var h = StableHash()
        h.add("attachments \(attachments.count)")
        for path in attachments { h.add(path) }
        return h.value
    }
}
