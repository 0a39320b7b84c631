"""Attribution candidates read off the dependency parse: a cue, the content it reports, the source.

Every verb that governs a clause, an object or a quotation is a candidate ("said that …", "called the plan
…", "… , he added"), and so are "according to X" and a title-case headline's verb ("Senator Praises Plan").
Each candidate carries the features (`model.cue_features`) the attribution model weighs to decide whether
it is one.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lexicon import quote_cues
from ..parse import NOUN_ATTACHED_DEPS, RELATIVE_TAGS, SUBJECT_DEPS, governing_verb, token_index_from
from ..quote_marks import Quotation, QuotedSpans
from .model import bucket, cue_features, speaker_features
from .speakers import (
    CLAUSE_DEPS, according_source, apposition_after, container_speaker, inverted_subject, is_trailing_report,
    name_after_dash, noun_owner, participle_aside, said_by_anyone, speaker_of,
)


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
# '"…," said X', the commonest form of news quote: quoted words handed to a reporting verb with a speaker. The
# quotes stage keeps it whatever the model's score (it learns it from PolNeAR, whose short ones are labelled
# unevenly).
HANDED_TO_CUE = "handed_to_cue"


@dataclass
class Candidate:
    cue: list[Token]
    start: int  # content, character offsets
    end: int
    speaker: Span | None
    features: list[str] = field(default_factory=list)

    @property
    def cue_text(self) -> str:
        doc = self.cue[0].doc
        return doc[self.cue[0].i:self.cue[-1].i + 1].text


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _within_paragraph(text: str, cue: int, start: int, end: int) -> tuple[int, int]:
    """A parse never reports across a paragraph break: clip content to the cue's paragraph."""
    paragraph_start = text.rfind("\n", 0, cue) + 1
    paragraph_end = text.find("\n", cue)
    return max(start, paragraph_start), min(end, len(text) if paragraph_end < 0 else paragraph_end)


def _has_words(text: str, start: int, end: int) -> bool:
    return any(char.isalnum() for char in text[start:end])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and white space at either end of a character span."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-("):
        end -= 1
    return start, end


def _content_heads(verb: Token) -> tuple[list[Token], str]:
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
        doc = verb.doc
        first, last = verb.left_edge, verb.right_edge
        between_commas = (first.text == "," or first.i > 0 and doc[first.i - 1].text == ",") and (
            last.text == "," or last.i + 1 < len(doc) and doc[last.i + 1].text == ",")
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


def _question_put_to_subject(verb: Token) -> bool:
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


def _charges(verb: Token, heads: list[Token]) -> bool:
    """'accused the council of hiding the report': the object and what it is accused of are the charge made."""
    return verb.lemma_.lower() in quote_cues()["accusing_verbs"] and any(head.dep_ == "dobj" for head in heads) and any(
        head.dep_ == "prep" and head.lower_ == "of" for head in heads)


def _names_its_object(heads: list[Token]) -> bool:
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


def _opens_its_clause(cue: Token, start: int) -> bool:
    """A cue phrase that opens the clause it reports, closed by a comma: 'As the Post reported, …'."""
    last = cue.right_edge
    return cue.left_edge.idx <= start and last.i + 1 < len(cue.doc) and cue.doc[last.i + 1].text == ","


def _closes_its_clause(cue: Token, end: int) -> bool:
    """A cue set between commas whose phrase runs to the end of the clause it interrupts."""
    first, last = cue.left_edge, cue.right_edge
    return last.idx + len(last) >= end and (first.text == "," or first.i > 0 and cue.doc[first.i - 1].text == ",")


def _manner(child: Token) -> bool:
    """'without giving details', 'before leaving': how or when someone spoke, not what they said."""
    return child.dep_ == "prep" and any(grand.dep_ == "pcomp" and grand.tag_ == "VBG" for grand in child.children)


def _incidental(child: Token) -> bool:
    """A listener or a time, not what was said: 'me' and 'on Friday' in '…, he told me on Friday, …'."""
    return child.pos_ == "PRON" or any(grand.ent_type_ in TIME_ENTITIES for grand in child.children)


def _noun_content(noun: Token) -> tuple[list[Token], str]:
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


def _subtrees_chars(heads: list[Token]) -> tuple[int, int, int]:
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


