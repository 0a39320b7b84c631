"""The consistency guard, run after every step has joined mentions to entities: a mention whose own evidence
contradicts the rest of its entity leaves it, and goes nowhere.

Each step joins on the evidence it reads, one rule at a time; no step sees everything an entity holds at the
end. Two people in one entity is the error that misleads most, so this last pass reads each entity whole and
takes out what cannot be one with the rest: two given names with one surname ('Ann Reed' and 'Tom Reed'), two
ages or generations, an age first told ('the 39-year-old') where a namesake is given another ('Mr Reed, 35,'), a
form of address, kinship noun or pronoun of the other gender, a surname alone in one brought in as another's
relative ('her brother, Tom Reed' … 'Reed': hers too), a person's relative in the person ('his father' where
'his' is the same man), a pronoun before a name it cannot stand for ('he said Reed had…'), a person's description
in an organisation or place, an organisation's noun in a person or place, a place noun or a country's name in an
organisation, the first word two organisations' names share ('Kelsby' of 'Kelsby Lions' and 'Kelsby High School'),
a trade an organisation is not in ('the airline' in a bureau, 'the company' in a person NER took for one), a company
called back past another one named nearer, or with words said of another ('the US company' beside 'US maker Acme'),
a facility called by a town's name. It never joins anything: what
it takes out is left unsaid rather than guessed elsewhere, but for a lone given name another full name does not hold
('Dorothy' beside 'Ann Dorothy Reed'), which is someone of their own.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from ..lexicon import (
    COMPANY_NOUNS, HONORIFICS, INSTITUTION_HEADS, KINSHIP, ORG_NOUNS, PERSON_ROLE_NOUNS, PERSONAL_PRONOUNS, PLACE_HEADS,
    PLACE_NOUNS, REFLEXIVE_PRONOUNS, TITLES_OF_PLACE, UNNAMED_PERSON_NOUNS,
)
from ..parse import SUBJECT_DEPS, sentence_start
from .candidates import person_name
from .clusters import Cluster, cluster_of, gender_fits, surnames
from .places import COUNTRY_NOUNS, country_code, is_subdivision
from .short_names import PLAIN_ADDRESS, TITLED_RANKS
from .words import (
    ENTITY_WORDS, first_name_gender, head_word, honorific_gender, kin_noun_beside, normalise, same_given_name, title_at,
)

Mention = tuple[int, int, str]

# Forms of address that tell a gender for sure ('Mrs Reed', 'Sir Tom'); a role such as 'chairman' does not.
GENDERED_ADDRESS = {"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"} | TITLES_OF_PLACE
# Organisation nouns that never describe one person or a place ('the company', 'the band'); 'the publisher', 'the
# miner' or 'the producer' may be a person, 'the party' a political one only: from ORG_NOUNS, by news usage.
ORGANISATION_ONLY_NOUNS = (ORG_NOUNS | COMPANY_NOUNS) - {
    "rival", "maker", "publisher", "developer", "operator", "supplier", "producer", "miner", "provider", "brewer",
    "giant", "broadcaster", "manufacturer", "campaign", "studio", "chain", "team", "club", "party"}
# Organisation nouns that may call a place ('the island chain') or a film-maker's home ('the studio') but never one
# person: 'the guilty party' may be one, and 'the publisher' (ORGANISATION_ONLY_NOUNS leaves those out).
NEVER_ONE_PERSON = ORGANISATION_ONLY_NOUNS | {"chain", "studio", "club", "team", "campaign"}
# What a housing block, a site or a building is called: no company is ('the complex' is never 'the firm').
SITE_KINDS = frozenset(ENTITY_WORDS["housing_nouns"]) | frozenset(ENTITY_WORDS["unnamed_site_nouns"]) | {
    "block", "building", "tower", "site", "venue", "ground", "showground", "campus", "stadium", "prison", "church",
    "mine", "centre", "center", "library", "landmark", "park", "tunnel", "bridge", "station", "airport", "school",
    "hospital", "hall", "museum", "gallery", "hotel", "store", "shop"}
# Nouns that describe a person only: a role ('the spokesman'; not 'the producer', a company too), kin, 'the woman'.
PERSON_NOUNS = (PERSON_ROLE_NOUNS - ORG_NOUNS) | KINSHIP.keys() | UNNAMED_PERSON_NOUNS.keys()
# A generation after a name ('Tom Reed Jr', 'Leopold II'): two of them are two people.
GENERATIONS = {"jr", "sr", "junior", "senior", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
# A name ending so is a building's or an estate's ('Kelsby Court'), though a law court's too.
COURT_WORDS = {"court", "courts"}
# Last words of a site's own name: 'the Kelsby Court complex', 'the Kelsby Hall building' may be the one named.
NAMES_OF_SITES = SITE_KINDS | PLACE_HEADS | COURT_WORDS
# A verb's objects ('thanked him', 'gave him a job'); not through a preposition: 'he took it with him' is one man.
OBJECT_DEPS = {"dobj", "dative"}
REFLEXIVES = REFLEXIVE_PRONOUNS | {"itself", "themselves", "oneself"}
AGE_DESCRIPTION = re.compile(r"\b(\d{1,3})-year-old\b")
AGE_AFTER_NAME = re.compile(r"\s*(?:,\s*(?:aged\s+|now\s+|who is\s+)?|\(\s*)(\d{1,3})\s*(?:[,.;)]|and\b)")
# Last words of a public body's, an institution's or a scheme's name ('the Bureau of Statistics', 'the Water
# Board'): no such body is 'the company' or 'the airline'; it may be 'the group'.
NOT_COMPANY_HEADS = INSTITUTION_HEADS | {"bureau", "office", "board", "service", "tribunal", "inquiry", "government",
                                         "parliament", "assembly", "senate", "congress", "program", "programme",
                                         "scheme", "observatory"}
# What a campaigning body is called ('the consumer group Fair Fares', 'the charity'): no company. Nouns, and the words
# before 'group' or 'organisation' that make one so; from news usage.
CAMPAIGN_BODY_NOUNS = {"charity", "union", "association", "watchdog", "nonprofit", "non-profit", "campaign"}
CAMPAIGN_GROUP_WORDS = {"consumer", "pressure", "campaign", "advocacy", "lobby", "rights", "residents", "tenants",
                        "community", "action", "environmental", "protest", "activist", "patients", "victims"}
GROUP_NOUNS = {"group", "organisation", "organization", "body"}
# Named entities of NER that are organisations or their buildings: one no step made an entity is still a company
# named nearer than the one a call-back went to.
ORGANISATION_LABELS = {"ORG", "FAC"}
# Verbs a pronoun reports another's words or thoughts with ('he said Reed had…'): the name in what is reported is
# someone else.
REPORTED_DEPS = {"ccomp", "parataxis"}
# Groups of nouns news uses by turns for one kind of body ('airline', 'airways', 'carrier'), by each noun in them.
KIND_SYNONYMS = {noun: frozenset(group) for group in ENTITY_WORDS["kind_synonyms"] for noun in group}
# What a clause is about: its subject or object.
CORE_DEPS = {"nsubj", "nsubjpass", "dobj"}


def remove_contradictions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """Take out of each cluster the mentions its other mentions contradict; drop clusters left with none."""
    # a person's full name, of a known given name: NER's 'person' of a place name ('Kelsby Creek') is none
    full_names = {" ".join(name) for k in clusters if k.type == "PERSON" for name in k.personal
                  if len(name) > 1 and first_name_gender(name[0])}
    organisation_kinds = _kinds_named(clusters)
    organisations = _Organisations(doc, clusters)
    family_names = {surname for k in clusters if k.type == "PERSON" for surname in surnames(k)}
    ages_told = "year-old" in text
    given_apart: dict[str, Cluster] = {}  # a lone given name another's full name does not hold: someone of its own
    for cluster in clusters:
        if cluster.type == "PERSON" and len(cluster.mentions) < 2:
            wrong = _not_of_a_person(doc, cluster)  # one mention contradicts no other
        elif cluster.type == "PERSON":
            apart = _given_names_apart(doc, cluster)
            for start, end, kind in sorted(apart):
                if end - start == 1:
                    given_apart.setdefault(doc[start].lower_, Cluster("PERSON")).mentions.append((start, end, kind))
            wrong = apart | _gender_apart(doc, cluster) | _ages_apart(doc, text, cluster) \
                | (_age_of_a_namesake(doc, text, cluster, clusters) if ages_told else set()) \
                | _generations_apart(doc, cluster) | _not_of_a_person(doc, cluster) \
                | _subject_and_object_apart(doc, cluster) | _relative_of_itself(doc, cluster) \
                | _pronoun_before_its_name(doc, cluster) | _surname_shared_with_kin(doc, cluster, clusters)
        else:
            wrong = _not_of_a_thing(doc, cluster, full_names, organisation_kinds) \
                | _subject_and_object_apart(doc, cluster)
            if cluster.type == "ORG":
                wrong |= _not_of_this_organisation(doc, text, cluster, organisations, family_names)
        if wrong:
            cluster.mentions = [m for m in cluster.mentions if m not in wrong]
    clusters[:] = [k for k in clusters if k.mentions] + list(given_apart.values())


def _root(doc: Doc, mention: Mention) -> Token:
    start, end, _ = mention
    return doc[start] if end - start == 1 else doc[start:end].root  # a Span for one word cost most of the guard


def _root_lemma(doc: Doc, mention: Mention) -> str:
    return _root(doc, mention).lemma_.lower()


def _given_names_apart(doc: Doc, cluster: Cluster) -> set[Mention]:
    """'Ann Reed' and 'Tom Reed' are two people, and so are 'Ann Reed' and a lone 'Tom' or, beside 'Ann Dorothy Reed',
    'Dorothy': the given name of the person's first full name stands; names with another one go."""
    names = sorted(m for m in cluster.mentions if m[2] == "name")
    if len(names) < 2 or all(end - start == 1 for start, end, _ in names):
        return set()
    full: list[tuple[Mention, tuple[str, ...]]] = []
    read: dict[tuple[str, ...], tuple[str, ...]] = {}  # a name's words -> its personal words, read once
    for mention in names:
        start, end, _ = mention
        if end - start < 2:
            continue
        words = tuple(doc[i].text for i in range(start, end))
        if words not in read:
            name = person_name(doc, start, end)
            read[words] = name.personal if name is not None else ()
        if len(read[words]) > 1:
            full.append((mention, read[words]))
    if not full:
        return set()  # 'Prince Tom' and 'Tom': no full name to hold the others against
    given = {}  # surname -> the given name first written with it
    for _, personal in full:
        given.setdefault(personal[-1], personal[0])
    wrong = {mention for mention, personal in full if not _same_given(personal[0], given[personal[-1]])}
    # a middle name is no name the person goes by: 'Dorothy' beside 'Ann Dorothy Reed' is another (her mother)
    kept = {word for mention, personal in full if mention not in wrong for word in (personal[0], personal[-1])}
    for mention in names:
        start, end, _ = mention
        word = doc[start].lower_
        if end - start == 1 and word not in kept and doc[start].is_alpha and first_name_gender(word) \
                and not any(_same_given(word, first) for first in given.values()) \
                and not title_at(doc, start, HONORIFICS) and not (start > 0 and title_at(doc, start - 1, HONORIFICS)):
            wrong.add(mention)
    return wrong


