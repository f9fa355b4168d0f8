#!/usr/bin/env python3
"""Opens the site of an Obsidian-style fixture vault from disk in headless
Chromium and checks what Obsidian shows is what the page shows (DESIGN §2a):
KaTeX typesets every math span, code in a language is highlighted, Mermaid
blocks are left for Mermaid, an embedded section shows in place, with no
console errors and no network.
Prints `N passed, M failed`.

    python3 Tests/browser/test_vault.py SITE_DIR
"""
import os
import sys

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_site  # noqa: E402  (shares the driver, deadlines and checks)
from test_site import Run, expect_no_console_errors, make_driver, wait  # noqa: E402

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "vault-site")
test_site.SITE = SITE


def url(path):
    return "file://" + os.path.join(SITE, path)


def main():
    run = Run()
    driver = make_driver()
    try:
        def math():
            driver.get(url("notes/Softmax and friends.html"))
            spans = driver.find_elements(By.CSS_SELECTOR, ".math")
            assert len(spans) == 5, f"5 math spans, found {len(spans)}"
            wait(driver, lambda d: all(s.find_elements(By.CSS_SELECTOR, ".katex") for s in spans), "KaTeX in every math span")
            assert len(driver.find_elements(By.CSS_SELECTOR, ".math-display .katex-display")) == 2, "two display formulas"
            assert not driver.find_elements(By.CSS_SELECTOR, ".katex-error"), "KaTeX reported a TeX error"
            text = driver.find_element(By.TAG_NAME, "article").text
            assert "$5M and another $10M" in text, "prices stay text"
            expect_no_console_errors(driver, "the math page")
        run.check("KaTeX typesets every math span, from disk", math)

        def code():
            driver.get(url("notes/Code samples.html"))
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "code.language-ruby.hljs .hljs-keyword"), "Ruby highlighted")
            assert driver.find_elements(By.CSS_SELECTOR, "code.language-python.hljs .hljs-comment"), "Python highlighted"
            mermaid = driver.find_element(By.CSS_SELECTOR, "pre.mermaid code")
            assert "hljs" not in (mermaid.get_attribute("class") or ""), "Mermaid is left for Mermaid"
            assert "A --> B" in mermaid.text
            expect_no_console_errors(driver, "the code page")
        run.check("highlight.js highlights code in a language; mermaid is left alone", code)

        def embed():
            driver.get(url("notes/Loss functions.html"))
            body = driver.find_element(By.CSS_SELECTOR, "article .embed .embed-body")
            assert body.is_displayed(), "the embed is shown"
            assert "Cross-entropy measures how far" in body.text, "the embedded section's text is visible"
            assert "Frameworks fuse it" not in body.text, "the section ends at the next heading"
            spans = body.find_elements(By.CSS_SELECTOR, ".math")
            assert len(spans) == 3, f"3 math spans in the embed, found {len(spans)}"
            wait(driver, lambda d: all(s.find_elements(By.CSS_SELECTOR, ".katex") for s in spans), "KaTeX in the embed")
            source = driver.find_element(By.CSS_SELECTOR, "article .embed .embed-source a")
            assert source.get_attribute("href").endswith("notes/Cross-entropy.html#definition"), source.get_attribute("href")
            expect_no_console_errors(driver, "the embedding page")
        run.check("an embedded section shows in place, its math typeset", embed)
        def folded_callout():
            driver.get(url("notes/Callouts.html"))
            folded = driver.find_element(By.CSS_SELECTOR, 'details.callout[data-callout="tip"]')
            body = folded.find_element(By.CSS_SELECTOR, ".callout-body")
            assert folded.get_dom_attribute("open") is None and not body.is_displayed(), "a `-` callout starts closed"
            opened = driver.find_element(By.CSS_SELECTOR, 'details.callout[data-callout="warning"]')
            assert opened.find_element(By.CSS_SELECTOR, ".callout-body").is_displayed(), "a `+` callout starts open"
            folded.find_element(By.CSS_SELECTOR, "summary.callout-title").click()
            wait(driver, lambda d: body.is_displayed() and folded.get_dom_attribute("open") is not None,
                 "the folded callout to open on a click on its title")
            assert "Hidden until" in body.text, body.text
            expect_no_console_errors(driver, "callouts page")
        run.check("a folded callout is closed, and opens on a click", folded_callout)
        def images_and_fragments():
            driver.get(url("notes/Images and anchors.html"))
            images = driver.find_elements(By.CSS_SELECTOR, "article img")
            assert len(images) == 3, f"3 images, found {len(images)}"
            wait(driver, lambda d: all(d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", i) for i in images),
                 "every image to load from disk")
            assert images[1].get_attribute("width") == "30", "|30 sets the width"
            paragraph = driver.execute_script("return document.getElementById('^linkable-paragraph').parentElement.textContent")
            assert paragraph.strip() == "This paragraph can be linked to.", f"a block id is never printed: {paragraph!r}"
            # Every link to a fragment lands on an element of its page.
            targets = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "article a[href*='#']")]
            assert len(targets) >= 4, targets
            for href in targets:
                driver.get(href)
                fragment = driver.execute_script("return decodeURIComponent(location.hash.slice(1))")
                assert driver.execute_script("return !!document.getElementById(arguments[0])", fragment), f"{href} lands on no element"
            expect_no_console_errors(driver, "the images page")
        run.check("every image loads and every #fragment link lands on an element", images_and_fragments)

    finally:
        driver.quit()
    print(f"{run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
