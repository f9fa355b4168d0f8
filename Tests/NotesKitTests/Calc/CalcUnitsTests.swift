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

@Suite struct CalcUnitsTests {
    @Test func builtInUnitSizes() {
        #expect(calcValue("1 byte") == 8)
        #expect(calcValue("1 KB") == 8_000)
        #expect(calcValue("1 MB") == 8e6)
        #expect(calcValue("1 GB") == 8e9)
        #expect(calcValue("1 TB") == 8e12)
        #expect(calcValue("1 KiB") == 8_192)
        #expect(calcValue("1 MiB") == 8.0 * 1_048_576)
        #expect(calcValue("1 GiB") == 8.0 * 1_073_741_824)
        #expect(calcValue("1 TiB") == 8.0 * 1_099_511_627_776)
        #expect(calcValue("1 min") == 60)
        #expect(calcValue("1 h") == 3_600)
        #expect(calcValue("1 day") == 86_400)
        #expect(calcValue("3 FLOP") == 3)
        #expect(calcValue("3 USD") == 3)
    }

    @Test func conversions() {
        #expect(calcShow("1 GiB -> MiB") == "1.024k MiB")
        #expect(calcShow("1 GB -> GiB") == "0.9313 GiB")
        #expect(calcShow("90 min -> h") == "1.5 h")
        #expect(calcShow("25920 byte -> KiB") == "25.31 KiB")
        #expect(calcShow("1 KiB -> bit") == "8.192k bit")
        #expect(calcShow("3 -> %") == "300%")
        #expect(calcShow("1 TB / 1 h -> MB/s") == "277.8 MB/s")
        #expect(calcShow("16 bit * 16 bit -> bit^2") == "256 bit^2")
        #expect(calcShow("$10 / 4 h -> USD/h") == "2.5 USD/h")
        #expect(calcShow("1 KiB / 1 byte") == "1.024k")
    }

    @Test func unitAlgebra() {
        #expect(calcShow("1 KiB / 1 s") == "8.192k bit/s")
        #expect(calcShow("(1 h) ^ 2 / 1 s") == "12.96M s")
        #expect(calcShow("sqrt(16 bit * 4 bit)") == "8 bit")
        #expect(calcShow("(4 bit) ^ 1") == "4 bit")
        #expect(calcShow("(2 bit) ^ 2") == "4 bit^2")
        #expect(calcShow("2 bit^2") == "2 bit^2")
        #expect(calcShow("2 bit ^ 2") == "2 bit^2")
        #expect(calcShow("8 bit^2 / 2 bit") == "4 bit")
        #expect(calcShow("3 s^-1") == "3 s^-1")
        #expect(calcShow("(1 + 1) KiB^2 -> bit^2") == "134.2M bit^2")
        #expect(calcShow("2 bit ^ (1 + 1)") == "4 bit^2")
        #expect(calcShow("((2 bit) ^ 2) ^ 0.5") == "2 bit")
        #expect(calcShow("1 KB + 1 KiB") == "2.024 KB")
        #expect(calcShow("1 bit + 1 KiB") == "8.193k bit")
        #expect(calcShow("abs(-2 h)") == "2 h")
        #expect(calcShow("0 - 2 h") == "calc-units: cannot subtract s from a plain number")
        #expect(calcShow("round(1.6 KiB)") == "2 KiB")
        #expect(calcShow("round(93.34%)") == "93%")
        #expect(calcShow("min(1 KiB, 1 KB)") == "1 KB")
    }

    @Test func declaredUnitsAreNewBaseDimensions() {
        let result = calcRun("""
        unit token
        unit gpu_hour
        unit token
        speed = 1M token / 2 gpu_hour
        speed
        1k token + 1 gpu_hour
        """)
        #expect(calcDisplay(result, "speed") == "500k token/gpu_hour")
        #expect(result.diagnostics.map(calcBrief) == ["calc-units 6:10-11 cannot add token and gpu_hour"])
        #expect(result.exports["speed"]?.dimension == CalcDimension(exponents: ["token": 1, "gpu_hour": -1]))
    }

    @Test func aUnitCannotReuseAValueName() {
        let result = calcRun("x = 1\nunit x")
        #expect(result.diagnostics.map(calcBrief) == ["calc-syntax 2:6-7 'x' already names a value; choose another unit name"])
    }

    @Test func valuesShadowUnitsButNotAfterANumber() {
        let result = calcRun("h = 5\nh * 2\n2 h")
        #expect(result.statements.map(\.display) == ["5", "10", "2 h"])
    }

    @Test func aNameAfterANumberMayBeAValue() {
        let result = calcRun("n = 3\n2 n\n(1 + 1) n")
        #expect(result.statements.map(\.display) == ["3", "6", "6"])
    }

    @Test func dimensionDescriptions() {
        #expect(CalcDimension(base: "bit").description == "bit")
        #expect(CalcDimension(exponents: ["USD": 1, "gpu_hour": -1]).description == "USD/gpu_hour")
        #expect(CalcDimension(exponents: ["bit": 2]).description == "bit^2")
        #expect(CalcDimension(exponents: ["bit": 1, "s": -1, "USD": -1]).description == "bit/(USD·s)")
        #expect(CalcDimension(exponents: ["s": -2]).description == "s^-2")
        #expect(CalcDimension(exponents: ["s": 0]).isDimensionless)
        #expect(CalcDimension.dimensionless.phrase == "a plain number")
    }

    @Test func unitTableValues() {
        let kib = CalcUnitTable.builtIn["KiB"]
        #expect(kib?.factor == 8_192)
        #expect(kib?.dimension == CalcDimension(base: "bit"))
        #expect(CalcUnit.percent.isPercent)
        #expect(CalcUnit(base: "gpu_hour").dimension == CalcDimension(base: "gpu_hour"))
        #expect(CalcValue(2, unit: kib!).value == 16_384)
    }
}