def candidates(doc: Doc, text: str, quotations: list[Quotation], acts: bool = False) -> list[Candidate]:
    """Every cue the parse offers, with its content span, speaker phrase and features; with `acts`, also verbs
    whose content is neither a clause nor quoted words ("praised the crews", PolNeAR's wider attributions).

    `text` is the doc's text, passed in because `Doc.text` rebuilds the string on every access.
    Every verb is a candidate: the model knows its lemma, or judges a lemma it never saw by its other features.
    """
    spans = QuotedSpans(quotations)
    first_sentence_end = next((token.i + 1 for token in doc if token.is_sent_end), len(doc))
    found = _quotation_candidates(doc, text, spans)
    taken: dict[int, list[Candidate]] = {}  # the quotations each cue took, by the cue's token
    for candidate in found:
        taken.setdefault(candidate.cue[0].i, []).append(candidate)
    anonymity_requests = tuple(quote_cues()["anonymity_requests"])  # "who asked not to be named"
    for token in doc:
        sentence_index = 0 if token.i < first_sentence_end else 1
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            for candidate in _according(token, text, spans, sentence_index):
                if token.i in taken:  # '"…," according to X': X is the source of the quoted words only
                    for quotation in taken[token.i]:
                        quotation.features = list(candidate.features)
                else:
                    found.append(candidate)
            continue
        if (source := _per_source(token)) is not None:
            found += _according(token, text, spans, sentence_index, [token], source)
            continue
        if token.pos_ not in ("VERB", "AUX", "NOUN") or not acts and (
                _question_put_to_subject(token) or token.lemma_.lower() in quote_cues()["knowledge_verbs"]):
            continue  # PolNeAR counts questions put to someone and what someone knows; news gold does not
        heads, kind = _content_heads(token) if token.pos_ != "NOUN" else _noun_content(token)
        if not heads:
            continue
        start, end, size = _subtrees_chars(heads)
        if kind != PARENTHETICAL and start < token.idx < end:
            start = token.idx + len(token)  # 'who the judge said had …': the clause the parse hangs across the cue
        elif kind == PARENTHETICAL and _closes_its_clause(token, end):
            end = token.left_edge.idx  # '…were arrested, Lee said, without giving details.': the words end before it
        elif kind == PARENTHETICAL and _opens_its_clause(token, start):
            start = token.right_edge.idx + len(token.right_edge)  # 'As the Post reported, …': they start after it
        start, end = _trim(text, *_within_paragraph(text, token.idx, start, end))
        if start >= end or text[start:end].lower().startswith(anonymity_requests):
            continue
        if said_by_anyone(token):
            continue  # 'Anyone who says that …' reports no one's words
        speaker = speaker_of(token) if token.pos_ != "NOUN" else noun_owner(token) or container_speaker(token)
        if speaker is None and token.lemma_.lower() in quote_cues()["reporting_verbs"] and kind in CLAUSE_DEPS and (
                token.i > 0 and doc[token.i - 1].text == "," and all(head.i < token.i for head in heads)):
            speaker = inverted_subject(token)  # '…, reports the agency.'
        if speaker is not None and kind != PARENTHETICAL and speaker.start_char < end and start < speaker.end_char:
            speaker = None  # a subject inside its own content is a parse slip, not a source
        start, end = _widen_to_quotations(start, end, spans)
        quoted = spans.share(start, end)
        cue_quoted = spans.share(token.idx, token.idx + len(token)) > 0
        near = [quotation for quotation in taken.get(token.i, [])
                if quotation.start - QUOTE_GAP <= end and start <= quotation.end + QUOTE_GAP]
        if near:
            # A quotation with this cue also takes the clause it reports next to it, and what a naming verb
            # names ('called the plan "a disaster"'), but not other objects ('told reporters: "…"').
            # Only words widen it: the clause's subtree may also hold the quotation's own marks; and the cue
            # between the two parts of a split quotation stays out of both.
            widens = kind in CLAUSE_DEPS or _names_its_object(heads)
            first, last = min(near, key=lambda quotation: quotation.start), max(near, key=lambda q: q.end)
            if widens and start < first.start and _has_words(text, start, first.start):
                first.start = start
            if widens and end > last.end and _has_words(text, last.end, end):
                last.end = end
            continue
        if not acts and kind not in REPORTED_CLAUSES and quoted < 0.5 and not _charges(token, heads) and not (
                quoted and (_names_its_object(heads) or spans.share(end - 1, end) == 1)):
            # "welcomed the findings", "praised the crews": an act or a stance, not words reported; but
            # 'called the plan "a disaster"' and 'described it as "reckless"' report the quoted words
            continue
        if not acts and _gives_a_name(token, text, start, end, spans.marks):
            continue
        cue = [token] + [child for child in token.children if child.dep_ == "prt"]
        found.append(Candidate(cue, start, end, speaker,
                               cue_features(token, kind, heads, size, speaker, quoted, cue_quoted, sentence_index)))
    return found + _headline_candidates(doc, text, spans)


