"""Who speaks: the phrase the parse gives a cue as its source ("Ana Diaz", "a senior official", "who"), and what
it resolves to on the sheet: the speaker's entity, whether the source is named, anonymous or the writer, and the
name to show. Generic sources ("officials", "a source") are anonymous; the journalist's own "I"/"we" is the
writer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import PERSONAL_PRONOUNS, quote_cues
from ..parse import Mentions, NOUN_ATTACHED_DEPS, depth, relative_antecedent, sentence_start, token_index_from
from ..quote_marks import QuotedSpans
from ..schema import Entity, FactSheet, Quote, Span as TextSpan


# Dependents that carry the clause a cue verb reports (spaCy's ClearNLP labels); a cue heading one of them
# keeps its own speaker ("X insisted that …, claiming …": X claims). `candidates` reads the content from them.
CLAUSE_DEPS = ("ccomp", "parataxis")
# Dependents that are a cue's speaker.
SUBJECT_DEPS = ("nsubj", "csubj")
# A verb without a subject of its own shares its head's: "He stood up and said …", "…, adding that …".
SHARED_SUBJECT_DEPS = ("conj", "advcl", "xcomp", "ccomp", "pcomp")
# A participle clause that closes a report and reports words of its own: "…, adding that …", "…, calling it …".
TRAILING_REPORT_DEPS = ("advcl", "conj", "xcomp")
# Right dependents that belong to a speaker phrase: "aides to the governor", "people familiar with the talks".
PHRASE_RIGHT_DEPS = ("compound", "flat", "nummod", "prep", "amod")
# What the small model makes of a speaker after its verb ('"…," sobbed his mother'): subject, object or modifier.
INVERTED_SUBJECT_DEPS = ("nsubj", "dobj", "npadvmod", "attr", "appos")
# How the parse hangs a participle aside ('Ann Lee, asked about it, said') on the verb after it, and the words
# of that verb that may stand between the aside's closing comma and it ('…, would only say').
ASIDE_DEPS = ("ccomp", "advcl")
ASIDE_GAP_DEPS = ("aux", "advmod", "neg")
# Passive verbs whose subject is who spoke: 'X was quoted as saying', 'X was heard saying'.
QUOTED_SPEAKER_VERBS = {"quote", "cite", "hear", "overhear", "record", "film"}
# A wire dateline at the start of a paragraph: 'LONDON (Reuters) - ', 'BERLIN — '.
DATELINE = re.compile(r"[ \t]*[A-Z][A-Z.' -]*[A-Z.](?:,[ \t]*[A-Z][\w. ]*)?"  # LONDON, Sept 12
                      r"[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-—–][ \t]*")  # (Reuters) -
DATELINE_REACH = 20  # tokens
# Participles that name the person a description stands for: 'a resident surnamed Ng', 'a man named as X'.
NAMING_VERBS = {"name", "surname", "call", "identify"}
# Prepositions that give a statement's author: 'the claim by X', 'a statement from X', 'on behalf of X'.
OWNER_PREPOSITIONS = ("by", "from")
# How many words a phrase naming whom a speaker acts for may have: 'for the Crown Prosecution Service'.
SIDE_REACH = 8
# Punctuation a speaker phrase does not run across (a hyphen inside 'anti-war activists' it does).
PHRASE_BREAKS = {",", ";", ":", "(", ")", "—", "–", "―"}


def _noun_phrase(head: Token) -> Span:
    """The speaker phrase: the head noun with its left dependents, without appositions or clauses."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in PHRASE_RIGHT_DEPS and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    # Leftwards up to a mark or comma: a parse may hang the quotation before a name on it.
    start = head.i
    while start > head.left_edge.i and not ((doc[start - 1].is_quote and doc[start - 1].tag_ != "POS")
                                            or doc[start - 1].is_space or doc[start - 1].text in PHRASE_BREAKS):
        start -= 1
    # A comma after the head opens an aside: "a person familiar with the talks, who spoke on condition …".
    end = next((token.i for token in doc[head.i + 1:end] if token.text == ","), end)
    return doc[start:end]


