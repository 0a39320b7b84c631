"""Call-backs to what was named: 'the council', 'the club' or 'the seat' by what a name is, 'the capital' and
'the town' for a place; and where a call-back starts and who was named last before it, which the other call-back
modules share. Like the descriptions of people, a call-back joins an entity only on evidence, and where two fit it
joins neither.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import HONORIFICS, OTHER_COMPANY_WORDS, PERSON_ROLE_NOUNS, PLACE_HEADS, PLACE_NOUNS
from ..parse import sentence_start
from .clusters import Cluster, cluster_of, gender_fits
from .descriptions import refer_back
from .evidence import called_before, in_subject_phrase, may_join, speaker_organisations, spoken_of, subject_above
from .kinds import BUILDING_KINDS, called_back_as, head_word_kinds
from .ner_spans import place_noun_before
from .places import COUNTRY_NOUNS, is_subdivision, place_kinds
from .words import (
    CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, COMPANY_ENDINGS, ENTITY_WORDS, KIND_NOUNS, LEGAL_FORMS,
    NEWSPAPER_ENDINGS, TOWNSPEOPLE_NOUNS, is_capitalised, lower_key, normalise, tokens_spelling,
)


# Call-back nouns that may mean an organisation of no kind the stage knows ('the party' after 'Reform').
ORG_CALL_BACKS = {"party", "club", "team", "side", "union"}
# Words before a call-back noun that make it another one than the one named: 'the rival club', 'the other party'; or
# that pick one of two by a fact the call-backs do not read: 'the home side' is whichever team was at home.
OTHER_ONE_WORDS = OTHER_COMPANY_WORDS | {"other", "another", "former", "new", "opposing", "visiting", "neighbouring",
                                         "next", "previous", "local", "home", "away", "host"}


# Offices held of a town or city, and what such a place is called back as.
MUNICIPAL_OFFICES = {"mayor", "mayoress", "burgomaster"}
TOWN_NOUNS = ("town", "city")


def add_place_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """'the capital, Kelsby,' is a mention of Kelsby; so, later, is 'the capital' or, after 'the border town of
    Kelsby' or 'the mayor of Kelsby', 'the town', when no other place was called so."""
    nouns: dict[str, dict[Cluster, int]] = {}  # place noun -> the places given it, and where first
    for cluster in (k for k in clusters if k.type == "PLACE"):
        for start, end, kind in list(cluster.mentions):
            noun = place_noun_before(doc, start, end) if kind == "name" else None
            if kind == "name" and start >= 2 and doc[start - 1].lower_ == "of" \
                    and doc[start - 2].lemma_.lower() in MUNICIPAL_OFFICES:
                for town in TOWN_NOUNS:  # 'the mayor of Kelsby' … 'the town': a mayor's place is a town or city
                    nouns.setdefault(town, {}).setdefault(cluster, start)
            if noun is None:
                continue
            if doc[start - 1].text == ",":
                cluster.mentions.append((noun.left_edge.i, noun.i + 1, "description"))
            nouns.setdefault(noun.lemma_.lower(), {}).setdefault(cluster, start)
    for noun in (t for t in doc if t.lemma_.lower() in nouns and t.tag_ == "NN" and t.is_lower) if nouns else []:
        start = noun.left_edge.i
        holders = nouns[noun.lemma_.lower()]
        # refer_back joins a lone holder only: the policy is asked of that one
        if doc[start].lower_ == "the" and start == noun.i - 1 and len(holders) == 1 \
                and may_join(doc, clusters, next(iter(holders)), noun, start, list(holders)):
            refer_back(doc, holders, start, noun.i + 1, clusters)


# Last words of a place's name that make it no town: a feature, a building, an area ('Kelsby Valley', 'Kelsby Shire').
NOT_SETTLEMENT_HEADS = PLACE_HEADS | COMMON_PLACE_HEADS | PLACE_NOUNS | BUILDING_KINDS | KIND_NOUNS \
    | {"shire", "heights", "county", "coast", "estate", "gardens", "court", "north", "south", "east", "west", "central"}
