"""The one policy by which a generic call-back ('the company', 'the firm', 'the group', 'the club', 'the town', 'this
city': a determiner and a noun any organisation or place of that kind may be called by) joins a named one. Every
step that joins such a call-back asks it. A call-back joins a candidate only on evidence:

(a) its clause or apposition names it: 'Acme, the company,', 'Acme said the company…', 'Acme's chief said the
    firm…';
(b) it is the only candidate of a fitting kind in the call-back's sentence and the one before (an organisation or
    place whose kind is unknown may be of any kind, and is a candidate too), or the only one called there by the
    call-back's noun, or the only one named before at all;
(c) it is the story's own (mentioned most, else the one subject of the headline or lede) and no other candidate is a
    subject in the call-back's sentence or the one before.

Where two fit and none of these decides, it joins neither. One brought in as another one's origin, rival, partner,
buyer, opponent or destination ('joined from Acme', 'moved production to Kelsby', 'a deal with Acme', 'opposed by
Acme') is joined only on (a). The steps keep their own reading of which one is meant (a trade, a base, an outlet's
town); a generic call-back joins the one a step picks only when this policy picks it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from spacy.tokens import Doc, Token

from ..lexicon import HONORIFICS, OTHER_COMPANY_WORDS, PERSON_ROLE_NOUNS, quote_cues
from ..parse import SUBJECT_DEPS, sentence_start
from .clusters import Cluster, cluster_of, surnames
from .kinds import called_back_as, head_word_kinds
from .words import ENTITY_WORDS, lower_key

PLACE_CALL_BACKS = frozenset(ENTITY_WORDS["generic_call_backs"]["PLACE"])
GENERIC_CALL_BACKS = frozenset(ENTITY_WORDS["generic_call_backs"]["ORG"]) | PLACE_CALL_BACKS
_OTHER_PARTY = ENTITY_WORDS["other_party_heads"]
OTHER_PARTY_HEADS: dict[str, frozenset[str]] = {word: frozenset(heads) for word, heads in _OTHER_PARTY.items()}
# Nouns before a name that make it another one's other party: OTHER_COMPANY_WORDS ('rival', 'parent', 'supplier') and
# those of a deal or a contest.
OTHER_PARTY_NOUNS = OTHER_COMPANY_WORDS | {"buyer", "bidder", "suitor", "acquirer", "lender", "creditor", "opponent",
                                           "opponents", "challenger", "visitors"}
# The sentences from the first that make a story's lede: the headline and the opening paragraph's first sentences.
LEDE_SENTENCES = 3


def is_generic(noun: Token) -> bool:
    """Whether a call-back's noun is one any organisation or place of its kind may be called by."""
    return noun.lower_ in GENERIC_CALL_BACKS


def may_join(doc: Doc, clusters: list[Cluster], owner: Cluster, noun: Token, start: int, fitting: list[Cluster],
             story: Cluster | None = None, ruled_out: Iterable[Cluster] = ()) -> bool:
    """Whether the call-back 'the <noun>' from token `start` may join `owner`, the one a step chose among the
    `fitting` ones it weighed: always for a noun of a kind only a name says ('the council'); for a generic one, when
    the evidence picks that one (`evidenced_one`; `story` and `ruled_out` are what the step knows besides)."""
    return not is_generic(noun) \
        or evidenced_one(doc, clusters, noun, start, [owner, *fitting], story, ruled_out) is owner


