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

@Suite struct CalcFormatTests {
    @Test(arguments: [
        ("2.788M * $2", "$5.576M"),
        ("1 - 207360 / 3112960 -> %", "93.34%"),
        ("(512 + 64) * 60 * 16 bit -> KiB", "67.5 KiB"),
        ("(512 + 64) * 60 * 6 bit -> KiB", "25.31 KiB"),
        ("2.788M", "2.788M"),
        ("2 * 8 * 128 * 95 * 16 bit", "3.113M bit"),
        ("42", "42"),
        ("0.5", "0.5"),
        ("93%", "93%"),
        ("$2", "$2"),
        ("$5.5M", "$5.5M"),
        ("671B", "671B"),
        ("128k", "128k"),
        ("1_000", "1k"),
        ("2.5e6", "2.5M"),
        ("1.5T", "1.5T"),
        ("3G", "3B"),
    ])
    func goldenCases(_ input: String, _ expected: String) {
        #expect(calcShow(input) == expected)
    }

    @Test func negativeValues() {
        #expect(calcShow("-4") == "-4")
        #expect(calcShow("-2^2") == "-4")
        #expect(calcShow("-$5.5M") == "-$5.5M")
        #expect(calcShow("0 - 1234") == "-1.234k")
        #expect(calcShow("-(16 bit)") == "-16 bit")
        #expect(calcShow("-50%") == "-50%")
    }

    @Test func tinyAndHugeValues() {
        #expect(calcShow("0.00000015") == "1.5e-7")
        #expect(calcShow("0.0001234") == "0.0001234")
        #expect(calcShow("1 / 3") == "0.3333")
        #expect(calcShow("2 / 3") == "0.6667")
        #expect(calcShow("1e15") == "1e15")
        #expect(calcShow("123456e15") == "1.235e20")
        #expect(calcShow("0") == "0")
        #expect(calcShow("0 * -1") == "0")
    }

    @Test func roundingCarriesIntoTheNextMagnitudeLetter() {
        #expect(calcShow("999.95") == "1k")
        #expect(calcShow("999950") == "1M")
        #expect(calcShow("999.4") == "999.4")
        #expect(calcShow("1000") == "1k")
        #expect(calcShow("1234567") == "1.235M")
    }

    @Test func trailingZerosAreTrimmed() {
        #expect(calcShow("1.5000") == "1.5")
        #expect(calcShow("100") == "100")
        #expect(calcShow("2.50%") == "2.5%")
        #expect(calcShow("120k") == "120k")
    }

    @Test func unitsAndCompoundDimensions() {
        #expect(calcShow("16 bit") == "16 bit")
        #expect(calcShow("16 bit * 16 bit") == "256 bit^2")
        #expect(calcShow("$2 / h") == "0.0005556 USD/s")
        #expect(calcShow("1 bit / (2 s * $1)") == "0.5 bit/(USD·s)")
        #expect(calcShow("1 / 4 s") == "0.25 s^-1")
        #expect(calcShow("5 KiB") == "5 KiB")
        #expect(calcShow("5 KiB * 1000") == "5k KiB")
        #expect(calcShow("1.5 h") == "1.5 h")
        #expect(calcShow("1 day -> h") == "24 h")
        #expect(calcShow("2 FLOP") == "2 FLOP")
    }

    @Test func percentagesDoNotSurviveScaling() {
        // A percentage times a number is a plain number: `reduction * 100` means 93.34, not 9334%.
        #expect(calcShow("93% * 100") == "93")
        #expect(calcShow("1 - 7%") == "93%")
        #expect(calcShow("50% * 16 bit") == "8 bit")
        #expect(calcShow("0.9334 -> %") == "93.34%")
        #expect(calcShow("150 -> %") == "15000%")
    }

    @Test func dollarsUseThePrefixAndMagnitudeLetters() {
        #expect(calcShow("1500 USD") == "$1.5k")
        #expect(calcShow("$0.25") == "$0.25")
        #expect(calcShow("2 * $3") == "$6")
        #expect(calcShow("10 USD -> $") == "$10")
    }

    @Test func formatIsTheEnginesPublicFormatter() {
        let value = CalcValue(207_360, unit: CalcUnit(name: "bit", factor: 1, dimension: CalcDimension(base: "bit")))
        #expect(CalcEngine.format(value) == "207.4k bit")
        #expect(CalcEngine.format(CalcValue(0.9334, displayUnit: .percent)) == "93.34%")
        #expect(CalcEngine.format(CalcValue(3, dimension: CalcDimension(base: "gpu_hour"))) == "3 gpu_hour")
    }

    @Test func extraDigitsForIntervalBounds() {
        #expect(CalcFormat.digits(for: 2_787_500, resolution: 5) == 7)
        #expect(CalcFormat.number(2_787_500, digits: 7, letters: true) == "2.7875M")
        #expect(CalcFormat.digits(for: 0.925, resolution: 0.00005) == 6)
    }
}
