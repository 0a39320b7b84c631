"""`age`: a stated age against a birth date or year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta
from spacy.tokens import Token

from ..nlp import Parsed
from ..parse import relative_antecedent
from ..schema import Check, Entity, FactSheet, TimeExpression
from .common import APPOSITION, CUES, Sentence, interval, of_these_days, sentence_of, verdict, words_pattern


# "Tully, 48,", "Tully, now 48,", "Tully, who was 48,", "Tully (48)", "Tully is now 48 and …", "Tully, who died on
# Friday, was 48.": an age now, right after a name.
AGE_AFTER = re.compile(r"^,\s*(?:aged\s+|now\s+|who\s+(?:is|was)\s+(?:now\s+)?)?(?P<age>\d{1,3}),|^\s*\((?P<age2>\d{1,3})\)"
                       r"|^,\s+who\s+[^,.;]{1,40},\s+(?:is|was)\s+(?P<age4>\d{1,3})(?=\s*[,.;])"
                       r"|^\s+(?:is|was)\s+(?:now\s+)?(?P<age3>\d{1,3})(?:\s+years?\s+old)?(?=\s*[,.;]|\s+and\b)")
# "aged 87", "at the age of 91", "turned 70", "in his 82nd year" (which is age 81), "her 86th birthday".
AGE_WORDING = (r"\b(?:(?:aged|at\s+the\s+age\s+of|turned|turns)\s+(?P<age>\d{1,3})"
               r"|in\s+(?:his|her|their)\s+(?P<nth>\d{1,3})(?:st|nd|rd|th)\s+year"
               r"|(?:his|her|their)\s+(?P<birthday>\d{1,3})(?:st|nd|rd|th)\s+birthday)\b")
# "has died aged 87", "died on Friday at the age of 91": an age at death, said of the verb's subject.
AGE_AT_DEATH = re.compile(rf"\b(?P<cue>{words_pattern(CUES['death_cues'])})\b[^.;]{{0,40}}?{AGE_WORDING}", re.I)
# "mourning the death of the former mayor Ann Hale at the age of 87": an age at death, said of the one person
# named between.
DEATH_OF = re.compile(rf"\bdeath\s+of\b(?P<who>[^.;:!?]{{1,80}}?)(?:,\s*)?{AGE_WORDING}", re.I)
ANNIVERSARY = re.compile(r"\b(?:anniversary|years\s+(?:since|after)|memorial)\b", re.I)
# "in 1962, at the age of 28", "aged 70, in 1998", "turned 70 in March": an age at the date set beside it.
AGE_PHRASE = re.compile(AGE_WORDING, re.I)
# "was 50 when she won the award in 2021": an age at the date of the clause that follows.
AGE_WHEN = re.compile(r"\b(?:was|were)\s+(?P<age>\d{1,3})\s+when\b[^.;]{0,60}", re.I)
# "At 67, she still runs the shop": an age now, when the sentence goes on in the present tense.
AGE_OPENING = re.compile(r"^\s*At\s+(?P<age>\d{1,3}),")
# "is 136 years old", "the 136-year-old tower", with the date it was built, founded or born in its sentence.
YEARS_OLD = re.compile(r"\b(?P<age>\d{1,3})(?:\s+years?\s+old\b|-year-old\b)", re.I)
ORIGIN_CUE = re.compile(rf"\b(?:{words_pattern(CUES['origin_cues'])})\s+(?:in|on)\s+(?:the\s+year\s+)?$", re.I)
AGE_BEFORE = re.compile(r"(?P<age>\d{1,3})-year-old\s+(?:[\w.'-]+\s+){0,3}$")


# ------------------------------------------------------------------------------------------ age

def stated_ages(text: str, people: list[Entity]) -> Iterator[tuple[Entity, int, str]]:
    """'Ann Tully, 48,', 'Tully, who is 48,', 'Tully (48)', 'Tully is 48 and', 'the 48-year-old Tully'."""
    for person, age, about, _ in _ages_of_names(text, people):
        yield person, age, about


def named_age_starts(text: str, people: list[Entity]) -> set[int]:
    """Where the ages said of a named person start ('Ann Tully, 48,', 'the 48-year-old Tully')."""
    return {start for _, _, _, start in _ages_of_names(text, people)}


def _ages_of_names(text: str, people: list[Entity]) -> Iterator[tuple[Entity, int, str, int]]:
    """Each age said right after or before a person's name, with the words saying it and where the age starts."""
    for person in people:
        for mention in person.mentions:
            after = AGE_AFTER.match(text[mention.end:mention.end + 30])
            if after:
                group = next(name for name in ("age", "age2", "age3", "age4") if after[name])
                yield person, int(after[group]), text[mention.start:mention.end + after.end()].rstrip(","), \
                    mention.end + after.start(group)
            window = max(0, mention.start - 40)
            before = AGE_BEFORE.search(text[window:mention.start])
            if before:
                about = before.group(0).strip() + " " + mention.text
                yield person, int(before["age"]), about, window + before.start("age")


