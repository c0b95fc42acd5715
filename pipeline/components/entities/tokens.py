"""Name runs: which tokens can be words of a name, where a run of them starts and ends, and
the usual case of words written in capitals."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...extensions import doc_text

FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&", "de"})
CLOSED_CLASSES = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"})
QUOTES = frozenset({'"', "“", "”"})
BREAKS = frozenset({":", ";", "–", "—", "•", "(", ")", "|", '"', "“", "”", "/"})
# Words a headline in Title Case leaves in lower case.
MINOR_WORDS = FUNCTION_WORDS | {"a", "an", "at", "by", "to", "with", "as", "from", "or", "but"}


def is_name(token: Token) -> bool:
    """A capitalised word with a letter in it."""
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def is_modifier(token: Token) -> bool:
    """A capitalised word that can open a name: not 'In', not a sentence-initial 'Today'. In
    capitals the tags are no evidence ('SOUTH/RB AFRICAN/VB POLICE SERVICE')."""
    if token.is_alpha and token.text.isupper():
        return token.lower_ not in MINOR_WORDS
    if not is_name(token) or token.pos_ in CLOSED_CLASSES:
        return False
    return not token.is_sent_start or token.pos_ in ("PROPN", "ADJ")


def is_acronym(text: str) -> bool:
    """Two to eight capital letters, dots aside: 'FBI', 'U.S.'."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def joins(doc: Doc, i: int) -> bool:
    """A hyphen inside a word: 'Ivano-Frankivsk'."""
    return (
        doc[i].text == "-"
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
    )


def name_run(doc: Doc, i: int, stops: set[int]) -> int:
    """End of the run of capitalised words that starts at token i."""
    k = i
    while k < len(doc) and k not in stops:
        if is_name(doc[k]) or (k > i and (joins(doc, k) or doc[k].lower_ == "'s")):
            k += 1
        else:
            break
    while k > i and not is_name(doc[k - 1]):
        k -= 1
    return k


def name_run_left(doc: Doc, end: int) -> int:
    """Start of the run of capitalised words that ends before token end."""
    start = end
    while start > 0 and (is_modifier(doc[start - 1]) or (start < end and joins(doc, start - 1))):
        start -= 1
    return start


def segments(
    doc: Doc, start: int, end: int, breaks: frozenset[str] = BREAKS
) -> list[tuple[int, int]]:
    """Cut a span at line breaks, colons, dashes (a hyphen between spaces is one: 'OTTAWA -
    Health Canada'), bullets and brackets (or other breaks)."""
    found, begin = [], start
    for i in range(start, end):
        dash = doc[i].text == "-" and i > 0 and bool(doc[i].whitespace_ and doc[i - 1].whitespace_)
        if doc[i].is_space or doc[i].text in breaks or "\n" in doc[i].text or dash:
            found.append((begin, i))
            begin = i + 1
    found.append((begin, end))
    return [(s, e) for s, e in found if e > s]


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and punctuation, trailing punctuation, numbers and "'s"."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].like_num
        or doc[end - 1].lower_ in FUNCTION_WORDS | {"'s", "’s"}
    ):
        end -= 1
    return start, end


def clean(text: str) -> str:
    """The text on one line, runs of white space as one space."""
    return " ".join(text.split())


def coordination(token: Token) -> Token:
    """The first of the words coordinated with this one: 'Lviv' for 'Dnipro' in 'Lviv, Odesa
    and Dnipro'."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def opens_sentence(doc: Doc, i: int) -> bool:
    """Whether token i is the first word of a sentence, a line or a bullet, where a capital
    is no evidence of a name."""
    j = i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].is_space) and doc[j].text != ",":
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j < doc[i].sent.start


def in_headline(doc: Doc, i: int) -> bool:
    """Whether token i stands on a line in Title Case or capitals, where capitals are no
    evidence of a name: 'Dayton Man Sentenced to 15 Years'."""
    text = doc_text(doc)
    first = text.rfind("\n", 0, doc[i].idx) + 1
    last = text.find("\n", doc[i].idx)
    words = re.findall(r"[^\W\d_]+", text[first : last if last >= 0 else len(text)])
    return len(words) > 2 and all(w[0].isupper() or w in MINOR_WORDS for w in words)


def usual_case(text: str) -> str:
    """Words of a text in capitals in their usual case, for looking them up: 'MINISTRY' ->
    'Ministry'; words of three letters or fewer may be acronyms and stay."""
    if not text.isupper():
        return text
    return re.sub(r"\b[A-Z]{4,}\b", lambda m: m.group(0).capitalize(), text)
