"""pressfacts_claims: attach qualifier, change, measure, rate base and 'of' to each quantity.

Reads the words next to each quantity and the dependency parse (word lists in
data/claim_words.json):

- qualifier: 'more than 17,985', 'almost 36%', '$5,000 or under';
- change: the number is the size of a change when signed ('+46%'), after a change word
  ('fell by 8%', 'up 6%', 'a decrease of 6.1%'), before one ('14.7% fewer', 'a 1% decline',
  '29% lower than') or in an elliptical list ('robberies by 11.4%', 'and rape 5 percent');
- measure: what is counted, from the counted noun ('26,004 crimes were registered'), the
  'of' phrase ('86.7% of them', '873 kg of narcotic drugs'), the subject of the change verb
  ('Crimes against a person went down by 8%') or the noun phrase before an elliptical figure;
  pronouns and generic nouns ('the figure') take the measure of the claim they refer to;
  a figure's own phrase is followed by whose figure it is, the subject of its clause
  ('people (BMW Group)' for 'BMW Group employs 200 people');
- per: the base of a rate ('5,874 incidents per 100,000 population');
- of: the claim a share is part of ('86.7% of them' → the 26,004 crimes).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import ErrorCode, PressfactsError
from ..extensions import SPANS_DATES, SPANS_QUANTITIES, doc_text
from ..mentions import QuantityInfo
from ..numbers import parse_digits
from .quantities import LIST_ITEM_RE

WORDS_PATH = Path(__file__).resolve().parent.parent / "data" / "claim_words.json"
MAX_MEASURE_TOKENS = 12
PREPS_DROPPED = {
    "since", "during", "until", "after", "before", "as", "than", "because", "like", "despite",
    "compared", "over", "throughout", "per", "about", "due", "excluding", "including", "except",
}  # fmt: skip
TIME_NOUNS = {"year", "month", "week", "day", "quarter", "decade", "period", "hour", "time"}
COPULAS = {"be", "become", "remain", "stand", "come", "amount", "reach", "total", "make"}
COMPARATIVES = {"more", "less", "fewer", "higher", "lower", "above", "below", "up", "down"}
RELATIVE = {"who", "that", "which"}
# 'Burglary accounted for 702 of these': the subject of these verbs is the part counted.
SHARE_VERBS = {"account", "make", "represent", "comprise", "constitute", "form"}
# 'batteries with 3,687 mAh', 'levels at 1,200 ppm', 'children under 5': the noun is the owner.
OWNER_PREPS = {"at", "with", "over", "under", "above", "below"}
# 'spend R1.35 billion on laboratories', '$2 million towards flood relief': what money is for.
PURPOSE_PREPS = {"for", "on", "towards", "toward"}
BOUNDARY = {",", ";", ":", "(", ")", "–", "—", "-", "•", ".", "!", "?", '"', "“", "”"}


class ClaimWords(BaseModel):
    """The word lists of data/claim_words.json."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    increase: list[str]
    decrease: list[str]
    particle_verbs: list[str]
    verbs_only: list[str]
    generic: list[str]
    pronouns: list[str]
    skip: list[str]


@dataclass(frozen=True)
class Lexicon:
    """ClaimWords turned into sets and longest-first regular expressions."""

    words: ClaimWords
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    increase: frozenset[str]
    decrease: frozenset[str]
    particle_verbs: frozenset[str]
    verbs_only: frozenset[str]
    generic: frozenset[str]
    pronouns: frozenset[str]
    skip: frozenset[str]

    def direction(self, token: Token) -> str | None:
        """'increase' or 'decrease' when the token is a change word."""
        if token.dep_ == "prt" and token.head.lemma_.lower() in self.particle_verbs:
            return None
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ in self.verbs_only:
            return None
        for form in (token.lower_, token.lemma_.lower()):
            if form in self.increase:
                return "increase"
            if form in self.decrease:
                return "decrease"
        return None


@cache
def lexicon(path: Path = WORDS_PATH) -> Lexicon:
    """Load and validate the claim word lists once; raise E011 when malformed."""
    try:
        words = ClaimWords.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e
    before = sorted(words.qualifiers_before, key=len, reverse=True)
    after = sorted(words.qualifiers_after, key=len, reverse=True)
    return Lexicon(
        words=words,
        qualifier_before=re.compile(
            r"(?:^|(?<=[\s(]))(?P<q>" + "|".join(map(re.escape, before)) + r")[\s-]*$", re.I
        ),
        qualifier_after=re.compile(
            r"\s*(?P<q>" + "|".join(map(re.escape, after)) + r")(?!\w)", re.I
        ),
        increase=frozenset(words.increase),
        decrease=frozenset(words.decrease),
        particle_verbs=frozenset(words.particle_verbs),
        verbs_only=frozenset(words.verbs_only),
        generic=frozenset(words.generic),
        pronouns=frozenset(words.pronouns),
        skip=frozenset(words.skip),
    )


@Language.factory(
    "pressfacts_claims",
    assigns=["span._.pressfacts_quantity"],
    requires=["doc.spans", "token.dep", "token.lemma"],
)
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    """Factory of the claims component."""
    return ClaimsComponent(words=lexicon())


def _to_magnitude(info: QuantityInfo) -> None:
    """A signed change ('(-412; -3,1%)') is stated as its size; the direction keeps the sign."""
    info.value = -info.value
    info.normalized_value = -info.normalized_value
    if info.low is not None and info.high is not None:
        info.low, info.high = -info.high, -info.low