def evidenced_one(doc: Doc, clusters: list[Cluster], noun: Token, start: int, fitting: list[Cluster],
                  story: Cluster | None = None, ruled_out: Iterable[Cluster] = ()) -> Cluster | None:
    """The one of the candidates a generic call-back at token `start` means, by evidence (a), (b) or (c) of the
    module's policy; None when none decides. The candidates are the `fitting` ones named before it, and those of
    their type whose kind nothing says, but those `ruled_out` ('Ohio' in 'Kelsby, Ohio' is no town); the latter
    count near the call-back only where spoken of (a subject, a possessor, set beside a noun): 'told the Chronicle that
    the company…' is no rival to the company. `story` is the story's own by what the step knows, when the article's
    mentions do not tell."""
    ruled_out = set(ruled_out) - {fitting[0]} if fitting else set(ruled_out)
    fitting = [k for k in _named_before(fitting, noun, start) if k not in ruled_out]
    if not fitting:
        return None
    unknown = [k for k in _named_before(_of_unknown_kind(clusters, noun), noun, start)
               if k not in fitting and k not in ruled_out and not _only_aside(doc, k, start)]
    candidates = fitting + unknown
    naming = _words_naming(noun)
    named = [k for k in candidates if any(i in naming for s, e, kind in k.mentions if kind != "pronoun"
                                          for i in range(s, e))]
    if named:
        return named[0] if len(named) == 1 else None
    employers = speaker_organisations(doc, clusters, noun, candidates) \
        if noun.lower_ not in PLACE_CALL_BACKS and len(candidates) > 1 else None
    if employers is not None:
        return employers[0] if len(employers) == 1 else None
    # one brought in as another one's other party is joined only on (a)
    candidates = [k for k in candidates if not introduced_as_other(doc, k)]
    sentence = doc[start].sent.start
    window = sentence_start(doc, sentence, 1)
    window = sentence if window is None else window
    near = {k: [(s, e) for s, e, kind in k.mentions if window <= s < start and kind != "pronoun"] for k in candidates}
    recent = [k for k in candidates if near[k] and (k in fitting or any(_spoken_of_alone(doc, s, e, candidates)
                                                                        for s, e in near[k]))]
    # 'Acme, the Swiss group, …. The group said': the one called by the call-back's noun just before
    called = [k for k in recent if any(doc[e - 1].lemma_.lower() == noun.lemma_.lower() for s, e in near[k]
                                       if not doc[e - 1].is_title)]
    if len(called) == 1:
        return called[0]
    story = _story_own(doc, candidates, start) or (story if story in candidates else None)
    if story is not None:
        rivals = [k for k in recent if k is not story and any(_as_subject(doc[s:e].root) for s, e in near[k])]
        return None if rivals else story  # (c); with a rival spoken of near it, (b) and (c) disagree
    if len(recent) == 1:
        return recent[0]  # (b)
    # the only one of its kind, when no organisation of unknown kind has acted or spoken before either
    acting = [k for k in candidates if k in fitting or any(
        s < start and kind != "pronoun" and _as_subject(doc[s:e].root) for s, e, kind in k.mentions)]
    if not recent and len(acting) == 1 and acting[0] in fitting:
        return acting[0]
    return None


def _named_before(clusters: list[Cluster], noun: Token, start: int) -> list[Cluster]:
    """Those of `clusters` named before token `start`, without the one the call-back is a word of."""
    found: list[Cluster] = []
    for cluster in clusters:
        if cluster not in found and any(kind == "name" and s < start for s, _, kind in cluster.mentions) \
                and not any(s <= noun.i < e for s, e, _ in cluster.mentions):
            found.append(cluster)
    return found


def _of_unknown_kind(clusters: list[Cluster], noun: Token) -> list[Cluster]:
    """The named places ('the town') or organisations ('the company') whose kind nothing says."""
    kind = "PLACE" if noun.lower_ in PLACE_CALL_BACKS else "ORG"
    return [k for k in clusters if k.type == kind and k.keys and not called_back_as(k) and not head_word_kinds(k)]


def _only_aside(doc: Doc, cluster: Cluster, start: int) -> bool:
    """Whether every mention of a name before token `start` is an aside in brackets: 'LONDON (Acme News) -' credits an
    agency, which the story is not about."""
    return all(_in_brackets(doc, s, e) for s, e, kind in cluster.mentions if s < start)


def _in_brackets(doc: Doc, start: int, end: int) -> bool:
    return 0 < start and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"


# Prepositions after a speaker that say whom they speak for: 'a spokesperson for Acme', 'Ann Lee, of Acme,'.
SPEAKING_FOR = {"for", "of", "at"}


def _words_naming(noun: Token) -> set[int]:
    """(a): the words that name the one a call-back means, when a candidate's mention stands there: one set beside the
    call-back, or the subject of the clause it stands in with the words it is made of ('Acme said the company…',
    "Acme's chief said the firm…", 'a spokesperson for Acme said the firm…')."""
    words = {t.i for t in noun.children if t.dep_ == "appos"} | ({noun.head.i} if noun.dep_ == "appos" else set())
    subject = _reporting_subject(noun) if noun.lower_ not in PLACE_CALL_BACKS else None
    if subject is None:
        return words
    heads = [subject] + [t for t in subject.children if t.dep_ == "appos"]
    parts = [t for head in heads for t in head.lefts if t.dep_ in {"poss", "compound", "nmod", "amod"}]
    parts += [t for head in heads for t in head.children if t.dep_ == "prep" and t.lower_ in SPEAKING_FOR]
    return words | {subject.i} | {t.i for part in parts for t in part.subtree}


REPORTING_VERBS = quote_cues()["reporting_verbs"]
# Dependencies of a reported clause, hung on the verb of saying: 'Acme said the firm would…'.
REPORTED_DEPS = {"ccomp", "parataxis"}


