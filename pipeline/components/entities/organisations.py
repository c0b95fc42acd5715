"""Where an organisation's name starts and ends around its head: the capitalised modifiers
before 'Ministry' and the "of X", "for the Y and Z" complement after it."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import Lexicon
from .scan import Scan
from .tokens import (
    in_headline,
    is_acronym,
    is_modifier,
    is_name,
    joins,
    name_run,
    name_run_left,
    usual_case,
)


def left(doc: Doc, lex: Lexicon, i: int, stops: set[int]) -> int:
    """Start of the capitalised modifiers before an organisation head."""
    start = i
    while start > 0 and start - 1 not in stops:
        token = doc[start - 1]
        glue = token.text == "&" or token.lower_ == "'s" or joins(doc, start - 1)
        glue = glue or (token.text == "and" and paired(doc, lex, start - 1))
        if start > 1 and doc[start - 2].text in lex.country_of:
            glue = glue and token.lower_ != "'s"  # "Mexico's National Guard"
        if not (is_modifier(token) or (glue and start > 1 and is_name(doc[start - 2]))):
            break
        start -= 1
    return start


def paired(doc: Doc, lex: Lexicon, i: int) -> bool:
    """Whether the 'and' at i joins two words of one name: 'the Border and Migration
    Police' (one or two words before it, no head among them, opened by 'the', a comma or a
    line)."""
    first = name_run_left(doc, i)
    if not 1 <= i - first <= 2 or any(usual_case(t.text) in lex.heads for t in doc[first:i]):
        return False
    return first == 0 or doc[first - 1].lower_ in ("the", ",") or "\n" in doc[first - 1].text


def complement(doc: Doc, lex: Lexicon, i: int, stops: set[int]) -> int:
    """End of an "of X", "for the Y and Z" complement that starts at token i. A list that
    runs into another organisation is none: 'of Georgia, Information and Public Relations
    Department' ends at 'Georgia'."""
    end, list_start = i, None
    while end < len(doc):
        j = end
        word = doc[j].lower_
        if word in ("of", "for"):
            j += 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            list_start = None
        elif end > i and (word in ("and", "&") or (word == "," and listed(doc, j, stops))):
            j += 1
            if word == "," and list_start is None:
                list_start = end
        else:
            break
        k = name_run(doc, j, stops)
        if k == j:
            break
        if word in ("and", "&", ",") and any(usual_case(t.text) in lex.heads for t in doc[j:k]):
            return end if list_start is None else list_start
        end = k
    return end


def listed(doc: Doc, i: int, stops: set[int]) -> bool:
    """Whether the comma at i starts a list closed by "and": "of A, B and C"."""
    while i < len(doc) and doc[i].text == ",":
        k = name_run(doc, i + 1, stops)
        if k == i + 1:
            return False
        i = k
    closed = i < len(doc) and doc[i].lower_ in ("and", "&")
    return closed and name_run(doc, i + 1, stops) > i + 1


def named_after_country(doc: Doc, lex: Lexicon, start: int) -> int:
    """Start of a body named by its field and its country, as in 'Public Health Wales' or
    'Statistics Norway': proper nouns compounded onto the country that the model tagged as
    nothing else, no title and no word of a place ('Mainland China', 'Northern Ireland');
    `start` when there are none."""
    i = start
    while i > 0 and (token := doc[i - 1]).dep_ == "compound" and i <= token.head.i:
        if token.pos_ != "PROPN" or not is_name(token) or token.ent_type_ not in ("", "ORG"):
            break
        if token.lower_ in lex.title_words | lex.common_places or token.text in lex.country_of:
            break
        i -= 1
    return i


def unions(doc: Doc, lex: Lexicon, scan: Scan) -> list[int]:
    """Acronyms that name a union of states by its members, in running text: 'ECOWAS member
    states', 'OECD countries' (whatever the model took them for)."""
    return [
        i
        for text, positions in scan.names.items()
        if is_acronym(text)
        for i in positions
        if doc[i + 1 : i + 2].text in lex.members and not in_headline(doc, i)
    ]


def second_name(doc: Doc, lex: Lexicon, i: int, titled: set[int]) -> int:
    """End of the other name an organisation goes by, written right after its head with no
    title before the organisation: 'Waka Kotahi' of 'NZ Transport Agency Waka Kotahi' (in
    'Chief of the State Police Anna Berzina' the name is a person's); i + 1 when there is
    none."""
    end = name_run(doc, i + 1, set())
    words = doc[i + 1 : end]
    if not words or doc[i].whitespace_ != " " or in_headline(doc, i):
        return i + 1  # none, or Title Case: 'Justice Department Prosecutions Reach a High'
    if any(t.i in titled for t in words):
        return i + 1
    if any(t.ent_type_ not in ("", "PERSON", "ORG") or t.text in lex.heads for t in words):
        return i + 1  # 'Police Tuesday', 'Agency Board'
    k = i
    while k > 0 and (is_name(doc[k - 1]) or doc[k - 1].lower_ in ("of", "for", "the")):
        k -= 1
        if k in titled:
            return i + 1
    return end
