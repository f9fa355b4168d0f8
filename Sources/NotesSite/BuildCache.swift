import Foundation
import NotesCalc
import NotesCheck
import NotesGraph
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// What the previous build of an output folder rendered: each page's
/// signature (a hash of what it reads) and a hash of its bytes. A page whose
/// signature is unchanged, and whose file is still there, is kept without
/// being rendered; one rendered to the same bytes is kept without being written.
package struct BuildCache {
    /// Template set, options and notesc version; any change invalidates every page.
    var fingerprint: String
    /// Hash of everything the site is made from (see `inputs(_:notesRoot:)`); empty when unknown.
    var inputs = ""
    /// Hash of what the previous build's `graph.json` held (`PageDependencies.knowledgeGraph`).
    var graphJSON = ""
    /// Where each note's part of the previous build's `graph.json` is (`GraphJSONRuns.encoded`); empty when unknown.
    var graphRuns: [UInt8] = []
    /// Hash of what the previous build's search index held (`PageDependencies.searchIndex`).
    var searchIndex = ""
    /// Hash of what every page but the notes' own reads (`PageDependencies.listed`).
    var listed = ""
    /// Per file of previews (`NotePreview`): a hash of the ids of the notes it holds; empty when unknown.
    var previewFiles: [UInt64] = []
    /// Per page: the hash of its bytes.
    var pages: [String: String] = [:]
    /// Per page: the hash of what it is made from (`PageDependencies.signature`).
    var signatures: [String: String] = [:]

    static let version = "site 15"

    /// The output's manifest (inode, size, modification time), which every build writes anew; empty when missing.
    package static func manifestStamp(_ outDir: String) -> String {
        var st = stat()
        guard stat(outDir + "/" + OutputWriter.manifestName, &st) == 0 else { return "" }
        return "\(st.st_ino) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    /// `site-<hash of the output path>` in the notes' cache folder: one per output folder.
    package static func location(cacheDir: String, outDir: String) -> String {
        var h = StableHash()
        h.add(outDir)
        return cacheDir + "/site-" + h.hex
    }

    /// The cache of the last build into `outDir`; empty when there is none,
    /// it is damaged, or it was made with other templates or options.
    static func load(cacheDir: String?, outDir: String, fingerprint: String) -> BuildCache {
        var cache = BuildCache(fingerprint: fingerprint)
        guard let cacheDir, let file = CacheFile.load(location(cacheDir: cacheDir, outDir: outDir), format: version),
              let block = file.blocks.first, let body = file.verified(block) else { return cache }
        // Read as bytes, a line at a time: splitting the text into substrings
        // and each line into an array was most of a rebuild's wait for it.
        do {
            let whole = file.bytes.buffer
            let all = UnsafeBufferPointer(rebasing: whole[body])
            var start = 0, header: [String] = []
            func nextLine() -> UnsafeBufferPointer<UInt8>? {
                guard start < all.count else { return nil }
                let end = all[start...].firstIndex(of: 0x0A) ?? all.count
                defer { start = end + 1 }
                return UnsafeBufferPointer(rebasing: all[start..<end])
            }
            func text(_ part: UnsafeBufferPointer<UInt8>.SubSequence) -> String { String(decoding: part, as: UTF8.self) }
            while header.count < 6, let line = nextLine() { header.append(text(line[...])) }
            // Kept pages are trusted only in the output this cache's build left:
            // another build into the same folder (from another folder, with
            // another cache) changes its manifest.
            guard header.count == 6, header[0] == version + " " + fingerprint + " " + manifestStamp(outDir),
                  header[1].hasPrefix("inputs "), header[2].hasPrefix("graph "), header[3].hasPrefix("search "),
                  header[4].hasPrefix("listed "), header[5].hasPrefix("previews") else { return cache }
            cache.inputs = String(header[1].dropFirst("inputs ".count))
            cache.graphJSON = String(header[2].dropFirst("graph ".count))
            cache.searchIndex = String(header[3].dropFirst("search ".count))
            cache.listed = String(header[4].dropFirst("listed ".count))
            let previewFiles = header[5].dropFirst("previews".count).split(separator: " ").map { UInt64($0, radix: 16) }
            if previewFiles.allSatisfy({ $0 != nil }) { cache.previewFiles = previewFiles.map { $0! } }
            if file.blocks.count > 1, let runs = file.verified(file.blocks[1]) { cache.graphRuns = Array(whole[runs]) }
            let lines = all[start...].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            cache.pages.reserveCapacity(lines)
            cache.signatures.reserveCapacity(lines)
            // `<hash> <signature or -> <page>`; the page may hold spaces.
            while let line = nextLine() {
                guard let first = line.firstIndex(of: 0x20),
                      let second = line[(first + 1)...].firstIndex(of: 0x20), second + 1 < line.count else { continue }
                let page = text(line[(second + 1)...])
                cache.pages[page] = text(line[..<first])
                let signature = line[(first + 1)..<second]
                if !(signature.count == 1 && signature.first == UInt8(ascii: "-")) { cache.signatures[page] = text(signature) }
            }
        }
        return cache
    }

    /// Saved after a build succeeded; a cache that cannot be written only costs speed.
    func save(cacheDir: String?, outDir: String) {
        guard let cacheDir else { return }
        var text: [UInt8] = []
        text.reserveCapacity(512 + 96 * pages.count)
        for part in [Self.version, " ", fingerprint, " ", Self.manifestStamp(outDir), "\n", "inputs ", inputs, "\n",
                     "graph ", graphJSON, "\n", "search ", searchIndex, "\n", "listed ", listed, "\n", "previews"] {
            text.append(contentsOf: part.utf8)
        }
        for hash in previewFiles { text.append(contentsOf: (" " + String(hash, radix: 16)).utf8) }
        text.append(0x0A)
        for (page, hash) in pages.sorted(by: { $0.key < $1.key }) {
            text.append(contentsOf: hash.utf8)
            text.append(0x20)
            text.append(contentsOf: (signatures[page] ?? "-").utf8)
            text.append(0x20)
            text.append(contentsOf: page.utf8)
            text.append(0x0A)
        }
        CacheFile.write(Self.location(cacheDir: cacheDir, outDir: outDir), format: Self.version, blocks: [text, graphRuns])
    }
}

extension BuildCache {
    /// Every note file's path and bytes, the systems' names (config aliases
    /// rename them) and the notesc binary itself: when none of them changed,
    /// neither did any page. Files are read and hashed on all cores; the
    /// hash of each file (with its path) comes back too, in the notebook's order.
    /// `fileHashes`, when given, are those hashes as the files were read for
    /// parsing (`NoteSources.hashes`), so the files are not read again.
    static func inputs(_ notebook: Notebook, notesRoot: String, fileHashes: [UInt64]?) -> (hex: String, files: [UInt64]) {
        let notes = notebook.notes
        let paths = notes.indices.map { notesRoot + "/" + notes[$0].path }
        let files = fileHashes.flatMap { $0.count == notes.count ? $0 : nil } ?? {
            let hashes = ResultSlots<UInt64>(count: notes.count)
            DispatchQueue.concurrentPerform(iterations: notes.count) { i in
                hashes[i] = NoteSources.fileHash(path: notes[i].path, Discovery.read(paths[i]))
            }
            return hashes.values
        }()
        var h = StableHash()
        for file in files { h.add(String(file, radix: 16)) }
        for system in notebook.systems { h.add(system.slug); h.add(system.name) }
        h.add(CacheFile.binaryStamp)
        return (h.hex, files)
    }
}

extension OutputWriter {
    /// The number of files of the previous build when all of them (and its
    /// manifest) are still in `outDir`; nil otherwise.
    package static func intactOutput(_ outDir: String) -> Int? {
        let manifest = outDir + "/" + manifestName
        var st = stat()
        guard stat(manifest, &st) == 0 else { return nil }
        let files = readManifest(manifest)
        for file in files where lstat(outDir + "/" + file, &st) != 0 { return nil }
        return files.count
    }

    static func writeFile(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try writeFile(path, UnsafeRawBufferPointer($0)) }
    }
}
