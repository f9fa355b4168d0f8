#!/usr/bin/env python3
"""Generate a deterministic corpus of study notes for benchmarking notesc.

    scripts/gen-corpus.py N OUTDIR [--seed S] [--hugo HUGODIR]
    scripts/gen-corpus.py --images-vault N OUTDIR [--seed S]

Writes N notes of about 3.4 KB each into OUTDIR (flat, `00042-some-slug.md`),
in the study-note format of DESIGN.md §2 and Notes/04-big-llm-architecture-comparison.md.
With --hugo it also writes the same notes as a minimal Hugo site, so that
`hugo` and `notesc build` can be timed on identical Markdown (DESIGN.md §7).
With --images-vault it writes instead an Obsidian vault of N notes in nested
folders, each embedding five pasted images of which four exist (tiny PNGs):
lint must find exactly N broken links.

Why the corpus looks the way it does:
- Topics and systems come from shared pools (~200 and ~500 names), so the
  cross-note entities (systems/*.html, topics/*.html, graph nodes) are dense and
  realistic instead of every note inventing its own names.
- Every reference (connection, wikilink) points at a note that exists, dates are
  valid, calc blocks evaluate: a correct notesc reports zero errors, so any
  `error[` on this corpus is a notesc bug, not corpus noise.
- Each note gets its own RNG seeded from (seed, index), so a note's content does
  not depend on generation order; the same (N, seed) always gives the same bytes.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys
from datetime import date, timedelta

TARGET_BYTES = 3400  # DESIGN.md §7: "about 3.4 KB each"

# A marker file lets us wipe and regenerate an OUTDIR we created earlier while
# refusing to delete anything in a folder somebody else owns.
MARKER = ".gen-corpus"

# --------------------------------------------------------------------------
# Shared pools. Built from fixed lists in a fixed order, so they are the same
# on every run and every Python version (no set iteration, no hash order).
# --------------------------------------------------------------------------

FAMILIES = [
    "GPT", "LLaMA", "Gemini", "Claude", "Mixtral", "DeepSeek", "Qwen", "Falcon",
    "Mistral", "Phi", "Gemma", "Yi", "Jamba", "OLMo", "Pythia", "BLOOM", "OPT",
    "T5", "PaLM", "Chinchilla", "Gopher", "Grok", "Command-R", "DBRX", "Arctic",
    "InternLM", "Baichuan", "GLM", "MiniCPM", "StableLM", "RWKV", "Mamba",
    "Hyena", "RetNet", "Granite", "Nemotron", "Orca", "Vicuna", "Zephyr",
    "StarCoder", "CodeLlama", "Aya", "Jurassic", "Luminous", "ERNIE", "Hunyuan",
    "Kimi", "Skywork", "XVERSE", "MPT", "Switch", "GShard", "GLaM", "ST-MoE",
    "Megatron", "Galactica", "Minerva", "Reka", "Solar", "Starling",
]
VERSIONS = [
    "", "-2", "-3", "-4", "-V2", "-V3", "-1.5", "-2.5", " 7B", " 13B", " 70B",
    " 8x7B", " 8x22B", "-Mini", "-Pro", "-Large", "-Base", "-Chat", " 34B",
    "-Lite", " 1.3B", " 175B", "-XL", "-Turbo",
]
TOPIC_HEADS = [
    "Attention", "KV Cache", "Context Length", "Training Efficiency", "Routing",
    "Load Balancing", "Expert Granularity", "Tokenization", "Positional Encoding",
    "Normalization", "Activation Functions", "Data Mixture", "Scaling Laws",
    "Quantization", "Mixed Precision", "Pipeline Parallelism", "Tensor Parallelism",
    "Speculative Decoding", "Inference Cost", "Memory Footprint", "Throughput",
    "Latency", "Alignment", "Reward Modeling", "Distillation", "Sparsity",
    "Multi-Token Prediction", "Long-Context Recall", "Code Generation",
    "Math Reasoning", "Multilinguality", "Safety Tuning", "Licensing",
    "Vocabulary Size", "Batch Scheduling", "Checkpointing", "Optimizer State",
    "Learning Rate Schedule", "Curriculum", "Evaluation Contamination",
]
TOPIC_TAILS = ["", " Design", " Trade-offs", " at Scale", " in Practice"]

TAKERS = ["Karpathy", "Raschka", "Dettmers", "Lambert", "Chollet", "Howard",
          "Sutskever", "Hotz", "Willison", "Bekman", "Weng", "Ng"]
CATEGORIES = [
    "Model Report (Mixture-of-Experts)", "Model Report (Dense)",
    "Architecture Paper (Attention)", "Architecture Paper (Mixture-of-Experts)",
    "Training Systems (Low Precision)", "Training Systems (Parallelism)",
    "Model Comparison (Architecture Survey)", "Inference Systems (Serving)",
    "Alignment (Post-Training)", "Data (Pre-Training Corpora)",
]
TAGS = ["moe", "mla", "fp8", "kv-cache", "inference", "training-cost", "routing",
        "long-context", "quantization", "alignment", "scaling", "attention",
        "parallelism", "distillation", "tokenizer", "benchmarks", "open-weights"]
SOURCES = ["arXiv", "Ahead of AI", "Hugging Face blog", "Interconnects", "model card",
           "Latent Space", "The Gradient", "conference talk"]
QUALIFIERS = ["rumored", "reported", "estimated", "per model card", "unofficial"]


def build_pools():
    systems = []
    for v in VERSIONS:  # version-major order keeps families spread across the pool
        for f in FAMILIES:
            systems.append(f + v)
    systems = systems[:500]
    topics = []
    for t in TOPIC_TAILS:
        for h in TOPIC_HEADS:
            topics.append(h + t)
    return systems, topics[:200]


SYSTEMS, TOPICS = build_pools()

WORDS = (
    "the model keeps the recipe simple and spends compute where it matters; "
    "routing decisions stay cheap while the cache shrinks and batches grow; "
    "most of the gain comes from memory bandwidth rather than raw FLOPs; "
    "ablations in the appendix show the effect holds across sizes; "
    "the authors trade a little quality for a large drop in serving cost; "
    "long sequences stay stable because the scaling factors are tracked per tile"
).split()


def slugify(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    # Keep file names short (the cmark-gfm run passes all of them on one
    # command line) and cut at a word boundary so ids stay readable.
    return s if len(s) <= 40 else s[:40].rsplit("-", 1)[0]


def sentence(r, systems, topic):
    """One prose sentence that mentions the note's systems, so prose is on-topic."""
    a, b = r.sample(systems, 2)
    templates = [
        f"{a} takes a different route on {topic.lower()} than {b}, and the difference shows up in the serving bill.",
        f"Compared with {b}, {a} reports {r.randint(5, 95)}% lower cost per token at the same quality.",
        f"The interesting part is not the headline number but how {a} gets there with {r.choice([8, 16, 32, 64])} GPUs per replica.",
        f"{a} trains on {r.randint(2, 18)}.{r.randint(0, 9)}T tokens, roughly {r.randint(2, 9)}x what {b} used.",
        f"Nobody outside the lab can reproduce the {b} numbers, so treat them as marketing until the weights ship.",
        f"At {r.choice([32, 64, 128, 256])}k tokens of context the gap between {a} and {b} widens instead of closing.",
        f"The {topic.lower()} section is the one to reread: {' '.join(r.sample(WORDS, 9))}.",
    ]
    return r.choice(templates)


