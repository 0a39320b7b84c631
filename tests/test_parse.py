"""The parse helpers every stage shares, each on a short sentence of its own."""

from __future__ import annotations

from newsfacts.parse import (Mentions, governing_verb, relative_antecedent, sentence_start, subject_of,
                             token_index_from)
from newsfacts.schema import Entity, Mention


def token(doc, word: str, occurrence: int = 0):
    return [t for t in doc if t.text == word][occurrence]


def mention(text: str, phrase: str, kind: str = "name", occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Mention(text=phrase, start=start, end=start + len(phrase), kind=kind)


def test_token_index_from_finds_the_first_token_at_or_after_a_character(nlp):
    doc = nlp("The ferry sailed at dawn.")
    assert doc[token_index_from(doc, 4)].text == "ferry"
    assert doc[token_index_from(doc, 5)].text == "sailed"  # inside "ferry": the next token
    assert token_index_from(doc, 100) == len(doc)


def test_sentence_start_goes_back_whole_sentences(nlp):
    doc = nlp("The mill closed. Workers left. The town waited.")
    third = token(doc, "town").sent.start
    assert doc[sentence_start(doc, third, 1)].text == "Workers"
    assert doc[sentence_start(doc, third, 2)].text == "The"
    assert sentence_start(doc, third, 3) is None
    assert sentence_start(doc, third, 0) == third


def test_governing_verb_climbs_to_the_first_verb(nlp):
    doc = nlp("The mayor of the small town resigned on Monday.")
    assert governing_verb(token(doc, "town")).text == "resigned"
    assert governing_verb(token(doc, "resigned")).text == "resigned"


def test_governing_verb_stops_at_its_reach_and_at_the_root(nlp):
    doc = nlp("The mayor of the small town resigned on Monday.")
    assert governing_verb(token(doc, "town"), reach=1) is None  # 'of' is one step up, 'resigned' three
    assert governing_verb(nlp("A quiet morning.")[1]) is None  # no verb at all


def test_governing_verb_takes_the_callers_notion_of_a_verb(nlp):
    doc = nlp("She said that the plan was dead.")
    assert governing_verb(token(doc, "dead")).text == "was"
    only_main_verbs = governing_verb(token(doc, "dead"), lambda t: t.pos_ == "VERB")
    assert only_main_verbs.text == "said"


def test_subject_of_a_verb_and_of_the_verb_it_hangs_on(nlp):
    doc = nlp("Ann Reyes was pictured meeting the crew.")
    assert subject_of(token(doc, "pictured")).text == "Reyes"
    assert subject_of(token(doc, "meeting")).text == "Reyes"
    assert subject_of(token(doc, "meeting"), reach=0) is None


def test_subject_of_climbs_only_through_the_dependencies_it_is_given(nlp):
    doc = nlp("Ann Reyes was pictured meeting the crew.")
    meeting = token(doc, "meeting")
    assert subject_of(meeting, through=(meeting.dep_,)).text == "Reyes"
    assert subject_of(meeting, through=("acomp",)) is None


def test_relative_antecedent(nlp):
    doc = nlp("Residents who live near the river were moved.")
    assert relative_antecedent(token(doc, "who")).text == "Residents"
    assert relative_antecedent(token(doc, "river")) is None


def test_mentions_give_the_tightest_mention_at_a_token(nlp):
    text = "His father sold the farm."
    doc = nlp(text)
    son = Entity(id="E1", name="Tom", type="PERSON", mentions=[mention(text, "His", "pronoun")])
    father = Entity(id="E2", name="Tom's father", type="PERSON", mentions=[mention(text, "His father", "description")])
    mentions = Mentions(doc, [father, son])
    assert mentions.entity_of(token(doc, "His")) is son  # "His" inside "His father" is the son
    assert mentions.entity_of(token(doc, "father")) is father
    assert mentions.entity_of(token(doc, "farm")) is None
    assert [entity for _, entity in mentions.at(token(doc, "His"))] == [father, son]  # in sheet order


def test_mentions_find_the_longest_mention_starting_or_ending_at_a_character(nlp):
    text = "The Prince of Wales spoke."
    doc = nlp(text)
    place = Entity(id="E1", name="Wales", type="PLACE", mentions=[mention(text, "Wales")])
    prince = Entity(id="E2", name="The Prince of Wales", type="PERSON", mentions=[mention(text, "The Prince of Wales")])
    mentions = Mentions(doc, [place, prince])
    assert mentions.ending[text.index(" spoke")][1] is prince
    assert mentions.starting[text.index("Wales")][1] is place


def test_mentions_cover_exactly_the_tokens_they_share_a_character_with(nlp):
    text = "Mr. Ann  Lee's firm,\n\n (UK) said"
    doc = nlp(text)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            stretch = Mention(text=text[start:end], start=start, end=end, kind="name")
            mentions = Mentions(doc, [Entity(id="E1", name="x", type="ORG", mentions=[stretch])])
            covered = [t.i for t in doc if mentions.at(t)]
            assert covered == [t.i for t in doc if start < t.idx + len(t) and t.idx < end], (start, end)
