"""Reading source files: formats, encodings, and coded errors for bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.errors import PressfactsError
from pipeline.ingest import read_source

TEXT = "Ministry of Health\n\nIn 2023 the ministry registered 1 204 cases of measles.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", TEXT.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8")),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows newlines"],
)
def test_text_is_decoded_and_newlines_normalised(tmp_path: Path, name: str, data: bytes) -> None:
    doc = read_source(write(tmp_path, name, data))
    assert doc.text == TEXT
    assert doc.format == "txt"
    assert doc.title == "Ministry of Health"


def test_cp1251_is_detected(tmp_path: Path) -> None:
    text = (
        "Министерство внутренних дел сообщает: за январь–июнь зарегистрировано 1 204 "
        "преступления, раскрыто 86,7 процента из них. Пресс-служба министерства.\n"
    )
    doc = read_source(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert doc.text == text


def test_markdown_front_matter_gives_metadata_and_body_offset(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Quarterly crime figures\ndate: 2024-04-11\nissuer: Ministry of Justice\n---\n"
    )
    doc = read_source(write(tmp_path, "q1.md", (front + TEXT).encode()))
    assert doc.text == front + TEXT
    assert doc.body_start == len(front)
    assert (doc.title, doc.published, doc.published_basis, doc.issuer) == (
        "Quarterly crime figures",
        dt.date(2024, 4, 11),
        "metadata",
        "Ministry of Justice",
    )


def test_html_text_and_date(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Measles cases fall</title>"
        '<meta name="date" content="2024-03-05"></head><body><nav>Home | News</nav>'
        "<article><h1>Measles cases fall</h1><p>The Ministry of Health registered 1,204 cases of "
        "measles in 2023, down from 1,530 in 2022, a fall of 21.3 percent.</p>"
        "<p>Vaccination coverage reached 94 percent of children under two.</p></article>"
        "</body></html>"
    )
    doc = read_source(write(tmp_path, "page.html", html.encode()))
    assert "registered 1,204 cases of measles" in doc.text
    assert "<p>" not in doc.text
    assert doc.published == dt.date(2024, 3, 5)
    assert doc.issuer is None  # trafilatura guesses the title as site name: no issuer


@pytest.mark.parametrize(
    ("meta", "issuer"),
    [
        ('<meta property="og:site_name" content="Ministry of Health">', "Ministry of Health"),
        ('<meta name="author" content="National Police Service">', "National Police Service"),
        (
            '<meta name="author" content="Press Office"><meta name="publisher" content="Customs">',
            "Customs",
        ),
        ('<meta name="author" content="Measles cases fall">', None),
    ],
    ids=["site-name", "author", "publisher-before-author", "title-is-no-issuer"],
)
def test_html_issuer_from_meta(tmp_path: Path, meta: str, issuer: str | None) -> None:
    html = (
        f"<html><head><title>Measles cases fall</title>{meta}</head><body><article>"
        "<p>The number of measles cases fell to 1,204 in 2023 from 1,530 in 2022.</p>"
        "</article></body></html>"
    )
    assert read_source(write(tmp_path, "page.html", html.encode())).issuer == issuer


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand (no PDF writer needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_pdf_text_layer(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "r.pdf", minimal_pdf("Police registered 412 thefts.")))
    assert doc.format == "pdf"
    assert "Police registered 412 thefts." in doc.text


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E003"),
        ("blank.txt", b" \n\n\t\n", "E003"),
        ("binary.txt", b"\x00\x01\x02garbage" * 50, "E004"),
        ("scan.pdf", minimal_pdf(""), "E006"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "E012"),
        ("table.xlsx", b"PK\x03\x04", "E002"),
    ],
    ids=["empty", "whitespace only", "binary", "pdf without text", "broken pdf", "unsupported"],
)
def test_bad_input_raises_coded_error(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    with pytest.raises(PressfactsError) as info:
        read_source(write(tmp_path, name, data))
    assert info.value.code.name == code


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"x" * 2000)
    with pytest.raises(PressfactsError) as info:
        read_source(path, max_bytes=1000)
    assert info.value.code.name == "E005"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PressfactsError) as info:
        read_source(tmp_path / "nope.txt")
    assert info.value.code.name == "E001"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("Police report fewer thefts\n\nIn 2023 ...", "Police report fewer thefts"),
        (
            "MINISTRY OF HEALTH\nPress service\n\nMeasles cases fall in 2023\n\n",
            "Measles cases fall in 2023",
        ),
        (
            "FOR IMMEDIATE RELEASE\nFriday, November 17, 2017\n\nOffice releases annual report\n",
            "Office releases annual report",
        ),
        (
            "Capital, 9 August 2024\n\nCrime statistics: January–July 2024\n",
            "Crime statistics: January–July 2024",
        ),
        (
            "Press Release of the Press Service\n\n" + "On May 3 the ministry held a meeting. " * 5,
            "Press Release of the Press Service",
        ),
    ],
    ids=[
        "first line",
        "letterhead and press service",
        "boilerplate and date",
        "dateline",
        "nothing better",
    ],
)
def test_title_is_the_headline(tmp_path: Path, head: str, title: str) -> None:
    doc = read_source(
        write(tmp_path, "r.txt", (head + "\nThe ministry registered 12 cases.\n").encode())
    )
    assert doc.title == title
