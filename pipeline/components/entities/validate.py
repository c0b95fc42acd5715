"""Validation of a proposed span: trim it, then accept, relabel or reject it by its words,
the titles around it and the case the doc writes its words in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ...extensions import doc_text
from .lexicon import Lexicon
from .scan import Candidate, Scan
from .tokens import (
    FUNCTION_WORDS,
    MINOR_WORDS,
    QUOTES,
    in_headline,
    is_acronym,
    is_name,
    joins,
    opens_sentence,
    trim,
    usual_case,
)

# A fiscal year, quarter or half written as one word: 'FY2024', 'Q1', "FY'24", 'FY2023/24'.
PERIOD_LABEL = re.compile(r"(FY|CY|Q[1-4]|H[12])['’]?(\d{2}|\d{4})?(/\d{2,4})?")


@dataclass
class Context:
    """What validation knows about the doc: where titles are, which surnames are known."""

    zone: set[int]  # tokens of title heads and their modifiers
    complements: set[int]  # tokens of the "of ..." parts of titles
    title_starts: set[int]
    title_ends: set[int]  # the token after a title and its complement
    surnames: dict[str, int]
    scan: Scan


def validate(doc: Doc, lex: Lexicon, cand: Candidate, context: Context) -> Candidate | None:
    """Trim a candidate, then accept, relabel or reject it."""
    zone, surnames = context.zone, context.surnames
    start, end = trim(doc, cand.start, cand.end)
    for i in range(start + 1, end - 1):  # "Later the Police Agency": the name starts after
        if doc[i].lower_ == "the" and doc[i - 1].lower_ not in FUNCTION_WORDS:
            start = i + 1
    if cand.label == "PERSON":
        while start < end and (
            start in zone or doc[start].lower_ in lex.modifiers or rank(doc, start, end)
        ):
            start += 1
    if cand.label == "ORG" and start in zone:
        start = after_title(doc, lex, start, end, zone)
    if end <= start or not is_name(doc[start]) or all(i in zone for i in range(start, end)):
        return None  # nothing left, or only a title ('U.S.' of 'U.S. Attorney')
    if doc[start - 1 : start].text in QUOTES and doc[end : end + 1].text in QUOTES:
        return None  # a quoted name is a programme or a system: 'the "Safe City" system'
    raw = [t.text for t in doc[start:end] if not t.is_punct]
    acronym = any(map(is_acronym, raw))  # in running text; a letterhead is all capitals
    text = usual_case(doc[start:end].text)  # for looking words up: 'MINISTRY' -> 'Ministry'
    words = [usual_case(w) for w in raw]
    single = end - start == 1
    label = cand.label
    has_head = any(w in lex.heads for w in words)
    if text.lower() in lex.generic:
        return None  # 'Background', 'Press Release'
    if PERIOD_LABEL.fullmatch(text):
        return None  # 'in FY2024': a period
    if cand.origin == "model" and not has_head and heading(doc, start, end, label, context.scan):
        return None  # 'Methodology' on a line of its own
    if text in lex.country_of and text not in lex.demonyms:
        label = "GPE"
    elif text in lex.demonyms:
        return None
    elif label == "GPE" and cand.origin == "model" and labelled(doc, lex, end):
        return None  # 'the Clothing and Footwear index'
    elif single and cand.origin == "model" and capitalised_to_open(doc, start, context.scan):
        return None  # 'Fever clinics ...' in a text that writes 'fever'
    elif (
        single
        and label == "GPE"
        and cand.origin == "model"
        and lowered_anywhere(doc, start, end, context.scan)
    ):
        return None  # 'published in Crime in England and Wales' in a text on knife crime
    elif described(doc, start, end, context.scan):
        return None  # 'Ontario Expanding Mental Health Services for Students'
    elif label == "GPE" and cand.origin == "model" and acronym and not in_headline(doc, start):
        label = "ORG"  # 'UNICEF' (the countries that go by letters are in the gazetteer)
    elif label == "LOC":
        return None if cand.origin != "region" else Candidate(start, end, "GPE", cand.origin)
    elif label == "PERSON":
        if all(w in lex.heads or w.lower() in lex.modifiers for w in words) or (
            words[-1] in lex.heads and start - 1 not in zone
        ):
            return Candidate(start, end, "ORG", cand.origin) if words[-1] in lex.heads else None
        if acronym or any(w.islower() and w not in lex.particles for w in words):
            return None  # 'Vibrio cholerae'
        if single and text.rsplit(".", 1)[-1] not in surnames and start - 1 not in zone:
            return None
        if cand.origin == "model" and lowered(doc, start, end, context.scan):
            return None
    elif label == "ORG":
        if document(doc, lex, start, end, words):
            return None  # 'Labour Force Survey', 'Crime Survey for England and Wales'
        if role(doc, lex, end, words):
            return None  # 'Force Public Relations Officer', 'Commissioners of Police'
        if not has_head and (
            words[-1] in lex.non_org_heads
            or words[0].lower() in lex.programmes
            or next_word(doc, end).lower() in lex.programmes
            or labelled(doc, lex, end)
        ):
            return None  # 'Consumer Price Index', 'the Transport index', 'the X initiative'
        if not has_head and any(
            t.is_lower and t.is_alpha and t.lower_ not in MINOR_WORDS for t in doc[start:end]
        ):
            return None  # a common noun opening a sentence: 'Fever clinics screened ...'
        if single and not has_head and opens_sentence(doc, start) and paired_noun(doc, end):
            return None  # 'Machinery and transport equipment': a common noun, capitalised
        if single and not has_head and text.lower() in lex.place_nouns:
            return None  # 'the State', 'the Region': a place noun, no name
        if single and acronym and currency(doc, end):
            return None  # 'PLN 9.3 million'
        if single and acronym and doc[start - 1 : start].text.lower() in ("a", "an"):
            return None  # 'visit a GP', 'an NGO': a kind of body, no name
        if single and not has_head and cand.origin != "union" and doc[start].tag_ == "JJ":
            return None  # 'Aboriginal communities': an adjective
        if not has_head and doc[end : end + 1].text in lex.regions:
            return None  # 'the Vyborg and Gatchina districts': places (see places.regions)
        if single and not has_head and unattested(doc, start, context.scan):
            return None
        in_title = any(i in zone for i in range(start, end))
        in_complement = start in context.complements and not acronym
        if not has_head and (in_title or in_complement):
            return None  # a title ('Major General of Justice', "Victoria's Chief Health
            # Officer") or a part of one
        if in_complement and portfolio(doc, lex, start, words):
            return None  # 'Director of Health Services', 'Chief of Police'
        if text in surnames or (not has_head and named_like_person(doc, start, end, context)):
            label = "PERSON"
            start += rank(doc, start, end)
        elif single and not has_head and not acronym:
            if doc[start].pos_ != "PROPN" and not coined(doc, start, context.scan):
                return None
            if start > 0 and doc[start - 1].lower_ in lex.locatives | lex.directions:
                label = "GPE"
    return Candidate(start, end, label, cand.origin)


def portfolio(doc: Doc, lex: Lexicon, start: int, words: list[str]) -> bool:
    """Whether the words right after a title's 'of' or 'for' name its field, not a body: no
    'the' before them, and only organisation words and title modifiers ('Director of Health
    Services'; not 'Head of Patrol Police Department')."""
    return doc[start - 1].lower_ in ("of", "for") and all(
        w in lex.heads or w.lower() in lex.modifiers | MINOR_WORDS for w in words
    )


def rank(doc: Doc, start: int, end: int) -> bool:
    """Whether a person's name opens with a rank in letters: 'ACP' of 'ACP Olumuyiwa
    Adejobi'."""
    return end - start > 2 and is_acronym(doc[start].text)


def after_title(doc: Doc, lex: Lexicon, start: int, end: int, zone: set[int]) -> int:
    """Start of the organisation in a name that opens with a title: 'South African Police
    Service' of 'National Commissioner of the South African Police Service' (the start is
    kept unless 'of' or 'for' and an organisation head follow the title)."""
    i = start
    while i < end and (i in zone or joins(doc, i)):  # 'Inspector-General'
        i += 1
    if doc[i : i + 1].text.lower() not in ("of", "for"):
        return start  # "U.S. Attorney's Office", 'Chief Regional Security Administration'
    i += 1
    if doc[i : i + 1].text.lower() == "the":
        i += 1
    return i if any(usual_case(t.text) in lex.heads for t in doc[i:end]) else start


def heading(doc: Doc, start: int, end: int, label: str, scan: Scan) -> bool:
    """Whether a name the model found is a heading: alone on its line. A person's full name
    alone on a line is a signature unless a paragraph follows it ('Key Findings') or the text
    writes one of its words in lower case ('Juvenile Justice' above a paragraph on justice)."""
    text = doc_text(doc)
    first = text.rfind("\n", 0, doc[start].idx) + 1
    last = text.find("\n", doc[end - 1].idx)
    line = text[first : last if last >= 0 else len(text)].strip(" \t#*_:•-")
    if line != doc[start:end].text:
        return False
    if label != "PERSON" or end - start == 1 or last < 0:
        return True
    following = next((x for x in text[last:].splitlines() if x.strip()), "")
    return len(following.split()) >= 10 or lowered_anywhere(doc, start, end, scan)


def role(doc: Doc, lex: Lexicon, end: int, words: list[str]) -> bool:
    """Whether an organisation-like name names a post: its head word (the last before 'of' or
    'for') is a title ('Force Public Relations Officer', 'Commissioners of Police'), not one
    after an organisation word ('Directorate General'), or the name runs on into a title
    ('Force Public Relations' of 'Force Public Relations Officer')."""
    head = head_words(words)
    if head and head[-1].lower() in lex.roles:
        return not (len(head) > 1 and head[-2] in lex.heads)
    return end < len(doc) and is_name(doc[end]) and doc[end].lower_ in lex.roles


def head_words(words: list[str]) -> list[str]:
    """The words of a name before its first 'of' or 'for'."""
    return words[: next((i for i, w in enumerate(words) if w.lower() in ("of", "for")), None)]


def document(doc: Doc, lex: Lexicon, start: int, end: int, words: list[str]) -> bool:
    """Whether an organisation-like name names a document, a survey or a programme instead:
    its head word (the last before 'of' or 'for') is one ('Labour Force Survey', 'Crime
    Survey for England and Wales', 'Police Service Annual Report'), the name runs on into one
    ('Labour Force' of 'Labour Force Survey'), or the capitalised words it stands in open with
    a programme word ('Barrel' of 'Operation Double Barrel')."""
    before_of = head_words(words)
    if before_of and before_of[-1] in lex.non_org_heads:
        return True
    if end < len(doc) and is_name(doc[end]) and usual_case(doc[end].text) in lex.non_org_heads:
        return True
    first = start
    while first > 0 and is_name(doc[first - 1]) and not opens_sentence(doc, first):
        first -= 1
    return first < start and doc[first].lower_ in lex.programmes


def named_like_person(doc: Doc, start: int, end: int, context: Context) -> bool:
    """Two or three proper nouns after a title, in apposition to one, before a role or
    before an age: 'Natalia Rotaru, Head of the Directorate', 'the Commissioner of the
    Correctional Service, Makgothi Thobakgale,' or 'Marcus Reed, 34,' is a person whatever the
    model said."""
    if not 2 <= end - start <= 3 or not all(t.pos_ == "PROPN" for t in doc[start:end]):
        return False
    if doc[start - 1 : start].text == "," and start - 1 in context.title_ends:
        return True
    after = end + 1 if doc[end : end + 1].text == "," else None
    if after is None:
        return start - 1 in context.zone
    if doc[after : after + 2].text.endswith(",") and doc[after].like_num:
        return True  # an age in apposition
    if doc[after : after + 1].text.lower() == "the":
        after += 1
    return start - 1 in context.zone or after in context.title_starts


def next_word(doc: Doc, i: int) -> str:
    """The word at token i, after a bracketed acronym: 'Program' in '(UCR) Program'."""
    if doc[i : i + 1].text == "(" and doc[i + 2 : i + 3].text == ")":
        i += 3
    return doc[i : i + 1].text


def labelled(doc: Doc, lex: Lexicon, i: int) -> bool:
    """Whether the name that ends at token i, or the list of names it opens, labels a
    statistic or a document: 'the Transport index', 'Housing, Water and Other Fuels index'."""
    while i < len(doc) and (is_name(doc[i]) or doc[i].text in (",", "and", "&")):
        i += 1
    return i < len(doc) and doc[i].text in lex.non_org_nouns


def paired_noun(doc: Doc, end: int) -> bool:
    """Whether the word before token end is joined by 'and' or 'or' to a word in lower case,
    as a common noun is: 'Machinery and transport equipment'."""
    return doc[end : end + 1].text in ("and", "or") and doc[end + 1 : end + 2].text.islower()


def currency(doc: Doc, end: int) -> bool:
    """Whether an acronym stands before an amount, as a currency code does: 'PLN 9.3
    million', 'KES 450'."""
    return end < len(doc) and doc[end].like_num


def capitalised_to_open(doc: Doc, i: int, scan: Scan) -> bool:
    """Whether the word at token i is capitalised only because it opens a sentence: the
    text writes it in lower case elsewhere."""
    return opens_sentence(doc, i) and doc[i].lower_ in scan.lower


def coined(doc: Doc, i: int, scan: Scan) -> bool:
    """Whether a word the parser read as a common noun is a coined name: capitalised inside
    a sentence of running text and never written in lower case ('contact Crimestoppers')."""
    lower = doc[i].lower_ in scan.lower
    return not (lower or opens_sentence(doc, i) or in_headline(doc, i))


def described(doc: Doc, start: int, end: int, scan: Scan) -> bool:
    """Whether a name of several words in a Title Case headline is a description: the text
    writes each of its words in lower case elsewhere ('Mental Health Services for Students'
    above 'mental health services in schools ... students')."""
    words = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in MINOR_WORDS]
    return len(words) > 1 and in_headline(doc, start) and all(t.lower_ in scan.lower for t in words)


def lowered_anywhere(doc: Doc, start: int, end: int, scan: Scan) -> bool:
    """Whether the text writes a word of the name in lower case somewhere."""
    return any(t.lower_ in scan.lower for t in doc[start:end])


def lowered(doc: Doc, start: int, end: int, scan: Scan) -> bool:
    """Whether a name stands in a headline and has a word the text writes in lower case
    elsewhere: 'Dayton Man Sentenced', while the text says 'a Dayton man'."""
    return in_headline(doc, start) and lowered_anywhere(doc, start, end, scan)


def unattested(doc: Doc, i: int, scan: Scan) -> bool:
    """Whether the word at token i stands in a headline and running text never capitalises it
    except to open a sentence: 'Knife Crime Falls Across The Capital'."""
    if not in_headline(doc, i):
        return False
    return not any(
        not doc[j].is_sent_start and not in_headline(doc, j) for j in scan.names[doc[i].text]
    )
