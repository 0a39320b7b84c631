"""Lone name words: who a surname or given name alone means ('Reed said', 'Mr Reed', 'the elder Reed', 'Lord
Kelsby'), what type NER's lone words really are, and the repeats of a person's name NER missed."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Container

from spacy.tokens import Doc, Token

from ..lexicon import (
    EVENT_HEADS, HONORIFICS, INSTITUTION_HEADS, KINSHIP, MONARCHS, ORG_HEADS, PEERAGES, PLACE_HEADS, PLACE_NOUNS,
    ROYAL_HONORIFICS, SURNAME_PARTICLES,
)
from .candidates import Candidate, person_name
from .places import country_code, is_known_place, is_subdivision
from .types import team_by_context
from .clusters import Cluster, gender_fits, surnames
from .words import (
    CLUB_OR_PLACE_ENDINGS, COMPANY_ENDINGS, LEGAL_FORMS, NEWSPAPER_ENDINGS, PLACE_PREPOSITIONS, first_name_gender, first_name_leaning,
    honorific_gender, is_capitalised, is_first_name, lower_key, normalise, same_given_name, title_at, tokens_spelling,
    with_article,
)


# The ends of club names that are place words: 'Kelsby' alone after 'Kelsby Town' may be the town.
TOWN_CLUB_ENDINGS = CLUB_OR_PLACE_ENDINGS & PLACE_NOUNS
# Last words of the names of bodies named after the place they serve ('Kelsby Council', 'Kelsby Police', 'the Kelsby
# Gazette'): the first word alone is the place. Not a university's or a club's, which news calls by that word too.
PLACE_NAMED_BODIES = {"council", "police", "constabulary"} | NEWSPAPER_ENDINGS
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


# Words that make a name an organisation's, place's or event's, whatever its other words: 'Kelsby Police' is no
# person's name.
NOT_PERSONAL_WORDS = ORG_HEADS | PLACE_HEADS | INSTITUTION_HEADS | PLACE_NOUNS | EVENT_HEADS | COMPANY_ENDINGS \
    | LEGAL_FORMS | CLUB_OR_PLACE_ENDINGS


def people_named_otherwise(doc: Doc, candidates: list[Candidate]) -> dict[str, list[int]]:
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


def named_otherwise_since(others_named: dict[str, list[int]], name: Candidate, starts: list[int]) -> bool:
    """Whether a person's name NER gave another label, ending in the lone word `name` is, stands between it and the
    last mention of the person the word would go to: 'Tom Reed … (NER's organisation) Ann Reed … Reed' may be
    either, and is left to neither."""
    before = bisect_left(starts, name.start)
    last = starts[before - 1] if before else -1
    return any(last < start < name.start for start in others_named.get(name.personal[-1], ()))


def short_name_owners(name: Candidate, clusters: list[Cluster]) -> list[Cluster]:
    """The people a lone name word ('Brannigan', 'Mr Brannigan') may mean: those whose name holds it, of a fitting
    gender; when one of them was already called the same way ('Mr Brannigan' again), that one only."""
    word = name.personal[-1]
    options = [k for k in clusters if k.type == "PERSON" and word in _name_words(k) and gender_fits(k, name.gender)
               and not (word in k.name_tokens and (_other_of_a_regnal_name(word, k) or _town_of_a_club_name(word, k)))]
    if not options and len(name.personal) == 1 and not name.titles:
        # 'Bill' for William Reed, 'Peggy' for Margaret Reed: a short form of one person's given name, and no one's name
        pet_named = [k for k in clusters if k.type == "PERSON" and gender_fits(k, name.gender) and any(
            len(n) > 1 and n[0] != word and same_given_name(word, n[0]) for n in k.personal)]
        return pet_named if len(pet_named) == 1 else []
    if name.titles & PLAIN_ADDRESS:  # a peer or knight is never 'Mr Reed'
        options = [k for k in options if not k.titles & TITLED_RANKS]
    addressed = [k for k in options if name.titles & k.titles]
    return addressed or options


def _name_words(cluster: Cluster) -> set[str]:
    """The words of a person's names, and the surnames of several words among them ('van hoorn' of 'Ann van
    Hoorn'), as a lone surname is read."""
    return cluster.name_tokens | {" ".join(n[i:]) for n in cluster.personal for i in range(1, len(n) - 1)
                                  if n[i] in SURNAME_PARTICLES}


