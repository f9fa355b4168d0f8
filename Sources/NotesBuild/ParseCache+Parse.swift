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
        // Parsed anew: written to the cache. Encoded as they are written, a
        // block of notes at a time: encoded all at once, beside the parsed
        // notes, they were a fifth of the compile's peak memory.
        let anew = (0..<files.count).map { hit[$0] == nil && parsed[$0].readable }
        let hits = (0..<files.count).filter { hit[$0] == true }.count
        // Written when a note was parsed anew or an entry is no longer used.
        if anew.contains(true) || count != hits {
            let hashes = sources.hashes
            CacheWriting.run(background: writesInBackground) {
                self.save(files, hashes: hashes, fresh: anew) { Self.encode(parsed[$0], hash: hashes[$0]) }
            }
        }
        return parsed
    }
}