# English inflections a headline verb may carry: praises, blasts, endorsed, dismissed.
VERB_ENDINGS = ("", "s", "es", "d", "ed")
# Where a headline's name before its verb starts, or its reported words stop.
HEADLINE_BREAKS = {":", ",", ";", ".", "?", "!", "—", "–", "-", "|"}


def _headline_lemma(word: str, reporting: Collection[str]) -> str | None:
    for ending in VERB_ENDINGS:
        stem = word[:len(word) - len(ending)] if ending else word
        if word.endswith(ending) and stem in reporting:
            return stem
    return None


def _headline_candidates(doc: Doc, text: str, spans: QuotedSpans) -> list[Candidate]:
    """'Senator Praises New Bridge Plan': title-case headlines where the parse reads the verb as a noun."""
    line_end = text.find("\n") if "\n" in text else len(text)
    reporting = quote_cues()["reporting_verbs"]
    found = []
    for token in doc:
        if token.idx >= line_end:
            break
        lemma = _headline_lemma(token.lower_, reporting)
        if lemma is None or token.pos_ not in ("NOUN", "PROPN") or token.i == 0 or not token.is_title:
            continue  # a headline in title case only: in 'The claim by X that …' the noun is a noun
        first = token.i
        while first > 0 and doc[first - 1].text not in HEADLINE_BREAKS and (
                doc[first - 1].pos_ in ("PROPN", "NOUN") or doc[first - 1].is_title):
            first -= 1
        last = token.i + 1
        while last < len(doc) and doc[last].idx < line_end and doc[last].text not in HEADLINE_BREAKS:
            last += 1
        if first == token.i or last == token.i + 1:
            continue
        speaker = doc[first:token.i]
        start, end = _trim(text, doc[token.i + 1].idx, doc[last - 1].idx + len(doc[last - 1]))
        start, end = _widen_to_quotations(start, end, spans)
        features = ["bias", "headline_verb", f"lemma={lemma}", f"len={bucket(last - token.i - 1)}",
                    f"quoted={round(spans.share(start, end), 1)}"]
        found.append(Candidate([token], start, end, speaker, features + speaker_features(speaker, token)))
    return found


def _widen_to_quotations(start: int, end: int, spans: QuotedSpans) -> tuple[int, int]:
    """Content that cuts a quotation short takes the whole quotation, marks excluded."""
    for quotation in spans.near(start, end):
        if quotation.start < end and start < quotation.end:
            start, end = min(start, quotation.start), max(end, quotation.end)
    return start, end