# The nouns a story calls its town by without having said it is one, and the kinds of place each may call back: a
# town is called a city and back, a village only a village.
SETTLEMENT_NOUNS = {"town": set(TOWN_NOUNS), "city": set(TOWN_NOUNS), "village": {"village"}}
_SETTLEMENT_WORDS = set(SETTLEMENT_NOUNS)


def add_settlement_callbacks(doc: Doc, text: str, clusters: list[Cluster], outlet: str | None = None) -> None:
    """'Flooding cut off Kelsby … the town's mayor said': a story about one town calls it 'the town', 'the city' or
    'the village' without ever saying it is one. The place so called is a town-like place named before: not a
    country or a region ISO 3166 knows, no feature or building, not called another kind of place by the article
    ('the village of Kelsby'); and of several, the one the evidence picks (`_settlement_meant`)."""
    with_mayors = _places_with_mayors(doc, text)
    towns = [k for k in clusters if k.type == "PLACE" and _town_like(doc, k)
             or k.type == "ORG" and (k.keys & with_mayors or _lived_in(doc, k))]
    if not towns:
        return
    regions = _regions_after_towns(doc, towns)
    towns = [k for k in towns if k not in regions]
    home = _outlet_home(towns, outlet)
    given = {cluster: _given_kinds(doc, cluster) for cluster in towns}
    for noun in tokens_spelling(doc, text, _SETTLEMENT_WORDS):
        start = call_back_start(noun)
        if start is None or noun.tag_ != "NN" or cluster_of(clusters, noun.i) is not None:
            continue
        options = [k for k in towns if given[k] <= SETTLEMENT_NOUNS[noun.lower_]]
        owner = _settlement_meant(doc, options, start, home, regions)
        if owner is not None and (_another_place_in_sentence(doc, clusters, owner, start)
                                  or brought_in_since(doc, owner, noun, start)
                                  or not may_join(doc, clusters, owner, noun, start, options,
                                                  _settlement_story(doc, options, start, home, regions),
                                                  [k for k in clusters if k not in options])):
            owner = None
        if owner is not None:
            owner.mentions.append((start, noun.i + 1, "description"))


# Prepositions and verbs whose object is where something is or goes: a name there is a place, whatever NER called it.
LOCATIVE_WORDS = {"in", "at", "near", "into", "towards", "toward", "outside", "reach", "reached", "reaches"}


def _another_place_in_sentence(doc: Doc, clusters: list[Cluster], owner: Cluster, start: int) -> bool:
    """Whether the sentence names, before token `start`, another name where something is or goes ('the water had
    reached Marsh Hill, and the town…'), and not the town chosen: it may be the town meant, though the article never
    said it is one and NER called it a person. Not a place or body of a kind of its own ('in Ohio', 'at Kelsby
    Council')."""
    sentence = doc[start].sent.start
    if any(sentence <= s < start for s, _, _ in owner.mentions):
        return False
    for cluster in clusters:
        if cluster is owner or called_back_as(cluster) - _SETTLEMENT_WORDS or cluster.type == "PERSON" and (
                cluster.titles or any(kind != "name" for *_, kind in cluster.mentions)):
            continue  # a country, a council, a person named as one
        for s, e, kind in cluster.mentions:
            root = doc[s:e].root
            if kind == "name" and sentence <= s < start and root.dep_ in {"pobj", "dobj"} \
                    and root.head.lower_ in LOCATIVE_WORDS:
                return True
    return False