def _same_given(a: str, b: str) -> bool:
    """One given name, written in full, short ('Bill', 'William') or as an initial ('R.')."""
    initial = a.rstrip(".") if len(a.rstrip(".")) == 1 else b.rstrip(".") if len(b.rstrip(".")) == 1 else None
    return same_given_name(a, b) or initial is not None and a[0] == b[0]


def _mention_gender(doc: Doc, mention: Mention) -> str | None:
    """The gender a mention says by itself: its form of address, kinship noun ('his wife'), 'the woman', pronoun."""
    start, end, kind = mention
    if kind == "name":
        found = title_at(doc, start, HONORIFICS)
        return honorific_gender(found[0]) if found and found[0] in GENDERED_ADDRESS else None
    if kind == "pronoun":
        return PERSONAL_PRONOUNS.get(doc[start].lower_)
    lemma = _root_lemma(doc, mention)
    if lemma in KINSHIP:
        return KINSHIP[lemma].gender
    return UNNAMED_PERSON_NOUNS.get(lemma)


def _gender_apart(doc: Doc, cluster: Cluster) -> set[Mention]:
    """'Mrs Reed' in Mr Reed's entity, 'his wife' or 'she' in a man's: the gender the names tell (forms of address,
    else the first full name's given name), else what its descriptions say ('the woman', 'his sister'), stands;
    when forms of address split evenly and no given name settles it, neither side's is kept."""
    genders = {mention: gender for mention in cluster.mentions if (gender := _mention_gender(doc, mention))}
    if not genders:
        return set()
    by_given = {g for n in cluster.personal if len(n) > 1 and (g := first_name_gender(n[0]))}
    if len(set(genders.values()) | by_given | {cluster.gender} - {None}) < 2:
        return set()  # nothing tells another gender
    addressed = Counter(g for (s, e, kind), g in genders.items() if kind == "name" and g)
    described = Counter(g for (s, e, kind), g in genders.items() if kind == "description" and g)
    if len(by_given) == 1 and (not addressed or next(iter(by_given)) in addressed):
        gender = next(iter(by_given))
    elif addressed:
        ranked = addressed.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return {m for m, g in genders.items() if g and m[2] == "name"}
        gender = ranked[0][0]
    elif len(described) == 1:
        gender = next(iter(described))
    else:
        gender = cluster.gender
    return {m for m, g in genders.items() if gender and g and g != gender}


