"""Merging names into one entity per person, organisation, place, event or work: full names anchor the
shorter forms, titles join the one who holds them, aliases and appositions join the names set beside them, and
two different full names never merge. Who a lone name word means is read in `short_names`.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..lexicon import (
    ALIAS_CUES, HONORIFICS, INSTITUTION_HEADS, PEERAGES, PERSON_ROLE_NOUNS, PLACE_HEADS, ROYAL_HONORIFICS,
)
from .candidates import Candidate
from .places import country_code, is_known_place
from .clusters import Cluster, compatible, merge, nearest, same_full_name, surnames
from .short_names import (
    PLAIN_ADDRESS, TITLED_RANKS, TOWN_CLUB_ENDINGS, People, add_untagged_short_names, drop_doubtful_addresses,
    named_otherwise_since, peer_by_territory, people_named_otherwise, settle_lone_words, short_name_owner,
    short_name_owners, surname_mistagged, told_apart_by_age,
)
from .words import (
    CLUB_ENDINGS, CLUB_OR_PLACE_ENDINGS, COMPANY_ENDINGS, ENTITY_WORDS, LEGAL_FORMS, NEWSPAPER_ENDINGS,
    PLACE_PREPOSITIONS, alias_cue_before, honorific_gender, is_capitalised, is_first_name, lower_key, same_given_name,
    standing_alone, tokens_spelling,
)


def cluster_names(doc: Doc, text: str, candidates: list[Candidate]) -> list[Cluster]:
    clusters: list[Cluster] = []

    def new(candidate: Candidate) -> None:
        cluster = Cluster(candidate.type)
        cluster.add(candidate)
        clusters.append(cluster)

    lower_case_words = _LowerCaseWords(doc)
    candidates = settle_lone_words(doc, candidates, lower_case_words)
    people = [c for c in candidates if c.type == "PERSON"]
    # Full names first: they anchor the shorter forms.
    for c in (c for c in people if len(c.personal) > 1):
        match = next((k for k in clusters if any(_same_person_name(c.personal, n) for n in k.personal)), None)
        match.add(c) if match else new(c)
    for c in (c for c in people if c.place):
        match = next((k for k in clusters if (next(iter(c.titles)), c.place) in k.places), None)
        match.add(c) if match else new(c)
    index = People(doc)
    company_words = _company_short_names(candidates)
    others_named = people_named_otherwise(doc, candidates)
    for c in (c for c in people if len(c.personal) == 1):
        if c.personal[0] in company_words and not c.titles:
            # 'Reed Foods … Reed will buy … its chief, Tom Reed': the company's short name before anyone of that
            # surname is named; once one is, the word may be either, and is left to neither
            if all(index.starts(k)[0] > c.start for k in short_name_owners(c, clusters)):
                company_words[c.personal[0]].append(Candidate(c.start, c.end, "ORG", "name", key=c.personal[0]))
            continue
        if peer := peer_by_territory(c, clusters):
            # the place is no personal name: it must not keep the peer apart from his own ('Tom Reed, Earl of X')
            index.add(peer, Candidate(c.start, c.end, "PERSON", "title", titles=c.titles, gender=c.gender))
            continue
        options = short_name_owners(c, clusters)
        if told_apart_by_age(doc, c, options, index):
            continue
        match = short_name_owner(doc, c, options, index)
        if match is not None and named_otherwise_since(others_named, c, index.starts(match)):
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
        mistagged = None if company_first else surname_mistagged(c, doc, clusters, organisation_openers)
        if mistagged is not None:
            person, name = mistagged
            person.add(name)
            continue
        match = next((k for k in clusters if c.key in k.keys and k.type != "PERSON"), None)
        if match is None and not _branch_named(c, clusters):
            match = _same_country(c, clusters) or _same_company(c, clusters) or _same_party(c, clusters) \
                or _short_form_of(c, doc, clusters) or _long_form_of(c, doc, clusters)
        match.add(c) if match else new(c)
    for cluster in clusters:
        cluster.type = cluster.types.most_common(1)[0][0] if cluster.type != "PERSON" else "PERSON"
    add_untagged_short_names(doc, text, clusters, lower_case_words, set(company_words), others_named)
    _merge_bracketed_short_forms(doc, clusters)
    add_untagged_names_of_things(doc, text, clusters)
    _merge_appositions(doc, clusters)
    _merge_given_name_with_peerage(doc, clusters)
    _merge_titles_in_capitals(doc, clusters)
    _merge_aliases(doc, clusters)
    _merge_peerage_with_royal_name(clusters)
    _merge_first_word_of_organisation(clusters)
    _merge_first_words_typed_otherwise(doc, clusters)
    _plain_address_off_peers(doc, clusters)
    drop_doubtful_addresses(doc, clusters)
    return clusters


class _LowerCaseWords:
    """Words the article writes in lower case somewhere: a capitalised one may still be no name. Read from the
    Doc's arrays and kept by hash: a Token object, or a string from the vocabulary, per word costs more than
    hashing the few words looked up."""

    def __init__(self, doc: Doc):
        spellings = doc.to_array(["ORTH", "IS_LOWER"])
        self._hashes = set(spellings[spellings[:, 1] == 1, 0].tolist())

    def __contains__(self, word: str) -> bool:
        return get_string_id(word) in self._hashes


# The words before a father's name in Malay names ('Farid Hakim bin Osman'), whose bearer news calls by the
# names before it ('Mr Farid Hakim').
PATRONYMIC_WORDS = {"bin", "binti", "bte", "binte"}


def _same_person_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: the same first and last words, or one the given names before the other's
    patronymic."""
    return same_full_name(a, b) or _before_patronymic(a) == b or _before_patronymic(b) == a


