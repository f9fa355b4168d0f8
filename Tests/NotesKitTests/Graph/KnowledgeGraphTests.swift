import Foundation
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
import NotesTestSupport

/// The format-neutral graph: which nodes and edges a notebook gives.
@Suite struct KnowledgeGraphTests {
    static func graph(_ name: String) throws -> KnowledgeGraph { try GraphGoldenTests.graph(name) }

    @Test func studyFixtureNodesAndEdges() throws {
        let graph = try Self.graph("study")
        let survey = try #require(graph.node("note:llm-survey"))
        #expect(survey.kind == .note)
        #expect(survey.label == "LLM Survey")
        #expect(survey.url == "notes/llm-survey.html")
        #expect(survey.path == "llm-survey.md")
        #expect(survey.category == "Model Comparison")
        #expect(survey.date == "2025-10-28")
        #expect(graph.node("system:deepseek-v3")?.url == "systems/deepseek-v3.html")
        #expect(graph.node("topic:attention-mechanisms")?.label == "Attention Mechanisms")

        // `- **DeepSeek-V2/V3**: MLA (93% KV cache reduction)` on line 18.
        let claim = try #require(graph.node("claim:llm-survey:18"))
        #expect(claim.label == "MLA (93% KV cache reduction)")
        #expect(claim.line == 18)
        #expect(claim.note == "note:llm-survey")
        #expect(claim.topic == "topic:attention-mechanisms")
        #expect(claim.quantities.map(\.text) == ["93%"])
        let about = graph.edges.filter { $0.source == claim.id && $0.kind == .about }.map(\.target)
        #expect(about == ["system:deepseek-v2", "system:deepseek-v3"])
        #expect(graph.edges.contains(GraphEdge(source: "note:llm-survey", target: claim.id, kind: .states)))
        #expect(graph.edges.contains(GraphEdge(source: claim.id, target: "topic:attention-mechanisms", kind: .inTopic)))

        // `- **GPT-4** (rumored): ???M (OpenAI won't say)` keeps its qualifier and unknown value.
        let rumored = try #require(graph.nodes.first { $0.kind == .claim && $0.qualifier == "rumored" })
        #expect(rumored.quantities.first?.value == nil)

        let verdict = try #require(graph.node("verdict:llm-survey:28"))
        #expect(verdict.label == "DeepSeek crushes on cost efficiency")
        #expect(graph.edges.filter { $0.source == verdict.id && $0.kind == .favors }.map(\.target) == ["system:deepseek-v3"])
        #expect(graph.edges.contains(GraphEdge(source: "note:llm-survey", target: verdict.id, kind: .states)))

        let connects = graph.edges.filter { $0.kind == .connects }
        #expect(connects == [
            GraphEdge(source: "note:llm-survey", target: "note:other-note", kind: .connects, label: "why it matters"),
            GraphEdge(source: "note:other-note", target: "note:llm-survey", kind: .connects, label: "back"),
        ])
        #expect(graph.noteCount == 2)
    }

    /// Broken connections and links are diagnostics, not edges; a note with
    /// an error is still a node, and the errors are counted.
    @Test func brokenReferencesAreNotEdges() throws {
        let notebook = try GraphGoldenTests.notebook("references")
        let graph = KnowledgeGraph(notebook)
        let ids = Set(graph.nodes.map(\.id))
        #expect(graph.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
        for missing in ["note:talk-note", "note:deepseek", "note:missing-note", "note:nowhere"] {
            #expect(!graph.edges.contains { $0.target == missing }, "edge to \(missing)")
        }
        // Both case twins are notes, though one is a duplicate-id error.
        #expect(graph.node("note:Twin") != nil && graph.node("note:twin") != nil)
        #expect(graph.noteCount == notebook.notes.count)
        #expect(graph.diagnostics == DiagnosticCounts(errors: notebook.diagnostics.errorCount,
                                                      warnings: notebook.diagnostics.warningCount,
                                                      infos: notebook.diagnostics.infoCount))
        #expect(graph.diagnostics.errors > 0)
        // Two links from index to papers/deepseek (wikilink and markdown) make one edge.
        let links = graph.edges.filter { $0.source == "note:index" && $0.target == "note:papers/deepseek" && $0.kind == .links }
        #expect(links.count == 1)
        let resolved = notebook.notes.flatMap { n in n.connections.compactMap { c in c.resolved.map { (n.id, $0) } } }
        #expect(graph.edges.filter { $0.kind == .connects }.count <= resolved.count)
        #expect(graph.edges.filter { $0.kind == .connects }.count > 0)
    }

    @Test func nodesAndEdgesAreSortedWithUniqueKeys() throws {
        for name in GraphGoldenTests.cases {
            let graph = try Self.graph(name)
            let ids = graph.nodes.map(\.id)
            #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            #expect(Set(ids).count == ids.count)
            #expect(graph.edges == graph.edges.sorted(by: GraphEdge.precedes))
            let keys = graph.edges.map { "\($0.source)\u{0}\($0.target)\u{0}\($0.key)" }
            #expect(Set(keys).count == keys.count, "edge keys repeat in \(name)")
            #expect(graph.edges.allSatisfy { ($0.label != nil) == ($0.kind == .connects) })
        }
    }

    /// The same connection target written twice with two reasons gives two
    /// edges told apart by their keys; written twice alike, one edge.
    @Test func repeatedConnectionsGetDistinctKeys() throws {
        var builder = GraphBuilder()
        builder.add(GraphNode(id: "note:a", kind: .note, label: "A"))
        builder.add(GraphNode(id: "note:b", kind: .note, label: "B"))
        for edge in [
            GraphEdge(source: "note:a", target: "note:b", kind: .connects, label: "second"),
            GraphEdge(source: "note:a", target: "note:b", kind: .connects, label: "first"),
            GraphEdge(source: "note:a", target: "note:b", kind: .connects, label: "first"),
            GraphEdge(source: "note:a", target: "note:b", kind: .links),
            GraphEdge(source: "note:a", target: "note:gone", kind: .links),
        ] { builder.add(edge) }
        let sorted = builder.finish()
        let edges = sorted.edges.indices.map(sorted.edge)
        #expect(edges.map(\.key) == ["connects", "connects-2", "links"])
        #expect(edges.map(\.label) == ["first", "second", nil])
    }

    /// The writers of the `json` and JGF documents, which write fields one
    /// by one in sorted order, give the bytes of the values' `attributes`.
    @Test func fieldWritersMatchAttributes() throws {
        let bare = GraphNode.Kind.allCases.map { GraphNode(id: "\($0.rawValue):x", kind: $0, label: "X") }
        for name in GraphGoldenTests.cases {
            let graph = try Self.graph(name)
            for node in graph.nodes + bare {
                var attributes = node.attributes
                attributes["id"] = .string(node.id)
                var written = ByteWriter(), expected = ByteWriter()
                written.appendJSON(node, depth: 2)
                expected.appendJSON(.object(attributes), depth: 2)
                #expect(written.bytes == expected.bytes, "\(node.id)")
                attributes["id"] = nil
                attributes["label"] = nil
                written = ByteWriter()
                expected = ByteWriter()
                written.appendJSON(node, depth: 2, asMetadata: true)
                expected.appendJSON(.object(attributes), depth: 2)
                #expect(written.bytes == expected.bytes, "metadata of \(node.id)")
            }
            for edge in graph.edges {
                var written = ByteWriter(), expected = ByteWriter()
                written.appendJSON(edge, depth: 2)
                expected.appendJSON(.object(edge.attributes), depth: 2)
                #expect(written.bytes == expected.bytes, "\(edge.source) → \(edge.target)")
            }
        }
    }

    /// Edges sort by the names of their kinds in UTF-8 order.
    @Test func kindRanksFollowTheirNames() {
        let byRank = GraphEdge.Kind.allCases.sorted { $0.sortRank < $1.sortRank }.map(\.rawValue)
        #expect(byRank == GraphEdge.Kind.allCases.map(\.rawValue).sorted { $0.precedesInUTF8($1) })
        #expect(Set(GraphEdge.Kind.allCases.map(\.sortRank)).count == GraphEdge.Kind.allCases.count)
    }

    /// The JSON document has the fields of DESIGN §6, explicit nulls included.
    @Test func jsonFieldsFollowTheDesign() throws {
        let data = try Self.graph("study").json()
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(document.keys) == ["version", "directed", "multigraph", "graph", "nodes", "edges"])
        #expect(document["version"] as? Int == 1)
        let graph = try #require(document["graph"] as? [String: Any])
        #expect(graph["notes"] as? Int == 2)
        #expect((graph["diagnostics"] as? [String: Int]).map { Set($0.keys) } == ["errors", "warnings", "infos"])
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        let fields: [String: Set<String>] = [
            "note": ["id", "kind", "label", "path", "url", "category", "date", "tags"],
            "system": ["id", "kind", "label", "url"],
            "topic": ["id", "kind", "label", "url"],
            "claim": ["id", "kind", "text", "line", "qualifier", "quantities", "verified"],
            "verdict": ["id", "kind", "text", "line"],
        ]
        for node in nodes {
            let kind = try #require(node["kind"] as? String)
            #expect(Set(node.keys) == fields[kind], "\(node["id"] ?? "?")")
        }
        let other = try #require(nodes.first { $0["id"] as? String == "note:other-note" })
        #expect(other["category"] is NSNull && other["date"] is NSNull)
        let claim = try #require(nodes.first { $0["id"] as? String == "claim:llm-survey:18" })
        let quantity = try #require((claim["quantities"] as? [[String: Any]])?.first)
        #expect(Set(quantity.keys) == ["text", "value", "unit", "approximate", "lowerBound"])
        #expect(quantity["value"] as? Double == 0.93 && quantity["unit"] as? String == "%")
        #expect(claim["qualifier"] is NSNull)
        let edges = try #require(document["edges"] as? [[String: Any]])
        #expect(edges.allSatisfy { Set($0.keys).isSubset(of: ["source", "target", "kind", "key", "label"]) })
    }
}

/// `notesc.yml` aliases make one system node of several names.
@Suite struct GraphAliasTests {
    @Test func aliasesMergeSystems() throws {
        let scratch = try Scratch("graph")
        let folder = try scratch.folder("work")
        let note = """
            # Aliases

            ## Key Comparisons

            ### Size
            - **Meta-LLM**: 70B params
            - **LLaMA**: 65B params
            - **GPT-4**: unknown
            - **Verdict**: Meta-LLM is open

            ## Connections
            """
        try Data(note.utf8).write(to: URL(fileURLWithPath: folder + "/aliases.md"))
        try Data("aliases:\n  LLaMA: [Meta-LLM]\n".utf8).write(to: URL(fileURLWithPath: folder + "/notesc.yml"))
        let graph = KnowledgeGraph(try Pipeline.load(root: folder, config: Config.load(root: folder)))
        #expect(graph.nodes.filter { $0.kind == .system }.map(\.id) == ["system:gpt-4", "system:llama"])
        #expect(graph.edges.filter { $0.kind == .about && $0.target == "system:llama" }.count == 2)
        #expect(graph.edges.filter { $0.kind == .favors }.map(\.target) == ["system:llama"])
    }
}
