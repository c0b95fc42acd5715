"""People and their titles: where titles stand and what they govern, the names they
introduce, known surnames, and the titles each person is given."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .organisations import complement, second_name
from .scan import Accepted, Candidate, Scan
from .tokens import clean, in_headline, is_acronym, is_name, joins, segments


@dataclass
class Title:
    """A title: modifiers and head [start, core_end), then its complement up to end."""

    start: int
    core_end: int
    end: int
    attached: bool  # directly before a person, or before a title that is


def find_titles(
    doc: Doc,
    lex: Lexicon,
    matches: list[tuple[int, int]],
    person_starts: set[int],
    verbs: set[int],
) -> list[Title]:
    """Every title in the doc, with the "of ..." complement it governs."""
    cores: list[tuple[int, int]] = []
    for start, end in matches:
        if cores and start < cores[-1][1]:
            continue
        while start > 0 and doc[start - 1].lower_ in lex.modifiers:
            if start > 1 and doc[start - 2].lower_ in ("of", "for"):
                break  # 'Police' of 'Inspector-General of Police Tan Sri X' ends the title before
            start -= 1
        cores.append((start, end))
    attached: set[int] = set()
    for start, end in reversed(cores):
        if end in person_starts or end in attached:
            attached.add(start)
    stops = person_starts | attached | verbs
    return [Title(s, e, complement(doc, lex, e, stops), s in attached) for s, e in cores]


def people(
    doc: Doc, lex: Lexicon, scan: Scan, title_matches: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The model's people (cut at line breaks: 'Key Findings' of a heading is no part of the
    name on the next line), and names that close an organisation's or a place's name in a
    title: in 'Chief of the State Police Anna Berzina told' and 'Minister of Internal
    Affairs of Ukraine Ihor Klymenko and ...', 'Anna Berzina' and 'Ihor Klymenko' are
    people."""
    titled = {i for start, end in title_matches for i in range(start, end)}
    bodies = {i + 1 for i in scan.heads if second_name(doc, lex, i, titled) > i + 1}
    tagged = [p for e in scan.ents if e.label_ == "PERSON" for p in segments(doc, e.start, e.end)]
    found = [
        (s, e)
        for s, e in whole_names(doc, lex, scan, tagged, titled)
        if not continues_name(doc, s, titled) and s not in bodies
    ]
    places = [end - 1 for _, end in scan.countries] + [
        i for i in scan.places if doc[i].text[:1].isupper()
    ]
    of_place = [
        i for i in places if {"of", "to", "for"} & {t.lower_ for t in doc[max(i - 3, 0) : i]}
    ]
    for i in scan.heads + of_place:
        if i + 1 in bodies:
            continue
        end = i + 1
        while end < len(doc) and end - i <= 4 and name_word(lex, doc[end], scan):
            end += 1
        if 2 <= end - i - 1 <= 3 and not (end < len(doc) and is_name(doc[end])):
            found.append((i + 1, end))
    return found + named_by_title(doc, lex, found, title_matches, scan)


def whole_names(
    doc: Doc, lex: Lexicon, scan: Scan, spans: list[tuple[int, int]], titled: set[int]
) -> list[tuple[int, int]]:
    """Names the model cut, made whole: two names with only a space between them are one
    ('Maria Cristina' 'Dela Paz', 'Aoife' 'Brennan-Walsh'); a name takes the particles and the
    words after them ('Ursula von' 'der Leyen'), and a name after a title (the tokens
    `titled`) up to two words on each side the model left untagged ('Superintendent Maria
    Cristina Delos Santos', where it tagged 'Delos Santos')."""
    found: list[tuple[int, int]] = []
    for start, end in spans:
        if found and end <= found[-1][1]:
            continue  # taken in after particles: 'Merwe' of 'Pieter van der Merwe'
        if found and start == found[-1][1] and doc[start - 1].whitespace_ == " ":
            start = found.pop()[0]
        left = start
        while left > max(start - 2, 0) and untagged_name(doc, lex, scan, left - 1):
            left -= 1
        after_title = left - 1 in titled
        start = left if after_title else start
        after = end
        while after < len(doc) and doc[after].lower_ in lex.particles:
            after += 1
        last = after
        while last < min(after + 2, len(doc)) and (
            (after_title and untagged_name(doc, lex, scan, last))
            or (after > end and name_word(lex, doc[last], scan))
        ):
            last += 1
        found.append((start, last if last > after else end))
    return found


def untagged_name(doc: Doc, lex: Lexicon, scan: Scan, i: int) -> bool:
    """Whether the word at token i may be part of a person's name the model did not tag: a
    name word on the same line, in running text, outside the model's entities."""
    return (
        not doc[i].ent_type_
        and name_word(lex, doc[i], scan)
        and i not in scan.verbs
        and not in_headline(doc, i)
    )


