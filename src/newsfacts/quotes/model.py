"""The attribution model: the features a candidate is described by, and the logistic model over them, trained on
PolNeAR by `scripts/train_quote_model.py` and shipped as JSON (`data/quote_model.json`, and
`data/quote_model_acts.json` for PolNeAR's wider notion of attribution).
"""

from __future__ import annotations

import math

from spacy.tokens import Span, Token

from ..lexicon import data_table, quote_cues
from .speakers import is_age, speaker_head


# Entity types and pronoun lists (quote_cues.json) whose members can say, think or want something.
AGENT_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}
AGENT_PRONOUNS = ("person_pronouns", "group_pronouns", "writer_pronouns")
# Dependents whose word says what kind of act the verb names.
OBJECT_WORD_DEPS = ("dobj", "attr", "acomp", "oprd")


def bucket(count: int) -> str:
    for limit in (1, 3, 8, 20, 40):
        if count <= limit:
            return str(limit)
    return "many"


def speaker_features(speaker: Span | None, cue: Token) -> list[str]:
    if speaker is None:
        return ["spk=none"]
    head = speaker_head(speaker)
    lex = quote_cues()
    features = ["spk_after" if speaker.start > cue.i else "spk_before"]
    if head.pos_ == "PRON":
        features.append(f"spk_pron={head.lower_}")
    elif is_age(head):
        features.append("spk_age")
    elif head.ent_type_:
        features.append(f"spk_ent={head.ent_type_}")
    else:
        features.append(f"spk_pos={head.pos_}")
        if head.pos_ == "NOUN":
            features.append(f"spk_noun={head.lemma_.lower()}")
    if head.lemma_.lower() in lex["source_nouns"]:
        features.append("spk_source_noun")
    return features


def _speaker_type(speaker: Span | None) -> str:
    """Whether the speaker can hold a view (a person, a group, a place's people, a pronoun for them)."""
    if speaker is None:
        return "none"
    head = speaker_head(speaker)
    lex = quote_cues()
    if head.ent_type_ in AGENT_ENTITIES or any(head.lower_ in lex[key] for key in AGENT_PRONOUNS):
        return "agent"
    return head.pos_


def cue_features(cue: Token, kind: str, heads: list[Token], size: int, speaker: Span | None, quoted: float,
                 cue_quoted: bool, sentence_index: int) -> list[str]:
    lemma = cue.lemma_.lower()
    lex = quote_cues()
    features = [
        "bias", f"lemma={lemma}", f"dep={cue.dep_}", f"tag={cue.tag_}", f"content={kind}",
        f"lemma_content={lemma}|{kind}", f"lemma_dep={lemma}|{cue.dep_}", f"len={bucket(size)}",
        f"quoted={round(quoted, 1)}", f"kind_len={kind}|{bucket(size)}",
    ]
    if lemma in lex["reporting_verbs"]:
        features += ["reporting_verb", f"reporting_content={kind}"]
    if cue_quoted:
        features.append("cue_in_quotation")
    if sentence_index == 0:
        features.append("first_sentence")
    children = {child.dep_: child for child in cue.children}
    if "neg" in children:
        features.append("negated")
    modals = [child.lower_ for child in cue.children if child.dep_ == "aux" and child.tag_ == "MD"]
    if modals:
        features.append("modal")
    marks = [grand.lower_ for head in heads for grand in head.children if grand.dep_ == "mark"]
    if marks:
        features.append(f"mark={marks[0]}")
    preps = [child.lower_ for child in cue.children if child.dep_ == "prep"]
    if kind == "prep" and preps:
        features.append(f"lemma_prep={lemma}|{preps[0]}")
    features += [f"lemma_prepw={lemma}|{prep}" for prep in preps]
    # What the verb takes tells a stance ('made a claim') from an act ('made an appearance').
    for child in cue.children:
        if child.dep_ in OBJECT_WORD_DEPS:
            features += [f"obj={child.lemma_.lower()}", f"lemma_obj={lemma}|{child.lemma_.lower()}"]
    features.append(f"lemma_spk_type={lemma}|{_speaker_type(speaker)}")
    about_speaker = speaker_features(speaker, cue)
    features += about_speaker
    features += [f"{kind}|{feature}" for feature in about_speaker[:2]]
    features.append(f"lemma_spk={lemma}|{about_speaker[0]}")
    return features


# The trained models: reported words only (the default), or every attribution PolNeAR counts, acts included.
MODEL_FILES = {False: "quote_model", True: "quote_model_acts"}


def model(acts: bool = False) -> dict:
    return data_table(MODEL_FILES[acts])


def probability(features: list[str], acts: bool = False) -> float:
    weights = model(acts)["weights"]
    score = model(acts)["bias"] + sum(weights.get(feature, 0.0) for feature in features)
    return 1 / (1 + math.exp(-score))