def speaker_of(verb: Token) -> Span | None:
    """The phrase that says, writes or thinks what `verb` reports, following shared subjects upwards."""
    if participle_aside(verb) is not None:
        return None  # 'Ann Lee, told of the plan, said …': she heard it, someone unnamed told her
    token = verb
    if is_trailing_report(verb) and verb.head.dep_ in CLAUSE_DEPS:
        token = verb.head.head  # "X insisted that …, claiming …": X claims, not the clause's subject
    for _ in range(4):
        # The subject nearest the verb first: in 'Defending Ann Lee, Tom Ray KC said' the parse may take both.
        for child in sorted(token.children, key=lambda child: abs(child.i - token.i)):
            if child.dep_ in SUBJECT_DEPS:
                child = _named_before_description(child)
                if token is not verb and child.lower_ == "it" and token.lemma_ == "be":
                    return None  # 'It is easy to say …': an expletive subject stands for no one
                if child.pos_ == "VERB":  # 'Summing up, Ann Lee KC said': a clause is no one
                    return _name_before(token)
                if (appositive := _opening_phrase_apposition(child)) is not None:
                    return appositive
                return _past_dateline(child) or _noun_phrase(child)
            if child.dep_ == "agent":  # passive: "was told by X"
                objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                if objects:
                    return _noun_phrase(objects[0])
        passive_subject = next((child for child in token.children if child.dep_ == "nsubjpass"), None)
        quoted_speaker = token.lemma_.lower() in QUOTED_SPEAKER_VERBS
        if passive_subject is not None and passive_subject.lower_ != "it" and quoted_speaker:
            return _noun_phrase(passive_subject)  # "X was quoted as saying …": X said it
        if passive_subject is not None or any(child.dep_ == "auxpass" for child in token.children) or (
                token.tag_ == "VBN" and token.dep_ == "advcl"):
            # "she is said to …", "he was told …", "Asked about it, she said …": the subject heard it,
            # someone unnamed said it
            return None
        if (slipped := _slipped_subject(token)) is not None or (slipped := _name_before(token)) is not None:
            return slipped
        if (aside := _aside_before(token)) is not None:
            return _noun_phrase(aside[0])
        if token.dep_ in NOUN_ATTACHED_DEPS and (token.head.pos_ in ("NOUN", "PROPN", "PRON") or is_age(token.head)):
            # "who said": the relative pronoun's antecedent is the noun the clause hangs on ("the 22-year-old
            # posted" may be parsed so too).
            return _noun_phrase(token.head)
        if token.dep_ == "pcomp" and token.head.lower_ == "as" and token.head.head.pos_ == "VERB":
            token = token.head.head  # 'quoted as saying': the subject of 'quoted'
            continue
        if token.dep_ not in SHARED_SUBJECT_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _named_before_description(subject: Token) -> Token:
    """The name a description stands beside, when the parse made both subjects of the verb: 'Acme, a firm
    founded in 1990, said …' (the name is the speaker, the description says what it is)."""
    if subject.pos_ != "NOUN" or subject.left_edge.i < 2 or subject.doc[subject.left_edge.i - 1].text != ",":
        return subject
    name = subject.doc[subject.left_edge.i - 2]
    return name if name.pos_ == "PROPN" and name.head == subject.head and name.dep_ in SUBJECT_DEPS else subject


