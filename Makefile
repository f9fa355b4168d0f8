# The README's two commands: `make site` builds Notes/ into Site/, `make test` runs the tests.
# Both install the Debian packages notesc needs when they are missing.

SWIFT ?= swift
NOTES ?= Notes
SITE ?= Site
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBS := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev cmark-gfm libsqlite3-dev \
        libjs-katex fonts-katex libjs-highlight.js

.PHONY: deps notesc site records test bench fuzz clean

deps:
	@pkg-config --exists libcmark-gfm sqlite3 && [ -e /usr/include/mimalloc.h ] && command -v cmark-gfm >/dev/null \
	  && [ -e /usr/share/javascript/katex/katex.min.js ] && [ -e /usr/share/fonts/truetype/katex/KaTeX_Main-Regular.woff2 ] \
	  && [ -e /usr/share/javascript/highlight.js/highlight.min.js ] || { \
	  echo "installing $(DEBS)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(DEBS); }

notesc: deps
	$(SWIFT) build -c release --product notesc

site: notesc
	.build/release/notesc build $(NOTES) --out $(SITE)

records: notesc
	.build/release/notesc records $(NOTES)

# Swift tests, then the site in a real browser and the graph in real tools.
test: deps
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema \
	  || python3 -m pip install -q --break-system-packages jsonschema  # the SARIF test validates with it
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	NOTESC=.build/debug/notesc scripts/test-graph.sh
	NOTESC=.build/debug/notesc scripts/test-site.sh

bench: deps
	scripts/bench.sh

# libFuzzer with AddressSanitizer on the note parser, the calc language and
# front matter, FUZZ_SECONDS (default 60) each; crashes go to fuzz-out/crashes/.
fuzz: deps
	scripts/fuzz.sh

clean:
	rm -rf .build
