"""What a cue verb reports: the dependents whose subtrees are its content ("said that …", "called the plan …",
"The plan, she said, is dead"), read off the dependency parse, with the parser's usual slips mended (a clause
hung on the wrong word, an aside, a question put to the speaker).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import quote_cues
from ..parse import NOUN_ATTACHED_DEPS, RELATIVE_TAGS, SUBJECT_DEPS
from .speakers import CLAUSE_DEPS, is_trailing_report, participle_aside


# Dependents that carry what a cue verb reports when it governs no clause (`speakers.CLAUSE_DEPS`, which come first).
OBJECT_DEPS = ("dobj", "xcomp", "prep", "oprd", "acomp", "attr", "dative", "advcl")
PARENTHETICAL = "parenthetical"
# Content that is a clause ("said that …", "the claim that …", "The plan, she said, is dead"): what anyone's
# words or thoughts can be. A verb with an object ("praised the crews", "denied the claims") reports an act or
# a stance, unless its object is quoted words: hand-made news gold counts no quote there, PolNeAR an attribution.
REPORTED_CLAUSES = (*CLAUSE_DEPS, PARENTHETICAL, "noun_clause")
# Dependents of the verb in 'As the Post reported on Monday, …', which says nothing of its own.
AS_REPORTED_DEPS = ("mark", "nsubj", "aux", "advmod", "neg", "punct")
# Prepositions of when, where or how it was said ('on Monday', 'in a statement', 'with reference to police'), not
# of what ('about the plan').
AS_REPORTED_PREPOSITIONS = {"on", "in", "at", "with", "during", "after", "before", "to"}
# Dependents that leave a verb saying nothing: 'to', 'not', 'further', 'on the report', 'when asked'.
BARE_VERB_DEPS = ("aux", "nsubj", "neg", "advmod", "advcl", "prep", "npadvmod", "punct")
# NER labels of a time, which a cue's prepositional phrase gives rather than what was said ('said on Monday').
TIME_ENTITIES = {"DATE", "TIME"}
def content_heads(verb: Token) -> tuple[list[Token], str]:
    """The dependents whose subtrees `verb` reports, and the kind of dependent they are."""
    if _reports_nothing(verb) and (verb.dep_ == "xcomp" or any(child.dep_ == "neg" for child in verb.children)):
        # 'declined to comment on the case', 'did not respond to a request for comment': a topic is not
        # what was said
        return [], ""
    if verb.lemma_ == "know" and verb.tag_ == "VBN" and any(child.lower_ == "as" for child in verb.children):
        return [], ""  # 'known to fans as "the Wall"' gives a name, not what anyone said
    children = list(verb.children)
    clauses = [child for child in children if child.dep_ in CLAUSE_DEPS] or _misattached_clause(verb)
    if clauses:
        return clauses, "ccomp" if clauses[0].dep_ not in CLAUSE_DEPS else clauses[0].dep_
    if _as_reported(verb):
        return [verb.head], PARENTHETICAL  # 'As the Post reported, the deal had collapsed': the clause it opens
    if verb.dep_ == "parataxis" and not any(child.dep_ in OBJECT_DEPS and child.i > verb.i and not _incidental(child)
                                            and not _manner(child) for child in children):
        # "The plan, she said, is dead": the clause around the cue; between commas, the sentence whatever clause
        # the parse hung the cue on ("Though it was close, she said, it will stand"), short of a relative clause.
        last = verb.right_edge
        between_commas = _comma_before(verb.left_edge) and (last.text == "," or _comma_next(last))
        clause = verb.head
        while between_commas and clause.dep_ not in NOUN_ATTACHED_DEPS and clause.head.i != clause.i:
            clause = clause.head
        return [clause], PARENTHETICAL
    heads: list[Token] = []
    for child in children:
        if child.dep_ not in OBJECT_DEPS or child.i < verb.i and child.dep_ != "dobj":
            continue
        if child.tag_ in RELATIVE_TAGS:
            continue  # "what the numbers say", "which it described as …": the pronoun is not what was said
        if child.dep_ in ("prep", "advcl") and _incidental(child):
            continue  # "said on Monday" reports nothing
        if is_trailing_report(child):
            continue  # "noted her record, saying …": 'saying' is a report of its own
        if child.dep_ == "xcomp" and _reports_nothing(child):
            continue  # "declined to comment (on the report)": no words to report
        heads.append(child)
    if not heads and any(child.dep_ == "agent" for child in children):
        # "The plan was backed by the union": what the agent backs is the passive subject.
        heads = [child for child in children if child.dep_ == "nsubjpass"]
    return heads, heads[0].dep_ if heads else ""


def _misattached_clause(verb: Token) -> list[Token]:
    """A reported clause the small model hangs elsewhere: 'It was said by X, Y, that …' (the that-clause on a
    word of the agent), 'told investors the company expected …' (the clause's subject as a second object), 'said
    after the meeting he would resign' (a clause with a subject and no conjunction, as an adverbial clause), 'told
    reporters on a call that …' (a that-clause on the noun before it, as if a relative clause)."""
    if verb.lemma_.lower() not in quote_cues()["reporting_verbs"]:
        return []
    for child in verb.rights:
        if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX") and not any(
                grand.dep_ in ("mark", "advmod") and grand.i < child.i for grand in child.children) and any(
                grand.dep_ in ("nsubj", "nsubjpass") and grand.i < child.i for grand in child.children):
            return [child]
    # 'told reporters on a call that …', 'told a news conference that …': the clause hung on the call or the
    # listener as if relative
    for child in verb.rights:
        nouns = [grand for grand in child.children if grand.dep_ == "pobj"] if child.dep_ == "prep" else (
            [child] if child.dep_ in ("dobj", "dative") else [])
        for noun in nouns:
            clause = next((grand for grand in noun.rights if grand.dep_ in NOUN_ATTACHED_DEPS and _that_clause(grand)
                           and _not_relative(grand)), None)
            if clause is not None:
                return [clause]
    if any(child.dep_ == "nsubjpass" and child.lower_ == "it" for child in verb.children):
        that = next((token for token in verb.subtree if token.i > verb.i and token.lower_ == "that"
                     and token.dep_ == "mark"), None)
        return [that.head] if that is not None and that.head.i > that.i else []
    objects = [child for child in verb.rights if child.dep_ in ("dobj", "dative")]
    if len(objects) == 2 and any(child.dep_ in NOUN_ATTACHED_DEPS and child.pos_ == "VERB"
                                 and child.left_edge.i == objects[1].i + 1 for child in objects[1].rights):
        return [objects[1]]
    return []


