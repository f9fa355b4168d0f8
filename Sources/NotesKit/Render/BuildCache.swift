import Foundation

/// A stable 64-bit hash: the same input gives the same value in every
/// process (Swift's `Hasher` is seeded per process, so it cannot key a cache).
/// FNV-1a, taking eight bytes (little-endian) at a step where it can: a
/// rebuild hashes every note's file and records.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        if let done = bytes.withContiguousStorageIfAvailable({ add(buffer: $0) }) { return done }
        for b in bytes {
            value ^= UInt64(b)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        var v = value
        var i = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= buffer.count {
                v ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                v &*= 0x0000_0100_0000_01B3
                v ^= v >> 29
                i += 8
            }
        }
        while i < buffer.count {
            v ^= UInt64(buffer[i])
            v &*= 0x0000_0100_0000_01B3
            i += 1
        }
        value = v
    }

    mutating func add(word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { add(buffer: $0.bindMemory(to: UInt8.self)) }
    }

    mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(buffer: $0) }
        // separator: "ab"+"c" differs from "a"+"bc"
        value ^= 0xFF
        value &*= 0x0000_0100_0000_01B3
    }

    var hex: String { String(value, radix: 16) }
}

/// What the previous build of an output folder rendered: each page's
/// signature (a hash of what it reads) and a hash of its bytes. A page whose
/// signature is unchanged, and whose file is still there, is kept without
/// being rendered; one rendered to the same bytes is kept without being written.
struct BuildCache {
    /// Template set, options and notesc version; any change invalidates every page.
    var fingerprint: String
    /// Hash of everything the site is made from (see `inputs(_:notesRoot:)`); empty when unknown.
    var inputs = ""
    /// Hash of what the previous build's `graph.json` held (`PageDependencies.knowledgeGraph`).
    var graphJSON = ""
    /// Hash of what the previous build's search index held (`PageDependencies.searchIndex`).
    var searchIndex = ""
    /// Hash of what every page but the notes' own reads (`PageDependencies.listed`).
    var listed = ""
    /// Per page: the hash of its bytes.
    var pages: [String: String] = [:]
    /// Per page: the hash of what it is made from (`PageDependencies.signature`).
    var signatures: [String: String] = [:]

    static let version = "notesc-build-cache 10"