def _subject_and_object_apart(doc: Doc, cluster: Cluster) -> set[Mention]:
    """'Reed thanked him', 'the firm sued the company': the subject of a verb and its object are two, unless the
    object is reflexive ('himself'); the object leaves, and so does the subject if it is no name either and the object
    no pronoun."""
    within: dict[int, Mention] = {}
    for mention in cluster.mentions:
        for i in range(mention[0], mention[1]):
            within.setdefault(i, mention)
    wrong = set()
    for mention in (m for m in cluster.mentions if m[2] != "name"):
        token = _root(doc, mention)
        verb = token.head
        if token.dep_ not in OBJECT_DEPS or token.lower_ in REFLEXIVES or verb.pos_ != "VERB":
            continue
        subjects = [within[t.i] for t in verb.children if t.dep_ in {"nsubj", "nsubjpass"} and t.i in within]
        for subject in subjects:
            wrong.add(mention)
            if subject[2] != "name" and mention[2] != "pronoun":
                wrong.add(subject)  # a pronoun object is the weaker reading: 'the label thanked them' keeps the label
    return wrong


def _ages(doc: Doc, text: str, cluster: Cluster) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """The ages written beside the cluster's names ('Tom Reed, 34,', 'Tom Reed (34)') and its age descriptions
    ('the 34-year-old')."""
    beside, described = {}, {}
    for mention in cluster.mentions:
        start, end, kind = mention
        if kind == "name":
            after = AGE_AFTER_NAME.match(text, doc[end - 1].idx + len(doc[end - 1]))
            if after:
                beside[mention] = after.group(1)
        elif kind == "description":
            found = AGE_DESCRIPTION.search(doc[start:end].text)
            if found:
                described[mention] = found.group(1)
    return beside, described


