"""Descriptions that point back at a named person: roles ("the chair of the board", later "the chair"), ages
("the 34-year-old"), and the elder or younger of two sharing a surname. `refer_back` and
`described_spans` are shared with `callbacks`, `companies` and `kinds`, `age_after` and `phrase_ends` with
`unnamed_people`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    HONORIFICS, KINSHIP, PERSON_ROLE_NOUNS, PERSON_ROLES, PERSONAL_PRONOUNS, TITLES_OF_PLACE, UNNAMED_PERSON_NOUNS,
    data_table, quote_cues,
)
from ..parse import SUBJECT_DEPS, relative_antecedent, sentence_start
from ..quote_marks import QuotedSpans
from .clusters import Cluster, cluster_of, surnames
from .words import (
    COPULAS, KIND_NOUNS, SINGULAR_COMMON_NOUN_TAGS, SINGULAR_NOUN_TAGS, is_capitalised, lower_key, quotations_in,
    tokens_spelling, tokens_tagged,
)


# Nouns set beside a name that say it is an organisation, never a person ('Acme, the Finnish group,').
NEVER_A_PERSON = {"company", "firm", "group", "business", "subsidiary", "conglomerate", "startup", "start-up"}
AGE_REFERENCE = re.compile(r"\b[Tt]he (\d{1,3})-year-old\b")
# The role noun a form of address gives ('Sen. Ann Lee' … 'the senator'), from data/roles.json.
TITLE_ROLES: dict[str, str] = data_table("roles")["_titles_as_roles"]["forms"]
# Role nouns said of the same post ('captain Ann Lee' … 'the skipper'), with the one they are read as.
SAME_ROLE: dict[str, str] = data_table("roles")["_same_role"]["forms"]
# Every role noun, those that also begin names too: written before a name already read as a person's
# ('Premier Ann Lee'), it is a role.
ROLES_BEFORE_NAMES = frozenset().union(*PERSON_ROLES.values())
# The party and state (or home town) US news tags a legislator's name with ('Sen. Ann Lee, D-Ohio,', 'Rep. Tom Reed
# (R-Lorain)'), by which 'the Ohio Democrat' later calls them; the place as written, abbreviations unexpanded.
PARTIES = {"D": "democrat", "R": "republican", "I": "independent"}
PARTY_TAG = re.compile(r"[,(] ?([DRI])-([A-Z][a-z]+(?: [A-Z][a-z]+)?)[,)]")
PARTY_AND_PLACE = re.compile(r"\b[Tt]he ([A-Z][a-z]+(?: [A-Z][a-z]+)?) (Democrat|Republican|Independent)\b")
# Prepositions whose phrase says which one a role is ('the chair of the board', 'a nurse at Kelsby General').
DESCRIBING_PREPOSITIONS = {"of", "at", "for", "from", "in"}
# How many sentences back an age first told as 'the 40-year-old' looks for the one person it can be.
AGE_WINDOW = 2


def add_role_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """A noun phrase set beside a person's name is a mention of them ('Ann Lee, the chair of the board,');
    so, later, is 'the' with a role they were given ('striker Tom Reed' … 'the striker', 'Judge Ann Lee' …
    'the judge') or with their age ('Tom Reed, 34,' … 'the 34-year-old'), when no one else was given it."""
    roles: dict[str, dict[Cluster, int]] = {}  # role lemma or age -> the people given it, and where first

    def give(role: str, cluster: Cluster, at: int) -> None:
        holders = roles.setdefault(SAME_ROLE.get(role, role), {})
        holders[cluster] = min(at, holders.get(cluster, at))

    for cluster in (k for k in clusters if k.type == "PERSON"):
        for title in cluster.titles:
            give(title, cluster, cluster.first)
            if title in TITLE_ROLES:
                give(TITLE_ROLES[title], cluster, cluster.first)
        for start, end, kind in list(cluster.mentions):
            if kind != "name":
                continue
            root = doc[start:end].root
            described = described_spans(root, _may_describe_a_person)
            for first, last, noun in described + _description_hung_on_a_name(root):
                if not first <= root.i < last:
                    cluster.mentions.append((first, last, "description"))
                    give(noun.lemma_.lower(), cluster, start)
            # "the painter Ida Holm": the parser often sets the name beside the role right before it
            phrase_start = root.head.left_edge.i if root.dep_ == "appos" and root.head.i == start - 1 \
                else root.left_edge.i
            if (described_before := _role_before_name(doc, phrase_start, start)) is not None:
                # "the actress Ann Lee", and "the actress" alone, which news also reads as the mention
                cluster.mentions += [(described_before, end, "description"), (described_before, start, "description")]
            for child in root.children:
                if child.dep_ == "compound" and child.i < start and (
                        child.pos_ == "NOUN" and child.is_lower or lower_key(child) in ROLES_BEFORE_NAMES):
                    give(child.lemma_.lower(), cluster, start)  # "striker Tom Reed", "head coach Tom Reed"
                if child.dep_ == "appos" and child.like_num or child.dep_ == "amod" and child.lower_ == "old":
                    age = next((t.text for t in child.subtree if t.like_num), None)
                    if age:
                        give(age, cluster, start)  # "Tom Reed, 34," or "34-year-old Tom Reed"
            if (age := age_after(doc, end)) is not None:
                give(age, cluster, start)  # the parser often hangs "34" elsewhere: "Ann Reed, 56, and Tom Reed, 31,"
            for role in _qualified_roles_before(doc, start, end):
                give(role, cluster, start)  # "Interior Minister Ann Lee" … "the interior minister"
            if end < len(doc) and (tag := PARTY_TAG.match(text, doc[end].idx)):
                give(f"{tag.group(2).lower()} {PARTIES[tag.group(1)]}", cluster, start)  # "Ann Lee, D-Ohio,"
    for aged in tokens_spelling(doc, text, {"aged"}):  # "Ann Lee dies aged 81", "Tom Reed, who died aged 70,"
        age = next((c.text for c in aged.children if c.text.isdigit() and len(c.text) <= 3), None)
        subject = next((c for c in aged.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.tag_ == "WP" and aged.head.dep_ == "relcl":
            subject = aged.head.head
        person = cluster_of([k for k in clusters if k.type == "PERSON"], subject.i) if subject is not None else None
        if age and person is not None:
            give(age, person, subject.i)
    for person, (first, last, noun), lasting in _roles_by_predicate(doc, clusters):
        person.mentions.append((first, last, "description"))
        if lasting:
            give(noun.lemma_.lower(), person, first)
    _refer_back_by_qualified_role(doc, roles, clusters)
    _speaker_going_on(doc, text, roles, clusters)
    for match in PARTY_AND_PLACE.finditer(text):  # "the Ohio Democrat" is the one member tagged "D-Ohio"
        span = doc.char_span(match.start(), match.end())
        key = f"{match.group(1).lower()} {match.group(2).lower()}"
        if span is not None and key in roles:
            refer_back(doc, roles[key], span.start, span.end, clusters)
    for noun in tokens_tagged(doc, SINGULAR_NOUN_TAGS):
        # the parser tags a title written in lower case a proper noun now and then ('the earl's son')
        # and 'the company' is no one's role, whatever NER took a company's name for: the call-backs weigh it
        if noun.pos_ in {"NOUN", "PROPN"} and noun.is_lower and noun.dep_ != "compound" \
                and SAME_ROLE.get(noun.lemma_.lower(), noun.lemma_.lower()) in roles \
                and noun.lemma_.lower() not in NEVER_A_PERSON:
            start = noun.left_edge.i
            # One person is "the campaigner": a plural or bare "campaigners" is a group, not them.
            of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            # "the striker", "the club captain", "the Dutch physicist": only words that say what the role is
            if doc[start].lower_ != "the" or not all(t.i == start or t.dep_ == "compound" and t.is_lower
                                                     or t.ent_type_ == "NORP" for t in doc[start:noun.i]):
                continue
            if of is None:
                qualifiers = _lower_qualifiers(doc[start:noun.i])
                holders = {k: at for k, at in roles[SAME_ROLE.get(noun.lemma_.lower(), noun.lemma_.lower())].items()
                           if not _holds_it_otherwise_qualified(doc, k, roles, noun, qualifiers)}
                refer_back(doc, _last_named_holder(doc, holders, start, clusters, noun) or holders, start,
                            noun.i + 1, clusters)
            elif noun.lemma_.lower() in TITLES_OF_PLACE:
                # "the president of Cyprus" is whoever holds that office, not the president named before
                _introduce_by_office(roles[noun.lemma_.lower()], noun, start, of.right_edge.i + 1)
    for match in AGE_REFERENCE.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        noun = doc[span.end] if span.end < len(doc) else None
        if noun is not None and (noun.is_lower and noun.lemma_ in PERSON_ROLE_NOUNS | set(UNNAMED_PERSON_NOUNS)
                                 or noun.ent_type_ == "NORP" and is_capitalised(noun)):
            span = doc[span.start:span.end + 1]  # "the 34-year-old striker", "the 34-year-old Dane"
        elif (hyphenated := _hyphenated_role_end(doc, span.end)) is not None:
            span = doc[span.start:hyphenated]  # "the 34-year-old full-back"
        if match.group(1) in roles:
            refer_back(doc, roles[match.group(1)], span.start, span.end, clusters)
        elif not re.search(rf"\b{match.group(1)}\b", text[:match.start()]):
            # An age first told as "the 29-year-old" is the person named right before it ("Tom Reed, the
            # 29-year-old,"), else the one person named in that sentence or the two before.
            beside = [k for k in clusters if k.type == "PERSON" for _, end, kind in k.mentions
                      if kind == "name" and span.start >= 1 and end == span.start - 1 and doc[end].text == ","]
            if beside:
                refer_back(doc, {beside[0]: 0}, span.start, span.end, clusters)
                continue
            before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].text == "," else None
            if before is not None and before.pos_ == "PROPN" and before.ent_type_ not in {"DATE", "TIME"}:
                continue  # beside a name no person holds: whoever it is, not someone named before
            named, window = _named_before(doc, clusters, span)
            role = span.root if span.root.i == span.end - 1 and span.root.pos_ == "NOUN" else None
            if len(named) > 1 and role is not None and role.is_lower:
                # 'The 41-year-old earl' of two people named: the one given that role
                lemma = role.lemma_.lower()
                named = {k for k in named if k in roles.get(SAME_ROLE.get(lemma, lemma), {})}
            if len(named) == 1 and _may_be_first_aged(doc, text, roles, person := next(iter(named)), span) \
                    and not _told_by_someone_unnamed(doc, window, span, person) \
                    and not _another_may_be_meant(doc, roles, clusters, person, window, span.start):
                refer_back(doc, {person: 0}, span.start, span.end, clusters)
    _refer_back_by_former_role(doc, roles, clusters)


def _hyphenated_role_end(doc: Doc, i: int) -> int | None:
    """Where a role noun of three tokens the tokenizer split at its hyphen ('full-back', 'co-author') ends, when one
    starts at token i."""
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i + 1].whitespace_ or doc[i].whitespace_:
        return None
    return i + 3 if f"{doc[i].lower_}-{doc[i + 2].lower_}" in PERSON_ROLE_NOUNS else None


def _named_before(doc: Doc, clusters: list[Cluster], span: Span) -> tuple[set[Cluster], int]:
    """The people named in the nearest of a span's sentence and the AGE_WINDOW before it that names anyone (up to
    the span), and where that stretch starts. A name inside a quotation the span stands outside of does not count
    (one quoted rarely names themselves: '"Tom did well," the 52-year-old said')."""
    quoted = QuotedSpans(quotations_in(doc, doc.text))
    outside = not quoted.share(span.start_char, span.start_char + 1)
    named: set[Cluster] = set()
    start = span.sent.start
    for back in range(1, AGE_WINDOW + 1):
        window = sentence_start(doc, span.sent.start, back)
        start = window if window is not None else span.sent.start
        named = {k for k in clusters if k.type == "PERSON" for s, _, kind in k.mentions if kind == "name"
                 and start <= s < span.start and not (outside and quoted.share(doc[s].idx, doc[s].idx + 1))}
        if named or window is None:
            break
    return named, start


# Roles news gives someone who speaks on another's matter ('the referee said', 'a spokeswoman said'): the one who
# rules, reports, investigates, represents or witnesses, never the person whose words came before going on.
# From news usage.
OTHER_PARTY_ROLES = {"spokesman", "spokeswoman", "spokesperson", "referee", "umpire", "judge", "magistrate",
                     "coroner", "prosecutor", "officer", "official", "inspector", "detective", "constable",
                     "sergeant", "superintendent", "witness", "neighbour", "neighbor", "friend", "colleague",
                     "counterpart", "victim", "suspect", "defendant", "lawyer", "solicitor", "barrister", "attorney",
                     "counsel", "agent", "publicist", "reporter", "correspondent", "journalist", "mediator",
                     "negotiator", "commentator", "analyst", "partner", "passenger", "resident", "teammate", "rival"}


def _speaker_going_on(doc: Doc, text: str, roles: dict[str, dict[Cluster, int]], clusters: list[Cluster]) -> None:
    """'Ann Lee said her side had been loose. "We will learn," the head coach said': 'the <role>' saying something in
    the sentence after a named person's words is that person going on, when the role was neither given to anyone nor
    written before it, names no one who speaks on another's matter (OTHER_PARTY_ROLES), and no one else is named or
    described between, outside quotation marks: news names a new speaker."""
    reporting = quote_cues()["reporting_verbs"]
    nouns = [noun for noun in tokens_tagged(doc, SINGULAR_COMMON_NOUN_TAGS) if noun.dep_ == "nsubj" and noun.is_lower
             and (lemma := noun.lemma_.lower()) in PERSON_ROLE_NOUNS and lemma not in OTHER_PARTY_ROLES
             and lemma not in TITLES_OF_PLACE and noun.head.lemma_.lower() in reporting]
    if not nouns:
        return  # most articles: reading their quotations is not needed
    quoted = QuotedSpans(quotations_in(doc, text))
    people = [k for k in clusters if k.type == "PERSON"]
    outside = sorted(((start, end, kind, k) for k in people for start, end, kind in k.mentions
                      if not quoted.share(doc[start].idx, doc[start].idx + 1)), key=lambda m: m[:2])
    for noun in nouns:
        lemma = noun.lemma_.lower()
        start = noun.left_edge.i
        if any(at < start for at in roles.get(SAME_ROLE.get(lemma, lemma), {}).values()):
            continue  # given to someone before: theirs, or no one's
        # nothing after the noun: 'the leader of the group, Ann Lee,' says which leader, or names them
        if doc[start].lower_ != "the" or not all(t.dep_ in {"compound", "amod"} for t in doc[start + 1:noun.i]) \
                or noun.n_rights or any(t.lemma_.lower() == lemma for t in doc[:start]):
            continue
        before = [m for m in outside if m[0] < start and m[2] == "name"]
        if not before or (first := _sentence_before(doc, noun.sent.start)) is None:
            continue
        named_at, named_end, _, person = before[-1]
        subject = doc[named_at:named_end].root
        if named_at < first or subject.dep_ != "nsubj" \
                or subject.head.lemma_.lower() not in reporting or subject.sent == noun.sent:
            continue
        # no one else named in the speaker's sentence or the one before, nor named or described after the name but
        # as the speaker's kin ('her mother'), outside quotations
        since = _sentence_before(doc, subject.sent.start) or 0
        between = [m for m in outside if since <= m[0] < start and m[3] is not person and (
            m[2] == "name" or m[0] > named_at and doc[m[0]:m[1]].root.lemma_.lower() not in KINSHIP)]
        if not between and all(quoted.share(s.start_char, s.end_char) > 0.5
                               for s in doc.sents if subject.sent.end <= s.start < noun.sent.start
                               and any(t.is_alpha for t in s)):
            refer_back(doc, {person: 0}, start, noun.i + 1, clusters)


def _sentence_before(doc: Doc, start: int) -> int | None:
    """Where the sentence before the one starting at `start` begins, past the line breaks and lone quotation marks
    the parser takes for sentences of their own; None before the first."""
    while (start := sentence_start(doc, start, 1)) is not None and not any(t.is_alpha for t in doc[start].sent):
        pass
    return start


# Words before a role that say its holder no longer holds it ('the former minister').
FORMER_WORDS = {"former", "ex"}


def _refer_back_by_former_role(doc: Doc, roles: dict[str, dict[Cluster, int]], clusters: list[Cluster]) -> None:
    """'Ann Lee will publish a memoir. The former minister said…': a past role first told as the subject of a
    sentence describes the one person named just before (as a first-told age does), when no one was given that
    role and no one else's words come between."""
    for noun in tokens_tagged(doc, SINGULAR_NOUN_TAGS):
        # the parser tags a role written in lower case a proper noun now and then ('the former Welsh international')
        if noun.tag_ == "NNP" and not noun.is_lower or noun.dep_ not in SUBJECT_DEPS:
            continue
        lemma = noun.lemma_.lower()
        start = noun.left_edge.i
        if lemma not in PERSON_ROLE_NOUNS or lemma in roles or SAME_ROLE.get(lemma) in roles or doc[start].lower_ != "the" \
                or not any(t.lower_ in FORMER_WORDS for t in doc[start:noun.i]) \
                or any(t.dep_ in {"poss", "case"} for t in doc[start:noun.i]):
            continue
        span = doc[start:noun.i + 1]
        named, window = _named_before(doc, clusters, span)
        if len(named) == 1 and not _told_by_someone_unnamed(doc, window, span, person := next(iter(named))):
            refer_back(doc, {person: 0}, span.start, span.end, clusters)


