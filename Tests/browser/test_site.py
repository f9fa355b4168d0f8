#!/usr/bin/env python3
"""Opens a built site from disk in headless Chromium and uses it as a reader
would: search, follow a connection, follow a backlink, visit every kind of
page, with no console errors. Plain Python; prints `N passed, M failed`.

    python3 Tests/browser/test_site.py SITE_DIR [SCREENSHOT_DIR]

Nothing waits a fixed time: every wait polls for its condition until a
deadline (BROWSER_WAIT seconds, default 30, generous for a busy 2-core
machine) and then fails saying what it waited for; page loads and scripts
have the same deadline.
"""
import os
import sys
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "Site")
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None
DEADLINE = float(os.environ.get("BROWSER_WAIT", "30"))


def url(path):
    return "file://" + os.path.join(SITE, path)


def make_driver(width=1280, height=900, dark=False):
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument(f"--window-size={width},{height}")
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    options.binary_location = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None) or ""
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p)), None)
    service = Service(driver_path) if driver_path else Service()
    return with_deadlines(webdriver.Chrome(service=service, options=options))


def with_deadlines(driver):
    """A page load or script that takes longer than DEADLINE fails instead of hanging."""
    driver.set_page_load_timeout(DEADLINE)
    driver.set_script_timeout(DEADLINE)
    return driver


class Run:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, fn):
        try:
            fn()
            self.passed += 1
            print(f"ok   {name}")
        except Exception:
            self.failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def expect_no_console_errors(driver, where):
    errors = console_errors(driver)
    assert not errors, f"console errors on {where}: {errors}"


def wait(driver, condition, what):
    """Polls `condition` until it holds (returns its value) or DEADLINE passes;
    then fails with `what` it waited for, the page's address and title."""
    try:
        # A page that reloads while it is read leaves stale elements: read it again.
        return WebDriverWait(driver, DEADLINE, poll_frequency=0.05,
                             ignored_exceptions=[StaleElementReferenceException]).until(condition)
    except TimeoutException:
        raise AssertionError(f"waited {DEADLINE:g} s for {what}; still not so on {driver.current_url} "
                             f"(title {driver.title!r})") from None


