import NotesSupport

/// How `notesc query` prints a result.
public enum QueryFormat: String, CaseIterable, Sendable {
    /// Columns aligned with spaces under a header, numbers to the right.
    case table
    /// An array of row objects keyed by column name.
    case json
    /// RFC 4180: a header row, CRLF line ends, fields quoted when they must be.
    case csv
}

extension QueryResult {
    /// The result in `format`, ending in a line break.
    public func formatted(_ format: QueryFormat) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        }
    }

    /// Aligned text columns: the header, a rule, a line a row. A cell's
    /// line breaks read as `⏎`, so each row stays one line.
    func table() -> String {
        let cells = rows.map { $0.map { $0.display.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎") } }
        var widths = columns.map(\.count)
        for row in cells { for (c, cell) in row.enumerated() where c < widths.count { widths[c] = max(widths[c], cell.count) } }
        let numeric = columns.indices.map { c in
            !rows.isEmpty && rows.allSatisfy { row in
                switch row[c] { case .integer, .real, .null: true; default: false }
            }
        }
        func line(_ values: [String], alignNumbers: Bool) -> String {
            let padded = values.enumerated().map { c, value in
                let pad = String(repeating: " ", count: widths[c] - value.count)
                return alignNumbers && numeric[c] ? pad + value : value + pad
            }
            return padded.joined(separator: "  ").trimmingTrailingSpaces + "\n"
        }
        var out = line(columns, alignNumbers: true)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row, alignNumbers: true) }
        return out
    }

    /// `[{"column": value, …}, …]`, a row a line; integers and reals are
    /// numbers, text is a string, NULL is null, a BLOB its size in text.
    func json() -> String {
        var out: [UInt8] = []
        out.append(UInt8(ascii: "["))
        for (r, row) in rows.enumerated() {
            out.append(contentsOf: (r == 0 ? "\n  {" : ",\n  {").utf8)
            for (c, value) in row.enumerated() {
                if c > 0 { out.append(contentsOf: ", ".utf8) }
                out.appendJSONString(columns[c])
                out.append(contentsOf: ": ".utf8)
                switch value {
                case .null: out.append(contentsOf: "null".utf8)
                case .integer(let n): out.append(contentsOf: String(n).utf8)
                case .real(let x): out.appendJSONNumber(x)
                case .text, .blob: out.appendJSONString(value.display)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: (rows.isEmpty ? "]\n" : "\n]\n").utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 4180 CSV: the header, then the rows, each line ending in CRLF.
    func csv() -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = columns.map(field).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map { field($0.display) }.joined(separator: ",") + "\r\n" }
        return out
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