def paragraph(r, systems, topic, n):
    return " ".join(sentence(r, systems, topic) for _ in range(n))


def claim_text(r):
    """A claim with the quantity shapes of §2: percent, k tokens, $M, B params,
    lower bounds (`1M+`), approximations (`~$10M+`) and unknowns (`???M`)."""
    pct = r.choice([12, 25, 37, 42, 58, 63, 75, 81, 88, 93, 97])
    k = r.choice([4, 8, 32, 64, 128, 200, 256])
    cost = r.choice(["1.2", "2.5", "5.5", "7.8", "12", "30", "64"])
    params = r.choice([7, 13, 34, 70, 141, 236, 405, 671])
    active = r.choice([3, 6, 12, 21, 37, 52])
    options = [
        f"{pct}% KV cache reduction versus the dense baseline",
        f"{k}k tokens context, {pct}% recall at full length",
        f"${cost}M for {params}B params",
        f"{params}B params total, {active}B params active per token",
        f"1M+ tokens (but expensive to serve)",
        f"~${cost}M+ for {params}B params",
        f"???M (the lab will not say)",
        f"{r.randint(2, 9)}.{r.randint(0, 9)}x throughput over the dense model at {k}k tokens",
        f"{r.choice([24, 32, 40, 60, 61, 80, 95])} layers, {r.choice([32, 64, 128])} heads of dim 128",
        f"Standard multi-head attention, nothing exotic",
        f"Fine-grained + shared experts with top-{r.choice([2, 4, 6, 8])} routing",
        f"{pct}% of the tokens go to the {r.choice([2, 4, 8])} busiest experts",
    ]
    return r.choice(options)