def age_of(found: re.Match) -> int:
    return int(found["age"] or found["birthday"]) if found["age"] or found["birthday"] else int(found["nth"]) - 1


def ages_at_death(parsed: Parsed, people: list[Entity],
                  dates: list[TimeExpression]) -> Iterator[tuple[Entity, int, str]]:
    """'Jane Hale, who …, has died aged 87': the age belongs to the subject of the death verb. An age with
    a date beside it ('died in 1998, aged 70') is an age at that date, which `dated_ages` reads."""
    for found in AGE_AT_DEATH.finditer(parsed.text):
        phrase = AGE_PHRASE.search(parsed.text, found.start(), found.end())
        if phrase is not None and date_beside(parsed.text, dates, *phrase.span()):
            continue
        verb = parsed.doc.char_span(*found.span("cue"), alignment_mode="expand")
        subject = next((child for token in (verb or []) for child in token.children
                        if child.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        subject = relative_antecedent(subject) or subject  # "Ann Hale, who has died aged 87,"
        person = next((person for person in people for m in person.mentions
                       if m.start <= subject.idx < m.end), None)
        if person is not None:
            yield person, age_of(found), found.group(0)
    for found in DEATH_OF.finditer(parsed.text):
        phrase = AGE_PHRASE.search(parsed.text, found.end("who"), found.end())
        named = {person.id: person for person in people for m in person.mentions
                 if found.start("who") <= m.start and m.end <= found.end("who")}
        # "the death of Ann Hale's husband at 80" is not hers
        owner = re.search(r"['’]s?\s", found["who"])
        # "marked 20 years since the death of …", "the death in 1990 of …": a death dated otherwise than now
        sentence = parsed.doc.char_span(*found.span(), alignment_mode="expand")
        dated = sentence is not None and any(
            t.start < sentence.sent.end_char and t.end > sentence.sent.start_char and not of_these_days(parsed, t)
            for t in dates)
        if (len(named) == 1 and phrase and not owner and not dated and not ANNIVERSARY.search(sentence.sent.text)):
            yield next(iter(named.values())), age_of(found), phrase.group(0)


def birth_dates(text: str, people: list[Entity], sheet: FactSheet,
                spans: list[Sentence]) -> Iterator[tuple[Entity, TimeExpression]]:
    """'X was born in 1977', 'X (born 3 May 1977)': the person named last before 'born'; 'Born in Leeds in
    1977, X trained …': the person named first after the opening clause; 'X (1932-2026)'."""
    for found in re.finditer(r"\bborn\b", text, re.I):
        sentence = sentence_of(spans, found.start())
        if sentence is None:
            continue
        when = next((t for t in sheet.times if t.type == "DATE" and found.end() <= t.start < sentence.end
                     and t.start - found.end() < 60 and interval(t.value)), None)
        if when is None:
            continue
        named = [(m.end, person) for person in people for m in person.mentions
                 if sentence.start <= m.start and m.end <= found.start()]
        if named:
            yield max(named, key=lambda pair: pair[0])[1], when
        elif not text[sentence.start:found.start()].strip():
            after = [(m.start, person) for person in people for m in person.mentions
                     if when.end <= m.start < sentence.end]
            if after:
                yield min(after, key=lambda pair: pair[0])[1], when
    for person in people:  # "Otto Berg (1932-2026)": a life's span after the name
        for mention in person.mentions:
            span = LIFESPAN.match(text, mention.end)
            when = next((t for t in sheet.times if span and t.start == span.start("born") and interval(t.value)), None)
            if when is not None:
                yield person, when


LIFESPAN = re.compile(r"\s*\((?:b\.\s*)?(?P<born>\d{4})\s*[-–]\s*(?:\d{4})?\)")


def ages_beside_origins(parsed: Parsed, sheet: FactSheet,
                        spans: list[Sentence]) -> Iterator[tuple[int, str, TimeExpression]]:
    """'The tower, built in 1889, is 136 years old': an age and a date of origin said of one thing in a
    sentence ('founded in 1990 by a 40-year-old engineer' says them of two)."""
    for sentence in spans:
        ages = list(YEARS_OLD.finditer(sentence.text))
        origins = origin_dates(parsed, sheet, sentence) if len(ages) == 1 else []
        if len(ages) != 1 or len(origins) != 1:
            continue
        (origin, cue), age = origins[0], ages[0]
        verb = parsed.doc.char_span(max(sentence.start, origin.start - 30) + cue.start(), origin.start,
                                    alignment_mode="expand")
        old = parsed.doc.char_span(sentence.start + age.start(), sentence.start + age.end(), alignment_mode="expand")
        if verb is None or old is None:
            continue
        said_of = bearer(verb[0]), bearer(old[-1])
        if said_of[0] is not None and said_of[0] == said_of[1]:
            yield int(age["age"]), age.group(0), origin


def origin_dates(parsed: Parsed, sheet: FactSheet, sentence: Sentence) -> list[tuple[TimeExpression, re.Match]]:
    """The sentence's dates told as when something was made ('built in 1889'), with the words that say so."""
    return [(t, cue) for t in sheet.times if t.type == "DATE" and sentence.start <= t.start < sentence.end
            and interval(t.value) and (cue := ORIGIN_CUE.search(parsed.text[max(sentence.start, t.start - 30):t.start]))]


def ages_after_origins(parsed: Parsed, sheet: FactSheet,
                       spans: list[Sentence]) -> Iterator[tuple[int, str, TimeExpression]]:
    """'The ferry line was set up in 1910. The 114-year-old company runs six boats': the age of the thing
    a sentence opens on, called back by a noun right after the sentence that told when it was made. Which thing
    'the firm' is the words do not prove, so the caller lets it only agree."""
    for before, sentence in zip(spans, spans[1:]):
        ages = list(YEARS_OLD.finditer(sentence.text))
        if len(ages) != 1 or ORIGIN_CUE.search(sentence.text):
            continue
        origins = [t for t, _ in origin_dates(parsed, sheet, before)
                   if not BORN_BEFORE.search(parsed.text[max(0, t.start - 12):t.start])]
        if len(origins) != 1:
            continue
        old = parsed.doc.char_span(sentence.start + ages[0].start(), sentence.start + ages[0].end(),
                                   alignment_mode="expand")
        thing = bearer(old[-1]) if old is not None else None
        if (thing is not None and thing.dep_ in ("nsubj", "nsubjpass") and thing.pos_ == "NOUN"
                and any(child.lower_ in ("the", "this", "its") for child in thing.children)):
            yield int(ages[0]["age"]), ages[0].group(0), origins[0]


def bearer(word: Token) -> Token | None:
    """What a participle or adjective is said of: the noun it modifies, else its clause's subject."""
    if word.dep_ in ("acl", "relcl", "amod"):
        return word.head
    verb = word.head if word.dep_ == "acomp" else word
    for _ in range(3):
        subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def date_beside(text: str, dates: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    """The date set right beside a phrase ('in 1962, at the age of 28', 'turned 70 in March'), if any; one
    after it first."""
    for when in sorted(dates, key=lambda t: t.start < start):
        between = text[when.end:start] if when.end <= start else text[end:when.start] if end <= when.start else "x"
        if between.strip(" ,(–—-").lower() in APPOSITION and len(between) < 8:
            return when
    return None


def dated_ages(parsed: Parsed, people: list[Entity], births: dict[str, TimeExpression],
               dates: list[TimeExpression]) -> Iterator[tuple[Entity, int, str, TimeExpression]]:
    """'She published it in 1962, at the age of 28': an age at the date beside it, said of the clause's
    subject; a pronoun subject stands for the one person whose birth the article dates."""
    born = [person for person in people if person.id in births]
    # "X, who was born in 1949, turned 77 in February": no one's age is counted at their birth
    dates = [t for t in dates if all(t is not birth for birth in births.values())]
    for found in AGE_PHRASE.finditer(parsed.text):
        when = date_beside(parsed.text, dates, found.start(), found.end())
        phrase = parsed.doc.char_span(*found.span(), alignment_mode="expand")
        if when is None or phrase is None:
            continue
        # "who turned 70" is its own verb; "aged 70" hangs on one
        own = [phrase.root] if phrase.root.tag_ in ("VBD", "VBZ", "VBP") else []
        verb = next((token for token in [*own, *phrase.root.ancestors] if token.pos_ in ("VERB", "AUX")), None)
        person = bearing_person(verb, people, born)
        if person is not None:
            yield person, age_of(found), found.group(0), when
    for found in AGE_WHEN.finditer(parsed.text):
        when = next((t for t in dates if found.end("age") < t.start < found.end()), None)
        verb = parsed.doc.char_span(*found.span(), alignment_mode="expand")
        person = bearing_person(verb[0], people, born) if verb is not None else None
        if when is not None and person is not None:
            yield person, int(found["age"]), parsed.text[found.start():found.end("age")], when


def bearing_person(verb: Token | None, people: list[Entity], born: list[Entity]) -> Entity | None:
    """The person a verb's clause is said of; a pronoun stands for the one person whose birth is dated."""
    subject = bearer(verb) if verb is not None else None
    if subject is None:
        return None
    return next((person for person in people for m in person.mentions if m.start <= subject.idx < m.end),
                born[0] if subject.pos_ == "PRON" and len(born) == 1 else None)


def ages_in_present(parsed: Parsed, people: list[Entity], births: dict[str, TimeExpression],
                    spans: list[Sentence]) -> Iterator[tuple[Entity, int, str]]:
    """'At 67, she still opens the shop', 'celebrates his 86th birthday this week', 'turns 70 today': an age
    now, said of the subject of a present-tense verb."""
    born = [person for person in people if person.id in births]
    for sentence in spans:
        found = AGE_OPENING.match(sentence.text)
        root = parsed.doc.char_span(sentence.start, sentence.end, alignment_mode="expand") if found else None
        if found is not None and root is not None and root.root.tag_ in ("VBZ", "VBP"):
            person = bearing_person(root.root, people, born)
            if person is not None:
                yield person, int(found["age"]), found.group(0).rstrip(",").strip()
    for found in AGE_PHRASE.finditer(parsed.text):
        phrase = parsed.doc.char_span(*found.span(), alignment_mode="expand")
        own = [phrase.root] if phrase is not None and phrase.root.tag_ in ("VBZ", "VBP") else []
        verb = next((token for token in [*own, *phrase.root.ancestors] if token.pos_ in ("VERB", "AUX")),
                    None) if phrase is not None else None
        if verb is not None and verb.tag_ in ("VBZ", "VBP"):
            person = bearing_person(verb, people, born)
            if person is not None:
                yield person, age_of(found), found.group(0)


def age_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    if parsed.published is None:
        return
    people = [entity for entity in sheet.entities if entity.type == "PERSON"]
    births = {person.id: when for person, when in birth_dates(parsed.text, people, sheet, spans)}
    dates = [t for t in sheet.times if t.type == "DATE" and interval(t.value)]
    now = TimeExpression(text="published", start=0, end=0, type="DATE", value=parsed.published.isoformat())
    stated = []
    if births:  # a person's age is checked only against their birth
        stated = [(age, about, births[person.id], now) for person, age, about in
                  [*stated_ages(parsed.text, people), *ages_at_death(parsed, people, dates),
                   *ages_in_present(parsed, people, births, spans)] if person.id in births]
        stated += [(age, about, births[person.id], at) for person, age, about, at in
                   dated_ages(parsed, people, births, dates) if person.id in births]
    done = set()
    told = {(when.start, age) for age, _, when, _ in stated}
    # the age of a thing ('the 136-year-old tower, built in 1889') is time passed since it was made
    things, loose = [], []
    for age, about, origin in ages_beside_origins(parsed, sheet, spans):
        born = BORN_BEFORE.search(parsed.text[max(0, origin.start - 12):origin.start])
        (stated if born else things).append((age, about, origin, now))
    for age, about, origin in ages_after_origins(parsed, sheet, spans):
        things.append((age, about, origin, now))
        loose.append(about)
    for age, about, when, at in [*stated, *things,
                                 *(found for found in figure_ages(parsed, sheet, spans, dates, now)
                                   if (found[2].start, found[0]) not in told)]:
        if (when.start, age) in done:
            continue
        (born_first, born_last), (at_first, at_last) = interval(when.value), interval(at.value)
        possible = range(relativedelta(at_first, born_last).years, relativedelta(at_last, born_first).years + 1)
        status = verdict(age in possible)
        if status != "consistent" and any(about is called_back for called_back in loose):
            continue
        done.add((when.start, age))
        shown = " or ".join(str(n) for n in possible) if len(possible) <= 3 else f"{possible[0]}–{possible[-1]}"
        kind = "elapsed" if any(about is thing[1] and when is thing[2] for thing in things) else "age"
        yield Check(kind=kind, status=status, about=[about, when.text] + ([at.text] if at is not now else []),
                    working=f"from {when.value} → {at.value} ({at.text}) = {shown} years old; "
                            f"stated {age}: {status}")


BORN_BEFORE = re.compile(r"\bborn\s+(?:on\s+|in\s+)?$", re.I)


def figure_ages(parsed: Parsed, sheet: FactSheet, spans: list[Sentence], dates: list[TimeExpression],
                now: TimeExpression) -> Iterator[tuple[int, str, TimeExpression, TimeExpression]]:
    """'Born in 1990, the 34-year-old …', 'born on 2 May 1961, … The 63-year-old spent …': an age figure and
    the one birth date told in its sentence or the sentence before, when no one else's birth is near."""
    births = [t for t in dates if BORN_BEFORE.search(parsed.text[max(0, t.start - 12):t.start])]
    # "He was born in 1942. … passes to his daughter Ann Tully, 52": an age said of a named person is theirs,
    # checked against their own birth or not at all
    named = named_age_starts(parsed.text, [entity for entity in sheet.entities if entity.type == "PERSON"])
    for figure in sheet.figures:
        if figure.kind != "age" or not isinstance(figure.value, (int, float)) or figure.start in named:
            continue
        sentence = next((i for i, s in enumerate(spans) if s.start <= figure.start < s.end), None)
        if sentence is None:
            continue
        window = spans[max(0, sentence - 1)].start, spans[sentence].end
        near = [t for t in births if window[0] <= t.start < window[1]]
        if len(near) != 1 or KIN_AFTER.match(parsed.text, figure.end):
            continue  # "born in 1960, … his 30-year-old son": someone else's age
        at = date_beside(parsed.text, [t for t in dates if t is not near[0]], figure.start, figure.end)
        if at is None and AGE_AT_AN_EVENT.search(parsed.text, max(0, figure.start - 20), figure.start):
            continue
        yield int(figure.value), figure.text, near[0], at or now


# "began singing from the age of 12", "left school aged 16", "turned professional at 19": an age at some event
# the clause tells, not the age now, unless a date stands beside it; ", aged 46," set off after a name is now.
AGE_AT_AN_EVENT = re.compile(r"(?:\bage\s+of|\bturn(?:ed|ing|s)|(?<![,(]\s)(?<![,(])\baged)\s+$", re.I)

# "the 30-year-old son", "her 12-year-old daughter": an age said of a relative, not of the one born
KIN_AFTER = re.compile(r"\s+(?:son|daughter|brother|sister|wife|husband|mother|father|child|grandson|granddaughter|"
                       r"nephew|niece|cousin|partner|boyfriend|girlfriend)\b", re.I)
