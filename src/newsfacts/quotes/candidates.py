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
from ..parse import governing_verb, token_index_from
from ..quote_marks import Quotation, QuotedSpans
from .content import (
    PARENTHETICAL, REPORTED_CLAUSES, charges, closes_its_clause, content_heads, names_its_object, noun_content,
    opens_its_clause, question_put_to_subject, subtrees_chars,
)
from .model import bucket, cue_features, speaker_features
from .speakers import (
    CLAUSE_DEPS, according_source, apposition_after, container_speaker, inverted_subject, is_trailing_report,
    name_after_dash, noun_owner, said_by_anyone, speaker_of,
)


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
                question_put_to_subject(token) or token.lemma_.lower() in quote_cues()["knowledge_verbs"]):
            continue  # PolNeAR counts questions put to someone and what someone knows; news gold does not
        heads, kind = content_heads(token) if token.pos_ != "NOUN" else noun_content(token)
        if not heads:
            continue
        start, end, size = subtrees_chars(heads)
        if kind != PARENTHETICAL and start < token.idx < end:
            start = token.idx + len(token)  # 'who the judge said had …': the clause the parse hangs across the cue
        elif kind == PARENTHETICAL and closes_its_clause(token, end):
            end = token.left_edge.idx  # '…were arrested, Lee said, without giving details.': the words end before it
        elif kind == PARENTHETICAL and opens_its_clause(token, start):
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
            widens = kind in CLAUSE_DEPS or names_its_object(heads)
            first, last = min(near, key=lambda quotation: quotation.start), max(near, key=lambda q: q.end)
            if widens and start < first.start and _has_words(text, start, first.start):
                first.start = start
            if widens and end > last.end and _has_words(text, last.end, end):
                last.end = end
            continue
        if not acts and kind not in REPORTED_CLAUSES and quoted < 0.5 and not charges(token, heads) and not (
                quoted and (names_its_object(heads) or spans.share(end - 1, end) == 1)):
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