def _ages_apart(doc: Doc, text: str, cluster: Cluster) -> set[Mention]:
    """'Tom Reed, 44,' is not 'the 52-year-old', nor a later 'Tom Reed, 71,' (his father of that name): the age
    first written beside a name stands, else the first one told."""
    beside, described = _ages(doc, text, cluster)
    if not described and len(set(beside.values())) < 2:
        return set()
    age = beside[min(beside)] if beside else described[min(described)]
    return {mention for mention, told in (beside | described).items() if told != age}


def _age_of_a_namesake(doc: Doc, text: str, cluster: Cluster, clusters: list[Cluster]) -> set[Mention]:
    """'The 39-year-old' in a person no age is written beside, where the article writes another age beside their
    surname ('the younger Mr Reed, 35,') that no one else named in full holds: the family has several of that name,
    and the age description may be another's; it leaves."""
    beside, described = _ages(doc, text, cluster)
    family = surnames(cluster)
    if beside or not described or not family:
        return set()
    gender = cluster.gender or next((g for n in cluster.personal if len(n) > 1 and (g := first_name_gender(n[0]))),
                                    None)
    own = {i for start, end, _ in cluster.mentions for i in range(start, end)}
    for token in doc:
        if token.i in own or token.lower_ not in family or not token.is_title:
            continue
        holder = cluster_of(clusters, token.i)
        if holder is not None and any(len(name) > 1 for name in holder.personal):
            continue  # 'Ann Reed, 61,': someone else's age
        age = AGE_AFTER_NAME.match(text, token.idx + len(token))
        address = title_at(doc, token.i - 1, HONORIFICS) if token.i > 0 else None
        told = honorific_gender(address[0]) if address else None
        if age and age.group(1) not in described.values() and (told is None or gender in {None, told}):
            return set(described)
    return set()


def _surname_shared_with_kin(doc: Doc, cluster: Cluster, clusters: list[Cluster]) -> set[Mention]:
    """'Her brother, Tom Reed, said … Reed had left': one brought in as another's relative most often shares their
    surname, so the surname alone may be either of the two; outside the sentences that name him in full it leaves
    him. Not a form of address of his gender only ('Mr Reed' of 'her brother'), nor where the one he is the relative
    of is named by another surname."""
    kin = _introducing_kin_noun(doc, cluster)
    owner_word = next((c for c in kin.children if c.dep_ == "poss"), None) if kin is not None else None
    family = surnames(cluster)
    if owner_word is None or not family:
        return set()
    # 'Her' of 'Her brother' is inside his own description: the owner is whoever else holds it
    owner = cluster_of([k for k in clusters if k is not cluster], owner_word.i)
    if owner is not None and surnames(owner) and not surnames(owner) & family:
        return set()
    # a form of address tells them apart when no one else who may share the surname is of its gender
    rivals = [k for k in clusters if k is not cluster and k.type == "PERSON" and surnames(k) & family]
    rivals += [owner] if owner is not None else []
    owner_gender = PERSONAL_PRONOUNS.get(owner_word.lower_) if owner is None else None
    named_in_full = {doc[start].sent.start for start, end, kind in cluster.mentions
                     if kind == "name" and doc[end - 1].lower_ in family and end - start > 1
                     and not title_at(doc, start, HONORIFICS)}
    shared = set()
    for start, end, kind in cluster.mentions:
        address = title_at(doc, start, HONORIFICS) if end - start > 1 else None
        if kind != "name" or doc[end - 1].lower_ not in family or doc[start].sent.start in named_in_full \
                or end - start != 1 + (address[1] if address else 0):
            continue
        told = honorific_gender(address[0]) if address else None
        if told is None or owner_gender == told:
            shared.add((start, end, kind))
            continue
        # 'Their mother, Ann Reed, 81, … Mrs Reed said': of those it fits, the one named in that sentence or the one
        # before, no other being mentioned there
        since = sentence_start(doc, doc[start].sent.start, 1) or 0
        fitting = [k for k in rivals if gender_fits(k, told)  # a peer is never 'Mr Reed'
                   and not (address[0] in PLAIN_ADDRESS and k.titles & TITLED_RANKS)]
        if fitting and not (any(kind == "name" and since <= s < start for s, _, kind in cluster.mentions)
                            and not any(since <= s < start for k in fitting for s, _, _ in k.mentions)):
            shared.add((start, end, kind))
    return shared


