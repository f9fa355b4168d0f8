# The README's two commands: `make site` builds Notes/ into Site/, `make test` runs the tests.
# Both install the Debian packages notesc needs when they are missing.

SWIFT ?= swift
NOTES ?= Notes
SITE ?= Site
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBS := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm libsqlite3-dev

.PHONY: deps site records test bench clean

deps:
	@pkg-config --exists libcmark-gfm sqlite3 && command -v cmark-gfm >/dev/null || { \
	  echo "installing $(DEBS)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(DEBS); }

notesc: deps
	$(SWIFT) build -c release --product notesc

# Until the site generator lands, `make site` prints the records of the notes.
site: notesc
	.build/release/notesc records $(NOTES) > /dev/null && echo "records of $(NOTES)/ are valid; see 'notesc records $(NOTES)'"

records: notesc
	.build/release/notesc records $(NOTES)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

bench: deps
	scripts/bench.sh

clean:
	rm -rf .build
