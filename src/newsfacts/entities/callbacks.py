"""Organisations, places, events and works called back by their kind: 'Acme, the Finnish carmaker,' and later
"the company"; "the town", "the seat", "the plant", "the novel"; and a disaster or breach the story never
names, called back as "the derailment" or "the hack". Like the descriptions of people, a call-back joins an
entity only on evidence, and where two fit it joins neither.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    COMPANY_NOUNS, HONORIFICS, INSTITUTION_HEADS, ORG_NOUNS, OTHER_COMPANY_WORDS, PERSON_ROLE_NOUNS, PLACE_HEADS,
    PLACE_NOUNS,
)
from ..parse import SUBJECT_DEPS, sentence_start
from .clusters import Cluster, cluster_of
from .names import place_noun_before
from .places import COUNTRY_NOUNS, is_subdivision, place_kinds
from .words import (
    CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, ENTITY_WORDS, KIND_NOUNS, LEGAL_FORMS, NEWSPAPER_ENDINGS,
    lower_key, tokens_spelling,
)


from .descriptions import NEVER_A_PERSON, described_spans, refer_back


# Participles that place a company ('the Oslo-based firm', 'the Texas-headquartered group').
BASED_WORDS = {"base", "based", "headquarter", "headquartered"}


EVENT_GROUPS = {noun: index for index, group in enumerate(ENTITY_WORDS["event_nouns"]) for noun in group}
SITE_NOUNS = frozenset(ENTITY_WORDS["unnamed_site_nouns"])
CALL_BACK_ONLY = frozenset(ENTITY_WORDS["call_back_only"])
SITE_WORDS = SITE_NOUNS | (CALL_BACK_ONLY - set(EVENT_GROUPS))
EVENT_OR_SITE_WORDS = frozenset(EVENT_GROUPS) | SITE_WORDS


# Groups of nouns news uses by turns for one thing ('the band' … 'the group'), by each noun in them.
KIND_SYNONYMS: dict[str, set[str]] = {}
for _group in ENTITY_WORDS["kind_synonyms"]:
    for _noun in set(_group) - set(ENTITY_WORDS["generic_kinds"]):
        KIND_SYNONYMS.setdefault(_noun, set()).update(_group)
GENERIC_KINDS = frozenset(ENTITY_WORDS["generic_kinds"])
NOT_KINDS = frozenset(ENTITY_WORDS["not_kinds"])
AGENT_NOUNS: dict[str, list[str]] = ENTITY_WORDS["agent_nouns"]
NAMING_WORDS = {"called", "named", "titled", "entitled", "dubbed"}
REGULATOR_WORDS = frozenset(ENTITY_WORDS["regulator_words"])
# Nouns before or beside a name that only an organisation is called: a name NER took for a person's is none.
BODY_ONLY_NOUNS = frozenset(ENTITY_WORDS["kind_synonyms"][0]) | {"label", "consortium", "charity", "company", "firm"}


def add_described_kinds(doc: Doc, clusters: list[Cluster]) -> None:
    """What the article itself says a named organisation, place, event or work is becomes the nouns it may be called
    back by in this article: a noun set beside it ('Kelsby Foods, a bakery chain,' … 'the chain', 'the bakery'), said
    of it ('Kelsby Partners is a consortium'), standing right before its name ('payments firm Kelsby', 'indie trio
    Kelsby', 'a memoir called Kelsby Nights'), or made from a verb it is the doer of ('operated by Kelsby Rail' … 'the
    operator'), with the other nouns news uses by turns for its kind ('the band' … 'the group')."""
    for cluster in (k for k in clusters if k.type != "PERSON" or not k.titles):
        nouns: set[Token] = set()
        mentions: list[tuple[int, int, str]] = []
        agents: set[str] = set()
        for start, end, kind in cluster.mentions:
            if kind != "name":
                continue
            root = doc[start:end].root
            for first, last, noun in described_spans(root, _a_kind):
                nouns.add(noun)
                if noun.lower_ not in KIND_NOUNS | ORG_NOUNS and not first <= root.i < last \
                        and cluster_of(clusters, noun.i) is None:
                    mentions.append((first, last, "description"))  # 'the consortium, Kelsby Partners,'
            if start > 0 and (_a_kind(doc[start - 1]) or _kind_opening_sentence(doc[start - 1])) \
                    and doc[start - 1].dep_ in {"compound", "appos", "nmod"} \
                    and (start < 2 or doc[start - 2].text not in {",", "'s", "’s"}):
                nouns.add(doc[start - 1])  # 'payments firm Kelsby', not 'the firm's Kelsby' nor 'a fund, Kelsby'
                described = _described_before(doc, start)
                if described < start - 1:
                    mentions.append((described, end, "description"))  # 'Leeds indie trio Kelsby Lanterns'
            if start >= 2 and doc[start - 1].lower_ in NAMING_WORDS and _a_kind(doc[start - 2]):
                nouns.add(doc[start - 2])  # 'a memoir called Kelsby Nights'
            if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
                nouns.update(t for t in root.head.children if t.dep_ == "attr" and _a_kind(t))
            agents |= {noun for verb in _verbs_done_by(root) for noun in AGENT_NOUNS.get(verb.lemma_, ())}
        words = {_hyphened(noun).lower() for noun in nouns}
        words |= {t.lower_ for noun in nouns for t in noun.lefts if t.dep_ == "compound" and _a_kind(t)}
        if cluster.type == "PERSON":
            if not words & BODY_ONLY_NOUNS:
                continue  # 'his father, Tom Reed,' is read with the people
            cluster.type, cluster.gender = "ORG", None  # 'indie trio Rosa Lanterns' is a band, whatever NER said
        cluster.mentions.extend(mentions)
        cluster.kinds |= agents
        for word in words:
            if word not in COMPANY_NOUNS:  # every company is 'the company': add_organisation_descriptions weighs those
                cluster.kinds |= KIND_SYNONYMS.get(word, {word})


def _kind_opening_sentence(noun: Token) -> bool:
    """'Developer Kelsby Homes said …': a noun for a kind of organisation, capitalised as a sentence's first word."""
    return noun.is_sent_start and noun.text[1:].islower() and noun.lower_ in ORG_NOUNS | TRADE_NOUNS | set(KIND_SYNONYMS)


def _verbs_done_by(root: Token) -> list[Token]:
    """The verbs a name is the doer of: 'operated by Kelsby Rail', 'Kelsby Rail operates', 'Acme agreed to buy'."""
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return [root.head.head]
    if root.dep_ == "nsubj":
        return [root.head] + [t for t in root.head.children if t.dep_ == "xcomp"]
    return []


def _hyphened(noun: Token) -> str:
    """The word a noun ends, with the words joined to it by hyphens: 'four-piece', which the tokenizer splits."""
    doc, first = noun.doc, noun.i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_:
        first -= 2
    return doc[first:noun.i + 1].text.lower()


def _described_before(doc: Doc, start: int) -> int:
    """Where the words that describe a name from before it start ('Leeds indie trio' in 'Leeds indie trio Kelsby
    Lanterns signed'): lower-case words and hyphens, and one capitalised word leading them (a place or nationality);
    not a determiner."""
    first = start
    while first > 0 and (doc[first - 1].is_lower and doc[first - 1].pos_ in {"NOUN", "ADJ", "NUM", "VERB"}
                         or doc[first - 1].text == "-" or doc[first - 1].like_num):
        first -= 1
    before = doc[first - 1] if 0 < first < start else None
    if before is not None and before.is_title and before.tag_ in {"NNP", "NNPS", "JJ"} and before.dep_ != "poss" \
            and before.ent_type_ not in {"PERSON", "DATE", "TIME"}:
        first -= 1  # 'Leeds' or 'Danish', which NER may call anything
    return first


def _a_kind(noun: Token) -> bool:
    """A common noun that can say what kind of thing a name is: no person's role, no word for any thing at all."""
    word = _hyphened(noun)
    return noun.is_lower and noun.tag_ == "NN" and not noun.ent_type_ and word not in NOT_KINDS | PERSON_ROLE_NOUNS \
        and word.replace("-", "").isalpha()


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
        elif (start := _call_back_start(noun)) is not None:
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


def add_organisation_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Acme, the Finnish carmaker,' is a mention of Acme; later 'the company' or 'the firm' is one of the
    organisation named most often so far, when one is named more often than any other. Other nouns point back
    only at the one organisation described so ('a venture fund, Oakline' … 'the fund', 'the band X' … 'the
    band')."""
    organisations = [k for k in clusters if k.type == "ORG"]
    described: dict[str, dict[Cluster, int]] = {}  # noun -> the organisations it was set beside, and where first
    for cluster in organisations:
        for start, end, kind in list(cluster.mentions):
            root = doc[start:end].root
            for first, last, noun in described_spans(root, lambda noun: noun.lemma_.lower() in ORG_NOUNS):
                if kind == "name" and not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                    described.setdefault(noun.lemma_.lower(), {}).setdefault(cluster, start)
    # the company nouns are read below; one fixed word list keeps the regex compiled once
    for noun in tokens_spelling(doc, text, ORG_NOUNS - COMPANY_NOUNS) if set(described) - COMPANY_NOUNS else []:
        if noun.lemma_.lower() in described and noun.tag_ == "NN" and noun.i > 0 and doc[noun.i - 1].lower_ == "the" \
                and noun.left_edge.i == noun.i - 1 and cluster_of(organisations, noun.i) is None:
            refer_back(doc, described[noun.lemma_.lower()], noun.i - 1, noun.i + 1, clusters)
    said_company = _said_to_be_companies(doc, clusters, described)
    organisations = [k for k in clusters if k.type == "ORG"]
    companies_of_name = None
    for noun in doc:
        if not (noun.lemma_.lower() in COMPANY_NOUNS and noun.is_lower and noun.tag_ == "NN" and noun.i > 0) \
                or noun.lemma_.lower() in OTHER_COMPANY_WORDS:
            continue  # 'the supplier' is most often another company than the one the story is about
        lefts = list(noun.lefts)
        if not (lefts and lefts[0].lower_ == "the" and lefts[0].i == noun.left_edge.i
                and all(_industry_or_nationality(t) for t in lefts[1:])):
            continue
        if cluster_of(organisations, lefts[0].i) is not None:
            continue  # it may sit inside a person's description: 'the company's president'
        if companies_of_name is None:
            # an organisation whose name says it is of another kind ('Kelsby Hospital', 'the Safety Board') is none
            # nor is one the article called a building ('X, a 212-unit complex'); a trade it was given ('X, the
            # grocer') says it may be
            companies_of_name = [k for k in organisations if not any(key.split()[-1] in INSTITUTION_HEADS
                                                                      for key in k.keys)
                                 and not k.kinds & BUILDING_KINDS
                                 and (k in said_company or not (nouns := called_back_as(k) - k.kinds)
                                      or nouns & COMPANY_NOUNS)]
        companies = companies_of_name
        # "the construction company" is one whose name or description says so, when one does; "the Oslo-based
        # firm" is not one said to be based elsewhere
        trade = {t.lower_ for t in lefts[1:] if t.dep_ == "compound" and t.is_lower}
        if trade:
            companies = [k for k in companies if trade <= _words_describing(doc, k)] or companies
        based = _based_in(lefts[1:])
        if based:
            bases = {k: _bases(doc, k) for k in companies}
            companies = [k for k in companies if bases[k] <= {based}]
            companies = [k for k in companies if bases[k]] or companies
        # 'Acme Group … its unit Acme Steel … the group': the group is one whose name ends so, when one does
        ending = [k for k in organisations if noun.lower_ in {key.split()[-1] for key in k.keys if " " in key}]
        # 'indie trio Kelsby' … 'the group', 'Kelsby Airways' … 'the airline': the one the article or its name called
        # so; with another whose name ends so, neither
        said_so = [k for k in organisations if noun.lower_ in k.kinds | _head_word_kinds(k)]
        if said_so and ending and set(said_so) != set(ending):
            continue
        # 'the miner' is 'Kelsby Minerals', 'the brewer' 'Kelsby Brewing', when one name says the trade
        trade_named = [k for k in organisations if noun.lower_ not in GENERIC_COMPANY_NOUNS
                       and any(word.startswith(noun.lower_[:4]) for key in k.keys for word in key.split()[1:])]
        companies = said_so or ending or trade_named or companies
        named = [k for k in companies if k.first < noun.i]
        # Two companies named in this sentence or the one before leave 'the company' unsaid, unless the article said
        # only one of them is a company ('energy company Acme', 'Acme, the carmaker', 'Acme plc'); so does a tie.
        window = sentence_start(doc, noun.sent.start, 1)
        recent = [k for k in named if any((noun.sent.start if window is None else window) <= start < noun.i
                                          for start, _, kind in k.mentions if kind == "name")]
        # A name with a legal form ('Acme Holdings plc') says it is a company; an agency or a board does not.
        incorporated = [k for k in named if any(key.split()[-1] in LEGAL_FORMS for key in k.keys if " " in key)]
        evidenced = [k for k in named if k in said_company]
        if len(recent) > 1:
            strong = [k for k in recent if k in evidenced or k in incorporated]
            if len(strong) == 1:
                strong[0].mentions.append((lefts[0].i, noun.i + 1, "description"))
            continue
        counts = sorted(((_names_before(k, noun.i), id(k), k) for k in companies), key=lambda item: item[:2],
                        reverse=True)
        # Named once, it is the company only when no other organisation was named yet: a story citing a news
        # agency once about a fire is not about the agency.
        named_before = sum(k.first < noun.i for k in organisations)
        # 'Acme, the German group,' … 'the group': the one organisation set beside that noun before, or called so
        beside = [k for k, at in described.get(noun.lemma_.lower(), {}).items() if at < noun.i]
        beside = beside or [k for k in said_so if k.first < noun.i]
        if len(beside) == 1 and not trade:
            beside[0].mentions.append((lefts[0].i, noun.i + 1, "description"))
        elif counts and counts[0][0] and (len(counts) == 1 or counts[0][0] > counts[1][0]) \
                and (counts[0][0] > 1 or named_before == 1):
            counts[0][2].mentions.append((lefts[0].i, noun.i + 1, "description"))
        elif len(evidenced) == 1 and not trade:
            evidenced[0].mentions.append((lefts[0].i, noun.i + 1, "description"))
        elif len(incorporated) == 1 and not trade:
            incorporated[0].mentions.append((lefts[0].i, noun.i + 1, "description"))


# Company nouns that say no trade: those never said of a person, but for a subsidiary (a place in a group).
GENERIC_COMPANY_NOUNS = NEVER_A_PERSON - {"subsidiary"}
# Nouns before a name that say what trade a company is in, though a person may be called so too ('the developer').
TRADE_NOUNS = {"utility", "provider", "operator", "developer", "producer", "maker", "housebuilder"}
# Nouns before a name that only an organisation is called: 'utility Acme', never 'utility Ann Lee' ('the miner Tom
# Reed' and 'the publisher Ann Lee' are people).
ORGANISATION_ONLY = {"company", "firm", "group", "conglomerate", "carmaker", "automaker", "chipmaker", "drugmaker",
                     "lender", "insurer", "airline", "manufacturer", "utility", "subsidiary", "startup", "start-up"}
COMPANY_EVIDENCE = COMPANY_NOUNS | OTHER_COMPANY_WORDS | TRADE_NOUNS


def _said_to_be_companies(doc: Doc, clusters: list[Cluster], described: dict[str, dict[Cluster, int]]) -> set[Cluster]:
    """The organisations the article says are companies: set beside a company noun ('Acme, the carmaker,') or
    named right after one ('energy company Acme', 'its subsidiary Acme'). A name NER took for a person's is an
    organisation when a company noun stands before it so."""
    said = {k for noun, holders in described.items() if noun in COMPANY_NOUNS for k in holders}
    said |= {k for k in clusters if k.type == "ORG" and k.kinds & COMPANY_EVIDENCE}  # 'operated by Acme'
    for cluster in (k for k in clusters if k.type in {"ORG", "PERSON"}):
        for start, end, kind in cluster.mentions:
            before = doc[start - 1] if start > 0 else None
            if kind == "name" and before is not None and before.is_lower and before.tag_ == "NN" \
                    and before.lemma_.lower() in COMPANY_EVIDENCE \
                    and before.dep_ == "compound" and start <= before.head.i < end:
                if cluster.type == "PERSON" and not cluster.titles and before.lemma_.lower() in ORGANISATION_ONLY:
                    cluster.type = "ORG"
                if cluster.type == "ORG":
                    said.add(cluster)
                break
    return said


def _based_in(modifiers: list[Token]) -> str | None:
    """The place in 'the Oslo-based firm' ('oslo'), from the words before the company noun."""
    for modifier in modifiers:
        if modifier.dep_ == "amod" and modifier.lemma_.lower() in BASED_WORDS:
            place = [t.lower_ for t in modifier.lefts if t.pos_ == "PROPN"]
            return " ".join(place) if place else None
    return None


def _bases(doc: Doc, cluster: Cluster) -> set[str]:
    """The places an organisation is said to be based in where named ('Oslo-based Acme')."""
    bases = set()
    for start, _, kind in cluster.mentions:
        before = doc[start - 1] if start > 0 else None
        if kind == "name" and before is not None and before.lemma_.lower() in BASED_WORDS:
            place = [t.lower_ for t in before.lefts if t.pos_ == "PROPN"]
            if place:
                bases.add(" ".join(place))
    return bases


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
        if doc[start].lower_ == "the" and start == noun.i - 1:
            refer_back(doc, nouns[noun.lemma_.lower()], start, noun.i + 1, clusters)


# Last words of a place's name that make it no town: a feature, a building, an area ('Kelsby Valley', 'Kelsby Shire').
NOT_SETTLEMENT_HEADS = PLACE_HEADS | COMMON_PLACE_HEADS | PLACE_NOUNS | {"shire", "heights", "county", "coast",
                                                                         "estate", "gardens", "court", "north",
                                                                         "south", "east", "west", "central"}


def add_settlement_callbacks(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Flooding cut off Kelsby … the town's mayor said': a story about one town calls it 'the town' or 'the city'
    without ever saying it is one. The place so called is the one town-like place named before: not a country or a
    region ISO 3166 knows, no feature or building, and not called another kind of place by the article ('the village
    of Kelsby'), or the one of them the story is about, named at least three times and twice as often as any other."""
    places = [k for k in clusters if k.type == "PLACE"]
    towns = [k for k in places if _town_like(doc, k)]
    if not towns:
        return
    for noun in tokens_spelling(doc, text, set(TOWN_NOUNS)):
        start = _call_back_start(noun)
        if start is None or noun.tag_ != "NN" or cluster_of(clusters, noun.i) is not None:
            continue
        counts = sorted(((_names_before(k, start), id(k), k) for k in towns), key=lambda item: item[:2], reverse=True)
        counts = [(count, k) for count, _, k in counts if count]
        # the one named before, or the one the story is about: named three times or more, twice as often as any other
        if len(counts) == 1 or counts and counts[0][0] >= 3 and counts[0][0] >= 2 * counts[1][0]:
            counts[0][1].mentions.append((start, noun.i + 1, "description"))


def _town_like(doc: Doc, cluster: Cluster) -> bool:
    """A place of a name ISO 3166 does not know and of no feature's or building's last word, never given a kind of
    place by the article other than a town's or city's, nor a title ('Cllr Ann Lee' NER took for a place)."""
    if called_back_as(cluster) - set(TOWN_NOUNS):
        return False
    names = [(s, e) for s, e, kind in cluster.mentions if kind == "name"]
    given = {noun.lemma_.lower() for s, e in names if (noun := place_noun_before(doc, s, e)) is not None}
    titled = any(lower_key(doc[s]) in HONORIFICS or lower_key(doc[s]) in PERSON_ROLE_NOUNS for s, e in names)
    return bool(names) and given <= set(TOWN_NOUNS) and not titled and not cluster.titles \
        and not any(key.split()[-1] in NOT_SETTLEMENT_HEADS or place_kinds(key) or is_subdivision(key)
                    for key in cluster.keys)


# Kinds of site a company runs: 'the Acme plant' is a place of Acme's, not Acme.
FACILITY_NOUNS = frozenset({"plant", "factory", "site", "facility", "mine", "smelter", "store", "shop", "hotel",
                            "laboratory", "lab", "warehouse", "refinery", "depot", "mill", "works"})


def add_kind_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """'Kelsby Court, a housing complex,' and 'the Kelsby Court complex' are mentions of Kelsby Court, and tell
    what it is: later 'the complex' may call it back."""
    for cluster in (k for k in clusters if k.type in {"ORG", "PLACE", "WORK"}):
        for start, end, kind in list(cluster.mentions):
            if kind != "name":
                continue
            root = doc[start:end].root
            described = described_spans(root, lambda noun: noun.is_lower and noun.lemma_.lower() in KIND_NOUNS)
            head = root.head
            # 'the Kelsby Court complex', not 'a Kelsby estate' (one in Kelsby) nor 'the Kelsby estate' of a town
            if root.dep_ == "compound" and head.i >= end and head.is_lower and head.tag_ == "NN" \
                    and head.lemma_.lower() in KIND_NOUNS and all(t.dep_ == "compound" for t in doc[end:head.i]) \
                    and doc[head.left_edge.i].lower_ == "the" and _building_or_body(cluster) \
                    and not (cluster.type == "ORG" and head.lemma_.lower() in FACILITY_NOUNS):
                if head.i == end or _named_as_building(cluster):
                    described.append((head.left_edge.i, head.i + 1, head))  # 'the Kelsby Court housing complex'
                elif head.lemma_.lower() not in ORG_NOUNS and cluster_of(clusters, head.i) is None:
                    # 'the Kelsby showground evacuation centre' (Kelsby taken for a body) is a place at Kelsby
                    clusters.append(Cluster("PLACE", mentions=[(head.left_edge.i, head.i + 1, "description")]))
            for first, last, noun in described:
                if cluster_of([k for k in clusters if k is not cluster], noun.i) is not None:
                    continue  # 'the Acme plant' brought in as a site of its own
                if not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                elif first < start:
                    cluster.mentions.append((first, last, "description"))  # 'the Kelsby Court complex'
                cluster.kinds.add(noun.lemma_.lower())


def _building_or_body(cluster: Cluster) -> bool:
    """An organisation, or a place named as a building or site ('Kelsby Court', 'Kelsby Hall'), not a town."""
    return cluster.type == "ORG" or _named_as_building(cluster)


def _named_as_building(cluster: Cluster) -> bool:
    return any(key.split()[-1] in PLACE_HEADS | COMMON_PLACE_HEADS | {"court"} for key in cluster.keys)


HOUSING_NOUNS = frozenset(ENTITY_WORDS["housing_nouns"])
LAW_COURT_WORDS = frozenset(ENTITY_WORDS["law_court_words"])
# Call-back nouns that may mean an organisation of no kind the stage knows ('the party' after 'Reform').
ORG_CALL_BACKS = {"party", "club", "team", "side", "union"}
# Words before a call-back noun that make it another one than the one named: 'the rival club', 'the other party'.
OTHER_ONE_WORDS = OTHER_COMPANY_WORDS | {"other", "another", "former", "new", "opposing", "visiting", "neighbouring",
                                         "next", "previous", "local"}


def called_back_as(cluster: Cluster, said: bool = True) -> set[str]:
    """The nouns by which news calls back an organisation or place with 'the': words of its name ('the council'
    after 'Kelsby City Council', 'the abbey' after 'Kelsby Abbey'), its kind as a club or newspaper ('the club'
    after 'Kelsby Rovers'), what kind of place ISO 3166 says it is ('the state' after 'Queensland'), and the other
    words for a block of homes ('the estate' after 'the Kelsby Court complex'); and, when `said`, what the article said
    it is."""
    nouns: set[str] = set(cluster.kinds) if said else set()
    for key in cluster.keys:
        words = key.split()
        head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
        for at, word in enumerate(words):
            # 'the county' is not 'Kelsby County Council', nor 'the school' 'the Kelsby School District': a kind of
            # place or of institution counts only as the name's head word
            if at == head or cluster.type != "ORG" or word not in PLACE_NOUNS | KIND_NOUNS:
                nouns.update(ENTITY_WORDS["called_back_as"].get(word, ()))
        if cluster.type == "ORG" and len(words) > 1 and words[-1] in CLUB_ENDINGS | CLUB_OR_PLACE_ENDINGS:
            nouns.update(ENTITY_WORDS["club_nouns"])
        if cluster.type == "ORG" and len(words) > 1 and words[-1] in NEWSPAPER_ENDINGS:
            nouns.update(ENTITY_WORDS["newspaper_nouns"])
        if cluster.type == "PLACE":
            nouns |= place_kinds(key)
        if len(words) > 1 and words[-1] == "court" and not set(words[:-1]) & LAW_COURT_WORDS:
            nouns |= HOUSING_NOUNS
    return nouns | HOUSING_NOUNS if nouns & HOUSING_NOUNS else nouns


# Kinds of building or site: what is called so is no company, and an organisation named so is housed in it.
BUILDING_KINDS = HOUSING_NOUNS | FACILITY_NOUNS | {"building", "hall", "venue", "stadium", "ground", "block", "tower",
                                                   "campus", "farm", "field", "garden", "green", "common", "wood"}


def _head_word_kinds(cluster: Cluster) -> set[str]:
    """'the hospice' after 'Kelsby Hospice', 'the label' after 'Kelsby Records', 'the dispute' after 'the Kelsby
    wharf dispute': the head word of a name of more than one word says what it is, and calls it back, when it is a
    word of English that says so. Not a title's ('Salt in the Engine'), a legal form, a court's (read with the law
    courts' words), nor a plural ('the records'); for an organisation no building or kind of place ('County Hall' is
    the council's seat, 'Kelsby Town' no town). A body whose name says it regulates is 'the regulator'."""
    nouns: set[str] = set()
    for key in cluster.keys if cluster.type != "WORK" else ():
        words = key.split()
        word = words[words.index("of") - 1 if "of" in words[1:] else -1]
        if cluster.type == "ORG" and set(words) & REGULATOR_WORDS and not set(words) & {"council", "police"}:
            nouns |= KIND_SYNONYMS["regulator"]  # 'the Kelsby Water Commission' … 'the regulator'
        if len(words) < 2 or not word.isalpha() or word in NOT_KINDS | LEGAL_FORMS | {"court", "capital"} \
                or cluster.type == "ORG" and word in PLACE_NOUNS | CLUB_OR_PLACE_ENDINGS | PLACE_HEADS:
            continue
        # the group's generic words ('the event' for a festival) need the article to say so itself: a story
        # with a festival and a news conference has two events
        nouns |= (KIND_SYNONYMS.get(word, {word}) - GENERIC_KINDS | {word}) - ({word} if word.endswith("s") else set())
    return nouns


def refer_to_named_by_head(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'the council' after 'Dunmere City Council', 'the club' after 'Kelsby Rovers', 'police' after 'Kelsby Police':
    the organisation or place named before that can be called so; of two, the one named in this sentence or the one
    before when the other is not."""
    by_noun: dict[str, list[Cluster]] = {}
    kinds = {cluster: called_back_as(cluster) | (ELECTORAL_AREA_NOUNS if _electoral_area(doc, cluster) else set())
             for cluster in clusters if cluster.type in {"ORG", "PLACE", "WORK", "EVENT"}}
    heads = {cluster: _head_word_kinds(cluster) for cluster in kinds}
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
    for noun in tokens_spelling(doc, text, set(by_noun) | {"police"}):
        start = _call_back_start(noun)
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
        # "Reform's share rose, while the party…": an organisation of no known kind that is this sentence's subject
        # is the one meant; of no known kind and only named in it, it may be.
        unknown = [k for k in of_no_kind if k is not owner and any(noun.sent.start <= s < start for s, _, _ in k.mentions)]
        subject = [k for k in unknown if any(noun.sent.start <= s < start and _in_subject_phrase(doc[s:e].root)
                                             for s, e, _ in k.mentions)]
        if unknown and noun.lower_ in ORG_CALL_BACKS - new_nouns - said_nouns:  # 'the council' is of a known kind
            owner = subject[0] if len(subject) == 1 and len(unknown) == 1 and noun.lower_ in ORG_CALL_BACKS else None
        # 'Kelsby, a club in the league above,' … 'the club' in a story about another team the article never called
        # a club: a kind said of one is no evidence against an organisation of no known kind named more often
        if owner is not None and noun.lower_ in owner.kinds and noun.lower_ not in _name_kinds(owner) and any(
                _names_before(k, start) > _names_before(owner, start) for k in of_no_kind if k is not owner):
            owner = None
        # 'the town council' is not 'Kelsby County Council'
        places_said = {t.lower_ for t in doc[start + 1:noun.i] if t.dep_ == "compound"} & (PLACE_NOUNS | {"parish"})
        if owner is not None and places_said - {word for key in owner.keys for word in key.split()}:
            owner = None
        # in a person's description, an organisation ('a surgeon at the university'), not a place: 'the country's
        # first minister' may be of another country than the one named last
        if owner is not None and (owner.type != "PLACE" or cluster_of(clusters, noun.i) is None):
            owner.mentions.append((start, noun.i + 1, "description"))


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


def _in_subject_phrase(token: Token) -> bool:
    """A clause's subject, or the possessor in one ('Acme's profit rose')."""
    return token.dep_ in SUBJECT_DEPS or token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS


def _call_back_start(noun: Token) -> int | None:
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
    return called_back_as(cluster, said=False) | _head_word_kinds(cluster)


def _names_before(cluster: Cluster, start: int) -> int:
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


def _words_describing(doc: Doc, cluster: Cluster) -> set[str]:
    """The lower-case words of an organisation's names and descriptions."""
    return {t.lower_ for start, end, kind in cluster.mentions if kind in {"name", "description"}
            for t in doc[start:end]}


def _industry_or_nationality(modifier: Token) -> bool:
    """'mining' or 'Chilean' in 'the Chilean mining group', 'Oslo' in 'the Oslo firm' or 'the Oslo-based firm', and
    an age ('the 140-year-old group') say what or where the company is; 'rival' or 'parent' in 'the rival company' point at another one."""
    if modifier.ent_type_ in {"NORP", "GPE"} or modifier.dep_ == "amod" and modifier.lemma_.lower() in BASED_WORDS:
        return True
    if modifier.lower_ in {"year", "old"} and any(t.like_num for t in modifier.head.subtree if t.i < modifier.i):
        return True  # 'the 140-year-old group'

    return modifier.dep_ == "compound" and modifier.is_lower and modifier.pos_ == "NOUN" \
        and modifier.lower_ not in OTHER_COMPANY_WORDS