def _settlement_meant(doc: Doc, towns: list[Cluster], start: int, home: Cluster | None,
                      regions: set[Cluster]) -> Cluster | None:
    """Of the town-like places named before token `start`, the one 'the town' there means: the only one; else the
    one the evidence picks, when the evidence agrees: the only one named earlier in its sentence ('rain fell at
    Kelsby, three times the town's average'), and the one the story is set in: the town the outlet is of ('the Kelsby
    Gazette') or else the one named three times or more and twice as often as any other. A district named in the
    sentence of a story set in its city ('a blast in Eastwick was heard across the city') is either."""
    named = [k for k in towns if names_before(k, start)]
    if len(named) <= 1:
        return named[0] if named else None
    sentence = doc[start].sent.start
    in_sentence = [k for k in named if any(sentence <= s < start for s, _, _ in k.mentions)]
    local = in_sentence[0] if len(in_sentence) == 1 else None
    story = _settlement_story(doc, named, start, home, regions)
    return story if local is None else local if story in {None, local} else None


def _settlement_story(doc: Doc, towns: list[Cluster], start: int, home: Cluster | None,
                      regions: set[Cluster]) -> Cluster | None:
    """The town the story is set in, of those named before token `start`: the one the outlet is of, else the one named
    three times or more and twice as often as any other, else the one placed in a region or country ('his home in
    Kelsby, Ohio'), the way news places its town."""
    named = [k for k in towns if names_before(k, start)]
    story = home if home in named else _named_most(named, start)
    if story is None:
        placed = [k for k in named if _placed_in_region(doc, k, regions)]
        story = placed[0] if len(placed) == 1 else None
    return story


# Last words that say what an organisation is: a company, a club, a newspaper, a building or a kind of place.
NAMED_KIND_ENDINGS = COMPANY_ENDINGS | LEGAL_FORMS | CLUB_ENDINGS | CLUB_OR_PLACE_ENDINGS | NEWSPAPER_ENDINGS \
    | NOT_SETTLEMENT_HEADS
# Nouns after 'of' before a name that say it is a place people live in: 'residents of Kelsby'.
LIVED_IN_NOUNS = {"residents", "people", "outskirts", "streets", "centre", "center", "townspeople", "edge"}


def _lived_in(doc: Doc, cluster: Cluster) -> bool:
    """Whether a name NER took for an organisation is said to be a place people live in: 'a Kelsby man', 'residents
    of Kelsby', 'the outskirts of Kelsby'; not one whose name says what else it is ('Kelsby Foods', 'Kelsby Rovers',
    'Kelsby Estates')."""
    if called_back_as(cluster) or head_word_kinds(cluster) or any(
            key.split()[-1] in NAMED_KIND_ENDINGS or key.split()[-1].endswith("s") for key in cluster.keys):
        return False
    for start, end, kind in cluster.mentions:
        if kind != "name":
            continue
        if end < len(doc) and doc[end].is_lower and doc[end].lemma_.lower() in TOWNSPEOPLE_NOUNS:
            return True
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in LIVED_IN_NOUNS:
            return True
    return False


def _places_with_mayors(doc: Doc, text: str) -> set[str]:
    """The names of places with a mayor ('Kelsby Mayor Ann Lee', 'the mayor of Kelsby'), lower-cased, and each word of
    them: towns or cities, though NER may take one for an organisation."""
    found = set()
    for office in tokens_spelling(doc, text, MUNICIPAL_OFFICES):
        first = office.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and office.i - first < 3:
            first -= 1  # 'Kelsby Mayor'
        last = office.i + 2 if office.i + 2 < len(doc) and doc[office.i + 1].lower_ == "of" else office.i + 1
        while last < len(doc) and doc[last].pos_ == "PROPN" and last - office.i < 5:
            last += 1  # 'the mayor of Kelsby'
        for name in (doc[first:office.i], doc[office.i + 2:last]):
            found |= {" ".join(t.lower_ for t in name)} | {t.lower_ for t in name} if len(name) else set()
    return found