def _opening_phrase_apposition(subject: Token) -> Span | None:
    """The person set beside a sentence's opening phrase that the parse took for the subject: in 'Outside
    parliament, his sister, Ana, said …' a bare singular noun without article names a place or time, not a speaker."""
    if subject.tag_ != "NN" or subject.left_edge.i != subject.sent.start or any(
            child.dep_ in ("det", "poss", "nummod") for child in subject.children):
        return None
    # The parse may make it a conjunct, with a comma and no 'and' before it.
    if any(child.dep_ == "cc" for child in subject.children):
        return None
    appositive = next((child for child in subject.rights if child.dep_ in ("appos", "conj")), None)
    if appositive is None or subject.doc[appositive.left_edge.i - 1].text != ",":
        return None
    return _noun_phrase(appositive)


def participle_aside(verb: Token) -> tuple[Token, Token] | None:
    """'Ann Lee, asked whether she would stand, said …': a passive participle set between commas after a subject,
    which the parse took for the subject's verb; its subject and the verb that subject really has ('said')."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBN") or verb.i < 2 or doc[verb.i - 1].text != "," or any(
            child.dep_ in ("aux", "auxpass") for child in verb.children):
        return None
    subject = next((child for child in verb.lefts if child.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.right_edge.i not in (verb.i - 2, verb.i - 1):  # the comma may hang on it
        return None
    partners = [child for child in verb.rights if child.dep_ == "conj"]
    if verb.dep_ in ASIDE_DEPS and verb.head.i > verb.i:
        partners.append(verb.head)
    for partner in partners:
        comma = next((token.i for token in reversed(doc[verb.i + 1:partner.i]) if token.text == ","), None)
        if partner.pos_ == "VERB" and comma is not None and not any(
                child.dep_ in SUBJECT_DEPS + ("nsubjpass",) for child in partner.children) and all(
                token.head == partner and token.dep_ in ASIDE_GAP_DEPS for token in doc[comma + 1:partner.i]):
            return subject, partner
    return None


def _aside_before(verb: Token) -> tuple[Token, Token] | None:
    """The participle aside whose subject is `verb`'s: 'asked' in 'Ann Lee, asked about it, said …'."""
    candidates = [child for child in verb.lefts if child.dep_ in ASIDE_DEPS] + (
        [verb.head] if verb.dep_ == "conj" and verb.head.i < verb.i else [])
    return next((aside for candidate in candidates if (aside := participle_aside(candidate)) is not None
                 and aside[1] == verb), None)


def _slipped_subject(verb: Token) -> Span | None:
    """A subject the parse hung on the verb in pieces: in '"…," the 34-year-old said' the small model often
    attaches 'the' and 'old' to 'said' as a determiner and a modifier; a verb takes neither."""
    pieces = [child for child in verb.lefts if child.dep_ in ("det", "amod")]
    if not pieces or verb.i == 0 or pieces[-1].right_edge.i != verb.i - 1:
        return None
    return verb.doc[pieces[0].left_edge.i:verb.i]