def _told_by_someone_unnamed(doc: Doc, start: int, span: Span, person: Cluster) -> bool:
    """Whether the text from `start` up to an age first told may be about its one named person through someone
    else's words, so that the age may be that someone's: what a pronoun set in says ('Reed, he said, had apologised. "We
    lost," the 52-year-old said'), or what the person is the source of ('…, according to a complaint by Ann
    Lee. The 31-year-old…')."""
    reporting = quote_cues()["reporting_verbs"]
    if any(t.lemma_.lower() in reporting and t.dep_ == "parataxis" and any(
            c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in t.children) for t in doc[start:span.start]):
        return True
    heads = [doc[s:e].root for s, e, kind in person.mentions if start <= s < span.start]
    return bool(heads) and all(any(a.lower_ == "according" for a in h.ancestors) for h in heads)


def _another_may_be_meant(doc: Doc, roles: dict[str, dict[Cluster, int]], clusters: list[Cluster], person: Cluster,
                          first: int, age_start: int) -> bool:
    """Whether the one person named in the sentences before an age first told may not be the one it describes:
    a pronoun there reports what the name did ('Reed, he said, had apologised' — he is someone else); or the name
    is no clause's subject there ('a complaint filed by Ann Lee') and the sentence before names someone else of no
    age yet."""
    names = [(s, e) for s, e, kind in person.mentions if kind == "name" and first <= s < age_start]
    for pronoun in doc[first:age_start]:
        verb = pronoun.head
        if pronoun.dep_ in SUBJECT_DEPS and pronoun.lower_ in PERSONAL_PRONOUNS and any(
                verb.dep_ == "parataxis" and verb.head.left_edge.i <= s < verb.left_edge.i
                or any(c.dep_ == "ccomp" and c.left_edge.i <= s <= c.right_edge.i for c in verb.children)
                for s, _ in names):
            return True
    if any(doc[s:e].root.dep_ in SUBJECT_DEPS for s, e in names):
        return False
    earlier = sentence_start(doc, first, 1)
    if earlier is None:
        return False
    aged = {k for role, holders in roles.items() if role.isdigit() for k in holders}
    return any(k is not person and k not in aged and k.type == "PERSON"
               and any(kind == "name" and earlier <= start < first for start, _, kind in k.mentions) for k in clusters)


