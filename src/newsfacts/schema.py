"""The one document model: what an article is on the way in, and the fact sheet on the way out.

Every stage reads an `Article` (through `nlp.Parsed`) and the `FactSheet` so far, and returns its own
part of the sheet. Offsets (`start`, `end`) are character offsets into `FactSheet.text`, end exclusive.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Bump the minor version for added fields, the major one for renamed or removed fields.
SCHEMA_VERSION = "1.2"

EntityType = Literal["PERSON", "ORG", "PLACE", "EVENT", "WORK"]
QuoteKind = Literal["direct", "indirect"]
SourceKind = Literal["named", "anonymous", "writer"]
Gender = Literal["female", "male"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
RelationKind = Literal[
    "parent_of", "child_of", "sibling_of", "spouse_of", "works_for", "member_of", "author_of", "located_in"
]
FigureKind = Literal["count", "money", "percent", "age", "date", "time", "duration", "score", "ratio", "number"]
CheckKind = Literal["duration", "elapsed", "age", "total", "percentages"]
CheckStatus = Literal["consistent", "inconsistent"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(Model):
    """One article as ingested, before any analysis."""

    id: str
    text: str
    published: str | None = Field(None, description="publication date, YYYY-MM-DD")
    published_at: str | None = Field(None, description="publication time where the input gives one, ISO 8601 "
                                                      "(YYYY-MM-DDTHH:MM[:SS][±HH:MM or Z])")
    title: str | None = None
    source: str | None = Field(None, description="file path or URL the article came from")
    outlet: str | None = None
    author: str | None = Field(None, description="the byline")
    warnings: list[str] = Field([], description="what the reader of the sheet should know about its input: "
                                                "not English, no publication date, text cut")


class Span(Model):
    text: str
    start: int
    end: int


class Mention(Span):
    kind: Literal["name", "title", "description", "pronoun"] = "name"


class Entity(Model):
    id: str
    name: str
    type: EntityType
    mentions: list[Mention] = []
    gender: Gender | None = Field(None, description="a person's gender as the article's pronouns, titles and "
                                                    "first names suggest it; null when they do not")


class Quote(Model):
    text: str
    start: int
    end: int
    kind: QuoteKind
    source: SourceKind
    cue: str | None = None
    speaker: str | None = Field(None, description="entity id of the speaker, when resolved")
    speaker_mention: Span | None = None
    speaker_name: str | None = Field(None, description="readable speaker: entity name or the source phrase")


class TimeExpression(Model):
    text: str
    start: int
    end: int
    type: TimeType
    value: str


class Figure(Model):
    """A number the article states, with what it is a number of."""

    text: str
    start: int
    end: int
    kind: FigureKind
    value: float | str | None = Field(None, description="the number; the TIMEX3 value for dates, clock times and "
                                                         "durations; the low end of a range")
    upper: float | None = Field(None, description="the high end of a range ('six to seven'), the whole of a "
                                                  "ratio ('187 of the 189'), or the other side of a score ('3-1')")
    unit: str | None = Field(None, description="'percent', a currency code ('GBP'), a unit of measure ('km'), "
                                               "'year' for ages; null for plain counts")
    measures: str | None = Field(None, description="what it counts or measures: the counted noun ('passengers'), "
                                                   "the thing whose length, price or age it is")
    hedge: str | None = Field(None, description="the approximator written before it, left out of its text: "
                                                "'about', 'more than', 'just over', 'nearly', 'up to'")


class Event(Model):
    what: str
    when: str = Field(description="TIMEX3 value of the time it happened")
    time: Span | None = Field(None, description="the time expression that dates it")
    entities: list[str] = Field([], description="ids of the entities taking part")


class Relation(Model):
    subject: str = Field(description="entity id")
    relation: RelationKind
    object: str = Field(description="entity id")
    role: str | None = None
    evidence: str | None = Field(None, description="the sentence the relation is read from")


class Check(Model):
    kind: CheckKind
    status: CheckStatus
    about: list[str] = Field(description="the expressions' texts as they stand in the article")
    working: str = Field("", description="one human-readable line showing the arithmetic")


class FactSheet(Model):
    schema_version: str = SCHEMA_VERSION
    id: str
    text: str
    published: str | None = None
    published_at: str | None = Field(None, description="publication time where the input gives one, ISO 8601")
    title: str | None = None
    source: str | None = None
    outlet: str | None = None
    author: str | None = None
    warnings: list[str] = Field([], description="what the reader of the sheet should know about its input: "
                                                "not English, no publication date, text cut")
    entities: list[Entity] = []
    quotes: list[Quote] = []
    times: list[TimeExpression] = []
    figures: list[Figure] = []
    events: list[Event] = []
    relations: list[Relation] = []
    checks: list[Check] = []


class ErrorRecord(Model):
    """Stands in for the sheet of an article that could not be read or analysed."""

    id: str
    error: str
    source: str | None = None


def json_schema() -> dict:
    """The JSON Schema of a fact sheet, as `newsfacts schema` prints it."""
    schema = FactSheet.model_json_schema()
    schema["$id"] = f"https://newsfacts.invalid/schema/{SCHEMA_VERSION}/factsheet.json"
    schema["title"] = "newsfacts fact sheet"
    return schema
