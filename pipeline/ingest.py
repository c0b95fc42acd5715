"""Source files to release text and metadata: .txt, .md (front matter), .html and .pdf.

The text returned is the text every offset indexes: decoded, newlines normalised to "\\n" (as
Python reads a text file), nothing else changed. For Markdown the front matter stays in the text
and `body_start` says where the release itself begins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ErrorCode, PressfactsError

SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
MAX_BYTES = 5_000_000
# Head lines that are not the headline: boilerplate, datelines, bylines, contacts.
NOT_A_HEADLINE = re.compile(
    r"^(for immediate release|press (release|service|office|centre|center)|news release"
    r"|media release|main points|highlights|contact|by [A-Z])"
    r"|^[A-Z][a-z]+,? \d{1,2}(st|nd|rd|th)? [A-Z][a-z]+ \d{4}$"
    r"|^(\w+, )?[A-Z][a-z]+\.? \d{1,2},? \d{4}$"
    r"|^(published:?|date:|release date:)?\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}\.?$"
    r"|^(published|release date|date)\b"
    r"|\(\d{3}\) \d{3}-\d{4}|^(tel|tdd|phone|fax)\b",
    re.IGNORECASE,
)
# Meta tags naming who published a page, most specific first.
ISSUER_META = ("og:site_name", "publisher", "author")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)


@dataclass
class SourceDocument:
    """A release as read from disk, before any NLP."""

    source: str
    format: str
    text: str
    body_start: int = 0
    title: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None
    issuer: str | None = None

    @property
    def sha256(self) -> str:
        """SHA-256 of the text, the key for offsets and caching."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def supported(path: Path) -> bool:
    """Whether the file's suffix is one pressfacts reads."""
    return path.suffix.lower() in SUFFIXES


def read_source(path: Path, *, max_bytes: int = MAX_BYTES) -> SourceDocument:
    """Read one release file; raise PressfactsError with a coded reason when it cannot be read."""
    if not path.is_file():
        raise PressfactsError(ErrorCode.E001, path=path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise PressfactsError(ErrorCode.E002, suffix=path.suffix, path=path)
    size = path.stat().st_size
    if size > max_bytes:
        raise PressfactsError(ErrorCode.E005, path=path, size=size, limit=max_bytes)
    data = path.read_bytes()
    if fmt == "pdf":
        doc = _read_pdf(path, data)
    else:
        text = decode(data, path)
        if fmt == "md":
            doc = _read_markdown(path, text)
        elif fmt == "html":
            doc = _read_html(path, text)
        else:
            doc = SourceDocument(source=str(path), format="txt", text=text)
    if not doc.text[doc.body_start :].strip():
        raise PressfactsError(ErrorCode.E003, path=path)
    if doc.title is None:
        doc.title = headline(doc.text[doc.body_start :])
    return doc


def decode(data: bytes, path: Path) -> str:
    """Decode bytes as UTF-8 (with or without BOM), else the detected legacy encoding."""
    if b"\x00" in data[:8192]:
        raise PressfactsError(ErrorCode.E004, path=path, detail="contains NUL bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise PressfactsError(
                ErrorCode.E004, path=path, detail="no text encoding fits"
            ) from None
        text = str(best)
    if _control_ratio(text) > 0.05:
        raise PressfactsError(ErrorCode.E004, path=path, detail="mostly control characters")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(text)


def _read_markdown(path: Path, text: str) -> SourceDocument:
    match = FRONT_MATTER.match(text)
    if not match:
        return SourceDocument(source=str(path), format="md", text=text)
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as e:
        raise PressfactsError(ErrorCode.E007, path=path, detail=str(e)) from e
    if not isinstance(meta, dict):
        raise PressfactsError(ErrorCode.E007, path=path, detail="front matter is not a mapping")
    published = _date_or_none(meta.get("date") or meta.get("published"))
    return SourceDocument(
        source=str(path),
        format="md",
        text=text,
        body_start=match.end(),
        title=_str_or_none(meta.get("title")),
        published=published,
        published_basis="metadata" if published else None,
        issuer=_str_or_none(meta.get("issuer")),
    )


def _read_html(path: Path, html: str) -> SourceDocument:
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    )
    if not text:
        raise PressfactsError(ErrorCode.E003, path=path)
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    published = _date_or_none(meta.date) if meta and meta.date else None
    return SourceDocument(
        source=str(path),
        format="html",
        text=text,
        title=title,
        published=published,
        published_basis="metadata" if published else None,
        issuer=_html_issuer(html, meta.sitename if meta else None, title),
    )


def _html_issuer(html: str, sitename: str | None, title: str | None) -> str | None:
    """The publishing body a page names: its site name, publisher or author meta tag.

    trafilatura falls back to the page title for a missing site name; a title is no issuer.
    """
    if sitename and sitename != title:
        return sitename
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, etree.ParserError):
        return None
    for key in ISSUER_META:
        for content in root.xpath(f"//meta[@name='{key}' or @property='{key}']/@content"):
            if content.strip() and content.strip() != title:
                return str(content).strip()
    return None


def _read_pdf(path: Path, data: bytes) -> SourceDocument:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as e:
        raise PressfactsError(ErrorCode.E012, path=path, detail=str(e)) from e
    text = unicodedata.normalize("NFKC", "\n\n".join(p.strip() for p in pages))
    if not text.strip():
        raise PressfactsError(ErrorCode.E006, path=path)
    return SourceDocument(source=str(path), format="pdf", text=text)


def headline(text: str) -> str | None:
    """The release's headline: the first heading line that is not letterhead or boilerplate.

    Lines before the first paragraph of prose are candidates; all-capitals letterhead, "For
    immediate release", press-service lines, datelines, bylines and contact lines are passed
    over. Without such a line, the first non-empty line.
    """
    lines = [line.strip().lstrip("#").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    heading = []
    for line in lines:
        if len(line) > 160 or (line.endswith(".") and len(line) > 80):
            break
        heading.append(line)
    candidates = [line for line in heading if not NOT_A_HEADLINE.search(line)]
    mixed_case = [line for line in candidates if not line.isupper()]
    chosen = mixed_case or candidates or lines
    return chosen[0][:300] if chosen else None


def _str_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _date_or_none(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
