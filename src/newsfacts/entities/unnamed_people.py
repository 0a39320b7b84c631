"""People a story brings in without a name: 'A 17-year-old boy has been charged', called back as 'the teenager';
one its opening sentence brings in by what they are and the next names ('A 52-year-old nurse has been struck off …
Ann Lee was found…'); one named when called back ('a nurse … The nurse, Tom Reed,'); and a family that
speaks as one ('the Reed family said').
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import KINSHIP, PERSON_ROLE_NOUNS, TEEN_NOUNS, UNNAMED_PERSON_NOUNS, quote_cues
from ..parse import SUBJECT_DEPS, sentence_start
from .clusters import Cluster, cluster_of, gender_fits
from .descriptions import age_after, phrase_ends
from .words import tokens_spelling


AGED_PERSON = re.compile(r"\b([Aa]n?) (\d{1,2})-year-old (" + "|".join(UNNAMED_PERSON_NOUNS) + r")\b")
CALLED_BACK = re.compile(r"\b[Tt]he (" + "|".join(UNNAMED_PERSON_NOUNS) + r")\b")


def add_unnamed_people(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'A 17-year-old boy has been charged … The teenager appeared in court': a person the story brings in by age
    and never names is one person, called back by 'the' and the same noun (or 'the teenager' when under 20). Only
    when the article names no one of that age ('Tom Reed, 17,' would be the one) and only one such person is
    brought in."""
    intros = list(AGED_PERSON.finditer(text))
    if len(intros) != 1:
        return
    intro = intros[0]
    span = doc.char_span(intro.start(), intro.end())
    aged = any(end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text == intro.group(2)
               for k in clusters if k.type == "PERSON" for _, end, kind in k.mentions if kind == "name")
    if span is None or cluster_of(clusters, span.start) is not None or aged:
        return
    age, noun = int(intro.group(2)), intro.group(3)
    person = Cluster("PERSON", gender=UNNAMED_PERSON_NOUNS[noun])
    person.mentions.append((span.start, span.end, "description"))
    for later in CALLED_BACK.finditer(text, intro.end()):
        same = later.group(1) == noun or later.group(1) in TEEN_NOUNS and age < 20
        back = doc.char_span(later.start(), later.end()) if same else None
        if back is not None and cluster_of(clusters, back.start) is None and doc[back.end - 1].tag_ == "NN":
            person.mentions.append((back.start, back.end, "description"))
    clusters.append(person)


# How many sentences after the one bringing in an unnamed person a news story names them in; and which of its
# first sentences with a verb may be the one (a headline may come first).
LEDE_NAMING_WINDOW = 2
LEDE_SENTENCES = 2


def add_person_named_after_lede(doc: Doc, clusters: list[Cluster]) -> None:
    """'A 52-year-old nurse has been struck off … Ann Lee was found to have…': news brings the person its story is
    about in, by what they are, as the subject of its opening sentence, and names them as the subject of the next
    sentence naming anyone. Only when no person is named before, the description is of one person (no 'and his
    wife'), and what it says fits the one named: gender, and the age written after the name."""
    people = [k for k in clusters if k.type == "PERSON"]
    if not people:
        return
    clauses = [s for s in doc.sents if any(t.pos_ in {"VERB", "AUX"} for t in s)]
    # a byline ('By Ann Lee') is no clause, and names no one the story is about
    clause_starts = {s.start for s in clauses}
    named_at = sorted((s, k) for k in people for s, _, kind in k.mentions
                      if kind == "name" and doc[s].sent.start in clause_starts)
    if not named_at:
        return
    clauses = clauses[:LEDE_SENTENCES]
    lede = next((s for s in clauses if s.end > named_at[0][0] or _unnamed_subject(s) is not None), None)
    noun = _unnamed_subject(lede) if lede is not None and lede.end <= named_at[0][0] else None
    if noun is None:
        return
    sentence = lede
    for _ in range(LEDE_NAMING_WINDOW):
        if sentence.end >= len(doc):
            return
        sentence = doc[sentence.end].sent
        if any(sentence.start <= s < sentence.end for s, _ in named_at):
            break
    else:
        return
    subject = _main_subject(sentence)
    # 'The city's fire chief, Tom Reed, said': one brought in by another description is someone else
    person = next((k for k in people for s, e, kind in k.mentions if kind == "name" and s <= subject.i < e), None) \
        if subject is not None else None
    if person is None or min(s for s, k in named_at if k is person) < sentence.start \
            or not _fits_description(doc, noun, person) \
            or noun.left_edge.lower_ == "the" and _described_as_another(subject):
        return
    _name_the_unnamed(person, noun, clusters)


