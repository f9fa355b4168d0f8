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

    /// A template context: dictionaries by key (in no particular order: their
    /// entries' hashes are summed), arrays in order, scalars by value.
    mutating func add(context value: Any) {
        // The usual types by identity first: a failed `as` cast walks the
        // runtime's conformance tables, and trying each case in turn was most
        // of the time spent hashing a page's data.
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType { add("s"); add(value as! String); return }
        if type == Self.contextType { add(dictionary: value as! [String: Any]); return }
        if type == Self.listType { add(list: value as! [[String: Any]]); return }
        if type == Self.boolType { add((value as! Bool) ? "t" : "f"); return }
        if type == Self.intType { add("i"); add(word: UInt64(bitPattern: Int64(value as! Int))); return }
        switch value {
        case let s as String: add("s"); add(s)
        case let b as Bool: add(b ? "t" : "f")
        case let i as Int: add("i"); add(word: UInt64(bitPattern: Int64(i)))
        case let dict as [String: Any]: add(dictionary: dict)
        case let array as [[String: Any]]: add(list: array)
        case let array as [Any]:
            add("[")
            for element in array { add(context: element) }
            add("]")
        case let d as Double: add("d"); add(String(d))
        case is TemplateValue.Absent: add("n")
        case let optional as Any? where optional == nil: add("n")
        default: add("?"); add(String(describing: value))
        }
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let contextType = ObjectIdentifier([String: Any].self)
    private static let listType = ObjectIdentifier([[String: Any]].self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)

    private mutating func add(dictionary: [String: Any]) {
        var sum: UInt64 = 0
        for (key, element) in dictionary {
            var entry = StableHash()
            entry.add(key)
            entry.add(context: element)
            sum &+= entry.mixed
        }
        add("{")
        add(word: sum)
        add(word: UInt64(dictionary.count))
    }

    private mutating func add(list: [[String: Any]]) {
        add("[")
        for element in list { add(dictionary: element) }
        add("]")
    }

    /// The value with its bits spread (SplitMix64's finaliser), so that sums of hashes stay distinct.
    private var mixed: UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    var hex: String { String(value, radix: 16) }
}

/// What the previous build of an output folder rendered: a hash of each
/// page's template and context. A page whose hash is unchanged, and whose file
/// is still there, is kept as it is instead of rendered again.
struct BuildCache {
    /// Template set, options and notesc version; any change invalidates every page.
    var fingerprint: String
    /// Hash of everything the site is made from (see `inputs(_:notesRoot:)`); empty when unknown.
    var inputs = ""
    /// Hash of what the previous build's `graph.json` held (`PageDependencies.knowledgeGraph`).
    var graphJSON = ""
    /// Per page: the hash of its template and data.
    var pages: [String: String] = [:]
    /// Per page: the hash of what it is made from (`PageDependencies.signature`).
    var signatures: [String: String] = [:]

    static let version = "notesc-build-cache 7"

    /// The output's manifest (inode, size, modification time), which every build writes anew; empty when missing.
    static func manifestStamp(_ outDir: String) -> String {
        var st = stat()
        guard stat(outDir + "/" + OutputWriter.manifestName, &st) == 0 else { return "" }
        return "\(st.st_ino) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    /// `.notesc-cache/build-<hash of the output path>` in the current folder.
    static func location(outDir: String) -> String {
        var h = StableHash()
        h.add(outDir)
        return FileManager.default.currentDirectoryPath + "/.notesc-cache/build-" + h.hex
    }

    static func load(outDir: String, fingerprint: String) -> BuildCache {
        var cache = BuildCache(fingerprint: fingerprint)
        guard case .success(let bytes) = Discovery.read(location(outDir: outDir)) else { return cache }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        // Kept pages are trusted only in the output this cache's build left:
        // another build into the same folder (from another folder, with
        // another cache) changes its manifest.
        guard lines.first.map(String.init) == version + " " + fingerprint + " " + manifestStamp(outDir), lines.count > 2,
              lines[1].hasPrefix("inputs "), lines[2].hasPrefix("graph ") else { return cache }
        cache.inputs = String(lines[1].dropFirst("inputs ".count))
        cache.graphJSON = String(lines[2].dropFirst("graph ".count))
        for line in lines.dropFirst(3) {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { continue }
            let page = String(parts[2])
            cache.pages[page] = String(parts[0])
            if parts[1] != "-" { cache.signatures[page] = String(parts[1]) }
        }
        return cache
    }

    /// Saved after a build succeeded; a cache that cannot be written only costs speed.
    func save(outDir: String) {
        let path = Self.location(outDir: outDir)
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var text = Self.version + " " + fingerprint + " " + Self.manifestStamp(outDir) + "\n" + "inputs " + inputs + "\n" + "graph " + graphJSON + "\n"
        for (page, hash) in pages.sorted(by: { $0.key < $1.key }) { text += hash + " " + (signatures[page] ?? "-") + " " + page + "\n" }
        try? OutputWriter.writeFile(path, text)
    }
}

extension BuildCache {
    /// Every note file's path and bytes, the systems' names (config aliases
    /// rename them) and the notesc binary itself: when none of them changed,
    /// neither did any page. Files are read and hashed on all cores; the
    /// hash of each file (with its path) comes back too, in the notebook's order.
    static func inputs(_ notebook: Notebook, notesRoot: String) -> (hex: String, files: [UInt64]) {
        let notes = notebook.notes
        let paths = notes.map { notesRoot + "/" + $0.path }
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
