"""End to end in a real headless browser: Playwright driving Debian's chromium.

The app runs under uvicorn in a background thread on 127.0.0.1 and a free port.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from pipeline.review.app import create_app

from ..browser import CHROMIUM, CHROMIUM_ARGS
from ..paths import ROOT
from .conftest import health, mia, showcase, write_out, xss

SCREENSHOT = ROOT / "docs" / "review.png"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"
)


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    """The app over four releases, served by uvicorn in a thread until the test ends."""
    out = write_out(tmp_path / "out", [mia(), health(), xss(), showcase()])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(out), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    """A headless chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_review_with_the_keyboard_survives_a_reload(browser, base_url):
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    release = f"{base_url}/releases/wl-moi-2024-h1"
    page.goto(release)
    assert page.locator("#p-c1").is_visible()  # the first open claim is selected

    page.keyboard.press("j")
    assert page.locator("#p-c2").is_visible() and not page.locator("#p-c1").is_visible()
    assert "sel=c2" in page.url
    page.keyboard.press("k")
    assert page.locator("#t-c1").get_attribute("class").endswith("selected")

    with page.expect_navigation():
        page.keyboard.press("a")  # accept c1; the next claim is selected
    assert "st-accepted" in page.locator("#t-c1").get_attribute("class")
    assert page.locator("#p-c2").is_visible()

    page.keyboard.press("e")  # open the correction form of c2, focus its first field
    for _ in range(3):  # value → unit → kind → measure
        page.keyboard.press("Tab")
    page.keyboard.type("registered crimes")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.reload()
    assert "sel=c2" in page.url
    panel = page.locator("#p-c2")
    assert panel.is_visible()
    assert "st-corrected" in page.locator("#t-c2").get_attribute("class")
    assert "registered crimes" in panel.inner_text()
    assert panel.locator(".status").inner_text() == "corrected"
    assert "st-accepted" in page.locator("#t-c1").get_attribute("class")

    for key in ("j", "a", "a"):  # accept c3 and c4 as well, for the screenshot
        if key == "j":
            page.keyboard.press(key)
            continue
        with page.expect_navigation():
            page.keyboard.press(key)
    page.locator("#flag-f1 [name=reason]").fill("1,020 → 912 is 10.6 percent")
    with page.expect_navigation():
        page.locator("#flag-f1 button", has_text="Confirm").click()
    page.goto(f"{release}?sel=c2")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    with page.expect_navigation():
        page.keyboard.press("u")  # undo the flag's confirmation
    assert page.locator("#flag-f1 .status").inner_text() == "open"
    assert errors == []


def test_selecting_text_fills_the_add_form(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}/releases/mia-2024")
    page.evaluate(
        """() => {
            const text = document.getElementById("text");
            const node = Array.from(text.childNodes).find(
                (n) => n.nodeType === 3 && n.textContent.includes("2022"));
            const at = node.textContent.indexOf("2022");
            const range = document.createRange();
            range.setStart(node, at - 1);
            range.setEnd(node, at + 4);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            text.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
        }"""
    )
    form = page.locator("#add form")
    assert page.locator("#add").get_attribute("open") is not None
    assert form.locator("[name=text]").input_value() == "2022"  # the space trimmed
    offset = int(form.locator("[name=start]").input_value())
    assert offset == page.evaluate("document.getElementById('text').textContent.indexOf('2022')")
    assert form.locator("[name=value]").input_value() == "2022"
    form.locator("[name=kind]").select_option("other")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator("#text .st-added").inner_text() == "2022"


def test_basic_actions_work_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/releases/mia-2024")
    page.locator("#t-c3").click()  # a plain link: ?sel=c3
    assert page.locator("#p-c3").is_visible()
    page.locator("#p-c3 form.reject [name=reason]").fill("not a claim")
    page.locator("#p-c3 form.reject button").click()
    assert "st-rejected" in page.locator("#t-c3").get_attribute("class")
    page.locator("#flag-f1 [name=reason]").fill("checked")
    page.locator("#flag-f1 button", has_text="Confirm").click()
    assert page.locator("#flag-f1 .status").inner_text() == "confirmed"
    context.close()


def test_a_release_with_script_in_its_text_raises_no_dialog(browser, base_url):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base_url}/")
    page.goto(f"{base_url}/releases/xss-2025")
    page.locator("#t-c1").click()
    page.wait_for_timeout(300)
    assert "<script>alert(1)</script>" in page.locator("#text").inner_text()
    assert "<img src=x onerror=alert(1)>" in page.locator("#text").inner_text()
    assert page.locator("#text img, #text script, #text b").count() == 0
    assert dialogs == []
