"""The story sheet: several outlets' coverage of one story, compared fact by fact.

Offsets (`start`, `end`) point into the text of the article named by `article_id`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..schema import Model

# Bump the minor version for added fields, the major one for renamed or removed fields.
STORY_SCHEMA_VERSION = "1.1"

FactStatus = Literal["agree", "hedged", "disagree"]
FactChange = Literal["update", "possible_update"]
ChangeKind = Literal["added", "dropped", "changed"]


class StoryArticle(Model):
    id: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="publication date (YYYY-MM-DD)")
    published_at: str | None = Field(None, description="publication time where known, ISO 8601")
    url: str | None = None


class FactValue(Model):
    """One outlet's statement of a fact."""

    article_id: str
    text: str
    start: int
    end: int
    value: float | str | None = Field(None, description="the number; a clock time as HH:MM; a date as YYYY-MM-DD; "
                                                         "a duration in seconds (`unit` 'seconds')")
    upper: float | str | None = Field(None, description="the high end of a range")
    unit: str | None = None
    hedge: str | None = Field(None, description="the approximator written with it: 'about', 'nearly', 'just after'")
    group: int = Field(0, description="values with the same group number agree with each other")
    also_agrees_with: list[int] = Field([], description="other groups whose values this one agrees with too: a range "
                                                        "or a hedged value ('three or four') that holds theirs as well")


class Fact(Model):
    what: str = Field(description="what the values measure, from the words around them")
    kind: str = Field(description="count, money, percent, age, duration, time, date, …")
    values: list[FactValue]
    status: FactStatus = Field(description="agree: one value; hedged: values differ only within what a hedge or "
                                           "range allows; disagree: values that cannot all hold")
    change: FactChange | None = Field(None, description="for a disagreeing tally (a toll, the missing): 'update' when "
                                                        "its values rise or fall with the reports' publication "
                                                        "times, a change over time rather than a contradiction; "
                                                        "'possible_update' when reports of one day with different "
                                                        "values cannot be ordered")
    note: str | None = Field(None, description="what `change` says, in words")


class WordChange(Model):
    """One difference of a variant from the reference wording, word level."""

    change: ChangeKind
    text: str = Field(description="the variant's words (added, changed) or the reference's (dropped)")
    instead_of: str | None = Field(None, description="for a change: the reference's words it replaces")


class QuotePart(Model):
    text: str
    start: int
    end: int


class QuoteVariant(Model):
    article_id: str
    text: str = Field(description="the article's words; its pieces joined by ' … ' when it gives them apart")
    start: int
    end: int = Field(description="with `start`: the quote, or from the first piece to the last")
    parts: list[QuotePart] = Field([], description="when the article gives the statement in pieces (split by its "
                                                   "cue, or in two places): each piece, in text order")
    speaker: str | None = Field(None, description="the speaker as this article names them")
    kind: str
    reference: bool = Field(False, description="this is the most common wording, the one the others are compared to")
    trimmed: bool = Field(False, description="the variant is a part of the reference wording, nothing changed")
    changes: list[WordChange] = []


class QuoteGroup(Model):
    speaker: str | None = Field(description="the speaker most articles give")
    variants: list[QuoteVariant]
    differs: bool = Field(description="some variant's wording differs from the reference")
    speakers_differ: bool = Field(False, description="the same words are given to different speakers")


class Citation(Model):
    article_id: str
    cites: str = Field(description="the outlet, agency, official body or post credited")
    text: str
    start: int
    end: int
    in_set: str | None = Field(None, description="id of the article of the cited outlet when it is in this story: "
                                                 "one of that outlet, or one that says it carries its report")
    carries: bool = Field(False, description="the article says it carries this source's report ('Original article: "
                                             "X', 'Translated from X')")


class First(Model):
    """Which article first carried a fact or a quote."""

    item: Literal["fact", "quote"]
    index: int = Field(description="position in `facts` or `quotes`")
    what: str
    article_ids: list[str] = Field(description="the earliest articles carrying it (several when only dates are known)")
    published: str | None = Field(None, description="the earliest carrier's publication time, else its date")
    certain: bool = Field(description="false when another carrier's publication time is unknown or the same day")


class Inconsistency(Model):
    """An article's own check that does not add up."""

    article_id: str
    kind: str
    about: list[str]
    working: str


class StorySheet(Model):
    schema_version: str = STORY_SCHEMA_VERSION
    id: str
    title: str | None = None
    articles: list[StoryArticle]
    facts: list[Fact] = []
    quotes: list[QuoteGroup] = []
    citations: list[Citation] = []
    first: list[First] = []
    inconsistencies: list[Inconsistency] = []


def story_json_schema() -> dict:
    """The JSON Schema of a story sheet, as `newsfacts schema --story` prints it."""
    schema = StorySheet.model_json_schema()
    schema["$id"] = f"https://newsfacts.invalid/schema/story/{STORY_SCHEMA_VERSION}/storysheet.json"
    schema["title"] = "newsfacts story sheet"
    return schema
