"""Organisations called back as 'the company' or 'the firm', or by the noun set beside them ('Acme, the Finnish
carmaker,' … 'the carmaker'): a call-back joins one only on evidence, and where two fit it joins neither."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import COMPANY_NOUNS, INSTITUTION_HEADS, ORG_NOUNS, OTHER_COMPANY_WORDS
from ..parse import sentence_start
from .callbacks import brought_in_since, names_before
from .clusters import Cluster, cluster_of
from .descriptions import NEVER_A_PERSON, described_spans, refer_back
from .evidence import may_join, named_after_noun, speaker_organisations
from .kinds import BUILDING_KINDS, TRADE_NOUNS, called_back_as, head_word_kinds, hyphened, hyphened_start
from .words import COMPANY_ENDINGS, LEGAL_FORMS, head_word, tokens_spelling


# Participles that place a company ('the Oslo-based firm', 'the Texas-headquartered group').
BASED_WORDS = {"base", "based", "headquarter", "headquartered"}


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
            # 'the label' of a story with two labels is left to the call-backs, which weigh which one is meant
            holders = {k: k.first for k in organisations if noun.lemma_.lower() in k.kinds | head_word_kinds(k)} \
                | described[noun.lemma_.lower()]
            if len(holders) == 1 and may_join(doc, clusters, next(iter(holders)), noun, noun.i - 1, list(holders)):
                refer_back(doc, holders, noun.i - 1, noun.i + 1, clusters)
    said_company = _said_to_be_companies(doc, clusters, described)
    organisations = [k for k in clusters if k.type == "ORG"]
    companies_of_name = None
    others: set[Cluster] = set()
    for noun in doc:
        if not (noun.tag_ == "NN" and noun.is_lower and noun.i > 0 and noun.lemma_.lower() in COMPANY_NOUNS) \
                or noun.lemma_.lower() in OTHER_COMPANY_WORDS:
            continue  # 'the supplier' is most often another company than the one the story is about
        lefts = list(noun.lefts)
        if not (lefts and lefts[0].lower_ == "the" and lefts[0].i == noun.left_edge.i
                and all(_industry_or_nationality(t) for t in lefts[1:])):
            continue
        if cluster_of(organisations, lefts[0].i) is not None:
            continue  # it may sit inside a person's description: 'the company's president'
        if companies_of_name is None:
            # an organisation whose name says it is of another kind ('Kelsby Hospital', 'the Safety Board', 'the
            # Bureau of Statistics') is none, nor is one the article called a building ('X, a 212-unit complex'); a
            # trade it was given ('X, the grocer') says it may be
            companies_of_name = [k for k in organisations if not any(key.split()[-1] in INSTITUTION_HEADS
                                                                      or _institution_of(key) for key in k.keys)
                                 and not k.kinds & BUILDING_KINDS
                                 and (k in said_company or not (nouns := called_back_as(k) - k.kinds)
                                      or nouns & COMPANY_NOUNS)]
            # one first named as a rival or a supplier is weighed with the others, but is not the story's company
            others = {k for k in companies_of_name if _introduced_as_another(doc, k)}
            # those the article or the name says are companies; of the rest, nothing says what kind they are
            said_companies = [k for k in companies_of_name if k in said_company or any(
                key.split()[-1] in _COMPANY_WORDS for key in k.keys if " " in key)]
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
        said_so = [k for k in organisations if noun.lower_ in k.kinds | head_word_kinds(k)]
        if said_so and ending and set(said_so) != set(ending):
            continue
        # 'the miner' is 'Kelsby Minerals', 'the brewer' 'Kelsby Brewing', when one name says the trade
        trade_named = [k for k in organisations if noun.lower_ not in GENERIC_COMPANY_NOUNS
                       and any(word.startswith(noun.lower_[:4]) for key in k.keys for word in key.split()[1:])]
        fitting = [*said_companies, *said_so, *ending, *trade_named]
        # the call-back's own words tell the others apart: 'the Oslo-based firm' is none said to be based elsewhere
        told_apart = [k for k in organisations if k not in companies] if trade or based else []
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
        # 'Acme partner Ann Lee said the firm…': the one the clause's subject works for, of those named before
        employers = speaker_organisations(doc, clusters, noun, named) if len(named) > 1 else None
        if employers is not None:
            if len(employers) == 1:
                _join(doc, clusters, employers[0], noun, lefts[0].i, None)  # (a): its clause names it
            continue
        if len(recent) > 1:
            strong = [k for k in recent if k in evidenced or k in incorporated]
            if len(strong) == 1:
                _join(doc, clusters, strong[0], noun, lefts[0].i, fitting, told_apart)
            continue
        counts = sorted(((names_before(k, noun.i), id(k), k) for k in companies), key=lambda item: item[:2],
                        reverse=True)
        # Named once, it is the company only when no other organisation was named yet: a story citing a news
        # agency once about a fire is not about the agency.
        named_before = sum(k.first < noun.i for k in organisations)
        # 'Acme, the German group,' … 'the group': the one organisation set beside that noun before, or called so
        beside = [k for k, at in described.get(noun.lemma_.lower(), {}).items() if at < noun.i]
        beside = beside or [k for k in said_so if k.first < noun.i]
        if len(beside) == 1 and not trade:
            _join(doc, clusters, beside[0], noun, lefts[0].i, fitting, told_apart)
        elif counts and counts[0][0] and (len(counts) == 1 or counts[0][0] > counts[1][0]) \
                and (counts[0][0] > 1 or named_before == 1):
            if counts[0][2] not in others:
                _join(doc, clusters, counts[0][2], noun, lefts[0].i, fitting, told_apart)
        elif len(evidenced) == 1 and not trade and evidenced[0] not in others:
            _join(doc, clusters, evidenced[0], noun, lefts[0].i, fitting, told_apart)
        elif len(incorporated) == 1 and not trade and incorporated[0] not in others:
            _join(doc, clusters, incorporated[0], noun, lefts[0].i, fitting, told_apart)


def _join(doc: Doc, clusters: list[Cluster], company: Cluster, noun: Token, start: int,
          fitting: list[Cluster] | None, told_apart: list[Cluster] = ()) -> None:
    """'The company' from token `start` to `noun` is a mention of `company`, when the evidence for a generic call-back
    picks it of the `fitting` ones but those the call-back's words `told_apart` (`evidence.may_join`; None: the
    clause's subject works for it), and unless another company was brought in with 'a' since it was named ('Acme … he
    left to start a company … the company')."""
    if (fitting is None or may_join(doc, clusters, company, noun, start, fitting, ruled_out=told_apart)) \
            and not brought_in_since(doc, company, noun, start):
        company.mentions.append((start, noun.i + 1, "description"))


