#!/usr/bin/env python3
"""Opens the graph page of a site with more notes than the build draws as SVG
(scripts/gen-corpus.py makes one) from disk in headless Chromium: the browser
draws it on a canvas from graph-data.js, in view when it opens, and the reader
zooms, filters, hovers, and opens a note by click and by keyboard. No console
errors. Prints `N passed, M failed`.

    python3 Tests/browser/test_graph.py SITE_DIR
"""
import os
import time
import sys

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_site  # noqa: E402  (shares the driver, deadlines and checks)
from test_site import Run, expect_no_console_errors, make_driver, wait  # noqa: E402

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "big-site")
test_site.SITE = SITE

# The share of the canvas's pixels that are painted (not transparent), read in the page.
PAINTED = """
    var c = document.querySelector('canvas.graph-canvas'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    var painted = 0;
    for (var i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
    return painted / (c.width * c.height);"""


def url(path):
    return "file://" + os.path.join(SITE, path)


def settled_paint(driver):
    """The painted share once two reads a few frames apart agree: a repaint
    waits for an animation frame, later on a busy machine."""
    last = None
    for _ in range(100):
        now = driver.execute_script(PAINTED)
        if now == last and now > 0:
            return now
        last = now
        time.sleep(0.2)
    return last


def open_graph(driver):
    driver.get(url("graph.html"))
    wait(driver, lambda d: d.execute_script("return !!window.notescGraphView"), "graph.js to draw the canvas")
    # Painting waits for the next animation frame.
    return wait(driver, lambda d: d.execute_script(PAINTED) or False, "the canvas to be painted")


def main():
    run = Run()
    driver = make_driver()
    try:
        def canvas_instead_of_svg():
            driver.get(url("graph.html"))
            assert not driver.find_elements(By.CSS_SELECTOR, "svg.graph"), "no build-time SVG past the threshold"
            assert driver.find_element(By.CSS_SELECTOR, "canvas.graph-canvas")
            size = os.path.getsize(os.path.join(SITE, "graph.html"))
            assert size < 1_000_000, f"graph.html is {size} bytes"
            painted = open_graph(driver)
            assert painted > 0.01, f"{painted:.2%} of the canvas is painted"
            # In view: the canvas is on screen, and the middle node of the drawing too.
            seen = driver.execute_script("""
                var r = document.querySelector('canvas.graph-canvas').getBoundingClientRect(), v = window.notescGraphView;
                var p = v.clientPoint(Math.floor(v.nodeCount / 2));
                return {w: r.width, h: r.height, top: r.top, inside: p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom};""")
            assert seen["w"] > 200 and seen["h"] > 200 and seen["top"] < 900, f"the canvas is in view: {seen}"
            assert seen["inside"], f"the drawing is fitted to the canvas: {seen}"
            expect_no_console_errors(driver, "graph.html (canvas)")
        run.check("past the threshold graph.html draws a canvas from graph-data.js, in view", canvas_instead_of_svg)

        def zoom_and_filter():
            open_graph(driver)
            scale = driver.execute_script("return window.notescGraphView.scale()")
            driver.find_element(By.CSS_SELECTOR, ".graph-controls button[aria-label='Zoom in']").click()
            wait(driver, lambda d: d.execute_script("return window.notescGraphView.scale()") > scale, "Zoom in to zoom in")
            driver.find_element(By.CSS_SELECTOR, ".graph-controls button[aria-label='Fit the whole graph']").click()
            wait(driver, lambda d: abs(d.execute_script("return window.notescGraphView.scale()") - scale) < 1e-9, "Fit to fit again")
            before = settled_paint(driver)
            notes = driver.find_element(By.CSS_SELECTOR, ".graph-filter input[value='note']")
            notes.send_keys(Keys.SPACE)
            wait(driver, lambda d: d.execute_script(PAINTED) == 0, "hiding notes (and so every edge) to clear the canvas")
            notes.send_keys(Keys.SPACE)
            wait(driver, lambda d: abs(d.execute_script(PAINTED) - before) < 1e-9, "showing notes to draw them again")
            connects = driver.find_element(By.CSS_SELECTOR, ".graph-filter input[value='connects']")
            connects.click()
            wait(driver, lambda d: 0 < d.execute_script(PAINTED) < before, "hiding connections to draw less")
            connects.click()
            expect_no_console_errors(driver, "canvas zoom and filter")
        run.check("the canvas zooms, fits, and filters notes and edges", zoom_and_filter)

        def hover_and_click():
            open_graph(driver)
            # Zoom in on the first node, so that it is big and has its own place.
            driver.execute_script("""
                var c = document.querySelector('canvas.graph-canvas'), p = window.notescGraphView.clientPoint(0);
                for (var i = 0; i < 6; i++) c.dispatchEvent(new WheelEvent('wheel', {deltaY: -400, clientX: p.x, clientY: p.y, bubbles: true, cancelable: true}));""")
            wait(driver, lambda d: d.execute_script("return window.notescGraphView.scale()") > 0.5, "the wheel to zoom in")
            point = driver.execute_script("return window.notescGraphView.clientPoint(0)")
            title = driver.execute_script("return window.notescGraph.nodes[0][1]")
            canvas = driver.find_element(By.CSS_SELECTOR, "canvas.graph-canvas")
            box = canvas.rect
            dx = point["x"] - (box["x"] + box["width"] / 2)
            dy = point["y"] - (box["y"] - driver.execute_script("return scrollY") + box["height"] / 2)
            ActionChains(driver).move_to_element_with_offset(canvas, round(dx), round(dy)).perform()
            wait(driver, lambda d: canvas.get_attribute("title") == title, f"hovering the first node to name it ({title!r})")
            ActionChains(driver).click().perform()
            wait(driver, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), title), f"a click to open {title!r}")
            expect_no_console_errors(driver, "canvas click")
        run.check("hovering a node names it, and a click opens its note", hover_and_click)

        def keyboard():
            open_graph(driver)
            canvas = driver.find_element(By.CSS_SELECTOR, "canvas.graph-canvas")
            driver.execute_script("arguments[0].focus()", canvas)
            status = driver.find_element(By.ID, "graph-canvas-status")
            wait(driver, lambda d: status.get_attribute("textContent").endswith("Enter opens it."), "focus to pick the middle node")
            canvas.send_keys("+")
            canvas.send_keys(Keys.ARROW_RIGHT)
            said = wait(driver, lambda d: status.get_attribute("textContent") if status.get_attribute("textContent").endswith("Enter opens it.") else False,
                        "a node picked after moving")
            title = said[: -len(": Enter opens it.")]
            canvas.send_keys(Keys.ENTER)
            wait(driver, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), title), f"Enter to open {title!r}")
            expect_no_console_errors(driver, "canvas keyboard")
        run.check("from the keyboard the canvas moves, zooms, and Enter opens the note in the middle", keyboard)

        def the_list_is_capped():
            driver.get(url("graph.html"))
            items = driver.find_elements(By.CSS_SELECTOR, ".graph-list-notes > li")
            notes = sum(1 for _, _, files in os.walk(os.path.join(SITE, "notes")) for f in files if f.endswith(".html"))
            assert 0 < len(items) <= 1000 < notes, f"{len(items)} listed of {notes}"
            assert driver.find_element(By.CSS_SELECTOR, "details.graph-list p").get_attribute("textContent").startswith(f"The first {len(items)} of")
        run.check("the graph as a list stops at 1,000 notes and says so", the_list_is_capped)
    finally:
        driver.quit()
    print(f"{run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
