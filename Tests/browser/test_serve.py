#!/usr/bin/env python3
"""`notesc serve` in headless Chromium: a page open on the served site shows
an edit without being touched, shows a failed build's errors over itself,
and drops them once the build passes, with no console errors. Runs the
server on a copy of the notes in a scratch folder (its own XDG_CACHE_HOME).
Plain Python; prints `N passed, M failed`.

    python3 Tests/browser/test_serve.py NOTESC NOTES_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_site import Run, expect_no_console_errors, make_driver, wait  # noqa: E402

NOTESC = os.path.abspath(sys.argv[1])
NOTES = os.path.abspath(sys.argv[2])
NOTE = "05-fp8-lm-paper.md"
PAGE = "notes/05-fp8-lm-paper.html"
# Generous: a debug build on a busy machine; each wait ends as soon as its condition holds.
DEADLINE = 30


def start_server(work):
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), NO_COLOR="1")
    log = open(os.path.join(work, "serve.log"), "w+")
    server = subprocess.Popen([NOTESC, "serve", "notes", "--port", "0"], cwd=work, env=env,
                              stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + DEADLINE * 2
    while time.monotonic() < deadline:
        log.seek(0)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read())
        if match:
            return server, int(match.group(1)), log
        if server.poll() is not None:
            break
        time.sleep(0.05)
    log.seek(0)
    server.kill()
    raise SystemExit(f"notesc serve printed no address:\n{log.read()}")


def edit(path, change):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(change(text))
    os.rename(path + ".tmp", path)


def main():
    work = tempfile.mkdtemp(prefix="notesc-serve-browser-")
    shutil.copytree(NOTES, os.path.join(work, "notes"))
    note = os.path.join(work, "notes", NOTE)
    server, port, log = start_server(work)
    run = Run()
    driver = make_driver()
    try:
        driver.get(f"http://127.0.0.1:{port}/{PAGE}")
        body = lambda d: d.find_element(By.TAG_NAME, "body").text  # noqa: E731

        def edit_shows():
            assert "Edited in the browser test." not in body(driver)
            assert driver.execute_script("return !!document.getElementById('notesc-live')"), "no reload script"
            # No need to wait for the event stream to open: a page that connects
            # after a rebuild is told the newer build id and reloads.
            edit(note, lambda t: t.replace("## 📝 TL;DR\n\n", "## 📝 TL;DR\n\nEdited in the browser test.\n\n", 1))
            wait(driver, lambda d: "Edited in the browser test." in body(d), DEADLINE)
            expect_no_console_errors(driver, "the page after the reload")

        def overlay_shows_errors():
            edit(note, lambda t: t + "\nSee [[no-such-note]].\n")
            overlay = wait(driver, lambda d: d.find_elements(By.ID, "notesc-overlay"), DEADLINE)[0]
            text = overlay.text
            assert "error[broken-link]" in text, text
            assert f"notes/{NOTE}:" in text, text
            assert "no-such-note" in text, text

        def overlay_goes_when_fixed():
            edit(note, lambda t: t.replace("\nSee [[no-such-note]].\n", "\nSee nothing else.\n"))
            wait(driver, lambda d: not d.find_elements(By.ID, "notesc-overlay") and "See nothing else." in body(d), DEADLINE)
            expect_no_console_errors(driver, "the page once fixed")

        run.check("an edit shows on the open page", edit_shows)
        run.check("a failed build's errors show over the page", overlay_shows_errors)
        run.check("the errors go once the build passes", overlay_goes_when_fixed)
    except Exception:
        run.failed += 1
        traceback.print_exc()
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        if run.failed:
            log.seek(0)
            print("notesc serve printed:\n" + log.read())
        shutil.rmtree(work, ignore_errors=True)
    print(f"{run.passed} passed, {run.failed} failed")


if __name__ == "__main__":
    main()
