"""Events, sites and things a story brings in without a name and calls back by their noun: 'a landslide' … 'the
slide', 'a chemical plant' … 'the site', 'a hearing' … 'the hearing'."""

from __future__ import annotations

from spacy.tokens import Doc

from .callbacks import call_back_start
from .clusters import Cluster, cluster_of
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
