import Dispatch
import NotesCalc
import NotesMarkdown
import NotesModel
import NotesParse
import NotesSupport

/// `notesc records` JSON, written by hand in sorted-key order (see
/// `JSONWriter`); the same bytes `StableJSON.encode` gives, much faster.
extension Notebook {
    /// `compact` drops line breaks and indentation (half the size).
    public func recordsJSON(compact: Bool = false) -> [UInt8] {
        var all: [UInt8] = []
        writeRecordsJSON(compact: compact) { all.append(contentsOf: $0) }
        return all
    }

    /// The records JSON in pieces, in order: notes are written on all cores a
    /// batch at a time and handed to `write` as each batch is done, so the
    /// whole document (hundreds of MB for 10,000 notes) is never in memory.
    public func writeRecordsJSON(compact: Bool = false, batch: Int = 1024, to write: ([UInt8]) -> Void) {
        var w = JSONWriter(capacity: 1 << 20)
        w.compact = compact
        w.object { w in
            w.key("diagnostics")
            w.streamedArray(count: diagnostics.count, batch: 4096, capacity: 512, flush: write) { i, w in
                w.diagnostic(diagnostics[i])
            }
            w.key("notes")
            w.streamedArray(count: notes.count, batch: batch, capacity: 65_536, flush: write) { i, w in
                w.note(notes[i])
            }
            w.key("systems")
            w.streamedArray(count: systems.count, batch: 256, capacity: 4096, flush: write) { i, w in
                let s = systems[i]
                w.object { w in
                    w.key("mentions"); w.array(s.mentions) { w, m in
                        w.object { w in w.int("line", m.line); w.string("note", m.note); w.string("topic", m.topic) }
                    }
                    w.string("name", s.name)
                    w.string("slug", s.slug)
                    w.strings("spellings", s.spellings)
                }
            }
            w.key("topics")
            w.streamedArray(count: topics.count, batch: 256, capacity: 4096, flush: write) { i, w in
                let t = topics[i]
                w.object { w in
                    w.strings("notes", t.notes); w.string("slug", t.slug); w.strings("systems", t.systems); w.string("title", t.title)
                }
            }
            w.int("version", version)
        }
        write(w.finish())
    }
}

extension JSONWriter {
    mutating func diagnostic(_ d: Diagnostic) {
        object { w in
            w.int("column", d.column)
            if let endColumn = d.endColumn { w.int("endColumn", endColumn) }
            if let endLine = d.endLine { w.int("endLine", endLine) }
            w.string("file", d.file)
            w.int("line", d.line)
            w.string("message", d.message)
            w.string("rule", d.rule)
            w.string("severity", d.severity.rawValue)
            w.optional("suggestion", d.suggestion)
        }
    }

    mutating func note(_ n: Note) {
        object { w in
            w.strings("aliases", n.aliases)
            if let calc = n.calc {
                w.key("calc")
                w.object { w in
                    w.key("inline"); w.array(calc.inline) { w, i in
                        w.object { w in w.optional("display", i.display); w.string("expression", i.expression); w.range("range", i.range) }
                    }
                    w.key("statements"); w.array(calc.statements) { w, s in
                        w.object { w in
                            if let check = s.check {
                                w.key("check")
                                w.object { w in
                                    w.string("computed", check.computed)
                                    w.optional("forNote", check.forNote)
                                    w.optional("interval", check.interval)
                                    w.bool("passed", check.passed)
                                    w.string("stated", check.stated)
                                }
                            }
                            w.optional("display", s.display)
                            w.optional("error", s.error)
                            w.int("line", s.line)
                            w.string("source", s.source)
                        }
                    }
                }
            }
            w.key("calcBlocks"); w.array(n.calcBlocks) { w, b in
                w.object { w in w.int("column", b.column); w.int("firstLine", b.firstLine); w.range("range", b.range); w.string("text", b.text) }
            }
            w.optional("category", n.category)
            w.key("comparisons"); w.array(n.comparisons) { $0.topic($1) }
            w.key("connections"); w.array(n.connections) { w, c in
                w.object { w in w.range("range", c.range); w.string("reason", c.reason); w.optional("resolved", c.resolved); w.string("target", c.target) }
            }
            w.optional("date", n.date)
            w.string("id", n.id)
            w.key("inlineCalcs"); w.array(n.inlineCalcs) { w, i in
                w.object { w in w.string("expression", i.expression); w.range("range", i.range) }
            }
            w.bool("isStudyNote", n.isStudyNote)
            w.key("links"); w.array(n.links) { w, l in
                w.object { w in
                    w.optional("attachment", l.attachment)
                    if l.embed { w.bool("embed", true) }
                    w.optional("fragment", l.fragment)
                    w.optional("label", l.label)
                    w.range("range", l.range)
                    w.optional("resolved", l.resolved)
                    w.string("style", l.style.rawValue)
                    w.string("target", l.target)
                }
            }
            w.key("metadata"); w.array(n.metadata) { w, m in
                w.object { w in
                    w.bool("fromFrontMatter", m.fromFrontMatter)
                    w.string("key", m.key); w.range("range", m.range); w.string("value", m.value); w.range("valueRange", m.valueRange)
                }
            }
            w.string("path", n.path)
            w.key("sections"); w.array(n.sections) { w, s in
                w.object { w in
                    w.int("endLine", s.endLine); w.bool("hasContent", s.hasContent); w.string("heading", s.heading)
                    w.string("kind", s.kind.rawValue); w.range("range", s.range)
                }
            }
            w.strings("tags", n.tags)
            if let take = n.take {
                w.key("take")
                w.object { w in w.optional("author", take.author); w.strings("paragraphs", take.paragraphs); w.range("range", take.range) }
            }
            if let title = n.title {
                w.key("title")
                w.object { w in w.range("range", title.range); w.string("text", title.text) }
            }
            w.strings("tldr", n.tldr)
        }
    }

    package mutating func topic(_ t: Topic) {
        object { w in
            w.key("claims"); w.array(t.claims) { w, c in
                w.object { w in
                    w.key("disputedBy"); w.array(c.disputedBy) { w, d in
                        w.object { w in
                            w.int("line", d.line); w.string("note", d.note); w.string("ownQuantity", d.ownQuantity)
                            w.string("ownRange", d.ownRange); w.string("quantity", d.quantity); w.string("range", d.range)
                        }
                    }
                    w.int("disputes", c.disputes)
                    w.string("label", c.label)
                    w.stringOrNull("qualifier", c.qualifier)
                    w.key("quantities"); w.array(c.quantities) { w, q in
                        w.object { w in
                            w.bool("approximate", q.approximate)
                            w.bool("lowerBound", q.lowerBound)
                            w.range("range", q.range)
                            if let resolution = q.resolution { w.key("resolution"); w.double(resolution) }
                            w.string("text", q.text)
                            w.optional("unit", q.unit)
                            if let value = q.value { w.key("value"); w.double(value) }
                        }
                    }
                    w.range("range", c.range)
                    w.key("subjects"); w.array(c.subjects) { w, s in w.object { w in w.string("name", s.name); w.string("slug", s.slug) } }
                    w.string("text", c.text)
                    w.bool("verified", c.verified)
                    w.key("verifiedBy"); w.array(c.verifiedBy) { w, r in w.object { w in w.int("line", r.line); w.string("note", r.note) } }
                }
            }
            w.range("range", t.range)
            w.string("slug", t.slug)
            w.string("title", t.title)
            w.key("verdicts"); w.array(t.verdicts) { w, v in
                w.object { w in w.strings("favors", v.favors); w.range("range", v.range); w.string("text", v.text) }
            }
        }
    }
}
