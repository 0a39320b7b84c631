"""Descriptions that point back at a named entity: roles ("the chair of the board", later "the chair"), ages
("the 34-year-old"), a person brought in by age and never named, organisations ("the company") and places
("the town").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    COMPANY_NOUNS, HONORIFICS, INSTITUTION_HEADS, KINSHIP, ORG_NOUNS, OTHER_COMPANY_WORDS, PERSON_ROLE_NOUNS,
    PLACE_HEADS, PLACE_NOUNS, TEEN_NOUNS, TITLES_OF_PLACE, UNNAMED_PERSON_NOUNS, quote_cues,
)
from ..parse import SUBJECT_DEPS, sentence_start
from ..quote_marks import quotations
from .clusters import Cluster, cluster_of, surnames
from .names import place_noun_before
from .places import place_kinds
from .words import (
    CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, ENTITY_WORDS, LEGAL_FORMS, is_capitalised, lower_key,
    tokens_spelling,
)


# Nouns set beside a name that say it is an organisation, never a person ('Acme, the Finnish group,').
NEVER_A_PERSON = {"company", "firm", "group", "business", "subsidiary", "conglomerate", "startup", "start-up"}
AGE_REFERENCE = re.compile(r"\b[Tt]he (\d{1,3})-year-old\b")
# How many sentences back an age first told as 'the 40-year-old' looks for the one person it can be.
AGE_WINDOW = 2


def add_role_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """A noun phrase set beside a person's name is a mention of them ('Ann Lee, the chair of the board,');
    so, later, is 'the' with a role they were given ('striker Tom Reed' … 'the striker', 'Judge Ann Lee' …
    'the judge') or with their age ('Tom Reed, 34,' … 'the 34-year-old'), when no one else was given it."""
    roles: dict[str, dict[Cluster, int]] = {}  # role lemma or age -> the people given it, and where first

    def give(role: str, cluster: Cluster, at: int) -> None:
        holders = roles.setdefault(role, {})
        holders[cluster] = min(at, holders.get(cluster, at))

    for cluster in (k for k in clusters if k.type == "PERSON"):
        for title in cluster.titles:
            give(title, cluster, cluster.first)
        for start, end, kind in list(cluster.mentions):
            if kind != "name":
                continue
            root = doc[start:end].root
            # what an organisation, place or work is ('his 2021 memoir' beside his name) is no description of a person
            described = _described_spans(root, lambda noun: noun.lemma_.lower() not in KINSHIP.keys() | NEVER_A_PERSON
                                         | KIND_NOUNS)
            for first, last, noun in described + _description_hung_on_a_name(root):
                if not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                    give(noun.lemma_.lower(), cluster, start)
            # "the painter Ida Holm": the parser often sets the name beside the role right before it
            phrase_start = root.head.left_edge.i if root.dep_ == "appos" and root.head.i == start - 1 \
                else root.left_edge.i
            if (described_before := _role_before_name(doc, phrase_start, start)) is not None:
                cluster.mentions.append((described_before, end, "description"))  # "the actress Ann Lee"
            for child in root.children:
                if child.dep_ == "compound" and child.i < start and (
                        child.pos_ == "NOUN" and child.is_lower or lower_key(child) in PERSON_ROLE_NOUNS):
                    give(child.lemma_.lower(), cluster, start)  # "striker Tom Reed", "head coach Tom Reed"
                if child.dep_ == "appos" and child.like_num or child.dep_ == "amod" and child.lower_ == "old":
                    age = next((t.text for t in child.subtree if t.like_num), None)
                    if age:
                        give(age, cluster, start)  # "Tom Reed, 34," or "34-year-old Tom Reed"
            if (age := _age_after(doc, end)) is not None:
                give(age, cluster, start)  # the parser often hangs "34" elsewhere: "Ann Reed, 56, and Tom Reed, 31,"
            for role in _qualified_roles_before(doc, start, end):
                give(role, cluster, start)  # "Interior Minister Ann Lee" … "the interior minister"
    for aged in tokens_spelling(doc, text, {"aged"}):  # "Ann Lee dies aged 81", "Tom Reed, who died aged 70,"
        age = next((c.text for c in aged.children if c.text.isdigit() and len(c.text) <= 3), None)
        subject = next((c for c in aged.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.tag_ == "WP" and aged.head.dep_ == "relcl":
            subject = aged.head.head
        person = cluster_of([k for k in clusters if k.type == "PERSON"], subject.i) if subject is not None else None
        if age and person is not None:
            give(age, person, subject.i)
    _refer_back_by_qualified_role(doc, roles, clusters)
    for noun in doc:
        if noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.is_lower and noun.dep_ != "compound" \
                and noun.lemma_.lower() in roles:
            start = noun.left_edge.i
            # One person is "the campaigner": a plural or bare "campaigners" is a group, not them.
            of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            # "the striker", "the club captain", "the Dutch physicist": only words that say what the role is
            if doc[start].lower_ != "the" or not all(t.i == start or t.dep_ == "compound" and t.is_lower
                                                     or t.ent_type_ == "NORP" for t in doc[start:noun.i]):
                continue
            if of is None:
                qualifiers = _lower_qualifiers(doc[start:noun.i])
                holders = {k: at for k, at in roles[noun.lemma_.lower()].items()
                           if not _holds_it_otherwise_qualified(doc, k, roles, noun, qualifiers)}
                _refer_back(doc, _last_named_holder(doc, holders, start, clusters, noun) or holders, start,
                            noun.i + 1, clusters)
            elif noun.lemma_.lower() in TITLES_OF_PLACE:
                # "the president of Cyprus" is whoever holds that office, not the president named before
                _introduce_by_office(roles[noun.lemma_.lower()], noun, start, of.right_edge.i + 1)
    for match in AGE_REFERENCE.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        noun = doc[span.end] if span.end < len(doc) else None
        if noun is not None and (noun.is_lower and noun.lemma_ in PERSON_ROLE_NOUNS | set(UNNAMED_PERSON_NOUNS)
                                 or noun.ent_type_ == "NORP" and is_capitalised(noun)):
            span = doc[span.start:span.end + 1]  # "the 34-year-old striker", "the 34-year-old Dane"
        if match.group(1) in roles:
            _refer_back(doc, roles[match.group(1)], span.start, span.end, clusters)
        elif not re.search(rf"\b{match.group(1)}\b", text[:match.start()]):
            # An age first told as "the 29-year-old" is the person named right before it ("Tom Reed, the
            # 29-year-old,"), else the one person named in that sentence or the two before.
            beside = [k for k in clusters if k.type == "PERSON" for _, end, kind in k.mentions
                      if kind == "name" and span.start >= 1 and end == span.start - 1 and doc[end].text == ","]
            if beside:
                _refer_back(doc, {beside[0]: 0}, span.start, span.end, clusters)
                continue
            before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].text == "," else None
            if before is not None and before.pos_ == "PROPN" and before.ent_type_ not in {"DATE", "TIME"}:
                continue  # beside a name no person holds: whoever it is, not someone named before
            named: set[Cluster] = set()
            for back in range(1, AGE_WINDOW + 1):  # the nearest sentences naming anyone must name one person
                window = sentence_start(doc, span.sent.start, back)
                named = {k for k in clusters if k.type == "PERSON" for start, _, kind in k.mentions if kind == "name"
                         and (window if window is not None else span.sent.start) <= start < span.start}
                if named or window is None:
                    break
            if len(named) == 1 and _may_be_first_aged(doc, text, roles, person := next(iter(named)), span):
                _refer_back(doc, {person: 0}, span.start, span.end, clusters)


def _may_be_first_aged(doc: Doc, text: str, roles: dict[str, dict[Cluster, int]], person: Cluster,
                       span: Span) -> bool:
    """Whether the one person named near an age first told ('the 29-year-old') may be the one it describes: not
    someone already given another age ('Tom Reed, 61,'), nor someone named only inside a quotation the age stands
    outside of ('"Reed was superb," the 29-year-old said'), nor, for 'the 29-year-old earl', someone never given
    that role."""
    if any(person in holders for role, holders in roles.items() if role.isdigit()):
        return False
    spans = [(q.start, q.end) for q in quotations(text)]
    outside = [s for s, _, kind in person.mentions if kind == "name"
               and not any(a <= doc[s].idx < b for a, b in spans)]
    if not outside and not any(a <= doc[span.start].idx < b for a, b in spans):
        return False
    noun = span.root.head if span.root.head.i >= span.end else None
    return noun is None or not (noun.pos_ in {"NOUN", "PROPN"} and noun.is_lower) \
        or person in roles.get(noun.lemma_.lower(), {})


# 'the elder Reed', 'the younger Reed', 'Reed senior': one of two people sharing a surname, told apart by age.
ELDER_OR_YOUNGER = re.compile(r"\b[Tt]he (elder|older|younger) ([A-Z][\w'’-]+)|\b([A-Z][\w'’-]+),? (senior|junior|"
                              r"snr|jnr|Snr|Jnr|Sr|Jr)\b")


def add_elder_and_younger(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'the elder Reed' is the older of the people named Reed, by the ages written after their names, or the
    parent of the other when the article says so ('his son'); 'the younger Reed' or 'Reed junior' the younger."""
    ages: dict[Cluster, int] = {}
    for cluster in (k for k in clusters if k.type == "PERSON"):
        for _, end, kind in cluster.mentions:
            if kind == "name" and (age := _age_after(doc, end)) is not None:
                ages[cluster] = int(age)
    for match in ELDER_OR_YOUNGER.finditer(text):
        older = (match.group(1) or match.group(4).lower()) in {"elder", "older", "senior", "snr"}
        surname = (match.group(2) or match.group(3)).lower()
        span = doc.char_span(match.start(), match.end())
        family = [k for k in clusters if k.type == "PERSON" and surname in surnames(k)]
        inside = [(k, m) for k in clusters for m in k.mentions if span is not None and span.start <= m[0] < span.end]
        if span is None or len(family) < 2 or any(m[1] > span.end for _, m in inside):
            continue
        if all(k in ages for k in family):
            pick = max if older else min
            chosen = pick(family, key=lambda k: ages[k])
            if sum(ages[k] == ages[chosen] for k in family) > 1:
                continue
        else:
            # "his son" makes the son child_of the one it is said of; "his father" makes the father parent_of him
            pairs = {(k, relative) if KINSHIP[relation].relation == "child_of" else (relative, k)
                     for k in family for relation, relative in k.kin.items()
                     if relative in family and KINSHIP[relation].relation in {"child_of", "parent_of"}}
            parents = list({parent for parent, _ in pairs})
            children = list({child for _, child in pairs})
            chosen_from = parents if older else children
            if len(family) != 2 or len(chosen_from) != 1:
                continue
            chosen = chosen_from[0]
        for owner, mention in inside:  # 'Reed' of 'Reed senior', given to whoever was named last
            owner.mentions.remove(mention)
        chosen.mentions.append((span.start, span.end, "description"))


