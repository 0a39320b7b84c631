"""Events, sites, things and bodies a story brings in without a name and calls back by their noun: 'a landslide' …
'the slide', 'a chemical plant' … 'the site', 'a hearing' … 'the hearing', 'his campaign' … 'the campaign'."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .callbacks import call_back_start
from .clusters import Cluster, cluster_of
from .kinds import called_back_as, head_word_kinds
from .words import ENTITY_WORDS, normalise, tokens_spelling


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


# Groups of nouns that bring in a thing the story never names and call it back, by noun: (entity type, group index).
INTRODUCED_GROUPS = {noun: (kind, index) for kind, groups in ENTITY_WORDS["introduced_nouns"].items()
                     for index, group in enumerate(groups) for noun in group}


def add_introduced_things(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'A tense hearing of the committee … the hearing ran late': a hearing, study or scrapyard the story brings in
    with 'a' and never names is one entity, called back with 'the' or 'this' and a noun of its group ('a new study' …
    'the research'), or named later by it ('a consortium … the consortium, Kelsby Partners,'). Said only of one
    brought in once, before any 'the <noun>': a second 'a study' or a 'the study' before the first makes them others,
    and neither is joined."""
    found: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    named: dict[tuple[str, int], Cluster] = {}  # 'a consortium … the consortium, Kelsby Partners,': named after all
    spoilt: set[tuple[str, int]] = set()
    for noun in tokens_spelling(doc, text, set(INTRODUCED_GROUPS)):
        group = INTRODUCED_GROUPS[noun.lower_]
        first = noun.left_edge.i
        if not noun.is_lower or noun.tag_ not in {"NN", "NNS"} or noun.dep_ in {"compound", "attr", "appos"} \
                or group in spoilt:
            continue  # 'Kelsby Partners is a consortium' is read with what the article says a name is
        # 'the consortium, Kelsby Partners,': the name set beside it holds it, whichever step joins them
        holder = cluster_of(clusters, noun.i) or next(
            (k for child in noun.children if child.dep_ == "appos" and (k := cluster_of(clusters, child.i))), None)
        if holder is not None:
            if group in found and holder.type != "PERSON" and found[group][0][0] < holder.first \
                    and named.setdefault(group, holder) is not holder:
                spoilt.add(group)
            continue
        if doc[first].lower_ in {"a", "an"} and all(t.dep_ != "poss" and t.ent_type_ not in {"PERSON", "ORG"}
                                                     for t in doc[first + 1:noun.i]):
            if group in found:
                spoilt.add(group)  # 'a study … a study': two of them
            else:
                found[group] = [(first, noun.i + 1, "description")]
        elif (start := call_back_start(noun)) is not None:
            if group in found:
                found[group].append((start, noun.i + 1, "description"))
            else:
                spoilt.add(group)  # 'the hearing' before 'a hearing': another one, told of before
    for group, mentions in found.items():
        if group in spoilt:
            continue
        if group in named:
            named[group].mentions.extend(mentions)
        elif len(mentions) > 1:
            clusters.append(Cluster(group[0], mentions=mentions))


OUTLET_ALWAYS = frozenset(ENTITY_WORDS["outlet_self_nouns"]["always"])
OUTLET_WHEN_TOLD = frozenset(ENTITY_WORDS["outlet_self_nouns"]["when_told"])
TELLING_WORDS = frozenset(ENTITY_WORDS["telling_words"])


def add_outlet_self_mentions(doc: Doc, text: str, clusters: list[Cluster], outlet: str | None = None) -> None:
    """'Her son told this newspaper' or 'said in a statement to this website': the writer naming the outlet the
    article is in, one organisation however often it is said; the outlet's own name, where the article gives it."""
    mentions = []
    for noun in tokens_spelling(doc, text, OUTLET_ALWAYS | OUTLET_WHEN_TOLD):
        first = noun.left_edge.i
        if not noun.is_lower or noun.tag_ != "NN" or first != noun.i - 1 or doc[first].lower_ not in {"this", "our"} \
                or cluster_of(clusters, noun.i) is not None:
            continue
        if noun.lower_ in OUTLET_ALWAYS and doc[first].lower_ == "this" or _told(noun):
            mentions.append((first, noun.i + 1, "description"))
    if not mentions:
        return
    name = normalise(outlet.split("(")[0]) if outlet else None
    own = next((k for k in clusters if k.type == "ORG" and name in k.keys), None) if name else None
    if own is None:
        clusters.append(Cluster("ORG", mentions=mentions))
    else:
        own.mentions.extend(mentions)


def _told(noun) -> bool:
    """Whether a noun is what someone tells or speaks to: 'told this paper', 'a statement to this website'."""
    head = noun.head
    if noun.dep_ in {"dobj", "dative"}:
        return head.lemma_.lower() in TELLING_WORDS
    if noun.dep_ == "pobj" and head.lower_ in {"to", "with"}:
        return head.head.lemma_.lower() in TELLING_WORDS
    return noun.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in {"contact", "reach", "ask"}


BODY_NOUNS_ALONE = frozenset(ENTITY_WORDS["described_body_nouns"]["alone"])
BODY_NOUNS_OWNED = frozenset(ENTITY_WORDS["described_body_nouns"]["owned"])
UNSAYING_ADJECTIVES = frozenset(ENTITY_WORDS["unsaying_adjectives"])
RITE_WORDS = frozenset(ENTITY_WORDS["rite_words"])
CONTRASTING_WORDS = frozenset(ENTITY_WORDS["contrasting_words"])
# What a body does in a sentence that makes it one the reader follows: it acts, speaks or owns something.
BODY_ROLES = {"nsubj", "nsubjpass", "poss"}