def main():
    assert os.path.exists(os.path.join(SITE, "index.html")), f"no index.html in {SITE}"
    run = Run()
    driver = make_driver()
    try:
        def home():
            driver.get(url("index.html"))
            assert driver.find_element(By.TAG_NAME, "h1").text.strip(), "index has an h1"
            assert driver.find_elements(By.CSS_SELECTOR, ".note-item a.note-link"), "index lists notes"
            assert driver.find_element(By.CSS_SELECTOR, "main#main"), "main landmark"
            expect_no_console_errors(driver, "index.html")
        run.check("index opens from disk", home)

        def search():
            driver.get(url("index.html"))
            box = driver.find_element(By.ID, "search-input")
            box.click()
            box.send_keys("latent attention")
            link = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results a")),
                        "a search result for 'latent attention'")
            assert "Latent" in link.text or "MLA" in link.text, f"first result: {link.text!r}"
            def status_says_results(d):
                status = d.find_element(By.ID, "search-status").get_attribute("textContent") or ""
                return status if "result" in status else False
            wait(driver, status_says_results, "the search status to say how many results")
            link.click()
            wait(driver, EC.url_contains("/notes/"), "the result's note page to open")
            expect_no_console_errors(driver, "search")
        run.check("search finds a note and opens it", search)

        def body_text_search():
            # "avoids re-expanding" is only in the Take of the MLA note: not
            # its title, tags or TL;DR.
            driver.get(url("index.html"))
            box = driver.find_element(By.ID, "search-input")
            box.click()
            box.send_keys("avoids re-expanding")
            link = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results a")),
                        "a search result for a phrase in a note's body")
            assert "Multi-head Latent Attention" in link.text, f"first result: {link.text!r}"
            snippet = link.find_element(By.CSS_SELECTOR, ".result-snippet")
            marks = [m.text.lower() for m in snippet.find_elements(By.TAG_NAME, "mark")]
            assert "avoids" in marks and "re" in marks and "expanding" in marks, f"marked: {marks!r}"
            assert "matrix absorption" in snippet.text, f"snippet: {snippet.text!r}"
            html = snippet.get_attribute("innerHTML")
            assert "<mark>avoids</mark>" in html, f"snippet HTML: {html!r}"
            # Only the manifest, the shards of the query's words and the shown documents were loaded.
            loaded = driver.execute_script(
                "return Array.prototype.map.call(document.querySelectorAll('script[src*=\"search/\"]'),"
                " function (s) { return s.getAttribute('src'); })")
            shards = sorted(s for s in loaded if "/p/" in s)
            assert shards == ["search/p/av.js", "search/p/ex.js", "search/p/re.js"], f"shards loaded: {shards!r}"
            assert "search/manifest.js" in loaded, f"loaded: {loaded!r}"
            expect_no_console_errors(driver, "body-text search")
        run.check("search finds a phrase in a note's body, with the match marked in a snippet", body_text_search)

        def keyboard_search():
            driver.get(url("index.html"))
            box = driver.find_element(By.ID, "search-input")
            box.click()
            box.send_keys("deepseek-v3")
            wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results a")),
                 "a search result for 'deepseek-v3'")
            box.send_keys(Keys.ARROW_DOWN)
            focused = wait(driver, lambda d: d.switch_to.active_element if d.switch_to.active_element.tag_name == "a" else False,
                           "arrow down to move the focus to the first result")
            focused.send_keys(Keys.ESCAPE)
            wait(driver, lambda d: d.find_element(By.ID, "search-results").get_attribute("hidden") is not None,
                 "Escape to hide the search results")
        run.check("search works from the keyboard", keyboard_search)

        def connection_and_backlink():
            driver.get(url("notes/04-big-llm-architecture-comparison.html"))
            target = driver.find_element(By.CSS_SELECTOR, ".connections a.connection-target")
            title = target.text
            target.click()
            wait(driver, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), title),
                 f"the connection's page, titled {title!r}")
            expect_no_console_errors(driver, "connection target")
            back = driver.find_element(By.CSS_SELECTOR, ".backlinks a")
            back_title = back.text
            back.click()
            wait(driver, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), back_title),
                 f"the backlink's page, titled {back_title!r}")
            expect_no_console_errors(driver, "backlink target")
        run.check("follows a connection and a backlink", connection_and_backlink)

        def claim_to_system_to_topic():
            driver.get(url("notes/04-big-llm-architecture-comparison.html"))
            system = driver.find_element(By.CSS_SELECTOR, ".claim a.system")
            name = system.text
            system.click()
            wait(driver, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), name), f"the system page of {name!r}")
            driver.find_element(By.CSS_SELECTOR, ".entity-topic h2 a").click()
            wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "table.matrix")),
                 "the topic page's comparison table")
            expect_no_console_errors(driver, "system and topic pages")
        run.check("a claim's system page and its topic table", claim_to_system_to_topic)

        def every_page_kind():
            kinds = ["graph.html", "systems/index.html", "topics/index.html", "tags/index.html", "404.html", "folders/index.html"]
            # One page of each listing kind: a category, a tag, a system, a topic.
            for folder in ["categories", "tags", "systems", "topics"]:
                kinds.append(folder + "/" + sorted(f for f in os.listdir(os.path.join(SITE, folder)) if f.endswith(".html") and f != "index.html")[0])
            for page in kinds:
                driver.get(url(page))
                assert driver.find_element(By.TAG_NAME, "h1").text.strip(), page
                expect_no_console_errors(driver, page)
            driver.get(url("graph.html"))
            nodes = driver.find_elements(By.CSS_SELECTOR, "svg.graph a.node")
            assert len(nodes) >= 2, "the graph has nodes"
            href = nodes[0].get_dom_attribute("href")
            assert href and href.endswith(".html"), href
        run.check("every kind of page renders without console errors", every_page_kind)

        def graph_opens_on_the_graph():
            driver.get(url("graph.html"))
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".graph-controls button"), "graph.js's zoom buttons")
            # The drawing's nodes, not empty space, are what the reader sees first.
            seen = driver.execute_script("""
                var svg = document.querySelector('svg.graph'), r = svg.getBoundingClientRect();
                var vw = innerWidth, vh = innerHeight, inView = 0, nodes = svg.querySelectorAll('a.node circle');
                nodes.forEach(function (c) { var b = c.getBoundingClientRect();
                  if (b.width > 0 && b.right > 0 && b.bottom > 0 && b.left < vw && b.top < vh) inView++; });
                return {w: r.width, h: r.height, top: r.top, left: r.left, inView: inView, total: nodes.length};""")
            assert seen["w"] > 200 and seen["h"] > 100, f"the drawing has a size: {seen}"
            assert seen["top"] < 900 and seen["left"] < 1280, f"the drawing intersects the viewport: {seen}"
            assert seen["inView"] == seen["total"], f"every node is in view when the page opens: {seen}"
            before = driver.execute_script("return document.querySelector('svg.graph .graph-view').getAttribute('transform') || ''")
            driver.find_element(By.CSS_SELECTOR, ".graph-controls button[aria-label='Zoom in']").click()
            after = driver.execute_script("return document.querySelector('svg.graph .graph-view').getAttribute('transform') || ''")
            assert "scale(" in after and after != before, f"zoom changes the transform: {before!r} -> {after!r}"
            node = driver.find_element(By.CSS_SELECTOR, "svg.graph a.node")
            driver.execute_script("arguments[0].focus()", node)
            near = driver.execute_script("return document.querySelectorAll('svg.graph a.node.near').length")
            assert near >= 1, "focusing a node highlights it and its neighbours"
            # The wheel zooms too, about the pointer.
            before = after
            driver.execute_script("""
                var svg = document.querySelector('svg.graph'), r = svg.getBoundingClientRect();
                svg.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + r.width / 2,
                  clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));""")
            after = driver.execute_script("return document.querySelector('svg.graph .graph-view').getAttribute('transform') || ''")
            assert after != before, f"the wheel changes the transform: {before!r} -> {after!r}"
            expect_no_console_errors(driver, "graph.html zoom")
        run.check("graph.html opens on the drawing, and zoom works", graph_opens_on_the_graph)

        def graph_filter():
            driver.get(url("graph.html"))
            filter_box = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, ".graph-filter")),
                              "graph.js to show the filter")
            shown = """
                function visible(sel) { return Array.prototype.filter.call(document.querySelectorAll(sel),
                  function (e) { return getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0; }).length; }
                return {notes: visible('svg.graph a.node-note'), systems: visible('svg.graph a.node-system'),
                        connects: visible('svg.graph path.edge-connects'), about: visible('svg.graph path.edge-about')};"""
            before = driver.execute_script(shown)
            assert before["notes"] >= 2 and before["systems"] >= 1 and before["connects"] == 1 and before["about"] == 1, before
            # From the keyboard: each checkbox has its own label and toggles with Space.
            systems = filter_box.find_element(By.CSS_SELECTOR, "input[value='system']")
            label = driver.execute_script("return arguments[0].closest('label').textContent.trim()", systems)
            assert label == "systems", f"the systems checkbox's label: {label!r}"
            systems.send_keys(Keys.SPACE)
            after = driver.execute_script(shown)
            assert after["systems"] == 0 and after["about"] == 0, f"hiding systems hides them and their edges: {after}"
            assert after["notes"] == before["notes"] and after["connects"] == 1, f"notes and connections stay: {after}"
            filter_box.find_element(By.CSS_SELECTOR, "input[value='connects']").send_keys(Keys.SPACE)
            assert driver.execute_script(shown)["connects"] == 0, "hiding connections hides their edges"
            filter_box.find_element(By.CSS_SELECTOR, "input[value='note']").click()
            assert driver.execute_script(shown)["notes"] == 0, "hiding notes hides them"
            for value in ("system", "connects", "note"):
                filter_box.find_element(By.CSS_SELECTOR, f"input[value='{value}']").click()
            assert driver.execute_script(shown) == before, "checking them again shows everything again"
            expect_no_console_errors(driver, "graph.html filter")
        run.check("the graph's filter hides and shows notes, systems and edges", graph_filter)

        def graph_as_a_list():
            driver.get(url("graph.html"))
            summary = driver.find_element(By.CSS_SELECTOR, "details.graph-list summary")
            assert summary.text.strip() == "The graph as a list", summary.text
            summary.send_keys(Keys.ENTER)
            items = wait(driver, lambda d: [li for li in d.find_elements(By.CSS_SELECTOR, ".graph-list-notes > li") if li.is_displayed()],
                         "Enter on the summary to open the list")
            notes = len([f for f in os.listdir(os.path.join(SITE, "notes")) if f.endswith(".html")])
            assert len(items) == notes, f"{len(items)} list items for {notes} notes"
            assert "connects to:" in items[0].text and len(items[0].find_elements(By.TAG_NAME, "a")) >= 2, items[0].text
            first = items[0].find_element(By.TAG_NAME, "a")
            title = first.text
            first.send_keys(Keys.ENTER)
            wait(driver, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), title), f"Enter on {title!r} to open its page")
            expect_no_console_errors(driver, "the graph as a list")
        run.check("the graph as a list opens from the keyboard and leads to notes", graph_as_a_list)

        def local_graph_depth():
            # FP8-LM connects to two notes; they connect to the rest.
            driver.get(url("notes/05-fp8-lm-paper.html"))
            choice = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, ".local-graph .graph-depth")),
                          "local-graph.js to show the depth choice")
            count = """return Array.prototype.filter.call(document.querySelectorAll('.local-graph svg.graph a.node'),
                         function (a) { return a.getBoundingClientRect().width > 0; }).length"""
            one = driver.execute_script(count)
            assert one >= 2, f"one step shows the note and its neighbours: {one}"
            two = choice.find_element(By.CSS_SELECTOR, "input[value='2']")
            two.send_keys(Keys.SPACE)
            wait(driver, lambda d: d.execute_script(count) > one, "two steps to show more notes")
            assert len(driver.find_elements(By.CSS_SELECTOR, ".local-graph svg.graph")) == 2
            choice.find_element(By.CSS_SELECTOR, "input[value='1']").click()
            wait(driver, lambda d: d.execute_script(count) == one, "one step to show the first drawing again")
            expect_no_console_errors(driver, "the local graph's depth")
        run.check("a note's local graph shows one or two steps of neighbours", local_graph_depth)

        def phone_width():
            # Nothing may make a page wider than a phone's screen (wide tables scroll inside their own box).
            options = webdriver.ChromeOptions()
            for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
                options.add_argument(a)
            options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}})
            options.binary_location = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None) or ""
            driver_path = next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p)), None)
            phone = with_deadlines(webdriver.Chrome(service=Service(driver_path) if driver_path else Service(), options=options))
            try:
                pages = ["index.html", "graph.html", "topics/attention-mechanisms.html", "systems/deepseek-v3.html"]
                pages += ["notes/" + f for f in sorted(os.listdir(os.path.join(SITE, "notes"))) if f.endswith(".html")]
                for page in pages:
                    phone.get(url(page))
                    client, scroll = phone.execute_script(
                        "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
                    assert scroll <= client + 1, f"{page} is {scroll}px wide on a {client}px phone screen"
            finally:
                phone.quit()
        run.check("every page fits a phone's width", phone_width)


        def shots():
            if not SHOTS:
                return
            os.makedirs(SHOTS, exist_ok=True)
            pages = ["index.html", "notes/04-big-llm-architecture-comparison.html", "notes/02-deepseek-v2-technical-report.html",
                     "graph.html", "topics/attention-mechanisms.html", "systems/deepseek-v3.html"]
            for width, height, label in [(1280, 900, "desktop"), (390, 844, "phone")]:
                for dark in (False, True):
                    d = make_driver(width, height, dark)
                    try:
                        for page in pages:
                            d.get(url(page))
                            full = d.execute_script("return document.documentElement.scrollHeight")
                            d.set_window_size(width, min(full + 100, 6000))
                            name = page.replace("/", "_").replace(".html", "")
                            d.save_screenshot(os.path.join(SHOTS, f"{label}-{'dark' if dark else 'light'}-{name}.png"))
                            d.set_window_size(width, height)
                    finally:
                        d.quit()
        run.check("screenshots", shots)
    finally:
        driver.quit()
    print(f"{run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
