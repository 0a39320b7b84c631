"""'His client', 'her client': the person a lawyer (or agent, manager) named in the article acts for."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..parse import SUBJECT_DEPS
from .clusters import Cluster, cluster_of
from .words import VERB_TAGS, tokens_spelling, tokens_tagged


# A lawyer's verbs for the person they act for in court: 'Defending Tom Reed, Ann Lee said her client…'.
ACTING_FOR_VERBS = {"defend", "represent"}
# Nouns for someone who acts for a person: "Tom Reed's lawyer, Ann Lee," acts for Tom Reed ("the singer's manager",
# "the actor's publicist" too, with a client's name as owner).
ACTING_FOR_NOUNS = {"lawyer", "solicitor", "attorney", "barrister", "counsel", "representative", "agent",
                    "advocate", "spokesman", "spokeswoman", "spokesperson", "manager", "publicist"}
# The gender a possessive tells of its owner.
POSSESSIVE_GENDERS = {"his": "male", "her": "female"}


def add_clients(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'his client', 'her client': the one person the sentence says is defended or represented ('Defending Tom Reed,
    Ann Lee said her client…', "Tom Reed's lawyer said his client…"); else the one client of the one person the
    article said acts for someone ('Ann Lee, representing Tom Reed,', 'Ann Lee, for Tom Reed,') whom the possessive
    fits, named in that sentence or, failing that, the only such person the possessive's gender fits."""
    people = [k for k in clusters if k.type == "PERSON"]
    acting = _acting_for(doc, people)
    for noun in tokens_spelling(doc, text, {"client"}):
        possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
        if noun.tag_ != "NN" or possessive is None or possessive.i != noun.left_edge.i:
            continue
        in_sentence = {client for verb, lawyer, client in acting if noun.sent.start <= verb < noun.sent.end}
        if len(in_sentence) != 1:
            gender = POSSESSIVE_GENDERS.get(possessive.lower_)
            if gender is None:
                continue
            fitting = {lawyer for _, lawyer, _ in acting if lawyer is not None and lawyer.gender == gender}
            named = {k for k in fitting for s, _, kind in k.mentions if kind == "name"
                     and noun.sent.start <= s < noun.i}
            lawyers = named or fitting
            in_sentence = {client for _, lawyer, client in acting if lawyer in lawyers} if len(lawyers) == 1 else set()
        if len(in_sentence) == 1:
            in_sentence.pop().mentions.append((possessive.i, noun.i + 1, "description"))


def _acting_for(doc: Doc, people: list[Cluster]) -> list[tuple[int, Cluster | None, Cluster]]:
    """Who the article says acts for whom, as (where it says so, the one acting if known, the person acted for):
    a verb of ACTING_FOR_VERBS and its object (or the name right after it, where the parser took 'Defending' for
    part of the name), a possessor of an ACTING_FOR_NOUNS noun ("Tom Reed's lawyer, Ann Lee,"), and a name with
    'for' and a name set beside it ('Ann Lee, for Tom Reed,')."""
    found = []
    for verb in tokens_tagged(doc, VERB_TAGS, frozenset({"NOUN"})):
        lemma = verb.lemma_.lower()
        if lemma in ACTING_FOR_VERBS and verb.tag_.startswith("VB"):
            for i in [c.i for c in verb.children if c.dep_ == "dobj"] + [verb.i + 1]:
                if (client := cluster_of(people, i)) is not None:
                    found.append((verb.i, _who_acts(verb, people), client))
                    break
        elif lemma in ACTING_FOR_NOUNS and verb.pos_ == "NOUN":
            owner = next((c for c in verb.children if c.dep_ == "poss"), None)
            client = cluster_of(people, owner.i) if owner is not None else None
            lawyer = next((cluster_of(people, c.i) for c in verb.children if c.dep_ == "appos"), None)
            if client is not None and lawyer is not client:
                found.append((verb.i, lawyer, client))
    for lawyer in people:
        for _, end, kind in lawyer.mentions:
            words = [t.text for t in doc[end:end + 2]]
            client = cluster_of(people, end + 2) if kind == "name" and words == [",", "for"] else None
            ends = [e for k in [client] if k is not None for s, e, _ in k.mentions if s == end + 2]
            if client not in (None, lawyer) and ends and ends[0] < len(doc) and doc[ends[0]].text == ",":
                found.append((end + 1, lawyer, client))
    return found


def _who_acts(verb: Token, people: list[Cluster]) -> Cluster | None:
    """The person who defends or represents: the verb's subject, the name a participle is set beside ('Ann Lee,
    representing Tom Reed,'), or the subject of the clause an opening participle leads ('Defending Tom Reed, Ann
    Lee said')."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None and verb.dep_ in {"acl", "relcl"}:
        subject = verb.head
    elif subject is None and verb.dep_ == "advcl":
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    return cluster_of(people, subject.i) if subject is not None else None