def continues_name(doc: Doc, i: int, titled: set[int]) -> bool:
    """Whether the words at token i go on the name of an organisation before them, with no
    title to introduce a person: 'Borne Diseases Control' of 'the Centre for Vector Borne
    Diseases Control' ('Head of the Office of Migration Ivan Petrov' names a person)."""
    j = i
    while j > 0 and (is_name(doc[j - 1]) or doc[j - 1].lower_ in ("of", "for", "the", "and")):
        j -= 1
    run = doc[j:i]
    return (
        i > 0
        and is_name(doc[i - 1])
        and any(t.lower_ in ("of", "for") for t in run)
        and not any(t.i in titled for t in run)
    )


def name_word(lex: Lexicon, token: Token, scan: Scan) -> bool:
    """A word that can be part of a person's name: a proper noun, no acronym, no title,
    head of an organisation or a document ('Survey'), no country, and never written in lower
    case in the doc."""
    text = token.text
    return (
        token.pos_ == "PROPN"
        and is_name(token)
        and not is_acronym(text)
        and text not in lex.heads
        and text not in lex.non_org_heads
        and text not in lex.country_of
        and token.lower_ not in lex.title_words | lex.modifiers
        and token.lower_ not in scan.lower
    )


def named_by_title(
    doc: Doc,
    lex: Lexicon,
    people: list[tuple[int, int]],
    title_matches: list[tuple[int, int]],
    scan: Scan,
) -> list[tuple[int, int]]:
    """'Minister of Health Ana Ciobanu urged': the proper noun a title modifies, with the
    proper nouns compounded before it, is a person even where the model tagged nothing."""
    taken = {i for start, end in people for i in range(start, end)}
    found = []
    for _, title_end in title_matches:
        title = doc[title_end - 1]
        head = title.head
        if title.dep_ not in ("nmod", "compound") or head.i < title_end or head.pos_ != "PROPN":
            continue
        start = head.i
        while start - 1 >= title_end and (
            joins(doc, start - 1)  # 'Adebayo-Lawal'
            or (
                doc[start - 1].dep_ == "compound"
                and doc[start - 1].head.i == head.i
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].lower_ not in lex.title_words | lex.modifiers
            )
        ):
            start -= 1
        name = [t for t in doc[start : head.i + 1] if not joins(doc, t.i)]
        if not 2 <= len(name) <= 3 or any(t.i in taken for t in name):
            continue
        if all(name_word(lex, t, scan) for t in name):
            found.append((start, head.i + 1))
            taken.update(t.i for t in name)
    return found


def surnames(doc: Doc, lex: Lexicon, candidates: list[Candidate]) -> dict[str, int]:
    """Surnames of people named in full (two words or more), with how often they occur; a
    hyphenated surname is one word ('Okonkwo-Bello'); no organisation head or title is one
    ('Office' of a 'Minister's Office' the model took for a person)."""
    counts: dict[str, int] = {}
    for c in candidates:
        if c.label == "PERSON":
            words = [t for t in doc[c.start : c.end] if is_name(t) and not joins(doc, t.i - 1)]
            if (
                len(words) > 1
                and len(words[0].text) > 1
                and not any(is_acronym(t.text) for t in words)
            ):
                last = hyphenated(doc, words[-1].i)
                if last not in lex.heads and last.lower() not in lex.title_words:
                    counts[last] = counts.get(last, 0) + 1
    return counts


def hyphenated(doc: Doc, i: int) -> str:
    """The word that starts at token i, with the parts a hyphen joins: 'Okonkwo-Bello'."""
    end = i + 1
    while end < len(doc) and joins(doc, end):
        end += 2
    return doc[i:end].text


def surname_mentions(accepted: list[Accepted], known: dict[str, int], scan: Scan) -> list[Accepted]:
    """A known surname the model did not tag is a mention of that person: 'Eyvazov said'."""
    covered = {i for a in accepted for i in range(a.start, a.end)}
    found = []
    for text, positions in scan.names.items():
        if text.rsplit(".", 1)[-1] in known:
            found += [Accepted(i, i + 1, "PERSON", text) for i in positions if i not in covered]
    return found


def attach_titles(doc: Doc, accepted: list[Accepted], titles: list[Title]) -> None:
    """Titles right before a person ("Minister X Colonel-General Y Z") and roles in
    apposition after it ("Y Z, Governor of the Region")."""
    by_end = {t.end: t for t in titles}
    by_core_end = {t.core_end: t for t in titles}
    by_start = {t.start: t for t in titles}
    for a in accepted:
        if a.label != "PERSON":
            continue
        found: list[Title] = []
        title = by_end.get(a.start) or by_core_end.get(a.start)
        while title is not None:
            found.insert(0, title)
            j = title.start
            if j > 0 and doc[j - 1].text in (",", "and"):
                j -= 1
            title = by_end.get(j)
        j = a.end
        separators: tuple[str, ...] = (",",)
        while j < len(doc) and doc[j].text in separators:
            j += 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            title = by_start.get(j)
            if title is None:
                break
            found.append(title)
            j = title.end
            separators = (",", "and", "–", "—", "-")
        a.titles = [clean(doc[t.start : t.end].text) for t in found]