def _introducing_kin_noun(doc: Doc, cluster: Cluster) -> Token | None:
    """The kinship noun a person's first name is set beside ('her brother, Tom Reed', 'his son Tom Reed'), if any."""
    names = [(start, end) for start, end, kind in cluster.mentions if kind == "name"]
    if not names:
        return None
    start, end = min(names)
    return kin_noun_beside(doc[start:end].root, start)


def _generations_apart(doc: Doc, cluster: Cluster) -> set[Mention]:
    """'Tom Reed Jr' and 'Tom Reed Sr', 'Leopold II' and 'Leopold III': the generation named first stands."""
    marked = [(m, doc[m[1] - 1].lower_.rstrip(".")) for m in sorted(cluster.mentions)
              if m[2] == "name" and m[1] - m[0] > 1 and doc[m[1] - 1].lower_.rstrip(".") in GENERATIONS]
    return {m for m, generation in marked if generation != marked[0][1]} if marked else set()


def _not_of_a_person(doc: Doc, cluster: Cluster) -> set[Mention]:
    """'the company', 'the band', 'the town' describe no person; set around the name itself ('the band Kelsby
    Lanterns'), such a noun says rather what the name is, and stays, as does a later 'the band'."""
    said = {t.lemma_.lower() for m in cluster.mentions if m[2] == "description" and _holds_own_name(cluster, m)
            for t in doc[m[0]:m[1]]}
    return {m for m in cluster.mentions if m[2] == "description"
            and (lemma := _root_lemma(doc, m)) in NEVER_ONE_PERSON | PLACE_NOUNS and lemma not in said}


def _holds_own_name(cluster: Cluster, mention: Mention) -> bool:
    return any(kind == "name" and mention[0] <= start and end <= mention[1] for start, end, kind in cluster.mentions)


def _site_of_the_name(doc: Doc, cluster: Cluster, mention: Mention) -> bool:
    """'the Kelsby showground evacuation centre': a site named by the name with other nouns between is a site in or
    of the one named, not it ('the Kelsby Court complex' may be Kelsby Court)."""
    start, end, _ = mention
    names = [(s, e) for s, e, kind in cluster.mentions if kind == "name" and start <= s and e < end]
    return any(any(t.pos_ == "NOUN" for t in doc[e:end - 1]) for s, e in names)


