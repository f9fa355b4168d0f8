import Dispatch
import NotesModel
import NotesCheck
import NotesParse
import NotesSupport

extension Pipeline {
    /// Like `load`, from files already read, with the parse cache alone.
    public static func load(_ sources: NoteSources, config: Config = Config(), cache: ParseCache) -> Notebook {
        compile(sources, config: config, parsed: cache.parseAll(sources)).notebook
    }
}

extension ParseCache {
    /// Every note of `sources`, parsed or taken from the cache; the cache is
    /// brought up to date (written only when something changed).
    func parseAll(_ sources: NoteSources) -> [ParsedNote] {
        let files = sources.files
        let hit = ResultSlots<Bool>(count: files.count)
        let parsed = Pipeline.parseAll(sources) { i in
            guard case .success(let bytes) = sources.contents[i],
                  let cached = self.lookup(files[i], hash: sources.hashes[i], bytes: bytes) else { return nil }
            hit[i] = true
            return cached
        }
        let fresh = ResultSlots<[UInt8]?>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            fresh[i] = hit[i] == nil && parsed[i].readable ? Self.encode(parsed[i], hash: sources.hashes[i]) : nil
        }
        let encoded = fresh.values
        // Written when a note was parsed anew or an entry is no longer used.
        let hits = (0..<files.count).filter { hit[$0] == true }.count
        if encoded.contains(where: { $0 != nil }) || count != hits {
            CacheWriting.run(background: writesInBackground) { self.save(files, hashes: sources.hashes, fresh: encoded) }
        }
        return parsed
    }
}