class ClaimsComponent:
    """Reads qualifier, change, measure, rate base and 'of' for every quantity span."""

    def __init__(self, *, words: Lexicon) -> None:
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(doc.spans.get(SPANS_QUANTITIES, []), key=lambda s: s.start_char)
        text = doc_text(doc)
        previous: list[Span] = []
        for span in spans:
            info: QuantityInfo = span._.pressfacts_quantity
            info.qualifier = info.qualifier or self.qualifier(text, span, previous)
            info.change = info.change or self.change(text, span, previous)
            if info.change and info.value < 0:
                _to_magnitude(info)
            reader = MeasureReader(self.words, doc, text, span, previous)
            info.measure = reader.measure()
            if _restates(text, span, previous, loose=True):
                info.measure = previous[-1]._.pressfacts_quantity.measure
            part = _restated_part(text, span, previous)
            if part is not None:
                info.measure = part._.pressfacts_quantity.measure
            info.of = reader.of_claim
            _rate(text, span, info)
            previous.append(span)
        return doc

    def qualifier(self, text: str, span: Span, previous: list[Span]) -> str | None:
        """'more than 17,985' → more_than; '$5,000 or under' → at_most; '~1.2mm' → about."""
        number_at = span.start_char + max(0, span.text.find(span._.pressfacts_quantity.value_text))
        for at in sorted({span.start_char, number_at}):
            m = self.words.qualifier_before.search(text[max(0, at - 30) : at])
            if m:
                return self.words.words.qualifiers_before[m.group("q").lower()]
        m = self.words.qualifier_after.match(text, span.end_char)
        if m:
            return self.words.words.qualifiers_after[m.group("q").lower()]
        if _restates(text, span, previous):
            return previous[-1]._.pressfacts_quantity.qualifier
        return None

    def change(self, text: str, span: Span, previous: list[Span]) -> str | None:
        """The direction when the number is the size of a change, else None."""
        doc = span.doc
        info: QuantityInfo = span._.pressfacts_quantity
        sign = info.value_text.strip()[:1]
        if sign == "+":
            return "increase"
        if sign in "-−" and text[max(0, span.start_char - 2) : span.start_char].strip()[-1:] in {
            "(",
            ";",
            ",",
        }:
            return "decrease"
        after = self._after(doc, span)
        if after is not None:
            return after
        prev = self._before(text, span)
        if prev is None:
            return self._copula(span) or self._elliptical(doc, span, previous)
        word = prev.lower_
        if word in {"from", "to", "at", "of", "for", "with", "than", "between", "and", "or"}:
            if word == "of" and self.words.direction(prev.head) and prev.head.pos_ == "NOUN":
                return self.words.direction(prev.head)
            if word in {"and", "or"}:
                return self._elliptical(doc, span, previous)
            if word == "to":
                return self._copula(span)
            return None
        if word in {"by", "in"}:
            if word == "in" and info.unit != "times":
                return None
            return self._left_direction(prev)
        direction = self.words.direction(prev)
        if direction is not None:
            return None if _modifies_object(prev, span) or _counts_lives(span) else direction
        return self._copula(span) or self._elliptical(doc, span, previous)

    def _before(self, text: str, span: Span) -> Token | None:
        """The first token before the claim that is not a qualifier or a filler word."""
        doc = span.doc
        start = span.start_char
        m = self.words.qualifier_before.search(text[max(0, start - 30) : start])
        if m:
            start -= len(m.group(0))
        i = span.start - 1
        while i >= span.sent.start and doc[i].idx >= start:
            i -= 1
        while i >= span.sent.start:
            token = doc[i]
            if token.pos_ == "ADJ" and i > 0 and doc[i - 1].lower_ in {"a", "an"}:
                i -= 1
                continue
            if token.lower_ == "by" or token.lower_ not in self.words.skip:
                return token
            if token.lower_ == "of" and not (i > 0 and doc[i - 1].lower_ == "total"):
                return token
            i -= 1
        return None

    def _after(self, doc: Doc, span: Span) -> str | None:
        """'14.7% fewer', 'a 1% decline', '29% lower than', '16.4% less often', 'the 900 added'."""
        if span.end >= len(doc):
            return None
        token = doc[span.end]
        if token.lower_ == "," and span.end + 1 < len(doc):  # '2 218, or 5,1%, fewer than'
            token = doc[span.end + 1]
            if token.lower_ in COMPARATIVES and (comparative := _compared_after(doc, token.i)):
                return self.words.direction(comparative)
        if token.lower_ == "or":
            restated = _quantity_at(doc, token.i + 1)
            if restated is not None and (comparative := _compared_after(doc, restated.end)):
                return self.words.direction(comparative)
        if token.pos_ == "NOUN" and (comparative := _compared_after(doc, span.end)):
            return self.words.direction(comparative)  # '634 crimes fewer than'
        if token.lower_ in COMPARATIVES:
            if span.start > 0 and doc[span.start - 1].lower_ == "or":
                return None
            if span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "to":
                return None
            return self.words.direction(token)
        if token.tag_ == "NN" or (token.tag_ == "VBN" and token.dep_ == "acl"):
            return self.words.direction(token)
        if token.pos_ == "ADJ" and span.end + 1 < len(doc) and doc[span.end + 1].tag_ == "NN":
            return self.words.direction(doc[span.end + 1])
        return None

    def _left_direction(self, token: Token) -> str | None:
        """The nearest change word left of 'by' in the same sentence: 'fell by 5%, X by 3%'."""
        i = token.i - 1
        while i >= token.sent.start and token.i - i <= 80:
            direction = self.words.direction(token.doc[i])
            if direction is not None:
                return direction
            i -= 1
        return None

    def _copula(self, span: Span) -> str | None:
        """'the decrease is 0.1%', 'its growth came to 91.7%', 'The largest reduction, 7.4%'."""
        head = _anchor(span)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            return self.words.direction(head.head)
        verb = head.head if head.dep_ in {"attr", "acomp", "dobj", "npadvmod"} else None
        if head.dep_ == "pobj" and head.head.lower_ == "to":
            verb = head.head.head
        if verb is None or verb.lemma_ not in COPULAS:
            return None
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ == "NOUN":
                return self.words.direction(child)
        return None

    def _elliptical(self, doc: Doc, span: Span, previous: list[Span]) -> str | None:
        """'fell 5.5 percent and property crime 4.9 percent': the list shares its change."""
        if not previous:
            return None
        last = previous[-1]
        if last.sent != span.sent or last._.pressfacts_quantity.change is None:
            return None
        between = doc[last.end : span.start]
        if any(
            t.pos_ in {"VERB", "AUX"} or t.lower_ in {";", "to", "from", "at", "than"}
            for t in between
        ):
            return None  # '9 fewer than in 2021, and 4 806 drivers were detained': a new clause
        joined = {t.lower_ for t in between}
        same_kind = last._.pressfacts_quantity.kind == span._.pressfacts_quantity.kind
        if "or" in joined or (same_kind and ("and" in joined or "," in joined)):
            return str(last._.pressfacts_quantity.change)
        return None


