#!/usr/bin/env python3
"""Makes the fuzzers' seed corpora (`make fuzz`): every note of Notes/ and the
test fixtures for the note parser, the content of their ```calc blocks (and
their inline `=expr` calculations) for the calc fuzzer, and the YAML of their
front matter for the front-matter fuzzer. Usage: fuzz-seeds.py OUT_DIR"""
import glob, hashlib, os, re, sys

out = sys.argv[1]
notes = sorted(glob.glob("Notes/**/*.md", recursive=True) + glob.glob("Tests/NotesKitTests/Fixtures/**/*.md", recursive=True))
seeds = {"notes": [], "calc": [], "frontmatter": []}
for path in notes:
    data = open(path, "rb").read()
    seeds["notes"].append(data)
    text = data.decode("utf-8", "replace")
    for block in re.findall(r"^```calc[^\n]*\n(.*?)^```", text, re.S | re.M):
        seeds["calc"].append(block.encode())
    for expr in re.findall(r"`=([^`\n]+)`", text):
        seeds["calc"].append(expr.encode() + b"\n")
    m = re.match(r"\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*$", text, re.S | re.M)
    if m:
        seeds["frontmatter"].append(m.group(1).encode())
for kind, items in seeds.items():
    folder = os.path.join(out, kind)
    os.makedirs(folder, exist_ok=True)
    for data in items:
        with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
    print(f"{kind}: {len(set(items))} seeds in {folder}")