def _name_before(verb: Token) -> Span | None:
    """A name set off by commas straight before a verb without a subject, which the parse hung elsewhere:
    'In a statement to the Courier, the mayor, Ivo Brandt, said …' (the mayor as the Courier's apposition)."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    end = verb.i - 1
    aside = _side_before(doc, end)
    if aside is not None:  # 'Ann Lee KC, for the council, said': the side a lawyer speaks for
        end = aside
    start = end
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    # A name NER reads as a person's or a body's, in part at least: 'Ann Lee KC' may come out as an ORG 'KC'.
    if start == end or start == 0 or doc[start - 1].text != "," or not any(
            token.ent_type_ in ("PERSON", "ORG") for token in doc[start:end]):
        return None
    return doc[start:end]


def _side_before(doc: Doc, comma: int) -> int | None:
    """The comma before a phrase opening on a preposition that ends at `comma` ('…, for the defence,'), if any."""
    for index in range(comma - 1, max(0, comma - SIDE_REACH) - 1, -1):
        if doc[index].text == ",":
            opening = doc[index + 1]
            return index if index + 1 < comma and opening.pos_ == "ADP" and not any(
                token.pos_ in ("VERB", "AUX") for token in doc[index + 1:comma]) else None
    return None


def _past_dateline(subject: Token) -> Span | None:
    """The subject behind a wire dateline the parse took for it: 'LONDON (Reuters) - Kestrel Mills said …'."""
    doc = subject.doc
    first = subject.left_edge
    if first.i > 0 and "\n" not in doc[first.i - 1].text_with_ws:
        return None  # a dateline opens its paragraph
    line = doc[first.i:min(len(doc), first.i + DATELINE_REACH)]
    dateline = DATELINE.match(line.text)
    end = line.start_char + dateline.end() if dateline else 0
    if subject.idx >= end:
        return None
    after = [child for child in subject.subtree if child.idx >= end and child.head.i < child.i and child.head.idx < end]
    return _noun_phrase(after[0]) if after else None


def said_by_anyone(verb: Token) -> bool:
    """'Anyone who says …', 'the one who says …': a relative clause in the present on a word that stands for
    whoever would say it, so no one's words are reported ('those who spoke said' reports theirs)."""
    if verb.dep_ not in NOUN_ATTACHED_DEPS or verb.tag_ not in ("VBZ", "VBP"):
        return False
    antecedent = verb.head
    return antecedent.lower_ in quote_cues()["generic_speakers"] or antecedent.lower_ == "one" and any(
        child.lower_ == "the" for child in antecedent.children)


def is_trailing_report(token: Token) -> bool:
    return (token.dep_ in TRAILING_REPORT_DEPS and token.tag_ == "VBG"
            and token.lemma_.lower() in quote_cues()["reporting_verbs"]
            and not any(child.dep_ in SUBJECT_DEPS for child in token.children))


def noun_owner(noun: Token) -> Span | None:
    """The owner of a reporting noun: 'his' in 'his claim that …', the agent in 'the claim by X that …' and
    'a statement from X'."""
    owners = [child for child in noun.children if child.dep_ == "poss"]
    if owners:
        return _noun_phrase(owners[0])
    for child in noun.rights:
        if child.dep_ not in ("prep", "agent"):
            continue
        objects = [grand for grand in child.children if grand.dep_ == "pobj"]
        if objects and child.lower_ == "on" and objects[0].lower_ == "behalf":  # 'on behalf of X'
            return next((_noun_phrase(grand) for of in objects[0].children if of.lower_ == "of"
                         for grand in of.children if grand.dep_ == "pobj"), None)
        if objects and child.lower_ in OWNER_PREPOSITIONS:
            return _noun_phrase(objects[0])
    return None


def is_age(head: Token) -> bool:
    """'old' in 'the 34-year-old': a person, though NER reads an age."""
    return head.lower_ == "old" and head.ent_type_ == "DATE"


def speaker_head(speaker: Span) -> Token:
    """The word a speaker phrase is about: its root, or its last word when the parse hung the phrase on the
    verb in pieces and a determiner came out as root ('the 34-year-old said')."""
    root = speaker.root
    return speaker[-1] if root.pos_ == "DET" and len(speaker) > 1 else root


def according_source(according: Token, to: Token) -> Span | None:
    """X in 'according to X'; of 'unnamed sources and X', the one with a name."""
    objects = [child for child in to.children if child.dep_ == "pobj"] or [
        child for child in according.children if child.dep_ == "pobj"]
    if not objects:
        return None
    source = objects[0]
    if source.pos_ != "PROPN" and source.lemma_.lower() in quote_cues()["source_nouns"]:
        source = next((child for child in source.conjuncts if child.pos_ == "PROPN"), source)
    return _noun_phrase(source)


def name_after_dash(doc: Doc, index: int) -> Span | None:
    end = index
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - index < 5:
        end += 1
    return doc[index:end] if end > index else None


