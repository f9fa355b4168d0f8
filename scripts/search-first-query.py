#!/usr/bin/env python3
"""What a first search query loads from a built site opened from disk: types
each query into a fresh headless Chromium page and sums the sizes of the
index scripts (`search/...`) the page added.

    python3 scripts/search-first-query.py SITE_DIR QUERY...
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

site = os.path.abspath(sys.argv[1])
options = webdriver.ChromeOptions()
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    options.add_argument(arg)
# Debian's chromium and chromedriver, as the browser tests use; Selenium's
# own manager would try to download a browser.
options.binary_location = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), "")
driver_path = next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p)), None)
driver = webdriver.Chrome(service=Service(driver_path) if driver_path else Service(), options=options)
try:
    for query in sys.argv[2:]:
        driver.get("file://" + os.path.join(site, "index.html"))
        box = driver.find_element(By.ID, "search-input")
        box.click()
        box.send_keys(query)
        # Done when the status has said the same number of results for a second.
        seen = []
        def settled(d):
            seen.append(d.find_element(By.ID, "search-status").get_attribute("textContent") or "")
            return "result" in seen[-1] and len(seen) > 10 and len(set(seen[-10:])) == 1
        WebDriverWait(driver, 60, poll_frequency=0.1).until(settled)
        status = seen[-1]
        loaded = driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('script[src*=\"search/\"]'),"
            " function (s) { return s.getAttribute('src'); })")
        sizes = {path: os.path.getsize(os.path.join(site, path)) for path in loaded}
        shards = sum(v for k, v in sizes.items() if "/p/" in k)
        docs = sum(v for k, v in sizes.items() if "/d/" in k)
        print(f"{query!r}: {status}; {len(loaded)} scripts, {sum(sizes.values()):,} bytes "
              f"(manifest {sizes.get('search/manifest.js', 0):,}, shards {shards:,}, documents {docs:,})")
finally:
    driver.quit()