def _according(token: Token, text: str, spans: QuotedSpans, sentence_index: int,
               words: list[Token] | None = None, speaker: Span | None = None) -> list[Candidate]:
    """'…, according to X' (or the `words` of another phrase naming its `speaker`, '…, per X'): the content is
    the clause the phrase hangs on, less the phrase itself."""
    if words is None:
        to = token.doc[token.i + 1]
        words, speaker = [token, to], according_source(token, to)
    phrase = {t.i for word in words for t in word.subtree} | {word.i for word in words}
    doc = token.doc
    # A phrase closing its sentence after a comma reports all of it: 'X fled and remain at large, per the BBC'.
    after_phrase = max(phrase) + 1
    closing = token.i > 0 and doc[token.i - 1].text == "," and (
        after_phrase == len(doc) or doc[after_phrase].is_sent_end or doc[after_phrase].text in SENTENCE_END)
    stops = ("ROOT", "ccomp", "parataxis") if closing else ("ROOT", "ccomp", "conj", "parataxis")
    clause_head = token.head
    while clause_head.dep_ not in stops and clause_head.head.i != clause_head.i:
        clause_head = clause_head.head
    # Marks stay out: a quotation the clause cuts short is restored whole, without them, below.
    tokens = [t for t in clause_head.subtree if t.i not in phrase and not t.is_punct]
    # The content is the side of the phrase the clause stands on: before it, or after it when it leads,
    # or both when the phrase sits inside the clause between commas ('X, according to Y, is Z').
    before = [t for t in tokens if t.i < token.i]
    after = [t for t in tokens if t.i > max(phrase)]
    inside = (before and after and token.i > 0 and doc[token.i - 1].text == ","
              and max(phrase) + 1 < len(doc) and doc[max(phrase) + 1].text == ","
              and after[0].dep_ not in ("cc", "mark") and not any(t.is_sent_start for t in after))
    tokens = before + after if inside else before or after
    if not tokens:
        return []
    start, end = _trim(text, *_within_paragraph(text, token.idx, *_span_chars(tokens)))
    if start >= end:  # the clause lies wholly in another paragraph: nothing reported in this one
        return []
    start, end = _widen_to_quotations(start, end, spans)
    quoted = spans.share(start, end)
    features = ["bias", "lemma=according to", "according", f"quoted={round(quoted, 1)}",
                f"len={bucket(len(tokens))}"] + speaker_features(speaker, token)
    if sentence_index == 0:
        features.append("first_sentence")
    return [Candidate(words, start, end, speaker, features)]


def _per_source(per: Token) -> Span | None:
    """X in '…, per the BBC', '…, per a statement from the club': 'per' after a comma naming a body, a person or a
    paper, not a rate ('£5 per head'), and not hung on a cue of its own."""
    doc = per.doc
    if per.lower_ != "per" or per.dep_ != "prep" or per.i == 0 or doc[per.i - 1].text != ",":
        return None
    verb = governing_verb(per)
    if verb is not None and verb.lemma_.lower() in quote_cues()["reporting_verbs"]:
        return None  # '"…," said the minister, per the AP': the minister speaks, the AP relays
    source = next((child for child in per.children if child.dep_ == "pobj"), None)
    lemma = source.lemma_.lower() if source is not None else ""
    named = source is not None and (source.pos_ == "PROPN" or source.ent_type_ in ("ORG", "PERSON"))
    determined = source is not None and any(child.dep_ in ("det", "poss") for child in source.children)
    if source is None or not determined or not (named or source.pos_ == "NOUN" and (
            lemma in quote_cues()["document_nouns"] or lemma in quote_cues()["source_nouns"])):
        return None
    return according_source(per, per)


# Characters (marks, comma, space) that may separate a quotation from the clause it belongs to.
QUOTE_GAP = 3
# How far from a quotation its cue may stand: "…," the senator from Ohio said on Tuesday.
CUE_WINDOW = 8
DASHES = {"―", "—", "–", "-", "--"}
# '"…" — said X': a quotation, a dash, and a reporting verb with its speaker after it.
DASH_VERB = "dash_verb"
# 'X's reply: "…"', 'X issued the following statement: "…"': a statement introduced without a speech verb.
STATEMENT = "statement"
# '"…," the statement read': a quotation and the document that holds it, whose 'read' the parse may take for a
# noun; as far before 'read' as the document's phrase may start: 'the group's short post'.
READS = "reads"
READS_REACH = 4
# A quoted name has at most this many words: 'Salt and Stone', 'The Man Who Fell to Earth'.
TITLE_WORDS = 6
# How many words before a colon a statement's noun may stand: 'Quote from Dr Ann Lee, head of the clinic:'.
STATEMENT_REACH = 20
SENTENCE_END = {".", "?", "!"}
# Quoted words that trail off hand over to the cue after them as a comma does: '"If only…" she said'.
TRAILING_OFF = ("…", "...")


def _is_cue_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT")


def _cue_verb(token: Token) -> Token | None:
    """The verb a token next to a quotation hangs on, at most three words up: 'said' in '…," Jane Doe, an
    aide, said'."""
    return governing_verb(token, _is_cue_verb, reach=3)


def _next_tokens(doc: Doc, start: int):
    for token in doc[start:start + CUE_WINDOW]:
        if token.is_space:
            if "\n" in token.text:
                return
            continue
        if token.is_quote or token.text in SENTENCE_END:
            return
        yield token


def _previous_tokens(doc: Doc, end: int):
    for token in reversed(doc[max(0, end - CUE_WINDOW):end]):
        if token.is_space:
            continue
        if token.is_quote or token.text in SENTENCE_END:
            return
        yield token