# Verbs whose 'as' phrase gives their object a role ('named Ann Lee as chair'), or their subject when passive ('Ann
# Lee was named as chair'); verbs whose 'as' phrase gives their subject one ('Ann Lee succeeded him as chair'); and of
# those, the verbs of leaving it ('Ann Lee resigned as chair': a later 'the chair' may be her successor). From news
# usage.
OBJECT_ROLE_VERBS = {"name", "appoint", "elect", "choose", "select", "nominate", "install", "confirm", "hire",
                     "recruit", "reappoint", "re-elect", "pick", "crown"}
SUBJECT_ROLE_VERBS = {"serve", "act", "work", "succeed", "join", "return", "remain", "stay", "continue", "start",
                      "begin", "sit", "retire", "resign", "quit", "step"}
LEAVING_VERBS = {"retire", "resign", "quit", "step"}
# Dependencies of the words a noun phrase may open with before its noun.
NOUN_PHRASE_DEPS = {"det", "poss", "amod", "compound", "nummod", "case"}
# Nouns for the one who takes another's place ('named Ann Lee as her successor').
SUCCESSION_NOUNS = {"successor", "predecessor", "heir", "replacement", "deputy"}


def _roles_by_predicate(doc: Doc, clusters: list[Cluster]) -> list[tuple[Cluster, tuple[int, int, Token], bool]]:
    """Roles a clause gives a named person: 'named Ann Lee as her successor', 'Ann Lee, who succeeded him as the
    9th Earl of Kelsby,', 'Ann Lee remains honorary chairman'; each with the person, the role's span (a noun phrase
    whose head is a role noun, title or SUCCESSION_NOUNS noun, up to a comma) and whether it is still held."""
    people = [k for k in clusters if k.type == "PERSON"]
    found = []
    for noun in tokens_tagged(doc, SINGULAR_NOUN_TAGS):
        lemma = noun.lemma_.lower()
        if not (lemma in PERSON_ROLE_NOUNS or lemma in TITLES_OF_PLACE or lemma in SUCCESSION_NOUNS):
            continue
        holder, lasting = None, True
        if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.dep_ == "prep":
            verb = noun.head.head
            verb_lemma = verb.lemma_.lower()
            if verb.pos_ == "PROPN":
                holder = verb  # 'with Ann Lee as his deputy'
            elif verb_lemma in OBJECT_ROLE_VERBS:
                holder = next((c for c in verb.children if c.dep_ in {"dobj", "oprd", "nsubjpass"}), None)
            elif verb_lemma in SUBJECT_ROLE_VERBS:
                holder = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                lasting = verb_lemma not in LEAVING_VERBS
        elif noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:
            holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if holder is not None and holder.tag_ == "WP":
            holder = relative_antecedent(holder)
        person = cluster_of(people, holder.i) if holder is not None else None
        first = noun.left_edge.i
        while first < noun.i and doc[first].dep_ not in NOUN_PHRASE_DEPS:
            first += 1  # 'was first elected treasurer': the phrase is 'treasurer'
        if person is None or doc[first].lower_ == "one" or first <= holder.i:
            continue
        if doc[first].lower_ in {"a", "an"}:
            # 'Ann Lee is a consultant surgeon at Kelsby General', 'she sits on the board as a non-executive director':
            # what she is, though 'the surgeon' may be another
            found += [(person, (first, last, noun), False) for last in phrase_ends(noun)]
            continue
        last = next((t.i for t in doc[noun.i:noun.right_edge.i + 1] if t.text in {",", ";"}), noun.right_edge.i + 1)
        found.append((person, (first, last, noun), lasting))
    return found


