import Testing
@testable import NotesKit
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesModel
@testable import NotesParse
@testable import NotesSupport
import NotesTestSupport

/// Ranges at written precision (DESIGN §9) and the units they compare in.
@Suite struct WrittenRangeTests {
    static func quantity(_ text: String) throws -> Quantity {
        let found = QuantityScanner.scan(Array(text.utf8), line: 1, column: 1)
        return try #require(found.first, "no quantity in '\(text)'")
    }

    static func range(_ text: String) throws -> WrittenRange {
        try #require(try quantity(text).writtenRange, "no range for '\(text)'")
    }

    static func overlap(_ a: String, _ b: String) throws -> Bool {
        let (x, y) = (try range(a), try range(b))
        #expect(x.overlaps(y) == y.overlaps(x), "overlap is symmetric: \(a), \(b)")
        return x.overlaps(y)
    }

    @Test func exactValuesSpanHalfTheirLastDigit() throws {
        let r = try Self.range("128k tokens")
        #expect(abs(r.low - 127_500) < 1e-6 && abs(r.high - 128_500) < 1e-6)
        #expect(try Self.quantity("128k tokens").writtenRangeText == "127.5k..128.5k tokens")
        #expect(try Self.quantity("$5.5M").writtenRangeText == "$5.45M..$5.55M")
        #expect(try Self.quantity("$5.576M").writtenRangeText == "$5.5755M..$5.5765M")
        #expect(try Self.quantity("93%").writtenRangeText == "92.5%..93.5%")
        #expect(try Self.quantity("1,000 tokens").writtenRangeText == "999.5..1.0005k tokens")
    }

    @Test func approximateValuesAllowTenPercent() throws {
        let r = try Self.range("~130k tokens")
        #expect(abs(r.low - 117_000) < 1e-6 && abs(r.high - 143_000) < 1e-6)
        #expect(try Self.overlap("~130k tokens", "128k tokens"))
        #expect(try !Self.overlap("~100k tokens", "128k tokens"))
    }

    @Test func lowerBoundsRunUpWithoutEnd() throws {
        let r = try Self.range("1M+ tokens")
        #expect(r.low == 1_000_000 && r.high == .infinity)
        #expect(try Self.quantity("1M+ tokens").writtenRangeText == "1M tokens and up")
        #expect(try Self.overlap("1M+ tokens", "2M tokens"))
        #expect(try Self.overlap("1M+ tokens", "10M+ tokens"))
        #expect(try !Self.overlap("1M+ tokens", "128k tokens"))
        // `~$10M+` is about $10M and up: $9M is in it.
        #expect(try Self.overlap("~$10M+", "$9M"))
    }

    @Test func unknownsHaveNoRange() throws {
        #expect(try Self.quantity("???M params").writtenRange == nil)
        // A bare number counts nothing another could be compared with.
        #expect(try Self.quantity("42").writtenRange == nil)
    }

    @Test func equalValuesWrittenDifferentlyOverlap() throws {
        #expect(try Self.overlap("128,000 tokens", "128k tokens"))
        #expect(try Self.overlap("200K tokens", "0.2M tokens"))
        #expect(try Self.overlap("0.5%", "0.50%"))
    }

    @Test func touchingRangesOverlap() throws {
        // 127.5k..128.5k and 128.5k..129.5k share 128.5k.
        #expect(try Self.overlap("128k tokens", "129k tokens"))
        #expect(try !Self.overlap("128k tokens", "130k tokens"))
    }

    @Test func unitsCompareAfterCasePluralsAndMagnitudes() throws {
        func unit(_ text: String) throws -> ComparableUnit? { ComparableUnit(try Self.quantity(text).unit) }
        #expect(try unit("200K tokens") == unit("0.2M Tokens"))
        #expect(try unit("1 token") == unit("2 tokens"))
        #expect(try unit("671B params") == unit("671B parameters"))
        #expect(try unit("2.788M GPU hours") == unit("3 GPU-hour"))
        #expect(try unit("1 GB")?.name == "bit")
        #expect(try Self.overlap("1 GB", "1000 MB"))
        #expect(try Self.overlap("2 days", "48 hours"))
        #expect(try unit("128k tokens") != unit("128k params"))
        #expect(try unit("$5M") != unit("5M tokens"))
    }
}

/// `conflicting-claims` across notes: the pairs, and only those.
@Suite struct ConflictingClaimsTests {
    static func note(_ title: String, _ claims: [(topic: String, bullets: [String])]) -> String {
        var text = "# \(title)\n\n## TL;DR\n\nSummary.\n\n## Key Comparisons\n\n"
        for (topic, bullets) in claims {
            text += "### \(topic)\n" + bullets.map { "- \($0)\n" }.joined() + "- **Verdict**: a tie\n\n"
        }
        return text + "## Connections\n"
    }