def _before_patronymic(name: tuple[str, ...]) -> tuple[str, ...] | None:
    at = next((i for i, word in enumerate(name) if word.split()[0] in PATRONYMIC_WORDS), 0)  # 'bin osman' one word
    return name[:at] if at >= 2 else None


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


# Last words of names an institution, a club or a newspaper takes from its place ('Kelsby Council', 'Kelsby Town',
# 'the Kelsby Gazette'): the first word alone is the place.
NAMED_AFTER_A_PLACE = INSTITUTION_HEADS | TOWN_CLUB_ENDINGS | NEWSPAPER_ENDINGS


def _merge_first_word_of_organisation(clusters: list[Cluster]) -> None:
    """'Halvik' before 'Halvik Lines' is named, as well as after: an organisation known only by one word is the one
    company whose longer name starts with it, or else the one club whose name ends with it ('Rovers'). Not an
    institution or a newspaper named after its place ('Kelsby Magistrates' Court', 'Kelsby Police', 'the Kelsby
    Gazette') nor a club named as a town's ('Kelsby Town'), whose first word alone is the place; nor a party's
    regional branch ('Scottish Labour'), whose last word alone may be the party."""
    organisations = [k for k in clusters if k.type == "ORG"]
    for short in organisations:
        words = {key for key in short.keys if " " not in key}
        if len(words) != 1 or words != short.keys:
            continue
        longer = [k for k in organisations if k is not short and any(
            key.split()[0] in words and " " in key
            and key.split()[-1] not in NAMED_AFTER_A_PLACE
            for key in k.keys)]
        # 'Strikers' for 'Kelsby Strikers', 'City' for 'Kelsby City': a club's last word, not a generic one
        longer = longer or [k for k in organisations if k is not short and any(
            key.split()[-1] in words and " " in key and key.split()[-1] not in INSTITUTION_HEADS | COMPANY_ENDINGS
            and _branch_of(key) is None for key in k.keys)]  # 'Labour' may be the party or 'Scottish Labour'
        if len(longer) == 1:
            merge(longer[0], short, clusters)