def _reporting_subject(noun: Token) -> Token | None:
    """The subject of the clause that reports the one a call-back stands in ('Acme' in 'Acme said the company
    would…'); None when the call-back is in that subject's own clause ('Acme lifted the order for the town')."""
    token = noun
    reported = False
    while token.head.i != token.i:
        if token.dep_ in SUBJECT_DEPS and token.head.dep_ in REPORTED_DEPS and token.head.i > token.head.head.i \
                and token.head.lemma_.lower() in REPORTING_VERBS:
            return None  # 'Acme will buy Kelvo, the company said': the one saying it is either
        reported = reported or token.dep_ in REPORTED_DEPS
        token = token.head
        subject = next((t for t in token.children
                        if t.dep_ in SUBJECT_DEPS and not t.left_edge.i <= noun.i <= t.right_edge.i), None)
        if subject is not None:
            return subject if reported else None
    return None


def _story_own(doc: Doc, candidates: list[Cluster], start: int) -> Cluster | None:
    """(c): the candidate the story is about: the one mentioned most before `start` (twice or more, and more often
    than any other), else the one subject of the headline or lede."""
    counts = sorted(((_mentions_before(k, start), id(k), k) for k in candidates), key=lambda c: c[:2], reverse=True)
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
        return counts[0][2]
    sentences = list(islice(doc.sents, LEDE_SENTENCES))
    lede_end = min(sentences[-1].end if sentences else 0, start)
    lede = [k for k in candidates if any(s < lede_end and kind == "name" and _as_subject(doc[s:e].root)
                                         for s, e, kind in k.mentions)]
    return lede[0] if len(lede) == 1 else None


def named_after_noun(doc: Doc, start: int, nouns: frozenset[str] | set[str]) -> bool:
    """Whether a name starting at `start` follows, within three words, a lower-case noun of `nouns` that describes
    it ('rival Acme', 'its parent, Acme Group')."""
    return any(t.lower_ in nouns and t.is_lower and (t.dep_ in {"compound", "amod", "appos"} or t.head.i >= start)
               for t in doc[max(start - 3, 0):start])


def introduced_as_other(doc: Doc, cluster: Cluster) -> bool:
    """Whether an organisation or place is first named as another one's origin, destination, partner, rival, buyer
    or opponent: 'joined from Acme', 'moved production to Kelsby', 'a deal with Acme', 'opposed by Acme'."""
    first = min((s for s, _, kind in cluster.mentions if kind == "name"), default=None)
    if first is None:
        return False
    if named_after_noun(doc, first, OTHER_PARTY_NOUNS):
        return True  # 'from rival Acme', 'its parent, Acme Group', 'lender Acme Bank'
    end = next(e for s, e, kind in cluster.mentions if s == first and kind == "name")
    token = doc[first:end].root
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head  # 'a deal with Acme and Beta'
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    heads = OTHER_PARTY_HEADS.get(preposition.lower_)
    if heads is None:
        return False
    return "*" in heads or preposition.head.lemma_.lower() in heads  # 'opposed by': the verb 'by' hangs on


def _spoken_of_alone(doc: Doc, start: int, end: int, candidates: list[Cluster]) -> bool:
    """Whether a mention is spoken of (`spoken_of`) for itself: not an aside in brackets ('LONDON (Acme News) -'), nor
    set beside another candidate to say where it is ('Kelsby, Ohio')."""
    root = doc[start:end].root
    if _in_brackets(doc, start, end):
        return False
    if root.dep_ == "appos" and any(s <= root.head.i < e for k in candidates for s, e, _ in k.mentions):
        return False
    return spoken_of(root)


def _as_subject(token: Token) -> bool:
    """A clause's subject or its possessor: what (c) calls a rival near a call-back."""
    return in_subject_phrase(token) or token.dep_ == "poss"


def spoken_of(token: Token) -> bool:
    """Whether a mention is what its clause speaks of: the subject or a word it is made of, a possessor, or set beside
    another ('Acme, the label,'); not an object or a word after a preposition ('a defeat to Kelsby')."""
    return in_subject_phrase(token) or token.dep_ in {"poss", "appos"}


def in_subject_phrase(token: Token) -> bool:
    """A clause's subject, or a word before its head that it is made of: the possessor ('Acme's profit rose') or a
    noun modifying it ('an Acme spokesman said', 'Acme branch secretary Ann Lee said')."""
    while token.dep_ in {"compound", "poss"} and token.head.i > token.i:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def subject_above(token: Token) -> Token | None:
    """The subject of the nearest clause above a word that it is not part of: 'Ann Lee' for 'her side' in 'Ann Lee
    said her side had been unlucky'."""
    for verb in token.ancestors:
        subject = next((t for t in verb.children
                        if t.dep_ in SUBJECT_DEPS and not t.left_edge.i <= token.i <= t.right_edge.i), None)
        if subject is not None:
            return subject
    return None


