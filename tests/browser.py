"""Debian's chromium for the browser tests, launched the way this machine allows."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox as root; no background connections (the network is closed here).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
