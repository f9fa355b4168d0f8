import Testing
@testable import NotesKit
@testable import NotesBuild
@testable import NotesCalc
@testable import NotesCheck
@testable import NotesGraph
@testable import NotesMarkdown
@testable import NotesModel
@testable import NotesParse
@testable import NotesSite
@testable import NotesSupport

@Suite struct CalcImportTests {
    private let v2: [String: CalcImportResult] = [
        "02-deepseek-v2-technical-report": .values([
            "n_layers": CalcValue(60),
            "gpu_hours": CalcValue(2.788e6, dimension: CalcDimension(base: "gpu_hour")),
        ]),
        "loop-a": .failure("import cycle: loop-a -> loop-b -> loop-a"),
    ]

    @Test func importedValuesJoinTheScope() {
        let result = calcRun("""
        from 02-deepseek-v2-technical-report import n_layers, gpu_hours
        unit gpu_hour
        kv = (512 + 64) * n_layers * 6 bit
        cost = gpu_hours * $2 / gpu_hour
        kv -> KiB
        cost
        """, imports: v2)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(calcBrief))")
        #expect(calcDisplay(result, "kv -> KiB") == "25.31 KiB")
        #expect(calcDisplay(result, "cost") == "$5.576M")
        // Imported names are reused, not re-exported.
        #expect(Set(result.exports.keys) == ["kv", "cost"])
    }

    @Test func resolverReceivesTheReferenceAndNames() {
        var asked: [(String, [String])] = []
        _ = CalcEngine.evaluate(blocks: [CalcBlockInput(text: "from papers/v2 import a, b", firstLine: 1, column: 1)], inline: []) {
            asked.append(($0, $1))
            return .values(["a": CalcValue(1), "b": CalcValue(2)])
        }
        #expect(asked.map(\.0) == ["papers/v2"])
        #expect(asked.map(\.1) == [["a", "b"]])
    }

    @Test func missingNameIsReportedAtTheName() {
        let result = calcRun("from 02-deepseek-v2-technical-report import n_layer, gpu_hours\nn_layer * 2\ngpu_hours",
                             firstLine: 5, imports: v2)
        #expect(result.diagnostics.map(calcBrief) == [
            "calc-import 5:45-52 note '02-deepseek-v2-technical-report' has no value 'n_layer'",
        ])
        #expect(result.diagnostics.first?.suggestion == "did you mean 'n_layers'?")
        #expect(result.statements[2].display == "2.788M gpu_hour")
    }

    @Test func missingNoteIsReportedAtTheNoteID() {
        let result = calcRun("from 99-nothing import x\ny = x + 1", imports: v2)
        #expect(result.diagnostics.map(calcBrief) == ["calc-import 1:6-16 no note '99-nothing'"])
        #expect(result.exports.isEmpty)
    }

    @Test func cycleMessageComesFromTheResolver() {
        let result = calcRun("from loop-a import x", column: 4, imports: v2)
        #expect(result.diagnostics.map(calcBrief) == ["calc-import 1:9-15 import cycle: loop-a -> loop-b -> loop-a"])
    }

    @Test func exportsHoldTheFinalValueOfEveryAssignedName() {
        let result = calcRun("a = 1\nb = a + 1\na = 5\nc = 1 / 0")
        #expect(result.exports.mapValues(\.value) == ["a": 5, "b": 2])
    }
}
