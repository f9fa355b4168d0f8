import Foundation
import Testing
import NotesTestSupport

/// DESIGN §7: `notesc build` after a change (or none) gives, byte for byte,
/// the site, diagnostics and exit status of a clean build of the same notes,
/// whatever its caches hold.
@Suite struct RebuildTests {
    /// What a build shows: exit status and stderr without its summary line
    /// (which names the output folder and the time taken).
    struct Outcome: Equatable {
        var status: Int32
        var diagnostics: String
    }

    func build(_ notes: String, _ out: String, in scratch: Scratch, _ flags: [String] = [],
               environment: [String: String] = [:]) throws -> (Outcome, stderr: String) {
        let result = try CLI.run(["build", notes, "--out", out] + flags, in: scratch, environment: environment)
        let kept = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("built ") }
        return (Outcome(status: result.status, diagnostics: kept.joined(separator: "\n")), result.stderr)
    }

    /// Builds `scratch` with its caches, then the same notes clean (another
    /// scratch folder, no cache, a new output), and expects the same outcome and site.
    @discardableResult
    func expectCleanResult(_ scratch: Scratch, _ flags: [String] = [], after what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let (cached, _) = try build(scratch.notes, scratch.out, in: scratch, flags)
        let clean = try Scratch("clean")
        let (fresh, _) = try build(scratch.notes, clean.path("out"), in: clean, flags)
        #expect(cached == fresh, "status and diagnostics after \(what)", sourceLocation: sourceLocation)
        if fresh.status == 0 {
            let mine = Golden.files(scratch.out), theirs = Golden.files(clean.path("out"))
            #expect(Set(mine.keys) == Set(theirs.keys), "files after \(what)", sourceLocation: sourceLocation)
            for (name, data) in theirs where mine[name] != data {
                Issue.record("\(name) differs from a clean build after \(what)", sourceLocation: sourceLocation)
            }
        }
        return cached
    }

    /// The stages a build went through, as `NOTESC_TIMING` names them.
    func stages(_ scratch: Scratch, _ flags: [String] = []) throws -> Set<String> {
        let (_, stderr) = try build(scratch.notes, scratch.out, in: scratch, flags, environment: ["NOTESC_TIMING": "1"])
        return Set(stderr.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// Whether the build read the notes' records (a `compile-cache` stage)
    /// or stopped before, nothing having changed.
    func parsed(_ scratch: Scratch, _ flags: [String] = []) throws -> Bool {
        try stages(scratch, flags).contains("compile-cache")
    }

    @Test func nothingChangedStopsBeforeParsingAndSaysTheSame() throws {
        let scratch = try Scratch.withNotes("rebuild-none")
        defer { scratch.remove() }
        let cold = try expectCleanResult(scratch, ["--verbose"], after: "a cold build")
        #expect(cold.status == 0)
        #expect(cold.diagnostics.contains("mojibake"), "Notes/ has diagnostics to replay")
        for flags in [["--verbose"], [], ["--quiet"]] {
            #expect(try !parsed(scratch, flags), "\(flags): nothing changed")
            try expectCleanResult(scratch, flags, after: "no change, \(flags)")
        }
        // A file of the output removed: the build makes it again.
        try FileManager.default.removeItem(atPath: scratch.out + "/index.html")
        #expect(try parsed(scratch))
        try expectCleanResult(scratch, after: "removing index.html from the output")
        // That build kept no infos: --verbose has to parse again to show them, and then keeps them.
        #expect(try parsed(scratch, ["--verbose"]))
        #expect(try !parsed(scratch, ["--verbose"]))
        try expectCleanResult(scratch, ["--verbose"], after: "a build without --verbose")
    }

    @Test func editsAdditionsRemovalsAndRenamesGiveACleanBuild() throws {
        let scratch = try Scratch.withNotes("rebuild-edits")
        defer { scratch.remove() }
        let fm = FileManager.default
        try expectCleanResult(scratch, after: "a cold build")
        let steps: [(String, () throws -> Void)] = [
            ("appending prose", { try scratch.edit("notes/05-fp8-lm-paper.md") { $0 + "\nA paragraph added at the end.\n" } }),
            ("editing a TL;DR", { try scratch.edit("notes/05-fp8-lm-paper.md") { $0.replacingOccurrences(of: "## 📝 TL;DR\n\n", with: "## 📝 TL;DR\n\nA new first sentence.\n\n") } }),
            ("renaming a title", { try scratch.edit("notes/06-mla-explained.md") { $0.replacingOccurrences(of: "# Multi-head Latent Attention (MLA) Explained - Study", with: "# MLA, Renamed") } }),
            ("adding a note", { try fm.copyItem(atPath: scratch.notes + "/06-mla-explained.md", toPath: scratch.notes + "/07-added.md") }),
            ("renaming a note", { try fm.moveItem(atPath: scratch.notes + "/07-added.md", toPath: scratch.notes + "/08-renamed.md") }),
            ("removing a note", { try fm.removeItem(atPath: scratch.notes + "/08-renamed.md") }),
            ("removing a note others connect to", { try fm.removeItem(atPath: scratch.notes + "/03-deepseek-moe-paper.md") }),
        ]
        for (what, step) in steps {
            try step()
            #expect(try parsed(scratch), "\(what) is noticed")
            try expectCleanResult(scratch, after: what)
        }
    }

    /// How a rebuild compiled the notes, as its `NOTESC_TIMING` stages say.
    enum Compiled { case alone, reworked, whole }

    /// Edits other notes cannot see redo only the edited note (the
    /// `incremental` stage); edits they can see but that leave every note's
    /// id, aliases and drafts as they were run the folder-wide stages again
    /// over the cached records (`reworked`); others redo the folder. Whatever
    /// the way, the result is a clean build's.
    @Test func editsRedoWhatTheyReach() throws {
        let scratch = try Scratch.withNotes("rebuild-incremental")
        defer { scratch.remove() }
        try expectCleanResult(scratch, after: "a cold build")
        let steps: [(String, Compiled, () throws -> Void)] = [
            ("appending prose", .alone, { try scratch.edit("notes/05-fp8-lm-paper.md") { $0 + "\nA paragraph added at the end.\n" } }),
            ("appending prose to a note with calc checks", .alone, { try scratch.edit("notes/02-deepseek-v2-technical-report.md") { $0 + "\nMore prose.\n" } }),
            ("mis-decoded text in prose", .alone, { try scratch.edit("notes/06-mla-explained.md") { $0 + "\nA cafÃ© in the prose.\n" } }),
            ("a suppression", .alone, { try scratch.edit("notes/06-mla-explained.md") { $0.replacingOccurrences(of: "\nA cafÃ©", with: "\n<!-- notesc-disable-next-line mojibake -->\nA cafÃ©") } }),
            ("renaming a title", .alone, { try scratch.edit("notes/06-mla-explained.md") { $0.replacingOccurrences(of: "# Multi-head Latent Attention (MLA) Explained - Study", with: "# MLA, Renamed") } }),
            ("a new connection", .reworked, { try scratch.edit("notes/03-deepseek-moe-paper.md") { $0.replacingOccurrences(of: "## 🔗 Connections\n", with: "## 🔗 Connections\n- **05-fp8-lm-paper**: a new connection\n") } }),
            ("the connection removed again", .reworked, { try scratch.edit("notes/03-deepseek-moe-paper.md") { $0.replacingOccurrences(of: "- **05-fp8-lm-paper**: a new connection\n", with: "") } }),
            ("a check's stated value", .reworked, { try scratch.edit("notes/02-deepseek-v2-technical-report.md") { $0.replacingOccurrences(of: "check reduction ≈ 93% for", with: "check reduction ≈ 93.3% for") } }),
            ("a claim's number the check verifies", .reworked, { try scratch.edit("notes/01-deepseek-v3-technical-report.md") { $0.replacingOccurrences(of: "$5.576M total", with: "$5.577M total") } }),
            ("a claim that conflicts with another note's", .reworked, { try scratch.edit("notes/05-fp8-lm-paper.md") { $0.replacingOccurrences(of: "## 🎯 Key Comparisons\n", with: "## 🎯 Key Comparisons\n\n### Training Efficiency\n- **DeepSeek-V3**: $9.9M total\n") } }),
            ("the conflict mended", .reworked, { try scratch.edit("notes/05-fp8-lm-paper.md") { $0.replacingOccurrences(of: "$9.9M total", with: "$5.576M total") } }),
            // 05's conflicts then change by another note's edit alone, and are suppressed there.
            ("a suppression above a claim", .reworked, { try scratch.edit("notes/05-fp8-lm-paper.md") { $0.replacingOccurrences(of: "### Training Efficiency\n- **DeepSeek-V3**", with: "### Training Efficiency\n<!-- notesc-disable-next-line conflicting-claims -->\n- **DeepSeek-V3**") } }),
            ("another note's claim now conflicting with the suppressed one", .reworked, { try scratch.edit("notes/01-deepseek-v3-technical-report.md") { $0.replacingOccurrences(of: "$5.577M total", with: "$8.8M total") } }),
            // 03 and 05 point to neither: the conflict is reported at 05's claim (the later note), which must be checked again.
            ("a claim conflicting with an unconnected note's", .reworked, { try scratch.edit("notes/03-deepseek-moe-paper.md") { $0.replacingOccurrences(of: "## 🎯 Key Comparisons\n", with: "## 🎯 Key Comparisons\n\n### Memory\n- **FP8**: 12% less real memory\n- **Verdict**: FP8 saves memory\n") } }),
            ("a heading others link to renamed", .reworked, { try scratch.edit("notes/06-mla-explained.md") { $0.replacingOccurrences(of: "### KV Cache per Token", with: "### KV Cache per Token, Renamed") } }),
            ("a line inserted above the claims", .reworked, { try scratch.edit("notes/04-big-llm-architecture-comparison.md") { $0.replacingOccurrences(of: "## ", with: "An inserted line.\n\n## ", options: [], range: $0.range(of: "## ")) } }),
            ("an alias added", .whole, { try scratch.edit("notes/06-mla-explained.md") { "---\naliases: [MLA]\n---\n" + $0 } }),
            ("a note becomes a draft", .whole, { try scratch.edit("notes/05-fp8-lm-paper.md") { "---\ndraft: true\n---\n" + $0 } }),
        ]
        for (what, way, step) in steps {
            try step()
            let stages = try stages(scratch)
            #expect(stages.contains("compile-cache"), "\(what) is noticed")
            let seen: Compiled = stages.contains("incremental") ? .alone : stages.contains("reworked") ? .reworked : .whole
            #expect(seen == way, "\(what): compiled \(seen), expected \(way)")
            try expectCleanResult(scratch, ["--verbose"], after: what)
            try expectCleanResult(scratch, ["--verbose"], after: what + ", built again")
        }
    }

    @Test func settingsTemplatesAndFlagsCount() throws {
        let scratch = try Scratch.withNotes("rebuild-settings")
        defer { scratch.remove() }
        try expectCleanResult(scratch, after: "a cold build")
        try "title: Renamed Site\nrules:\n  mojibake: off\n".write(toFile: scratch.notes + "/notesc.yml", atomically: true, encoding: .utf8)
        #expect(try parsed(scratch))
        try expectCleanResult(scratch, ["--verbose"], after: "adding notesc.yml")
        try "title: Renamed Site\nbaseURL: https://example.org/notes/\n".write(toFile: scratch.notes + "/notesc.yml", atomically: true, encoding: .utf8)
        #expect(try parsed(scratch, ["--verbose"]))
        try expectCleanResult(scratch, ["--verbose"], after: "changing notesc.yml")
        #expect(try parsed(scratch, ["--unsafe-html"]))
        try expectCleanResult(scratch, ["--unsafe-html"], after: "--unsafe-html")
        #expect(try parsed(scratch))
        try expectCleanResult(scratch, after: "dropping --unsafe-html")
        let templates = scratch.path("my-templates")
        try FileManager.default.createDirectory(atPath: templates + "/assets", withIntermediateDirectories: true)
        try "one".write(toFile: templates + "/assets/extra.txt", atomically: true, encoding: .utf8)
        #expect(try parsed(scratch, ["--templates", templates]))
        try expectCleanResult(scratch, ["--templates", templates], after: "a templates folder")
        try "two".write(toFile: templates + "/assets/extra.txt", atomically: true, encoding: .utf8)
        #expect(try parsed(scratch, ["--templates", templates]))
        try expectCleanResult(scratch, ["--templates", templates], after: "editing a template asset")
    }

    @Test func errorsAndDamagedCachesGiveACleanBuild() throws {
        let scratch = try Scratch.withNotes("rebuild-errors")
        defer { scratch.remove() }
        try expectCleanResult(scratch, after: "a cold build")
        let before = try String(contentsOfFile: scratch.notes + "/05-fp8-lm-paper.md", encoding: .utf8)
        try scratch.edit("notes/05-fp8-lm-paper.md") { $0 + "\n## 🔗 Connections\n- **no-such-note**: broken\n" }
        #expect(try expectCleanResult(scratch, after: "a broken connection").status == 1)
        #expect(try expectCleanResult(scratch, after: "a broken connection, again").status == 1)
        try before.write(toFile: scratch.notes + "/05-fp8-lm-paper.md", atomically: true, encoding: .utf8)
        #expect(try expectCleanResult(scratch, after: "mending it").status == 0)

        // Every cache file cut short, then filled with garbage: ignored.
        let names = scratch.cacheFiles().map { ($0 as NSString).lastPathComponent }
        #expect(Set(names.map { $0.split(separator: "-")[0] }) == ["parse", "compile", "site", "record"], "\(names)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path(".notesc-cache")), "nothing in the working folder")
        try scratch.edit("notes/06-mla-explained.md") { $0 + "\nMore prose.\n" }
        let damages: [(Data) -> Data] = [{ $0.prefix($0.count / 2) }, { _ in Data("garbage\n".utf8) }, { $0.dropLast(1) }]
        for damage in damages {
            for path in scratch.cacheFiles() {
                let url = URL(fileURLWithPath: path)
                try damage(try Data(contentsOf: url)).write(to: url)
            }
            try expectCleanResult(scratch, after: "damaging the caches")
        }
    }

    /// Another build into the same output, from another folder, changes it:
    /// the first folder's record no longer describes it.
    @Test func anotherBuildIntoTheSameOutputIsNoticed() throws {
        let scratch = try Scratch.withNotes("rebuild-shared-out")
        defer { scratch.remove() }
        try expectCleanResult(scratch, after: "a cold build")
        let other = try Scratch("elsewhere")
        let otherNotes = other.path("notes")
        try FileManager.default.copyItem(atPath: scratch.notes, toPath: otherNotes)
        let edited = otherNotes + "/05-fp8-lm-paper.md"
        try (try String(contentsOfFile: edited, encoding: .utf8) + "\nOnly in the other copy.\n").write(toFile: edited, atomically: true, encoding: .utf8)
        #expect(try build(otherNotes, scratch.out, in: other).0.status == 0)
        #expect(try parsed(scratch))
        try expectCleanResult(scratch, after: "another folder's build into the same output")
    }
}

extension Scratch {
    /// Every file the builds cached, below `cache` (their `XDG_CACHE_HOME`).
    func cacheFiles() -> [String] {
        Golden.files(cache).keys.sorted().map { cache + "/" + $0 }
    }
}
