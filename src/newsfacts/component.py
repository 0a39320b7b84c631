"""newsfacts as a spaCy pipeline component, for people who already run spaCy pipelines.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsfacts", config={"published": "2025-09-10"})
    doc = nlp(text)
    doc._.facts  # the FactSheet

The component runs the newsfacts stages on the Doc the pipeline already made: nothing is parsed twice.
It is registered through the `spacy_factories` entry point, so `add_pipe` finds it without an import.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .ingest import check_date
from .nlp import Parsed
from .schema import Article
from .sheet import DEFAULT_STAGES, run_stages

if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)


class FactSheetComponent:
    """Sets `doc._.facts` to the fact sheet of the Doc; the Doc needs sentences, a parse and entities."""

    def __init__(self, name: str, published: str | None, article_id: str):
        self.name = name
        self.published = check_date(published)
        self.article_id = article_id

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id=self.article_id, text=doc.text, published=self.published)
        doc._.facts = run_stages(Parsed(article, doc), DEFAULT_STAGES)
        return doc


@Language.factory(
    "newsfacts",
    default_config={"published": None, "article_id": "doc"},
    requires=["doc.sents", "doc.ents", "token.dep"],
    assigns=["doc._.facts"],
)
def make_component(nlp: Language, name: str, published: str | None, article_id: str) -> FactSheetComponent:
    """`published` (YYYY-MM-DD) anchors relative dates like "today"; `article_id` names the sheets."""
    return FactSheetComponent(name, published, article_id)