def comparisons(r, systems, topics):
    out = []
    for topic in topics:
        n = r.randint(3, 4)
        subjects = r.sample(systems, n + 1)
        shown = []
        lines = [f"### {topic}"]
        for i in range(n):
            s = subjects[i]
            # "GPT/LLaMA" style pairs, as in the seed; both names are real pool entries.
            if r.random() < 0.15:
                s = f"{s}/{subjects[n]}"
            head = f"**{s}**"
            if r.random() < 0.08:
                head += f" ({r.choice(QUALIFIERS)})"
            lines.append(f"- {head}: {claim_text(r)}")
            shown.append(subjects[i])
        winner = r.choice(shown)
        lines.append(f"- **Verdict**: {winner} {r.choice(['wins', 'comes out ahead', 'is the pragmatic pick'])} "
                     f"on {topic.lower()}, {r.choice(['mostly on memory', 'mostly on cost', 'by a wide margin', 'but only at scale'])}")
        out.append("\n".join(lines))
    return out


def calc_block(r):
    """A small calc block that evaluates cleanly (§3): integer products are exact
    in doubles, so `check ... ==` holds, and the dollar check uses one-decimal
    values whose product lies well inside the written precision."""
    heads, dim, layers = r.choice([2, 4, 8, 16]), r.choice([64, 128]), r.choice([24, 32, 60, 80])
    lines = [
        "```calc",
        f"kv = 2 * {heads} * {dim} * {layers}          # K and V per token, all layers",
        "kv_bits = kv * 16 bit                # BF16 cache",
        f"check kv == {2 * heads * dim * layers}",
        "kv_bits -> KiB",
    ]
    if r.random() < 0.5:
        hours10, rate = r.randint(11, 49), r.choice([2, 3])
        cost10 = hours10 * rate  # tenths of a million dollars
        lines[1:1] = ["unit gpu_hour"]
        lines += [
            f"hours = {hours10 // 10}.{hours10 % 10}M gpu_hour",
            f"cost = hours * (${rate} / gpu_hour)",
            f"check cost ≈ ${cost10 // 10}.{cost10 % 10}M",
        ]
    lines.append("```")
    return "\n".join(lines)


def note_title(r, systems, topics):
    a, b = systems[0], systems[1]
    t = topics[0]
    return r.choice([
        f"{a} Technical Report - Study",
        f"{t} Explained - Study",
        f"{a} vs {b} on {t} - Study",
        f"{t} Survey - Study",
        f"{a} Paper - Study",
    ])


def plan_titles(n, seed):
    """Titles first, so every note knows every id before any body references it."""
    width = max(5, len(str(n)))
    ids = []
    for i in range(1, n + 1):
        r = random.Random(f"{seed}:title:{i}")
        systems = r.sample(SYSTEMS, 2)
        topics = r.sample(TOPICS, 1)
        title = note_title(r, systems, topics)
        slug = slugify(title.removesuffix(" - Study"))
        ids.append((f"{i:0{width}d}-{slug}", title))
    return ids


def render_note(i, ids, seed):
    """Note i (1-based). Content depends only on (seed, i, len(ids))."""
    n = len(ids)
    note_id, title = ids[i - 1]
    r = random.Random(f"{seed}:note:{i}")
    systems = r.sample(SYSTEMS, 8)
    topics = r.sample(TOPICS, r.randint(4, 6))
    d = date(2023, 1, 1) + timedelta(days=r.randrange(3 * 365))
    taker = r.choice(TAKERS)

    # Connections: distinct, never self; with one note there is nobody to connect to.
    others = [j for j in r.sample(range(1, n + 1), min(n, 7)) if j != i][: r.randint(3, 6)]
    targets = [ids[j - 1][0] for j in others]

    parts = [f"# {title}", ""]
    parts += [
        f"**Source**: {r.choice(SOURCES)} - {systems[0]} ({r.choice(['paper', 'blog post', 'report', 'talk'])})",
        f"**Date Processed**: {d.isoformat()}",
        f"**Category**: {r.choice(CATEGORIES)}",
        f"**Tags**: {', '.join(r.sample(TAGS, r.randint(2, 5)))}",
        "", "---", "", "## 📝 TL;DR", "",
    ]
    tldr = paragraph(r, systems, topics[0], 3)
    if targets:
        tldr += f" Background on the baseline is in [[{targets[0]}]]."
    parts += [tldr, ""]
    if r.random() < 0.5:
        parts += [paragraph(r, systems, topics[1], 2), ""]
    parts += ["---", "", "## 🎯 Key Comparisons", ""]
    parts += ["\n\n".join(comparisons(r, systems, topics)), "", "---", ""]
    parts += [f"## 💭 {taker} Take", ""]
    for _ in range(r.randint(2, 3)):
        parts += [paragraph(r, systems, r.choice(topics), 2), ""]
    parts += ["---", ""]
    if r.random() < 0.2:
        parts += ["## 🧮 Calculations", "", calc_block(r), "", "---", ""]
    parts += ["## 🔗 Connections"]
    reasons = ["Predecessor; same recipe at smaller scale", "Origin of the routing design",
               "Places this among the other frontier models", "Earlier low-precision training recipe",
               "How the attention that keeps the cache small works", "Counterpoint on cost claims",
               "Same benchmark suite, different conclusions"]
    parts += [f"- **{t}**: {r.choice(reasons)}" for t in targets]
    text = "\n".join(parts) + "\n"

    # Pad the take with one more paragraph while short of the target, so sizes
    # cluster around 3.4 KB instead of drifting with the random section counts.
    take_end = text.index("\n---\n", text.index("Take\n"))
    extra = ""
    while len((text + extra).encode()) < TARGET_BYTES - 250:
        extra += "\n" + paragraph(r, systems, r.choice(topics), 2) + "\n"
    text = text[:take_end] + extra + text[take_end:]
    return note_id, title, d, text


