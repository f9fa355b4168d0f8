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

/// The numbers the seed note and its sources state, reproduced as passing checks.
@Suite struct CalcDeepSeekTests {
    @Test func kvCacheTablePerToken() {
        let result = calcRun("""
        n_h = 128                  # attention heads
        d_h = 128                  # dimension per head
        n_g = 8                    # GQA groups
        l = 60                     # layers
        d_c = 4 * d_h              # MLA latent dimension
        d_hR = d_h / 2             # decoupled RoPE key dimension
        mha = 2 * n_h * d_h * l
        gqa = 2 * n_g * d_h * l
        mqa = 2 * d_h * l
        mla = (d_c + d_hR) * l
        check mla == 9/2 * d_h * l
        check mla == 2 * 2.25 * d_h * l   # MLA caches as much as GQA with 2.25 groups
        check mla / mqa == 2.25
        check mla < gqa
        check mla > mqa
        check mha / mla ≈ 56.89
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(calcBrief))")
        let checks = result.statements.compactMap(\.check)
        #expect(checks.count == 6)
        #expect(checks.allSatisfy { $0.passed })
        #expect(result.exports["mla"]?.value == 34_560)
        #expect(result.exports["mha"]?.value == 1_966_080)
    }

    @Test func v2ReducesTheKVCacheBy93Percent() {
        let result = calcRun("""
        kv_67b = 2 * 8 * 128 * 95 * 16 bit   # K and V, 8 KV heads, dim 128, 95 layers, BF16
        kv_v2 = (512 + 64) * 60 * 6 bit      # latent + RoPE key, 60 layers, 6-bit cache
        reduction = 1 - kv_v2 / kv_67b
        check reduction ≈ 93%
        check reduction ≈ 93.3%
        check reduction ≈ 93.34%
        elements = 1 - (512 + 64) * 60 / (2 * 8 * 128 * 95)
        check elements ≈ 82.2%
        reduction -> %
        elements -> %
        kv_v2 -> KiB
        (512 + 64) * 60 * 16 bit -> KiB
        kv_67b
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(calcBrief))")
        #expect(result.statements.compactMap(\.check).map(\.passed) == [true, true, true, true])
        #expect(calcDisplay(result, "reduction -> %") == "93.34%")
        #expect(calcDisplay(result, "elements -> %") == "82.24%")
        #expect(calcDisplay(result, "kv_v2 -> KiB") == "25.31 KiB")
        #expect(calcDisplay(result, "(512 + 64) * 60 * 16 bit -> KiB") == "67.5 KiB")
        #expect(calcDisplay(result, "kv_67b") == "3.113M bit")
    }

    @Test func elementOnlyReductionDoesNotReach93Percent() {
        let result = calcRun("elements = 1 - (512 + 64) * 60 / (2 * 8 * 128 * 95)\ncheck elements ≈ 93%")
        #expect(result.diagnostics.map(calcBrief) == ["claim-failed 2:20-23 elements = 82.24%, stated 93% (92.5%..93.5%)"])
    }

    @Test func v3TrainingCost() {
        let result = calcRun("""
        unit gpu_hour
        pre_training = 2.664M gpu_hour
        context_extension = 119k gpu_hour
        post_training = 5k gpu_hour
        total = pre_training + context_extension + post_training
        check total ≈ 2.788M gpu_hour
        rate = $2 / gpu_hour
        cost = total * rate
        check cost ≈ $5.576M
        check cost ≈ $5.5M ± $0.1M
        check cost == (2.664M + 119k + 5k) gpu_hour * $2 / gpu_hour
        total
        cost
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(calcBrief))")
        #expect(result.statements.compactMap(\.check).allSatisfy { $0.passed })
        #expect(calcDisplay(result, "total") == "2.788M gpu_hour")
        #expect(calcDisplay(result, "cost") == "$5.576M")
        #expect(result.exports["rate"].map(CalcEngine.format) == "2 USD/gpu_hour")
    }

    @Test func v3CostDoesNotRoundToTheSeedsFigure() {
        let result = calcRun("unit gpu_hour\ncost = 2.788M gpu_hour * ($2 / gpu_hour)\ncheck cost ≈ $5.5M for 04-big-llm-architecture-comparison")
        let check = result.statements.last?.check
        #expect(check?.passed == false)
        #expect(check?.forNote == "04-big-llm-architecture-comparison")
        #expect(result.diagnostics.map(calcBrief) == ["claim-failed 3:16-21 cost = $5.576M, stated $5.5M ($5.45M..$5.55M)"])
    }

    @Test func v2Saves42Point5PercentOfTrainingCosts() {
        let result = calcRun("""
        saved = 1 - 172.8k / 300.6k   # GPU hours per trillion tokens, V2 vs 67B
        check saved ≈ 42.5%
        saved -> %
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(calcBrief))")
        #expect(result.statements[1].check?.passed == true)
        #expect(result.statements[1].check?.computed == "42.51%")
        #expect(calcDisplay(result, "saved -> %") == "42.51%")
    }

    @Test func theDesignExampleBlockEvaluates() {
        let imports: [String: CalcImportResult] = ["02-deepseek-v2-technical-report": .values(["n_layers": CalcValue(60)])]
        let result = calcRun("""
        from 02-deepseek-v2-technical-report import n_layers   # reuse another note's values
        unit gpu_hour                                          # declare a new base unit
        kv_67b  = 2 * 8 * 128 * 95 * 16 bit                    # K and V, 8 KV heads, dim 128, 95 layers, BF16
        kv_v2   = (512 + 64) * 60 * 6 bit                      # latent + RoPE key, 60 layers, 6-bit cache
        reduction = 1 - kv_v2 / kv_67b
        check reduction ≈ 93%                                  # passes: 93.3% rounds to 93%
        cost = 2.788M gpu_hour * ($2 / gpu_hour)
        check cost ≈ $5.5M ± $0.1M
        kv_v2 -> KiB                                           # a bare expression: shown in the output (25.31 KiB)
        """, imports: imports)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(calcBrief))")
        #expect(result.statements.map(\.kind) == [.importNames, .unitDeclaration, .assignment("kv_67b"), .assignment("kv_v2"),
                                                  .assignment("reduction"), .check, .assignment("cost"), .check, .expression])
        #expect(result.statements.last?.display == "25.31 KiB")
        #expect(Set(result.exports.keys) == ["kv_67b", "kv_v2", "reduction", "cost"])
    }
}
