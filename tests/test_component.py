"""The spaCy component: `nlp.add_pipe("newsfacts")` puts the fact sheet on `doc._.facts`."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from newsfacts.ingest import IngestError
from newsfacts.nlp import DEFAULT_MODEL
from newsfacts.schema import Article, FactSheet
from newsfacts.sheet import extract

TEXT = "Lena Park, the chief executive of Vantor, said on Monday that the plant would open in May."


@pytest.fixture(scope="module")
def pipeline():
    """A pipeline of our own: adding a pipe to the shared cached model would change it for other tests."""
    return spacy.load(DEFAULT_MODEL)


def test_registered_through_an_entry_point():
    assert "newsfacts" in {point.name for point in entry_points(group="spacy_factories")}


def test_add_pipe_sets_the_fact_sheet(pipeline, nlp):
    pipeline.add_pipe("newsfacts", config={"published": "2025-09-10", "article_id": "plant"})
    doc = pipeline(TEXT)
    assert isinstance(doc._.facts, FactSheet)
    assert doc._.facts.id == "plant" and doc._.facts.published == "2025-09-10"
    # The same sheet as the pipeline gives when it parses the text itself.
    assert doc._.facts == extract(Article(id="plant", text=TEXT, published="2025-09-10"), nlp)
    assert "Lena Park" in {m.text for e in doc._.facts.entities for m in e.mentions}


def test_bad_publication_date_is_refused_when_the_pipe_is_added():
    with pytest.raises(IngestError):
        spacy.blank("en").add_pipe("newsfacts", config={"published": "10/09/2025"})


def test_with_the_line_break_component_a_pipeline_reads_headlines_as_the_cli_does(nlp):
    own = spacy.load(DEFAULT_MODEL)
    own.add_pipe("newsfacts", config={"article_id": "story"})
    own.add_pipe("newsfacts_line_breaks", before="parser")
    text = "Mayor Says Bridge Will Reopen\n\nThe mayor of Riverton said on Monday that the bridge would reopen."
    assert own(text)._.facts == extract(Article(id="story", text=text), nlp)