def _regions_after_towns(doc: Doc, towns: list[Cluster]) -> set[Cluster]:
    """The places named right after a town and a comma ('Kelsby, Dunshire'), the way news places a town in its
    county or state: the region around it, no town. Not a list ('Kelsby, Dunmere and Tolby')."""
    regions = set()
    for town in towns:
        for start, end, kind in town.mentions:
            after = cluster_of(towns, end + 1) if kind == "name" and end + 1 < len(doc) and doc[end].text == "," \
                and (start == 0 or doc[start - 1].text != ",") else None
            last = max((e for s, e, _ in after.mentions if s == end + 1), default=end + 1) if after else end + 1
            if after is not None and after is not town and not (
                    last < len(doc) and (doc[last].lower_ in {"and", "or", "&"} or doc[last].text == ","
                                         and last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN")):
                regions.add(after)
    return regions


def _placed_in_region(doc: Doc, cluster: Cluster, regions: set[Cluster]) -> bool:
    """Whether a place is named followed by a region or country ISO 3166 knows ('Kelsby, Ohio') or by one of
    `regions` ('Kelsby, Dunshire')."""
    for _, end, kind in cluster.mentions:
        if kind == "name" and end + 1 < len(doc) and doc[end].text == ",":
            key = lower_key(doc[end + 1]) if doc[end + 1].ent_type_ != "GPE" else \
                " ".join(t.lower_ for t in doc[end + 1:end + 4] if t.ent_iob_ != "O" and t.ent_type_ == "GPE")
            if key and (place_kinds(key) or is_subdivision(key)) or cluster_of(list(regions), end + 1) is not None:
                return True
    return False


def _outlet_home(towns: list[Cluster], outlet: str | None) -> Cluster | None:
    """The town a local outlet is named for ('Kelsby Evening Post', 'The Kelsby Gazette'): its place is the one a
    writer's 'this town' and an unqualified 'the town' mean, when it is named in the article."""
    words = normalise(outlet).split() if outlet else []
    homes = [k for k in towns if any(key.split() == words[:len(key.split())] and len(words) > len(key.split())
                                     for key in k.keys)]
    return homes[0] if len(homes) == 1 else None


def _given_kinds(doc: Doc, cluster: Cluster) -> set[str]:
    """The kinds of place the article says a place is, right before its name ('the market town of Kelsby')."""
    return {noun.lemma_.lower() for s, e, kind in cluster.mentions
            if kind == "name" and (noun := place_noun_before(doc, s, e)) is not None}


def _town_like(doc: Doc, cluster: Cluster) -> bool:
    """A place of a name ISO 3166 does not know and of no feature's or building's last word, never given a kind of
    place by the article other than a settlement's, nor a title ('Cllr Ann Lee' NER took for a place), nor
    abbreviated ('Wash.', a state), nor two places joined ('Kelsby and Dunmere', a seat named after its towns)."""
    if called_back_as(cluster) - _SETTLEMENT_WORDS:
        return False
    names = [(s, e) for s, e, kind in cluster.mentions if kind == "name"]
    titled = any(lower_key(doc[s]) in HONORIFICS or lower_key(doc[s]) in PERSON_ROLE_NOUNS for s, e in names)
    return bool(names) and _given_kinds(doc, cluster) <= _SETTLEMENT_WORDS and not titled and not cluster.titles \
        and not any(key.split()[-1] in NOT_SETTLEMENT_HEADS or key.endswith(".") or place_kinds(key) or is_subdivision(key)
                    or {"and", "&"} & set(key.split()) for key in cluster.keys)


def refer_to_named_by_head(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'the council' after 'Dunmere City Council', 'the club' after 'Kelsby Rovers', 'police' after 'Kelsby Police':
    the organisation or place named before that can be called so; of two, the one named in this sentence or the one
    before when the other is not."""
    by_noun: dict[str, list[Cluster]] = {}
    kinds = {cluster: called_back_as(cluster) | (ELECTORAL_AREA_NOUNS if _electoral_area(doc, cluster) else set())
             for cluster in clusters if cluster.type in {"ORG", "PLACE", "WORK", "EVENT"}}
    heads = {cluster: head_word_kinds(cluster) for cluster in kinds}
    new_nouns = set().union(*heads.values()) - set().union(*kinds.values()) if heads else set()
    kinds = {cluster: nouns | heads[cluster] for cluster, nouns in kinds.items()}
    said_nouns = set().union(*(cluster.kinds for cluster in kinds))  # what the article said one is
    for cluster, nouns in kinds.items():
        for noun in nouns:
            by_noun.setdefault(noun, []).append(cluster)
    unnamed_police = None
    not_people = [k for k in clusters if k.type != "PERSON"]
    of_no_kind = [k for k in clusters if k.type == "ORG" and not kinds.get(k)]
    unnamed_before: set[str] = set()  # the new nouns first used of one named after: 'the hall' before 'County Hall'
    for noun in tokens_spelling(doc, text, set(by_noun) | ORG_CALL_BACKS | {"police"}):
        start = call_back_start(noun)
        start = start if start is not None or noun.lower_ == "police" else _capitalised_call_back_start(noun)
        if start is not None and doc[start].lower_ == "this" and noun.lower_ in COUNTRY_NOUNS:
            continue  # 'this country' is the speaker's or the paper's, not the one named last
        if start is None or cluster_of(not_people, noun.i) is not None:
            continue  # it may sit inside a person's description: 'a surgeon at the university'
        options = by_noun.get(noun.lower_, [])
        if noun.lower_ in new_nouns and (noun.lower_ in unnamed_before or all(k.first > start for k in options)):
            unnamed_before.add(noun.lower_)
            continue
        if noun.lower_ in new_nouns and len(options) > 1:
            continue  # 'the farm' after 'Kelsby Farm' and 'the Save Kelsby Farm campaign'
        if noun.lower_ == "police" and not options:
            # 'Police said…' with no force named: the police of the story, one organisation
            if unnamed_police is None:
                unnamed_police = Cluster("ORG")
                clusters.append(unnamed_police)
                not_people.append(unnamed_police)
            unnamed_police.mentions.append((start, noun.i + 1, "description"))
            continue
        # 'police raided the house … Tom Reed, of Kelsby Police, said': the one force, named before or after
        before = [k for k in options if k.first < start] or (options if noun.lower_ == "police" else [])
        owner = _recent_one(doc, before, start)
        # "Reform's share rose, while the party…", "A Reform spokesman said the party…": an organisation of no known
        # kind in this sentence's subject is the one meant; of no known kind and only named in it, it may be. With
        # none named in this sentence and none known, the sentence before is read so ('Reform's leader spoke. The
        # party…').
        window = noun.sent.start
        unknown = [k for k in of_no_kind if k is not owner and any(window <= s < start for s, _, _ in k.mentions)]
        if not unknown and owner is None and window > 0:
            window = doc[window - 1].sent.start
            unknown = [k for k in of_no_kind if any(window <= s < start for s, _, _ in k.mentions)]
        subject = [k for k in unknown if any(window <= s < start and in_subject_phrase(doc[s:e].root)
                                             for s, e, _ in k.mentions)]
        if unknown and noun.lower_ in ORG_CALL_BACKS - new_nouns - said_nouns:  # 'the council' is of a known kind
            owner = subject[0] if len(subject) == 1 and len(unknown) == 1 and noun.lower_ in ORG_CALL_BACKS else None
        # 'Kelsby, a club in the league above,' … 'the club' in a story about another team the article never called
        # a club: a kind said of one is no evidence against an organisation of no known kind named more often
        if owner is not None and noun.lower_ in owner.kinds and noun.lower_ not in _name_kinds(owner) and any(
                names_before(k, start) > names_before(owner, start) for k in of_no_kind if k is not owner):
            owner = None
        if owner is None and not options[1:] and noun.lower_ in ORG_CALL_BACKS:
            owner = _story_organisation(of_no_kind, options, start)  # 'the club' in a story about one club
        # 'the town council' is not 'Kelsby County Council'
        places_said = {t.lower_ for t in doc[start + 1:noun.i] if t.dep_ == "compound"} & (PLACE_NOUNS | {"parish"})
        if owner is not None and places_said - {word for key in owner.keys for word in key.split()}:
            owner = None
        if noun.lower_ not in COUNTRY_NOUNS | PLACE_NOUNS:
            owner = _one_of_its_kind(doc, clusters, noun, start, owner, options, of_no_kind)
        # in a person's description, an organisation ('a surgeon at the university'), not a place: 'the country's
        # first minister' may be of another country than the one named last
        if owner is not None and (owner.type != "PLACE" or cluster_of(clusters, noun.i) is None) \
                and not brought_in_since(doc, owner, noun, start) \
                and may_join(doc, clusters, owner, noun, start, options):
            owner.mentions.append((start, noun.i + 1, "description"))


def brought_in_since(doc: Doc, owner: Cluster, noun: Token, start: int) -> bool:
    """Whether another one of a call-back's kind was brought in with 'a' since the one it would join was last
    mentioned: 'Kelsby General Hospital … a hospital in Tolby … the hospital' may be either. Not one said of a name
    ('Kelsby, a town of 900,') nor a kind of it ('a lifestyle trial')."""
    last = max((s for s, _, _ in owner.mentions if s < start), default=start)
    return any(t.lemma_.lower() == noun.lemma_.lower() and t.tag_ == "NN" and t.is_lower
               and doc[t.left_edge.i].lower_ in {"a", "an", "another"} and t.dep_ not in {"appos", "attr"}
               and not any(child.dep_ == "compound" for child in t.lefts) for t in doc[last:start])


def _one_of_its_kind(doc: Doc, clusters: list[Cluster], noun: Token, start: int, owner: Cluster | None,
                     options: list[Cluster], of_no_kind: list[Cluster]) -> Cluster | None:
    """Of a story naming two labels or two clubs, which one 'the label' or 'the club' at token `start` is: the one
    the clause's subject works for ('Acme's founder, Ann Lee, said the label…'); else, for the one the other rules
    chose, that one when the story is about it (`_named_most`), or the one this sentence or, with none there, the one
    before speaks of, when exactly one; else neither. An organisation of no known kind called so before is one too
    ('Kelsby' … 'the club' … 'Kelsby chairman Tom Reed said…' … 'the club')."""
    if owner is not None and owner.type == "PLACE":
        return owner
    same_kind = [k for k in options if k.first < start and k is not owner and k.type != "PLACE"] \
        + ([owner] if owner is not None else [])
    unknown = [k for k in of_no_kind if k not in same_kind and names_before(k, start)
               and called_before(doc, k, noun, start)] if noun.lower_ in ORG_CALL_BACKS else []
    if not same_kind + unknown:
        return owner
    employers = speaker_organisations(doc, clusters, noun, same_kind + unknown)
    if employers is not None:
        return employers[0] if len(employers) == 1 else None
    if owner is None or len(same_kind) + len(unknown) < 2 or _named_most(same_kind + unknown, start) is owner:
        return owner  # nothing else to weigh, or the club the story is about
    sentence = doc[start].sent.start
    for first in (sentence, sentence_start(doc, sentence, 1)):
        if first is None:
            break
        last = start if first == sentence else sentence
        named = [k for k in same_kind + unknown if any(first <= s < last and kind != "pronoun"
                                                       and spoken_of(doc[s:e].root) for s, e, kind in k.mentions)]
        if named:
            return named[0] if len(named) == 1 else None
    return None


# How news calls back a place that elects someone ('the seat', 'this ward'), and the words that say a place named
# is one: 'the Kelsby by-election', 'the Kelsby ward', 'MP for Kelsby'. From UK, US and Indian election reporting.
ELECTORAL_AREA_NOUNS = {"seat", "ward", "constituency"}
ELECTORAL_HEADS = {"election", "by-election", "bypoll", "seat", "ward", "constituency"}
MEMBERS_FOR = {"mp", "member", "councillor", "candidate", "mla", "msp", "representative", "congressman",
               "congresswoman", "senator", "assemblyman", "assemblywoman"}


def _electoral_area(doc: Doc, cluster: Cluster) -> bool:
    """Whether a place is named as one that elects someone: right before an election noun ('the Kelsby
    by-election', 'Kelsby seat') or after 'MP for' ('the by-election in' may name a region around it)."""
    if cluster.type != "PLACE":
        return False
    for start, end, kind in cluster.mentions:
        if kind != "name":
            continue
        after = end
        while after < min(end + 2, len(doc) - 1) and doc[after].is_lower and doc[after].dep_ in {"compound", "amod"} \
                and doc[after].lower_ not in ELECTORAL_HEADS | {"by"}:
            after += 1  # 'the Kelsby assembly seat', 'the Kelsby council by-election'
        if after < len(doc) and doc[after].is_lower and (doc[after].lower_ in ELECTORAL_HEADS or doc[after].lower_ == "by"
                                                          and doc[after + 1:after + 3].text == "-election"):
            return True
        if start >= 2 and doc[start - 1].lower_ == "for" and doc[start - 2].lower_ in MEMBERS_FOR:
            return True
    return False


def _story_organisation(of_no_kind: list[Cluster], options: list[Cluster], start: int) -> Cluster | None:
    """The organisation of no known kind a story is about, for 'the club' or 'the party' no evidence near it
    settles: named three times or more before token `start`, twice as often as any other of no known kind and more
    often than the one that can be called so."""
    most = _named_most(of_no_kind, start)
    if most is None or any(names_before(k, start) >= names_before(most, start) for k in options):
        return None
    return most


def _named_most(clusters: list[Cluster], start: int) -> Cluster | None:
    """The one of `clusters` named three times or more before token `start`, and twice as often as any other."""
    counts = sorted(((names_before(k, start), id(k), k) for k in clusters), key=lambda item: item[:2], reverse=True)
    if not counts or counts[0][0] < 3 or len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    return counts[0][2]


def call_back_start(noun: Token) -> int | None:
    """Where 'the <noun>' starts ('the club', 'the decades-old estate', 'this ward', bare 'police'), when the noun
    is one written in lower case with only words that say what it is before it; None for any other phrase."""
    doc = noun.doc
    first = noun.left_edge.i
    if first == noun.i and noun.lower_ == "police" and noun.dep_ != "compound" \
            and (noun.is_lower or noun.is_sent_start and noun.text[1:].islower()):
        return first  # 'Police said', 'told police'
    if not noun.is_lower or noun.tag_ not in {"NN", "NNS", "NNP"} or noun.dep_ == "compound" or first == noun.i:
        return None
    if doc[first].lower_ not in {"the", "this"} or any(t.dep_ == "prep" for t in noun.rights):
        return None
    between = doc[first + 1:noun.i]
    if any(not t.is_lower or t.lower_ in OTHER_ONE_WORDS or t.dep_ not in {"amod", "compound", "nummod", "punct",
                                                                           "npadvmod", "advmod"} for t in between):
        return None
    return first


def _capitalised_call_back_start(noun: Token) -> int | None:
    """Where 'the Bureau' or 'the Trust' starts, the head word of a name written capitalised after 'the' alone, as
    British and Australian news often does; not the start of a longer name ('the Bureau of Statistics')."""
    doc = noun.doc
    if noun.is_title and noun.tag_ == "NNP" and noun.i > 0 and doc[noun.i - 1].lower_ == "the" \
            and (noun.i + 1 == len(doc) or not (doc[noun.i + 1].is_title or doc[noun.i + 1].lower_ == "of")):
        return noun.i - 1
    return None


def _name_kinds(cluster: Cluster) -> set[str]:
    """The nouns an organisation's names themselves call it back by, without what the article said it is."""
    return called_back_as(cluster, said=False) | head_word_kinds(cluster)


def names_before(cluster: Cluster, start: int) -> int:
    """How many times an entity is named before token `start`."""
    return sum(kind == "name" and at < start for at, _, kind in cluster.mentions)


def _recent_one(doc: Doc, options: list[Cluster], start: int) -> Cluster | None:
    """The one of `options`, or of several the one mentioned last before `start` when that was in this sentence
    or the one before and no other was."""
    if len(options) <= 1:
        return options[0] if options else None
    window = sentence_start(doc, doc[start].sent.start, 1)
    window = doc[start].sent.start if window is None else window
    recent = [k for k in options if any(window <= s < start for s, _, _ in k.mentions)]
    return recent[0] if len(recent) == 1 else None


TEAM_LEADERS = frozenset(ENTITY_WORDS["team_leader_nouns"])
TEAM_NOUNS = frozenset(ENTITY_WORDS["team_nouns"])
# What one speaking for a country, party or union calls it with 'her': 'her country', 'his party'.
POSSESSED_NOUNS = frozenset({"country", "nation", "party", "union", "state", "city", "council", "government"})
POSSESSIVE_GENDERS = {"his": "male", "her": "female", "their": None}


def add_team_callbacks(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Kelsby coach Ann Lee said her side had been unlucky': a team's manager or captain calls the team 'her side'
    or 'his team'. When the clause's subject is named with one team's name before the role, 'her side' is that team;
    so, by the same reading, is 'her country' the one country, 'his party' the one party named before a subject
    ('Velnia's trade minister, Ann Lee, said her country…'). The pronoun must fit the subject's gender where known."""
    organisations = [k for k in clusters if k.type == "ORG"]
    others = [k for k in clusters if k.type != "PERSON"]
    people = [k for k in clusters if k.type == "PERSON"]
    for noun in tokens_spelling(doc, text, TEAM_NOUNS | POSSESSED_NOUNS) if others else []:
        owner = noun.left_edge
        if not noun.is_lower or noun.tag_ != "NN" or owner.i != noun.i - 1 or owner.lower_ not in POSSESSIVE_GENDERS \
                or cluster_of(clusters, noun.i) is not None:
            continue
        subject = subject_above(noun)
        if subject is None:
            continue
        person = cluster_of(people, subject.i)
        if person is not None and not gender_fits(person, POSSESSIVE_GENDERS[owner.lower_]):
            continue
        before = [t for t in subject.subtree if t.i < subject.i and is_capitalised(t)
                  and t.dep_ in {"compound", "poss", "nmod", "amod"}]
        if noun.lower_ in TEAM_NOUNS:
            roles = [t for t in subject.subtree if t.lemma_.lower() in TEAM_LEADERS and t.is_lower and t.i <= subject.i]
            named = {team for role in roles for t in role.lefts if t in before
                     for team in [_team_named(t, organisations)] if team is not None}
        else:
            named = {k for t in before for k in [cluster_of(others, t.i)] if k is not None
                     and noun.lower_ in called_back_as(k) | head_word_kinds(k)}
        if len(named) == 1:
            named.pop().mentions.append((owner.i, noun.i + 1, "description"))


def _team_named(word: Token, organisations: list[Cluster]) -> Cluster | None:
    """The organisation a word before a role names: the one whose mention it is in, or else the one organisation
    with that word in its name ('Rovers boss Ann Lee' in a match of Kelsby Rovers)."""
    holder = cluster_of(organisations, word.i)
    if holder is not None:
        return holder
    named = [k for k in organisations if any(lower_key(word) in key.split() for key in k.keys)]
    return named[0] if len(named) == 1 else None