def apposition_after(subject: Span, end: int) -> Span | None:
    """The phrase set beside a subject that starts at character `end` or later: the speaker, when the parse took
    a quoted word before it for the subject."""
    return next((_noun_phrase(child) for child in speaker_head(subject).rights
                 if child.dep_ == "appos" and child.left_edge.idx >= end), None)


def inverted_subject(cue: Token) -> Span | None:
    """The speaker straight after an inverted cue ('"…," said the chair', '"…," sobbed his mother', '"…,"
    tweeted councillor Ann Lee'), which the small model may parse as the cue's object or anything else; not
    after a verb whose object is who heard the words ('told the court')."""
    if cue.lemma_.lower() in quote_cues()["listener_verbs"]:
        return None
    doc = cue.doc
    for child in cue.rights:
        if child.dep_ in INVERTED_SUBJECT_DEPS and child.left_edge.i == cue.i + 1 and child.pos_ in ("NOUN", "PROPN"):
            return _noun_phrase(child)
    end = cue.i + 1
    while end < len(doc) and (doc[end].pos_ in ("PROPN", "NOUN") or end == cue.i + 1 and (
            doc[end].pos_ in ("DET", "NUM") or doc[end].tag_ == "PRP$")):
        end += 1
    words = doc[cue.i + 1:end]
    return words if any(token.pos_ in ("PROPN", "NOUN") for token in words) else None


# Words that point back at someone the article has named: "the company said", "this official".
DEFINITE = {"the", "this", "that", "these", "those"}
# The indefinite articles, which open a description rather than a name ('A spokesman').
ARTICLES = {"a", "an"}
DETERMINERS = DEFINITE | ARTICLES
# How many sentences back a pronoun may find the unnamed source it stands for.
UNNAMED_WINDOW = 2
# Penn tags of plural nouns: "officials" can be "they", not "she".
PLURAL_TAGS = ("NNS", "NNPS")
# How a quote from the journalist's own "I"/"we" names its speaker.
WRITER = "the writer"


