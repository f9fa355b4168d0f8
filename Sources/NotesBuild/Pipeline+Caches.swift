import Dispatch
import Foundation
import NotesCheck
import NotesModel
import NotesParse
import NotesSupport

extension Pipeline {
    /// Like `load`, with the caches of `.notesc-cache/` for `notesRoot`:
    /// when the edited notes changed nothing other notes see, only they are
    /// redone; otherwise the notes whose bytes the parse cache holds are not
    /// parsed again. The caches are brought up to date.
    public static func load(_ sources: NoteSources, config: Config, cachedFor notesRoot: String) -> Notebook {
        var clock = StageClock()
        let compiled = CompileCache(path: CompileCache.location(notesRoot: notesRoot), config: config)
        clock.lap("compile-cache")
        if let notebook = compiled.notebook(sources, config: config) {
            clock.lap("incremental")
            return notebook
        }
        let parseCache = ParseCache(path: ParseCache.location(notesRoot: notesRoot))
        // The caches are written while the later stages run (`CacheWriting.wait()` before the process ends).
        parseCache.writesInBackground = true
        let parsed = parseCache.parseAll(sources)
        let slots = ResultSlots<UInt64>(count: parsed.count)
        DispatchQueue.concurrentPerform(iterations: parsed.count) { i in slots[i] = CompileCache.interface(parsed[i]) }
        let interfaces = slots.values
        clock.lap("interfaces")
        let compilation = compile(sources, config: config, parsed: consume parsed)
        // The writer takes what it writes, not the compilation: that holds
        // every note's decoded text, which would live until the cache is written.
        let (notebook, files, perNote, calcByFile, hashes) = (compilation.notebook, compilation.files, compilation.perNote,
                                                              compilation.calcByFile, sources.hashes)
        CacheWriting.run(background: true) {
            let results = notebook.notes.indices.map { i in
                CompileCache.Result(note: notebook.notes[i], diagnostics: perNote[i], calcDiagnostics: calcByFile[files[i].path] ?? [])
            }
            compiled.save(files, hashes: hashes, interfaces: interfaces, results: results,
                          systems: notebook.systems, topics: notebook.topics)
        }
        return notebook
    }

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
            fresh[i] = hit[i] == nil && parsed[i].readable ? Self.encode(parsed[i]) : nil
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