def add_surnamed_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'a 45-year-old surnamed Lam', 'a shopkeeper surnamed Lam': the noun phrase is a mention of the person named."""
    for cue in tokens_spelling(doc, text, {"surnamed"}):
        after = cue.i + 1
        person = cluster_of([k for k in clusters if k.type == "PERSON"], after) if after < len(doc) else None
        head = cue.head  # the noun it describes ('shopkeeper surnamed Lam'), or the name ('a 45-year-old surnamed Lam')
        if person is None or head.pos_ not in {"NOUN", "PROPN"} or head.i < cue.i and head.dep_ == "compound":
            continue
        first = head.left_edge.i
        end = next(e for s, e, _ in person.mentions if s <= after < e)
        if first < cue.i:
            person.mentions.append((first, end, "description"))


# A lawyer's verbs for the person they act for in court: 'Defending Tom Reed, Ann Lee said her client…'.
ACTING_FOR_VERBS = {"defend", "represent"}


def add_clients(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Defending Tom Reed, Ann Lee said her client…': 'her client' is the one person the sentence says is defended
    or represented."""
    people = [k for k in clusters if k.type == "PERSON"]
    for noun in tokens_spelling(doc, text, {"client"}):
        possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
        if noun.tag_ != "NN" or possessive is None or possessive.i != noun.left_edge.i:
            continue
        # the verb's object, or the name right after it where the parser took 'Defending' for part of the name
        defended = {cluster_of(people, i) for verb in noun.sent if verb.lemma_.lower() in ACTING_FOR_VERBS
                    and verb.tag_.startswith("VB") for i in [c.i for c in verb.children if c.dep_ == "dobj"]
                    + [verb.i + 1]}
        defended.discard(None)
        if len(defended) == 1:
            defended.pop().mentions.append((possessive.i, noun.i + 1, "description"))