class MeasureReader:
    """Builds the measure phrase of one claim from the parse and the claims before it."""

    def __init__(
        self, words: Lexicon, doc: Doc, text: str, span: Span, previous: list[Span]
    ) -> None:
        self.words = words
        self.doc = doc
        self.text = text
        self.span = span
        self.previous = previous
        self.of_claim: Span | None = None
        self.own_phrase = False

    def measure(self) -> str | None:
        """A short phrase saying what the claim counts or measures."""
        phrase = self._read()
        if not phrase or not any(ch.isalpha() for ch in phrase):
            return None  # a symbol alone ('%') says nothing of what is measured
        if self.own_phrase and phrase != self._earlier_measure():
            holder = self._holder(_words(phrase))
            if holder:
                phrase = f"{phrase} ({holder})"
        return _clean(phrase)

    def _holder(self, named: set[str]) -> str | None:
        """Whose figure it is: the subject of the clause when the claim is outside it
        ('BMW Group employs 200 people' → 'BMW Group'); a shared subject counts
        ('rushed for 138 yards and threw', 'easing to $1.13'), another clause's does not.
        A figure alone in brackets belongs to the noun before them ('John Gant (0.5 WAR)')."""
        bracketed = self._bracketed_noun()
        if bracketed is not None:
            after = self.doc[bracketed.i + 1 : self.span.sent.end]
            holder = _phrase(bracketed, exclude={t for t in after if t.dep_ == "appos"})
            return holder if not _words(holder) <= named else None
        verb = _governing_verb(_anchor(self.span))
        while verb is not None and _subject_token(verb) not in {*verb.children}:
            shared = verb.dep_ in {"conj", "xcomp"} or (
                verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"}
            )
            verb = verb.head if shared else None
        token = _subject_token(verb)
        if verb is None or token is None or token.like_num or token.ent_type_ in {"DATE", "TIME"}:
            return None
        if "\n" in _between(token, self.span[0]) or _words(token.text) <= named:
            return None
        if any(t in self.span for t in token.subtree):
            return None
        if any(s.start <= token.i < s.end for s in self.doc.spans[SPANS_QUANTITIES]):
            return None
        # 'who'/'that' name the noun before them; 'which' and other pronouns may stand for a
        # clause or a noun far away.
        if token.lower_ in self.words.pronouns and token.lower_ not in {"who", "that"}:
            return None
        if self.words.direction(token) or (
            self._generic(token) and not any(c.lower_ == "of" for c in token.children)
        ):
            return None
        subject = self._subject(verb)
        return subject if subject and not _words(subject) <= named else None

    def _bracketed_noun(self) -> Token | None:
        """The noun right before '(' when the brackets hold only the claim and its noun."""
        doc, span = self.doc, self.span
        if span.start < 2 or doc[span.start - 1].text != "(":
            return None
        end = span.end
        while end < min(len(doc), span.end + 3) and doc[end].pos_ in {"NOUN", "PROPN"}:
            end += 1
        if end >= len(doc) or doc[end].text != ")":
            return None
        noun = doc[span.start - 2]
        return noun if noun.pos_ in {"NOUN", "PROPN"} and not noun.like_num else None

    def _read(self) -> str | None:
        span = self.span
        anchor = _anchor(span)
        of_object = self._of_object(anchor)
        if of_object is not None:
            self.own_phrase = self.of_claim is None
            return of_object
        label = _label(self.text, span)
        if label is not None:
            return label
        listed = self._list_item()
        if listed is not None:
            return listed
        noun = self._counted_noun(anchor)
        if noun is not None and not self._generic(noun):
            self.own_phrase = True
            return self._noun_with_verb(noun)
        gapped = self._gapped()
        if gapped is not None:
            return gapped
        for reader in (self._compared_level, self._parenthetical, self._followed_by):
            found = reader(anchor)
            if found is not None:
                return found
        for reader in (
            self._in_object,
            self._worth,
            self._apposed,
            self._second_verb,
            self._object_of_level,
            self._duration_event,
            self._multiplied,
        ):
            found = reader(anchor)
            if found is not None:
                self.own_phrase = True
                return found
        if _starts_with(self.doc, span, {"by", "(", "up", "down", "between"}) or self._after_noun():
            left = self._left_phrase()
            if left:
                return left
        verb = _governing_verb(anchor)
        if anchor.dep_ not in {"nsubj", "nsubjpass"} and self._verb_after() is not None:
            verb = None  # the parser took the number for part of another phrase
        if verb is not None:
            subject = self._fuller_measure(_subject_token(verb)) or self._subject(verb)
            if subject:
                return self._echoed(subject) or subject
        predicate = self._predicate(anchor)
        base = self._earlier_measure() or self._left_chunk()
        if predicate:
            return f"{base} {predicate}" if base else predicate
        return base

    def _echoed(self, subject: str) -> str | None:
        """'Officers recorded 8,240 crimes, down 3.1% or 262 cases': a subject that already
        holds an earlier figure of the sentence is who reports, not what is counted; the
        figure counts what that earlier one does."""
        earlier = self._earlier_measure(same_sentence=True)
        if earlier and _words(subject) <= _words(earlier) and earlier != subject:
            return earlier
        return None

    def _gapped(self) -> str | None:
        """'Influenza A accounted for 49,781 notifications, and influenza B for the remaining
        8,433', 'Impaired driving was a factor in 37 deaths, and speeding in 29': a clause
        without its verb measures what the earlier figure after the same preposition does,
        for its own subject (which is the measure itself when the earlier one was a subject)."""
        doc, span = self.doc, self.span
        first = span.sent.start
        i = span.start - 1
        while i > first and span.start - i <= 3 and (doc[i].pos_ == "DET" or doc[i].dep_ == "amod"):
            i -= 1
        prep = doc[i]
        if prep.pos_ != "ADP" or prep.i <= first:
            return None
        j = prep.i - 1
        while j > first and prep.i - j <= 5 and doc[j].lower_ not in {"and", "or", ",", ";"}:
            j -= 1
        words = [t for t in doc[j + 1 : prep.i] if t.pos_ != "DET"]
        if doc[j].lower_ not in {"and", "or", ",", ";"} or not words:
            return None
        if not all(t.pos_ in {"NOUN", "PROPN", "ADJ"} or t.tag_ == "VBG" for t in words):
            return None
        if words[-1].pos_ not in {"NOUN", "PROPN"} and words[-1].tag_ != "VBG":
            return None
        for earlier in reversed(self.previous):
            if earlier.sent != span.sent:
                return None
            if earlier.start > first and doc[earlier.start - 1].lower_ == prep.lower_:
                measure = str(earlier._.pressfacts_quantity.measure or "")
                base = _without_holder(measure)
                if not measure or base == measure:
                    return _join(words)
                return f"{base} ({_join(words)})"
        return None

    def _list_item(self) -> str | None:
        """'..., Kano 412, Rivers 207 and Oyo 96': a bare count after a name in an
        enumeration of counts is that name's."""
        info = self.span._.pressfacts_quantity
        if info.kind != "count" or self._counted_noun(_anchor(self.span)) is not None:
            return None
        start = self.span.start_char
        found = LIST_ITEM_RE.search(self.text[max(0, start - 80) : start])
        return found.group("name").strip() if found else None

    def _of_object(self, anchor: Token) -> str | None:
        """'86.7% of them', '873 kg of narcotic drugs', 'one of the murders'."""
        children = [c for t in self.span for c in t.children if c.i >= self.span.end]
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                obj = objects[0]
                if obj.lower_ in self.words.pronouns:
                    self.of_claim = self._antecedent_claim()
                    verb = _governing_verb(anchor)
                    if verb is not None and verb.lemma_ in SHARE_VERBS:
                        subject = self._subject(verb)
                        if subject:
                            return subject
                    predicate = self._predicate(anchor)
                    if predicate:
                        return predicate
                    if self.of_claim is not None:
                        return self.of_claim._.pressfacts_quantity.measure
                    return self._earlier_measure()
                return self._noun_with_verb(obj, include_verb=anchor.dep_ != "pobj")
        prep = anchor.head
        if anchor.dep_ == "pobj" and (
            (prep.lower_ == "of" and prep.head.pos_ == "NOUN")
            or (prep.lower_ in OWNER_PREPS and prep.head.pos_ in {"NOUN", "PROPN"})
        ):
            owner = anchor.head.head
            if self.words.direction(owner):
                for child in children:
                    if (
                        child.dep_ == "prep"
                        and child.lower_ in {"in", "among", "on"}
                        and not _is_time(child)
                        and not _pronominal(child)
                    ):
                        return f"{owner.text} {_phrase(child)}"
                return self._change_noun(owner) or _phrase(owner, exclude={anchor.head})
            if not self._generic(owner):
                return _phrase(owner, exclude={anchor.head})
        return None

    def _parenthetical(self, anchor: Token) -> str | None:
        """'27,318 crimes were solved (68.5%)': a figure alone in brackets after a clause
        with a claim measures what that claim does; so does a share in brackets right after
        a count ('4,103 visits (61.2% within a day)', 'Fife 2,377 (69.8%)')."""
        text = self.text
        before = text[: self.span.start_char].rstrip()
        after = text[self.span.end_char :].lstrip()
        opening = self.doc.char_span(len(before) - 1, len(before)) if before else None
        if not before.endswith("(") or opening is None or opening.start == 0:
            return None
        last = self.doc[opening.start - 1]
        if after.startswith(")") and last.pos_ == "VERB":
            return self._earlier_measure(same_sentence=True)
        count = self.previous[-1] if self.previous else None
        if (
            self.span._.pressfacts_quantity.kind != "percent"
            or count is None
            or count._.pressfacts_quantity.kind != "count"
            or count.sent != self.span.sent
            or last.i - count.end > 1
        ):
            return None
        return count._.pressfacts_quantity.measure

    def _followed_by(self, anchor: Token) -> str | None:
        """'Oslo led with $2 billion, followed by Bergen with $0.7 billion': the follower's
        figure measures what the leader's does, for the follower."""
        prep = anchor.head
        if anchor.dep_ != "pobj" or prep.lower_ != "with" or prep.head.lemma_ != "follow":
            return None
        agents = [
            p
            for c in prep.head.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not agents:
            return None
        follower = _phrase(agents[0])
        earlier = self._earlier_measure(same_sentence=True)
        leader = _subject_token(prep.head.head)
        if earlier is None or leader is None or earlier == _phrase(leader):
            return follower
        return f"{_without_holder(earlier)} ({follower})"

    def _duration_event(self, anchor: Token) -> str | None:
        """'sentenced to 4 years in prison', 'arriving within eleven minutes': the event a
        duration belongs to, told by its verb and the verb's other phrases."""
        if self.span._.pressfacts_quantity.kind != "duration" or anchor.dep_ != "pobj":
            return None
        verb = anchor.head.head
        if verb.pos_ != "VERB" or anchor.head.dep_ != "prep":
            return None
        parts = [verb.text]
        outside = [c for t in self.span for c in t.children if c.i >= self.span.end]
        for token in sorted({*verb.children, *outside}, key=lambda t: t.i):
            if (
                token.dep_ in {"prep", "dobj"}
                and token != anchor.head
                and token.i > verb.i
                and not _is_time(token)
                and not any(t in self.span for t in token.subtree)
            ):
                parts.append(_phrase(token))
        return " ".join(parts)

    def _multiplied(self, anchor: Token) -> str | None:
        """'four times the number a year before': what the multiple is taken of."""
        end = self.span.end
        if self.span._.pressfacts_quantity.unit != "times" or end + 1 >= len(self.doc):
            return None
        noun = self.doc[end].head
        if (
            self.doc[end].pos_ != "DET"
            or noun.i <= end
            or noun.pos_ not in {"NOUN", "PROPN"}
            or noun.dep_ == "npadvmod"
        ):
            return self._frequency()
        return _phrase(noun)

    def _frequency(self) -> str | None:
        """'patrols were attacked 14 times': how often the verb happened (its holder is added)."""
        times = self.span[-1]
        verb = times.head
        if times.dep_ not in {"npadvmod", "advmod", "dobj"} or verb.pos_ != "VERB":
            return None
        return None if self.words.direction(verb) else verb.text

    def _compared_level(self, anchor: Token) -> str | None:
        """'registered 42,316 crimes, 1.8% fewer than ...': the measure of the level compared."""
        doc = self.doc
        i = self.span.end
        while i < self.span.sent.end and i - self.span.end < 8 and not doc[i].is_alpha:
            i += 1
        if i < self.span.sent.end and doc[i].lower_ == "or":
            restated = _quantity_at(doc, i + 1)
            i = restated.end if restated is not None else i
        if i + 1 >= self.span.sent.end or doc[i].lower_ not in COMPARATIVES:
            return None
        if doc[i + 1].lower_ != "than":
            return None
        return self._earlier_measure(same_sentence=True)

    def _in_object(self, anchor: Token) -> str | None:
        """'$412,600 in restitution', '$1 billion in fines': what an amount is made of;
        'Rs 2 crore for drainage', 'R1.35 billion on forensic laboratories', '$4.7 million
        to free vaccines', '$5 million in 2025 for bridges': what money is for."""
        kind = self.span._.pressfacts_quantity.kind
        if kind not in {"money", "mass", "volume"}:
            return None
        heads = (anchor, anchor.head) if anchor.dep_ == "dobj" else (anchor,)
        for child in (c for head in heads for c in head.children):
            if kind == "money" and self._purpose_clause(child):
                objects = [c for c in child.children if c.dep_ == "dobj"]
                return f"{child.text} {_phrase(objects[0])}" if objects else child.text
            if child.dep_ != "prep" or child.i < self.span.end:
                continue
            if child.i > self.span.end and not _dated(self.doc[self.span.end : child.i]):
                continue
            if kind == "money" and child.lower_ in PURPOSE_PREPS and not _is_time(child):
                objects = [
                    c
                    for c in child.children
                    if c.dep_ == "pobj" and (c.pos_ == "NOUN" or c.tag_ == "VBG")
                ]
                if objects and not _pronominal(child):
                    return _phrase(objects[0])
            if child.lower_ == "in":
                if _is_time(child) or _pronominal(child):
                    continue
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects and objects[0].ent_type_ not in {"GPE", "LOC", "DATE"}:
                    return _phrase(objects[0])
        return None

    def _worth(self, anchor: Token) -> str | None:
        """'exported goods worth $1.7 billion': the value of the noun 'worth' describes."""
        worth = anchor.head
        if worth.lower_ != "worth" or worth.head.pos_ != "NOUN" or worth.head.i > worth.i:
            return None
        noun = worth.head
        if self._generic(noun):
            return None
        phrase = _phrase(noun, exclude={worth}, lemma=True)
        verb = noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None
        return f"{phrase} {verb.text}" if verb is not None else phrase

    def _apposed(self, anchor: Token) -> str | None:
        """'recorded the most burglaries, 3,120, of which ...': a bare count set off by
        commas beside a noun counts that noun."""
        noun, end = anchor.head, self.span.end
        if anchor.dep_ != "appos" or noun.pos_ != "NOUN" or noun.i > anchor.i:
            return None
        if end >= len(self.doc) or self.doc[end].text != ",":
            return None
        if self.span._.pressfacts_quantity.kind != "count" or self._generic(noun):
            return None
        return self._noun_with_verb(noun)

    def _second_verb(self, anchor: Token) -> str | None:
        """'killed 9 people and injured 104': a bare count after the second of two verbs
        counts the first one's object, by the second verb ('people injured')."""
        verb = anchor.head
        if anchor.dep_ != "dobj" or verb.dep_ != "conj" or verb.pos_ != "VERB":
            return None
        if self.span._.pressfacts_quantity.kind != "count":
            return None
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        return f"{objects[0].text} {verb.text}" if objects else None

    def _purpose_clause(self, token: Token) -> bool:
        """The token is the verb of a 'to' clause right after the claim ('to free vaccines')."""
        end = self.span.end
        return (
            token.dep_ in {"advcl", "xcomp"}
            and token.pos_ == "VERB"
            and end < len(self.doc)
            and self.doc[end].lower_ == "to"
            and self.doc[end].head == token
        )

    def _object_of_level(self, anchor: Token) -> str | None:
        """'bringing the clearance rate to 66.6%', 'cut road deaths by 10%', 'selling the
        phone for $1,062': the object."""
        prep = anchor.head
        if anchor.dep_ != "pobj" or prep.lower_ not in {"to", "at", "by", "for"}:
            return None
        if prep.lower_ == "for" and self.span._.pressfacts_quantity.kind != "money":
            return None
        verb = prep.head
        if prep.lower_ == "for" and verb.dep_ == "dobj":
            verb = verb.head  # 'selling the basic version of the phone for 7,199 yuan'
        if verb.pos_ != "VERB" or prep.dep_ not in {"prep", "dative"}:
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i]
        if not objects or objects[0].lower_ in self.words.pronouns:
            return None
        obj = objects[0]
        if self._generic(obj) and not any(c.lower_ == "of" for c in obj.children):
            return None
        return _phrase(obj, exclude={prep})

    def _counted_noun(self, anchor: Token) -> Token | None:
        """The noun the number counts: '26,004 crimes', '14.7% fewer crimes', 'a 1% decline'."""
        if anchor.dep_ in {
            "nummod",
            "amod",
            "compound",
            "quantmod",
            "predet",
        } and anchor.head.pos_ in {
            "NOUN",
            "PROPN",
        }:
            head = _noun_head(anchor.head)
            if (
                head.i >= self.span.end
                and head.is_alpha
                and head.lemma_.lower() not in TIME_NOUNS
                and not any(s.start <= head.i < s.end for s in self.doc.spans[SPANS_QUANTITIES])
            ):
                return head
        end = self.span.end
        j = end
        while j < len(self.doc) and j - end < 3 and self.doc[j].pos_ == "ADJ":
            j += 1
        if j > end and j < len(self.doc) and self.doc[j].pos_ == "NOUN":
            head = _noun_head(self.doc[j])
            return None if head.lemma_.lower() in TIME_NOUNS else head
        if end < len(self.doc) and "\n" not in self.doc[end - 1].whitespace_:
            token = self.doc[end]
            if token.lower_ in {"more", "fewer", "less"} and end + 1 < len(self.doc):
                nxt = self.doc[end + 1]
                if nxt.pos_ in {"NOUN", "PROPN"} or nxt.dep_ == "amod":
                    return _noun_head(nxt)
            if token.pos_ == "NOUN" and token.lemma_.lower() not in TIME_NOUNS:
                return token
        return None

    def _noun_with_verb(self, noun: Token, *, include_verb: bool = True) -> str:
        """'crimes registered', 'narcotic drugs removed from illegal circulation'."""
        if noun.lower_ in self.words.pronouns:
            return self._earlier_measure() or noun.text
        if self.words.direction(noun) and noun.tag_ == "NN":
            return self._change_noun(noun) or noun.text
        phrase = _phrase(noun, exclude=set(self.span), lemma=True)
        relative = _relative_predicate(noun)
        if relative:
            phrase = f"{phrase} {relative}"
        carrier = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            whole = noun.head.head
            if self._generic(whole) or whole in self.span:
                carrier = whole
        owner = self._owner(carrier)
        if owner:
            return f"{phrase} ({owner})"
        verb = carrier.head if carrier.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
        if not include_verb or verb is None or verb.pos_ not in {"VERB", "AUX"}:
            return phrase
        done = _subject_predicate(carrier, verb, share=carrier in self.span)
        if done:
            return f"{phrase} {done}"
        intransitive = (
            carrier.dep_ == "nsubj"
            and verb.pos_ == "VERB"
            and verb.lemma_ not in COPULAS
            and not any(
                c.dep_ in {"dobj", "attr", "xcomp"} or (c.dep_ == "acomp" and c.tag_ != "JJR")
                for c in verb.children
            )
        )
        if (
            carrier.dep_ == "nsubjpass"
            or intransitive
            or (carrier.dep_ == "dobj" and verb.tag_ in {"VBN", "VBD"})
        ):
            preps = sorted(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "prep"
                    and c.lower_ not in PREPS_DROPPED
                    and not _is_time(c)
                    and not _about_time(c)
                    and not _pronominal(c)
                ),
                key=lambda c: c.i < verb.i,
            )
            place = " ".join(_phrase(p) for p in preps[:1])
            if carrier.dep_ == "dobj":
                subject = self._subject(verb)
                by = f" by {subject}" if subject and verb.lemma_ not in COPULAS else ""
                if place and place in by:
                    place = ""
                return f"{phrase} {verb.text}{by} {place}".strip()
            return f"{phrase} {verb.text} {place}".strip()
        if carrier.dep_ == "dobj":
            subject = self._subject(verb)
            return f"{phrase} ({subject})" if subject else phrase
        return phrase

    def _owner(self, noun: Token) -> str | None:
        """Whose the counted things are: 'a dozen is 13 units' → 'dozen', 'sales of 5,835
        units' → 'sales'."""
        head = noun.head
        if noun.dep_ == "attr" and head.lemma_ in COPULAS:
            return self._subject(head)
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            owner = head.head
            if (
                owner not in self.span
                and not self._generic(owner)
                and not self.words.direction(owner)
                and not any(s.start <= owner.i < s.end for s in self.doc.spans[SPANS_QUANTITIES])
            ):
                return _phrase(owner, exclude={head})
        return None

    def _change_noun(self, noun: Token) -> str | None:
        """'a 1% decline in the rate' → 'decline in the rate'; else what changed, from context
        (not from what it is compared with: 'a decrease of 4,300 on the February figure')."""
        for child in noun.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in {"in", "on", "of", "among", "for", "across", "at", "within"}
                and not _is_time(child)
                and not _about_time(child)
                and not any(self._generic(c) for c in child.children if c.dep_ == "pobj")
                and not any(t in self.span for t in child.subtree)
            ):
                return f"{noun.text} {_phrase(child)}"
        verb = _governing_verb(noun)
        token = _subject_token(verb)
        if (
            verb is not None
            and token is not None
            and token != noun
            and not self.words.direction(token)
        ):
            subject = self._subject(verb)
            if subject:
                return subject
        return self._earlier_measure() or self._left_chunk()

    def _subject(self, verb: Token) -> str | None:
        """The subject of the verb (or of the verb it is coordinated with), with its place;
        never a letterhead that the parser joined to the sentence."""
        token = _subject_token(verb)
        if token is None or token in self.span or token.like_num:
            return None
        if _heading(token):
            return None
        lower = token.lower_
        if lower in {"which", "that", "who"} and token.head.dep_ == "relcl":
            head = token.head.head
            while (
                head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN"
            ):
                head = head.head.head
            return (
                None if head.ent_type_ in {"DATE", "TIME"} else _phrase(head, exclude={token.head})
            )
        if lower in self.words.pronouns:
            return self._pronoun(token)
        if self._generic(token):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    return f"{token.text} of {_phrase(objects[0])}" if objects else _phrase(token)
            for child in token.children:
                if child.dep_ == "poss" and child.lower_ in self.words.pronouns:
                    return self._pronoun(child) or _phrase(token)
            return (
                self._earlier_measure(same_sentence=True)
                or self._left_chunk(before=token)
                or self._earlier_measure()
                or _phrase(token)
            )
        if self.words.direction(token) and token.pos_ == "NOUN":
            for child in token.children:
                if child.dep_ == "poss" and child.lower_ in self.words.pronouns:
                    return self._pronoun(child)
            return self._change_noun(token)
        phrase = _phrase(token)
        place = [
            c
            for c in verb.children
            if c.dep_ == "prep" and c.i < token.i and not _is_time(c) and not _pronominal(c)
        ]
        if place and (
            place[0].lower_ in {"in", "on", "at", "among"}
            or (place[0].lower_ == "for" and not _about_time(place[0]))
        ):
            phrase = f"{phrase} {_phrase(place[0])}"
        return phrase

    def _fuller_measure(self, token: Token | None) -> str | None:
        """'The rate was 4.0%' after 'The unemployment rate in Ireland was 4.2%': a bare
        noun with 'the' names the fuller measure of a claim in the last three sentences
        whose first noun phrase it heads."""
        children = list(token.children) if token is not None else []
        if token is None or token.pos_ != "NOUN" or not token.is_alpha or not children:
            return None
        if any(c.dep_ != "det" or c.lower_ != "the" for c in children):
            return None
        first = token.sent.start
        for _ in range(2):
            first = self.doc[first - 1].sent.start if first > 0 else first
        for span in reversed(self.previous):
            if span.start < first:
                return None
            measure = str(span._.pressfacts_quantity.measure or "")
            head = re.split(r"\s(?:in|of|on|by|for|among)\s|\(", measure.lower())[0]
            if _words(token.text) <= _words(head) and _words(token.text) < _words(measure):
                return measure
        return None

    def _pronoun(self, token: Token) -> str | None:
        """What 'it', 'their' or 'they' stands for: a subject earlier in the text, never a
        letterhead or dateline the parser made the subject of the next line's verb."""
        plural = token.lower_ in {"they", "them", "their", "these", "those"}
        sent = token.sent
        earlier = [
            t
            for t in sent
            if t.i < token.i
            and t.dep_ in {"nsubj", "nsubjpass"}
            and t.pos_ in {"NOUN", "PROPN"}
            and not self._generic(t)
            and _may_stand_for(token, t)
        ]
        if earlier:
            return _phrase(earlier[0])
        if sent.start > 0:
            prev_sent = self.doc[sent.start - 1].sent
            chunks = [c for c in prev_sent.noun_chunks if c.root.lower_ not in self.words.pronouns]
            if plural:
                plural_chunks = [c for c in chunks if c.root.tag_ in {"NNS", "NNPS"}]
                if plural_chunks:
                    return _phrase(plural_chunks[-1].root)
            subjects = [
                c
                for c in chunks
                if c.root.dep_ in {"nsubj", "nsubjpass"}
                and _may_stand_for(token, c.root)
                and "\n" not in _between(c.root, c.root.head)
            ]
            if subjects:
                return _phrase(subjects[0].root)
        return self._earlier_measure()

    def _left_phrase(self) -> str | None:
        """The noun phrase right before an elliptical figure: 'acts of brigandage by 20.2%'."""
        doc = self.doc
        i = self.span.start - 1
        while i >= self.span.sent.start and doc[i].lower_ in {
            "by", "(", "up", "down", "between", "were", "there", "here", "almost", "nearly",
            "about",
        }:  # fmt: skip
            i -= 1
        if doc[i].tag_ == "VBZ" and doc[i + 1].lower_ in {"up", "down"}:
            return doc[i].text
        if i < self.span.sent.start or doc[i].pos_ not in {"NOUN", "PROPN", "PRON", "ADP", "PUNCT"}:
            return None
        if doc[i].pos_ == "PUNCT" and doc[i].text != ")":
            return None
        end = i + 1
        depth = 0
        while i >= self.span.sent.start:
            token = doc[i]
            if token.text == ")":
                depth += 1
            elif token.text == "(":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and token.text in BOUNDARY:
                break
            elif depth == 0 and token.pos_ in {"CCONJ", "AUX", "SCONJ"}:
                right = doc[i + 1].lower_ if i + 1 < len(doc) else ""
                if right not in {"under", "over", "more", "less", "above", "below"}:
                    break
            elif depth == 0 and token.pos_ == "VERB" and token.tag_ not in {"VBN", "VBG"}:
                break
            i -= 1
        words = [t for t in doc[i + 1 : end] if t.pos_ != "DET"]
        while words and words[0].pos_ in {"ADP", "CCONJ", "PUNCT"}:
            words.pop(0)
        nouns = [t for t in words if t.pos_ in {"NOUN", "PROPN"} or t.tag_ == "VBG"]
        if not nouns or all(t.ent_type_ in {"GPE", "LOC", "DATE"} for t in nouns):
            return None
        return _join(words)

    def _after_noun(self) -> bool:
        """The token before the claim ends a noun phrase: 'and rape 5 percent'."""
        i = self.span.start - 1
        return i >= self.span.sent.start and self.doc[i].pos_ in {"NOUN", "PROPN"}

    def _predicate(self, anchor: Token) -> str | None:
        """'65 of them became martyrs' → 'martyrs'; '347 were injured' → 'injured'; '5,017
        were classified as high-value individuals' → 'classified as high-value individuals'."""
        verb = anchor.head if anchor.dep_ in {"nsubj", "nsubjpass"} else self._verb_after()
        if verb is None:
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.i == anchor.i + 1 and objects:
            return f"{verb.text} {_phrase(objects[0])}"
        for child in verb.children:
            if child.dep_ in {"attr", "acomp"} and child.pos_ in {"NOUN", "ADJ"}:
                return _phrase(child)
        if anchor.dep_ == "nsubjpass" or verb.tag_ == "VBN":
            named = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
            return f"{verb.text} {_phrase(named[0])}" if named else verb.text
        return None

    def _verb_after(self) -> Token | None:
        """'..., and 5,017 were classified as ...': a bare number right before an auxiliary
        is the subject of its verb, whatever the parser attached it to."""
        end = self.span.end
        if self.span._.pressfacts_quantity.unit is not None:
            return None
        if end >= len(self.doc) or self.doc[end].pos_ != "AUX":
            return None
        aux = self.doc[end]
        if aux.dep_ in {"aux", "auxpass"} and aux.head.i > aux.i and aux.head.pos_ == "VERB":
            return aux.head
        return aux if aux.dep_ in {"ROOT", "conj", "ccomp"} else None

    def _earlier_measure(self, *, same_sentence: bool = False) -> str | None:
        for span in reversed(self.previous):
            if same_sentence and span.sent != self.span.sent:
                return None
            measure = span._.pressfacts_quantity.measure
            if measure:
                return str(measure)
        return None

    def _antecedent_claim(self) -> Span | None:
        """The count a share refers back to: the nearest earlier count, at most a sentence back."""
        first = self.span.sent.start
        earliest = self.doc[first - 1].sent.start if first > 0 else first
        for span in reversed(self.previous):
            if span.start < earliest:
                return None
            if span._.pressfacts_quantity.kind == "count":
                return span
        return None

    def _left_chunk(self, before: Token | None = None) -> str | None:
        limit = before.i if before is not None else self.span.start
        chunks = [
            c
            for c in self.span.sent.noun_chunks
            if c.end <= limit
            and c.root.lower_ not in self.words.pronouns
            and not self._generic(c.root)
            and not self.words.direction(c.root)
            and c.root.lemma_.lower() not in TIME_NOUNS
            and not any(t.like_num for t in c)
        ]
        return _phrase(chunks[-1].root) if chunks else None

    def _generic(self, token: Token) -> bool:
        """'the figure' says nothing about what is counted; 'the trade balance figures' does."""
        if token.lower_ not in self.words.generic:
            return False
        return not any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < token.i for c in token.children
        )