def _kinds_named(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    """The organisation nouns that organisations' names end in ('airline' for 'Acme Airlines'), with their owners."""
    named: dict[str, list[Cluster]] = {}
    for cluster in (k for k in clusters if k.type == "ORG"):
        for key in cluster.keys:
            last = key.split()[-1] if " " in key else ""
            for noun in {last, last[:-1] if last.endswith("s") else last} & ORG_NOUNS:
                named.setdefault(noun, []).append(cluster)
    return named


def _not_of_a_thing(doc: Doc, cluster: Cluster, full_names: set[str],
                    organisation_kinds: dict[str, list[Cluster]]) -> set[Mention]:
    """In an organisation, place, event or work: no person's description, pronoun or full name; no organisation noun
    in a place or a site ('the Kelsby Court complex' is no 'firm'), nor one another organisation's name says it is
    ('the airline' beside 'Acme Airlines'); no site named after a town ('the Kelsby showground') in the town."""
    wrong = set()
    keys_words = {word for key in cluster.keys for word in key.split()}
    a_site = cluster.type == "PLACE" or bool(cluster.kinds & SITE_KINDS)
    # a town or country: called one ('the town'), or a country or region ISO 3166 knows
    settlement = cluster.type == "PLACE" and (bool(cluster.kinds & PLACE_NOUNS) or any(
        country_code(key) is not None or is_subdivision(key) for key in cluster.keys) or any(
        kind == "description" and _root_lemma(doc, (start, end, kind)) in PLACE_NOUNS
        for start, end, kind in cluster.mentions))

    for mention in cluster.mentions:
        start, end, kind = mention
        if kind == "pronoun":
            if doc[start].lower_ in PERSONAL_PRONOUNS:
                wrong.add(mention)
            continue
        if kind == "name":
            if end - start > 1 and full_names and " ".join(doc[start:end].text.lower().split()) in full_names:
                wrong.add(mention)
            continue
        lemma = _root_lemma(doc, mention)
        if (lemma in PERSON_NOUNS or lemma == "old" and AGE_DESCRIPTION.search(doc[start:end].text)) \
                and not _holds_own_name(cluster, mention):  # 'the 52-year-old'; 'the 90-year-old company' is one
            wrong.add(mention)
        elif lemma in ORGANISATION_ONLY_NOUNS and lemma not in cluster.kinds and lemma not in keys_words:
            others = [k for k in organisation_kinds.get(lemma, []) if k is not cluster]
            if a_site or others:
                wrong.add(mention)
        elif lemma in SITE_KINDS and not keys_words & NAMES_OF_SITES \
                and (_site_of_the_name(doc, cluster, mention) or lemma not in cluster.kinds and settlement):
            wrong.add(mention)
        elif lemma in PLACE_NOUNS and a_site and not settlement:
            wrong.add(mention)  # 'the town' is no plant or housing complex
    return wrong


def _relative_of_itself(doc: Doc, cluster: Cluster) -> set[Mention]:
    """'his father' or 'Reed's lawyer' is someone other than the man 'his' or 'Reed' is: a person's description whose
    possessor ('his', 'Reed's', 'of Reed') is a mention of the same person contradicts it. Set beside the person's name
    ('his father, Tom Reed,'), the description stands and a possessive pronoun (the nearest fitting person) leaves;
    else the description does."""
    wrong = set()
    for mention in (m for m in cluster.mentions if m[2] == "description"):
        root = _root(doc, mention)
        if root.lemma_.lower() not in PERSON_NOUNS:
            continue
        owners = [t for t in root.children if t.dep_ == "poss"]
        owners += [t for of in root.children if of.dep_ == "prep" and of.lower_ == "of"
                   for t in of.children if t.dep_ == "pobj"]
        for owner in owners:
            held = next((m for m in cluster.mentions if m[0] <= owner.i < m[1] and not m[0] <= root.i < m[1]), None)
            if held is not None:
                wrong.add(held if held[2] == "pronoun" and _beside_a_name(cluster, mention) else mention)
    return wrong


def _pronoun_before_its_name(doc: Doc, cluster: Cluster) -> set[Mention]:
    """'He said Reed had apologised', 'Reed, he said, had apologised': a pronoun that is the subject of a clause
    reporting another in which a name stands is someone other than that name's bearer (English never lets the
    pronoun come first so)."""
    names = [start for start, _, kind in cluster.mentions if kind == "name"]
    wrong = set()
    for mention in (m for m in cluster.mentions if m[2] == "pronoun"):
        token = doc[mention[0]]
        verb = token.head
        if token.dep_ not in SUBJECT_DEPS or token.lower_ not in PERSONAL_PRONOUNS:
            continue
        reported = [(c.left_edge.i, c.right_edge.i) for c in verb.children if c.dep_ in REPORTED_DEPS]
        if any(first <= start <= last for first, last in reported for start in names):
            wrong.add(mention)
        elif verb.dep_ == "parataxis" and any(
                verb.head.left_edge.i <= start < verb.left_edge.i for start in names):
            wrong.add(mention)  # 'Reed, he said, had…': the name in the clause the pronoun's verb interrupts
    return wrong


class _Organisations:
    """What the organisations of an article are called, read once for all of them when first asked: the tokens that
    name one (its names, the first word of a longer name of it used alone, an organisation NER found and no step made
    an entity), and the words of each one's names and descriptions."""

    def __init__(self, doc: Doc, clusters: list[Cluster]):
        self.doc = doc
        self.clusters = [k for k in clusters if k.type == "ORG"]
        self.all_clusters = clusters
        self._named_at: dict[int, Cluster | None] | None = None
        self._words: dict[Cluster, set[str]] | None = None

    @property
    def named_at(self) -> dict[int, Cluster | None]:
        """Token index -> the company it names (None for one NER found and no step made an entity), read once."""
        if self._named_at is None:
            self._named_at = {}
            covered = {i for k in self.all_clusters for start, end, kind in k.mentions if kind == "name"
                       for i in range(start, end)}
            openers: dict[str, Cluster] = {}
            for cluster in self.clusters:
                if any(head_word(key) in NOT_COMPANY_HEADS for key in cluster.keys) or cluster.kinds & SITE_KINDS:
                    continue  # a public body or a housing complex is no company
                for start, end, kind in cluster.mentions:
                    if kind == "name":
                        self._named_at.update((i, cluster) for i in range(start, end))
                for key in cluster.keys:
                    if " " in key:
                        openers.setdefault(key.split()[0], cluster)
            for token in self.doc:
                if token.i not in covered and token.is_title and token.lower_ in openers:
                    self._named_at[token.i] = openers[token.lower_]  # 'Maplecore' alone after 'Maplecore Energy Inc.'
            for entity in self.doc.ents:
                if entity.label_ in ORGANISATION_LABELS and entity.root.lower_ not in NOT_COMPANY_HEADS \
                        and not any(i in covered for i in range(entity.start, entity.end)):
                    self._named_at.update((i, None) for i in range(entity.start, entity.end))
        return self._named_at

    @property
    def words(self) -> dict[Cluster, set[str]]:
        if self._words is None:
            self._words = {cluster: _words_of(self.doc, cluster) for cluster in self.clusters}
        return self._words

    def named_past(self, cluster: Cluster, mention: Mention, removed: set[Mention]) -> bool:
        """Whether another company is named in the sentence of `mention` or the one before, before it, and this one
        is neither named nor called back (but by `removed`) in that stretch or the rest of the sentence: 'Acme's
        lawyer, of Kelsby Ltd, said the firm…' is Kelsby Ltd. A housing complex or a public body is no company."""
        start = mention[0]
        sentence = self.doc[start].sent
        window = sentence_start(self.doc, sentence.start, 1)
        window = sentence.start if window is None else window
        if any(window <= m[0] < sentence.end and m[2] != "pronoun" and m != mention and m not in removed
               for m in cluster.mentions):
            return False
        openers = {key.split()[0] for key in cluster.keys if " " in key}
        if any(t.lower_ in openers and t.is_title for t in self.doc[window:sentence.end]):
            return False  # 'Acme managing director Tom Reed', though NER made 'Acme' part of a person's name
        # in the sentence before, only one it speaks of ('Reed founded Kelsby Ltd'), not one in passing ('told the
        # exchange', 'analysts at Kelsby Securities')
        return any(i in self.named_at and self.named_at[i] is not cluster
                   and (i >= sentence.start or self.doc[i].dep_ in CORE_DEPS) for i in range(window, start))

    def said_of_another(self, cluster: Cluster, mention: Mention) -> bool:
        """Whether a word 'the US company' or 'the snack maker' is qualified by was said of another organisation
        ('US snack maker Acme') and never of this one."""
        qualifiers = _qualifiers(self.doc, mention)
        if not qualifiers:
            return False
        own = _words_of(self.doc, cluster, without=mention)
        return any(word not in own and any(word in words for k, words in self.words.items() if k is not cluster)
                   for word in qualifiers)


def _words_of(doc: Doc, cluster: Cluster, without: Mention | None = None) -> set[str]:
    """The lower-case words of an organisation's names, keys and descriptions, but one of them."""
    words = {word for key in cluster.keys for word in key.split()}
    return words | {t.lower_ for m in cluster.mentions if m != without and m[2] != "pronoun" for t in doc[m[0]:m[1]]}


def _qualifiers(doc: Doc, mention: Mention) -> set[str]:
    """The words before a description's noun that say which one it is: a place or nationality ('the US company',
    'the Leeds-based group'), a trade ('the snack maker'); not the article, an age, 'based' or a possessive."""
    start, end, _ = mention
    root = _root(doc, mention)
    return {t.lower_ for t in doc[start:root.i] if t.dep_ in {"compound", "amod", "nmod", "npadvmod"}
            and (t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "NORP"} or t.pos_ == "NOUN" and t.is_lower)}


