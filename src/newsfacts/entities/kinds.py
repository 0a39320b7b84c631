"""What the article or a name says an organisation, place, event or work is ('Kelsby Foods, a bakery chain,',
'Kelsby Abbey'), and so the nouns it may be called back by ('the chain', 'the abbey')."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import COMPANY_NOUNS, ORG_NOUNS, PERSON_ROLE_NOUNS, PLACE_HEADS, PLACE_NOUNS
from .clusters import Cluster, cluster_of
from .descriptions import described_spans
from .places import place_kinds
from .words import (
    CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, ENTITY_WORDS, KIND_NOUNS, LEGAL_FORMS, NEWSPAPER_ENDINGS,
    head_word,
)


# Groups of nouns news uses by turns for one thing ('the band' … 'the group'), by each noun in them.
KIND_SYNONYMS: dict[str, set[str]] = {}
for _group in ENTITY_WORDS["kind_synonyms"]:
    for _noun in set(_group) - set(ENTITY_WORDS["generic_kinds"]):
        KIND_SYNONYMS.setdefault(_noun, set()).update(_group)
GENERIC_KINDS = frozenset(ENTITY_WORDS["generic_kinds"])
NOT_KINDS = frozenset(ENTITY_WORDS["not_kinds"])
AGENT_NOUNS: dict[str, list[str]] = ENTITY_WORDS["agent_nouns"]
NAMING_WORDS = {"called", "named", "titled", "entitled", "dubbed"}
REGULATOR_WORDS = frozenset(ENTITY_WORDS["regulator_words"])
# Nouns before or beside a name that only an organisation is called: a name NER took for a person's is none.
BODY_ONLY_NOUNS = frozenset(ENTITY_WORDS["kind_synonyms"][0]) | {"label", "consortium", "charity", "company", "firm"}


# Nouns before a name that say what trade a company is in, though a person may be called so too ('the developer').
TRADE_NOUNS = {"utility", "provider", "operator", "developer", "producer", "maker", "housebuilder"}


def add_described_kinds(doc: Doc, clusters: list[Cluster]) -> None:
    """What the article itself says a named organisation, place, event or work is becomes the nouns it may be called
    back by in this article: a noun set beside it ('Kelsby Foods, a bakery chain,' … 'the chain', 'the bakery'), said
    of it ('Kelsby Partners is a consortium'), standing right before its name ('payments firm Kelsby', 'indie trio
    Kelsby', 'a memoir called Kelsby Nights'), or made from a verb it is the doer of ('operated by Kelsby Rail' … 'the
    operator'), with the other nouns news uses by turns for its kind ('the band' … 'the group')."""
    for cluster in (k for k in clusters if k.type != "PERSON" or not k.titles):
        nouns: set[Token] = set()
        mentions: list[tuple[int, int, str]] = []
        agents: set[str] = set()
        for start, end, kind in cluster.mentions:
            if kind != "name":
                continue
            root = doc[start:end].root
            for first, last, noun in described_spans(root, _a_kind):
                nouns.add(noun)
                if noun.lower_ not in _KIND_OR_ORGANISATION_NOUNS and not first <= root.i < last \
                        and cluster_of(clusters, noun.i) is None:
                    mentions.append((first, last, "description"))  # 'the consortium, Kelsby Partners,'
            if start > 0 and (_a_kind(doc[start - 1]) or _kind_opening_sentence(doc[start - 1])) \
                    and doc[start - 1].dep_ in {"compound", "appos", "nmod"} \
                    and (start < 2 or doc[start - 2].text not in {",", "'s", "’s"}):
                nouns.add(doc[start - 1])  # 'payments firm Kelsby', not 'the firm's Kelsby' nor 'a fund, Kelsby'
                described = _described_before(doc, start)
                if described < start - 1:
                    mentions.append((described, end, "description"))  # 'Leeds indie trio Kelsby Lanterns'
            if start >= 2 and doc[start - 1].lower_ in NAMING_WORDS and _a_kind(doc[start - 2]):
                nouns.add(doc[start - 2])  # 'a memoir called Kelsby Nights'
            if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
                nouns.update(t for t in root.head.children if t.dep_ == "attr" and _a_kind(t))
            agents |= {noun for verb in _verbs_done_by(root) for noun in AGENT_NOUNS.get(verb.lemma_, ())}
        words = {hyphened(noun).lower() for noun in nouns}
        words |= {t.lower_ for noun in nouns for t in noun.lefts if t.dep_ == "compound" and _a_kind(t)}
        if cluster.type == "PERSON":
            if not words & BODY_ONLY_NOUNS:
                continue  # 'his father, Tom Reed,' is read with the people
            cluster.type, cluster.gender = "ORG", None  # 'indie trio Rosa Lanterns' is a band, whatever NER said
        cluster.mentions.extend(mentions)
        cluster.kinds |= agents
        for word in words:
            if word not in COMPANY_NOUNS:  # every company is 'the company': add_organisation_descriptions weighs those
                cluster.kinds |= KIND_SYNONYMS.get(word, {word})


_OPENING_KIND_NOUNS = ORG_NOUNS | TRADE_NOUNS | set(KIND_SYNONYMS)


def _kind_opening_sentence(noun: Token) -> bool:
    """'Developer Kelsby Homes said …': a noun for a kind of organisation, capitalised as a sentence's first word."""
    return noun.is_sent_start and noun.text[1:].islower() and noun.lower_ in _OPENING_KIND_NOUNS


def _verbs_done_by(root: Token) -> list[Token]:
    """The verbs a name is the doer of: 'operated by Kelsby Rail', 'Kelsby Rail operates', 'Acme agreed to buy'."""
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return [root.head.head]
    if root.dep_ == "nsubj":
        return [root.head] + [t for t in root.head.children if t.dep_ == "xcomp"]
    return []


def hyphened(noun: Token) -> str:
    """The word a noun ends, with the words joined to it by hyphens: 'four-piece', which the tokenizer splits."""
    return noun.doc[hyphened_start(noun):noun.i + 1].text.lower()


def hyphened_start(noun: Token) -> int:
    """Where the word a token ends starts, with the words joined to it by hyphens ('start' of 'start-up')."""
    doc, first = noun.doc, noun.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_:
        first -= 2
    return first


def _described_before(doc: Doc, start: int) -> int:
    """Where the words that describe a name from before it start ('Leeds indie trio' in 'Leeds indie trio Kelsby
    Lanterns signed'): lower-case words and hyphens, and one capitalised word leading them (a place or nationality);
    not a determiner."""
    first = start
    while first > 0 and (doc[first - 1].is_lower and doc[first - 1].pos_ in {"NOUN", "ADJ", "NUM", "VERB"}
                         or doc[first - 1].text == "-" or doc[first - 1].like_num):
        first -= 1
    before = doc[first - 1] if 0 < first < start else None
    if before is not None and before.is_title and before.tag_ in {"NNP", "NNPS", "JJ"} and before.dep_ != "poss" \
            and before.ent_type_ not in {"PERSON", "DATE", "TIME"}:
        first -= 1  # 'Leeds' or 'Danish', which NER may call anything
    return first


# Table unions the steps test words against, joined once here rather than per word.
_KIND_OR_ORGANISATION_NOUNS = KIND_NOUNS | ORG_NOUNS
_NOT_KINDS_OR_ROLES = NOT_KINDS | PERSON_ROLE_NOUNS
_NOT_HEAD_WORD_KINDS = NOT_KINDS | LEGAL_FORMS | {"court", "capital"}
_PLACE_WORDS = PLACE_NOUNS | CLUB_OR_PLACE_ENDINGS | PLACE_HEADS


def _a_kind(noun: Token) -> bool:
    """A common noun that can say what kind of thing a name is: no person's role, no word for any thing at all."""
    word = hyphened(noun)
    return noun.is_lower and noun.tag_ == "NN" and not noun.ent_type_ and word not in _NOT_KINDS_OR_ROLES \
        and word.replace("-", "").isalpha()


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
            described = described_spans(root, lambda noun: noun.is_lower and noun.lemma_.lower() in KIND_NOUNS)
            head = root.head
            # 'the Kelsby Court complex', not 'a Kelsby estate' (one in Kelsby) nor 'the Kelsby estate' of a town
            if root.dep_ == "compound" and head.i >= end and head.is_lower and head.tag_ == "NN" \
                    and head.lemma_.lower() in KIND_NOUNS and all(t.dep_ == "compound" for t in doc[end:head.i]) \
                    and doc[head.left_edge.i].lower_ == "the" \
                    and not (cluster.type == "ORG" and head.lemma_.lower() in FACILITY_NOUNS):
                building = _building_or_body(cluster)
                if building and (head.i == end or _named_as_building(cluster)):
                    described.append((head.left_edge.i, head.i + 1, head))  # 'the Kelsby Court housing complex'
                elif (building or head.i > end) and head.lemma_.lower() not in ORG_NOUNS \
                        and cluster_of(clusters, head.i) is None:
                    # 'the Kelsby showground evacuation centre' is a place at Kelsby (the town, or Kelsby taken for a
                    # body)
                    clusters.append(Cluster("PLACE", mentions=[(head.left_edge.i, head.i + 1, "description")]))
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
    return cluster.type == "ORG" or _named_as_building(cluster)


def _named_as_building(cluster: Cluster) -> bool:
    return any(key.split()[-1] in PLACE_HEADS | COMMON_PLACE_HEADS | {"court"} for key in cluster.keys)


HOUSING_NOUNS = frozenset(ENTITY_WORDS["housing_nouns"])
LAW_COURT_WORDS = frozenset(ENTITY_WORDS["law_court_words"])


# 'of' in English names and in the French, Italian, Spanish and Portuguese ones news keeps ('the Musée du X'): the
# name's head word stands before it.
OF_WORDS = {"of", "de", "du", "des", "di", "del", "della", "dei", "degli", "da", "do", "dos", "das"}
# Last words of a name that leave its kind to the word before them: 'Kelsby Police Department', 'Acme Airways Group'.
UNSAYING_HEADS = LEGAL_FORMS | {"department", "service", "services", "group", "holdings", "company", "co"}


def called_back_as(cluster: Cluster, said: bool = True) -> set[str]:
    """The nouns by which news calls back an organisation or place with 'the': words of its name ('the council'
    after 'Kelsby City Council', 'the abbey' after 'Kelsby Abbey'), its kind as a club or newspaper ('the club'
    after 'Kelsby Rovers'), what kind of place ISO 3166 says it is ('the state' after 'Queensland'), and the other
    words for a block of homes ('the estate' after 'the Kelsby Court complex'); and, when `said`, what the article said
    it is."""
    nouns: set[str] = set(cluster.kinds) if said else set()
    for key in cluster.keys:
        words = key.split()
        head = next((at - 1 for at, word in enumerate(words) if at and word in OF_WORDS), len(words) - 1)
        for at, word in enumerate(words):
            # 'the county' is not 'Kelsby County Council' nor 'the Kelsby County Fair', nor 'the council' 'Kelsby
            # Council Tax': a word of the name calls it back only as its head word, or followed by words that say no
            # kind ('Kelsby Police Department', 'Kelsby Bank plc')
            if at == head or at < head and all(later in UNSAYING_HEADS for later in words[at + 1:head + 1]):
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


# Kinds of building or site: what is called so is no company, and an organisation named so is housed in it.
BUILDING_KINDS = HOUSING_NOUNS | FACILITY_NOUNS | {"building", "hall", "venue", "stadium", "ground", "block", "tower",
                                                   "campus", "farm", "field", "garden", "green", "common", "wood"}


def head_word_kinds(cluster: Cluster) -> set[str]:
    """'the hospice' after 'Kelsby Hospice', 'the label' after 'Kelsby Records', 'the dispute' after 'the Kelsby
    wharf dispute': the head word of a name of more than one word says what it is, and calls it back, when it is a
    word of English that says so. Not a title's ('Salt in the Engine'), a legal form, a court's (read with the law
    courts' words), nor a plural ('the records'); for an organisation no building or kind of place ('County Hall' is
    the council's seat, 'Kelsby Town' no town). A body whose name says it regulates is 'the regulator'."""
    nouns: set[str] = set()
    for key in cluster.keys if cluster.type != "WORK" else ():
        words = key.split()
        word = head_word(key)
        if cluster.type == "ORG" and set(words) & REGULATOR_WORDS and not set(words) & {"council", "police"}:
            nouns |= KIND_SYNONYMS["regulator"]  # 'the Kelsby Water Commission' … 'the regulator'
        if len(words) < 2 or not word.isalpha() or word in _NOT_HEAD_WORD_KINDS \
                or cluster.type == "ORG" and word in _PLACE_WORDS:
            continue
        # the group's generic words ('the event' for a festival) need the article to say so itself: a story
        # with a festival and a news conference has two events
        nouns |= (KIND_SYNONYMS.get(word, {word}) - GENERIC_KINDS | {word}) - ({word} if word.endswith("s") else set())
    return nouns
