"""A learned second opinion on each entity's type, once every mention is known.

The rule steps type a name from the words around one mention; spaCy's small NER model mistypes news names in
ways no list of endings keeps up with (a club named after its town, a short company name, a hospital, a housing
block). Here a multinomial logistic regression (`data/type_model.json`, trained by `scripts/train_types.py` on
our writers' gold) reads the whole entity: its name's head word and ending, NER's labels over its mentions, the
prepositions before them, the verbs they are the subject or object of, the nouns they modify, the pronouns it
holds. The type is changed only when the model is confident and far surer of the new type than of the current one:
a wrong retype loses relations as surely as a wrong type.
"""

from __future__ import annotations

import math
from collections import Counter

from spacy.tokens import Doc, Token

from ..lexicon import data_table
from .clusters import Cluster
from .places import is_known_place
from .words import first_name_gender, is_capitalised

TYPES = ("PERSON", "ORG", "PLACE", "EVENT", "WORK")
# Pronouns by what they say of their referent: a person (and which), or a thing or body.
_PRONOUN_GROUPS = {"he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "her": "she", "hers": "she",
                   "herself": "she", "it": "it", "its": "it", "itself": "it", "they": "they", "them": "they",
                   "their": "they", "theirs": "they", "who": "who", "whom": "who", "whose": "who", "which": "which"}
_SUBJECT = {"nsubj", "nsubjpass"}
_OBJECT = {"dobj", "attr", "oprd"}
_MODIFIER = {"compound", "amod", "nmod", "npadvmod"}
_NAMED = {"name", "title"}


def retype_clusters(doc: Doc, clusters: list[Cluster]) -> None:
    """Give each cluster the type the model is confident of, where that differs from the one it has."""
    model = data_table("type_model")
    for cluster in clusters:
        if not retypable(cluster):
            continue
        probabilities = type_probabilities(cluster_features(doc, cluster), model)
        cluster.type = confident_type(probabilities, cluster.type, model["threshold"], model["margin"])


def confident_type(probabilities: dict[str, float], current: str, threshold: float, margin: float) -> str:
    """The likeliest type when it is likely enough and ahead of the current one by `margin`; else the current."""
    best = max(TYPES, key=probabilities.__getitem__)
    if best != current and probabilities[best] >= threshold and probabilities[best] - probabilities[current] >= margin:
        return best
    return current


def retypable(cluster: Cluster) -> bool:
    """Named entities that hold no description: a call-back joins only an entity of its own type ('the company'
    an organisation), so one that holds a call-back has its type from the article's own words."""
    kinds = {kind for _, _, kind in cluster.mentions}
    return cluster.type in TYPES and bool(kinds & _NAMED) and "description" not in kinds


def type_probabilities(features: list[str], model: dict) -> dict[str, float]:
    weights = model["weights"]
    person, org, place, event, work = model["bias"]
    for feature in features:
        if feature in weights:  # unrolled: this runs for every feature of every named entity of every article
            w = weights[feature]
            person, org, place, event, work = person + w[0], org + w[1], place + w[2], event + w[3], work + w[4]
    scores = (person, org, place, event, work)
    top = max(scores)
    exponentials = [math.exp(score - top) for score in scores]
    total = sum(exponentials)
    return {kind: value / total for kind, value in zip(TYPES, exponentials)}


def cluster_features(doc: Doc, cluster: Cluster) -> list[str]:
    """What the article says of the entity, as binary features."""
    features = {f"vote={kind}" for kind in cluster.types}  # not the current type: the model gives its own opinion
    features.update(f"kind={noun}" for noun in cluster.kinds)
    if cluster.gender:
        features.add(f"gender={cluster.gender}")
    names = [(start, end) for start, end, kind in cluster.mentions if kind in _NAMED]
    start, end = max(names, key=lambda span: (span[1] - span[0], -span[0]))
    features.update(_name_features(doc[start:end]))
    if cluster.types:  # max, not most_common: the same first of equals, without a heap per entity
        features.add(f"vote_most={max(cluster.types, key=cluster.types.__getitem__)}")
    labels = Counter(doc[end - 1].ent_type_ or "O" for _, end in names)
    features.update(f"ner_any={label}" for label in labels)
    features.add(f"ner_most={max(labels, key=labels.__getitem__)}")
    count = len({start for start, _, _ in cluster.mentions})
    features.add(f"mentions={min(count, 4)}")
    features.update(f"mention={kind}" for kind in {kind for _, _, kind in cluster.mentions})
    for start, end, kind in cluster.mentions:
        if kind == "pronoun":
            group = _PRONOUN_GROUPS.get(doc[start].lower_)
            if group:
                features.add(f"pronoun={group}")
            continue
        features.update(_context_features(doc, start, end))
    return list(features)


def _name_features(name) -> list[str]:
    words = [token for token in name if not token.is_punct]
    if not words:
        return []
    head, first = words[-1].lower_, words[0].lower_
    features = [f"head={head}", f"ending={head[-3:]}", f"first={first}", f"words={min(len(words), 4)}"]
    if len(words) > 1:
        features.append(f"ending2={words[-2].lower_}|{head}")
    if first_name_gender(first) and is_capitalised(words[0]):
        features.append("given_name")
    key = " ".join(token.lower_ for token in words if token.lower_ != "the")
    if is_known_place(key):
        features.append("known_place")
    elif len(words) > 1 and (is_known_place(first) or is_known_place(head)):
        features.append("holds_known_place")  # a club or body named after its town ('Kelsby Rovers')
    if name.text.isupper() and len(name.text) > 1:
        features.append("capitals")
    features.extend(f"ner={token.ent_type_ or 'O'}" for token in (words[0], words[-1]))
    if name.start > 0 and name.doc[name.start - 1].lower_ == "the" or first == "the":
        features.append("the")
    if any(token.like_num for token in words):
        features.append("number")
    return features


def _context_features(doc: Doc, start: int, end: int) -> list[str]:
    """The words a mention's grammar ties it to: the preposition it follows, the verb it is subject or object of,
    the noun it modifies, a possessive after it."""
    features = []
    root: Token = doc[start] if end - start == 1 else doc[start:end].root
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "ADP":
        features.append(f"after={before.lower_}")
    if end < len(doc) and doc[end].tag_ == "POS":
        features.append("owner")
    head = root.head
    if root.dep_ in _SUBJECT:
        features.append(f"subject_of={head.lemma_.lower()}")
        if root.tag_ == "NNP" and _plural_verb(head):
            features.append("plural_verb")  # 'Kelsby have won': a side or a body, in British usage
    elif root.dep_ in _OBJECT:
        features.append(f"object_of={head.lemma_.lower()}")
    elif root.dep_ == "pobj":
        features.append(f"under={head.head.lemma_.lower()}|{head.lower_}")
    elif root.dep_ in _MODIFIER and head.i >= end:
        features.append(f"modifies={head.lemma_.lower()}")
    elif root.dep_ == "appos":
        features.append(f"beside={head.lemma_.lower()}")
    features.extend(f"apposed={child.lemma_.lower()}" for child in root.children if child.dep_ == "appos")
    return features


def _plural_verb(verb: Token) -> bool:
    """Whether a verb agrees with a plural subject ('have', 'are', 'were', 'win'), itself or through its
    auxiliary."""
    words = [verb] + [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    return any(word.tag_ == "VBP" or word.lower_ == "were" for word in words)