def prepare_dir(path):
    """Create path, or empty it if we made it; refuse a folder we did not make."""
    if os.path.isdir(path) and os.listdir(path):
        if not os.path.exists(os.path.join(path, MARKER)):
            sys.exit(f"gen-corpus: {path} is not empty and was not made by gen-corpus; refusing to overwrite it")
        shutil.rmtree(path)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, MARKER), "w") as f:
        f.write("made by scripts/gen-corpus.py; safe to delete\n")


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "notesc benchmark corpus"
# Only pages: the note pages and the list of notes.
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
"""
# The pages notesc's site has that Hugo can make: a page per tag, system and
# topic listing its notes, the lists of them, one feed and the sitemap. (notesc's system and topic pages hold the claims themselves, so
# they are larger; Hugo's list the notes.)
HUGO_SAME_PAGES_CONFIG = """baseURL = "https://example.org/"
title = "notesc benchmark corpus"
[taxonomies]
tag = "tags"
system = "systems"
topic = "topics"
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
page = ["HTML"]
"""
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
# The section page lists every note, like notesc's index does; without it Hugo
# would skip work that notesc has to do.
HUGO_LIST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""
HUGO_INDEX = HUGO_SINGLE


def taxonomies(text):
    """Tags, systems and topics of a generated note, for Hugo's front matter."""
    tags = re.search(r"^\*\*Tags\*\*: (.*)$", text, re.M)
    comparisons = text.split("## 🎯 Key Comparisons", 1)[1].split("\n## ", 1)[0]
    labels = re.findall(r"^- \*\*([^*]+)\*\*", comparisons, re.M)
    # `A/B` claims are about both, as notesc reads them.
    systems = sorted({part for label in labels if label != "Verdict" for part in label.split("/")})
    return {
        "tags": [t.strip() for t in tags.group(1).split(",")] if tags else [],
        "systems": systems,
        "topics": re.findall(r"^### (.*)$", comparisons, re.M),
    }


def write_hugo(hugodir, notes):
    prepare_dir(hugodir)
    for sub in ("layouts/_default", "content/notes"):
        os.makedirs(os.path.join(hugodir, sub), exist_ok=True)
    write(os.path.join(hugodir, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugodir, "same-pages.toml"), HUGO_SAME_PAGES_CONFIG)
    write(os.path.join(hugodir, "layouts/_default/single.html"), HUGO_SINGLE)
    write(os.path.join(hugodir, "layouts/_default/list.html"), HUGO_LIST)
    write(os.path.join(hugodir, "layouts/index.html"), HUGO_INDEX)
    for note_id, title, d, text in notes:
        # json.dumps gives valid TOML basic strings and arrays for these ASCII values.
        front = f"+++\ntitle = {json.dumps(title)}\ndate = {d.isoformat()}\n"
        for key, values in taxonomies(text).items():
            front += f"{key} = {json.dumps(values)}\n"
        front += "+++\n\n"
        write(os.path.join(hugodir, "content/notes", note_id + ".md"), front + text)


# A tiny valid PNG (1x1, transparent): what a pasted screenshot is to lint.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