def _quotation_candidates(doc: Doc, text: str, spans: QuotedSpans) -> list[Candidate]:
    """Quotations and the cue next to them: '"…," he said', 'she said: "…"', '"…" ― Name'."""
    found: list[Candidate] = []
    continued_until = -1  # end of the quotation the last run-on quote took in
    for number, quotation in enumerate(spans.marks):
        if quotation.end <= continued_until:
            continue
        after = token_index_from(doc, quotation.outer_end)
        before = token_index_from(doc, quotation.outer_start)
        if _is_nickname(doc, before, after):
            continue
        cue, position, speaker = _quotation_cue(doc, after, before, _ends_sentence(text, quotation))
        if cue is None:
            continue
        cue_tokens = [cue]
        if cue.lower_ == "according" and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "to":
            cue_tokens.append(doc[cue.i + 1])
            speaker = according_source(cue, doc[cue.i + 1])
        elif speaker is None and position != STATEMENT:
            speaker = speaker_of(cue)
            if speaker is not None and spans.share(speaker.start_char, speaker.end_char) > 0:
                # '"Nobody," said the chair': a quoted word the parse made the cue's subject; in '"…, our
                # marks," her son, Ali, told us' it hangs the speaker on that word as its apposition
                speaker = apposition_after(speaker, quotation.outer_end)
            if speaker is None and position in ("after", DASH_VERB):
                speaker = inverted_subject(cue)
            if speaker is None and _generic_speech(cue) or said_by_anyone(cue):
                continue  # 'It is easy to say "…"', 'Shouting "cheat" is one thing': words nobody said
        if _gives_a_name(cue, text, quotation.start, quotation.end, [quotation]):
            continue
        next_quote = _run_on(doc, text, cue, spans.marks, number) if position == "after" else None
        if next_quote is not None:
            continued_until = next_quote.end
        words = text[quotation.start:quotation.end].split()
        closing = _closing_punctuation(text, quotation)
        reporting = _reports_quotation(cue) or position in (STATEMENT, READS)
        # '"…," she said', '"…" — said X', '"…" was said by X', 'X issued the following statement: "…"'
        # The comma may stand outside the marks: '"…", the minister said' (words, not marks the pairing mixed up).
        comma_after = text[quotation.outer_end:quotation.outer_end + 1] == "," and text[quotation.start].isalnum()
        trailing_off = text[quotation.start:quotation.end].endswith(TRAILING_OFF)
        handed = position in (DASH_VERB, STATEMENT, READS) or position == "after" and (
            closing in ",?!" or comma_after or _said_by_agent(cue) or trailing_off)
        position = {DASH_VERB: "after", STATEMENT: "before_colon", READS: "after"}.get(position, position)
        features = ["bias", "quotation", f"qpos={position}", f"lemma={cue.lemma_.lower()}",
                    f"qlemma={cue.lemma_.lower()}|{position}", f"len={bucket(len(words))}",
                    f"closed={quotation.closed}", f"ends_with={closing}"] + speaker_features(speaker, cue)
        features += [f"qpos_spk={position}|{feature}" for feature in features[-2:]]
        # A short quotation handed to its cue ('"No," she said') is speech; a short one ending on a word is a phrase.
        features.append(f"ends_len={closing}|{bucket(len(words))}")
        if handed and speaker is not None and reporting:
            features.append(HANDED_TO_CUE)
        if reporting:
            features.append("reporting_verb")
        found.append(Candidate(cue_tokens, quotation.start, quotation.end, speaker, features))
        if next_quote is not None:
            found.append(Candidate(cue_tokens, next_quote.start, next_quote.end, speaker, list(features)))
    return found


def _ends_sentence(text: str, quotation: Quotation) -> bool:
    """Quoted words closing on a full stop end their sentence, unless they trail off into a cue in lower case
    ('"We tried..." she said')."""
    words = text[quotation.start:quotation.end]
    lower_case_after = text[quotation.outer_end:].lstrip()[:1].islower()
    return words.endswith(".") and not (words.endswith(TRAILING_OFF) and lower_case_after)


def _said_by_agent(cue: Token) -> bool:
    """'"…" was said by X': a passive reporting verb with its agent, the quotation as its subject."""
    children = {child.dep_ for child in cue.children}
    return {"agent", "auxpass"} <= children and ("nsubjpass" in children or "csubjpass" in children)