def peer_by_territory(name: Candidate, clusters: list[Cluster]) -> Cluster | None:
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


def short_name_owner(doc: Doc, name: Candidate, options: list[Cluster], people: People | None = None) -> Cluster | None:
    """Who a lone name word means: of the people sharing it (`options`), the one named last before it, but not
    one brought in only as someone's relative ('Bill Clinton … his wife Hillary Clinton … Clinton said'): news
    keeps the bare surname for the principal. Told before the only person sharing it is brought in as someone's
    relative ('Lady Marsh … her daughter, Ruth Marsh'), a surname is that someone, not the relative."""
    people = people or People(doc)
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


def drop_doubtful_addresses(doc: Doc, clusters: list[Cluster]) -> None:
    """'Ms Reed' may be either of two women named Reed: the principal, and her relative ('her mother, Ann Reed') named
    since. News keeps the bare surname for the principal, but a form of address that fits both says nothing of which,
    and the one named last is as likely: such a mention leaves the person it was given to, and goes to no one. Not one
    of the other gender by their given name ('his wife, Tracey Reed' is no 'Mr Reed'), a peer for 'Mr', nor one
    brought in as dead ('his late father, Tom Reed')."""
    people = [k for k in clusters if k.type == "PERSON"]
    shared = Counter(surname for k in people for surname in surnames(k))
    shared = {surname for surname, count in shared.items() if count > 1}
    if not shared:
        return  # most articles: no two people share a surname
    index = People(doc)
    addressed = sorted(((start, end, k) for k in people for start, end, kind in k.mentions
                        if kind == "name" and end - start == 2 and doc[start + 1].lower_ in shared
                        and (found := title_at(doc, start, HONORIFICS)) and found[1] == 1
                        and honorific_gender(found[0]) in {"male", "female"}), key=lambda item: item[:2])
    for start, end, holder in addressed:
        gender = honorific_gender(lower_key(doc[start]))
        surname = doc[start + 1].lower_

        def fits(k: Cluster) -> bool:
            if surname not in surnames(k) or not gender_fits(k, gender) \
                    or lower_key(doc[start]) in PLAIN_ADDRESS and k.titles & TITLED_RANKS \
                    or any(first_name_leaning(n[0]) not in {None, gender} for n in k.personal if len(n) > 1):
                return False
            kin = index.introducing_kin(k)
            return not (kin is not None and any(t.lower_ == "late" for t in kin.lefts))

        options = [k for k in people if k is holder or fits(k)]
        principals = [k for k in options if not index.introduced_as_relative(k)]
        before = {k: [s for s, _, kind in k.mentions if kind == "name" and s < start] for k in options}
        named = [k for k in options if before[k]]
        if 0 < len(principals) < len(options) and named \
                and max(named, key=lambda k: max(before[k])) not in principals:
            holder.mentions.remove((start, end, "name"))