def _merge_bracketed_short_forms(doc: Doc, clusters: list[Cluster]) -> None:
    """'the Kelsby Rescue Service (KRS)': a short form in brackets right after an organisation's name is how the
    article will call it, whatever its letters (an acronym of the name in another language, 'Kata'); one NER did
    not find becomes a mention, so that its repeats are found as well."""
    owners = _owners(clusters)
    for organisation in [k for k in clusters if k.type == "ORG"]:
        for start, end, kind in list(organisation.mentions):
            if kind != "name" or organisation not in clusters or end + 2 >= len(doc) \
                    or doc[end].text != "(" or doc[end + 2].text != ")" \
                    or not _short_form_word(doc[end + 1], organisation.keys):
                continue
            short = owners.get(end + 1)
            if short is None:
                organisation.mentions.append((end + 1, end + 2, "name"))
                owners[end + 1] = organisation
            elif short is not organisation and all(e - s == 1 for s, e, _ in short.mentions) \
                    and not (short.personal and short.titles):
                merge(organisation, short, clusters)
                owners = _owners(clusters)


def _short_form_word(token: Token, names: set[str]) -> bool:
    """An acronym as brackets hold one: a word in capitals ('JUNAGRA'), or one capitalised whose letters are the
    initials of one of the `names` ('Kata'; not an outlet's name, '(Reuters)'); not a country's code nor a known
    place ('(UK)')."""
    letters = token.text.replace("&", "").replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and (letters.isupper() or letters[0].isupper() and any(
        _initials_fit(name, letters.lower()) for name in names)) and not is_known_place(token.lower_)


def _merge_first_words_typed_otherwise(doc: Doc, clusters: list[Cluster]) -> None:
    """'Ostrowe' (NER's place) after 'Ostrowe Energy', 'Pellam' (NER's work) after 'Pellam Mining': the first word or
    words of one organisation's name alone are its short form, whatever type NER gave them, when no other name
    starts with them, no person is called by them, no table knows them as a place and the article never writes them
    after 'in', 'near'… As `_merge_first_word_of_organisation`, not an institution, a club or a newspaper named after
    its place ('Kelsby Council', 'Kelsby Town', 'the Kelsby Gazette'), whose first word alone is the place."""
    person_words = {word for k in clusters if k.type == "PERSON" for word in k.name_tokens}
    for short in [k for k in clusters if k.type in {"PLACE", "WORK", "EVENT"} and len(k.keys) == 1]:
        key = next(iter(short.keys))
        words = key.split()
        if len(words) > 2 or set(words) & person_words or is_known_place(key) or any(
                start > 0 and doc[start - 1].lower_ in PLACE_PREPOSITIONS for start, _, _ in short.mentions):
            continue
        starting = [k for k in clusters if k is not short and k.type != "PERSON" and any(
            len(other := name.split()) > len(words) and other[:len(words)] == words for name in k.keys)]
        if len(starting) == 1 and starting[0].type == "ORG" and not any(
                name.split()[:len(words)] == words
                and name.split()[-1] in NAMED_AFTER_A_PLACE
                for name in starting[0].keys):
            merge(starting[0], short, clusters)


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


# "The" opening a name, which a repeat of it may leave out.
_OPENING_THE = re.compile(r"^[Tt]he ")