    @Test func pairsAcrossNotesAreFoundAndOnlyThose() throws {
        let found = try LintHarness.expect(.conflictingClaims, [
            "a.md": Self.note("A", [
                ("Context Length", ["**Conf**: 128k tokens", "**Equal**: 128k tokens", "**Approx**: 128k tokens",
                                    "**Lower**: 1M+ tokens", "**Units**: 128k tokens", "**Magnitude**: 200K tokens",
                                    "**Unknown**: ???k tokens"]),
                ("Training Cost", ["**Topic**: $5.5M"]),
            ]),
            "b.md": Self.note("B", [
                ("Context Length", ["①**Conf**: 32k tokens", "**Equal**: 128,000 tokens", "**Approx**: ~130k tokens",
                                    "**Lower**: 2M tokens", "**Units**: 32k params", "**Magnitude**: 0.2M tokens",
                                    "**Unknown**: 32k tokens", "**Topic**: $5.576M"]),
            ]),
        ])
        let message = try #require(found.first?.message)
        #expect(message == "'Conf' in 'Context Length': 32k tokens (31.5k..32.5k tokens) cannot hold with 128k tokens (127.5k..128.5k tokens) at a:10")
    }

    @Test func laterClaimByNoteIdThenLineCarriesTheWarning() throws {
        // m:10 comes first; z:10 conflicts with it, z:11 with both.
        let found = try LintHarness.expect(.conflictingClaims, [
            "z.md": Self.note("Z", [("T", ["①**X**: 10 layers", "②③**X**: 20 layers"])]),
            "m.md": Self.note("M", [("T", ["**X**: 30 layers"])]),
        ])
        #expect(found.map { $0.message.split(separator: " ").last! } == ["m:10", "z:10", "m:10"])
    }

    @Test func systemsAreEntitiesAcrossSplitLabels() throws {
        // `DeepSeek-V2/V3` is about DeepSeek-V3 too; the pair is reported once.
        try LintHarness.expect(.conflictingClaims, [
            "a.md": Self.note("A", [("Cost", ["**DeepSeek-V2/V3**: $5.5M", "**DeepSeek-V2**: $5.5M"])]),
            "b.md": Self.note("B", [("Cost", ["①**DeepSeek-V3**: $5.576M"])]),
        ])
    }