def _restates(text: str, span: Span, previous: list[Span], *, loose: bool = False) -> bool:
    """The claim restates the one before in other units ('87 mph (140 km/h)'), or, when
    `loose`, continues it ('fell by 8.1% or 832', 'by 7.3 percent to 15,241')."""
    if not previous:
        return False
    gap = text[previous[-1].end_char : span.start_char]
    pattern = r"\s*(?:[(/]|to|,? or)\s*" if loose else r"\s*[(/]\s*"
    return re.fullmatch(pattern, gap) is not None


def _restated_part(text: str, span: Span, previous: list[Span]) -> Span | None:
    """'82 of the 266 drivers who died, or 31%, were unbelted': the share after 'or'
    restates the part (82), not the whole just before it."""
    if len(previous) < 2 or span._.pressfacts_quantity.kind != "percent":
        return None
    part, whole = previous[-2], previous[-1]
    if not part.sent == whole.sent == span.sent:
        return None
    if re.fullmatch(r"\s+of\s+(?:the\s+)?", text[part.end_char : whole.start_char]) is None:
        return None
    return part if re.search(r",\s*or\s*$", text[whole.end_char : span.start_char]) else None


_LABEL_RE = re.compile(
    r"^[ \t]*(?:[-•*–—]+[ \t]*)?(?P<label>[^\W\d][^:\n]{0,60}):[ \t]*(?:(?:an?|the)[ \t]+)?$",
    re.IGNORECASE,
)


