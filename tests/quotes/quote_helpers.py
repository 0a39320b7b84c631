"""What the quotes tests share: the sheet of a sentence, and the quote holding some words."""

from __future__ import annotations

from newsfacts.nlp import load_model
from newsfacts.schema import Article, FactSheet, Quote
from newsfacts.sheet import ATTRIBUTION_STAGES, extract


def sheet_of(text: str) -> FactSheet:
    return extract(Article(id="test", text=text), load_model())


def attributions_of(text: str) -> FactSheet:
    """The sheet with PolNeAR's wider notion of attribution: acts and stances count too."""
    return extract(Article(id="test", text=text), load_model(), stages=ATTRIBUTION_STAGES)


def quote_with(sheet: FactSheet, words: str) -> Quote:
    found = [quote for quote in sheet.quotes if words in quote.text]
    assert found, f"no quote holds {words!r}: {[quote.text for quote in sheet.quotes]}"
    return found[0]


def speaker_name(sheet: FactSheet, quote: Quote) -> str | None:
    names = {entity.id: entity.name for entity in sheet.entities}
    return names.get(quote.speaker or "", quote.speaker_name)
