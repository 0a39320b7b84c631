"""Pronouns and kinship descriptions ("his father") attached to the people they refer to, and plural
pronouns to the organisation that is their clause's subject.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from ..lexicon import (
    KINSHIP, MONARCHS, PEERAGES, PERSON_ROLE_NOUNS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, REFLEXIVE_PRONOUNS,
    ROYAL_HONORIFICS, SPOUSE_OF, quote_cues,
)
from ..parse import (
    NOUN_ATTACHED_DEPS, SUBJECT_DEPS, depth, link_up, relative_antecedent, sentence_start, token_index_from,
)
from ..quote_marks import SINGLE_EITHER, SINGLE_OPEN, Quotation
from .clusters import Cluster, cluster_of, gender_fits, surnames
from .words import COPULAS, kin_noun, kin_noun_beside, quotations_in, tokens_spelling


# Adjectives that pick one of several relatives by birth order ('his younger son', 'her eldest daughter').
BIRTH_ORDER_WORDS = {"elder", "eldest", "older", "oldest", "younger", "youngest", "middle", "second", "third"}
# How many sentences back a pronoun or a kinship description may look for what it refers to.
PRONOUN_WINDOW = 3
# A byline stands among the first lines of the text, blank ones counted.
BYLINE_LINES = 8
KINSHIP_WINDOW = 1
SINGLE_MARKS = SINGLE_OPEN | SINGLE_EITHER


def _salience(token: Token) -> tuple[int, int, int]:
    """How central a mention is to its sentence, lowest first: shallow in the parse, a subject, recent."""
    return depth(token), token.dep_ not in SUBJECT_DEPS, -token.i


def _quoted_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotation marks, in text order, paired as the quotes stage pairs them:
    pronouns there speak from the quoted person's view."""
    return [(q.start, q.end) for q in quotations_in(doc, text) if text[q.outer_start:q.start] not in SINGLE_MARKS]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def resolve_references(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """Attach pronouns and kinship descriptions, in reading order, to the people they refer to; and 'the latter'."""
    _resolve_latter(doc, text, clusters)
    people = [k for k in clusters if k.type == "PERSON"]
    byline_start, byline_end = _byline(text)
    # The writer named on the byline is no one the story's pronouns and kin nouns speak of
    seen: list[tuple[Token, Cluster]] = sorted(
        ((doc[start:end].root, k) for k in people for start, end, _ in k.mentions
         if not byline_start <= doc[start].idx < byline_end), key=lambda item: item[0].i)
    quoted = _quoted_spans(doc, text)
    in_titles = {i for k in people for start, end, kind in k.mentions if kind == "title" for i in range(start, end)}
    words = set(PERSONAL_PRONOUNS) | set(KINSHIP) | {"married"}
    speakers_kin = []
    for token in tokens_spelling(doc, text, words):
        if token.lower_ == "married":
            _record_marriage(token, seen, clusters)
            continue
        if _inside(quoted, token.idx):
            if token.lemma_.lower() in KINSHIP and token.pos_ == "NOUN":
                speakers_kin.append(token)  # '"My father built it," Tom said': read once the speaker is known
            continue
        if token.i in in_titles:  # "His" of "His Majesty"
            continue
        referent = None
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            # 'his brother' makes the pronoun's person an unnamed relative's owner: it is not guessed between two
            # relatives
            sure = token.dep_ == "poss" and token.head.lemma_.lower() in KINSHIP \
                and _named_in_apposition(token.head, clusters, kin_noun(token.head)[1])[0] is None
            referent = _resolve_pronoun(token, seen, sure=sure)
            if referent:
                referent.mentions.append((token.i, token.i + 1, "pronoun"))
                referent.gender = referent.gender or PERSONAL_PRONOUNS[token.lower_]
        elif token.lemma_.lower() in KINSHIP and token.pos_ == "NOUN":
            referent = _resolve_kinship(doc, token, seen, clusters)
        if referent is not None:
            seen.append((token, referent))
            seen.sort(key=lambda item: item[0].i)
    for noun in speakers_kin:
        _resolve_speakers_kin(doc, text, noun, seen, clusters)
    _name_relatives_told_later(doc, clusters)


def _byline(text: str) -> tuple[int, int]:
    """Where the byline stands, a line among the first ones opening with 'By' and a capital ('By Ann Lee, Health
    Editor'); (0, 0) when the article has none."""
    start = 0
    for _ in range(BYLINE_LINES):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].lstrip()
        if line.startswith("By ") and line[3:4].isupper():
            return start, end
        if end >= len(text):
            break
        start = end + 1
    return 0, 0


