#!/usr/bin/env python3
"""Opens the site of a nested plain folder (Tests/browser/nested) from disk in
headless Chromium and walks it as a reader would (DESIGN §5): the README is
the home page's content, the home page lists notes by folder, folder pages
and breadcrumbs lead up and down, and no study parts show. No console errors.
Prints `N passed, M failed`.

    python3 Tests/browser/test_nav.py SITE_DIR
"""
import os
import sys

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_site  # noqa: E402  (shares the driver, deadlines and checks)
from test_site import Run, expect_no_console_errors, make_driver, wait  # noqa: E402

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "nested-site")
test_site.SITE = SITE


def url(path):
    return "file://" + os.path.join(SITE, path)


def main():
    run = Run()
    driver = make_driver()
    try:
        def home():
            driver.get(url("index.html"))
            content = driver.find_element(By.CSS_SELECTOR, ".home-content")
            assert "Today I learned" in content.text, "the README is the home page's content"
            groups = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".home-notes h3")]
            assert [g.split()[0] for g in groups] == ["Top", "lang", "tools"], groups
            nav = driver.find_element(By.CSS_SELECTOR, ".site-nav").text
            assert "Systems" not in nav and "Topics" not in nav, nav
            assert "claims" not in driver.find_element(By.CSS_SELECTOR, ".stats").text
            expect_no_console_errors(driver, "the home page")
        run.check("the README heads the home page, notes are listed by folder, no study parts", home)

        def down_and_up():
            driver.get(url("index.html"))
            driver.find_element(By.LINK_TEXT, "tools").click()
            wait(driver, lambda d: d.current_url.endswith("folders/tools/index.html"), "the folder page of tools")
            driver.find_element(By.PARTIAL_LINK_TEXT, "git/").click()
            wait(driver, lambda d: d.current_url.endswith("folders/tools/git/index.html"), "the folder page of tools/git")
            driver.find_element(By.LINK_TEXT, "Interactive rebase").click()
            wait(driver, lambda d: d.current_url.endswith("notes/tools/git/rebase.html"), "the note page")
            crumbs = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")]
            assert crumbs == ["Home", "tools", "git", "Interactive rebase"], crumbs
            expect_no_console_errors(driver, "the note page")
            driver.find_element(By.CSS_SELECTOR, ".breadcrumbs").find_element(By.LINK_TEXT, "tools").click()
            wait(driver, lambda d: d.current_url.endswith("folders/tools/index.html"), "back up to tools")
            driver.find_element(By.CSS_SELECTOR, ".breadcrumbs").find_element(By.LINK_TEXT, "Home").click()
            wait(driver, lambda d: d.current_url.endswith("/index.html") and "folders" not in d.current_url, "back home")
            expect_no_console_errors(driver, "the folder pages")
        run.check("folder pages and breadcrumbs lead down to a note and back up", down_and_up)
    finally:
        driver.quit()
    print(f"{run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