def resolve_speaker(phrase: Span | None, sheet: FactSheet, mentions: Mentions, spoken: QuotedSpans,
                    earlier: list[Quote], content: tuple[int, int] = (0, 0)
                    ) -> tuple[Entity | None, TextSpan | None, str, str | None]:
    """The speaker's entity, the mention naming it here, whether the source is named, anonymous or the writer
    (an "I" outside `spoken`, the quoted words), and the name to show for it. `content` is where the reported
    words lie (characters)."""
    if phrase is None:  # "is said to", an agentless passive: someone unnamed
        return None, None, "anonymous", None
    document = _document_referred_to(phrase, mentions)
    if document is not None or _is_authored(speaker_head(phrase)):
        # "The statement added", "a release stating", "according to a lawsuit brought by X", "…, it read":
        # the words are its author's.
        author = _document_author(document if document is not None else speaker_head(phrase))
        if author is not None and not _is_document(speaker_head(author)) and not _is_authored(speaker_head(author)):
            return resolve_speaker(author, sheet, mentions, spoken, earlier, content)
    if document is not None:
        previous = _previous_named_speaker(phrase, earlier) if document.pos_ != "VERB" else None
        if previous is not None:
            entity = next((entity for entity in sheet.entities if entity.id == previous.speaker), None)
            return entity, previous.speaker_mention, previous.source, previous.speaker_name
    shown = phrase
    if phrase.start > 0 and phrase.text in ("'s", "’s") and phrase.doc[phrase.start - 1].lower_ == "let":
        shown = phrase.doc[phrase.start - 1:phrase.end]  # "Let's hope": the mention is "Let's", not "'s"
    mention = TextSpan(text=shown.text, start=shown.start_char, end=shown.end_char)
    head = speaker_head(phrase)
    name = phrase.text
    referent = relative_antecedent(head)
    if referent is not None:  # "residents who say …": the mention is "who", the speaker the residents
        head, name = referent, _noun_phrase(referent).text
    # Only the head and the names set with it name the speaker: "sources close to X" and "X's lawyer" are not X.
    # A person named beside a title the entity stage took for a thing is the speaker: 'The Chair of X, Ann Lee,'.
    entity = mentions.entity_of(head)
    if entity is None or entity.type != "PERSON":
        named = _named_with(head, mentions)
        entity = named if entity is None or named is not None and named.type == "PERSON" else entity
    lower = head.lower_
    lex = quote_cues()
    first_person = lower in lex["writer_pronouns"] or head.lemma_.lower() in lex["writer_pronouns"]
    if entity is None and first_person and spoken.share(head.idx, head.idx + 1) == 0 or (
            phrase.text.lower() in lex["interviewer_labels"]):  # "Q: …" in a transcript is the publication's
        return None, mention, "writer", WRITER
    previous = None
    # 'Kowal, he said, had left', '"Kowal had left," he said': who is named in the words before the cue is not who
    # says them
    named_in_words = [e for e in sheet.entities if e.type == "PERSON"
                   and _named_in(e, content[0], min(head.idx, content[1]))] \
        if lower in lex["person_pronouns"] and content[0] < head.idx else []
    if entity is not None and entity in named_in_words:
        entity, previous = _antecedent(head, sheet, earlier, ("PERSON",), PERSONAL_PRONOUNS.get(lower), plural=False,
                                       excluded=entity.id, content=content)
    elif entity is None and lower in lex["person_pronouns"]:
        excluded = named_in_words[0].id if len(named_in_words) == 1 else None
        entity, previous = _antecedent(head, sheet, earlier, ("PERSON",), PERSONAL_PRONOUNS.get(lower), plural=False,
                                       excluded=excluded, content=content)
    elif entity is None and lower in lex["group_pronouns"]:
        entity, previous = _antecedent(head, sheet, earlier, ("ORG",), None, plural=True, content=content)
    if previous is not None:  # "One resident said … 'Why?' she asked": the same unnamed source
        return None, mention, "anonymous", previous.speaker_name
    if entity is None and (head.lemma_.lower() in lex["source_nouns"] or _unnamed(phrase, head)):
        return None, mention, "anonymous", name
    return entity, mention, "named", entity.name if entity else name


def _is_document(head: Token) -> bool:
    """'the statement', 'a release': a common noun, not a name ('the Post')."""
    return _is_paper(head, "document_nouns")


def _is_authored(head: Token) -> bool:
    """'the complaint', 'a report': a paper whose words are its author's when the sentence names one."""
    return _is_paper(head, "authored_documents")


def _is_paper(head: Token, table: str) -> bool:
    """A common noun of one of the cue tables' kinds of paper, in lower case (not a name such as 'the Post')."""
    return head.pos_ == "NOUN" and head.is_lower and head.lemma_.lower() in quote_cues()[table]


def _document_referred_to(phrase: Span, mentions: Mentions) -> Token | None:
    """The statement a speaker phrase is: itself ('the statement read'), or, for an 'it' that reads and no entity
    claims, the last statement named in its sentence or the two before ('They issued a statement. "…," it read.')."""
    head = speaker_head(phrase)
    doc = head.doc
    window = sentence_start(doc, head.sent.start, UNNAMED_WINDOW) or 0  # the quoted sentences count
    if _is_document(head):
        if _document_author(head) is not None or phrase[0].lower_ not in DEFINITE:
            return head
        # 'the post' with no author of its own: the post named or made just before ('X posted it online')
        return next((token for token in reversed(doc[window:head.i]) if token.lemma_ == head.lemma_ and (
            token.pos_ == "VERB" or token.pos_ == "NOUN" and _document_author(token) is not None)), head)
    if head.lower_ != "it" or head.head.lemma_ != "read" or mentions.entity_of(head) is not None:
        return None  # an 'it' that says or denounces is a body more often than a paper
    return next((token for token in reversed(doc[window:head.i]) if _is_document(token)), None)


