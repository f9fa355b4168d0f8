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

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

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

        def site_title():
            driver.get(url("index.html"))
            brand = driver.find_element(By.CSS_SELECTOR, ".brand").text
            assert brand == "My TIL", f"a plain folder is named by its home note, not 'Study notes': {brand!r}"
        run.check("a plain folder's site is named by its README's title", site_title)

        def previews():
            driver.get(url("index.html"))
            link = driver.find_element(By.CSS_SELECTOR, ".home-content a[href$='rebase.html']")
            ActionChains(driver).move_to_element(link).perform()
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".note-preview:not([hidden])"), "a preview of the linked note")
            box = driver.find_element(By.CSS_SELECTOR, ".note-preview")
            assert "Interactive rebase" in box.text and "rewrites the last three commits" in box.text, box.text
            assert link.get_attribute("aria-describedby") == "note-preview"
            # Away from the link, the preview goes.
            ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, ".site-footer")).perform()
            wait(driver, lambda d: not d.find_element(By.CSS_SELECTOR, ".note-preview").is_displayed(), "the preview to hide")
            # A link to a heading previews that section; keyboard focus shows it too.
            driver.get(url("notes/tools/make.html"))
            section_link = driver.find_element(By.CSS_SELECTOR, "main a[href*='rebase.html#squash']")
            driver.execute_script("arguments[0].focus()", section_link)
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".note-preview:not([hidden])"), "a preview on focus")
            text = driver.find_element(By.CSS_SELECTOR, ".note-preview-text").text
            assert text.startswith("Squash") and "fold it into the one above" in text, text
            assert "rewrites the last three commits" not in text, "the section, not the note's opening"
            section_link.send_keys(Keys.ESCAPE)
            wait(driver, lambda d: not d.find_element(By.CSS_SELECTOR, ".note-preview").is_displayed(), "Escape to hide the preview")
            expect_no_console_errors(driver, "previews")
        run.check("hovering or focusing a link previews its note or section, from disk", previews)

        def theme():
            driver.get(url("index.html"))
            driver.execute_script("localStorage.clear()")
            driver.refresh()
            button = driver.find_element(By.ID, "theme-toggle")
            assert button.is_displayed() and "System" in button.text, button.text
            def background():
                return driver.execute_script("return getComputedStyle(document.body).backgroundColor")
            button.click()
            assert driver.execute_script("return document.documentElement.dataset.theme") == "light"
            assert background() == "rgb(255, 255, 255)", background()
            button.click()
            assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
            assert background() == "rgb(15, 17, 21)", background()
            # The choice is remembered on the next page, before it paints.
            driver.get(url("notes/tools/make.html"))
            assert driver.execute_script("return document.documentElement.dataset.theme") == "dark"
            assert background() == "rgb(15, 17, 21)", background()
            assert "Dark" in driver.find_element(By.ID, "theme-toggle").text
            driver.find_element(By.ID, "theme-toggle").click()
            assert driver.execute_script("return document.documentElement.dataset.theme") is None, "back to the system's"
            assert driver.execute_script("return localStorage.getItem('notesc-theme')") is None
            expect_no_console_errors(driver, "the theme toggle")
        run.check("the theme toggle cycles system, light, dark and is remembered", theme)
    finally:
        driver.quit()
    print(f"{run.passed} passed, {run.failed} failed")
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