def _qualified_roles_before(doc: Doc, start: int, end: int) -> list[str]:
    """The roles with the words that say which, written before a name ('French Interior Minister Ann Lee' gives
    'interior minister' and 'french interior minister'): only roles of two words or more."""
    words = []
    i = end - 1
    while i >= start and not (doc[i].lower_ in PERSON_ROLE_NOUNS or doc[i].lower_ in TITLES_OF_PLACE
                              or lower_key(doc[i]) in HONORIFICS):
        i -= 1  # back over the name to the title NER or the name finder kept inside the mention
    role = i if i >= start else start - 1
    if role < 0 or not (doc[role].lemma_.lower() in PERSON_ROLE_NOUNS or lower_key(doc[role]) in HONORIFICS):
        return []
    j = role - 1
    while j >= 0 and doc[j].pos_ in {"PROPN", "NOUN", "ADJ"} and doc[j].dep_ in {"compound", "amod"} \
            and doc[j].ent_type_ != "PERSON" and role - j <= 3:
        words.insert(0, doc[j].lower_)
        j -= 1
    noun = doc[role].lemma_.lower()
    return [" ".join(words[k:] + [noun]) for k in range(len(words))]


def _refer_back_by_qualified_role(doc: Doc, roles: dict[str, dict[Cluster, int]], clusters: list[Cluster]) -> None:
    """'the interior minister', "Belgium's Transport Minister": a role with the words that say which, given to one
    person ('Interior Minister Ann Lee'), though another holds the same role of another kind."""
    for noun in doc:
        lemma = noun.lemma_.lower()
        if noun.dep_ == "compound" or not (lemma in PERSON_ROLE_NOUNS or lemma in HONORIFICS) \
                or noun.tag_ not in {"NN", "NNP"}:
            continue
        start = noun.left_edge.i
        modifiers = [t for t in doc[start:noun.i] if t.dep_ in {"compound", "amod"}]
        key = " ".join([t.lower_ for t in modifiers] + [lemma])
        if modifiers and key in roles and doc[start].lower_ in {"the"} | {t.lower_ for t in doc[start:noun.i]
                                                                          if t.dep_ == "poss"} \
                and all(t.dep_ in {"det", "poss", "case", "compound", "amod"} for t in doc[start:noun.i]):
            # An office with the words that say which is one person's, so a lede may name it before the person:
            # "Kelsby's transport minister said … Transport Minister Ann Lee".
            _refer_back(doc, roles[key], start, noun.i + 1, clusters, before_named=True)


def _last_named_holder(doc: Doc, holders: dict[Cluster, int], start: int, clusters: list[Cluster],
                       noun: Token) -> dict[Cluster, int] | None:
    """Of several people given a role, the one 'the <role>' opening a sentence's subject means when the sentence
    before names that one person and no one else ('Ann Lee, 61, was sworn in. The minister said…')."""
    if len(holders) < 2 or noun.dep_ not in SUBJECT_DEPS or start != noun.sent.start:
        return None
    before = sentence_start(doc, noun.sent.start, 1)
    if before is None:
        return None
    named = {k for k in clusters if k.type == "PERSON" for s, _, kind in k.mentions
             if kind in {"name", "title"} and before <= s < start}
    return {named.pop(): 0} if len(named) == 1 and named <= set(holders) else None


def _age_after(doc: Doc, end: int) -> str | None:
    """The age written right after a name: 'Tom Reed, 34,', 'Tom Reed (34)', 'Tom Reed, aged 34,'."""
    words = [t.text for t in doc[end:end + 4]]
    for opening, closing in ((",", {",", ".", ";", "and"}), ("(", {")"})):
        if words[:1] == [opening]:
            number = 2 if words[1:2] == ["aged"] else 1
            if len(words) > number + 1 and words[number].isdigit() and len(words[number]) <= 3 \
                    and words[number + 1] in closing:
                return words[number]
    return None


# Participles that place a company ('the Oslo-based firm', 'the Texas-headquartered group').
BASED_WORDS = {"base", "based", "headquarter", "headquartered"}
# Words a role written before a name may hold besides its nouns: articles, adjectives, an employer's name and its
# possessive ('the American director', "Acme's chief executive").
ROLE_PHRASE_TAGS = {"DT", "JJ", "NN", "NNP", "POS", "HYPH"}


def _role_before_name(doc: Doc, first: int, start: int) -> int | None:
    """Where 'the actress Ann Lee', 'Acme spokesperson Ann Lee' starts, when the name at `start` has a role written
    before it as part of one noun phrase (from `first`, the phrase's left edge): a mention of the person as a whole."""
    words = doc[first:start]
    if not words or not all(t.tag_ in ROLE_PHRASE_TAGS for t in words) \
            or not any(t.pos_ == "NOUN" and t.is_lower for t in words):
        return None
    return first


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