def _name_the_unnamed(person: Cluster, noun: Token, clusters: list[Cluster]) -> bool:
    """Give `person` the one a noun phrase brought in unnamed ('A 34-year-old man'), with whatever that phrase
    already stood for, unless that is someone named; whether it did."""
    first = noun.left_edge.i
    unnamed = cluster_of(clusters, first)
    if unnamed is not None and (unnamed is person or any(kind == "name" for _, _, kind in unnamed.mentions)):
        return False
    if unnamed is not None:
        person.mentions += unnamed.mentions
        clusters.remove(unnamed)
    person.mentions += [(first, end, "description") for end in phrase_ends(noun)]
    return True


def _unnamed_subject(sentence: Span) -> Token | None:
    """The head noun of a main clause's subject that brings in one person by what they are ('A 34-year-old
    man', 'A former nurse from Kelsby'), if it does."""
    subject = _main_subject(sentence)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN" \
            or not (subject.left_edge.lower_ in {"a", "an"} or _office_of_a_name(subject)) \
            or any(c.dep_ in {"conj", "cc"} for c in subject.children):
        return None
    others = [t for t in sentence if t != subject and t.tag_ == "NN" and t.dep_ != "poss" and _brings_in_a_person(t)]
    # 'A man has been charged with attacking a nurse', 'A mother has called for an inquiry after her son died': the
    # one named next may be either (not so one who only says whose a thing is: 'paid for her son's car')
    return subject if _brings_in_a_person(subject) and not others else None


def _office_of_a_name(noun: Token) -> bool:
    """Whether a noun phrase is 'the' and a role of something named, an office one person holds ('The leader of
    Kelby Council', 'The chief executive of Acme')."""
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    named = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return noun.left_edge.lower_ == "the" and noun.lemma_.lower() in PERSON_ROLE_NOUNS \
        and named is not None and named.pos_ == "PROPN"


def _described_as_another(subject: Token) -> bool:
    """Whether the name of a sentence's subject comes with a role of its own ('Council spokesman Tom Reed said', 'Tom
    Reed, the chairman, said'): then the office a lede brought in may be someone else's."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" or c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower
               for c in subject.children)


def _brings_in_a_person(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in UNNAMED_PERSON_NOUNS or lemma in PERSON_ROLE_NOUNS or lemma in KINSHIP


def _main_subject(sentence: Span) -> Token | None:
    """The subject of a sentence's main clause, or of the clause it reports ('A man has died, police said'): the
    first such clause's subject nearest its verb (the parser may take a dateline for another subject)."""
    clause_subjects = [t for t in sentence if t.dep_ in SUBJECT_DEPS and (
        t.head == sentence.root or t.head.dep_ == "ccomp" and t.head.head == sentence.root)]
    if not clause_subjects:
        return None
    verb = clause_subjects[0].head
    return max((t for t in clause_subjects if t.head == verb), key=lambda t: t.i)


def _fits_description(doc: Doc, noun: Token, person: Cluster) -> bool:
    """Whether a person may be the one a description brings in: of its gender ('man', 'mother'), and of its age
    ('a 34-year-old man') when an age is written after their name."""
    lemma = noun.lemma_.lower()
    gender = UNNAMED_PERSON_NOUNS.get(lemma) or (KINSHIP[lemma].gender if lemma in KINSHIP else None)
    if not gender_fits(person, gender):
        return False
    words = doc[noun.left_edge.i:noun.i]
    age = next((t.text for t in words if t.like_num and t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "year"), None)
    ages = {found for _, end, kind in person.mentions if kind == "name" and (found := age_after(doc, end))}
    return age is None or not ages or ages == {age}