def _not_relative(clause: Token) -> bool:
    """A clause opening on 'that' that cannot be relative: 'that' is its conjunction, or the parse made it the
    object of a verb that has an object already ('said at a briefing that divers faced "poor visibility"')."""
    that = clause.left_edge
    return that.dep_ == "mark" or that.dep_ == "dobj" and that.head == clause and any(
        child.dep_ == "dobj" and child.i != that.i for child in clause.children)


def question_put_to_subject(verb: Token) -> bool:
    """'Asked if he would stand, Lee said …', 'The firm was asked why …': a question put to the subject (a
    passive, or a participle with no subject of its own), which is not what the subject said, and which news
    does not count as a quote of whoever asked it."""
    if verb.lemma_.lower() not in quote_cues()["asking_verbs"]:
        return False
    passive = any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)
    participle = verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" and not any(
        child.dep_ in SUBJECT_DEPS for child in verb.children)
    return passive or participle or participle_aside(verb) is not None


def _reports_nothing(verb: Token) -> bool:
    """A reporting verb with no clause or object of its own: 'comment' in 'declined to comment further'."""
    return verb.lemma_.lower() in quote_cues()["reporting_verbs"] and all(
        child.dep_ in BARE_VERB_DEPS for child in verb.children)


def charges(verb: Token, heads: list[Token]) -> bool:
    """'accused the council of hiding the report': the object and what it is accused of are the charge made."""
    return verb.lemma_.lower() in quote_cues()["accusing_verbs"] and any(head.dep_ == "dobj" for head in heads) and any(
        head.dep_ == "prep" and head.lower_ == "of" for head in heads)


def names_its_object(heads: list[Token]) -> bool:
    """'called the plan a disaster': an object and the predicate naming it (ClearNLP's oprd)."""
    return {"dobj", "oprd"} <= {head.dep_ for head in heads}