def _without_holder(measure: str) -> str:
    """'notification (Influenza A)' → 'notification': the measure without whose it is."""
    if not measure.endswith(")"):
        return measure
    depth = 0
    for k in range(len(measure) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(measure[k], 0)
        if depth == 0:
            return measure[:k].rstrip()
    return measure


def _label(text: str, span: Span) -> str | None:
    """'Thefts: 15,482', '- school-age children: 27.5%': the label before a colon that
    starts the line of the number."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    m = _LABEL_RE.match(text[line_start : span.start_char])
    if m is None or len(m.group("label").split()) > 6:
        return None
    return m.group("label").strip()


def _subject_predicate(subject: Token, verb: Token, *, share: bool) -> str | None:
    """What the subject is or did: '121,500 persons were unemployed' → 'unemployed'; of a
    share, its verb and object too: '28.9% of Victorians had received a flu vaccine' →
    'received flu vaccine'."""
    if subject.dep_ != "nsubj":
        return None
    children = list(verb.children)
    if verb.lemma_ in {"be", "become", "remain"}:
        complements = [
            c for c in children if c.dep_ == "acomp" and c.tag_ in {"JJ", "VBN"} and c.i > verb.i
        ]
        return complements[0].text if complements else None
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    if share and verb.pos_ == "VERB" and objects:
        return f"{verb.text} {_phrase(objects[0])}"
    return None


def _may_stand_for(pronoun: Token, subject: Token) -> bool:
    """'it' stands for no person ('Ann Bell said: "... it has risen"')."""
    return not (pronoun.lower_ in {"it", "its"} and subject.ent_type_ == "PERSON")


def _modifies_object(verb: Token, span: Span) -> bool:
    """'added a 30 degree homer': the number describes the verb's object, not its change."""
    doc = span.doc
    between = doc[verb.i + 1 : span.start]
    return (
        verb.pos_ == "VERB"
        and any(t.lower_ in {"a", "an"} for t in between)
        and span.end < len(doc)
        and doc[span.end].pos_ == "NOUN"
    )


def _compared_after(doc: Doc, i: int) -> Token | None:
    """The comparative of 'fewer than', ', fewer than' or 'crimes fewer than' from token i."""
    if i < len(doc) and doc[i].lower_ == ",":
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].lower_ not in COMPARATIVES:
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in COMPARATIVES and doc[i + 1].lower_ == "than":
        return doc[i]
    return None


