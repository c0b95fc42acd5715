"""Acronym definitions, "Long Form (LF)": the words whose initials spell LF, and what LF
then names elsewhere in the text."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import Lexicon
from .resolve import name_text
from .scan import Accepted, Candidate, Scan
from .tokens import FUNCTION_WORDS, is_acronym, joins, usual_case


def acronyms(doc: Doc, lex: Lexicon, accepted: list[Accepted], scan: Scan) -> list[Accepted]:
    """Apply "Long Form (LF)" definitions: LF is another name of the organisation, or, when
    the long form is no organisation ("Crime Severity Index (CSI)"), no entity at all. An
    acronym may leave words out: 'Centers for Disease Control and Prevention (CDC)'."""
    aliases: dict[str, str] = {}
    rejected: set[str] = set()
    for i in scan.brackets:
        acronym = doc[i + 1].text if 0 < i < len(doc) - 2 else ""
        if doc[i + 2 : i + 3].text != ")" or not is_acronym(acronym):
            continue
        start = long_form(doc, i, acronym)
        ending = [a for a in accepted if a.label == "ORG" and a.end == i]
        if start is None:
            if ending and abbreviates(acronym, ending[0].name):
                aliases[acronym] = ending[0].name
            continue
        org = next((a for a in ending if a.start <= start), None)
        if org is not None:
            aliases[acronym] = org.name
        elif any(usual_case(t.text) in lex.heads for t in doc[start:i]) and (
            doc[i - 1].text not in lex.non_org_heads
        ):
            inside = [a for a in accepted if a.label == "ORG" and start <= a.start < i]
            accepted[:] = [a for a in accepted if a not in inside]
            long_name = name_text(doc, Candidate(start, i, "ORG", "model"), scan)
            accepted.append(Accepted(start, i, "ORG", long_name))
            aliases[acronym] = accepted[-1].name
        else:  # and "CSI" in "Non-violent CSI (NVCSI)" names no organisation either
            rejected |= {acronym, *(t.text for t in doc[start:i] if is_acronym(t.text))}
    kept = [a for a in accepted if not (a.label == "ORG" and rejected & set(a.name.split()))]
    covered = {i for a in kept for i in range(a.start, a.end)}
    for acronym in aliases:
        for i in scan.names.get(acronym, []):
            if i not in covered:
                kept.append(Accepted(i, i + 1, "ORG", acronym))
    for a in kept:
        if a.label == "ORG" and a.name in aliases:
            a.alias_of = aliases[a.name]
    return kept


def long_form(doc: Doc, paren: int, acronym: str) -> int | None:
    """Start of the words before a bracket whose initials spell the acronym, nearest first."""
    words: list[tuple[int, str]] = []
    i = paren - 1
    while i >= 0 and len(words) < 2 * len(acronym) + 2:
        token = doc[i]
        if re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)+", token.text):  # 'Non-violent' as one token
            first, *rest = token.text.split("-")
            words[:0] = [(i, first), *((i, "-" + part) for part in rest)]
        elif token.is_alpha:
            words.insert(0, (i, token.text))
        elif joins(doc, i) and words:
            words[0] = (words[0][0], "-" + words[0][1])  # 'Co-operation': '-operation'
        else:
            break
        i -= 1
    letters = acronym.replace(".", "").lower()
    for n in range(1, len(words) + 1):
        start, first = words[-n]
        if first[0].lower() == letters[0] and spells(letters, [w for _, w in words[-n:]]):
            return start
    return None


def spells(letters: str, words: list[str]) -> bool:
    """Whether the words spell the letters: initials, whole acronyms, skipped 'of'/'and' and
    skipped second halves of hyphenated words ('-operation')."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    options = []
    if word.startswith("-"):
        word = word[1:]
        options.append(letters)
    if word.lower() in FUNCTION_WORDS:
        options.append(letters)
    if is_acronym(word) and letters.startswith(word.lower()):
        options.append(letters[len(word) :])
    if letters and word[0].lower() == letters[0]:
        options.append(letters[1:])
    return any(spells(rest_letters, rest) for rest_letters in options)


def abbreviates(acronym: str, name: str) -> bool:
    """Whether the letters of an acronym are initials of the name's words in order, from the
    first word on: 'CDC' of 'Centers for Disease Control and Prevention'."""
    initials = [w[0].lower() for w in re.findall(r"\w+", name) if w.lower() not in FUNCTION_WORDS]
    letters = acronym.replace(".", "").lower()
    if not initials or initials[0] != letters[0]:
        return False
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)
