"""What keeps the review app local and its forms honest: CSRF tokens, headers, host binding."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from urllib.parse import urlsplit

CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_NAMES = ("localhost",)
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1"]

# Only our own script and stylesheet run; nothing is framed, embedded or fetched elsewhere.
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own POSTs.
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class Csrf:
    """A per-app secret and the token derived from it, carried by every form and POST."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)
        self.token = hmac.new(self._secret, b"pressfacts-review-csrf", hashlib.sha256).hexdigest()

    def valid(self, token: str | None) -> bool:
        """Whether a submitted token is this app's token (compared in constant time)."""
        return token is not None and hmac.compare_digest(token.encode(), self.token.encode())


def same_origin(origin: str | None, host: str | None) -> bool:
    """False when a browser says the request comes from another site than the one it targets."""
    if not origin:
        return True
    return origin != "null" and urlsplit(origin).netloc == (host or "")


def is_loopback(host: str) -> bool:
    """Whether binding to host keeps the app on this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
