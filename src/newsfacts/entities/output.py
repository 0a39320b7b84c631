"""The clusters as the sheet's entities: ids in order of first mention, a readable name, mentions as character
spans.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..lexicon import COURTESY_TITLES, PERSON_ROLE_NOUNS, ROYAL_HONORIFICS, TITLES_OF_PLACE
from ..schema import Entity, Mention
from .clusters import Cluster

# Words before a name that say what a person does or how to address them, not who they are ("Councillor",
# "Dr"): a person's name leaves them out where the article also gives the name without. Royal and noble
# titles stay ("Prince Harry", "Lord Smith"): they are how such people are known.
_OFFICES_BEFORE_NAMES = (PERSON_ROLE_NOUNS | COURTESY_TITLES) - TITLES_OF_PLACE - ROYAL_HONORIFICS - {"lord", "lady",
                                                                                                    "sir", "dame"}


def to_entities(doc: Doc, text: str, clusters: list[Cluster]) -> list[Entity]:
    clusters = [k for k in clusters if k.mentions]
    clusters.sort(key=lambda k: k.first)
    entities = []
    for number, cluster in enumerate(clusters, start=1):
        mentions = sorted({(start, end, kind) for start, end, kind in cluster.mentions})
        entities.append(Entity(
            id=f"E{number}",
            name=_entity_name(doc, text, cluster, clusters),
            type=cluster.type,
            gender=cluster.gender if cluster.type == "PERSON" else None,
            mentions=[_mention(doc, text, start, end, kind) for start, end, kind in mentions],
        ))
    return entities


def _mention(doc: Doc, text: str, start: int, end: int, kind: str) -> Mention:
    first, last = _characters(doc, start, end)
    return Mention(text=text[first:last], start=first, end=last, kind=kind)


def _characters(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where the tokens [start, end) begin and end in the text: slicing the text is far faster than making a Span
    for its text, and the Doc's text is the article's."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def _entity_name(doc: Doc, text: str, cluster: Cluster, clusters: list[Cluster]) -> str:
    """A readable canonical name: the fullest personal name (without an office before it), else the commonest
    title or name."""
    def written(start: int, end: int) -> str:
        first, last = _characters(doc, start, end)
        return text[first:last]

    names = [(s, e) for s, e, kind in cluster.mentions if kind == "name"]
    if cluster.type == "PERSON" and names:
        s, e = max(names, key=lambda span: (doc[span[0]].lower_.rstrip(".") not in _OFFICES_BEFORE_NAMES,
                                            span[1] - span[0], -span[0]))
        return written(s, e)
    titled = [written(s, e) for s, e, kind in cluster.mentions if kind in {"name", "title"}]
    if titled:
        counts = Counter(titled)
        return max(counts, key=lambda t: (counts[t], not t.isupper(), len(t)))  # "Oslo" over a dateline's "OSLO"
    if cluster.described_of is not None and cluster.described_of in clusters:
        owner = _entity_name(doc, text, cluster.described_of, clusters)
        return f"{owner}'s {cluster.described_as}"
    return written(*cluster.mentions[0][:2])