def phrase_ends(noun: Token) -> list[int]:
    """Where a noun phrase describing someone ends: after the noun, and after each 'of'/'at'/'in' phrase of it up to a
    comma ('a nurse at Kelsby General' is also 'a nurse'); not after a relative clause or participle."""
    return [noun.i + 1] + _prepositional_ends(noun)[0]


def _prepositional_ends(noun: Token) -> tuple[list[int], bool]:
    """Where each 'of'/'at'/'in' phrase that follows a noun one after another ends ('a professor of law | at Kelsby
    University |'), up to a comma outside a name ('a nurse in Kelsby, Ontario' ends at 'Kelsby'); and whether a comma
    cut the last one."""
    ends: list[int] = []
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in DESCRIBING_PREPOSITIONS \
                or child.left_edge.i != (ends[-1] if ends else noun.i + 1):
            break
        end = next((t.i for t in noun.doc[child.i:child.right_edge.i + 1] if t.text == "," and t.ent_iob_ != "I"),
                   child.right_edge.i + 1)  # not inside a name with commas
        ends.append(end)
        if end <= child.right_edge.i:
            return ends, True
    return ends, False


_NEVER_DESCRIBING_A_PERSON = NEVER_A_PERSON | KIND_NOUNS


def _may_describe_a_person(noun: Token) -> bool:
    """Whether a noun set beside a person's name may describe them: not kin (someone else), but for an indefinite
    one ('Ann Lee, a mother of three,'), nor what an organisation, place or work is ('his 2021 memoir' beside his
    name)."""
    lemma = noun.lemma_.lower()
    if lemma in KINSHIP:
        return noun.left_edge.lower_ in {"a", "an"}
    return lemma not in _NEVER_DESCRIBING_A_PERSON