def add_headline_subject(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Former mayor found guilty of fraud' above 'A jury found former mayor Tom Reed guilty': a headline drops its
    articles, so a role noun with none as its subject is a person the article goes on to describe; they are the
    one person the body calls by that noun (a description or a name with it), first of all. A first line ending in a full stop
    is a sentence of the body, not a headline."""
    line_end = text.find("\n")
    headline = doc.char_span(0, line_end, alignment_mode="expand") if line_end > 0 else None
    if headline is None or text[:line_end].rstrip().endswith("."):
        return
    subject = next((t for t in headline if t.dep_ in SUBJECT_DEPS and t.tag_ in {"NN", "NNP"}
                    and t.lower_ in PERSON_ROLE_NOUNS), None)
    if subject is None or cluster_of(clusters, subject.i) is not None \
            or any(c.dep_ in {"det", "poss", "conj"} for c in subject.children):
        return
    called = {id(k): k for k in clusters if k.type == "PERSON" for s, e, kind in k.mentions if s >= headline.end
              and kind in {"name", "description"} and any(t.lower_ == subject.lower_ for t in doc[s:e])}
    # the body's first word of it must be theirs: 'Driver killed' over 'A driver died … lorry driver Tom Reed' is
    # the unnamed one
    first = next((t.i for t in doc[headline.end:] if t.lower_ == subject.lower_), None)
    person = next(iter(called.values())) if len(called) == 1 else None
    if person is not None and any(s <= first < e for s, e, _ in person.mentions):
        person.mentions.append((subject.left_edge.i, subject.i + 1, "description"))


# How many sentences before 'The nurse, Tom Reed,' the 'a nurse' it names may stand.
CALLED_BACK_WINDOW = 2
# Verbs by which news names a person it brought in unnamed: 'The man, named as Tom Reed,'.
NAMING_VERBS = {"name", "identify"}


def add_named_when_called_back(doc: Doc, clusters: list[Cluster]) -> None:
    """'… a nurse pulled them out. The nurse, Tom Reed, said…', 'A man was seen running away. The man, named
    as Tom Reed, …': the nearest one brought in with 'a' and a person noun, in that sentence or the two before, is
    the one named beside 'the' and the same noun."""
    people = [k for k in clusters if k.type == "PERSON"]
    for noun in doc:
        if noun.tag_ != "NN" or noun.left_edge.lower_ != "the" or not _brings_in_a_person(noun):
            continue
        person = _named_beside(noun, people)
        earlier = sentence_start(doc, noun.sent.start, CALLED_BACK_WINDOW)
        brought_in = [t for t in doc[earlier if earlier is not None else 0:noun.left_edge.i]
                      if t.tag_ == "NN" and t.lemma_ == noun.lemma_ and t.left_edge.lower_ in {"a", "an"}]
        if person is not None and brought_in and _name_the_unnamed(person, brought_in[-1], clusters):
            person.mentions.append((noun.left_edge.i, noun.i + 1, "description"))


def _named_beside(noun: Token, people: list[Cluster]) -> Cluster | None:
    """The person whose name is set beside a noun ('The nurse, Tom Reed,') or given by a naming verb hung on it
    ('The man, named as Tom Reed,')."""
    names = [c for c in noun.children if c.dep_ == "appos"]
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS):
        names += [g for c in verb.children if c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    found = {id(k): k for name in names for k in people for s, e, kind in k.mentions
             if kind == "name" and s <= name.i < e}
    return next(iter(found.values())) if len(found) == 1 else None



def add_families(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'the Reed family said', 'his family confirmed': a family that speaks as one is an organisation, and the
    story's other 'the family', 'his family' or 'the Reed family' are it; with two families named, each 'the X
    family' is its own and the others are left alone."""
    phrases = []
    for noun in tokens_spelling(doc, text, {"family"}):
        first = noun.left_edge.i
        if noun.tag_ != "NN" or not noun.is_lower or noun.dep_ == "compound" or cluster_of(clusters, noun.i) \
                or doc[first].lower_ not in {"the", "his", "her", "their", "its"} \
                or any(t.dep_ not in {"det", "poss", "compound"} for t in doc[first:noun.i]):
            continue
        surname = " ".join(t.lower_ for t in doc[first + 1:noun.i] if t.pos_ == "PROPN")
        phrases.append((first, noun, surname))
    named = {surname for _, _, surname in phrases if surname}
    speaking = any(noun.dep_ in SUBJECT_DEPS and noun.head.lemma_.lower() in quote_cues()["reporting_verbs"]
                   for _, noun, _ in phrases)
    if not phrases or not (speaking or named) or len(named) > 1 and not speaking:
        return
    families: dict[str, Cluster] = {}
    for first, noun, surname in phrases:
        if len(named) > 1 and not surname:
            continue
        key = surname if len(named) > 1 else ""
        family = families.get(key)
        if family is None:
            family = families[key] = Cluster("ORG")
            clusters.append(family)
        family.mentions.append((first, noun.i + 1, "name" if surname else "description"))
        if surname:
            family.keys.add(f"{surname} family")
