"""The report in headless Chromium: no console errors, no page errors, no network requests.

Set PRESSFACTS_UPDATE_SCREENSHOT=1 to also save the page to docs/report.png.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.report.data import overview
from pipeline.report.html import render
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.paths import ROOT

SCREENSHOT = ROOT / "docs" / "report.png"


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_report_renders_cleanly_in_chromium(corpus_out: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    page_file.write_text(render(overview(corpus_out)), encoding="utf-8")
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: m.type == "error" and problems.append(m.text))
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: r.url.startswith("file:") or requests.append(r.url))
            page.goto(page_file.as_uri(), wait_until="load")
            assert page.locator("h1").inner_text() == "pressfacts report"
            assert page.locator("figure svg").count() >= 1
            if os.environ.get("PRESSFACTS_UPDATE_SCREENSHOT"):
                SCREENSHOT.parent.mkdir(exist_ok=True)
                page.screenshot(path=SCREENSHOT, full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert requests == []