def _may_be_first_aged(doc: Doc, text: str, roles: dict[str, dict[Cluster, int]], person: Cluster,
                       span: Span) -> bool:
    """Whether the one person named near an age first told ('the 29-year-old') may be the one it describes: not
    someone already given another age ('Tom Reed, 61,'), nor someone named only inside a quotation the age stands
    outside of ('"Reed was superb," the 29-year-old said'), nor, for 'the 29-year-old earl', someone never given
    that role."""
    if any(person in holders for role, holders in roles.items() if role.isdigit()):
        return False
    quoted = QuotedSpans(quotations_in(doc, text))
    outside = [s for s, _, kind in person.mentions if kind == "name" and not quoted.share(doc[s].idx, doc[s].idx + 1)]
    if not outside and not quoted.share(span.start_char, span.start_char + 1):
        return False
    noun = span.root.head if span.root.head.i >= span.end else None
    return noun is None or not (noun.pos_ in {"NOUN", "PROPN"} and noun.is_lower) \
        or person in roles.get(noun.lemma_.lower(), {})


# 'the elder Reed', 'the younger Reed', 'Reed senior': one of two people sharing a surname, told apart by age.
ELDER_OR_YOUNGER = re.compile(r"\b[Tt]he (elder|older|younger|senior|junior) ([A-Z][\w'’-]+)"
                              r"|\b([A-Z][\w'’-]+),? (senior|junior|snr|jnr|Snr|Jnr|Sr|Jr)\b")