def _birth_order(doc: Doc, cluster: Cluster) -> set[str]:
    """The birth-order words of a person's descriptions ('elder' of 'his elder son')."""
    return {t.lower_ for s, e, kind in cluster.mentions if kind == "description" for t in doc[s:e]
            if t.dep_ == "amod" and t.lower_ in BIRTH_ORDER_WORDS}


def _birth_orders_differ(doc: Doc, order: set[str], cluster: Cluster) -> bool:
    own = _birth_order(doc, cluster)
    return bool(order) and bool(own) and not order & own


def _record_marriage(verb: Token, seen: list[tuple[Token, Cluster]], clusters: list[Cluster]) -> None:
    """'She is married to Tom Reed', 'Ann Lee, who married Tom Reed in 1990,': each is the other's spouse, so a
    later 'her husband' or 'his wife' finds them. The subject may be a pronoun already resolved."""
    if verb.tag_ not in {"VBN", "VBD", "JJ"}:
        return
    clause = verb.head if verb.dep_ == "acomp" else verb  # 'is married to': the parser reads an adjective
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.tag_ == "WP":
        subject = relative_antecedent(subject)
    partner = next((c for c in verb.children if c.dep_ == "dobj"), None)
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if partner is None and to is not None:
        partner = next((c for c in to.children if c.dep_ == "pobj"), None)
    if subject is None or partner is None:
        return
    one, other = (next((k for t, k in seen if t.i == token.i), None) or cluster_of(clusters, token.i)
                  for token in (subject, partner))
    if one is None or other is None or one is other or one.type != "PERSON" or other.type != "PERSON":
        return
    one.kin.setdefault(SPOUSE_OF[other.gender], other)
    other.kin.setdefault(SPOUSE_OF[one.gender], one)


def _name_relatives_told_later(doc: Doc, clusters: list[Cluster]) -> None:
    """'Ben Reed had hidden the cash at his mother's house. … Tom Reed's wife, Ann, …' (Tom being Ben's father): a
    relative known only by description joins the named person the rest of the article shows them to be; not one
    told by another birth order ('his younger son' is not the one told as 'his elder son')."""
    for relative in [k for k in clusters if k.described_of is not None and not k.personal]:
        owner, relation = relative.described_of, relative.described_as
        named = _reciprocal(owner, relation, clusters) or _told_through_family(owner, relation, clusters)
        if named is None or named is relative or named is owner or not named.personal \
                or _birth_orders_differ(doc, _birth_order(doc, relative), named):
            continue
        named.mentions += relative.mentions
        named.gender = named.gender or relative.gender
        clusters.remove(relative)
        for person in clusters:
            person.kin = {noun: named if k is relative else k for noun, k in person.kin.items()}