def _document_author(document: Token) -> Span | None:
    """Who wrote a statement: 'the family's statement', 'a statement from X', 'X issued a release', 'a
    lawsuit filed by X', 'X said in a statement', 'X posted it'."""
    if document.pos_ == "VERB":
        return speaker_of(document)
    owner = noun_owner(document)
    if owner is not None:
        return owner
    if document.dep_ in ("dobj", "attr") and document.head.pos_ == "VERB":
        return speaker_of(document.head)
    for child in document.children:  # 'a lawsuit filed by X', 'a statement issued by X', not 'seen by X'
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in quote_cues()["authoring_verbs"]:
            agent = next((grand for grand in child.children if grand.dep_ == "agent"), None)
            objects = [grand for grand in agent.children if grand.dep_ == "pobj"] if agent is not None else []
            if objects:
                return _noun_phrase(objects[0])
    return container_speaker(document)


def container_speaker(noun: Token) -> Span | None:
    """The speaker of the verb a statement is the medium of: 'X said in a statement (that …)', 'X announced it
    in a letter'."""
    preposition = noun.head
    verb = preposition.head
    if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":  # the parse may hang it on the object: 'announced it in'
        verb = verb.head
    if noun.dep_ != "pobj" or preposition.lower_ != "in" or verb.pos_ != "VERB":
        return None
    return speaker_of(verb) if verb.lemma_.lower() in quote_cues()["reporting_verbs"] else None


def _previous_named_speaker(phrase: Span, earlier: list[Quote]) -> Quote | None:
    """The speaker of the quote just before a statement that names no author ('Buckingham Palace announced …
    "…," read a statement'), when it was named within the sentences before."""
    doc = phrase.doc
    window = sentence_start(doc, phrase.sent.start, UNNAMED_WINDOW) or 0
    for quote in reversed(earlier):
        if quote.speaker_mention is None or quote.speaker_mention.start >= phrase.start_char:
            continue
        if quote.source == "named" and quote.speaker_mention.start >= doc[window].idx:
            return quote
        return None
    return None


def _named_with(head: Token, mentions: Mentions) -> Entity | None:
    """The name beside the speaker's noun ('Labour's shadow chancellor, Priya Desai, said'), else the one
    it speaks for ('a Treasury spokesman'); or a person's name set between commas right after the phrase,
    which the parse did not hang on it ('said by the chief engineer, Ola Berg, that …')."""
    for child in head.children:
        if child.dep_ == "appos" and (entity := mentions.entity_of(child)):
            return entity
    doc = head.doc
    before = head.i
    while head.pos_ == "PROPN" and before > 0 and doc[before - 1].pos_ == "PROPN" and doc[before - 1].head == head:
        # 'Cllr Ann Brodie' with the surname left out of the person NER found: the rest of one name
        before -= 1
        if (entity := mentions.entity_of(doc[before])) is not None and entity.type == "PERSON":
            return entity
    for child in head.children:
        # 'a resident surnamed Ng', 'a man named as Tom Hale'
        if child.dep_ in NOUN_ATTACHED_DEPS and child.lemma_.lower() in NAMING_VERBS:
            for token in child.subtree:
                if token.i > child.i and (entity := mentions.entity_of(token)) is not None:
                    return entity
    for child in head.children:
        # 'a Treasury spokesman' speaks for the Treasury; 'a Leith resident' is no one's voice but his own.
        if child.dep_ == "compound" and head.lemma_.lower() in quote_cues()["spokesperson_nouns"] and (
                entity := mentions.entity_of(child)) and entity.type != "PLACE":
            return entity
    after = _noun_phrase(head).end
    if head.pos_ == "NOUN" and after + 1 < len(doc) and doc[after].text == ",":
        found = mentions.starting.get(doc[after + 1].idx)
        if found is not None and found[1].type == "PERSON":
            closing = token_index_from(doc, found[0].end)
            if closing >= len(doc) or doc[closing].text in (",", ".", ":"):
                return found[1]
    return None