def _counts_lives(span: Span) -> bool:
    """'lost 36 lives': the number counts deaths, it is not the size of a fall."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in {"life", "lives"}


def _relative_predicate(noun: Token) -> str | None:
    """What a relative clause says of the noun: 'people who were unemployed' → 'unemployed',
    'persons who died' → 'died'."""
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        children = list(clause.children)
        if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in RELATIVE for c in children):
            continue
        predicate = [c for c in children if c.dep_ in {"acomp", "attr"} and c.pos_ != "PRON"]
        if predicate:
            return predicate[0].text
        if clause.pos_ == "VERB" and not any(c.dep_ in {"dobj", "ccomp"} for c in children):
            return clause.text
    return None


def _heading(token: Token) -> bool:
    """A noun and its compounds written in capitals ('NATIONAL BUREAU') are a letterhead."""
    words = [*(t for t in token.lefts if t.dep_ == "compound"), token]
    return len(words) > 1 and all(t.is_upper for t in words)


def _noun_head(token: Token) -> Token:
    """The head of the noun phrase a modifier starts: 'home' → 'burglaries'."""
    while token.dep_ in {"amod", "compound"} and token.head.i > token.i:
        token = token.head
    return token


def _quantity_at(doc: Doc, start: int) -> Span | None:
    """The quantity span that starts at token `start`, if any."""
    return next((s for s in doc.spans[SPANS_QUANTITIES] if s.start == start), None)


def _anchor(span: Span) -> Token:
    """The token that carries the claim in the parse: the unit noun, else the number."""
    for token in reversed(span):
        outside = token.head.i < span.start or token.head.i >= span.end or token.head == token
        if token.pos_ in {"NOUN", "PROPN", "NUM", "SYM", "X"} and not token.is_punct and outside:
            return token
    return span.root


def _governing_verb(token: Token) -> Token | None:
    while token.head != token:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return token if token.pos_ in {"VERB", "AUX"} else None


def _subject_token(verb: Token | None) -> Token | None:
    """The verb's subject; a participle's is the noun it modifies; never one a line above."""
    seen = 0
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if subjects:
            subject = next((c for c in subjects if not _heading(c)), subjects[0])
            if "\n" in _between(subject, verb):
                return _line_subject(verb) or subject
            return subject
        if _participle_of_noun(verb):
            return verb.head
        if verb.dep_ in {"conj", "xcomp", "advcl", "ccomp", "acl", "acomp"} and verb.head != verb:
            if "\n" in _between(verb.head, verb):
                return _line_subject(verb)  # a heading's verb, joined by the parser
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _line_subject(verb: Token) -> Token | None:
    """When the parser joined a heading or byline to the sentence, the subject is the first
    noun phrase on the verb's own line ('Highlights\n\n• The Index ... climbed'), even one the
    parser began on the line above ('Lagos, 3 May\n\nThe index ... climbed')."""
    start = verb.i
    while start > verb.sent.start and "\n" not in verb.doc[start - 1].text:
        start -= 1
    for chunk in verb.sent.noun_chunks:
        root = chunk.root
        if not start <= root.i < verb.i:
            continue
        if root.pos_ != "PRON" and root.ent_type_ not in {"GPE", "DATE", "TIME", "CARDINAL"}:
            return root
    return None


def _participle_of_noun(verb: Token) -> bool:
    """'claims ranging from', 'products priced at'; not 'cameras installed there recorded
    860 violations' (a passive participle takes no object)."""
    if verb.dep_ != "acl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return verb.tag_ == "VBG" or (
        verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _phrase(
    token: Token, exclude: set[Token] | frozenset[Token] = frozenset(), *, lemma: bool = False
) -> str:
    """The token's noun phrase: modifiers, prepositional phrases and participles, no clauses.

    With `lemma`, a plural head noun is given in its base form ('crimes' → 'crime'), the way
    a count names what it counts.
    """
    keep: list[Token] = []

    def walk(t: Token, depth: int) -> None:
        keep.append(t)
        for child in t.children:
            if child in exclude or "\n" in _between(t, child):
                continue
            if child.dep_ == "punct" and child.text in {"-", "/"}:
                keep.append(child)
                continue
            if child.dep_ in {"relcl", "advcl", "punct", "cc", "det"}:
                continue
            if child.dep_ == "poss" and child.pos_ not in {"PROPN", "NOUN"}:
                continue
            if child.dep_ == "acl" and (child.tag_ not in {"VBN", "VBG"} or depth > 1):
                continue
            if child.dep_ == "appos" and (depth > 0 or any(t.like_num for t in child.subtree)):
                continue
            if child.dep_ == "prep" and (child.lower_ in PREPS_DROPPED or _is_time(child)):
                continue
            if child.dep_ == "conj" and (depth > 1 or any(t.like_num for t in child.subtree)):
                continue
            if child.like_num or child.dep_ in {"nummod", "quantmod"}:
                continue
            if child.lower_ in {"more", "fewer", "less"}:
                continue
            walk(child, depth + 1)

    walk(token, 0)
    keep.sort(key=lambda t: t.i)
    words = [t for t in keep if t.pos_ != "DET"][:MAX_MEASURE_TOKENS]
    return _join(words, token if lemma and token.tag_ == "NNS" else None)