def add_untagged_names_of_things(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """NER misses repeats of other names too ('Acme spokesman', a book's title); one already found is a
    mention wherever it stands as written, alone."""
    taken = {i for k in clusters for start, end, _ in k.mentions for i in range(start, end)}
    entity_types = doc.to_array("ENT_TYPE").tolist()  # most matches are names already taken: no Token objects
    for cluster in [k for k in clusters if k.type != "PERSON"]:
        names = {doc[start:end].text for start, end, kind in cluster.mentions if kind == "name"}
        names = {_OPENING_THE.sub("", name) for name in names}
        for name in sorted(names, key=lambda name: (-len(name), name)):  # a whole name before a word of it
            for start, end in standing_alone(name, text):
                span = doc.char_span(start, end)
                if span is None or any(i in taken or entity_types[i] for i in range(span.start, span.end)):
                    continue
                neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
                if any(t.pos_ == "PROPN" and is_capitalised(t) for t in neighbours):
                    continue  # part of a longer name
                end = span.end + (cluster.type == "ORG" and _name_word_read_as_noun(doc, span.end))
                cluster.mentions.append((span.start, end, "name"))
                taken.update(range(span.start, end))


# Last words of names whose first word alone may be another thing: the place a body or club is named after
# ('Kelsby Council', 'Kelsby Rovers').
NOT_SHORTENED_ENDINGS = NAMED_AFTER_A_PLACE | CLUB_ENDINGS | CLUB_OR_PLACE_ENDINGS
# NER labels a company's first word alone may wrongly take ('a Halvik spokesman' as a nationality).
SHORT_FORM_LABELS = {"", "NORP", "ORG"}


def add_first_words_of_companies(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'Halvik said', 'a Halvik spokesman' after 'Halvik Freight Group': the first word of a company's name of several
    words, written alone, is the company, however NER tags it (not at all, a nationality). Only a word no other name
    of the article starts with or is, no person's name holds, no table knows as a place, the article never writes in
    lower case nor after 'in', 'near'…, and not of a name that takes it from a place ('Kelsby Council', 'Kelsby
    Rovers'). Run last: the short forms must not draw the call-backs ('the company') another company's name is nearer."""
    opening: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for key in cluster.keys:
            opening.setdefault(key.split()[0], []).append(cluster)
    person_words = {word for k in clusters if k.type == "PERSON" for word in k.name_tokens}
    taken = {i for k in clusters for start, end, _ in k.mentions for i in range(start, end)}
    for cluster in [k for k in clusters if k.type == "ORG"]:
        words = {key.split()[0] for key in cluster.keys if " " in key and key.split()[-1] not in NOT_SHORTENED_ENDINGS}
        for word in words:
            if len(set(map(id, opening[word]))) > 1 or word in cluster.keys or word in person_words \
                    or not word.isalpha() or is_known_place(word) or is_first_name(word):
                continue
            spelt = tokens_spelling(doc, text, {word})
            if any(t.is_lower and t.text == word for t in spelt):
                continue  # the article writes it in lower case: a common word ('global'), not only a name's
            found = [t for t in spelt if _alone(t)]
            if any(t.i > 0 and doc[t.i - 1].lower_ in PLACE_PREPOSITIONS or t.ent_type_ in {"GPE", "LOC"}
                   for t in found):
                continue  # 'in Halvik': a place, whatever else is named after it
            for token in found:
                # opening a sentence, a word the tagger reads as no name ('Global demand rose') is none
                if token.i not in taken and token.ent_type_ in SHORT_FORM_LABELS \
                        and (not token.is_sent_start or token.pos_ == "PROPN" or token.ent_type_):
                    cluster.mentions.append((token.i, token.i + 1, "name"))
                    taken.add(token.i)


def _alone(token: Token) -> bool:
    """A capitalised word with no capitalised proper noun right before or after it (a word of no longer name)."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return is_capitalised(token) and not token.is_upper and not any(
        t.pos_ == "PROPN" and is_capitalised(t) and not t.is_sent_start for t in neighbours)


def _name_word_read_as_noun(doc: Doc, i: int) -> bool:
    """'Lines' in 'Kelsby Lines will cut jobs': a capitalised word inside a sentence that the tagger reads as a
    common noun, ending the name of a company it follows; not a job ('Acme Chairman Tom Reed')."""
    word = doc[i] if i < len(doc) else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return word is not None and word.pos_ == "NOUN" and is_capitalised(word) and not word.is_sent_start \
        and not word.ent_type_ and lower_key(word) not in HONORIFICS.keys() | PERSON_ROLE_NOUNS \
        and not (after is not None and is_capitalised(after) and after.is_alpha)


def _same_country(candidate: Candidate, clusters: list[Cluster]) -> Cluster | None:
    """'Argentina' after 'the Argentine Republic', 'Holland' after 'the Netherlands': two names of one country."""
    code = country_code(candidate.key) if candidate.type == "PLACE" else None
    return next((k for k in clusters if code and k.type == "PLACE" and any(country_code(key) == code
                                                                          for key in k.keys)), None)



def _party_of_name() -> dict[str, int]:
    parties: dict[str, int] = {}
    for number, names in enumerate(ENTITY_WORDS["party_names"]):
        for name in names:
            parties[name] = -1 if parties.get(name, number) != number else number
    return {name: number for name, number in parties.items() if number >= 0}


# Which party each of the names news gives parties means ('tories': the Conservatives).
PARTY_OF_NAME = _party_of_name()


def _branch_of(key: str) -> int | None:
    """The party a regional branch's name is of ('scottish labour', 'welsh tories'): a party's name after other
    words, the whole no party's name itself ('labour party' is the party)."""
    words = key.split()
    return next((PARTY_OF_NAME[tail] for at in range(1, len(words))
                 if (tail := " ".join(words[at:])) in PARTY_OF_NAME), None) if key not in PARTY_OF_NAME else None


def _branch_named(candidate: Candidate, clusters: list[Cluster]) -> bool:
    """Whether a party's name ('Labour', 'the Tories') comes in an article that names a regional branch of that
    party ('Scottish Labour'): it may mean the branch or the party, so it joins neither but its own name."""
    party = PARTY_OF_NAME.get(candidate.key) if candidate.type == "ORG" else None
    return party is not None and any(_branch_of(key) == party for k in clusters if k.type == "ORG" for key in k.keys)


def _same_party(candidate: Candidate, clusters: list[Cluster]) -> Cluster | None:
    """'the Tories' after 'the Conservatives', 'the Lib Dems' after 'the Liberal Democrats': two names of one party."""
    party = PARTY_OF_NAME.get(candidate.key) if candidate.type == "ORG" else None
    return next((k for k in clusters if party is not None and k.type == "ORG"
                 and any(PARTY_OF_NAME.get(key) == party for key in k.keys)), None)


# Words of a legal form written before its last word ('Acme Pvt Ltd', 'Acme Pty Ltd', 'Acme Private Limited').
LEGAL_FORM_OPENERS = {"pvt", "private", "pty", "co", "&"}


def _without_legal_form(key: str) -> str:
    """'acme foods' of 'Acme Foods plc' and of 'Acme Foods Pvt Ltd'."""
    words = key.replace(".", "").split()
    if len(words) < 2 or words[-1] not in LEGAL_FORMS:
        return key
    words.pop()
    while len(words) > 1 and words[-1] in LEGAL_FORM_OPENERS:
        words.pop()
    return " ".join(words)


def _same_company(candidate: Candidate, clusters: list[Cluster]) -> Cluster | None:
    """'Acme Foods' after 'Acme Foods plc', or the other way round."""
    if candidate.type != "ORG" or " " not in candidate.key:
        return None
    core = _without_legal_form(candidate.key)
    return next((k for k in clusters if k.type == "ORG" and any(_without_legal_form(key) == core for key in k.keys)),
                None)


# Words an acronym leaves out ('NOA' for 'National Office on Ageing').
ACRONYM_SKIPPED_WORDS = {"of", "the", "and", "for", "&", "on"}


def _initials(key: str) -> str:
    """The letters of an acronym of a name: each word's first, a dotted abbreviation's all ('U.S.' gives 'us')."""
    return "".join(w.replace(".", "") if "." in w[:-1] else w[0] for w in key.split()
                   if w not in ACRONYM_SKIPPED_WORDS)


def _initials_fit(key: str, acronym: str) -> bool:
    """Whether an acronym is a name's initials, or theirs after a first word it leaves out (a place or a
    qualifier: 'HRC' for 'Kelsby Harbour Rescue Corps')."""
    words = key.split()
    return _initials(key) == acronym or len(words) > 2 and len(acronym) > 2 \
        and _initials(" ".join(words[1:])) == acronym


def _acronym_key(doc: Doc, candidate: Candidate) -> str | None:
    """The letters of an acronym as the candidate writes it ('M&S' is 'ms'), None if it is none."""
    text = doc[candidate.start:candidate.end].text.strip()
    letters = text.replace("&", "").replace(".", "").lower()
    return letters if text.isupper() and 2 <= len(letters) <= 6 and " " not in text else None


def _long_form_of(candidate: Candidate, doc: Doc, clusters: list[Cluster]) -> Cluster | None:
    """'United Press International' after '(UPI)': a full name whose initials are an acronym named before."""
    if candidate.type != "ORG" or len(candidate.key.split()) < 2:
        return None
    options = [k for k in clusters if k.type == "ORG" and len(k.keys) == 1 and " " not in next(iter(k.keys))
               and _initials_fit(candidate.key, next(iter(k.keys)).replace("&", "").replace(".", ""))
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
            # "Kelsby Town" may be the town as well as its club, and one the words around it make a side is no
            # short form of a park's name ("Kelsby Park")
            if (acronym and _initials_fit(key, acronym)) or (not acronym and candidate.type == "ORG" and (
                    words[-1] == text or words[0] == text and cluster.first < candidate.start
                    and words[-1] not in TOWN_CLUB_ENDINGS
                    and not (candidate.typed_by_context and cluster.type != candidate.type))):
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


def _merge_given_name_with_peerage(doc: Doc, clusters: list[Cluster]) -> None:
    """'Ann, Countess of Kelsby': a peer is written by given name, a comma and the title, which the parser often
    reads as two people listed; a given name alone right before a title of a place no one else of that name holds
    is the peer's."""
    owners = _owners(clusters)
    for peer in [k for k in clusters if k.type == "PERSON" and k.places and not k.personal]:
        for start, _, kind in sorted(peer.mentions):
            given = owners.get(start - 2) if kind == "title" and start >= 2 and doc[start - 1].text == "," else None
            if given is not None and given is not peer and given.type == "PERSON" and given.personal \
                    and all(len(name) == 1 and is_first_name(name[0]) for name in given.personal) \
                    and compatible(given, peer) and peer in clusters:
                merge(given, peer, clusters)
                owners = _owners(clusters)
                break


def _merge_titles_in_capitals(doc: Doc, clusters: list[Cluster]) -> None:
    """'Labour MP Ann Reed … the MP said': a title in capitals NER took for an organisation, called back with 'the',
    is the one person the article names right after that title."""
    titled: dict[str, dict[int, Cluster]] = {}
    for person in [k for k in clusters if k.type == "PERSON"]:
        for start, _, kind in person.mentions:
            if kind == "name" and start > 0 and doc[start - 1].is_upper and doc[start - 1].is_alpha:
                titled.setdefault(doc[start - 1].text, {})[id(person)] = person
    for title in [k for k in clusters if k.type == "ORG" and len(k.keys) == 1 and titled]:
        words = {doc[start].text for start, end, _ in title.mentions if end - start == 1}
        people = titled.get(next(iter(words)), {}) if len(words) == 1 else {}
        if len(people) == 1 and all(end - start == 1 and start > 0 and doc[start - 1].lower_ == "the"
                                    for start, end, _ in title.mentions):
            person = next(iter(people.values()))
            person.mentions += [(start - 1, end, "title") for start, end, _ in title.mentions]
            clusters.remove(title)


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