def add_described_bodies(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'His campaign said … the campaign', 'a jury … the jury', "Japan's delegation walked out": an organisation the
    story only describes is one entity, when it is called back or acts (a subject, a speaker, an owner). Its owner
    ('his', 'Japan's') and the words saying which ('the audit committee') tell two apart; a bare 'the committee'
    calls back the one such body told of before it, and is left alone when there are two, or when a named
    organisation can be called so (that one's call-backs are read with the names)."""
    named = [k for k in clusters if k.type == "ORG" and k.keys]
    named_nouns = set().union(*(called_back_as(k) | head_word_kinds(k) for k in named))
    named_words = [set(key.split()) for k in named for key in k.keys]
    bodies: dict[tuple, list[tuple[int, int, Token]]] = {}
    contrasted: set[tuple] = set()  # bodies set against others of their kind: 'the new board', 'the federal court'
    for noun in tokens_spelling(doc, text, BODY_NOUNS_ALONE | BODY_NOUNS_OWNED):
        phrase = _body_phrase(doc, clusters, noun)
        if phrase is None:
            continue
        start, owner, which = phrase
        key = (owner, which, noun.lower_)
        if owner is None and (noun.lower_ in named_nouns
                              or any(words >= {*which, noun.lower_} for words in named_words)):
            continue  # 'the council', 'the town council' after 'Kelby Town Council': that one's, read with the names
        if owner is None and not which:
            if noun.lower_ in BODY_NOUNS_OWNED:
                continue
            told = [k for k in bodies if k[2] == noun.lower_]
            if any(k in contrasted for k in told):
                continue  # 'the interim government' … 'the government': perhaps the one it replaced
            if doc[start].lower_ in {"a", "an"}:
                key = (None, which, noun.lower_, noun.i)  # 'a jury': a new one, whatever came before
            elif len(told) > 1:
                continue
            elif told:
                key = told[0]
        elif doc[start].lower_ in {"a", "an"} and key in bodies:
            continue  # 'a planning committee' after 'the planning committee' may be another
        bodies.setdefault(key, []).append((start, noun.i + 1, noun))
        if CONTRASTING_WORDS & {*which}:
            contrasted.add(key)
    for (owner, which, *_), mentions in bodies.items():
        if len(mentions) > 1 or any(_has_role(noun) or _said_which(noun, owner, which) for _, _, noun in mentions):
            clusters.append(Cluster("ORG", mentions=[(start, end, "description") for start, end, _ in mentions]))


def _body_phrase(doc: Doc, clusters: list[Cluster], noun: Token) -> tuple[int, object, tuple[str, ...]] | None:
    """Where the phrase of a body's noun starts, its owner (the possessor's entity, or its words when no entity
    holds it) and the words saying which one it is; None when the noun is no such phrase's head."""
    if not noun.is_lower or noun.tag_ not in {"NN", "NNS", "NNP"} or noun.dep_ == "compound" \
            or cluster_of(clusters, noun.i) is not None:
        return None
    start = noun.left_edge.i
    possessor = next((t for t in noun.children if t.dep_ == "poss"), None)
    if possessor is None and doc[start].lower_ not in {"the", "this", "a", "an"}:
        return None
    owned = set(range(possessor.left_edge.i, possessor.i + 1)) if possessor is not None else set()
    if possessor is not None and possessor.i + 1 < noun.i and doc[possessor.i + 1].tag_ == "POS":
        owned.add(possessor.i + 1)
    owner = None
    which = []
    for token in doc[start + 1:noun.i]:
        if token.i in owned:
            continue
        holder = cluster_of(clusters, token.i)
        if holder is not None and token.dep_ in {"compound", "amod"} and not token.is_lower:
            owner = owner or holder  # 'the Kelsby planning committee', 'the Labour administration'
        elif not token.is_lower and not (token.pos_ == "ADJ" and token.dep_ == "amod") and not token.is_punct \
                or token.dep_ not in {"amod", "compound", "nummod", "punct", "npadvmod", "advmod"} \
                or token.tag_ in {"JJS", "JJR", "RBS"}:
            return None  # 'the best laboratory', 'the highest court' say how good, not which
        elif token.lower_ not in UNSAYING_ADJECTIVES and not token.is_punct:
            which.append(token.lower_)
    if possessor is not None:
        owner = cluster_of(clusters, possessor.i)
        if owner is None:
            if possessor.pos_ == "PRON":
                owner = possessor.i  # 'his campaign' with no one found for 'his': of no one else's
            else:
                owner = " ".join(t.lower_ for t in doc[possessor.left_edge.i:possessor.i + 1])
    if noun.lower_ in BODY_NOUNS_OWNED and owner is None and not which \
            or noun.lower_ == "service" and RITE_WORDS & {*which}:
        return None
    return start, owner, tuple(which)


def _said_which(noun: Token, owner: object, which: tuple[str, ...]) -> bool:
    """A body told once is still one the reader follows when the story says which it is: "Japan's delegation", 'the
    council's audit committee', 'the festival committee'; of 'office', 'service' or 'unit' only by a name's owner
    ("the region's ambulance service"), since 'his office' or 'the commuter service' is as often a room or a train."""
    if noun.lower_ in BODY_NOUNS_ALONE:
        return bool(which) or owner is not None
    return owner is not None and not any(t.dep_ == "poss" and t.pos_ == "PRON" for t in noun.children)


def _has_role(noun: Token) -> bool:
    """A subject, an owner, or the doer after 'by' ('was rejected by the panel')."""
    return noun.dep_ in BODY_ROLES or noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ == "agent"