def _between(a: Token, b: Token) -> str:
    """The text from the first of two tokens to the end of the other (the Doc's text, cut)."""
    first, last = (a, b) if a.i < b.i else (b, a)
    return doc_text(a.doc)[first.idx : last.idx + len(last)]


def _join(tokens: list[Token], lemma: Token | None = None) -> str:
    """Tokens as written: 'non-violent' stays one word, gaps become one space."""
    out = []
    for k, token in enumerate(tokens):
        out.append(_singular(token) if token == lemma else token.text)
        if k + 1 < len(tokens):
            adjacent = tokens[k + 1].i == token.i + 1
            out.append(token.whitespace_ if adjacent else " ")
    return "".join(out)


def _singular(token: Token) -> str:
    """The noun's lemma ('crimes' → 'crime'), but a plural in '-ses' stays as written when
    the lemma ends in one 's': 'doses' may be 'dose' or 'dos' as 'buses' is 'bus'."""
    lemma = token.lemma_
    if token.lower_ == lemma.lower() + "es" and lemma.endswith("s") and not lemma.endswith("ss"):
        return token.text
    return lemma


def _is_time(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in {"DATE", "TIME"} or o.like_num for o in objects)


def _dated(span: Span) -> bool:
    """The words are a date or period and its preposition: 'in FY2024', 'in 2025'."""
    dates = span.doc.spans.get(SPANS_DATES, [])
    return all(t.pos_ in {"ADP", "DET"} or any(d.start <= t.i < d.end for d in dates) for t in span)


