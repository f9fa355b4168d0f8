import NotesCalc
import NotesGraph
import NotesModel
import NotesSupport

/// A query block on its note's page (DESIGN §9): the result as a table, a
/// bar chart above it when the block's first line is `-- chart: bar`, and
/// the SQL folded away below (as Obsidian's Dataview shows a query's result
/// in reading view, not its source). Cells that name a note, a system or a
/// topic link to its page. A block SQLite refused (a build with
/// `--keep-going`) shows the message where the table would be.
struct QueryBlockHTML {
    let links: PageLinks
    /// System names (every spelling) and topic titles by their slugs' pages.
    private let systems: [String: String]
    private let topics: [String: String]

    /// The most bars a chart draws; the table holds every row.
    static let chartBars = 60

    init(links: PageLinks) {
        self.links = links
        var systems: [String: String] = [:], topics: [String: String] = [:]
        for s in links.model.notebook.systems {
            systems[s.name] = s.slug
            for spelling in s.spellings where systems[spelling] == nil { systems[spelling] = s.slug }
        }
        for t in links.model.notebook.topics where topics[t.title] == nil { topics[t.title] = t.slug }
        self.systems = systems
        self.topics = topics
    }

    func html(_ block: QueryBlock, _ outcome: QueryOutcome?, id: String) -> String {
        let caption = Self.caption(block)
        var out = "<figure class=\"query\" id=\"\(esc(id))\">\n"
        switch outcome {
        case .rows(let result)?:
            let count = result.truncated ? "first \(result.rows.count) rows" : "\(result.rows.count) row\(result.rows.count == 1 ? "" : "s")"
            out += "<figcaption id=\"\(esc(id))-caption\">\(esc(caption ?? "Query")) <span class=\"query-count\">(\(count))</span></figcaption>\n"
            if block.wantsBarChart { out += chart(result, id: id, caption: caption) }
            out += table(result, id: id)
        case .failed(let message)?:
            out += "<figcaption>\(esc(caption ?? "Query"))</figcaption>\n"
            out += "<p class=\"query-error\" role=\"alert\"><strong>Query error:</strong> \(esc(message))</p>\n"
        case nil:
            out += "<figcaption>\(esc(caption ?? "Query"))</figcaption>\n"
            out += "<p class=\"query-error\">This query was not run.</p>\n"
        }
        out += "<details class=\"query-source\"><summary>SQL</summary>\n<pre><code class=\"language-sql\">\(esc(block.text))</code></pre>\n</details>\n"
        out += "</figure>\n"
        return out
    }

    /// The first `--` comment of the block that is not the chart line: the table's caption.
    static func caption(_ block: QueryBlock) -> String? {
        for line in block.text.split(separator: "\n") {
            let text = line.trimmingSpaces
            guard text.hasPrefix("--") else { return nil }
            let comment = String(text.dropFirst(2)).trimmingSpaces
            if comment.isEmpty { continue }
            if QueryBlock.isBarChartLine(text[...]) { continue }
            return comment
        }
        return nil
    }

