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
    finally:
        driver.quit()
    print(f"{run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
