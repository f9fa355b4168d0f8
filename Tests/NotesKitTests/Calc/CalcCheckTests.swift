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

@Suite struct CalcCheckTests {
    private func check(_ statement: String, setup: String = "") -> CalcCheckOutcome? {
        let result = calcRun(setup.isEmpty ? statement : setup + "\n" + statement)
        return result.statements.last?.check
    }

    @Test func roundingToTheStatedPrecisionIsInclusive() {
        #expect(check("check 92.5% ≈ 93%")?.passed == true)
        #expect(check("check 93.5% ≈ 93%")?.passed == true)
        #expect(check("check 92.49% ≈ 93%")?.passed == false)
        #expect(check("check 93.51% ≈ 93%")?.passed == false)
        #expect(check("check 92.5% ≈ 93%")?.interval == "92.5%..93.5%")
    }

    @Test func boundaryReachedThroughArithmeticStillPasses() {
        // 1 - 0.075 is 0.9249999999999999 in binary floating point.
        #expect(check("check 1 - 0.075 ≈ 93%")?.passed == true)
    }

    @Test func precisionFollowsTheLastWrittenDigitInItsScale() {
        #expect(check("check $5.45M ≈ $5.5M")?.passed == true)
        #expect(check("check $5.44M ≈ $5.5M")?.passed == false)
        #expect(check("check $5.5M ≈ $5.5M")?.interval == "$5.45M..$5.55M")
        #expect(check("check 2.7885M gpu_hour ≈ 2.788M gpu_hour", setup: "unit gpu_hour")?.passed == true)
        #expect(check("check 2.7886M gpu_hour ≈ 2.788M gpu_hour", setup: "unit gpu_hour")?.passed == false)
        #expect(check("check 1 ≈ 2.788M gpu_hour", setup: "unit gpu_hour") == nil)
        #expect(check("check 2.788M gpu_hour ≈ 2.788M gpu_hour", setup: "unit gpu_hour")?.interval
                == "2.7875M gpu_hour..2.7885M gpu_hour")
        #expect(check("check 2.55e6 ≈ 2.5e6")?.passed == true)
        #expect(check("check 2.56e6 ≈ 2.5e6")?.passed == false)
        #expect(check("check 1_000.4 ≈ 1_000")?.passed == true)
        #expect(check("check 1_001 ≈ 1_000")?.passed == false)
        #expect(check("check 67.6 KiB ≈ 68 KiB")?.passed == true)
        #expect(check("check 69 KiB ≈ 68 KiB")?.passed == false)
        #expect(check("check -3.04 ≈ -3")?.passed == true)
        #expect(check("check 2.04 KiB^2 ≈ 2 KiB^2")?.passed == true)
        #expect(check("check 2.6 KiB^2 ≈ 2 KiB^2")?.passed == false)
    }

    @Test func plusMinusGivesTheTolerance() {
        #expect(check("check $5.576M ≈ $5.5M ± $0.1M")?.passed == true)
        #expect(check("check $5.576M ≈ $5.5M +- $0.1M")?.passed == true)
        #expect(check("check $5.576M ≈ $5.5M ± $0.05M")?.passed == false)
        #expect(check("check $5.576M ≈ $5.5M ± $0.1M")?.interval == "$5.4M..$5.6M")
        #expect(check("check 95% ≈ 93% ± 2%")?.passed == true)
        #expect(check("check 95.1% ≈ 93% ± 2%")?.passed == false)
    }

    @Test func percentToleranceOnANonPercentValueIsRelative() {
        #expect(check("check 104 ms ≈ 100 ms ± 5%", setup: "unit ms")?.passed == true)
        #expect(check("check 106 ms ≈ 100 ms ± 5%", setup: "unit ms")?.passed == false)
        #expect(check("check 106 ≈ 100 ± 5%")?.interval == "95..105")
    }

    @Test func aboutMeansTenPercent() {
        #expect(check("check $10.9M ≈ ~$10M")?.passed == true)
        #expect(check("check $11.1M ≈ ~$10M")?.passed == false)
        #expect(check("check $9.1M ~= ~$10M")?.passed == true)
        let outcome = check("check $9.1M ~= ~$10M")
        #expect(outcome?.stated == "~$10M")
        #expect(outcome?.statedLiteral == "$10M")
        #expect(outcome?.interval == "$9M..$11M")
        #expect(outcome?.op == "≈")
    }

    @Test func nonLiteralStatedValuesCompareExactly() {
        #expect(check("check 0.1 + 0.2 ≈ 3 / 10")?.passed == true)
        #expect(check("check 0.3001 ≈ 3 / 10")?.passed == false)
        #expect(check("check 0.3001 ≈ 3 / 10")?.interval == nil)
        #expect(check("check 0.1 + 0.2 == 0.3")?.passed == true)
        #expect(check("check 0.3001 == 0.3")?.passed == false)
    }

    @Test func orderingComparisons() {
        #expect(check("check 2 < 3")?.passed == true)
        #expect(check("check 3 < 3")?.passed == false)
        #expect(check("check 3 <= 3")?.passed == true)
        #expect(check("check 3 ≤ 3")?.op == "<=")
        #expect(check("check 4 > 3")?.passed == true)
        #expect(check("check 3 >= 4")?.passed == false)
        #expect(check("check 3 ≥ 3")?.passed == true)
        #expect(check("check 3 != 4")?.passed == true)
        #expect(check("check 3 != 3")?.passed == false)
        #expect(check("check 1 KiB > 1 KB")?.passed == true)
    }

    @Test func failedCheckMessages() {
        let result = calcRun("""
        reduction = 1 - (512 + 64) * 60 / (2 * 8 * 128 * 95)
        check reduction ≈ 93%
        check reduction > 90%
        check 2 * reduction ≈ 93%
        check reduction == 90% ± 1%
        """)
        #expect(result.diagnostics.map(\.rule) == ["claim-failed", "claim-failed", "claim-failed", "claim-failed"])
        #expect(result.diagnostics.map(\.message) == [
            "reduction = 82.24%, stated 93% (92.5%..93.5%)",
            "reduction = 82.24%, expected > 90%",
            "value = 164.5%, stated 93% (92.5%..93.5%)",
            "reduction = 82.24%, stated 90% (89%..91%)",
        ])
        #expect(result.diagnostics[0].suggestion != nil)
    }

    @Test func computedValueGetsDigitsUntilItsRoundingAgreesWithTheVerdict() {
        let outcome = check("check 92.4999% ≈ 93%")
        #expect(outcome?.passed == false)
        #expect(outcome?.computed == "92.4999%")
        #expect(check("check 82.24% ≈ 93%")?.computed == "82.24%")
    }

    @Test func computedIsShownInTheStatedUnit() {
        #expect(check("check 207360 bit ≈ 25 KiB")?.computed == "25.31 KiB")
        #expect(check("check 0.8224 ≈ 82%")?.computed == "82.24%")
    }

    @Test func outcomeRecordsTheCheckAsWritten() {
        let outcome = check("check 93.3% ≈ 93% for 02-deepseek-v2-technical-report")
        #expect(outcome?.forNote == "02-deepseek-v2-technical-report")
        #expect(outcome?.stated == "93%")
        #expect(outcome?.statedLiteral == "93%")
        #expect(outcome?.statedValue.value == 0.93)
        #expect(outcome?.statedValue.isPercent == true)
        #expect(outcome?.computed == "93.3%")
        #expect(outcome?.message == nil)
        #expect(check("check 1 ≈ 1 for papers/deep.seek_v2")?.forNote == "papers/deep.seek_v2")
    }

    @Test func checkValueIsTheComputedSide() {
        let result = calcRun("check 2 * 3 == 6")
        #expect(result.statements[0].value?.value == 6)
        #expect(result.statements[0].display == "6")
        #expect(result.statements[0].kind == .check)
    }

    @Test func dimensionMismatchIsAUnitsError() {
        let result = calcRun("check 16 bit ≈ $5")
        #expect(result.diagnostics.map(calcBrief) == ["calc-units 1:14-17 cannot compare bit and USD"])
        #expect(result.statements[0].check == nil)
    }

    @Test func toleranceMustMatchTheStatedDimension() {
        let result = calcRun("check $5 ≈ $5 ± 1 bit")
        #expect(result.diagnostics.map(calcBrief) == ["calc-units 1:20-25 the tolerance is bit but the stated value is USD"])
    }
}
