"""Merging names into one entity per person, organisation, place, event or work: full names anchor the
shorter forms, titles join the one who holds them, aliases and appositions join the names set beside them, and
two different full names never merge.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter

from spacy.tokens import Doc, Token

from ..lexicon import (
    ALIAS_CUES, EVENT_HEADS, HONORIFICS, INSTITUTION_HEADS, KINSHIP, MONARCHS, ORG_HEADS, PEERAGES,
    PERSON_ROLE_NOUNS, PLACE_HEADS, PLACE_NOUNS, ROYAL_HONORIFICS, SURNAME_PARTICLES,
)
from .candidates import Candidate, person_name
from .places import country_code, is_known_place, is_subdivision
from .clusters import Cluster, compatible, gender_fits, merge, nearest, same_full_name, surnames
from .words import (
    CLUB_OR_PLACE_ENDINGS, COMPANY_ENDINGS, LEGAL_FORMS, PLACE_PREPOSITIONS, alias_cue_before, first_name_gender,
    honorific_gender, is_capitalised, lower_key, normalise, same_given_name, tokens_spelling, with_article,
)


# The ends of club names that are place words: 'Kelsby' alone after 'Kelsby Town' may be the town.
TOWN_CLUB_ENDINGS = CLUB_OR_PLACE_ENDINGS & PLACE_NOUNS
# Plain forms of address, and the ranks whose holders are never called by them ('the Earl of X' is no 'Mr Reed').
PLAIN_ADDRESS = {"mr", "mrs", "ms", "miss"}
TITLED_RANKS = PEERAGES | ROYAL_HONORIFICS | MONARCHS | {"lord", "lady", "sir", "dame"}
# Roman numerals after a sovereign's or pope's name ('Leopold II', 'Pius XII'), and a generation's ('Tom Reed II').
REGNAL_NUMBERS = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi"}

# Words that tell which of two relatives of one name is older: 'the elder Reed', 'his younger brother'.
OLDER_WORDS = {"elder", "older", "eldest", "oldest", "big"}
YOUNGER_WORDS = {"younger", "youngest", "little", "baby"}

# Penn tags of a finite verb: a name after one ('his brother said Tom Reed…') is no apposition to the noun before.
FINITE_VERB_TAGS = {"VBD", "VBP", "VBZ", "MD"}

# NER labels of numbers, dates and amounts: a word NER gave one is no surname ('May' the month). Under
# other labels NER dropped ('Cole' as a product) a known person's name word is still theirs.
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def cluster_names(doc: Doc, text: str, candidates: list[Candidate]) -> list[Cluster]:
    clusters: list[Cluster] = []

    def new(candidate: Candidate) -> None:
        cluster = Cluster(candidate.type)
        cluster.add(candidate)
        clusters.append(cluster)

    # Words the article writes in lower case somewhere: a capitalised one may still be no name.
    lower_case_words = {token.text for token in doc if token.is_lower}
    candidates = _settle_lone_words(doc, candidates, lower_case_words)
    people = [c for c in candidates if c.type == "PERSON"]
    # Full names first: they anchor the shorter forms.
    for c in (c for c in people if len(c.personal) > 1):
        match = next((k for k in clusters if any(same_full_name(c.personal, n) for n in k.personal)), None)
        match.add(c) if match else new(c)
    for c in (c for c in people if c.place):
        match = next((k for k in clusters if (next(iter(c.titles)), c.place) in k.places), None)
        match.add(c) if match else new(c)
    index = _People(doc)
    company_words = _company_short_names(candidates)
    others_named = _people_named_otherwise(doc, candidates)
    for c in (c for c in people if len(c.personal) == 1):
        if c.personal[0] in company_words and not c.titles:
            # 'Reed Foods … Reed will buy … its chief, Tom Reed': the company's short name before anyone of that
            # surname is named; once one is, the word may be either, and is left to neither
            if all(index.starts(k)[0] > c.start for k in _short_name_owners(c, clusters)):
                company_words[c.personal[0]].append(Candidate(c.start, c.end, "ORG", "name", key=c.personal[0]))
            continue
        if peer := _peer_by_territory(c, clusters):
            # the place is no personal name: it must not keep the peer apart from his own ('Tom Reed, Earl of X')
            index.add(peer, Candidate(c.start, c.end, "PERSON", "title", titles=c.titles, gender=c.gender))
            continue
        options = _short_name_owners(c, clusters)
        if _told_apart_by_age(doc, c, options, index):
            continue
        match = _short_name_owner(doc, c, options, index)
        if match is not None and _named_otherwise_since(others_named, c, index.starts(match)):
            continue
        index.add(match, c) if match else new(c)
    for c in (c for c in people if not c.personal and not c.place):
        title = next(iter(c.titles))
        # "the Justice properties" in a story about Jim Justice: a surname, not a title.
        options = [k for k in clusters if k.type == "PERSON" and title in surnames(k)]
        options = options or [k for k in clusters if k.type == "PERSON" and title in k.titles]
        match = nearest(options, c.start)
        match.add(c) if match else new(c)
    short_names = [c for named in company_words.values() for c in named]
    organisation_openers: dict[str, int] = {}  # the first word of an organisation's name, and where first named
    for c in candidates:
        if c.type == "ORG" and c.kind == "name" and " " in c.key:
            word = c.key.split()[0]
            organisation_openers[word] = min(organisation_openers.get(word, c.start), c.start)
    for c in sorted((c for c in candidates + short_names if c.type != "PERSON"), key=lambda c: c.start):
        # 'Reed', before 'Reed Foods' and later 'Tom Reed' are named: the company's short name, as told above
        company_first = c in short_names or c.key in company_words and c.kind == "name" and all(
            index.starts(k)[0] > c.start for k in clusters if k.type == "PERSON" and c.key in surnames(k))
        mistagged = None if company_first else _surname_mistagged(c, doc, clusters, organisation_openers)
        if mistagged is not None:
            person, name = mistagged
            person.add(name)
            continue
        match = next((k for k in clusters if c.key in k.keys and k.type != "PERSON"), None) or _same_country(
            c, clusters) or _same_company(c, clusters) or _short_form_of(c, doc, clusters) \
            or _long_form_of(c, doc, clusters)
        match.add(c) if match else new(c)
    for cluster in clusters:
        cluster.type = cluster.types.most_common(1)[0][0] if cluster.type != "PERSON" else "PERSON"
    _add_untagged_short_names(doc, text, clusters, lower_case_words, set(company_words), others_named)
    _add_untagged_names_of_things(doc, text, clusters)
    _merge_appositions(doc, clusters)
    _merge_aliases(doc, clusters)
    _merge_peerage_with_royal_name(clusters)
    _merge_first_word_of_organisation(clusters)
    _plain_address_off_peers(doc, clusters)
    return clusters


def _company_short_names(candidates: list[Candidate]) -> dict[str, list[Candidate]]:
    """The first words of organisations' names that a lone word NER calls a person may be short for, each with an
    empty list for the short names found: a word of an organisation named before any person holding it
    ('Reed Foods', then 'Reed', then 'Tom Reed')."""
    first_named: dict[str, int] = {}
    for c in candidates:
        if c.type == "PERSON" and len(c.personal) > 1:
            for word in c.personal:
                first_named[word] = min(first_named.get(word, c.start), c.start)
    return {word: [] for c in candidates if c.type == "ORG" and c.kind == "name" and " " in c.key
            and (word := c.key.split()[0]) in first_named and c.start < first_named[word]}


# Words that make a name an organisation's, place's or event's, whatever its other words: 'Kelsby Police' is no
# person's name.
NOT_PERSONAL_WORDS = ORG_HEADS | PLACE_HEADS | INSTITUTION_HEADS | PLACE_NOUNS | EVENT_HEADS | COMPANY_ENDINGS \
    | LEGAL_FORMS | CLUB_OR_PLACE_ENDINGS


def _people_named_otherwise(doc: Doc, candidates: list[Candidate]) -> dict[str, list[int]]:
    """Where NER gave a person's name another label ('Ann Reed' as an organisation or a work), by its last word: two
    or three name words, none of them an organisation's or place's. Only names ending in a word of a person's full
    name are read: no other is asked for."""
    named: dict[str, list[int]] = {}
    # a given name NER tags as a person's elsewhere ('his daughter, Ann, … Ann Reed'): the person it is, found so
    given = {c.personal[0] for c in candidates if c.type == "PERSON" and c.personal}
    held = {word for c in candidates if c.type == "PERSON" and len(c.personal) > 1 for word in c.personal}
    for c in candidates:
        if c.type == "PERSON" or c.kind != "name" or c.typed_by_context or doc[c.end - 1].lower_ not in held \
                or any(t.text in {",", "&"} for t in doc[c.start:c.end]):
            continue  # typed by the words around it ('Ann Reed, a producer,'), it may yet be found a person
        name = person_name(doc, c.start, c.end)
        if name is not None and 1 < len(name.personal) <= 3 and name.personal[0] not in given \
                and not set(name.personal) & NOT_PERSONAL_WORDS \
                and all(t.is_title for t in doc[name.start:name.end] if t.is_alpha):
            named.setdefault(name.personal[-1], []).append(c.start)
    return named


def _named_otherwise_since(others_named: dict[str, list[int]], name: Candidate, starts: list[int]) -> bool:
    """Whether a person's name NER gave another label, ending in the lone word `name` is, stands between it and the
    last mention of the person the word would go to: 'Tom Reed … (NER's organisation) Ann Reed … Reed' may be
    either, and is left to neither."""
    before = bisect_left(starts, name.start)
    last = starts[before - 1] if before else -1
    return any(last < start < name.start for start in others_named.get(name.personal[-1], ()))


def _plain_address_off_peers(doc: Doc, clusters: list[Cluster]) -> None:
    """A peer or knight is never 'Mr Reed': such a mention given to one before their title was known goes to the
    one other person of that surname who holds no rank, named last before it."""
    for peer in [k for k in clusters if k.type == "PERSON" and k.titles & TITLED_RANKS]:
        for start, end, kind in list(peer.mentions):
            if kind != "name" or lower_key(doc[start]) not in PLAIN_ADDRESS:
                continue
            surname = doc[start + 1:end].text.lower()
            others = [k for k in clusters if k.type == "PERSON" and k is not peer and surname in surnames(k)
                      and not k.titles & TITLED_RANKS]
            other = nearest(others, start)
            if other is not None:
                peer.mentions.remove((start, end, kind))
                other.mentions.append((start, end, kind))


def _merge_first_word_of_organisation(clusters: list[Cluster]) -> None:
    """'Halvik' before 'Halvik Lines' is named, as well as after: an organisation known only by one word is the one
    company whose longer name starts with it, or else the one club whose name ends with it ('Rovers'). Not an
    institution named after its place ('Kelsby Magistrates' Court', 'Kelsby Police') nor a club named as a town's
    ('Kelsby Town'), whose first word alone is the place."""
    organisations = [k for k in clusters if k.type == "ORG"]
    for short in organisations:
        words = {key for key in short.keys if " " not in key}
        if len(words) != 1 or words != short.keys:
            continue
        longer = [k for k in organisations if k is not short and any(
            key.split()[0] in words and " " in key and key.split()[-1] not in INSTITUTION_HEADS | TOWN_CLUB_ENDINGS
            for key in k.keys)]
        # 'Strikers' for 'Kelsby Strikers', 'City' for 'Kelsby City': a club's last word, not a generic one
        longer = longer or [k for k in organisations if k is not short and any(
            key.split()[-1] in words and " " in key and key.split()[-1] not in INSTITUTION_HEADS | COMPANY_ENDINGS
            for key in k.keys)]
        if len(longer) == 1:
            merge(longer[0], short, clusters)


def _merge_aliases(doc: Doc, clusters: list[Cluster]) -> None:
    """'Lane, born Ana Ortiz,', 'the rapper known as Lil Vex, whose real name is Tom Reed': a birth name, stage
    name or nickname is another name of the person named last before it in the sentence, though two full names
    are otherwise never one person."""
    for alias in [k for k in clusters if k.type == "PERSON"]:
        for start, _, kind in sorted(alias.mentions):
            cue = alias_cue_before(doc, start, ALIAS_CUES) if kind == "name" else None
            if cue is None:
                continue
            sentence_start = doc[start].sent.start
            earlier = [(s, k) for k in clusters if k.type == "PERSON" and k is not alias
                       for s, e, _ in k.mentions if sentence_start <= s and e <= cue]
            named = max(earlier, key=lambda item: item[0])[1] if earlier else None
            if named is None and all(t.is_space for t in doc[sentence_start:cue]):
                # "Born Thomas Edward Reed in Kelsby, he…": the one other person of that surname and given name
                family = [k for k in clusters if k.type == "PERSON" and k is not alias and any(
                    a[-1] == b[-1] and same_given_name(a[0], b[0]) for a in alias.personal for b in k.personal
                    if len(a) > 1 and len(b) > 1)]
                # "Born Ann Marie Holt, she married…": a maiden name; the one person of that given name
                family = family or [k for k in clusters if k.type == "PERSON" and k is not alias
                                    and k.first < start and not surnames(k) & surnames(alias) and any(
                                        same_given_name(a[0], b[0]) for a in alias.personal for b in k.personal
                                        if len(a) > 1 and len(b) > 1)]
                named = family[0] if len(family) == 1 else None
            if named is None:
                continue
            # Only a form of address tells a gender here: one guessed from a stage name's first word ('Lil')
            # is no evidence against the birth name's.
            addressed = {gender for k in (named, alias) for t in k.titles if (gender := honorific_gender(t))}
            if len(addressed) > 1:
                continue
            agreed = named.gender if named.gender == alias.gender else None
            merge(named, alias, clusters)
            named.gender = next(iter(addressed), agreed)
            break


def _short_name_owners(name: Candidate, clusters: list[Cluster]) -> list[Cluster]:
    """The people a lone name word ('Brannigan', 'Mr Brannigan') may mean: those whose name holds it, of a fitting
    gender; when one of them was already called the same way ('Mr Brannigan' again), that one only."""
    word = name.personal[-1]
    options = [k for k in clusters if k.type == "PERSON" and word in k.name_tokens and gender_fits(k, name.gender)
               and not _other_of_a_regnal_name(word, k) and not _town_of_a_club_name(word, k)]
    if name.titles & PLAIN_ADDRESS:  # a peer or knight is never 'Mr Reed'
        options = [k for k in options if not k.titles & TITLED_RANKS]
    addressed = [k for k in options if name.titles & k.titles]
    return addressed or options


def _peer_by_territory(name: Candidate, clusters: list[Cluster]) -> Cluster | None:
    """'Lord Kelsby' is the Earl (or Viscount, Baron…) of Kelsby, and 'Lady Kelsby' the Countess of Kelsby: a peer
    is called Lord or Lady with the place of the title, when one person of that gender holds a peerage of it."""
    address = name.titles & {"lord", "lady"}
    if not address:
        return None
    gender = honorific_gender(next(iter(address)))
    holders = [k for k in clusters if k.type == "PERSON" and any(
        title in PEERAGES and place == name.personal[0] and honorific_gender(title) == gender
        for title, place in k.places)]
    return holders[0] if len(holders) == 1 else None


def _town_of_a_club_name(word: str, cluster: Cluster) -> bool:
    """'Kelsby' beside 'Kelsby Town', a club NER took for a person: the word alone may be the town."""
    return all(len(n) > 1 and n[-1] in TOWN_CLUB_ENDINGS and n[0] == word for n in cluster.personal if word in n)


def _other_of_a_regnal_name(word: str, cluster: Cluster) -> bool:
    """'Leopold' beside an untitled 'Leopold II' is another man (his father); 'George' after 'King George V' is the
    king."""
    return not cluster.titles and all(len(n) > 1 and n[-1] in REGNAL_NUMBERS and n[0] == word
                                      for n in cluster.personal if word in n)


def _short_name_owner(doc: Doc, name: Candidate, options: list[Cluster], people: _People | None = None) -> Cluster | None:
    """Who a lone name word means: of the people sharing it (`options`), the one named last before it, but not
    one brought in only as someone's relative ('Bill Clinton … his wife Hillary Clinton … Clinton said'): news
    keeps the bare surname for the principal. Told before the only person sharing it is brought in as someone's
    relative ('Lady Marsh … her daughter, Ruth Marsh'), a surname is that someone, not the relative."""
    people = people or _People(doc)
    if len(options) < 2:  # one or none to choose from: reading all of its mentions again was quadratic
        only = options[0] if options else None
        before = only is not None and name.start < only.first and name.personal[-1] in surnames(only) \
            and people.introduced_as_relative(only)
        return None if before else only
    principals = [k for k in options if not people.introduced_as_relative(k)]
    # 'Ann Reed … Reed … Reed … her husband, Tom Reed … Reed said': the one already called by the word alone
    called_so = [k for k in principals if people.called_by_word(k, name)]
    if len(called_so) == 1:
        return called_so[0]
    return people.nearest(principals or options, name.start)


class _People:
    """What `_short_name_owner` reads of each person (their mentions' starts, sorted, and whether they came in
    as a relative), kept up to date as names are added through `add`: reading all of a person's mentions,
    and every token before the first, for each lone name word took minutes on a surname named 4,000 times."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._starts: dict[int, list[int]] = {}
        self._relative: dict[int, tuple[int, int, Token | None]] = {}  # (first name mention, names known, kin noun)
        self._lone_words: dict[int, set[str]] = {}  # the words alone, with no title, a person was called by

    def starts(self, cluster: Cluster) -> list[int]:
        if id(cluster) not in self._starts:
            self._starts[id(cluster)] = sorted(start for start, _, _ in cluster.mentions)
        return self._starts[id(cluster)]

    def nearest(self, clusters: list[Cluster], position: int) -> Cluster | None:
        """As `clusters.nearest`, by bisection."""
        def distance(cluster: Cluster) -> tuple[int, int]:
            starts = self.starts(cluster)
            before = bisect_left(starts, position)
            return (0, position - starts[before - 1]) if before else (1, starts[0] - position)

        return min(clusters, key=distance) if clusters else None

    def introduced_as_relative(self, cluster: Cluster) -> bool:
        return self.introducing_kin(cluster) is not None

    def introducing_kin(self, cluster: Cluster) -> Token | None:
        known = self._relative.get(id(cluster))
        if known is None or known[1] != len(cluster.personal):
            names = [start for start, _, kind in cluster.mentions if kind == "name"]
            known = (min(names, default=-1), len(cluster.personal), _introducing_kin(self.doc, cluster))
            self._relative[id(cluster)] = known
        return known[2]

    def called_by_word(self, cluster: Cluster, name: Candidate) -> bool:
        """Whether the person was already called by the lone word `name` is, with no title."""
        if id(cluster) not in self._lone_words:
            self._lone_words[id(cluster)] = {lower_key(self.doc[start]) for start, end, kind in cluster.mentions
                                             if kind == "name" and end - start == 1}
        return not name.titles and name.personal[-1] in self._lone_words[id(cluster)]

    def add(self, cluster: Cluster, name: Candidate) -> None:
        cluster.add(name)
        if len(name.personal) == 1 and not name.titles and id(cluster) in self._lone_words:
            self._lone_words[id(cluster)].add(name.personal[0])
        added = [start for start in (name.start, name.bare_start) if start is not None]
        for start in added:
            insort(self.starts(cluster), start)
        known = self._relative.get(id(cluster))
        if known is not None and name.kind == "name" and (known[0] == -1 or min(added) <= known[0]):
            del self._relative[id(cluster)]  # a new first name mention: ask again


def _introducing_kin(doc: Doc, cluster: Cluster) -> Token | None:
    """The kinship noun a person's first name mention stands beside ('his brother, Ray Brannigan'), if any."""
    names = [(start, end) for start, end, kind in cluster.mentions if kind == "name"]
    if not names:
        return None
    first = min(names)
    root = doc[slice(*first)].root
    if root.dep_ == "appos" and root.head.lemma_.lower() in KINSHIP:
        return root.head
    if (kin := _kinship_noun_before(doc, first[0])) is not None:
        return kin
    # the first name alone may come first, before NER's full name: 'their daughter, Ann, … Ann Reed said'
    given = {name[0] for name in cluster.personal if len(name) > 1}
    return next((t.head for t in doc[:first[0]] if t.lower_ in given and t.dep_ == "appos"
                 and t.head.lemma_.lower() in KINSHIP), None)


def _kinship_noun_before(doc: Doc, start: int) -> Token | None:
    """'her sister, the painter Ann Reed', 'his brother Tom Reed': the kinship noun a name follows, over a comma and
    the few lower-case words of a role, where the parser attached the name elsewhere."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].is_lower and doc[i].is_alpha and doc[i].tag_ not in FINITE_VERB_TAGS \
            and (doc[i].pos_ == "DET" or not doc[i].is_stop) and doc[i].lemma_.lower() not in KINSHIP:
        i -= 1
    i -= i >= 0 and doc[i].text == ","
    return doc[i] if i >= 0 and doc[i].is_lower and doc[i].lemma_.lower() in KINSHIP else None


def _told_apart_by_age(doc: Doc, name: Candidate, options: list[Cluster], people: _People) -> bool:
    """'the elder Reed' of two people named Reed is not the one named last, nor the principal: it goes to the one
    `_elder_or_younger` finds, as that phrase ('Reed' alone in it would be the other's), or, unsaid, to no one.
    Whether the name was such a one."""
    if name.start == 0 or doc[name.start - 1].lower_ not in OLDER_WORDS | YOUNGER_WORDS or len(options) != 2:
        return False
    if match := _elder_or_younger(doc, name, options, people):
        people.add(match, Candidate(with_article(doc, name.start - 1), name.end, "PERSON", "description"))
    return True


def _elder_or_younger(doc: Doc, name: Candidate, options: list[Cluster], people: _People) -> Cluster | None:
    """'the elder Reed' of two people named Reed: the one brought in as the other's older brother, father or
    mother ('his older brother, Tom Reed'), 'the younger Reed' the other; None when the article does not say."""
    older = doc[name.start - 1].lower_ in OLDER_WORDS
    marked = {k: _age_of_relative(people.introducing_kin(k)) for k in options}
    for one, other in (options, options[::-1]):
        if marked[one] is not None and marked[other] is None:
            return one if marked[one] == older else other
    return None


def _age_of_relative(kin: Token | None) -> bool | None:
    """Whether a kinship noun makes its person the older (a parent, 'older brother') or the younger ('son',
    'younger sister') of the two; None when it does not say."""
    if kin is None:
        return None
    relation = KINSHIP[kin.lemma_.lower()].relation
    if relation in {"parent_of", "child_of"}:
        return relation == "parent_of"
    words = {word.lower_ for word in kin.doc[max(kin.i - 2, 0):kin.i]}
    return True if words & OLDER_WORDS else False if words & YOUNGER_WORDS else None


def _settle_lone_words(doc: Doc, candidates: list[Candidate], lower_case_words: set[str]) -> list[Candidate]:
    """A name's type as the words around one of its mentions show it ('her novel, Still Rivers') holds for all
    its mentions. NER's person label on a lone word with no first name or form of address anywhere in the
    article is weak: such a word is an organisation or place if NER calls it one elsewhere ('Kelsby' a
    person once, a club three times), a place after 'in', 'near'…, an organisation when it opens or ends an
    organisation's name ('Kelsby' after 'Kelsby Robotics', 'Dolphins' after 'Kelsby Dolphins'), and no name at all if the article writes it in lower case
    ('Library advocates…')."""
    named = {w for c in candidates if c.type == "PERSON" and (len(c.personal) > 1 or c.titles) for w in c.personal}
    others = Counter((c.key, c.type) for c in candidates if c.type != "PERSON" and c.kind == "name")
    # a word opening or ending an organisation's name, unless ISO 3166 knows it as a place ('Cornwall' of 'Cornwall
    # Council')
    name_parts = Counter((word, "ORG") for c in candidates if c.type == "ORG" and c.kind == "name" and " " in c.key
                         for word in {c.key.split()[0], c.key.split()[-1]}
                         if not (is_subdivision(word) or country_code(word) is not None))
    by_context = {c.key: c.type for c in candidates if c.typed_by_context}
    # a name of several words NER calls an organisation or place as often as a person ('Reed Chemicals said…') is
    # no person when its first word is no known first name
    as_person = Counter(" ".join(c.personal) for c in candidates if c.type == "PERSON" and len(c.personal) > 1)
    for (key, kind), count in others.items():
        if " " in key and count >= as_person[key] and not first_name_gender(key.split()[0]):
            by_context.setdefault(key, kind)
    settled = []
    for c in candidates:
        key = c.key or normalise(doc[c.start:c.end].text)
        if c.kind == "name" and not c.titles and by_context.get(key, c.type) != c.type:
            # The words around one mention ("her novel, Still Rivers", "a resident surnamed Ng") settle the type of all.
            person = person_name(doc, c.start, c.end) if by_context[key] == "PERSON" else None
            c = person or Candidate(c.start, c.end, by_context[key], "name", key=key, typed_by_context=True)
        elif c.type == "PERSON" and c.kind == "name" and len(c.personal) == 1 and not c.titles \
                and c.personal[0] not in named and not c.typed_by_context:
            votes = [(count, kind) for (key, kind), count in others.items() if key == c.personal[0]]
            place_start = _place_after_preposition(doc, c.start, c.end)
            if not votes and place_start is None:
                # 'in Kelsby' is the place, though 'the Kelsby Post' is named too
                votes = [(count, kind) for (key, kind), count in name_parts.items() if key == c.personal[0]]
            if votes:
                c = Candidate(c.start, c.end, max(votes)[1], "name", key=c.personal[0])
            elif c.personal[0] in lower_case_words:
                continue
            elif place_start is not None:
                c = Candidate(place_start, c.end, "PLACE", "name", key=normalise(doc[place_start:c.end].text))
            elif is_subdivision(c.personal[0]) or country_code(c.personal[0]) is not None:
                c = Candidate(c.start, c.end, "PLACE", "name", key=c.personal[0])  # 'Umbria': ISO 3166 knows it
        settled.append(c)
    return settled


def _place_after_preposition(doc: Doc, start: int, end: int) -> int | None:
    """Where a place name starts when the name at [start, end) ends one after 'in', 'near'…, with the capitalised
    words before it ('in French Guiana'); None when no such preposition comes before it, or it owns a noun."""
    while start > 0 and is_capitalised(doc[start - 1]) and doc[start - 1].pos_ in {"PROPN", "ADJ"}:
        start -= 1
    owns = end < len(doc) and doc[end].tag_ == "POS"
    return start if start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS and not owns else None


def _add_untagged_names_of_things(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """NER misses repeats of other names too ('Acme spokesman', a book's title); one already found is a
    mention wherever it stands as written, alone."""
    taken = {i for k in clusters for start, end, _ in k.mentions for i in range(start, end)}
    for cluster in [k for k in clusters if k.type != "PERSON"]:
        names = {doc[start:end].text for start, end, kind in cluster.mentions if kind == "name"}
        names = {re.sub(r"^[Tt]he ", "", name) for name in names}
        for name in names:
            for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                span = doc.char_span(match.start(), match.end())
                if span is None or any(t.i in taken or t.ent_type_ for t in span):
                    continue
                neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
                if any(t.pos_ == "PROPN" and is_capitalised(t) for t in neighbours):
                    continue  # part of a longer name
                end = span.end + (cluster.type == "ORG" and _name_word_read_as_noun(doc, span.end))
                cluster.mentions.append((span.start, end, "name"))
                taken.update(range(span.start, end))


def _name_word_read_as_noun(doc: Doc, i: int) -> bool:
    """'Lines' in 'Kelsby Lines will cut jobs': a capitalised word inside a sentence that the tagger reads as a
    common noun, ending the name of a company it follows; not a job ('Acme Chairman Tom Reed')."""
    word = doc[i] if i < len(doc) else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return word is not None and word.pos_ == "NOUN" and is_capitalised(word) and not word.is_sent_start \
        and not word.ent_type_ and lower_key(word) not in HONORIFICS.keys() | PERSON_ROLE_NOUNS \
        and not (after is not None and is_capitalised(after) and after.is_alpha)


def _add_untagged_short_names(doc: Doc, text: str, clusters: list[Cluster], lower_case_words: set[str],
                              company_words: set[str], others_named: dict[str, list[int]]) -> None:
    """NER misses many repeats of a surname ('Delgado thanked…'); a known person's name word is a mention, unless
    it is also a company's short name (`_company_short_names`)."""
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for name in cluster.personal:
            if len(name) > 1:
                for word in {name[0], name[-1]} - company_words:
                    owners.setdefault(word, []).append(cluster)
    taken = {i for k in clusters for start, end, _ in k.mentions for i in range(start, end)}
    # The tagger takes some unfamiliar surnames for other words ('Adeyemo now has…' as an adverb); a word the
    # article never writes in lower case is a name all the same.
    index = _People(doc)
    for token in tokens_spelling(doc, text, owners) if owners else []:
        looks_common = token.pos_ != "PROPN" and (token.is_stop or token.lower_ in lower_case_words)
        if token.i in taken or not is_capitalised(token) or token.ent_type_ in NUMERIC_LABELS or looks_common \
                or _named_after_someone(doc, token.i):
            continue
        name = person_name(doc, token.i, token.i + 1)  # with the form of address before it: 'Mr Brannigan'
        if name is None or any(i in taken for i in range(name.start, name.end)):
            continue
        people = _short_name_owners(name, clusters)
        if _told_apart_by_age(doc, name, people, index):
            continue
        if len(people) > 1:  # two people share the name: only those already named can be meant
            people = [k for k in people if index.starts(k)[0] < name.start]
        owner = _short_name_owner(doc, name, people, index)
        if owner is not None and not _named_otherwise_since(others_named, name, index.starts(owner)):
            index.add(owner, name)


def _named_after_someone(doc: Doc, start: int) -> bool:
    """'the Reed': a lone name word after 'the' is the prize, pub or ship named after someone; a person is no
    'the Reed'."""
    return start > 0 and doc[start - 1].lower_ == "the"


def _surname_mistagged(candidate: Candidate, doc: Doc, clusters: list[Cluster],
                       organisation_openers: dict[str, int]) -> tuple[Cluster, Candidate] | None:
    """NER often tags a bare surname as an organisation ('Halloran said'), or a first name ('Ines built it');
    a full name holding it settles it. Returns the person and the name as a person's."""
    if candidate.kind != "name" or " " in candidate.key and candidate.key.split()[0] not in SURNAME_PARTICLES:
        return None  # one word, or a surname with its particles ('ten Hove')
    if candidate.type == "ORG" and organisation_openers.get(candidate.key, len(doc)) < candidate.start:
        return None  # 'Reed Foods … Reed will buy…': the company named after its founder, as NER reads it
    if _named_after_someone(doc, candidate.start):
        return None
    # A first name alone must be a known first name ('Halden' of 'Halden Marine' is not), and a place NER saw in it
    # one no table of places knows ('Paddy took over the pub', not 'Georgia').
    given_name = first_name_gender(candidate.key) and (
        candidate.type in {"ORG", "EVENT", "WORK"} or candidate.type == "PLACE" and not is_known_place(candidate.key))
    positions = (0, -1) if given_name else (-1,)
    # A regnal number is no surname: 'Leopold' beside 'Leopold II' is his father. A royal known by one name
    # and a title ('Queen Astrid') is known by that name alone too.
    full = [k for k in clusters if k.type == "PERSON" and any(
        len(n) > 1 and n[-1] not in REGNAL_NUMBERS and any(n[p] == candidate.key for p in positions)
        or len(n) == 1 and n[0] == candidate.key and k.titles & (MONARCHS | ROYAL_HONORIFICS) for n in k.personal)]
    name = person_name(doc, candidate.start, candidate.end) if full else None
    owner = _short_name_owner(doc, name, [k for k in _short_name_owners(name, clusters) if k in full]) if name else None
    return (owner, name) if owner else None


def _same_country(candidate: Candidate, clusters: list[Cluster]) -> Cluster | None:
    """'Argentina' after 'the Argentine Republic', 'Holland' after 'the Netherlands': two names of one country."""
    code = country_code(candidate.key) if candidate.type == "PLACE" else None
    return next((k for k in clusters if code and k.type == "PLACE" and any(country_code(key) == code
                                                                          for key in k.keys)), None)



def _without_legal_form(key: str) -> str:
    words = key.replace(".", "").split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in LEGAL_FORMS else key


def _same_company(candidate: Candidate, clusters: list[Cluster]) -> Cluster | None:
    """'Acme Foods' after 'Acme Foods plc', or the other way round."""
    if candidate.type != "ORG" or " " not in candidate.key:
        return None
    core = _without_legal_form(candidate.key)
    return next((k for k in clusters if k.type == "ORG" and any(_without_legal_form(key) == core for key in k.keys)),
                None)


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in {"of", "the", "and", "for", "&"})


def _acronym_key(doc: Doc, candidate: Candidate) -> str | None:
    """The letters of an acronym as the candidate writes it ('M&S' is 'ms'), None if it is none."""
    text = doc[candidate.start:candidate.end].text.strip()
    letters = text.replace("&", "").replace(".", "").lower()
    return letters if text.isupper() and 2 <= len(letters) <= 6 and " " not in text else None


def _long_form_of(candidate: Candidate, doc: Doc, clusters: list[Cluster]) -> Cluster | None:
    """'United Press International' after '(UPI)': a full name whose initials are an acronym named before."""
    if candidate.type != "ORG" or len(candidate.key.split()) < 2:
        return None
    initials = _initials(candidate.key)
    options = [k for k in clusters if k.type == "ORG" and len(k.keys) == 1 and " " not in next(iter(k.keys))
               and next(iter(k.keys)).replace("&", "").replace(".", "") == initials
               and any(doc[s:e].text.strip().isupper() for s, e, _ in k.mentions)]
    return options[0] if len(options) == 1 else None


def _short_form_of(candidate: Candidate, doc: Doc, clusters: list[Cluster]) -> Cluster | None:
    """An acronym ('FBI') or a last word ('the Post') standing for a longer organisation name."""
    text = candidate.key
    if " " in text or text in PLACE_HEADS:
        return None
    acronym = _acronym_key(doc, candidate)
    options = []
    for cluster in clusters:
        if cluster.type == "PERSON":
            continue
        for key in cluster.keys:
            words = key.split()
            if len(words) < 2:
                continue
            # "the Gazette" for "the Riverton Gazette"; "Acme", after "Acme Robotics", for it; but "Kelsby" after
            # "Kelsby Town" may be the town as well as its club
            if (acronym and _initials(key) == acronym) or (not acronym and candidate.type == "ORG" and (
                    words[-1] == text or words[0] == text and cluster.first < candidate.start
                    and words[-1] not in TOWN_CLUB_ENDINGS)):
                options.append(cluster)
                break
    return options[0] if len(options) == 1 else None


def _merge_appositions(doc: Doc, clusters: list[Cluster]) -> None:
    """'Prince Edmund, the Duke of Glenmoor,': two names of a person set side by side are one entity. Two personal
    names with no word in common are two people ('at Mill Road, Kelsby' read as a name beside a name), unless a
    word bringing in another name says otherwise (aliases, below)."""
    owners = _owners(clusters)
    for index in (doc.to_array("DEP") == doc.vocab.strings["appos"]).nonzero()[0]:
        token = doc[int(index)]
        a, b = owners.get(token.i), owners.get(token.head.i)
        if a and b and a is not b and a.type == b.type == "PERSON" and compatible(a, b) \
                and not (a.personal and b.personal and not a.name_tokens & b.name_tokens):
            merge(b, a, clusters)
            owners = _owners(clusters)


def _owners(clusters: list[Cluster]) -> dict[int, Cluster]:
    """Each token's cluster, as `cluster_of` finds it, read once: `cluster_of` for each apposition was quadratic."""
    owners: dict[int, Cluster] = {}
    for cluster in clusters:
        for start, end, _ in cluster.mentions:
            for i in range(start, end):
                owners.setdefault(i, cluster)
    return owners


def _merge_peerage_with_royal_name(clusters: list[Cluster]) -> None:
    """A peer known only by title ('the Duke of X') and the one royal named in the story are one person.

    News about royals alternates between the peerage and the royal name; with exactly one royal named
    (Prince/Princess + name) who holds no other title, that is who the title means, when the title comes
    first, as in a lede. A peer first named after the royal ('Prince Tom … his younger son, the Duke of X')
    is someone else: the story would have said so when it brought the title in.
    """
    for titled in [k for k in clusters if k.type == "PERSON" and not k.personal and k.places]:
        if not {title for title, _ in titled.places} <= PEERAGES:
            continue
        royals = [k for k in clusters if k.type == "PERSON" and k.personal and k.titles & ROYAL_HONORIFICS
                  and not k.places and compatible(k, titled) and titled.first < k.first]
        if len(royals) == 1:
            merge(royals[0], titled, clusters)