def _foreign_head_words(doc: Doc, cluster: Cluster, mention: Mention) -> bool:
    """'the disaster loan program' is no 'Paycheck Protection Program': a description by the head word of the
    organisation's name whose nouns before it are words of none of its names or descriptions is another one."""
    root = _root(doc, mention)
    if not root.is_lower or root.lemma_.lower() not in {head_word(key) for key in cluster.keys}:
        return False
    own = _words_of(doc, cluster, without=mention)
    return any(t.dep_ == "compound" and t.pos_ == "NOUN" and t.is_lower and t.lower_ not in own
               for t in doc[mention[0]:root.i])


def _named_as_a_person(doc: Doc, text: str, cluster: Cluster, family_names: set[str]) -> bool:
    """An 'organisation' NER made of a person: a name with an age beside it ('Tom Reed, 52,'), or a known given name
    with the surname of a person of the article ('Tom Reed' beside 'Ann Reed')."""
    for start, end, kind in cluster.mentions:
        if kind == "name" and end - start > 1 and AGE_AFTER_NAME.match(text, doc[end - 1].idx + len(doc[end - 1])):
            return True
    return any(2 <= len(words := key.split()) <= 3 and first_name_gender(words[0]) and words[-1] in family_names
               for key in cluster.keys)


def _campaigning_body(doc: Doc, cluster: Cluster) -> bool:
    """Whether the article calls an organisation a charity, union or campaigning group ('consumer group Fair
    Fares'), which no company is."""
    for start, end, kind in cluster.mentions:
        tokens = list(doc[start:end]) + ([doc[start - 1]] if kind == "name" and start > 0 else [])
        for token in tokens:
            lemma = token.lemma_.lower()
            if token.pos_ == "NOUN" and (lemma in CAMPAIGN_BODY_NOUNS or lemma in GROUP_NOUNS and any(
                    t.dep_ in {"compound", "amod"} and t.lower_ in CAMPAIGN_GROUP_WORDS for t in token.children)):
                return True
    return False


