#!/usr/bin/env bash
# `make fuzz`: builds the three libFuzzer targets with AddressSanitizer into
# .build-fuzz (normal builds are untouched) and runs each for FUZZ_SECONDS
# (default 60) from seed corpora made of Notes/ and the test fixtures.
# A crash, a sanitizer report or an input that runs longer than
# FUZZ_TIMEOUT seconds (a hang: DESIGN §7) stops that fuzzer, leaves the
# input in fuzz-out/crashes/, and makes the script fail.
# FUZZERS="FuzzCalc" runs a subset.
set -u
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TIMEOUT=${FUZZ_TIMEOUT:-10}
OUT=fuzz-out
FUZZERS=${FUZZERS:-FuzzNoteParser FuzzCalc FuzzFrontMatter}
mkdir -p "$OUT/crashes"
rm -rf "$OUT/seeds"
python3 scripts/fuzz-seeds.py "$OUT/seeds" || exit 1
status=0
for fuzzer in $FUZZERS; do
  case $fuzzer in
    FuzzNoteParser) kind=notes dict=fuzz/notes.dict max_len=65536 ;;
    FuzzCalc) kind=calc dict=fuzz/calc.dict max_len=4096 ;;
    FuzzFrontMatter) kind=frontmatter dict=fuzz/frontmatter.dict max_len=8192 ;;
    *) echo "unknown fuzzer $fuzzer"; exit 2 ;;
  esac
  echo "== building $fuzzer"
  NOTESC_FUZZ=1 $SWIFT build -c debug --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product "$fuzzer" \
    2>&1 | grep -v "Cannot export local symbol" || true
  binary=.build-fuzz/debug/$fuzzer
  [ -x "$binary" ] || { echo "build of $fuzzer failed"; exit 1; }
  # The corpus grows across runs in fuzz-out/corpus; the seeds are read each time.
  mkdir -p "$OUT/corpus/$kind"
  echo "== running $fuzzer for ${SECONDS_EACH}s"
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$binary" "$OUT/corpus/$kind" "$OUT/seeds/$kind" \
    -dict="$dict" -max_len="$max_len" -timeout="$TIMEOUT" -rss_limit_mb=4096 -max_total_time="$SECONDS_EACH" \
    -artifact_prefix="$OUT/crashes/$fuzzer-" -print_final_stats=1 2>&1 | tee "$OUT/$fuzzer.log" | grep -v "^#[0-9]\|NEW_FUNC"
  rc=${PIPESTATUS[0]}
  if [ "$rc" != 0 ]; then echo "$fuzzer FAILED (exit $rc); see $OUT/$fuzzer.log and $OUT/crashes/"; status=1; fi
done
exit $status
