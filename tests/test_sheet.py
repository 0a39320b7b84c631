"""The pipeline: stages run in order, each writes its field, one failure does not end a corpus run."""

from __future__ import annotations

from newsfacts.schema import Article, ErrorRecord, FactSheet
from newsfacts.sheet import DEFAULT_STAGES, extract, extract_many


def test_default_stages_fill_every_field_in_data_flow_order():
    assert [field for field, _ in DEFAULT_STAGES] == ["entities", "quotes", "times", "events", "figures", "relations",
                                                      "checks", "warnings"]


def test_relative_times_without_a_date_are_a_warning_on_the_sheet_and_input_warnings_stay(nlp):
    article = Article(id="a", text="The council met on Monday and again last week.", warnings=["read as cp1252"])
    undated = extract(article, nlp)
    assert undated.warnings[0] == "read as cp1252"
    assert "no publication date, so 2 relative time expressions are left unresolved" in undated.warnings[1]
    assert extract(article.model_copy(update={"published": "2024-05-08"}), nlp).warnings == ["read as cp1252"]


def test_a_custom_stage_list_runs_and_reads_earlier_fields(nlp):
    seen = []

    def count_people(parsed, sheet):
        seen.append(len(sheet.entities))
        return []

    stages = [("entities", DEFAULT_STAGES[0][1]), ("quotes", count_people)]
    sheet = extract(Article(id="a", text="Nadia Osei met Carl Berg in Accra."), nlp, stages)
    assert isinstance(sheet, FactSheet)
    assert seen == [len(sheet.entities)] and seen[0] >= 2


def test_error_records_pass_through_and_a_failing_stage_is_named(nlp):
    def broken(parsed, sheet):
        if "broken" in parsed.text:
            raise ValueError("cannot cope")
        return []

    items = [
        Article(id="ok", text="The council met."),
        ErrorRecord(id="unreadable", error="bad bytes"),
        Article(id="bad", text="This one is broken."),
        Article(id="ok2", text="The council met again."),
    ]
    results = list(extract_many(items, nlp, [("quotes", broken)], batch_size=2))
    assert [r.id for r in results] == ["ok", "unreadable", "bad", "ok2"]
    assert isinstance(results[0], FactSheet) and isinstance(results[3], FactSheet)
    assert results[1].error == "bad bytes"
    assert "quotes stage failed" in results[2].error and "cannot cope" in results[2].error


def test_a_corpus_run_leaves_the_model_vocabulary_as_it_found_it(nlp):
    list(extract_many([Article(id="warm", text="The council met on Monday.")], nlp))
    before = len(nlp.vocab.strings)
    articles = [Article(id=str(n), text=f"Councillor Qwy{n}zel opened the Vrat{n}ok bridge on Monday.") for n in range(40)]
    sheets = list(extract_many(articles, nlp, batch_size=8))
    assert [sheet.id for sheet in sheets] == [str(n) for n in range(40)]
    assert "Qwy7zel" in sheets[7].text and [time.text for time in sheets[7].times] == ["Monday"]
    assert len(nlp.vocab.strings) == before


def test_each_sheet_is_handed_on_as_soon_as_it_is_built(nlp):
    analysed = []

    def record(parsed, sheet):
        analysed.append(parsed.article.id)
        return []

    articles = [Article(id=str(number), text="The council met.") for number in range(3)]
    sheets = extract_many(articles, nlp, [("quotes", record)], batch_size=32)
    assert next(sheets).id == "0" and analysed == ["0"]  # not the whole batch of 32 first
    assert [sheet.id for sheet in sheets] == ["1", "2"]