    @Test func bothClaimsAreDisputedEachNamingTheOther() throws {
        let notebook = try notebook([
            "a.md": Self.note("A", [("Cost", ["**V3**: $5.5M", "**V2**: $1M"])]),
            "b.md": Self.note("B", [("Cost", ["**V3**: $5.576M", "**V2**: ~$1.05M"])]),
        ])
        let a = try #require(notebook.note("a")?.comparisons.first?.claims)
        let b = try #require(notebook.note("b")?.comparisons.first?.claims)
        #expect(a[0].disputedBy == [ClaimConflict(note: "b", line: 10, quantity: "$5.576M", range: "$5.5755M..$5.5765M",
                                                  ownQuantity: "$5.5M", ownRange: "$5.45M..$5.55M")])
        #expect(b[0].disputedBy.map { "\($0.note):\($0.line)" } == ["a:10"])
        #expect(a[0].disputes == 1 && b[0].disputes == 1)
        #expect(!a[1].disputed && !b[1].disputed)
        let contradicts = KnowledgeGraph(notebook).edges.filter { $0.kind == .contradicts }
        #expect(contradicts.map { "\($0.source) -> \($0.target)" } == ["claim:b:10 -> claim:a:10"])
    }

    @Test func ruleSetOffMarksNothing() throws {
        var config = Config()
        config.severities[Rule.conflictingClaims.id] = .some(nil)
        let notebook = try notebook([
            "a.md": Self.note("A", [("Cost", ["**V3**: $5.5M"])]),
            "b.md": Self.note("B", [("Cost", ["**V3**: $5.576M"])]),
        ], config: config)
        #expect(notebook.diagnostics.allSatisfy { $0.rule != Rule.conflictingClaims.id })
        #expect(notebook.notes.allSatisfy { $0.comparisons.allSatisfy { $0.claims.allSatisfy { !$0.disputed } } })
    }

    @Test func suppressionSilencesTheWarning() throws {
        try LintHarness.expect(.conflictingClaims, [
            "a.md": Self.note("A", [("Cost", ["**V3**: $5.5M"])]),
            "b.md": "# B\n\n## Key Comparisons\n\n### Cost\n<!-- notesc-disable-next-line conflicting-claims -->\n- **V3**: $5.576M\n- **Verdict**: x\n",
        ])
    }

    /// Half of a group says 32k, half 128k: n²/4 pairs. Each claim names at
    /// most `shownLimit` others and counts them all; the diagnostics grow with n.
    @Test func manyConflictsAreCappedPerClaim() throws {
        let n = 2_000
        var parsed = (0..<n).map { i -> ParsedNote in
            let id = String(format: "n%05d", i)
            let text = Self.note(id, [("Context", ["**X**: \(i % 2 == 0 ? "32k" : "128k") tokens"])])
            return NoteParser.parse(id: id, path: id + ".md", bytes: Array(text.utf8))
        }
        let diagnostics = ConflictingClaims.run(&parsed)
        let claims = parsed.map { $0.note.comparisons[0].claims[0] }
        #expect(claims.allSatisfy { $0.disputes == n / 2 })
        #expect(claims.allSatisfy { !$0.disputedBy.isEmpty && $0.disputedBy.count <= ClaimConflict.shownLimit })
        #expect(diagnostics.count <= n * ClaimConflict.shownLimit)
        #expect(diagnostics.count >= n / 2)
        #expect(diagnostics.first?.message.hasSuffix("; 1000 claims conflict with this one, 3 are named") == true)
    }

    /// After an edit, a run scoped to the edited note's groups (now and
    /// before) marks every claim and reports what a full run does: a
    /// conflict made, one mended, a unit only the old claim spelled, a
    /// claim removed, a system renamed.
    @Test func aScopedRunAfterAnEditEqualsAFullRun() throws {
        func parse(_ files: [(String, String)]) -> [ParsedNote] {
            files.map { NoteParser.parse(id: $0.0, path: $0.0 + ".md", bytes: Array($0.1.utf8)) }
        }
        let notes: [(String, String)] = [
            ("a", Self.note("A", [("Context", ["**X**: 32k tokens", "**Y**: 8k tokens"]), ("Cost", ["**X**: $5.5M"])])),
            ("b", Self.note("B", [("Context", ["**X**: 128k tokens", "**Y**: 8k tokens", "**X/Z**: 4 GB"])])),
            ("c", Self.note("C", [("Context", ["**X**: 32k tokens", "**Z**: 4096 MB"]), ("Cost", ["**X**: $7M"])])),
            ("d", Self.note("D", [("Context", ["**Y**: 16k tokens"])])),
            ("e", Self.note("E", [("Depth", ["**X**: 30 layers"])])),
            ("f", Self.note("F", [("Depth", ["**X**: 60 layers"])])),
        ]
        let edits: [(String, Int, String)] = [
            ("a conflict made", 3, Self.note("D", [("Context", ["**Y**: 16k tokens", "**X**: 64k tokens"])])),
            ("a conflict mended", 1, Self.note("B", [("Context", ["**X**: 32k tokens", "**Y**: 8k tokens", "**X/Z**: 4 GB"])])),
            ("a unit only the old claim spelled", 1, Self.note("B", [("Context", ["**X**: 128k words", "**Y**: 8k tokens", "**X/Z**: 4 GB"])])),
            ("a claim removed", 2, Self.note("C", [("Context", ["**Z**: 4096 MB"]), ("Cost", ["**X**: $7M"])])),
            ("a system renamed", 0, Self.note("A", [("Context", ["**W**: 32k tokens", "**Y**: 8k tokens"]), ("Cost", ["**X**: $5.5M"])])),
        ]
        for (what, k, text) in edits {
            var previous = parse(notes)
            let previousDiagnostics = Dictionary(grouping: ConflictingClaims.run(&previous), by: \.file)
            var edited = notes
            edited[k].1 = text
            var full = parse(edited)
            let expected = Dictionary(grouping: ConflictingClaims.run(&full), by: \.file)
            var scoped = previous
            scoped[k] = parse([edited[k]])[0]
            let (found, redone) = ConflictingClaims.run(&scoped, scope: .init(notes: [k], before: [previous[k].note]))
            let foundByFile = Dictionary(grouping: found, by: \.file)
            for i in edited.indices {
                let path = edited[i].0 + ".md"
                let claims = { (p: [ParsedNote]) in p[i].note.comparisons.flatMap(\.claims).map { "\($0.disputes) \($0.disputedBy)" } }
                #expect(claims(scoped) == claims(full), "\(what): marks of \(path)")
                let merged = ConflictingClaims.merged(previous: previousDiagnostics[path] ?? [], found: foundByFile[path] ?? [],
                                                      redone: redone[i], edited: i == k)
                #expect(merged == expected[path] ?? [], "\(what): diagnostics of \(path)")
            }
            #expect(redone[4] == nil && redone[5] == nil, "\(what): claims the edit cannot reach were not redone")
            #expect(scoped[4].note.comparisons[0].claims[0].disputes == 1, "\(what): and keep their marks")
        }
    }

    private func notebook(_ files: [String: String], config: Config = Config()) throws -> Notebook {
        let scratch = try Scratch("conflicts")
        for (name, text) in files { try scratch.write("notes/" + name, text) }
        return try Pipeline.load(root: scratch.path("notes"), config: config)
    }
}