    /// The output's manifest (inode, size, modification time), which every build writes anew; empty when missing.
    static func manifestStamp(_ outDir: String) -> String {
        var st = stat()
        guard stat(outDir + "/" + OutputWriter.manifestName, &st) == 0 else { return "" }
        return "\(st.st_ino) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    /// `build-<hash of the output path>` in `cacheDir`, by default `.notesc-cache/` in the current folder.
    static func location(outDir: String, cacheDir: String? = nil) -> String {
        var h = StableHash()
        h.add(outDir)
        return (cacheDir ?? FileManager.default.currentDirectoryPath + "/.notesc-cache") + "/build-" + h.hex
    }

    static func load(outDir: String, fingerprint: String, cacheDir: String? = nil) -> BuildCache {
        var cache = BuildCache(fingerprint: fingerprint)
        guard case .success(let bytes) = Discovery.read(location(outDir: outDir, cacheDir: cacheDir)) else { return cache }
        // Read as bytes, a line at a time: splitting the text into substrings
        // and each line into an array was most of a rebuild's wait for it.
        bytes.withUnsafeBufferPointer { all in
            var start = 0, header: [String] = []
            func nextLine() -> UnsafeBufferPointer<UInt8>? {
                guard start < all.count else { return nil }
                let end = all[start...].firstIndex(of: 0x0A) ?? all.count
                defer { start = end + 1 }
                return UnsafeBufferPointer(rebasing: all[start..<end])
            }
            func text(_ part: UnsafeBufferPointer<UInt8>.SubSequence) -> String { String(decoding: part, as: UTF8.self) }
            while header.count < 5, let line = nextLine() { header.append(text(line[...])) }
            // Kept pages are trusted only in the output this cache's build left:
            // another build into the same folder (from another folder, with
            // another cache) changes its manifest.
            guard header.count == 5, header[0] == version + " " + fingerprint + " " + manifestStamp(outDir),
                  header[1].hasPrefix("inputs "), header[2].hasPrefix("graph "), header[3].hasPrefix("search "),
                  header[4].hasPrefix("listed ") else { return }
            cache.inputs = String(header[1].dropFirst("inputs ".count))
            cache.graphJSON = String(header[2].dropFirst("graph ".count))
            cache.searchIndex = String(header[3].dropFirst("search ".count))
            cache.listed = String(header[4].dropFirst("listed ".count))
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
    func save(outDir: String, cacheDir: String? = nil) {
        let path = Self.location(outDir: outDir, cacheDir: cacheDir)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var text: [UInt8] = []
        text.reserveCapacity(512 + 96 * pages.count)
        for part in [Self.version, " ", fingerprint, " ", Self.manifestStamp(outDir), "\n", "inputs ", inputs, "\n",
                     "graph ", graphJSON, "\n", "search ", searchIndex, "\n", "listed ", listed, "\n"] {
            text.append(contentsOf: part.utf8)
        }
        for (page, hash) in pages.sorted(by: { $0.key < $1.key }) {
            text.append(contentsOf: hash.utf8)
            text.append(0x20)
            text.append(contentsOf: (signatures[page] ?? "-").utf8)
            text.append(0x20)
            text.append(contentsOf: page.utf8)
            text.append(0x0A)
        }
        try? text.withUnsafeBytes { try OutputWriter.writeFile(path, $0) }
    }
}

extension BuildCache {
    /// Every note file's path and bytes, the systems' names (config aliases
    /// rename them) and the notesc binary itself: when none of them changed,
    /// neither did any page. Files are read and hashed on all cores; the
    /// hash of each file (with its path) comes back too, in the notebook's order.
    static func inputs(_ notebook: Notebook, notesRoot: String) -> (hex: String, files: [UInt64]) {
        let notes = notebook.notes
        let paths = notes.indices.map { notesRoot + "/" + notes[$0].path }
        // The files were hashed as they were read for parsing; else read them now.
        let files = NoteSources.lastRead.hashes(of: paths) ?? {
            let hashes = ResultSlots<UInt64>(count: notes.count)
            DispatchQueue.concurrentPerform(iterations: notes.count) { i in
                hashes[i] = NoteSources.fileHash(path: notes[i].path, Discovery.read(paths[i]))
            }
            return hashes.values
        }()
        var h = StableHash()
        for file in files { h.add(String(file, radix: 16)) }
        for system in notebook.systems { h.add(system.slug); h.add(system.name) }
        h.add(binaryStamp)
        return (h.hex, files)
    }

    /// The notesc binary: its path, size and modification time. A new binary may make other pages.
    static let binaryStamp: String = {
        var st = stat()
        // /proc/self/exe names the binary even when it was found on PATH.
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        guard stat(executable, &st) == 0 else { return "unknown binary" }
        return "\(executable) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()
}

extension OutputWriter {
    /// The number of files of the previous build when all of them (and its
    /// manifest) are still in `outDir`; nil otherwise.
    static func intactOutput(_ outDir: String) -> Int? {
        let manifest = outDir + "/" + manifestName
        var st = stat()
        guard stat(manifest, &st) == 0 else { return nil }
        let files = readManifest(manifest)
        for file in files where lstat(outDir + "/" + file, &st) != 0 { return nil }
        return files.count
    }

    /// Writes a cache file aside and renames it into place, so that a reader
    /// never meets half a file; a file that cannot be written only costs speed.
    static func replaceFile(_ path: String, _ bytes: [UInt8]) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        do {
            try bytes.withUnsafeBytes { try writeFile(temporary, $0) }
            if rename(temporary, path) != 0 { unlink(temporary) }
        } catch {
            unlink(temporary)
        }
    }

    static func writeFile(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try writeFile(path, UnsafeRawBufferPointer($0)) }
    }
}