def _named_in(entity: Entity, start: int, end: int) -> bool:
    """Whether a name of the entity lies between the characters `start` and `end` (a word in capitals; not a
    pronoun or a description such as 'the defendant', which the entity stage may have merged wrongly)."""
    return any(start <= mention.start and mention.end <= end and any(
        word[:1].isupper() and word.lower() not in DETERMINERS for word in mention.text.split())
        for mention in entity.mentions if mention.text.lower() not in quote_cues()["person_pronouns"])


def _unnamed(phrase: Span, head: Token) -> bool:
    """'one senior backbencher', 'critics', 'another': no name, and no 'the' or owner pointing back at one."""
    # A capitalised word is a name; transcripts write them all in capitals ("COLLINS:"), but "A" is a word.
    if any(token.pos_ == "PROPN" or (token.is_upper and token.is_alpha and len(token) > 1) for token in phrase):
        return False
    if phrase[0].lower_ in DEFINITE or any(child.dep_ == "poss" for child in head.children):
        return False
    return head.pos_ == "NOUN" or head.lower_ in quote_cues()["indefinite_pronouns"]


def _antecedent(pronoun: Token, sheet: FactSheet, earlier: list[Quote], wanted: tuple[str, ...],
                gender: str | None, plural: bool, excluded: str | None = None,
                content: tuple[int, int] = (0, 0)) -> tuple[Entity | None, Quote | None]:
    """A pronoun the entity stage left unresolved (or resolved to `excluded`, who cannot be meant): the most
    salient fitting mention of the last sentence before it that has one (a subject over an object, the main clause
    over a clause inside it: '"…," she said' after 'Ann thanked Joan' is Ann), leaving out the words the pronoun's
    cue reports (`content`), which are not its speaker's name; or an earlier quote's unnamed source when that was
    named nearer; else the last speaker of that type."""
    fits = {entity.id: entity for entity in sheet.entities if entity.id != excluded
            and entity.type in wanted and (gender is None or entity.gender in (None, gender))}
    before = [(mention, entity) for entity in fits.values() for mention in entity.mentions
              if mention.start < pronoun.idx and not (content[0] <= mention.start < content[1])]
    nearest = max((mention.start for mention, _ in before), default=-1)
    unnamed_source = next((quote for quote in reversed(earlier) if quote.source == "anonymous"
                           and quote.speaker_mention is not None and quote.speaker_mention.start < pronoun.idx), None)
    doc = pronoun.doc
    if unnamed_source is not None and unnamed_source.speaker_mention.start > nearest:
        phrase = doc.char_span(unnamed_source.speaker_mention.start, unnamed_source.speaker_mention.end,
                               alignment_mode="expand")
        window = sentence_start(doc, pronoun.sent.start, UNNAMED_WINDOW) or 0
        if phrase is not None and (phrase.root.tag_ in PLURAL_TAGS) == plural and phrase.start >= window:
            return None, unnamed_source
    if before:
        last_sentence = doc[token_index_from(doc, nearest)].sent
        in_it = [(doc.char_span(mention.start, mention.end, alignment_mode="expand"), entity)
                 for mention, entity in before if last_sentence.start_char <= mention.start]
        return min(((span.root, entity) for span, entity in in_it if span is not None),
                   key=lambda item: _salience(item[0]), default=(None, None))[1], None
    if not fits:  # not worth looking through every earlier quote (quadratic on a long article)
        return None, None
    return next((fits[quote.speaker] for quote in reversed(earlier) if quote.speaker in fits), None), None


def _salience(token: Token) -> tuple[int, bool, int]:
    """How central a mention is to its sentence, lowest first: shallow in the parse, a subject, recent."""
    return depth(token), token.dep_ not in SUBJECT_DEPS, -token.i