def _as_reported(verb: Token) -> bool:
    """'As the Post reported (on Monday), …', 'As Ms Lee put it, …': a sentence opening on a clause of 'as' and a
    reporting verb with a subject and nothing it says of its own; not 'As she talked about the plan, …' (a time),
    nor 'even as he says …'."""
    children = list(verb.children)
    mark = next((child for child in children if child.dep_ == "mark" and child.lower_ == "as"), None)
    put_it = verb.lemma_.lower() == "put" and any(child.dep_ == "dobj" and child.lower_ == "it" for child in children)
    return mark is not None and mark.i == verb.sent.start and verb.dep_ == "advcl" and verb.head.i > verb.i \
        and (verb.lemma_.lower() in quote_cues()["reporting_verbs"] or put_it) \
        and any(child.dep_ in SUBJECT_DEPS for child in children) and all(
            child.dep_ in AS_REPORTED_DEPS or child.dep_ == "prep" and child.lower_ in AS_REPORTED_PREPOSITIONS
            or put_it and child.dep_ == "dobj" for child in children)


def opens_its_clause(cue: Token, start: int) -> bool:
    """A cue phrase that opens the clause it reports, closed by a comma: 'As the Post reported, …'."""
    last = cue.right_edge
    return cue.left_edge.idx <= start and _comma_next(last)


def closes_its_clause(cue: Token, end: int) -> bool:
    """A cue set between commas whose phrase runs to the end of the clause it interrupts."""
    first, last = cue.left_edge, cue.right_edge
    return last.idx + len(last) >= end and _comma_before(first)


def _comma_before(token: Token) -> bool:
    """Whether a phrase starting at `token` opens on a comma or right after one."""
    return token.text == "," or token.i > 0 and token.doc[token.i - 1].text == ","


def _comma_next(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ","


def _manner(child: Token) -> bool:
    """'without giving details', 'before leaving': how or when someone spoke, not what they said."""
    return child.dep_ == "prep" and any(grand.dep_ == "pcomp" and grand.tag_ == "VBG" for grand in child.children)


def _incidental(child: Token) -> bool:
    """A listener or a time, not what was said: 'me' and 'on Friday' in '…, he told me on Friday, …'."""
    return child.pos_ == "PRON" or any(grand.ent_type_ in TIME_ENTITIES for grand in child.children)


def noun_content(noun: Token) -> tuple[list[Token], str]:
    """What a reporting noun reports: 'the claim that …', 'her criticism of …' (owned nouns only)."""
    children = list(noun.children)
    for child in children:
        if child.dep_ in ("acl", "ccomp") and (any(grand.dep_ == "mark" for grand in child.children)
                                             or _that_clause(child)):
            return [child], "noun_clause"
    if not any(child.dep_ == "poss" for child in children):
        return [], ""
    for child in children:
        if child.dep_ == "prep" and child.i > noun.i:
            return [child], "noun_prep"
    return [], ""


def _that_clause(clause: Token) -> bool:
    """'the claim by X that the vote was rigged': a clause opening with 'that' and with a subject of its own,
    which the parse may give 'that' as a second subject."""
    subjects = [child for child in clause.children if child.dep_ in ("nsubj", "nsubjpass", "csubj")]
    return clause.left_edge.lower_ == "that" and any(subject.lower_ != "that" for subject in subjects)


def subtrees_chars(heads: list[Token]) -> tuple[int, int, int]:
    """Start and end characters of the heads' subtrees (contiguous in a projective parse), and their size."""
    lefts = [head.left_edge for head in heads]
    rights = [_before_trailing_report(head) for head in heads]
    last = max(rights, key=lambda token: token.i)
    size = sum(right.i - left.i + 1 for left, right in zip(lefts, rights))
    return min(left.idx for left in lefts), last.idx + len(last), size


def _before_trailing_report(head: Token) -> Token:
    """The last token of `head`'s subtree, less a closing report of its own: in 'insisted that it works,
    claiming that …' the parse may hang 'claiming' inside the clause, but it reports other words."""
    last = head.right_edge
    # The tokens of the subtree that end where it ends are `last` and its heads up to `head`: walking up reads
    # the tree's depth, where reading the whole subtree of every head was quadratic in nested quotations.
    ending = []
    token = last
    while token.i != head.i and token.head.i != token.i:
        ending.append(token)
        token = token.head
    for token in sorted(ending, key=lambda token: token.i):
        if token.i > head.i and is_trailing_report(token) and token.left_edge.i > head.i:
            return token.doc[token.left_edge.i - 1]
    return last