_COMPANY_WORDS = COMPANY_NOUNS | COMPANY_ENDINGS | LEGAL_FORMS


def _institution_of(key: str) -> bool:
    """'the Bureau of Transport Statistics', 'the Journal of Hydrology': a name whose head word stands before 'of' is
    an institution's, unless that word says a company ('the Bank of Kelsby')."""
    word = head_word(key)
    return word != key.split()[-1] and word not in _COMPANY_WORDS


def _introduced_as_another(doc: Doc, cluster: Cluster) -> bool:
    """Whether an organisation is first named as another company than the one the story is about: 'from rival
    Kelsby Foods', 'UK supplier Kelsby Energy', 'its parent, Kelsby Group'."""
    start = min((s for s, _, kind in cluster.mentions if kind == "name"), default=cluster.first)
    return named_after_noun(doc, start, OTHER_COMPANY_WORDS)


# Company nouns that say no trade: those never said of a person, but for a subsidiary (a place in a group).
GENERIC_COMPANY_NOUNS = NEVER_A_PERSON - {"subsidiary"}


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
            if kind == "name" and before is not None and before.is_lower \
                    and (before.tag_ == "NN" and before.lemma_.lower() in COMPANY_EVIDENCE and before.dep_ == "compound"
                         and start <= before.head.i < end or _hyphened_company_noun(before, start, end)):
                if cluster.type == "PERSON" and not cluster.titles \
                        and ORGANISATION_ONLY & {before.lemma_.lower(), hyphened(before).replace("-", "")}:
                    cluster.type = "ORG"
                if cluster.type == "ORG":
                    said.add(cluster)
                break
    return said


def _hyphened_company_noun(last: Token, start: int, end: int) -> bool:
    """'start-up Acme': a company noun the tokenizer splits at its hyphen, whose pieces the parser may read as a verb
    and its particle, one of them hung on the name from `start` to `end`."""
    first = hyphened_start(last)
    return first < last.i and hyphened(last).replace("-", "") in COMPANY_EVIDENCE \
        and any(start <= t.head.i < end for t in last.doc[first:last.i + 1])


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
