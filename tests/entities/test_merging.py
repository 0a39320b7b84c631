"""Merging names into one entity each (entities/merging.py), one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from newsfacts.entities import find_entities
from newsfacts.entities.candidates import Candidate, person_name
from newsfacts.entities.clusters import Cluster, cluster_of
from newsfacts.entities.merging import add_untagged_names_of_things, cluster_names
from newsfacts.nlp import Parsed
from newsfacts.schema import Article, FactSheet

from entity_helpers import entities_of, holder


def test_two_people_sharing_a_surname_stay_apart(nlp):
    entities = entities_of(nlp, "Anna Kowalski and her husband Tomasz Kowalski run the bakery.")
    assert holder(entities, "Anna Kowalski") is not holder(entities, "Tomasz Kowalski")


def test_acronym_joins_the_full_name(nlp):
    entities = entities_of(nlp, "The Federal Aviation Administration opened an inquiry. The FAA declined to comment.")
    assert holder(entities, "The Federal Aviation Administration") is holder(entities, "FAA")


def test_title_word_that_is_a_surname_stays_with_the_person(nlp):
    entities = entities_of(nlp, "Investors backed Tom King last year. The deal gave the King family a stake.")
    assert all(e.name != "the King" for e in entities)


def test_name_ner_types_differently_takes_its_commonest_type_and_drops_a_score(nlp):
    text = "Arsenal beat Everton 2-0 on Sunday. Everton fans left early as Everton slipped to 15th."
    entities = entities_of(nlp, text)
    club = holder(entities, "Everton")
    assert club.type == "ORG" and [m.text for m in club.mentions] == ["Everton"] * 3


def test_first_word_of_an_organisation_named_before_is_its_short_form(nlp):
    text = "Brightwater Analytics lost its biggest client. Brightwater said it would cut jobs."
    entities = entities_of(nlp, text)
    assert holder(entities, "Brightwater") is holder(entities, "Brightwater Analytics")


def test_organisation_repeat_ner_missed_is_a_mention(nlp):
    text = "Brentford head coach Ola Berg urged calm. Brentford travel to Anfield next Sunday."
    entities = entities_of(nlp, text)
    assert holder(entities, "Brentford", 1) is holder(entities, "Brentford", 0)


def test_a_peer_first_named_after_the_one_royal_is_someone_else(nlp):
    text = ("Prince Rupert opened the hospital on Monday. The King is unwell. His younger son, the Duke of Harrowgate, "
            "will stand in for him in Rome.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the Duke of Harrowgate") is not holder(entities, "Prince Rupert")


@pytest.mark.parametrize("text, name, alias", [
    ("Singer Ruby Lane won two awards. Lane, born Tamsin Oakes in Leeds, thanked her mother.", "Ruby Lane",
     "Tamsin Oakes"),
    ("The winner was the rapper known as Lil Vex, whose real name is Tom Rudd. He thanked his mother.", "Lil Vex",
     "Tom Rudd"),
])
def test_a_birth_or_stage_name_is_another_name_of_the_person_named_before_it(nlp, text, name, alias):
    entities = entities_of(nlp, text)
    assert holder(entities, alias) is holder(entities, name)
    assert holder(entities, alias).type == "PERSON"


def test_a_company_named_by_its_first_word_before_its_full_name_is_one_company(nlp):
    text = "Analysts expect Halvik to cut costs. Halvik Lines will close three routes next year, Halvik said on Friday."
    entities = entities_of(nlp, text)
    assert holder(entities, "Halvik") is holder(entities, "Halvik Lines")


def test_a_capitalised_word_read_as_a_noun_ends_a_company_name_ner_missed(nlp):
    text = "Analysts expect Halvik to cut costs. Halvik Lines will close three routes next year."
    doc = nlp(text)
    doc.ents = [Span(doc, 2, 3, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Halvik Lines") is holder(entities, "Halvik")


def test_a_place_word_is_not_the_institution_named_after_it(nlp):
    text = "Raiders hit a shop in Kelsby. Two men will appear before Kelsby Magistrates' Court on Monday."
    doc = nlp(text)
    doc.ents = [Span(doc, 5, 6, "ORG"), Span(doc, 12, 16, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Kelsby") is not holder(entities, "Kelsby Magistrates' Court")


def test_birth_name_opening_a_sentence_is_the_person_of_that_surname_and_given_name(nlp):
    text = ("Tom Reilly, the docker turned poet, has died. Born Thomas Patrick Reilly in Cork in 1940, he left school "
            "at 14. His sister, Mary Reilly, survives him.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Thomas Patrick Reilly") is holder(entities, "Tom Reilly")
    assert holder(entities, "Mary Reilly") is not holder(entities, "Tom Reilly")


def test_two_names_side_by_side_with_no_word_in_common_stay_apart(nlp):
    text = "The prize went to Nora Avery, Dunmore, whose novel sold widely."
    entities = entities_of(nlp, text)
    dunmore = [e for e in entities if any(m.text == "Dunmore" for m in e.mentions)]
    assert all(e is not holder(entities, "Nora Avery") for e in dunmore)


def test_two_names_of_one_country_are_one_place(nlp):
    text = "Ministers from Chile and the Argentine Republic met on Monday. Argentina said the border deal was fair."
    entities = entities_of(nlp, text)
    assert holder(entities, "Argentina") is holder(entities, "the Argentine Republic")
    assert holder(entities, "Argentina").type == "PLACE"


def test_a_courtesy_title_is_another_name_of_the_person(nlp):
    text = ("Tom Carver, who uses the courtesy title Viscount Ellam, runs the estate. Viscount Ellam declined to "
            "comment.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Tom Carver") is holder(entities, "Viscount Ellam", 1)


def test_a_peer_is_never_mr(nlp):
    text = ("Edmund Ashby, 9th Earl of Wenlow, will retire. His younger son, Tom Ashby, runs the farm. "
            "Mr Ashby said he was delighted.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Mr Ashby") is not holder(entities, "Edmund Ashby")


@pytest.mark.parametrize("text, short, full", [
    ("LIMA (UPI) — The vote was delayed on Friday, United Press International reported.", "UPI",
     "United Press International"),
    ("Fenwick & Moss said profit rose. F&M will open 20 shops.", "F&M", "Fenwick & Moss"),
    ("Brackwell Foods PLC said profit fell. Brackwell Foods will pay a dividend.", "Brackwell Foods",
     "Brackwell Foods PLC"),
])
def test_an_acronym_or_a_name_without_its_legal_form_is_the_organisation(nlp, text, short, full):
    entities = entities_of(nlp, text)
    assert holder(entities, short) is holder(entities, full)


@pytest.mark.parametrize("text, short, full", [
    ("Grain shipments were halted by the Junta Nacional de Granos (JUNAGRA), which said JUNAGRA would review them.",
     "JUNAGRA", "the Junta Nacional de Granos"),
    ("Fares were set by the Kelsby Area Transit Authority (Kata) in May. Kata said fares would rise again.", "Kata",
     "the Kelsby Area Transit Authority"),
])
def test_a_short_form_in_brackets_after_an_organisation_is_its_own(nlp, text, short, full):
    entities = entities_of(nlp, text)
    assert holder(entities, short) is holder(entities, full)
    assert len([m for m in holder(entities, full).mentions if m.text == short]) == 2


def test_an_outlet_in_brackets_after_an_organisation_is_not_its_short_form(nlp):
    entities = entities_of(nlp, "Shares in Pellam Mining (Reuters) fell after Reuters reported the loss.")
    assert all(m.text != "Reuters" for m in holder(entities, "Pellam Mining").mentions)


@pytest.mark.parametrize("text, short, full", [
    ("The U.S. Mint Service said coins were short. The USMS will strike more.", "USMS", "The U.S. Mint Service"),
    ("The National Office on Ageing published the figures. NOA said care costs rose.", "NOA",
     "The National Office on Ageing"),
    ("Volunteers from the Kelsby Harbour Rescue Corps helped. HRC boats searched the bay.", "HRC",
     "the Kelsby Harbour Rescue Corps"),
])
def test_an_acronym_of_a_dotted_word_or_leaving_out_a_first_word_joins_the_name(nlp, text, short, full):
    entities = entities_of(nlp, text)
    assert holder(entities, short) is holder(entities, full)


def test_a_birth_name_with_another_surname_is_the_one_person_of_that_given_name(nlp):
    text = ("Greta Sandvik, the town's first woman mayor, has died. Born Greta Maria Holm in 1931, she taught "
            "for 14 years. Her son, Per Sandvik, said she died peacefully.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Greta Maria Holm") is holder(entities, "Greta Sandvik")


def test_a_clubs_last_word_alone_is_the_club(nlp):
    text = "Late goal lifts Dolphins to the top\n\nTomas Ferro scored late as Harbourside Dolphins beat Ostrowe United."
    entities = entities_of(nlp, text)
    assert holder(entities, "Dolphins") is holder(entities, "Harbourside Dolphins")


def test_a_company_named_after_a_family_keeps_its_short_name_from_the_person(nlp):
    entities = entities_of(nlp, "Mehta Steel Ltd will take over a smaller rival for $90m. Mehta will pay in cash. "
                                "Mehta's chairman Arun Mehta, 61, told reporters the deal was sound. Mehta plans to "
                                "borrow the rest.")
    company = holder(entities, "Mehta Steel Ltd")
    assert holder(entities, "Mehta") is company
    assert all(m.text != "Mehta" for m in holder(entities, "Arun Mehta").mentions)


@pytest.mark.parametrize("text", [
    "Brenford City beat Rovers 2-0 on Saturday. Brenford is a quiet market town.",
    'Brenford Town have been sold to a Dutch consortium, ending a long search for a buyer. The club is in the fourth '
    'tier. Smit said: "Brenford is a proper football town."',
])
def test_the_first_word_of_a_club_named_as_a_town_is_not_merged_into_the_club(nlp, text):
    entities = entities_of(nlp, text)
    assert holder(entities, "Brenford") is not holder(entities, text.split(" have")[0].split(" beat")[0])


def test_word_of_a_company_named_before_the_person_is_the_company_where_it_comes_first(nlp):
    # NER's labels vary with the sentence: the candidates are given as NER gives them on news ('Varnholt' an
    # organisation in a headline), so the test reads the merging rule alone.
    text = ("Varnholt evictions halted\n\nA judge barred Varnholt Estates from evicting tenants on Monday. "
            "Varnholt Estates is run by Peter Varnholt, 50.")
    doc = nlp(text)
    word, company, person = (doc.char_span(start, start + len(name)) for name, start in (
        ("Varnholt", 0), ("Varnholt Estates", text.index("Varnholt Estates")),
        ("Peter Varnholt", text.index("Peter Varnholt"))))
    candidates = [Candidate(word.start, word.end, "ORG", "name", key="varnholt"),
                  Candidate(company.start, company.end, "ORG", "name", key="varnholt estates"),
                  person_name(doc, person.start, person.end)]
    clusters = cluster_names(doc, text, candidates)
    assert cluster_of(clusters, word.start) is not cluster_of(clusters, person.start)


def test_a_repeat_ner_missed_is_the_whole_name_not_a_word_of_it(nlp):
    text = "Folk band Maple Rivers will headline. Maple Rivers last played here in 2019. Rivers drummer Sam Cole was thrilled."
    doc = nlp(text)
    doc.ents = [Span(doc, 2, 4, "ORG"), Span(doc, 15, 16, "ORG"), Span(doc, 17, 19, "PERSON")]  # NER on a longer report
    doc[7].pos_ = "NOUN"  # the tagger's reading of a name's first word opening a paragraph
    band = Cluster(type="ORG", mentions=[(2, 4, "name"), (15, 16, "name")])
    add_untagged_names_of_things(doc, text, [band])
    assert (7, 9, "name") in band.mentions


def test_a_repeat_inside_a_hyphened_compound_or_longer_word_is_no_mention(nlp):
    text = ("Corvel Foods shut its depot. Corvel Foods-owned vans and Corvel Foodservice kept running. "
            "Staff said Corvel Foods would reopen it.")
    doc = nlp(text)
    first = doc.char_span(0, len("Corvel Foods"))
    doc.ents = [Span(doc, first.start, first.end, "ORG")]  # NER found the first only
    company = Cluster(type="ORG", mentions=[(first.start, first.end, "name")])
    add_untagged_names_of_things(doc, text, [company])
    last = doc.char_span(text.rindex("Corvel Foods"), text.rindex("Corvel Foods") + len("Corvel Foods"))
    assert company.mentions == [(first.start, first.end, "name"), (last.start, last.end, "name")]


def test_a_party_s_nickname_and_short_name_join_its_full_name(nlp):
    entities = entities_of(nlp, "The Tories held the ward in May, but the Liberal Democrats took it back last week. "
                                "The Lib Dems now hold nine seats and the Conservatives hold four.")
    assert holder(entities, "Tories") is holder(entities, "Conservatives")
    assert holder(entities, "Lib Dems") is holder(entities, "Liberal Democrats")
    assert holder(entities, "Tories") is not holder(entities, "Lib Dems")


@pytest.mark.parametrize("text, branch, party, short", [
    ("Ann Lee was elected leader of the Scottish Labour on Monday. Labour lost four seats in May. Labour Party "
     "chairman Tom Reed said she had his backing.", "the Scottish Labour", "Labour Party", "Labour"),
    ("Ann Lee was elected leader of the Welsh Conservatives on Monday. The Tories lost four seats in May. "
     "Conservative Party chairman Tom Reed backed her.", "the Welsh Conservatives", "Conservative Party", "Tories"),
])
def test_a_party_s_name_beside_its_regional_branch_joins_neither(nlp, text, branch, party, short):
    entities = entities_of(nlp, text)
    assert holder(entities, branch) is not holder(entities, party)
    assert holder(entities, short) is not holder(entities, branch)
    assert holder(entities, short) is not holder(entities, party)


def _clusters_of_names(nlp, text: str, names: list[tuple[str, str, int]]):
    """The clusters of the names given as NER may type them, each (text, type, occurrence)."""
    doc = nlp(text)
    candidates = []
    for name, kind, occurrence in names:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(name, start + 1)
        span = doc.char_span(start, start + len(name))
        candidates.append(Candidate(span.start, span.end, kind, "name", key=name.lower()))
    return doc, cluster_names(doc, text, candidates)


@pytest.mark.parametrize("short_type", ["PLACE", "WORK"])
def test_first_word_of_one_organisation_is_its_short_form_whatever_ner_typed_it(nlp, short_type):
    text = "Ostrowe Energy admitted a data breach. Ostrowe, which supplies 2 million homes, said card details were safe."
    doc, clusters = _clusters_of_names(nlp, text, [("Ostrowe Energy", "ORG", 0), ("Ostrowe", short_type, 1)])
    assert cluster_of(clusters, 0) is cluster_of(clusters, doc.char_span(text.index("Ostrowe,"), text.index(",")).start)


@pytest.mark.parametrize("text, names", [
    # the article writes it as a place
    ("Ostrowe Energy cut 90 jobs in Ostrowe on Monday.", [("Ostrowe Energy", "ORG", 0), ("Ostrowe", "PLACE", 1)]),
    # a table of places knows it
    ("Leeds Energy cut 90 jobs. Leeds has lost three employers this year.",
     [("Leeds Energy", "ORG", 0), ("Leeds", "PLACE", 1)]),
    # an institution named after its place
    ("Ostrowe Council closed the pool. Ostrowe has lost three pools this year.",
     [("Ostrowe Council", "ORG", 0), ("Ostrowe", "PLACE", 1)]),
    # a newspaper named after its town
    ("The Ostrowe Gazette will print its last edition. Ostrowe has lost its only paper.",
     [("Ostrowe Gazette", "ORG", 0), ("Ostrowe", "PLACE", 1)]),
    # two names start with it
    ("Ostrowe Energy and Ostrowe Water both raised prices. Ostrowe has seen bills double.",
     [("Ostrowe Energy", "ORG", 0), ("Ostrowe Water", "ORG", 0), ("Ostrowe", "PLACE", 2)]),
])
def test_first_word_of_an_organisation_stays_a_place_when_the_article_says_so(nlp, text, names):
    doc, clusters = _clusters_of_names(nlp, text, names)
    short = next(k for k in clusters if k.keys == {names[-1][0].lower()})
    assert all(key.count(" ") == 0 for key in short.keys)


def test_a_given_name_before_a_comma_and_a_peerage_is_the_peer(nlp):
    # the parser reads the title as a second person listed after the given name, as it often does
    words = ["Their", "mother", ",", "Margit", ",", "Dowager", "Countess", "of", "Ollerby", ",", "has", "moved", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 11, 1, 1, 3, 6, 3, 6, 7, 11, 11, 11, 11],
              deps=["poss", "nsubj", "punct", "appos", "punct", "compound", "conj", "prep", "pobj", "punct", "aux",
                    "ROOT", "punct"],
              pos=["PRON", "NOUN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "AUX",
                   "VERB", "PUNCT"])
    candidates = [person_name(doc, 3, 4),
                  Candidate(5, 9, "PERSON", "title", titles=frozenset({"dowager countess"}), place="ollerby")]
    clusters = cluster_names(doc, " ".join(words), candidates)
    assert cluster_of(clusters, 3) is cluster_of(clusters, 6)


def test_the_given_names_before_a_patronymic_are_the_persons_full_name(nlp):
    text = "Farid Hakim bin Osman, a Penang engineer, missed the flight. Mr Farid Hakim said the airline paid for hotels."
    entities = entities_of(nlp, text)
    assert holder(entities, "Mr Farid Hakim") is holder(entities, "Farid Hakim bin Osman")


def test_a_title_in_capitals_called_back_with_the_is_the_one_person_it_stood_before(nlp):
    text = ("Green Party MLA Michael Tierney said he would raise the case at Stormont next week. \"The ward is full,\" "
            "the MLA said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the MLA") is holder(entities, "Michael Tierney")


def test_an_organisation_in_capitals_without_the_is_no_title(nlp):
    entities = entities_of(nlp, "TD Bank cut rates. Its economist, Ann Reed, said TD would review fees.")
    assert all(m.text != "TD" for m in holder(entities, "Ann Reed").mentions)


def test_a_company_without_its_legal_form_of_two_words_is_the_company(nlp):
    entities = entities_of(nlp, "Brenholt Infrabuild Pvt Ltd delayed the flats by four years. Buyers said Brenholt "
                                "Infrabuild ignored them.")
    assert holder(entities, "Brenholt Infrabuild") is holder(entities, "Brenholt Infrabuild Pvt Ltd")


def _entities_with_ner(nlp, text: str, names: list[tuple[str, str, int]]):
    """The entities of `text` with NER's names set to `names` (text, label, which occurrence): what NER finds varies
    with the words."""
    doc = nlp(text)
    spans = []
    for name, label, occurrence in names:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(name, start + 1)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = spans
    return find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))


def test_the_first_word_of_a_company_name_alone_is_the_company(nlp):
    text = "Harrowby Capital led the round in 2021. Harrowby declined to comment. A Harrowby partner joined the board."
    # NER's nationality for the word alone, as it often reads a company's word before a noun
    entities = _entities_with_ner(nlp, text, [("Harrowby Capital", "ORG", 0), ("Harrowby", "NORP", 1),
                                              ("Harrowby", "NORP", 2)])
    company = holder(entities, "Harrowby Capital")
    assert holder(entities, "Harrowby", 0) is company and holder(entities, "Harrowby", 1) is company


def test_the_first_word_of_a_company_name_is_no_short_form_when_it_is_a_place(nlp):
    text = "Harrowby Capital opened an office in Harrowby last year. Harrowby has 9,000 residents."
    entities = _entities_with_ner(nlp, text, [("Harrowby Capital", "ORG", 0), ("Harrowby", "NORP", 2)])
    assert not any(m.text == "Harrowby" for m in holder(entities, "Harrowby Capital").mentions)