def _resolve_latter(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Ann Lee and Tom Reed tested the keeper, with the latter nearly scoring': 'the latter' is the second of the
    last two names joined by 'and' in its sentence or the one before, 'the former' the first, when both are names of
    two different entities ('the former minister' is a description of its own)."""
    for word in tokens_spelling(doc, text, {"latter", "former"}):
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if word.i == 0 or doc[word.i - 1].lower_ != "the" or after is not None and after.pos_ in {"NOUN", "PROPN",
                                                                                                   "ADJ", "NUM"}:
            continue
        start = sentence_start(doc, word.sent.start, 1)
        pairs = [(cluster_of(clusters, t.head.i), cluster_of(clusters, t.i)) for t in
                 doc[word.sent.start if start is None else start:word.i - 1] if t.dep_ == "conj" and t.head.i < t.i]
        pairs = [(first, second) for first, second in pairs if first is not None and second is not None
                 and first is not second and first.type == second.type]
        if pairs:
            first, second = pairs[-1]
            (second if word.lower_ == "latter" else first).mentions.append((word.i - 1, word.i + 1, "description"))


def _resolve_speakers_kin(doc: Doc, text: str, noun: Token, seen: list[tuple[Token, Cluster]],
                          clusters: list[Cluster]) -> None:
    """'"My father built this place," Tom Reed said': in a quotation, 'my father' is the speaker's, when the
    reporting verb and its subject stand right after the quotation or right before it, or after the one it carries
    on."""
    possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessive is None or possessive.lower_ != "my" or possessive.i != noun.left_edge.i:
        return
    found = quotations_in(doc, text)
    at = next((i for i, q in enumerate(found) if q.start <= noun.idx < q.end), None)
    speaker = None
    if at is not None:
        speaker = _speaker_of(doc, found[at], seen, clusters)
        before = found[at - 1] if at > 0 else None
        if speaker is None and before is not None and _carries_on(text, before, found[at]):
            speaker = _speaker_of(doc, before, seen, clusters)
    if speaker is not None:
        _resolve_kinship(doc, noun, seen, clusters, owner=speaker, start=possessive.i)


# How many characters may part a quotation from the one it carries on: the attribution between them.
ATTRIBUTION_REACH = 80


def _carries_on(text: str, before: Quotation, quotation: Quotation) -> bool:
    """'"It was planned," Tom Reed said. "My brother decided."': a quotation right after the sentence attributing
    the one before it, in the same paragraph, is the same speaker's."""
    between = text[before.outer_end:quotation.outer_start]
    return len(between) <= ATTRIBUTION_REACH and "\n" not in between and between.rstrip().endswith(".")


# How many tokens after a quotation, or before it in its sentence, its reporting verb may stand.
SPEAKER_REACH = 6


def _speaker_of(doc: Doc, quotation: Quotation, seen: list[tuple[Token, Cluster]],
                clusters: list[Cluster]) -> Cluster | None:
    """The person whose reporting verb stands right after the quotation ('," Tom said') or before it in its
    sentence ('Tom said: "…'), by the verb's subject."""
    after = token_index_from(doc, quotation.outer_end)
    before = token_index_from(doc, quotation.outer_start)
    nearby = list(doc[after:after + SPEAKER_REACH])
    if before < len(doc):
        nearby += list(doc[max(doc[before].sent.start, before - SPEAKER_REACH):before])
    for verb in nearby:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in quote_cues()["reporting_verbs"]:
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None:
                return None
            speaker = next((k for t, k in seen if t.i == subject.i), None) or cluster_of(clusters, subject.i)
            return speaker if speaker is not None and speaker.type == "PERSON" else None
    return None


def resolve_group_pronouns(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'The Rovers defended their coach': a plural pronoun whose own clause has an organisation or group as subject
    is that one; so is 'Their' opening a sentence after one whose subject is an organisation ('The duo were shut
    out. Their manager said…'). Nothing else is guessed: 'they' is most often people the story never names."""
    organisations = [k for k in clusters if k.type == "ORG"]
    quoted = _quoted_spans(doc, text)
    for pronoun in tokens_spelling(doc, text, PLURAL_PRONOUNS) if organisations else []:
        if pronoun.pos_ != "PRON" or _inside(quoted, pronoun.idx):
            continue
        subject = _clause_subject(pronoun)
        if pronoun.i == pronoun.sent.start and pronoun.tag_ == "PRP$" and pronoun.i > 0:
            before = doc[pronoun.i - 1].sent
            subjects = [t for t in before if t.dep_ in SUBJECT_DEPS]  # the main verb's, else the first
            subject = next((t for t in subjects if t.head == before.root), subjects[0] if subjects else None)
        group = cluster_of(organisations, subject.i) if subject is not None else None
        if group is not None:
            group.mentions.append((pronoun.i, pronoun.i + 1, "pronoun"))


def _standing_in(seen: list[tuple[Token, Cluster]], start: int, end: int) -> list[tuple[Token, Cluster]]:
    """The mentions `seen` (in text order) whose word stands in [start, end): found by bisection, where reading them
    all for each pronoun grew with the square of the article."""
    return seen[bisect_left(seen, start, key=_position):bisect_left(seen, end, key=_position)]


def _position(mention: tuple[Token, Cluster]) -> int:
    return mention[0].i


def _resolve_pronoun(pronoun: Token, seen: list[tuple[Token, Cluster]], sure: bool = False) -> Cluster | None:
    """The person a pronoun refers to; when `sure`, none rather than the more salient of two relatives of each other
    fitting it in an earlier sentence."""
    gender = PERSONAL_PRONOUNS[pronoun.lower_]
    sentence = pronoun.sent
    subject_of_clause = {t.i for t in pronoun.head.children if t.dep_ in {"nsubj", "nsubjpass"}}
    subject_clusters = [k for i in subject_of_clause for _, k in _standing_in(seen, i, i + 1)]
    reported_clauses = [c for c in pronoun.head.children if c.dep_ == "ccomp"]
    # "Tom, who is also his brother-in-law,": the one a kinship noun is said of is not its owner
    described = _named_by_predicate(pronoun.head, seen, []) \
        if pronoun.dep_ == "poss" and pronoun.head.lemma_.lower() in KINSHIP else None

    def fits(token: Token, cluster: Cluster) -> bool:
        if not gender_fits(cluster, gender) or cluster is described:
            return False
        if pronoun.lower_ in REFLEXIVE_PRONOUNS:
            return True
        if pronoun.dep_ in SUBJECT_DEPS and (_clause_verb(token) in reported_clauses or token.dep_ not in SUBJECT_DEPS
                                             and any(clause.is_ancestor(token) for clause in reported_clauses)):
            # "Tom had left, he said", "Tom had left the keys at his aunt's flat, she said": a subject is not
            # someone named in the clause it reports, nor, but for the subjects of clauses the parser may have hung
            # there, deeper in it
            return False
        # "Edmund saw him", "he expected him back": an object pronoun is not the subject of its own verb.
        return not (pronoun.dep_ in {"dobj", "dative"} and (token.i in subject_of_clause or any(
            cluster is k for k in subject_clusters)))

    earlier = [(t, k) for t, k in _standing_in(seen, sentence.start, pronoun.i) if fits(t, k)]
    # "Dale had involved his son": a possessive or object is first of all the subject of its own clause.
    own_subject = _clause_subject(pronoun)
    by_own_subject = next((k for t, k in earlier if own_subject is not None and t.i == own_subject.i), None)
    if by_own_subject is not None:
        return by_own_subject
    reporter, reported = _reporting_subject(pronoun)
    # "The coach said he expected…": in what someone says or thinks, a pronoun is most often that someone,
    # unless the reported clause names someone before it ("denied that Dale had involved his son").
    reported_by = next((k for t, k in earlier if reporter is not None and t.i == reporter.i), None)
    if reported_by is not None and not any(reported.is_ancestor(t) or t == reported for t, _ in earlier):
        return reported_by
    if earlier:
        return min(earlier, key=lambda item: _salience(item[0]))[1]
    if pronoun.tag_ == "PRP$" and _in_subject(pronoun):
        # "His memoir left Edmund adrift": a possessive inside the subject may point forward to a name,
        # though not to one set beside its own noun ("His wife, Ruth," is someone else), nor to one named as
        # somebody's relative ("Her son sat beside his wife, Ruth": Ruth is not her).
        own_phrase = range(pronoun.head.left_edge.i, pronoun.head.right_edge.i + 1)
        later = [(t, k) for t, k in _standing_in(seen, pronoun.i + 1, sentence.end) if t.i not in own_phrase
                 and k.personal and fits(t, k) and not _named_as_relative(t)]
        if later:
            return later[0][1]
    for back in range(1, PRONOUN_WINDOW + 1):
        start = sentence_start(pronoun.doc, sentence.start, back)
        if start is None:
            break
        end = sentence_start(pronoun.doc, sentence.start, back - 1)
        options = [(t, k) for t, k in _standing_in(seen, start, end) if fits(t, k)]
        people = {id(k): k for _, k in options}.values()
        if sure and any(_is_kin_of(a, b) for a in people for b in people if a is not b):
            return None  # 'his brother' where the two fitting are brothers: each is the other's
        if options:
            return min(options, key=lambda item: _salience(item[0]))[1]
    return None


def _named_as_relative(token: Token) -> bool:
    """Whether a name stands beside a kinship noun: 'his wife, Ruth Hale', 'their son Tom'."""
    return kin_noun_beside(token, token.left_edge.i) is not None


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a word stands in."""
    while token.head.i != token.i and (token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"aux", "auxpass"}):
        token = token.head
    return token


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the verb whose clause holds the pronoun, when the pronoun is not that subject; a verb
    with none takes the one of the verb it depends on ('she would take a break to spend time with her family')."""
    verb = _clause_verb(pronoun)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    while subject is None and verb.dep_ in {"xcomp", "advcl", "conj"} and verb.head.i != verb.i:
        verb = _clause_verb(verb.head)
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return None if subject is None or subject.i == pronoun.i else subject


def _reporting_subject(pronoun: Token) -> tuple[Token | None, Token | None]:
    """The subject of the reporting verb ('said', 'thought') whose reported clause holds the pronoun, and the
    head of that clause."""
    token = pronoun
    while token.head.i != token.i:
        if token.dep_ == "ccomp":
            verb = token.head
            if verb.lemma_.lower() in quote_cues()["reporting_verbs"]:
                return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None), token
            return None, None
        token = token.head
    return None, None


def _in_subject(token: Token) -> bool:
    return link_up(token, {"nsubj", "nsubjpass", "csubj"}) is not None


def _resolve_kinship(doc: Doc, noun: Token, seen: list[tuple[Token, Cluster]], clusters: list[Cluster],
                     owner: Cluster | None = None, start: int | None = None) -> Cluster | None:
    """'his father', 'the mayor's eldest daughter': the relative of a known person (or of `owner`, the speaker of
    a quotation holding 'my father', from `start`), as one of the people. 'their father, Tom Reed' is Tom Reed
    though 'their' is no one known: the name beside the noun is evidence enough."""
    speaking = owner is not None
    if owner is None:
        possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
        if possessive is None:
            return None
        start = possessive.left_edge.i
        if possessive.lower_ == "whose":  # "Tom Reed, whose father coached the side": the one the clause is about
            possessive = _relative_clause_antecedent(possessive) or possessive
        owner = next((k for t, k in seen if t.i == possessive.i), None) or cluster_of(clusters, possessive.i)
        # "Ms Lee's husband": the owner's whole name, where the parse hangs the title elsewhere
        start = min([start] + [s for s, e, _ in owner.mentions if s <= possessive.i < e and e > start]
                    if owner else [start])
    relation, noun_end = kin_noun(noun)
    gender = KINSHIP[relation].gender
    named, end = _named_in_apposition(noun, clusters, noun_end)
    if named is None:
        named, end = _named_by_predicate(noun, seen, clusters), noun_end
    if owner is not None and owner.type != "PERSON":
        return None
    if owner is None and _possessive_of_pair(noun):
        return _resolve_pairs_kinship(noun, seen, clusters, named, start, end, relation, noun_end)
    if owner is None:
        if named is None or not gender_fits(named, gender):
            return None
        named.mentions += _description_spans(start, noun_end, end)
        named.gender = named.gender or gender
        return named
    referent = named or owner.kin.get(relation) or _reciprocal(owner, relation, clusters) \
        or _told_through_family(owner, relation, clusters) or _named_as_a_couple(doc, owner, relation, clusters)
    order = {c.lower_ for c in noun.children if c.dep_ == "amod" and c.lower_ in BIRTH_ORDER_WORDS}
    if referent is not None and referent is not named and _birth_orders_differ(doc, order, referent):
        referent = None  # 'his younger son' is not the one told as 'his elder son'
    if referent is None:
        window_start = sentence_start(doc, noun.sent.start, KINSHIP_WINDOW) or 0
        options = {id(k): k for _, k in _standing_in(seen, window_start, start) if k is not owner
                   and gender_fits(k, gender) and _same_family(k, owner) and not _is_kin_of(k, owner)}
        referent = next(iter(options.values())) if len(options) == 1 else None  # two fit: say neither
    if referent is None and speaking:
        # '"My sister did the right thing," Tom Reed said': the one other person of the family the story names
        family = [k for k in clusters if k is not owner and k.type == "PERSON" and k.personal
                  and gender_fits(k, gender) and _same_family(k, owner) and not _is_kin_of(k, owner)]
        referent = family[0] if len(family) == 1 else None
    if referent is None and KINSHIP[relation].relation == "parent_of" and owner.titles & ROYAL_HONORIFICS:
        # "Prince Tom … when he succeeds his father": a prince's parent is the one monarch of the story
        monarchs = [k for k in clusters if k is not owner and k.type == "PERSON" and k.titles & MONARCHS
                    and gender_fits(k, gender)]
        referent = monarchs[0] if len(monarchs) == 1 else None
    if referent is None:
        referent = Cluster("PERSON", described_as=relation, described_of=owner)
        clusters.append(referent)
    if referent is owner or not gender_fits(referent, gender):
        return None
    referent.mentions += _description_spans(start, noun_end, end if referent is named else noun_end)
    referent.gender = referent.gender or gender
    if order:  # 'his younger son' leaves the son already known as the one 'his son' means
        owner.kin.setdefault(relation, referent)
    else:
        owner.kin[relation] = referent
    return referent


def _possessive_of_pair(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children)


# The tie two people must have for 'their father' to be one person to both: siblings share parents, a couple
# its children.
_PAIR_TIES = {"parent_of": "sibling_of", "sibling_of": "sibling_of", "child_of": "spouse_of"}


def _resolve_pairs_kinship(noun: Token, seen: list[tuple[Token, Cluster]], clusters: list[Cluster],
                           named: Cluster | None, start: int, end: int, relation: str,
                           noun_end: int) -> Cluster | None:
    """'Ann Lee says her brother Tom let the firm slide after their father, Sam Lee, died': 'their' is the two
    people named before it in its sentence when the article tells they are siblings (for a parent or sibling) or
    a couple (for a child); both then have that relative, so a later 'his father' of either finds him. Only a
    relative named beside the noun or already known to one of them is shared."""
    tie = _PAIR_TIES.get(KINSHIP[relation].relation)
    before = list({id(k): k for _, k in _standing_in(seen, noun.sent.start, start) if k.type == "PERSON"}.values())
    if tie is None or len(before) != 2 or before[1] not in _related(before[0], tie, clusters):
        referent = named
    else:
        known = {id(k): k for k in (person.kin.get(relation) for person in before) if k is not None}
        if len(known) > 1 or named is not None and known and named not in known.values():
            return None  # the two are told to have different ones: say nothing
        # No relative of their own when unnamed: a later 'his own father' read with the wrong owner would join it.
        referent = named or next(iter(known.values()), None)
        if referent is None or referent in before:
            return None
        for person in before:
            person.kin[relation] = referent
    if referent is None or not gender_fits(referent, KINSHIP[relation].gender):
        return None
    referent.mentions += _description_spans(start, noun_end, end)
    referent.gender = referent.gender or KINSHIP[relation].gender
    return referent


def _description_spans(start: int, noun_end: int, end: int) -> list[tuple[int, int, str]]:
    """'his son' and, when the name follows with no comma, 'his son Tom' too: news gives the phrase either way."""
    return [(start, noun_end, "description")] + ([(start, end, "description")] if end > noun_end else [])


def _named_by_predicate(noun: Token, seen: list[tuple[Token, Cluster]], clusters: list[Cluster]) -> Cluster | None:
    """'Tom Reed, who is also her brother-in-law,', 'He became his stepfather': the person a kinship noun is said of
    as the complement of a copula is that copula's subject."""
    if noun.dep_ != "attr" or noun.head.lemma_.lower() not in COPULAS:
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WP":
        subject = relative_antecedent(subject)
    person = None if subject is None else \
        next((k for t, k in seen if t.i == subject.i), None) or cluster_of(clusters, subject.i)
    return person if person is not None and person.type == "PERSON" else None


def _relative_clause_antecedent(token: Token) -> Token | None:
    """The noun a relative clause holding `token` hangs on ('Reed' for 'whose' in 'Reed, whose father …,')."""
    clause = link_up(token, NOUN_ATTACHED_DEPS)
    return clause.head if clause is not None else None


def _family_names(cluster: Cluster) -> set[str]:
    """The surnames a person goes by, and the parts of a double one: 'Mr Reed' and 'Ann Reed-Hale' share 'reed'."""
    return {part for name in cluster.personal if len(name) > 1 or cluster.titles for part in name[-1].split("-")}


def _same_family(a: Cluster, b: Cluster) -> bool:
    """Whether two people can be kin by their names: a shared surname or part of a double one ('Reed-Hale' and
    'Reed'), or both royals (who go by no surname)."""
    if _family_names(a) & _family_names(b):
        return True
    royal = {"king", "queen"} | ROYAL_HONORIFICS | PEERAGES
    return not surnames(a) and not surnames(b) and bool(a.titles & royal) and bool(b.titles & royal)


def _named_in_apposition(noun: Token, clusters: list[Cluster], noun_end: int) -> tuple[Cluster | None, int]:
    """'her brother the Earl of Brackley', 'his wife, Jane', 'his wife Jane Reed': the relative is named beside the
    noun (the parser often misses the apposition when no comma marks it); and where the description ends: past
    a name no comma parts from it ('his son Tom' is one phrase), else at the noun."""
    comma = noun_end < len(noun.doc) and noun.doc[noun_end].text == ","
    after = noun_end + comma
    doc = noun.doc
    starts = {after}
    while comma and after < min(len(doc), noun.i + 6) and doc[after].is_lower and (
            doc[after].lower_ in PERSON_ROLE_NOUNS or doc[after].pos_ in {"NOUN", "PROPN"}
            or after == noun_end + 1 and doc[after].lower_ in {"the", "a"}):
        # past a role written before the name: 'his brother, guitarist Tom Reed', 'her mother, the folk singer Ann Reed'
        after += 1
        starts.add(after)
    named = {id(k): (k, end, kind) for k in clusters if k.type == "PERSON"
             for start, end, kind in k.mentions if start in starts and kind in {"name", "title"}}
    if len(named) == 1:
        cluster, end, kind = next(iter(named.values()))
        return cluster, end if kind == "name" and not comma else noun_end  # 'his brother the Duke' stays two
    for child in noun.children:
        if child.dep_ == "appos":
            cluster = cluster_of(clusters, child.i)
            if cluster is not None and cluster.type == "PERSON":
                return cluster, noun_end
    return None, noun_end


def _reciprocal(owner: Cluster, relation: str, clusters: list[Cluster]) -> Cluster | None:
    """If A is B's father, B is A's son, and A's child when the one child the article gives A: known kinship read
    from the other side."""
    found = []
    for other in clusters:
        for their_relation, relative in other.kin.items():
            reciprocal = KINSHIP[their_relation].reciprocal
            if relative is owner and reciprocal.get(other.gender) == relation:
                return other
            if relative is owner and reciprocal.get(None) == relation:
                found.append(other)
    return found[0] if len(found) == 1 else None


# Each relation read from the other side: Tom's father is someone Tom is the child of.
_CONVERSE = {"parent_of": "child_of", "child_of": "parent_of", "sibling_of": "sibling_of", "spouse_of": "spouse_of"}


def _related(person: Cluster, relation: str, clusters: list[Cluster]) -> list[Cluster]:
    """The people the article tells are `person`'s parents ('parent_of'), children, siblings or spouses, whichever
    side told it ('Tom's son Ben' makes Tom one of Ben's parents)."""
    found = [k for noun, k in person.kin.items() if KINSHIP[noun].relation == relation]
    found += [other for other in clusters for noun, k in other.kin.items()
              if k is person and KINSHIP[noun].relation == _CONVERSE[relation]]
    return list({id(k): k for k in found if k is not person}.values())


# Kinship nouns for a parent's sibling and a sibling's child, which the fact sheet has no relation kind for.
PARENTS_SIBLINGS = {"uncle", "aunt"}
SIBLINGS_CHILDREN = {"nephew", "niece"}


def _told_through_family(owner: Cluster, relation: str, clusters: list[Cluster]) -> Cluster | None:
    """'Tom Reed and his son Ben … Tom's wife, Ann … Ben's mother': a parent is a known parent or a parent's spouse,
    a sibling a parent's other child, an uncle or aunt a parent's sibling, a nephew or niece a sibling's child, when
    the article told those links and exactly one person of the relative's gender (known, not guessed) comes out.
    Not a sibling's parent: 'his brother' is the likeliest to have been read with the wrong owner, and a chain would
    carry the slip on."""
    kind, gender = KINSHIP[relation].relation, KINSHIP[relation].gender
    if kind == "parent_of":
        parents = _related(owner, "parent_of", clusters)
        options = parents + [spouse for parent in parents for spouse in _related(parent, "spouse_of", clusters)]
    elif kind == "sibling_of":
        options = [child for parent in _related(owner, "parent_of", clusters)
                   for child in _related(parent, "child_of", clusters)]
    elif relation in PARENTS_SIBLINGS:
        options = [sibling for parent in _related(owner, "parent_of", clusters)
                   for sibling in _related(parent, "sibling_of", clusters)]
    elif relation in SIBLINGS_CHILDREN:
        options = [child for sibling in _related(owner, "sibling_of", clusters)
                   for child in _related(sibling, "child_of", clusters)]
    else:
        return None
    fitting = {id(k): k for k in options if k is not owner and k is not owner.kin.get(relation)  # not itself
               and gender is not None and k.gender == gender}
    return next(iter(fitting.values())) if len(fitting) == 1 else None


def _named_as_a_couple(doc: Doc, owner: Cluster, relation: str, clusters: list[Cluster]) -> Cluster | None:
    """'the home of Tom and Ann Reed … Tom Reed, 81, … his wife': two given names joined before one surname are the
    couple news names so, and her the wife; the one other person the owner was named with so, of the wife's (or
    husband's) gender, not already told to be another relative of theirs."""
    if KINSHIP[relation].relation != "spouse_of" or not surnames(owner):
        return None
    names = {(start, end) for start, end, kind in owner.mentions if kind == "name"}
    partners = {id(k): k for k in clusters if k is not owner and k.type == "PERSON" and surnames(k) & surnames(owner)
                and gender_fits(k, KINSHIP[relation].gender) and not _is_kin_of(k, owner) and any(
                    kind == "name" and _joined_before_one_surname(doc, pair)
                    for start, end, kind in k.mentions for pair in ((s, e, start, end) for s, e in names))}
    return next(iter(partners.values())) if len(partners) == 1 else None


def _joined_before_one_surname(doc: Doc, pair: tuple[int, int, int, int]) -> bool:
    """Whether of two name mentions one is a given name alone, joined by 'and' to the other, of given name and
    surname ('Tom and Ann Reed', either way round)."""
    a_start, a_end, b_start, b_end = pair
    (first_start, first_end), (second_start, second_end) = sorted([(a_start, a_end), (b_start, b_end)])
    return first_end - first_start == 1 and second_end - second_start == 2 and second_start == first_end + 1 \
        and doc[first_end].lower_ == "and"


def _is_kin_of(candidate: Cluster, owner: Cluster) -> bool:
    return candidate in owner.kin.values() or owner in candidate.kin.values()