def _gives_a_name(cue: Token, text: str, start: int, end: int, quotations: list[Quotation]) -> bool:
    """'Fans call him "The Wall"', 'a scheme dubbed "Project Lark"': a naming verb whose quoted words are a name
    in title case, not words anyone said (in a headline written in title case, any words are)."""
    if cue.lemma_.lower() not in quote_cues()["naming_verbs"] or _title_case(cue.sent.text, len(cue.sent)):
        return False
    inside = [quotation for quotation in quotations if start <= quotation.end and quotation.start <= end]
    return bool(inside) and all(_title_case(text[quotation.start:quotation.end]) for quotation in inside)


def _title_case(words: str, most: int = TITLE_WORDS) -> bool:
    """'The Wall', 'Salt and Stone': a name's capitals (short joining words aside), in a few words."""
    words = [word.strip("\"“”‘’'") for word in words.split() if any(char.isalpha() for char in word)]
    return 0 < len(words) <= most and words[0][:1].isupper() and all(
        word[:1].isupper() for word in words if len(word) > 3)


def _generic_speech(cue: Token) -> bool:
    """A cue with no speaker that names a kind of saying rather than reports one: an infinitive ('easy to say')
    or a gerund as a noun ('Shouting … is one thing')."""
    gerund = cue.tag_ == "VBG" and cue.dep_ in ("csubj", "nsubj", "pcomp", "pobj")
    return gerund or cue.tag_ == "VB" and any(child.dep_ == "aux" and child.lower_ == "to" for child in cue.children)


def _reports_quotation(cue: Token) -> bool:
    """A verb that can hand over quoted words: a reporting verb, or one of the manner of speaking or of sound
    and expression that news sets after a quotation ('"Get out," he hissed', '"We did it," she beamed')."""
    lemma = cue.lemma_.lower()
    return lemma in quote_cues()["reporting_verbs"] or lemma in quote_cues()["manner_verbs"]


def _closing_punctuation(text: str, quotation: Quotation) -> str:
    """How the quoted words end: '"We will win," she said' closes on the comma that hands over to the cue;
    a quoted phrase ('called it "a disaster"') ends on a word."""
    last = text[quotation.end - 1:quotation.end]
    return last if last in ",.?!" else "word"


def _is_nickname(doc: Doc, before: int, after: int) -> bool:
    """A quotation set between two names is a nickname: 'Earl "Bud" Hanley said …' (`before` is the opening
    mark's token, `after` the token after the closing mark)."""
    return 0 < before and after < len(doc) and doc[before - 1].pos_ == "PROPN" and doc[after].pos_ == "PROPN"


def _quotation_cue(doc: Doc, after: int, before: int, ends_sentence: bool) -> tuple[Token | None, str, Span | None]:
    """The cue of a quotation: a dash and a name after it, else a reporting verb after or before it, else
    the verb the words after or before it hang on. A quotation closing with a full stop ends its sentence:
    the words after it are a new one ('… as "theater." Asked about it, he said …')."""
    following = list(_next_tokens(doc, after))
    if len(following) > 1 and following[0].text in DASHES:
        if following[1].pos_ == "VERB" and _reports_quotation(following[1]):
            return following[1], DASH_VERB, None  # '"Enough" — said the chair'
        speaker = name_after_dash(doc, following[1].i)
        if speaker is not None:
            return following[0], "dash", speaker
    if (reads := _document_reads(doc, following)) is not None:
        return reads[0], READS, reads[1]
    reporting = quote_cues()["reporting_verbs"]
    before_options: list[tuple[Token, str]] = []
    preceding = list(_previous_tokens(doc, before))
    if preceding and preceding[0].pos_ == "VERB" and preceding[0].lemma_.lower() in reporting:
        before_options.append((preceding[0], "before_verb"))  # 'a man yelled "Stay there!"'
    if preceding and preceding[0].text == ":" and (statement := _statement_before(preceding[0])) is not None:
        return statement[0], STATEMENT, statement[1]  # 'X issued the following statement:', 'Her reply:'
    if preceding and preceding[0].text in (":", ","):
        position = "before_colon" if preceding[0].text == ":" else "before_comma"
        verb = next((token for token in preceding if token.pos_ == "VERB" and token.lemma_ in reporting), None)
        before_options += [(verb, position)] if verb is not None else []
        if (verb := _cue_verb(preceding[0])) is not None:
            before_options.append((verb, position))
    after_options = []
    # The verb the next words hang on may stand before the quotation ('told them the plan was "dead" after …').
    if following and not ends_sentence and (verb := _cue_verb(following[0])) is not None and verb.i >= after:
        after_options.append((verb, "after"))
    # 'X said: "…", adding that …' is said's quotation; otherwise the cue after a quotation comes first.
    colon_first = [option for option in before_options if option[1] == "before_colon"]
    options = colon_first + after_options + before_options
    reporting_options = [option for option in options if option[0].lemma_ in reporting]
    cue, position = (reporting_options or options or [(None, "")])[0]
    return cue, position, None