    private func table(_ result: QueryResult, id: String) -> String {
        var out = "<div class=\"table-scroll query-table\" role=\"region\" aria-labelledby=\"\(esc(id))-caption\" tabindex=\"0\">\n<table>\n<thead>\n<tr>"
        for column in result.columns { out += "<th scope=\"col\">\(esc(column))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in result.rows {
            out += "<tr>"
            for (c, value) in row.enumerated() {
                let text = value.display
                switch value {
                case .integer, .real:
                    out += "<td class=\"num\">\(esc(text))</td>"
                case .text(let s):
                    if let href = href(s, column: c < result.columns.count ? result.columns[c] : "") {
                        out += "<td><a href=\"\(esc(href))\">\(esc(text))</a></td>"
                    } else {
                        out += "<td>\(esc(text))</td>"
                    }
                default:
                    out += "<td>\(esc(text))</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        return out
    }

    /// The page a cell names: a node id (`note:…`, `system:…`, `topic:…`), or
    /// a note id, a system's name or a topic's title. A column named `note`,
    /// `system` or `topic` links only to pages of that kind.
    func href(_ value: String, column: String) -> String? {
        let model = links.model
        if value.hasPrefix("note:") || value.hasPrefix("system:") || value.hasPrefix("topic:") {
            let (kind, rest) = (value.prefix { $0 != ":" }, String(value.drop { $0 != ":" }.dropFirst()))
            switch kind {
            case "note": return model.exists(rest) ? links.noteHref(rest) : nil
            case "system": return model.systems[rest] != nil ? links.href(SitePaths.system(rest)) : nil
            default: return model.topics[rest] != nil ? links.href(SitePaths.topic(rest)) : nil
            }
        }
        let kind = column.lowercased()
        let any = kind != "note" && kind != "system" && kind != "topic"
        if any || kind == "note", model.exists(value) { return links.noteHref(value) }
        if any || kind == "system", let slug = systems[value] { return links.href(SitePaths.system(slug)) }
        if any || kind == "topic", let slug = topics[value] { return links.href(SitePaths.topic(slug)) }
        return nil
    }

    /// Horizontal bars, one per row with a number in the second column,
    /// labelled by the first; drawn from zero, so negative values go left.
    /// The table below holds the same numbers for screen readers.
    private func chart(_ result: QueryResult, id: String, caption: String?) -> String {
        guard result.columns.count >= 2 else {
            return "<p class=\"query-error\">A bar chart needs two columns: labels, then values.</p>\n"
        }
        let bars = result.rows.compactMap { row -> (label: String, value: Double, text: String)? in
            guard row.count >= 2, let value = row[1].number else { return nil }
            // Bars are read at a glance: 4 significant digits and a magnitude letter, as calc results print.
            return (row[0].display, value, CalcFormat.number(value, digits: CalcFormat.defaultDigits, letters: true))
        }.prefix(Self.chartBars)
        guard !bars.isEmpty else { return "<p class=\"query-error\">No row has a number in its second column to chart.</p>\n" }
        let low = min(0, bars.map(\.value).min()!), high = max(0, bars.map(\.value).max()!)
        let span = high - low == 0 ? 1 : high - low
        let width = 640.0, labelWidth = 180.0, valueWidth = 90.0, barHeight = 18.0, step = 26.0
        let plot = width - labelWidth - valueWidth
        let zero = labelWidth + plot * (-low / span)
        let height = Double(bars.count) * step + 8
        let title = "Bar chart of \(result.columns[1]) by \(result.columns[0])" + (caption.map { ": \($0)" } ?? "")
            + (bars.count < result.rows.count ? ", first \(bars.count) rows" : "") + "; the table below holds the same numbers."
        var out = "<svg class=\"query-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(esc(id))-chart\">\n"
        out += "<title id=\"\(esc(id))-chart\">\(esc(title))</title>\n"
        for (i, bar) in bars.enumerated() {
            let y = 4 + Double(i) * step
            let x = bar.value >= 0 ? zero : zero - plot * (-bar.value / span)
            let w = max(1, plot * abs(bar.value) / span)
            let label = bar.label.count > 26 ? String(bar.label.prefix(25)) + "…" : bar.label
            out += "<g><title>\(esc(bar.label)): \(esc(bar.text))</title>"
            out += "<text class=\"query-chart-label\" x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y + 13))\" text-anchor=\"end\">\(esc(label))</text>"
            out += "<rect class=\"query-chart-bar\" x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(w))\" height=\"\(fmt(barHeight))\"/>"
            out += "<text class=\"query-chart-value\" x=\"\(fmt(max(x + w, zero) + 6))\" y=\"\(fmt(y + 13))\">\(esc(bar.text))</text></g>\n"
        }
        out += "<line class=\"query-chart-axis\" x1=\"\(fmt(zero))\" y1=\"0\" x2=\"\(fmt(zero))\" y2=\"\(Int(height))\"/>\n"
        out += "</svg>\n"
        return out
    }

    private func esc(_ text: String) -> String { HTMLEscape.escape(text) }

    /// A coordinate with at most one decimal, the same on every machine.
    private func fmt(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