class People:
    """What `short_name_owner` reads of each person (their mentions' starts, sorted, and whether they came in
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


def told_apart_by_age(doc: Doc, name: Candidate, options: list[Cluster], people: People) -> bool:
    """'the elder Reed' of two people named Reed is not the one named last, nor the principal: it goes to the one
    `_elder_or_younger` finds, as that phrase ('Reed' alone in it would be the other's), or, unsaid, to no one.
    Whether the name was such a one."""
    if name.start == 0 or doc[name.start - 1].lower_ not in OLDER_WORDS | YOUNGER_WORDS or len(options) != 2:
        return False
    if match := _elder_or_younger(doc, name, options, people):
        people.add(match, Candidate(with_article(doc, name.start - 1), name.end, "PERSON", "description"))
    return True


def _elder_or_younger(doc: Doc, name: Candidate, options: list[Cluster], people: People) -> Cluster | None:
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


def settle_lone_words(doc: Doc, candidates: list[Candidate], lower_case_words: Container[str]) -> list[Candidate]:
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
                         and c.key.split()[-1] not in PLACE_NAMED_BODIES
                         for word in {c.key.split()[0], c.key.split()[-1]}
                         if not (is_subdivision(word) or country_code(word) is not None))
    # 'Kelsby' after 'Kelsby Town Council' and 'the Kelsby Gazette': the place the body is named after
    name_parts.update((c.key.split()[0], "PLACE") for c in candidates if c.type == "ORG" and c.kind == "name"
                      and " " in c.key and c.key.split()[-1] in PLACE_NAMED_BODIES)
    by_context = {c.key: c.type for c in candidates if c.typed_by_context}
    for c in candidates:
        if c.type == "ORG" and c.kind == "name" and c.key.count(" ") > 1 and c.key.split()[-1] in LEGAL_FORMS:
            by_context.setdefault(c.key.rsplit(" ", 1)[0], "ORG")  # 'Reed Sayre' after 'Reed Sayre LLP': the firm
    # a name of several words NER calls an organisation or place as often as a person ('Reed Chemicals said…') is
    # no person when its first word is no known first name
    as_person = Counter(" ".join(c.personal) for c in candidates if c.type == "PERSON" and len(c.personal) > 1)
    for (key, kind), count in others.items():
        if " " in key and count >= as_person[key] and not first_name_gender(key.split()[0]):
            by_context.setdefault(key, kind)
    openings = _names_opened(doc, candidates)
    settled = []
    for c in candidates:
        key = c.key or normalise(doc[c.start:c.end].text)
        if c.type == "PERSON" and c.kind == "name" and not c.typed_by_context \
                and (longer := _longer_name_opened(doc, c, openings)) is not None:
            c = Candidate(c.start, c.end, longer.type, "name", key=longer.key, typed_by_context=True)
        elif c.kind == "name" and not c.titles and by_context.get(key, c.type) != c.type:
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
            elif (is_subdivision(c.personal[0]) or country_code(c.personal[0]) is not None
                  or is_known_place(c.personal[0]) and first_name_gender(c.personal[0]) is None):
                # 'Umbria': ISO 3166 knows it; 'Leeds': a city of 100,000 people, and no first name ('Florence');
                # its side when it plays ('Kelsby beat Leeds')
                kind = "ORG" if team_by_context(doc[c.start:c.end]) else "PLACE"
                c = Candidate(c.start, c.end, kind, "name", key=c.personal[0])
        settled.append(c)
    return settled


# Words opening a saint's name, which opens the names of hospitals, schools and churches ('St. Ann Medical Center').
SAINT_WORDS = {"st", "st.", "saint", "san", "santa", "sainte"}


def _names_opened(doc: Doc, candidates: list[Candidate]) -> dict[tuple[str, ...], list[Candidate]]:
    """The names of organisations, places, events and works by each run of their opening words, shorter than the
    name: where a shorter form of one may be found. Not a name ending in a lower-case noun ('the Kelsby bypoll'),
    named after the shorter one, which is another thing."""
    openings: dict[tuple[str, ...], list[Candidate]] = {}
    for c in candidates:
        words = tuple(c.key.split())
        if c.type != "PERSON" and c.kind == "name" and len(words) > 1 and is_capitalised(doc[c.end - 1]):
            for length in range(1, len(words)):
                openings.setdefault(words[:length], []).append(c)
    return openings


def _longer_name_opened(doc: Doc, name: Candidate, openings: dict[tuple[str, ...], list[Candidate]]) -> Candidate | None:
    """'Acme Land' after 'Acme Land Ltd', 'St. Ann' after 'St. Ann Medical Center': a name NER calls a person's,
    with no first name opening it, whose words open the name of one organisation, place or work in the article is
    that one's short form. Its words of two at least, or a saint's name: a lone word, or one before the name of a
    body named after its place ('Kelsby Shire' of 'Kelsby Shire Council') may be the place."""
    words = tuple(normalise(doc[name.start:name.end].text).split())
    saint = len(words) > 1 and words[0] in SAINT_WORDS
    if len(words) < 2 or not saint and (name.titles or is_first_name(words[0])):
        return None
    longer = {c.key: c for c in openings.get(words, ())}
    if len(longer) != 1:
        return None
    found = next(iter(longer.values()))
    return None if not saint and found.key.split()[-1] in INSTITUTION_HEADS | TOWN_CLUB_ENDINGS else found


def _place_after_preposition(doc: Doc, start: int, end: int) -> int | None:
    """Where a place name starts when the name at [start, end) ends one after 'in', 'near'…, with the capitalised
    words before it ('in French Guiana'); None when no such preposition comes before it, or it owns a noun."""
    while start > 0 and is_capitalised(doc[start - 1]) and doc[start - 1].pos_ in {"PROPN", "ADJ"}:
        start -= 1
    owns = end < len(doc) and doc[end].tag_ == "POS"
    return start if start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS and not owns else None


def add_untagged_short_names(doc: Doc, text: str, clusters: list[Cluster], lower_case_words: Container[str],
                              company_words: set[str], others_named: dict[str, list[int]]) -> None:
    """NER misses many repeats of a surname ('Delgado thanked…'); a known person's name word is a mention, unless
    it is also a company's short name (as `merging` reads those)."""
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for name in cluster.personal:
            if len(name) > 1:
                for word in {name[0], name[-1]} - company_words:
                    owners.setdefault(word, []).append(cluster)
    taken = {i for k in clusters for start, end, _ in k.mentions for i in range(start, end)}
    # The tagger takes some unfamiliar surnames for other words ('Adeyemo now has…' as an adverb); a word the
    # article never writes in lower case is a name all the same.
    index = People(doc)
    for token in tokens_spelling(doc, text, owners) if owners else []:
        looks_common = token.pos_ != "PROPN" and (token.is_stop or token.lower_ in lower_case_words)
        if token.i in taken or not is_capitalised(token) or token.ent_type_ in NUMERIC_LABELS or looks_common \
                or _named_after_someone(doc, token.i):
            continue
        name = person_name(doc, token.i, token.i + 1)  # with the form of address before it: 'Mr Brannigan'
        if name is None or any(i in taken for i in range(name.start, name.end)):
            continue
        people = short_name_owners(name, clusters)
        if told_apart_by_age(doc, name, people, index):
            continue
        if len(people) > 1:  # two people share the name: only those already named can be meant
            people = [k for k in people if index.starts(k)[0] < name.start]
        owner = short_name_owner(doc, name, people, index)
        if owner is not None and not named_otherwise_since(others_named, name, index.starts(owner)):
            index.add(owner, name)


def _named_after_someone(doc: Doc, start: int) -> bool:
    """'the Reed': a lone name word after 'the' is the prize, pub or ship named after someone; a person is no
    'the Reed'."""
    return start > 0 and doc[start - 1].lower_ == "the"


def surname_mistagged(candidate: Candidate, doc: Doc, clusters: list[Cluster],
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
    full = [k for k in clusters if k.type == "PERSON" and _holds_name_word(k, candidate.key, given_name)]
    name = person_name(doc, candidate.start, candidate.end) if full else None
    owner = short_name_owner(doc, name, [k for k in short_name_owners(name, clusters) if k in full]) if name else None
    return (owner, name) if owner else None


# A royal's titles.
ROYAL_TITLES = MONARCHS | ROYAL_HONORIFICS


def _holds_name_word(person: Cluster, word: str, given_name: bool) -> bool:
    """Whether one of a person's full names ends in `word` (or, when it is a given name, starts with it), a regnal
    number being no surname ('Leopold' beside 'Leopold II' is his father), or their one name is `word` and they
    have a royal's title."""
    for name in person.personal:
        if len(name) > 1:
            if name[-1] not in REGNAL_NUMBERS and (name[-1] == word or given_name and name[0] == word):
                return True
        elif len(name) == 1 and name[0] == word and person.titles & ROYAL_TITLES:
            return True
    return False