FAMILY_NOUNS = {"family", "families"}


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


EVENT_GROUPS = {noun: index for index, group in enumerate(ENTITY_WORDS["event_nouns"]) for noun in group}
SITE_NOUNS = frozenset(ENTITY_WORDS["unnamed_site_nouns"])
CALL_BACK_ONLY = frozenset(ENTITY_WORDS["call_back_only"])
SITE_WORDS = SITE_NOUNS | (CALL_BACK_ONLY - set(EVENT_GROUPS))
EVENT_OR_SITE_WORDS = frozenset(EVENT_GROUPS) | SITE_WORDS


def add_unnamed_events(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'A landslide buried the village … the slide': the disaster or accident a story reports and never names is
    one event, brought in by its noun and called back with 'the' or 'this' and the same noun or one of its kind
    ('the derailment' … 'the crash'). So is the plant or factory it happened at ('a chemical plant', 'the Acme
    plant' … 'the site'), a place."""
    events: dict[int, Cluster] = {}
    for noun in tokens_spelling(doc, text, EVENT_OR_SITE_WORDS):
        group = -1 if noun.lower_ in SITE_WORDS else EVENT_GROUPS.get(noun.lower_)
        first = noun.left_edge.i
        if group is None or not noun.is_lower or noun.tag_ not in {"NN", "NNS"} or noun.dep_ == "compound" \
                or doc[first].lower_ not in {"the", "this", "a", "an"} or cluster_of(clusters, noun.i) is not None \
                or any(t.dep_ == "poss" or t.ent_type_ == "DATE" for t in doc[first:noun.i]):
            continue  # 'his accident', 'last year's floods' are others
        if group not in events:
            if noun.lower_ in CALL_BACK_ONLY or group < 0 and first == noun.i - 1 and doc[first].lower_ in {"the", "this"}:
                continue  # 'the site', 'an attack' or a bare 'the plant' call back one told before, else none
            events[group] = Cluster("PLACE" if group < 0 else "EVENT")
            clusters.append(events[group])
        elif doc[first].lower_ in {"a", "an"}:
            continue  # 'a crash' after 'the derailment' is another one
        events[group].mentions.append((first, noun.i + 1, "description"))


def add_organisation_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Acme, the Finnish carmaker,' is a mention of Acme; later 'the company' or 'the firm' is one of the
    organisation named most often so far, when one is named more often than any other. Other nouns point back
    only at the one organisation described so ('a venture fund, Oakline' … 'the fund', 'the band X' … 'the
    band')."""
    organisations = [k for k in clusters if k.type == "ORG"]
    described: dict[str, dict[Cluster, int]] = {}  # noun -> the organisations it was set beside, and where first
    for cluster in organisations:
        for start, end, kind in list(cluster.mentions):
            root = doc[start:end].root
            for first, last, noun in _described_spans(root, lambda noun: noun.lemma_.lower() in ORG_NOUNS):
                if kind == "name" and not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                    described.setdefault(noun.lemma_.lower(), {}).setdefault(cluster, start)
    # the company nouns are read below; one fixed word list keeps the regex compiled once
    for noun in tokens_spelling(doc, text, ORG_NOUNS - COMPANY_NOUNS) if set(described) - COMPANY_NOUNS else []:
        if noun.lemma_.lower() in described and noun.tag_ == "NN" and noun.i > 0 and doc[noun.i - 1].lower_ == "the" \
                and noun.left_edge.i == noun.i - 1 and cluster_of(organisations, noun.i) is None:
            _refer_back(doc, described[noun.lemma_.lower()], noun.i - 1, noun.i + 1, clusters)
    said_company = _said_to_be_companies(doc, clusters, described)
    organisations = [k for k in clusters if k.type == "ORG"]
    companies_of_name = None
    for noun in doc:
        if not (noun.lemma_.lower() in COMPANY_NOUNS and noun.is_lower and noun.tag_ == "NN" and noun.i > 0) \
                or noun.lemma_.lower() in OTHER_COMPANY_WORDS:
            continue  # 'the supplier' is most often another company than the one the story is about
        lefts = list(noun.lefts)
        if not (lefts and lefts[0].lower_ == "the" and lefts[0].i == noun.left_edge.i
                and all(_industry_or_nationality(t) for t in lefts[1:])):
            continue
        if cluster_of(organisations, lefts[0].i) is not None:
            continue  # it may sit inside a person's description: 'the company's president'
        if companies_of_name is None:
            # an organisation whose name says it is of another kind ('Kelsby Hospital', 'the Safety Board') is none
            companies_of_name = [k for k in organisations if not any(key.split()[-1] in INSTITUTION_HEADS
                                                                      for key in k.keys)
                                 and (k in said_company or not (nouns := called_back_as(k)) or nouns & COMPANY_NOUNS)]
        companies = companies_of_name
        # "the construction company" is one whose name or description says so, when one does; "the Oslo-based
        # firm" is not one said to be based elsewhere
        trade = {t.lower_ for t in lefts[1:] if t.dep_ == "compound" and t.is_lower}
        if trade:
            companies = [k for k in companies if trade <= _words_describing(doc, k)] or companies
        based = _based_in(lefts[1:])
        if based:
            companies = [k for k in companies if _bases(doc, k) <= {based}]
            companies = [k for k in companies if _bases(doc, k)] or companies
        # 'Acme Group … its unit Acme Steel … the group': the group is one whose name ends so, when one does
        ending = [k for k in organisations if noun.lower_ in {key.split()[-1] for key in k.keys if " " in key}]
        companies = ending or companies
        named = [k for k in companies if k.first < noun.i]
        # Two companies named in this sentence or the one before leave 'the company' unsaid, unless the article said
        # only one of them is a company ('energy company Acme', 'Acme, the carmaker', 'Acme plc'); so does a tie.
        window = sentence_start(doc, noun.sent.start, 1)
        recent = [k for k in named if any((noun.sent.start if window is None else window) <= start < noun.i
                                          for start, _, kind in k.mentions if kind == "name")]
        # A name with a legal form ('Acme Holdings plc') says it is a company; an agency or a board does not.
        incorporated = [k for k in named if any(key.split()[-1] in LEGAL_FORMS for key in k.keys if " " in key)]
        evidenced = [k for k in named if k in said_company]
        if len(recent) > 1:
            strong = [k for k in recent if k in evidenced or k in incorporated]
            if len(strong) == 1:
                strong[0].mentions.append((lefts[0].i, noun.i + 1, "description"))
            continue
        counts = sorted(((sum(kind == "name" and start < noun.i for start, _, kind in k.mentions), id(k), k)
                         for k in companies), key=lambda item: item[:2], reverse=True)
        # Named once, it is the company only when no other organisation was named yet: a story citing a news
        # agency once about a fire is not about the agency.
        named_before = sum(k.first < noun.i for k in organisations)
        # 'Acme, the German group,' … 'the group': the one organisation set beside that noun before
        beside = [k for k, at in described.get(noun.lemma_.lower(), {}).items() if at < noun.i]
        if len(beside) == 1 and not trade:
            beside[0].mentions.append((lefts[0].i, noun.i + 1, "description"))
        elif counts and counts[0][0] and (len(counts) == 1 or counts[0][0] > counts[1][0]) \
                and (counts[0][0] > 1 or named_before == 1):
            counts[0][2].mentions.append((lefts[0].i, noun.i + 1, "description"))
        elif len(evidenced) == 1 and not trade:
            evidenced[0].mentions.append((lefts[0].i, noun.i + 1, "description"))
        elif len(incorporated) == 1 and not trade:
            incorporated[0].mentions.append((lefts[0].i, noun.i + 1, "description"))


# Nouns before a name that say what trade a company is in, though a person may be called so too ('the developer').
TRADE_NOUNS = {"utility", "provider", "operator", "developer", "producer", "maker", "housebuilder"}
# Nouns before a name that only an organisation is called: 'utility Acme', never 'utility Ann Lee' ('the miner Tom
# Reed' and 'the publisher Ann Lee' are people).
ORGANISATION_ONLY = {"company", "firm", "group", "conglomerate", "carmaker", "automaker", "chipmaker", "drugmaker",
                     "lender", "insurer", "airline", "manufacturer", "utility", "subsidiary", "startup", "start-up"}
COMPANY_EVIDENCE = COMPANY_NOUNS | OTHER_COMPANY_WORDS | TRADE_NOUNS


def _said_to_be_companies(doc: Doc, clusters: list[Cluster], described: dict[str, dict[Cluster, int]]) -> set[Cluster]:
    """The organisations the article says are companies: set beside a company noun ('Acme, the carmaker,') or
    named right after one ('energy company Acme', 'its subsidiary Acme'). A name NER took for a person's is an
    organisation when a company noun stands before it so."""
    said = {k for noun, holders in described.items() if noun in COMPANY_NOUNS for k in holders}
    for cluster in (k for k in clusters if k.type in {"ORG", "PERSON"}):
        for start, end, kind in cluster.mentions:
            before = doc[start - 1] if start > 0 else None
            if kind == "name" and before is not None and before.is_lower and before.tag_ == "NN" \
                    and before.lemma_.lower() in COMPANY_EVIDENCE \
                    and before.dep_ == "compound" and start <= before.head.i < end:
                if cluster.type == "PERSON" and not cluster.titles and before.lemma_.lower() in ORGANISATION_ONLY:
                    cluster.type = "ORG"
                if cluster.type == "ORG":
                    said.add(cluster)
                break
    return said


def _based_in(modifiers: list[Token]) -> str | None:
    """The place in 'the Oslo-based firm' ('oslo'), from the words before the company noun."""
    for modifier in modifiers:
        if modifier.dep_ == "amod" and modifier.lemma_.lower() in BASED_WORDS:
            place = [t.lower_ for t in modifier.lefts if t.pos_ == "PROPN"]
            return " ".join(place) if place else None
    return None


def _bases(doc: Doc, cluster: Cluster) -> set[str]:
    """The places an organisation is said to be based in where named ('Oslo-based Acme')."""
    bases = set()
    for start, _, kind in cluster.mentions:
        before = doc[start - 1] if start > 0 else None
        if kind == "name" and before is not None and before.lemma_.lower() in BASED_WORDS:
            place = [t.lower_ for t in before.lefts if t.pos_ == "PROPN"]
            if place:
                bases.add(" ".join(place))
    return bases


# Offices held of a town or city, and what such a place is called back as.
MUNICIPAL_OFFICES = {"mayor", "mayoress", "burgomaster"}
TOWN_NOUNS = ("town", "city")


def add_place_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """'the capital, Kelsby,' is a mention of Kelsby; so, later, is 'the capital' or, after 'the border town of
    Kelsby' or 'the mayor of Kelsby', 'the town', when no other place was called so."""
    nouns: dict[str, dict[Cluster, int]] = {}  # place noun -> the places given it, and where first
    for cluster in (k for k in clusters if k.type == "PLACE"):
        for start, end, kind in list(cluster.mentions):
            noun = place_noun_before(doc, start, end) if kind == "name" else None
            if kind == "name" and start >= 2 and doc[start - 1].lower_ == "of" \
                    and doc[start - 2].lemma_.lower() in MUNICIPAL_OFFICES:
                for town in TOWN_NOUNS:  # 'the mayor of Kelsby' … 'the town': a mayor's place is a town or city
                    nouns.setdefault(town, {}).setdefault(cluster, start)
            if noun is None:
                continue
            if doc[start - 1].text == ",":
                cluster.mentions.append((noun.left_edge.i, noun.i + 1, "description"))
            nouns.setdefault(noun.lemma_.lower(), {}).setdefault(cluster, start)
    for noun in (t for t in doc if t.lemma_.lower() in nouns and t.tag_ == "NN" and t.is_lower) if nouns else []:
        start = noun.left_edge.i
        if doc[start].lower_ == "the" and start == noun.i - 1:
            _refer_back(doc, nouns[noun.lemma_.lower()], start, noun.i + 1, clusters)


KIND_NOUNS = frozenset(ENTITY_WORDS["kind_nouns"])
# Kinds of site a company runs: 'the Acme plant' is a place of Acme's, not Acme.
FACILITY_NOUNS = frozenset({"plant", "factory", "site", "facility", "mine", "smelter", "store", "shop", "hotel",
                            "laboratory", "lab", "warehouse", "refinery", "depot", "mill", "works"})


def add_kind_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """'Kelsby Court, a housing complex,' and 'the Kelsby Court complex' are mentions of Kelsby Court, and tell
    what it is: later 'the complex' may call it back."""
    for cluster in (k for k in clusters if k.type in {"ORG", "PLACE", "WORK"}):
        for start, end, kind in list(cluster.mentions):
            if kind != "name":
                continue
            root = doc[start:end].root
            described = _described_spans(root, lambda noun: noun.is_lower and noun.lemma_.lower() in KIND_NOUNS)
            head = root.head
            # 'the Kelsby Court complex', not 'a Kelsby estate' (one in Kelsby) nor 'the Kelsby estate' of a town
            if root.dep_ == "compound" and head.i >= end and head.is_lower and head.tag_ == "NN" \
                    and head.lemma_.lower() in KIND_NOUNS and all(t.dep_ == "compound" for t in doc[end:head.i]) \
                    and doc[head.left_edge.i].lower_ == "the" and _building_or_body(cluster) \
                    and not (cluster.type == "ORG" and head.lemma_.lower() in FACILITY_NOUNS):
                described.append((head.left_edge.i, head.i + 1, head))
            for first, last, noun in described:
                if cluster_of([k for k in clusters if k is not cluster], noun.i) is not None:
                    continue  # 'the Acme plant' brought in as a site of its own
                if not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                elif first < start:
                    cluster.mentions.append((first, last, "description"))  # 'the Kelsby Court complex'
                cluster.kinds.add(noun.lemma_.lower())


def _building_or_body(cluster: Cluster) -> bool:
    """An organisation, or a place named as a building or site ('Kelsby Court', 'Kelsby Hall'), not a town."""
    return cluster.type == "ORG" or any(key.split()[-1] in PLACE_HEADS | COMMON_PLACE_HEADS | {"court"}
                                        for key in cluster.keys)


NEWSPAPER_ENDINGS = frozenset(ENTITY_WORDS["newspaper_endings"])
HOUSING_NOUNS = frozenset(ENTITY_WORDS["housing_nouns"])
LAW_COURT_WORDS = frozenset(ENTITY_WORDS["law_court_words"])
# Call-back nouns that may mean an organisation of no kind the stage knows ('the party' after 'Reform').
ORG_CALL_BACKS = {"party", "club", "team", "side", "union"}
# Words before a call-back noun that make it another one than the one named: 'the rival club', 'the other party'.
OTHER_ONE_WORDS = OTHER_COMPANY_WORDS | {"other", "another", "former", "new", "opposing", "visiting", "neighbouring",
                                         "next", "previous", "local"}


def called_back_as(cluster: Cluster) -> set[str]:
    """The nouns by which news calls back an organisation or place with 'the': words of its name ('the council'
    after 'Kelsby City Council', 'the abbey' after 'Kelsby Abbey'), its kind as a club or newspaper ('the club'
    after 'Kelsby Rovers'), what kind of place ISO 3166 says it is ('the state' after 'Queensland'), and the other
    words for a block of homes ('the estate' after 'the Kelsby Court complex')."""
    nouns: set[str] = set(cluster.kinds)
    for key in cluster.keys:
        words = key.split()
        head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
        for at, word in enumerate(words):
            # 'the county' is not 'Kelsby County Council': a kind of place counts only as the name's head word
            if at == head or cluster.type != "ORG" or word not in PLACE_NOUNS:
                nouns.update(ENTITY_WORDS["called_back_as"].get(word, ()))
        if cluster.type == "ORG" and len(words) > 1 and words[-1] in CLUB_ENDINGS | CLUB_OR_PLACE_ENDINGS:
            nouns.update(ENTITY_WORDS["club_nouns"])
        if cluster.type == "ORG" and len(words) > 1 and words[-1] in NEWSPAPER_ENDINGS:
            nouns.update(ENTITY_WORDS["newspaper_nouns"])
        if cluster.type == "PLACE":
            nouns |= place_kinds(key)
        if len(words) > 1 and words[-1] == "court" and not set(words[:-1]) & LAW_COURT_WORDS:
            nouns |= HOUSING_NOUNS
    return nouns | HOUSING_NOUNS if nouns & HOUSING_NOUNS else nouns


def refer_to_named_by_head(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'the council' after 'Dunmere City Council', 'the club' after 'Kelsby Rovers', 'police' after 'Kelsby Police':
    the organisation or place named before that can be called so; of two, the one named in this sentence or the one
    before when the other is not."""
    by_noun: dict[str, list[Cluster]] = {}
    kinds = {cluster: called_back_as(cluster) | (ELECTORAL_AREA_NOUNS if _electoral_area(doc, cluster) else set())
             for cluster in clusters if cluster.type in {"ORG", "PLACE", "WORK", "EVENT"}}
    for cluster, nouns in kinds.items():
        for noun in nouns:
            by_noun.setdefault(noun, []).append(cluster)
    unnamed_police = None
    not_people = [k for k in clusters if k.type != "PERSON"]
    of_no_kind = [k for k in clusters if k.type == "ORG" and not kinds.get(k)]
    for noun in tokens_spelling(doc, text, set(by_noun) | {"police"}):
        start = _call_back_start(noun)
        if start is None or cluster_of(not_people, noun.i) is not None:
            continue  # it may sit inside a person's description: 'a surgeon at the university'
        options = by_noun.get(noun.lower_, [])
        if noun.lower_ == "police" and not options:
            # 'Police said…' with no force named: the police of the story, one organisation
            if unnamed_police is None:
                unnamed_police = Cluster("ORG")
                clusters.append(unnamed_police)
                not_people.append(unnamed_police)
            unnamed_police.mentions.append((start, noun.i + 1, "description"))
            continue
        # 'police raided the house … Tom Reed, of Kelsby Police, said': the one force, named before or after
        before = [k for k in options if k.first < start] or (options if noun.lower_ == "police" else [])
        owner = _recent_one(doc, before, start)
        # "Reform's share rose, while the party…": an organisation of no known kind that is this sentence's subject
        # is the one meant; of no known kind and only named in it, it may be.
        unknown = [k for k in of_no_kind if k is not owner and any(noun.sent.start <= s < start for s, _, _ in k.mentions)]
        subject = [k for k in unknown if any(noun.sent.start <= s < start and _in_subject_phrase(doc[s:e].root)
                                             for s, e, _ in k.mentions)]
        if unknown:
            owner = subject[0] if len(subject) == 1 and len(unknown) == 1 and noun.lower_ in ORG_CALL_BACKS else None
        # in a person's description, an organisation ('a surgeon at the university'), not a place: 'the country's
        # first minister' may be of another country than the one named last
        if owner is not None and (owner.type != "PLACE" or cluster_of(clusters, noun.i) is None):
            owner.mentions.append((start, noun.i + 1, "description"))


# How news calls back a place that elects someone ('the seat', 'this ward'), and the words that say a place named
# is one: 'the Kelsby by-election', 'the Kelsby ward', 'MP for Kelsby'. From UK, US and Indian election reporting.
ELECTORAL_AREA_NOUNS = {"seat", "ward", "constituency"}
ELECTORAL_HEADS = {"election", "by-election", "bypoll", "seat", "ward", "constituency"}
MEMBERS_FOR = {"mp", "member", "councillor", "candidate", "mla", "msp", "representative", "congressman",
               "congresswoman", "senator", "assemblyman", "assemblywoman"}


def _electoral_area(doc: Doc, cluster: Cluster) -> bool:
    """Whether a place is named as one that elects someone: right before an election noun ('the Kelsby
    by-election', 'Kelsby seat') or after 'MP for' ('the by-election in' may name a region around it)."""
    if cluster.type != "PLACE":
        return False
    for start, end, kind in cluster.mentions:
        if kind != "name":
            continue
        after = end
        while after < min(end + 2, len(doc) - 1) and doc[after].is_lower and doc[after].dep_ in {"compound", "amod"} \
                and doc[after].lower_ not in ELECTORAL_HEADS | {"by"}:
            after += 1  # 'the Kelsby assembly seat', 'the Kelsby council by-election'
        if after < len(doc) and doc[after].is_lower and (doc[after].lower_ in ELECTORAL_HEADS or doc[after].lower_ == "by"
                                                          and doc[after + 1:after + 3].text == "-election"):
            return True
        if start >= 2 and doc[start - 1].lower_ == "for" and doc[start - 2].lower_ in MEMBERS_FOR:
            return True
    return False


def _in_subject_phrase(token: Token) -> bool:
    """A clause's subject, or the possessor in one ('Acme's profit rose')."""
    return token.dep_ in SUBJECT_DEPS or token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS


def _call_back_start(noun: Token) -> int | None:
    """Where 'the <noun>' starts ('the club', 'the decades-old estate', 'this ward', bare 'police'), when the noun
    is one written in lower case with only words that say what it is before it; None for any other phrase."""
    doc = noun.doc
    first = noun.left_edge.i
    if first == noun.i and noun.lower_ == "police" and noun.dep_ != "compound" \
            and (noun.is_lower or noun.is_sent_start and noun.text[1:].islower()):
        return first  # 'Police said', 'told police'
    if not noun.is_lower or noun.tag_ not in {"NN", "NNS", "NNP"} or noun.dep_ == "compound" or first == noun.i:
        return None
    if doc[first].lower_ not in {"the", "this"} or any(t.dep_ == "prep" for t in noun.rights):
        return None
    between = doc[first + 1:noun.i]
    if any(not t.is_lower or t.lower_ in OTHER_ONE_WORDS or t.dep_ not in {"amod", "compound", "nummod", "punct",
                                                                           "npadvmod", "advmod"} for t in between):
        return None
    return first


def _recent_one(doc: Doc, options: list[Cluster], start: int) -> Cluster | None:
    """The one of `options`, or of several the one mentioned last before `start` when that was in this sentence
    or the one before and no other was."""
    if len(options) <= 1:
        return options[0] if options else None
    window = sentence_start(doc, doc[start].sent.start, 1)
    window = doc[start].sent.start if window is None else window
    recent = [k for k in options if any(window <= s < start for s, _, _ in k.mentions)]
    return recent[0] if len(recent) == 1 else None


def _words_describing(doc: Doc, cluster: Cluster) -> set[str]:
    """The lower-case words of an organisation's names and descriptions."""
    return {t.lower_ for start, end, kind in cluster.mentions if kind in {"name", "description"}
            for t in doc[start:end]}


def _industry_or_nationality(modifier: Token) -> bool:
    """'mining' or 'Chilean' in 'the Chilean mining group', 'Oslo' in 'the Oslo firm' or 'the Oslo-based firm', and
    an age ('the 140-year-old group') say what or where the company is; 'rival' or 'parent' in 'the rival company' point at another one."""
    if modifier.ent_type_ in {"NORP", "GPE"} or modifier.dep_ == "amod" and modifier.lemma_.lower() in BASED_WORDS:
        return True
    if modifier.lower_ in {"year", "old"} and any(t.like_num for t in modifier.head.subtree if t.i < modifier.i):
        return True  # 'the 140-year-old group'

    return modifier.dep_ == "compound" and modifier.is_lower and modifier.pos_ == "NOUN" \
        and modifier.lower_ not in OTHER_COMPANY_WORDS


def _introduce_by_office(holders: dict[Cluster, int], noun: Token, start: int, end: int) -> None:
    """A lede's 'The mayor of Dunmere has…' is the one person the article later calls 'Mayor Thorne', when
    no one else holds that title and the name comes in a later sentence ('talks between the president of
    Cyprus and President Lee' are two people)."""
    if len(holders) != 1:
        return
    owner, given_at = next(iter(holders.items()))
    place = " ".join(t.lower_ for t in noun.doc[noun.i + 2:end] if t.lower_ != "the")
    if given_at >= noun.sent.end and dict(owner.places).get(noun.lemma_.lower(), place) == place:
        owner.mentions.append((start, end, "description"))


def _lower_qualifiers(words: Span) -> tuple[str, ...]:
    """The lower-case words before a role that say which one it is ('prime' in 'the prime minister')."""
    return tuple(t.lower_ for t in words if t.dep_ == "compound" and t.is_lower)


def _holds_it_otherwise_qualified(doc: Doc, cluster: Cluster, roles: dict[str, dict[Cluster, int]], noun: Token,
                                  qualifiers: tuple[str, ...]) -> bool:
    """Whether `cluster` holds the role of `noun` with other qualifying words than `qualifiers`: the environment
    minister is not 'the prime minister'. Either side without qualifiers ('the minister') is no conflict."""
    if not qualifiers:
        return False
    lemma, wanted = noun.lemma_.lower(), " ".join((*qualifiers, noun.lemma_.lower()))
    held = {role for role, holders in roles.items() if cluster in holders and role.endswith(f" {lemma}")}
    for start, end, kind in cluster.mentions:
        own = _lower_qualifiers(doc[start:end - 1])
        if kind == "description" and own and doc[end - 1].lemma_.lower() == lemma:
            held.add(" ".join((*own, lemma)))
    return bool(held) and wanted not in held


def _refer_back(doc: Doc, holders: dict[Cluster, int], start: int, end: int, clusters: list[Cluster],
                before_named: bool = False) -> None:
    """Attach 'the <role>' at [start, end) to the one person given that role, if given it before (or anywhere, when
    `before_named`)."""
    if len(holders) != 1:
        return
    owner, given_at = next(iter(holders.items()))
    # It may sit inside another person's mention ("the mayor" in "the mayor's aide, Tom Reed"), not repeat a
    # mention or sit inside one of its owner's own.
    repeats = any((s, e) == (start, end) for k in clusters for s, e, _ in k.mentions) or any(
        s <= start and end <= e for s, e, _ in owner.mentions)
    if not (given_at < start or before_named) or repeats:
        return
    # "Ann Lee, the firm's chief," describes Ann Lee, whoever else was given that role
    beside = next((k for k in clusters if k.type == "PERSON" for s, e, kind in k.mentions
                   if kind == "name" and e == start - 1), None) if start >= 2 and doc[start - 1].text == "," else None
    if beside in (None, owner):
        owner.mentions.append((start, end, "description"))


def _description_hung_on_a_name(root: Token) -> list[tuple[int, int, Token]]:
    """'The head of the Red Cross delegation in Kelsby, Ann Lee,': the parser hangs the person's name on the last name
    of the phrase before it ('Kelsby'); the description is the whole noun phrase up to the comma, headed by the
    noun the chain of 'of'/'in' phrases climbs to."""
    doc = root.doc
    if root.dep_ != "appos" or root.head.pos_ != "PROPN" or root.left_edge.i < 1 \
            or doc[root.left_edge.i - 1].text != ",":
        return []
    token = root.head
    while token.dep_ in {"pobj", "prep"} and token.head.i < token.i:
        token = token.head
    if token is root.head or token.pos_ != "NOUN" or token.tag_ == "NNS" or token.left_edge.pos_ != "DET":
        return []
    return [(token.left_edge.i, root.left_edge.i - 1, token)]


def _described_spans(root: Token, fits) -> list[tuple[int, int, Token]]:
    """Noun phrases in apposition to a name, either side of it, whose head noun `fits`: the token span of the
    noun with its left modifiers and an 'of'/'at' phrase ('the chair of the Treasury Committee'), and the noun.
    Spans that touch are one phrase: the parser splits 'vice-captain' into three appositives."""
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [child for child in root.children if child.dep_ == "appos"]
    spans: list[list] = []
    for noun in sorted(nouns, key=lambda n: n.i):
        demonym = noun.pos_ == "PROPN" and noun.ent_type_ == "NORP" and noun.left_edge.lower_ == "the"  # 'the Dane'
        if noun.pos_ != "NOUN" and not demonym or noun.tag_ in {"NNS", "NNPS"} or not fits(noun):
            continue
        end = noun.i + 1
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in {"of", "at", "for", "from"}:
                end = child.right_edge.i + 1
            break
        if spans and spans[-1][1] >= noun.left_edge.i:
            spans[-1][1:] = [max(spans[-1][1], end), noun]
        else:
            spans.append([noun.left_edge.i, end, noun])
    return [(first, last, noun) for first, last, noun in spans]
