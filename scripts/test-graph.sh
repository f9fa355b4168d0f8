#!/usr/bin/env bash
# Checks `notesc graph` with the tools users load its output into: the JSON
# against Schemas/notesc-graph.schema.json, JGF against the official JSON
# Graph Format v2 schema, networkx on json and graphml, Graphviz on dot, and
# sqlite3 on the database. Installs graphviz, sqlite3, networkx and
# jsonschema when missing. Prints `N passed, M failed`; exits 1 on a failure.
#
#   NOTESC=.build/debug/notesc scripts/test-graph.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export NOTESC="${NOTESC:-.build/debug/notesc}"

if [ ! -x "$NOTESC" ]; then
  echo "test-graph: no notesc binary at $NOTESC; run 'swift build' first or set NOTESC" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
debs=()
command -v dot >/dev/null || debs+=(graphviz)
command -v sqlite3 >/dev/null || debs+=(sqlite3)
if [ ${#debs[@]} -gt 0 ]; then
  echo "test-graph: installing ${debs[*]}" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >&2
fi
if ! python3 -c 'import networkx, jsonschema' 2>/dev/null; then
  echo "test-graph: installing networkx jsonschema" >&2
  python3 -m pip install --quiet networkx jsonschema >&2 || python3 -m pip install --quiet --break-system-packages networkx jsonschema >&2
fi

exec python3 - <<'EOF'
import io, json, os, re, sqlite3, subprocess, sys, tempfile
import jsonschema, networkx as nx

NOTESC = os.environ["NOTESC"]
OWN_SCHEMA = "Schemas/notesc-graph.schema.json"
JGF_SCHEMA = "Tests/NotesKitTests/Fixtures/schemas/json-graph-schema_v2.json"
FIXTURE = "Tests/NotesKitTests/Fixtures/records/study/notes"
WITH_ERRORS = "Tests/NotesKitTests/Fixtures/records/references/notes"
passed, failed = 0, 0
work = tempfile.mkdtemp(prefix="notesc-graph-")
# notesc keeps any cache in the scratch folder, never in the repository or the home folder.
os.environ["XDG_CACHE_HOME"] = os.path.join(work, "cache")
# Every tool run has a deadline, so a hang fails its check instead of stalling the run.
DEADLINE = 120

def check(name, fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print(f"ok   {name}")
    except Exception as e:  # one failed check never stops the others
        failed += 1
        print(f"FAIL {name}: {type(e).__name__}: {e}")

def notesc(*args):
    return subprocess.run([NOTESC, "graph", *args], capture_output=True, timeout=DEADLINE)

def expect(condition, message="expectation failed"):
    if not condition:
        raise AssertionError(message)

def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def graph_of(folder):
    r = notesc(folder)
    expect(r.returncode == 0, f"exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout, json.loads(r.stdout)

def suite(folder, tag):
    try:
        raw, doc = graph_of(folder)
    except Exception as e:
        check(f"{tag}: notesc graph prints the json", lambda: (_ for _ in ()).throw(e))
        return
    nodes, edges = doc["nodes"], doc["edges"]
    out = lambda name: os.path.join(work, f"{tag}.{name}")

    def same_bytes():
        expect(notesc(folder, "--format", "json").stdout == raw, "--format json differs from the default")
        expect(notesc(folder).stdout == raw, "a second run gives other bytes")
        r = notesc(folder, "-o", out("json"))
        expect(r.returncode == 0 and r.stdout == b"", f"-o: exit {r.returncode}, stdout {r.stdout[:80]!r}")
        expect(open(out("json"), "rb").read() == raw, "-o FILE differs from stdout")
    check(f"{tag}: json default, -o and a second run give the same bytes", same_bytes)

    def own_schema():
        schema = load_json(OWN_SCHEMA)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(doc)
    check(f"{tag}: json validates against {OWN_SCHEMA}", own_schema)

    def integrity():
        ids = [n["id"] for n in nodes]
        expect(ids == sorted(ids, key=lambda s: s.encode()), "nodes are not sorted by id")
        expect(len(set(ids)) == len(ids), "node ids repeat")
        known = set(ids)
        dangling = [e for e in edges if e["source"] not in known or e["target"] not in known]
        expect(not dangling, f"edges to no node: {dangling[:3]}")
        order = [(e["source"].encode(), e["target"].encode(), e["kind"].encode(), e.get("label", "").encode()) for e in edges]
        expect(order == sorted(order), "edges are not sorted")
        expect(doc["graph"]["notes"] == sum(n["kind"] == "note" for n in nodes), "graph.notes is not the number of note nodes")
    check(f"{tag}: every edge joins two nodes; sorted; graph.notes counts the notes", integrity)

    def networkx_json():
        G = nx.node_link_graph(doc, edges="edges")
        expect(G.is_directed() and G.is_multigraph(), "not a directed multigraph")
        expect((G.number_of_nodes(), G.number_of_edges()) == (len(nodes), len(edges)),
               f"networkx has {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; json has {len(nodes)}, {len(edges)}")
        notes = [n for n, kind in G.nodes(data="kind") if kind == "note"]
        expect(notes, "no notes")
        most = max(notes, key=G.degree)
        expect(G.nodes[most]["url"].startswith("notes/"), "a note without url")
    check(f"{tag}: networkx.node_link_graph loads every node and edge", networkx_json)

    def jgf():
        r = notesc(folder, "--format", "jgf", "-o", out("jgf.json"))
        expect(r.returncode == 0, r.stderr.decode())
        data = load_json(out("jgf.json"))
        jsonschema.Draft7Validator(load_json(JGF_SCHEMA)).validate(data)
        g = data["graph"]
        expect((len(g["nodes"]), len(g["edges"])) == (len(nodes), len(edges)), "jgf counts differ from json")
        some = nodes[0]
        expect(g["nodes"][some["id"]]["metadata"]["kind"] == some["kind"], "node fields are not in metadata")
    check(f"{tag}: jgf validates against the JSON Graph Format v2 schema", jgf)

    def graphml():
        r = notesc(folder, "--format", "graphml", "-o", out("graphml"))
        expect(r.returncode == 0, r.stderr.decode())
        G = nx.read_graphml(out("graphml"))
        expect((G.number_of_nodes(), G.number_of_edges()) == (len(nodes), len(edges)),
               f"read_graphml has {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; json has {len(nodes)}, {len(edges)}")
        claims = [d for _, d in G.nodes(data=True) if d.get("kind") == "claim"]
        if claims:
            expect(isinstance(claims[0]["line"], int) and isinstance(claims[0]["verified"], bool), "line and verified are not typed")
        expect(G.graph.get("notes") == doc["graph"]["notes"], "graph attributes missing")
    check(f"{tag}: networkx.read_graphml reads every node and edge with typed keys", graphml)

    def dot():
        r = notesc(folder, "--format", "dot")
        expect(r.returncode == 0, r.stderr.decode())
        svg = subprocess.run(["dot", "-Tsvg"], input=r.stdout, capture_output=True, timeout=DEADLINE)
        expect(svg.returncode == 0, svg.stderr.decode())
        text = svg.stdout.decode()
        expect("<svg" in text, "no svg")
        drawn = text.count('class="node"')
        expect(drawn == len(nodes), f"{drawn} nodes drawn of {len(nodes)}")
        expect(b"Warning" not in svg.stderr and b"Error" not in svg.stderr, svg.stderr.decode())
    check(f"{tag}: dot -Tsvg renders every node", dot)

    def database():
        db = out("db")
        r = notesc(folder, "--format", "sqlite", "-o", db)
        expect(r.returncode == 0, r.stderr.decode())
        q = lambda sql: subprocess.run(["sqlite3", db, sql], capture_output=True, text=True, check=True, timeout=DEADLINE).stdout.strip()
        expect(q("SELECT count(*) FROM nodes") == str(len(nodes)), "nodes count")
        expect(q("SELECT count(*) FROM edges") == str(len(edges)), "edges count")
        expect(q("SELECT count(*) FROM claims") == str(sum(n["kind"] == "claim" for n in nodes)), "claims count")
        expect(q("SELECT count(*) FROM quantities") == str(sum(len(n.get("quantities", [])) for n in nodes)), "quantities count")
        expect(q("PRAGMA integrity_check") == "ok", "integrity_check")
        expect(q("PRAGMA foreign_key_check") == "", "foreign_key_check")
        favors = q("SELECT count(*) FROM edges e JOIN nodes v ON v.id = e.source JOIN nodes s ON s.id = e.target "
                   "WHERE e.kind = 'favors' AND v.kind = 'verdict' AND s.kind = 'system'")
        expect(favors == str(sum(e["kind"] == "favors" for e in edges)), "favors edges")
        with sqlite3.connect(db) as con:
            fts = con.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'the'").fetchone()[0]
            plain = con.execute("SELECT count(*) FROM claims WHERE ' ' || lower(text) || ' ' GLOB '*[^a-z]the[^a-z]*'").fetchone()[0]
            expect(fts == plain, f"full-text search finds {fts} claims with 'the', a scan {plain}")
    check(f"{tag}: sqlite3 reads the database; counts, keys and full-text search agree", database)

def fixture_queries():
    db = os.path.join(work, "fixture-queries.db")
    r = notesc(FIXTURE, "--format", "sqlite", "-o", db)
    expect(r.returncode == 0, r.stderr.decode())
    q = lambda sql: subprocess.run(["sqlite3", "-separator", "|", db, sql], capture_output=True, text=True, check=True, timeout=DEADLINE).stdout.splitlines()
    about = q("SELECT c.line, c.text FROM claims c JOIN edges e ON e.source = c.id AND e.kind = 'about' "
              "JOIN nodes s ON s.id = e.target WHERE s.label = 'DeepSeek-V3' ORDER BY c.note, c.line")
    expect(about == ["18|MLA (93% KV cache reduction)", "24|$5.5M for 671B params"], f"claims about DeepSeek-V3: {about}")
    verdicts = q("SELECT t.label, v.label, group_concat(s.label, ', ') FROM nodes v JOIN nodes t ON t.id = v.topic "
                 "LEFT JOIN edges f ON f.source = v.id AND f.kind = 'favors' LEFT JOIN nodes s ON s.id = f.target "
                 "WHERE v.kind = 'verdict' GROUP BY v.id ORDER BY t.label, v.id")
    expect(verdicts == ["Attention Mechanisms|MLA is the clear winner for memory efficiency|",
                        "Thin Topic|Mixtral 8x7B by default|Mixtral 8x7B",
                        "Training Efficiency|DeepSeek crushes on cost efficiency|DeepSeek-V3"], f"verdicts: {verdicts}")
    big = q("SELECT c.line, q.text FROM quantities q JOIN claims c ON c.id = q.claim "
            "WHERE q.unit = 'params' AND q.value > 50e9 ORDER BY q.value DESC")
    expect(big == ["24|671B params", "25|70B params"], f"claims above 50B params: {big}")
    found = q("SELECT c.line FROM claims_fts JOIN claims c ON c.pk = claims_fts.rowid WHERE claims_fts MATCH 'cache' ")
    expect(found == ["18"], f"full-text 'cache': {found}")

def cli_failures():
    r = notesc(FIXTURE, "--format", "sqlite")
    expect(r.returncode == 2 and b"-o" in r.stderr and r.stdout == b"", f"sqlite without -o: exit {r.returncode} {r.stderr!r}")
    r = notesc(FIXTURE, "-o", os.path.join(work, "no", "such", "folder", "graph.json"))
    expect(r.returncode == 2 and b"cannot write" in r.stderr, f"unwritable -o: exit {r.returncode} {r.stderr!r}")
    r = notesc(FIXTURE, "--format", "png")
    expect(r.returncode == 2, f"bad format: exit {r.returncode}")
    r = notesc("no/such/folder")
    expect(r.returncode == 2 and r.stderr == b"error: no such folder: no/such/folder\n", f"missing folder: {r.stderr!r}")

def atomic_replace():
    folder = os.path.join(work, "atomic")
    os.mkdir(folder)
    target = os.path.join(folder, "graph.dot")
    with open(target, "w") as f:
        f.write("old")
    r = notesc(FIXTURE, "--format", "dot", "-o", target)
    expect(r.returncode == 0, r.stderr.decode())
    expect(open(target).read().startswith("digraph"), "the old file was not replaced")
    expect(os.listdir(folder) == ["graph.dot"], f"left over: {os.listdir(folder)}")

def notes_with_errors():
    r = notesc(WITH_ERRORS)
    expect(r.returncode == 0 and r.stderr == b"", f"exit {r.returncode}, stderr {r.stderr[:200]!r}")
    doc = json.loads(r.stdout)
    expect(doc["graph"]["diagnostics"]["errors"] > 0, "errors are not counted")
    ids = {n["id"] for n in doc["nodes"]}
    expect({"note:Twin", "note:twin", "note:index"} <= ids, "a note with errors is missing")
    targets = {e["target"] for e in doc["edges"] if e["kind"] in ("connects", "links")}
    expect(not targets & {"note:talk-note", "note:missing-note", "note:nowhere", "note:deepseek"}, f"broken references became edges")
    r = notesc(WITH_ERRORS, "--verbose")
    expect(r.returncode == 0 and b"error[broken-connection]" in r.stderr, "--verbose prints no diagnostics")

def tricky_labels():
    folder = os.path.join(work, "tricky")
    os.mkdir(folder)
    title = 'Quotes "here" & <angle> \\N {braces} ü'
    with open(os.path.join(folder, "tricky.md"), "w", encoding="utf-8") as f:
        f.write(f"# {title}\n\n## TL;DR\n\nText.\n\n## Key Comparisons\n\n### A \"topic\" & more\n"
                "- **X<1>**: says \"hi\" \\ back\\slash & <b>bold</b> ]]> 50% {x}\n"
                "- **Y**: plain\n- **Verdict**: X<1> wins\n\n## Connections\n\n- **tricky**: itself\n")
    return folder

TRICKY = tricky_labels()

def tricky_round_trip():
    doc = json.loads(notesc(TRICKY).stdout)
    note = next(n for n in doc["nodes"] if n["id"] == "note:tricky")
    expect(note["label"].startswith('Quotes "here" & <angle> \\N'), f"title: {note['label']!r}")
    G = nx.read_graphml(io.BytesIO(notesc(TRICKY, "--format", "graphml").stdout))
    expect(G.nodes["note:tricky"]["label"] == note["label"], "graphml label differs")
    claim = next(n for n in doc["nodes"] if n["kind"] == "claim" and "back" in n["text"])
    claim_id = claim["id"]
    expect(G.nodes[claim_id]["label"] == claim["text"], "graphml claim text differs")
    svg = subprocess.run(["dot", "-Tsvg"], input=notesc(TRICKY, "--format", "dot").stdout, capture_output=True, timeout=DEADLINE)
    expect(svg.returncode == 0 and not svg.stderr, svg.stderr.decode())
    expect("Quotes &quot;here&quot; &amp; &lt;angle&gt; \\N" in svg.stdout.decode(), "the title is not drawn as written")
check("quotes, backslashes and markup in labels survive graphml and dot", tricky_round_trip)

for folder, tag in [("Notes", "Notes"), (FIXTURE, "fixture"), (WITH_ERRORS, "references"), (TRICKY, "tricky")]:
    suite(folder, tag)
check("fixture: the README's SQL queries return the expected rows", fixture_queries)
check("cli: sqlite without -o, unwritable -o, bad format, missing folder exit 2", cli_failures)
check("cli: -o replaces a file atomically", atomic_replace)
check("notes with errors are in the graph; broken references are not edges", notes_with_errors)

subprocess.run(["rm", "-rf", work])
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