def _about_time(prep: Token) -> bool:
    """'for the first time', 'for the year': a time, not a topic."""
    return any(c.dep_ == "pobj" and c.lemma_.lower() in TIME_NOUNS for c in prep.children)


def _pronominal(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.pos_ == "PRON" for c in prep.children)


def _starts_with(doc: Doc, span: Span, words: set[str]) -> bool:
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in {"almost", "nearly", "about", "some", "only", "just"}:
        i -= 1
    return i >= 0 and doc[i].lower_ in words


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+([,.;:)])", r"\1", phrase)
    phrase = re.sub(r"\(\s+", "(", phrase)
    return " ".join(phrase.split()).strip(" ,;:-–")


_PER_RE = re.compile(r"\bper\s+(?P<n>\d[\d,.\s]*\d|\d)\s+(?P<what>[A-Za-z]+)", re.IGNORECASE)


def _rate(text: str, span: Span, info: QuantityInfo) -> None:
    """A count is a rate when its noun or measure says 'per 100,000 inhabitants' or 'rate'."""
    if info.kind not in {"count"} or info.per_value is not None:
        return
    window = text[span.end_char : span.end_char + 40]
    m = _PER_RE.search(window) if re.match(r"^\s*\w+\s+per\b", window) else None
    if m is None and info.measure and "rate" in info.measure.lower().split():
        m = _PER_RE.search(span.sent.text)
    if m is None:
        if info.measure and "index" in info.measure.lower():
            info.kind = "other"
        return
    base = parse_digits(m.group("n").strip())
    if base is None:
        return
    info.kind = "rate"
    info.per_value = base.value
    info.per_unit = m.group("what").lower()


def _words(text: str) -> set[str]:
    """Lower-case words with a plural 's' dropped, to compare two phrases."""
    return {w.removesuffix("s") for w in re.findall(r"[a-z]+", text.lower())}
