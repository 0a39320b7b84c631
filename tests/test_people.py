"""One person across a corpus: names parsed, linking rules each way, incremental linking, the queries."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.people import parse_name
from newsfacts.schema import Entity, FactSheet, Mention, Quote
from newsfacts.store import Store, StoreError, list_people, quotes_by, timeline, top_quoted


def article(article_id: str, *people: tuple, quoted: dict[str, int] | None = None,
            published: str | None = None) -> FactSheet:
    """A sheet whose entities are people given as (name, gender, other forms of the name); `quoted` gives
    how many quotes each entity (by its name) has."""
    text, entities, quotes = "", [], []
    for number, (name, gender, *forms) in enumerate(people, start=1):
        mentions = []
        for form in (name, *forms):
            mentions.append(Mention(text=form, start=len(text), end=len(text) + len(form)))
            text += form + " spoke. "
        entities.append(Entity(id=f"E{number}", name=name, type="PERSON", mentions=mentions, gender=gender))
        for _ in range((quoted or {}).get(name, 0)):
            quotes.append(Quote(text="spoke", start=len(text) - 7, end=len(text) - 2, kind="indirect",
                                source="named", speaker=f"E{number}", speaker_name=name))
    return FactSheet(id=article_id, text=text, published=published, entities=entities, quotes=quotes)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "people.duckdb") as opened:
        yield opened


def person_of(store: Store, article_id: str, entity_id: str = "E1") -> str:
    (row,) = store.query("SELECT person_id FROM person_entities WHERE article_id = $a AND entity_id = $e",
                         {"a": article_id, "e": entity_id})[1]
    return row[0]


def same_person(store: Store, *entities: tuple[str, str]) -> bool:
    return len({person_of(store, article_id, entity_id) for article_id, entity_id in entities}) == 1


def people_rows(store: Store) -> list[dict]:
    columns, rows = list_people(store)
    return [dict(zip(columns, row)) for row in rows]


# Names parsed.

def test_titles_honorifics_and_suffixes_are_parsed_off():
    assert parse_name("Sen. Ana Ruiz") == parse_name("Ana Ruiz").__class__(
        surname="ruiz", given="ana", titles=frozenset({"sen"}), display="Ana Ruiz")
    assert (parse_name("Tom Vale Jr.").surname, parse_name("Tom Vale Jr.").suffix) == ("vale", "jr")
    assert parse_name("Ruiz’s").surname == "ruiz"


def test_a_description_before_a_title_is_no_given_name():
    harbour = parse_name("Harbour Minister Ana Ruiz")
    assert (harbour.given, harbour.surname, harbour.display) == ("ana", "ruiz", "Ana Ruiz")
    assert parse_name("former mayor Ana Ruiz").given == "ana"


def test_a_courtesy_title_is_followed_by_a_name_even_one_that_is_a_title():
    assert parse_name("Ms. Judge").surname == "judge"
    assert parse_name("Judge") is None


def test_a_word_that_is_no_first_name_before_one_is_dropped_but_a_first_name_is_kept():
    assert parse_name("Fearless Olga Brandt").given == "olga"
    kept = parse_name("Maria Elena Brandt")
    assert (kept.given, kept.middle) == ("maria", "e")


def test_stray_punctuation_is_dropped_and_two_names_in_one_span_are_no_name():
    assert parse_name("Ana] Ruiz").given == "ana"
    assert parse_name("Ruiz and Okafor") is None
    assert parse_name("Ruiz told reporters that a") is None


def test_initials_are_read_as_initials():
    name = parse_name("C. Okafor")
    assert (name.given, name.initial, name.full) == ("c", True, False)
    assert parse_name("Chidi Okafor").full


# Full names.

def test_full_names_with_the_same_given_name_are_one_person_whatever_their_titles(store):
    store.write([article("a", ("Mayor Ana Ruiz", "female")), article("b", ("Ana Ruiz", None))], run_id=1)
    assert same_person(store, ("a", "E1"), ("b", "E1"))


def test_two_given_names_are_never_one_person(store):
    store.write([article("a", ("Ana Ruiz", "female")), article("b", ("Luisa Ruiz", "female"))], run_id=1)
    assert not same_person(store, ("a", "E1"), ("b", "E1"))


def test_middle_initials_join_when_they_agree_and_split_when_they_do_not(store):
    store.write([article("a", ("Tomas H. Vale", "male")), article("b", ("Tomas Vale", "male"))], run_id=1)
    assert same_person(store, ("a", "E1"), ("b", "E1"))
    store.write([article("c", ("Tomas K. Vale", "male"))], run_id=2)
    assert len({person_of(store, article_id) for article_id in "abc"}) == 3


def test_a_suffix_tells_a_son_from_his_father(store):
    store.write([article("a", ("Tomas Vale Jr.", "male")), article("b", ("Tomas Vale", "male")),
                 article("c", ("Tomas Vale Jr", "male"))], run_id=1)
    assert not same_person(store, ("a", "E1"), ("b", "E1"))
    assert same_person(store, ("a", "E1"), ("c", "E1"))


# Bare surnames and initials.

def test_a_bare_surname_joins_the_only_full_name_with_it(store):
    store.write([article("a", ("Chidi Okafor", "male", "Okafor")), article("b", ("Mr. Okafor", "male"))], run_id=1)
    assert same_person(store, ("a", "E1"), ("b", "E1"))


def test_a_bare_surname_joins_neither_of_two_full_names_that_fit(store):
    store.write([article("a", ("Chidi Okafor", "male")), article("b", ("Emeka Okafor", "male")),
                 article("c", ("Mr. Okafor", "male"))], run_id=1)
    assert person_of(store, "c") not in {person_of(store, "a"), person_of(store, "b")}


def test_gender_tells_which_full_name_a_bare_surname_stands_for(store):
    store.write([article("a", ("Chidi Okafor", "male")), article("b", ("Ada Okafor", "female")),
                 article("c", ("Mrs. Okafor", "female")), article("d", ("Mr. Okafor", "male")),
                 article("e", ("Okafor", None))], run_id=1)
    assert same_person(store, ("b", "E1"), ("c", "E1"))
    assert same_person(store, ("a", "E1"), ("d", "E1"))
    assert person_of(store, "e") not in {person_of(store, "a"), person_of(store, "b")}


def test_the_article_tells_which_full_name_its_bare_surname_stands_for(store):
    store.write([article("a", ("Chidi Okafor", "male")), article("b", ("Emeka Okafor", "male"))], run_id=1)
    # The entity stage left "Okafor" apart from the article's own "Emeka Okafor": the article names one Okafor.
    store.write([article("c", ("Emeka Okafor", "male"), ("Okafor", None))], run_id=2)
    assert same_person(store, ("b", "E1"), ("c", "E2"))
    store.write([article("d", ("Emeka Okafor", "male"), ("Chidi Okafor", "male"), ("Okafor", None))], run_id=3)
    assert person_of(store, "d", "E3") not in {person_of(store, "a"), person_of(store, "b")}


def test_an_initial_fits_its_given_name_only(store):
    store.write([article("a", ("Chidi Okafor", "male")), article("b", ("Emeka Okafor", "male")),
                 article("c", ("C. Okafor", None))], run_id=1)
    assert same_person(store, ("a", "E1"), ("c", "E1"))
    store.write([article("d", ("Chinwe Okafor", "female"))], run_id=2)
    assert person_of(store, "c") not in {person_of(store, "a"), person_of(store, "d")}


def test_a_title_picks_the_one_full_name_known_by_it(store):
    store.write([article("a", ("Mayor Piet Brandt", "male")), article("b", ("Olga Brandt", "female")),
                 article("c", ("Mayor Brandt", None))], run_id=1)
    assert same_person(store, ("a", "E1"), ("c", "E1"))
    store.write([article("d", ("Brandt", None))], run_id=2)
    assert person_of(store, "d") not in {person_of(store, "a"), person_of(store, "b")}


def test_a_bare_surname_an_article_merged_into_a_full_name_lends_it_no_title(store):
    store.write([article("a", ("Olga Brandt", "female", "Mayor Brandt")), article("b", ("Mayor Piet Brandt", "male")),
                 article("c", ("Mayor Brandt", None))], run_id=1)
    assert same_person(store, ("b", "E1"), ("c", "E1"))


def test_a_bare_surname_that_borrows_its_article_s_full_name_lends_it_no_title(store):
    store.write([article("a", ("Olga Brandt", "female"), ("Mayor Brandt", None)),
                 article("b", ("Mayor Piet Brandt", "male")), article("c", ("Mayor Brandt", None))], run_id=1)
    assert same_person(store, ("a", "E1"), ("a", "E2"))
    assert same_person(store, ("b", "E1"), ("c", "E1"))


def test_a_title_that_points_to_another_person_than_the_gender_links_neither(store):
    store.write([article("a", ("Mayor Piet Brandt", "male")), article("b", ("Olga Brandt", "female")),
                 article("c", ("Mayor Brandt", "female"))], run_id=1)
    assert person_of(store, "c") not in {person_of(store, "a"), person_of(store, "b")}


def test_a_name_the_article_also_calls_by_its_first_word_is_kept_to_that_word(store):
    store.write([article("a", ("Lin Weiting", "male", "Mr. Lin"))], run_id=1)
    (row,) = people_rows(store)
    assert row["person"] == "lin/?male"


# Incremental linking.

def test_a_full_name_arriving_later_absorbs_the_bare_surname_it_is_the_only_candidate_for(store):
    store.write([article("a", ("Mr. Okafor", "male", "Okafor"))], run_id=1)
    assert people_rows(store)[0]["name"] == "Okafor"
    store.write([article("b", ("Chidi Okafor", "male"))], run_id=2)
    (row,) = people_rows(store)
    assert (row["name"], row["articles"]) == ("Chidi Okafor", 2)
    store.write([article("c", ("Emeka Okafor", "male"))], run_id=3)  # now "Mr. Okafor" could be either
    assert person_of(store, "a") not in {person_of(store, "b"), person_of(store, "c")}
    assert len(people_rows(store)) == 3


def test_the_same_articles_give_the_same_people_in_any_order(tmp_path):
    sheets = [article("a", ("Mr. Okafor", "male")), article("b", ("Chidi Okafor", "male"), quoted={"Chidi Okafor": 2}),
              article("c", ("Ada Okafor", "female")), article("d", ("Okafor", None), ("Ana Ruiz", "female")),
              article("e", ("C. Okafor", None))]
    tables = []
    for name, chunks in (("one", [sheets]), ("reversed", [[sheet] for sheet in reversed(sheets)])):
        with Store(tmp_path / f"{name}.duckdb") as store:
            for run_id, chunk in enumerate(chunks, start=1):
                store.write(chunk, run_id)
            tables.append((store.query("SELECT * FROM people ORDER BY person_id")[1],
                           store.query("SELECT * FROM person_entities ORDER BY article_id, entity_id")[1]))
    assert tables[0] == tables[1]


def test_a_store_made_before_people_were_linked_gets_them_when_opened_for_writing(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write([article("a", ("Chidi Okafor", "male")), article("b", ("Mr. Okafor", "male"))], run_id=1)
        store.connection.execute("DROP TABLE people")
        store.connection.execute("DROP TABLE person_entities")
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="run `newsfacts batch` on it again"):
        top_quoted(store)
    with Store(path) as store:
        assert [row["articles"] for row in people_rows(store)] == [2]


# The people table and the questions by person.

def test_people_have_a_canonical_name_every_alias_and_their_counts(store):
    store.write([article("a", ("Chidi Okafor", "male", "Okafor", "Mr. Okafor"), quoted={"Chidi Okafor": 2}),
                 article("b", ("Chidi Okafor", "male"), quoted={"Chidi Okafor": 1}),
                 article("c", ("Minister Chidi N. Okafor", "male", "Okafor")),
                 article("d", ("Mr. Okafor", "male", "Amara Bello"))], run_id=1)
    (row,) = people_rows(store)
    assert row["name"] == "Chidi Okafor"  # the most frequent full form
    assert set(row["aliases"]) == {"Chidi Okafor", "Okafor", "Mr. Okafor", "Minister Chidi N. Okafor"}
    assert (row["articles"], row["mentions"], row["quotes"], row["gender"]) == (4, 8, 3, "male")


def test_questions_count_quotes_by_corpus_person(store):
    store.write([article("a", ("Chidi Okafor", "male"), quoted={"Chidi Okafor": 1}, published="2025-03-01"),
                 article("b", ("Mr. Okafor", "male"), quoted={"Mr. Okafor": 2}, published="2025-03-02"),
                 article("c", ("Ada Bello", "female"), quoted={"Ada Bello": 1}, published="2025-03-02")], run_id=1)
    columns, rows = top_quoted(store)
    assert [row[:4] for row in rows] == [("Chidi Okafor", "PERSON", 3, 2), ("Ada Bello", "PERSON", 1, 1)]
    columns, rows = quotes_by(store, "Chidi Okafor")
    assert [row[columns.index("article_id")] for row in rows] == ["a", "b", "b"]
    assert {row[columns.index("speaker")] for row in rows} == {"Chidi Okafor"}
    assert [row[:3] for row in timeline(store, "chidi okafor")[1]] == [("2025-03-01", 1, 1), ("2025-03-02", 1, 1)]


def test_query_people_command_lists_people_as_json_and_csv(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        store.write([article("a", ("Chidi Okafor", "male", "Mr. Okafor"), quoted={"Chidi Okafor": 1}),
                     article("b", ("Ada Bello", "female"))], run_id=1)
    runner = CliRunner()
    answer = runner.invoke(app, ["query", "people", "--store", str(path), "--format", "json"])
    assert answer.exit_code == 0, answer.output
    first = json.loads(answer.stdout)[0]
    assert {key: first[key] for key in ("name", "aliases", "articles", "mentions", "quotes")} == {
        "name": "Chidi Okafor", "aliases": ["Chidi Okafor", "Mr. Okafor"], "articles": 1, "mentions": 2, "quotes": 1}
    csv = runner.invoke(app, ["query", "people", "--store", str(path), "--format", "csv"])
    assert csv.stdout.splitlines()[1].startswith("Chidi Okafor,Chidi Okafor; Mr. Okafor,1,2,1,male,")