VAULT_WORDS = (
    "the screenshot shows a run of the training job with its loss curve and the learning rate schedule "
    "after warmup we see throughput drop when the batch grows and memory on each device reaches its limit "
    "notes on the dashboard meeting review of metrics latency errors and the plan for next week with owners"
).split()


def write_images_vault(n, outdir, seed):
    """An Obsidian vault of pasted images (DESIGN §7, "a vault with 20,000
    broken embeds"): n notes in a few nested folders, each embedding five
    images, four of which exist (in an attachments folder beside the notes,
    by unique name, relative path or path from the root) and one of which
    does not; plus a few ordinary links to other notes. Lint must report
    exactly n broken-link errors. Returns the number of files written."""
    r = random.Random(seed)
    folders = ["inbox", "projects/alpha", "projects/beta", "areas/reading/papers", "areas/work", "journal/2026"]
    prepare_dir(outdir)
    ids = []
    for i in range(n):
        folder = folders[i % len(folders)]
        ids.append(f"{folder}/note-{i:05d}")
    written = 0
    for i, note_id in enumerate(ids):
        folder = os.path.dirname(note_id)
        lines = [f"# Note {i}", "", f"Pasted on day {i % 365}; the figures below come from run {r.randrange(10**6)}.", ""]
        for k in range(5):
            if k == 4:
                lines.append(f"![[Pasted image {i:05d}-missing.png]]")
                continue
            name = f"Pasted image {i:05d}-{k}.png"
            os.makedirs(os.path.join(outdir, folder, "attachments"), exist_ok=True)
            with open(os.path.join(outdir, folder, "attachments", name), "wb") as f:
                f.write(TINY_PNG)
            written += 1
            if k == 0:
                lines.append(f"![[{name}]]")                                   # unique name
            elif k == 1:
                lines.append(f"![[{name}|400]]")                               # with a size
            elif k == 2:
                lines.append(f"![figure {k}](attachments/{name.replace(' ', '%20')})")  # relative, percent-encoded
            else:
                lines.append(f"![[{folder}/attachments/{name}]]")              # from the root
            lines.append("")
        others = r.sample(range(n), min(3, n))
        lines.append("See " + ", ".join(f"[[note-{j:05d}]]" for j in others) + ".")
        lines.append("")
        # The prose around the screenshots, to about 3.4 KB a note like the
        # other corpora (the vault took cmark-gfm about 1 s at 4,000).
        size = sum(len(line) + 1 for line in lines)
        while size < TARGET_BYTES:
            words = [r.choice(VAULT_WORDS) for _ in range(r.randrange(25, 60))]
            words[r.randrange(len(words))] = "**" + r.choice(VAULT_WORDS) + "**"
            paragraph = " ".join(words).capitalize() + "."
            if r.random() < 0.3:
                paragraph = "- " + paragraph
            lines += [paragraph, ""]
            size += len(paragraph) + 2
        write(os.path.join(outdir, note_id + ".md"), "\n".join(lines))
        written += 1
    return written


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--images-vault":
        ap = argparse.ArgumentParser(description="Generate a vault of N notes embedding pasted images (4 of 5 exist).")
        ap.add_argument("n", type=int, metavar="N")
        ap.add_argument("outdir", metavar="OUTDIR")
        ap.add_argument("--seed", type=int, default=42)
        args = ap.parse_args(sys.argv[2:])
        files = write_images_vault(args.n, args.outdir, args.seed)
        print(f"gen-corpus: images vault, {args.n} notes, {files - args.n} images, {args.n} missing, in {args.outdir}", file=sys.stderr)
        return
    ap = argparse.ArgumentParser(description="Generate N deterministic study notes (about 3.4 KB each).")
    ap.add_argument("n", type=int, metavar="N", help="number of notes (4 or more for full Connections sections)")
    ap.add_argument("outdir", metavar="OUTDIR")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--hugo", metavar="HUGODIR", help="also write the notes as a minimal Hugo site here")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")

    ids = plan_titles(args.n, args.seed)
    notes = [render_note(i, ids, args.seed) for i in range(1, args.n + 1)]

    prepare_dir(args.outdir)
    total = 0
    for note_id, _, _, text in notes:
        write(os.path.join(args.outdir, note_id + ".md"), text)
        total += len(text.encode())
    if args.hugo:
        write_hugo(args.hugo, notes)
    print(f"gen-corpus: {args.n} notes, {total / args.n / 1000:.2f} KB average, in {args.outdir}"
          + (f" (Hugo site in {args.hugo})" if args.hugo else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