def _document_reads(doc: Doc, following: list[Token]) -> tuple[Token, Span] | None:
    """'read' after a quotation and the document phrase before it ('"…," the post read'), when the parse did not
    take 'read' for the verb it is."""
    words = [token for token in following if not token.is_punct][:READS_REACH + 1]
    documents = quote_cues()["document_nouns"]
    for number, token in enumerate(words[1:], start=1):
        if token.lower_ in ("read", "reads") and token.pos_ != "VERB" and words[number - 1].lemma_.lower() in documents:
            return token, doc[words[0].i:token.i]
        if token.pos_ not in ("DET", "PRON", "ADJ", "NOUN", "PROPN", "PART"):
            return None
    return None


def _statement_before(colon: Token) -> tuple[Token, Span | None] | None:
    """A statement a colon introduces with no speech verb, and who made it: 'X issued the following
    statement:' (the verb and its subject), 'X's reply:', 'Quote from X:', 'A statement by X:' (the noun and its
    owner). The noun is looked for back to the start of the colon's line or sentence."""
    doc = colon.doc
    nouns = quote_cues()["statement_nouns"]
    for token in reversed(doc[max(colon.sent.start, colon.i - STATEMENT_REACH):colon.i]):
        if token.is_space and "\n" in token.text or token.is_quote or token.pos_ == "VERB" and token.dep_ != "amod":
            return None  # a verb nearer the colon is its cue: 'In a post on X, she wrote:'
        if token.lower_ not in nouns and not (token.pos_ == "NOUN" and token.lemma_.lower() in nouns):
            continue
        owner = noun_owner(token) or _of_owner(token)
        if owner is None and token.dep_ in ("dobj", "attr") and token.head.pos_ == "VERB":
            return token.head, speaker_of(token.head)  # 'X released the following statement:'
        return token, owner
    return None


def _of_owner(statement: Token) -> Span | None:
    """'The words of the coroner, Ann Pryce:': whose a statement is, after 'of'."""
    for child in statement.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((statement.doc[grand.left_edge.i:grand.i + 1] for grand in child.children
                         if grand.dep_ == "pobj"), None)
    return None


def _run_on(doc: Doc, text: str, cue: Token, quotations: list[Quotation], number: int) -> Quotation | None:
    """The quotation after a quote whose cue follows it that is the same speaker's and has no cue of its own: B
    in '"A," he said, "B."' (a quotation split around its cue is two quotes, and neither holds the cue) and in
    '"A," he said. "B."' (as news gold counts them, one quote per sentence)."""
    if number + 1 >= len(quotations):
        return None
    following = quotations[number + 1]
    between = text[cue.idx:following.outer_start]
    if following.outer_start < cue.idx or "\n" in between:
        return None
    opening = token_index_from(doc, following.outer_start)
    if any(is_trailing_report(token) and token.right_edge.i >= opening for token in doc[cue.i + 1:opening]):
        return None  # '"A," she said, adding that "B"': B is what she adds ('…, referring to X. "B"' runs on)
    if text[following.end - 1:following.end] != "." and any(
            token.pos_ == "VERB" for token in _next_tokens(doc, token_index_from(doc, following.outer_end))):
        return None  # '"A," said one. "B," another snapped.': B has a cue of its own
    last = next((token for token in doc[cue.i:] if token.is_sent_end), doc[-1])
    gap = text[last.idx + len(last):following.outer_start]
    same_sentence = between.rstrip().endswith(",") and not any(mark in between for mark in SENTENCE_END)
    return following if same_sentence or len(gap) <= 2 else None
