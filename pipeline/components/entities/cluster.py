"""Merging mentions: every mention of one person, organisation or place gets one label, its
fullest name and all its titles ('the Ministry', 'MIA' and 'DOJ' find their organisation)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import Lexicon
from .scan import Accepted
from .tokens import FUNCTION_WORDS, is_acronym


def cluster(lex: Lexicon, accepted: list[Accepted]) -> None:
    """Give every mention of the same entity one label and its fullest name."""
    parent = list(range(len(accepted)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[max(find(i), find(j))] = min(find(i), find(j))

    keys = [key(lex, a) for a in accepted]
    first: dict[tuple[str, frozenset[str]], int] = {}
    for i, (a, k) in enumerate(zip(accepted, keys, strict=True)):
        union(i, first.setdefault((a.label, k), i))
    orgs = [i for i, a in enumerate(accepted) if a.label == "ORG"]
    for i in orgs:  # acronyms defined in the text
        for j in orgs:
            if accepted[i].alias_of == accepted[j].name:
                union(i, j)
    for i in orgs:  # "the Ministry", "Russian MIA", "DOJ": one organisation they can be
        found = head(lex, accepted[i].name)
        if found is None:
            continue
        matches = {
            find(j) for j in orgs if keys[i] < keys[j] and head(lex, accepted[j].name) == found
        }
        if not matches and is_acronym(found):
            rest = keys[i] - {found.lower()}
            matches = {
                find(j)
                for j in orgs
                if not is_acronym(accepted[j].name.split()[0])
                and found in initials(lex, accepted[j].name)
                and rest <= keys[j]
            }
        if len(matches) == 1:
            union(i, matches.pop())
        elif accepted[i].name in lex.heads:
            accepted[i].label = ""  # a bare "Department" with nothing or too much to refer to
    people = [i for i, a in enumerate(accepted) if a.label == "PERSON"]
    for i in people:
        words = person_words(accepted[i].name)
        if len(words) > 1 and len(words[0]) > 1:
            continue
        matches = {
            find(j)
            for j in people
            if len(full := person_words(accepted[j].name)) > 1
            and full[-1] == words[-1]
            and len(full[0]) > 1
            and (len(words) == 1 or full[0][0] == words[0][0])
        }
        if len(matches) == 1:
            union(i, matches.pop())
    groups: dict[int, list[Accepted]] = {}
    for i, a in enumerate(accepted):
        groups.setdefault(find(i), []).append(a)
    for members in groups.values():
        best = max(
            members,
            key=lambda a: (not a.name.isupper(), len(a.name.split()), -members.index(a)),
        )
        titles = unique_titles(t for a in members for t in a.titles)
        for a in members:
            a.name, a.label, a.titles = best.name, best.label or a.label, titles
    accepted[:] = [a for a in accepted if a.label]


def key(lex: Lexicon, a: Accepted) -> frozenset[str]:
    """Words of a name that identify it: countries in one form, no function words."""
    text = lex.country_re.sub(lambda m: lex.country_of[m.group(0)], a.name)
    if a.label == "GPE":
        for form in sorted(lex.rules.state_forms, key=len, reverse=True):
            text = re.sub(rf"^{re.escape(form)} of (the )?", "", text)
        return frozenset({text.lower()})
    words = re.sub(r"[^\w\s&]", " ", text.lower()).split()
    return frozenset(w for w in words if w not in FUNCTION_WORDS)


def head(lex: Lexicon, name: str) -> str | None:
    """The organisation head of a name (the last head word before 'of'), or its acronym."""
    words = [w.title() if w.isupper() and len(w) > 3 else w for w in name.split()]
    before_of = words[: next((i for i, w in enumerate(words) if w in ("of", "for")), None)]
    heads = [w for w in before_of if w in lex.heads] or [w for w in words if w in lex.heads]
    if heads:
        return heads[-1]
    acronyms = [w for w in words if is_acronym(w) and w not in lex.country_of]
    return acronyms[0] if acronyms else None


def initials(lex: Lexicon, name: str) -> set[str]:
    """Acronyms a name can go by: FBI, MIA (without 'of Russia'), DOJ ('Justice
    Department' read as 'Department of Justice')."""
    words = [w for w in re.sub(r"[^\w\s]", " ", name).split() if w not in lex.country_of]
    while words and words[-1].lower() in FUNCTION_WORDS:
        words.pop()
    forms = [words]
    if len(words) > 1 and words[-1] in lex.heads and "of" not in words:
        forms.append([words[-1], "of", *words[:-1]])
    found = set()
    for form in forms:
        found.add("".join(w[0] for w in form if w.lower() not in FUNCTION_WORDS))
        found.add("".join(w[0] for w in form if w.lower() != "the"))
    return {i.upper() for i in found}


def person_words(name: str) -> list[str]:
    """'V.Eyvazov' → ['V', 'Eyvazov']; 'Vilayat Eyvazov' → ['Vilayat', 'Eyvazov']."""
    return [w for w in re.split(r"[\s.]+", name) if w]


def unique_titles(titles: Iterable[str]) -> list[str]:
    """Titles in order, once each: 'Colonel General' repeats 'Colonel-General', 'Minister'
    is part of 'Minister of Justice'."""
    seen: dict[str, str] = {}
    for title in titles:
        seen.setdefault(title.lower().replace("-", " "), title)
    return [t for k, t in seen.items() if not any(o.startswith(k + " ") for o in seen)]