def _said_by_its_name(cluster: Cluster, noun: str) -> bool:
    """Whether an organisation's name, or what the article said it is, calls it so: 'the airline' of 'Kelmar
    Airways'."""
    words = {word for key in cluster.keys for word in key.split()} | cluster.kinds
    return noun in words or bool(KIND_SYNONYMS.get(noun, frozenset()) & words)


def _beside_a_name(cluster: Cluster, mention: Mention) -> bool:
    """Whether a description is set right beside one of the cluster's names, over a comma at most."""
    start, end, _ = mention
    return any(kind == "name" and (e in {start, start - 1} or s in {end, end + 1}) for s, e, kind in cluster.mentions)


def _country_inside_a_longer_name(doc: Doc, cluster: Cluster, mention: Mention) -> bool:
    """'Australia' in the entity of 'Fair Fares Australia': a country or region alone is the place, not an
    organisation whose name merely ends or starts with it."""
    key = normalise(doc[mention[0]:mention[1]].text)
    if " " in key or not (country_code(key) is not None or is_subdivision(key)):
        return False
    names = cluster.keys | {normalise(doc[start:end].text) for start, end, kind in cluster.mentions if kind == "name"}
    return any(key in other.split() for other in names if other != key)


def _first_word_of_two_names(doc: Doc, cluster: Cluster, mention: Mention, organisations: list[Cluster]) -> bool:
    """'Kelsby' alone in the entity of 'Kelsby Lions' when 'Kelsby High School' is named too: the first word of two
    organisations' names may be either, a school or its team."""
    word = normalise(doc[mention[0]:mention[1]].text)
    firsts = {k for k in organisations for key in k.keys if " " in key and key.split()[0] == word}
    return cluster in firsts and len(firsts) > 1


def _not_of_this_organisation(doc: Doc, text: str, cluster: Cluster, organisations: _Organisations,
                              family_names: set[str]) -> set[Mention]:
    """In an organisation: no country's name of a longer name of it, nor the first word of its name that another's
    starts with too; no place noun beside an organisation's noun ('the town' in a firm); no company noun in a person
    NER took for one, and no trade in a public body or a campaigning group ('the airline' in a bureau); no company
    called back past another named nearer ('Acme … Kelsby Ltd said the firm…'), nor with words said of another ('the
    US company' beside 'US maker Acme'), nor by its name's head word with other nouns ('the disaster loan program')."""
    descriptions = [m for m in cluster.mentions if m[2] == "description" and not _holds_own_name(cluster, m)]
    lone_words = [m for m in cluster.mentions if m[2] == "name" and m[1] - m[0] == 1 and doc[m[0]].is_title]
    wrong = {m for m in lone_words if _country_inside_a_longer_name(doc, cluster, m)
             or _first_word_of_two_names(doc, cluster, m, organisations.clusters)}
    if not descriptions:
        return wrong
    lemmas = {m: _root_lemma(doc, m) for m in descriptions}
    institution = any(head_word(key) in NOT_COMPANY_HEADS for key in cluster.keys)
    company_not_said = None  # read only when a company noun asks
    organisation_said = institution or any(lemma in ORGANISATION_ONLY_NOUNS for lemma in lemmas.values())
    for mention, lemma in sorted(lemmas.items()):
        if lemma in COMPANY_NOUNS - GROUP_NOUNS and company_not_said is None:
            company_not_said = institution or _named_as_a_person(doc, text, cluster, family_names) \
                or _campaigning_body(doc, cluster)
        if lemma in PLACE_NOUNS | COUNTRY_NOUNS and organisation_said:
            wrong.add(mention)  # 'the firm' and 'the town' are not one
        elif lemma in COMPANY_NOUNS - GROUP_NOUNS and company_not_said:
            wrong.add(mention)
        elif _beside_a_name(cluster, mention):
            continue  # 'Acme, the Danish data authority,': what is set beside the name is said of it
        elif lemma in COMPANY_NOUNS and not _said_by_its_name(cluster, lemma) \
                and organisations.named_past(cluster, mention, wrong) \
                or organisations.said_of_another(cluster, mention) or _foreign_head_words(doc, cluster, mention):
            wrong.add(mention)
    return wrong