def _mentions_before(cluster: Cluster, start: int) -> int:
    """How many times an entity is named or described before token `start`."""
    return sum(kind != "pronoun" and at < start for at, _, kind in cluster.mentions)


def called_before(doc: Doc, cluster: Cluster, noun: Token, start: int) -> bool:
    """Whether an organisation was called by `noun` ('the club') before token `start`."""
    return any(kind == "description" and s < start and doc[e - 1].lower_ == noun.lower_
               for s, e, kind in cluster.mentions)


def speaker_organisations(doc: Doc, clusters: list[Cluster], noun: Token,
                          candidates: list[Cluster]) -> list[Cluster] | None:
    """Those of `candidates` that the subject of the clause a call-back stands in works for, by what the subject is
    called there or anywhere in the article: 'Acme partner Ann Lee said the firm…', 'Acme's founder, Ann Lee, said …
    Lee said the label…', 'Ann Lee, of Acme, said the firm…', and a firm named after them ('Tom Reed founded the
    firm' of 'Reed & Cole'); none when the subject there says it works for another one ('Kelsby's director said the
    club…'); None when the subject is no person, or nothing says whom it works for."""
    subject = subject_above(noun)
    if subject is None or subject.pos_ not in {"PROPN", "NOUN"} or cluster_of(candidates, subject.i) is not None:
        return None
    people = [k for k in clusters if k.type == "PERSON"]
    person = cluster_of(people, subject.i) or next(
        (k for t in subject.children if t.dep_ == "appos" for k in [cluster_of(people, t.i)] if k is not None), None)
    if person is None and not (subject.is_lower and subject.lemma_.lower() in PERSON_ROLE_NOUNS):
        return None
    own = {i for s, e, kind in person.mentions if kind == "name" for i in range(s, e)} if person else set()
    roots = [subject] + ([doc[s:e].root for s, e, kind in person.mentions if kind != "pronoun"] if person else [])
    words = [[t for t in _words_around(root) if (t.is_title or t.is_upper) and t.i not in own
              and lower_key(t) not in PERSON_ROLE_NOUNS and lower_key(t) not in HONORIFICS] for root in roots]
    employers = [k for k in candidates if any(cluster_of([k], t.i) is not None or t.ent_type_ not in NOT_EMPLOYERS
                                              and any(t.lower_ in key.split() for key in k.keys)
                                              for said in words for t in said)]
    # 'Acme partner Ann Lee, who sits on Kelsby's board, said the company…': tied to two, the speaker tells neither;
    # the one of them the article called so before may be meant
    tied = [k for k in candidates if k not in employers and any(subject.left_edge.i <= s <= subject.right_edge.i
                                                                for s, _, _ in k.mentions)]
    if employers and tied:
        called = [k for k in employers + tied if called_before(doc, k, noun, noun.i)]
        return called if len(called) == 1 else []
    if not employers and person is not None:
        # 'Ann Reed founded the firm' of 'Reed & Cole': a firm named after the person is theirs
        family = surnames(person)
        employers = [k for k in candidates if any(family & set(re.findall(r"[\w'-]+", key)) for key in k.keys)]
    return employers if employers or any(t.pos_ == "PROPN" and t.ent_type_ not in NOT_EMPLOYERS
                                         for t in words[0]) else None


# What NER calls a word that, before a person's role, says no organisation the person works for: 'British', 'Reed's'.
NOT_EMPLOYERS = {"NORP", "PERSON", "DATE"}


def _words_around(root: Token) -> list[Token]:
    """The words that say whom a person named or described at `root` works for: those before it in its phrase, or in
    the phrase it is set beside ('Acme's founder, Ann Lee'), and an 'of' or 'at' after it ('Ann Lee, of Acme')."""
    doc = root.doc
    heads = [root] + ([root.head] if root.dep_ == "appos" else []) + [t for t in root.children if t.dep_ == "appos"]
    words = []
    for head in heads:
        first = head.left_edge.i
        while first > head.sent.start and (doc[first - 1].dep_ in {"poss", "case", "compound", "amod", "nmod"}
                                           or "-" in {doc[first - 1].text, doc[first].text}):
            first -= 1  # 'Acme's co-founder', which the parser may split at the hyphen
        words += [t for t in doc[first:head.i] if t.i < root.i or head is not root]
        # not 'from': 'a grower from Kelsby Gap' tells where one comes from
        words += [t for prep in head.children if prep.dep_ == "prep" and prep.lower_ in {"of", "at"}
                  for t in prep.subtree]
    return words