# Kinship nouns of another generation than the person's own, which the fact sheet has no relation kind for.
OLDER_KIN = {"uncle", "aunt", "grandfather", "grandmother"}
YOUNGER_KIN = {"nephew", "niece", "grandson", "granddaughter"}


def add_elder_and_younger(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'the elder Reed' is the older of the people named Reed, by the ages written after their names, or the
    parent (uncle, grandparent) of the other when the article says so ('his son'); 'the younger Reed' or 'Reed
    junior' the younger."""
    ages: dict[Cluster, int] = {}
    for cluster in (k for k in clusters if k.type == "PERSON"):
        for _, end, kind in cluster.mentions:
            if kind == "name" and (age := age_after(doc, end)) is not None:
                ages[cluster] = int(age)
    for match in ELDER_OR_YOUNGER.finditer(text):
        older = (match.group(1) or match.group(4).lower()) in {"elder", "older", "senior", "snr"}
        surname = (match.group(2) or match.group(3)).lower()
        span = doc.char_span(match.start(), match.end())
        family = [k for k in clusters if k.type == "PERSON" and surname in surnames(k)]
        inside = [(k, m) for k in clusters for m in k.mentions if span is not None and span.start <= m[0] < span.end]
        if span is None or len(family) < 2 or any(m[1] > span.end for _, m in inside):
            continue
        if all(k in ages for k in family):
            pick = max if older else min
            chosen = pick(family, key=lambda k: ages[k])
            if sum(ages[k] == ages[chosen] for k in family) > 1:
                continue
        else:
            # "his son" makes the son child_of the one it is said of; "his father" makes the father parent_of him;
            # "his nephew" is of a younger generation, "his uncle" of an older one
            pairs = {(k, relative) if KINSHIP[relation].relation == "child_of" or relation in YOUNGER_KIN
                     else (relative, k)
                     for k in family for relation, relative in k.kin.items()
                     if relative in family and (KINSHIP[relation].relation in {"child_of", "parent_of"}
                                                or relation in YOUNGER_KIN | OLDER_KIN)}
            parents = list({parent for parent, _ in pairs})
            children = list({child for _, child in pairs})
            chosen_from = parents if older else children
            if len(family) != 2 or len(chosen_from) != 1:
                continue
            chosen = chosen_from[0]
        for owner, mention in inside:  # 'Reed' of 'Reed senior', given to whoever was named last
            owner.mentions.remove(mention)
        chosen.mentions.append((span.start, span.end, "description"))
        # "The younger Reed, a 38-year-old builder," : what is set beside it is theirs too
        for first, last, _ in described_spans(doc[span.end - 1], _may_describe_a_person):
            chosen.mentions.append((first, last, "description"))


def add_surnamed_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """'a 45-year-old surnamed Lam', 'a shopkeeper surnamed Lam': the noun phrase is a mention of the person named."""
    for cue in tokens_spelling(doc, text, {"surnamed"}):
        after = cue.i + 1
        person = cluster_of([k for k in clusters if k.type == "PERSON"], after) if after < len(doc) else None
        head = cue.head  # the noun it describes ('shopkeeper surnamed Lam'), or the name ('a 45-year-old surnamed Lam')
        if person is None or head.pos_ not in {"NOUN", "PROPN"} or head.i < cue.i and head.dep_ == "compound":
            continue
        first = head.left_edge.i
        end = next(e for s, e, _ in person.mentions if s <= after < e)
        if first < cue.i:
            person.mentions.append((first, end, "description"))


def _qualified_roles_before(doc: Doc, start: int, end: int) -> list[str]:
    """The roles with the words that say which, written before a name ('French Interior Minister Ann Lee' gives
    'interior minister' and 'french interior minister'): only roles of two words or more."""
    words = []
    i = end - 1
    while i >= start and not (doc[i].lower_ in PERSON_ROLE_NOUNS or doc[i].lower_ in TITLES_OF_PLACE
                              or lower_key(doc[i]) in HONORIFICS):
        i -= 1  # back over the name to the title NER or the name finder kept inside the mention
    role = i if i >= start else start - 1
    if role < 0 or not (doc[role].lemma_.lower() in PERSON_ROLE_NOUNS or lower_key(doc[role]) in HONORIFICS):
        return []
    j = role - 1
    while j >= 0 and doc[j].pos_ in {"PROPN", "NOUN", "ADJ"} and doc[j].dep_ in {"compound", "amod"} \
            and doc[j].ent_type_ != "PERSON" and role - j <= 3:
        words.insert(0, doc[j].lower_)
        j -= 1
    noun = doc[role].lemma_.lower()
    return [" ".join(words[k:] + [noun]) for k in range(len(words))]


def _refer_back_by_qualified_role(doc: Doc, roles: dict[str, dict[Cluster, int]], clusters: list[Cluster]) -> None:
    """'the interior minister', "Belgium's Transport Minister": a role with the words that say which, given to one
    person ('Interior Minister Ann Lee'), though another holds the same role of another kind."""
    for noun in tokens_tagged(doc, SINGULAR_NOUN_TAGS):
        if noun.dep_ == "compound":
            continue
        lemma = noun.lemma_.lower()
        if not (lemma in PERSON_ROLE_NOUNS or lemma in HONORIFICS):
            continue
        start = noun.left_edge.i
        modifiers = [t for t in doc[start:noun.i] if t.dep_ in {"compound", "amod"}]
        key = " ".join([t.lower_ for t in modifiers] + [lemma])
        if modifiers and key in roles and doc[start].lower_ in {"the"} | {t.lower_ for t in doc[start:noun.i]
                                                                          if t.dep_ == "poss"} \
                and all(t.dep_ in {"det", "poss", "case", "compound", "amod"} for t in doc[start:noun.i]):
            # An office with the words that say which is one person's, so a lede may name it before the person:
            # "Kelsby's transport minister said … Transport Minister Ann Lee".
            refer_back(doc, roles[key], start, noun.i + 1, clusters, before_named=True)


def _last_named_holder(doc: Doc, holders: dict[Cluster, int], start: int, clusters: list[Cluster],
                       noun: Token) -> dict[Cluster, int] | None:
    """Of several people given a role, the one 'the <role>' opening a sentence's subject means when the sentence
    before names that one person and no one else ('Ann Lee, 61, was sworn in. The minister said…')."""
    if len(holders) < 2 or noun.dep_ not in SUBJECT_DEPS or start != noun.sent.start:
        return None
    before = sentence_start(doc, noun.sent.start, 1)
    if before is None:
        return None
    named = {k for k in clusters if k.type == "PERSON" for s, _, kind in k.mentions
             if kind in {"name", "title"} and before <= s < start}
    return {named.pop(): 0} if len(named) == 1 and named <= set(holders) else None


def age_after(doc: Doc, end: int) -> str | None:
    """The age written right after a name: 'Tom Reed, 34,', 'Tom Reed (34)', 'Tom Reed, aged 34,'."""
    if end >= len(doc) or doc[end].text not in {",", "("}:
        return None  # most names: no words to read
    words = [t.text for t in doc[end:end + 4]]
    for opening, closing in ((",", {",", ".", ";", "and"}), ("(", {")"})):
        if words[:1] == [opening]:
            number = 2 if words[1:2] == ["aged"] else 1
            if len(words) > number + 1 and words[number].isdigit() and len(words[number]) <= 3 \
                    and words[number + 1] in closing:
                return words[number]
    return None

# Words a role written before a name may hold besides its nouns: articles, adjectives, an employer's name and its
# possessive ('the American director', "Acme's chief executive").
ROLE_PHRASE_TAGS = {"DT", "JJ", "NN", "NNP", "POS", "HYPH"}


def _role_before_name(doc: Doc, first: int, start: int) -> int | None:
    """Where 'the actress Ann Lee', 'Acme spokesperson Ann Lee' starts, when the name at `start` has a role written
    before it as part of one noun phrase (from `first`, the phrase's left edge): a mention of the person as a whole."""
    words = doc[first:start]
    # the role noun right before the name may be tagged an adjective ('the former Dutch international Ann Lee')
    if not words or not all(t.tag_ in ROLE_PHRASE_TAGS for t in words) \
            or not any(t.pos_ == "NOUN" and t.is_lower for t in words) and words[-1].lower_ not in PERSON_ROLE_NOUNS:
        return None
    return first


def _introduce_by_office(holders: dict[Cluster, int], noun: Token, start: int, end: int) -> None:
    """A lede's 'The mayor of Dunmere has…' is the one person the article later calls 'Mayor Thorne', when
    no one else holds that title and the name comes in a later sentence ('talks between the president of
    Cyprus and President Lee' are two people)."""
    if len(holders) != 1:
        return
    owner, given_at = next(iter(holders.items()))
    place = " ".join(t.lower_ for t in noun.doc[noun.i + 2:end] if t.lower_ != "the")
    if given_at >= noun.sent.end and dict(owner.places).get(noun.lemma_.lower(), place) == place:
        owner.mentions.append((start, end, "description"))


def _lower_qualifiers(words: Span) -> tuple[str, ...]:
    """The lower-case words before a role that say which one it is ('prime' in 'the prime minister')."""
    return tuple(t.lower_ for t in words if t.dep_ == "compound" and t.is_lower)


def _holds_it_otherwise_qualified(doc: Doc, cluster: Cluster, roles: dict[str, dict[Cluster, int]], noun: Token,
                                  qualifiers: tuple[str, ...]) -> bool:
    """Whether `cluster` holds the role of `noun` with other qualifying words than `qualifiers`: the environment
    minister is not 'the prime minister'. Either side without qualifiers ('the minister') is no conflict."""
    if not qualifiers:
        return False
    lemma, wanted = noun.lemma_.lower(), " ".join((*qualifiers, noun.lemma_.lower()))
    held = {role for role, holders in roles.items() if cluster in holders and role.endswith(f" {lemma}")}
    for start, end, kind in cluster.mentions:
        own = _lower_qualifiers(doc[start:end - 1])
        if kind == "description" and own and doc[end - 1].lemma_.lower() == lemma:
            held.add(" ".join((*own, lemma)))
    return bool(held) and wanted not in held


def refer_back(doc: Doc, holders: dict[Cluster, int], start: int, end: int, clusters: list[Cluster],
                before_named: bool = False) -> None:
    """Attach 'the <role>' at [start, end) to the one person given that role, if given it before (or anywhere, when
    `before_named`)."""
    if len(holders) != 1:
        return
    owner, given_at = next(iter(holders.items()))
    # It may sit inside another person's mention ("the mayor" in "the mayor's aide, Tom Reed"), not repeat a
    # mention or sit inside one of its owner's own.
    repeats = any((s, e) == (start, end) for k in clusters for s, e, _ in k.mentions) or any(
        s <= start and end <= e for s, e, _ in owner.mentions)
    if not (given_at < start or before_named) or repeats:
        return
    # "Ann Lee, the firm's chief," describes Ann Lee, whoever else was given that role
    beside = next((k for k in clusters if k.type == "PERSON" for s, e, kind in k.mentions
                   if kind == "name" and e == start - 1), None) if start >= 2 and doc[start - 1].text == "," else None
    if beside in (None, owner):
        owner.mentions.append((start, end, "description"))


def _description_hung_on_a_name(root: Token) -> list[tuple[int, int, Token]]:
    """'The head of the Red Cross delegation in Kelsby, Ann Lee,': the parser hangs the person's name on the last name
    of the phrase before it ('Kelsby'); the description is the whole noun phrase up to the comma, headed by the
    noun the chain of 'of'/'in' phrases climbs to."""
    doc = root.doc
    if root.dep_ != "appos" or root.head.pos_ != "PROPN" or root.left_edge.i < 1 \
            or doc[root.left_edge.i - 1].text != ",":
        return []
    token = root.head
    while token.dep_ in {"pobj", "prep"} and token.head.i < token.i:
        token = token.head
    if token is root.head or token.pos_ != "NOUN" or token.tag_ == "NNS" or token.left_edge.pos_ != "DET":
        return []
    return [(token.left_edge.i, root.left_edge.i - 1, token)]


def described_spans(root: Token, fits) -> list[tuple[int, int, Token]]:
    """Noun phrases in apposition to a name, either side of it, whose head noun `fits`: the token span of the
    noun with its left modifiers and an 'of'/'at'/'in' phrase ('the chair of the Treasury Committee'), and the noun.
    Spans that touch are one phrase: the parser splits 'vice-captain' into three appositives. A phrase cut at a
    comma ('a nurse in Kelsby, Ontario, who …' is 'a nurse in Kelsby') is given with its bare noun too ('a nurse'),
    since where it ends is then a guess."""
    nouns = [root.head] if root.dep_ == "appos" else []
    # 'the director and the producer, Kelsby Films': the parser hangs the name on the first of two nouns; it is the
    # last one's
    joined = [t for t in root.head.children if t.dep_ == "conj" and root.head.i < t.i < root.i] if nouns else []
    nouns = joined[-1:] or nouns
    nouns += [child for child in root.children if child.dep_ == "appos"] + _next_appositive(root)
    spans: list[list] = []
    bare = []
    for noun in sorted(nouns, key=lambda n: n.i):
        # 'the Dane', 'a Republican from Kelsby'; and a role the parser takes for a name ('a two-term MLA')
        proper = noun.pos_ == "PROPN" and noun.left_edge.lower_ in {"the", "a", "an"} \
            and (noun.ent_type_ == "NORP" or lower_key(noun) in PERSON_ROLE_NOUNS)
        # and a role noun the tagger took for an adjective ('a cleaner at the depot')
        proper = proper or noun.pos_ == "ADJ" and noun.left_edge.lower_ in {"a", "an"} \
            and noun.lower_ in PERSON_ROLE_NOUNS
        if noun.pos_ != "NOUN" and not proper or noun.tag_ in {"NNS", "NNPS"} or not fits(noun):
            continue
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > noun.i and c.i != root.i
               and noun.doc[c.left_edge.i - 1].text == "," for c in noun.children):
            continue  # 'the chair, Tom Reed, a lawyer, Ann Lee,': a noun set beside another name is theirs
        ends, cut = _prepositional_ends(noun)
        end = ends[-1] if ends else noun.i + 1
        # 'a professor of law at Kelsby University' is also 'a professor of law', and, cut at a comma, 'a professor'
        bare += [(noun.left_edge.i, shorter, noun) for shorter in [noun.i + 1] * cut + ends[:-1]]
        if spans and spans[-1][1] >= noun.left_edge.i:
            spans[-1][1:] = [max(spans[-1][1], end), noun]
        else:
            spans.append([noun.left_edge.i, end, noun])
    firsts = {first for first, _, _ in spans}
    return [(first, last, noun) for first, last, noun in spans] + [span for span in bare if span[0] in firsts]


def _next_appositive(root: Token) -> list[Token]:
    """'His wife, Ann Lee, a nurse at Kelsby General,': the parser hangs the second appositive on the noun the
    name is set beside, not on the name; right after the name, it describes the same one person. Only beside a
    singular common noun: after a name in a list ('Ann Lee, Tom Reed, a nurse') it may be another's."""
    head, doc = root.head, root.doc
    after = root.right_edge.i + 1
    if root.dep_ != "appos" or head.i > root.i or head.tag_ != "NN" or after + 1 >= len(doc) \
            or doc[after].text != ",":
        return []
    return [c for c in head.children if c.dep_ == "appos" and c.left_edge.i == after + 1]

