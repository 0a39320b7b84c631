"""The writers a byline names and the outlet they write for: an outlet prints its staff's and its agency's stories
under their names ("By Ann Lee" over "The Norvale Gazette", "By Ann Lee, Norvale Gazette staff").

The outlet is the organisation named alone on the byline's next line or after its comma ("By Ann Lee, Acme News
Service"), else the article's own outlet when the text names it. Only a line opening with "By" near the top is a
byline: a writer named later ("By Ann Lee's account") is part of the story.
"""

from __future__ import annotations

import re
from itertools import islice
from collections.abc import Iterator

from ..schema import Entity, Relation
from .reading import Mentions, bare
from .tables import ORG, PERSON

# A byline stands under the headline, among the first lines of the text.
BYLINE_LINES = 6
# What ends the writers' names on a byline: a comma before their title, a bar or slash before the date.
WRITERS_END = re.compile(r"[,|/]")
# What an outlet's name may carry in the article's data beside the name: "The Norvale Gazette (UK weekly)".
OUTLET_NOTE = re.compile(r"\(.*?\)")


def byline_relations(text: str, mentions: Mentions, outlet: str | None) -> Iterator[Relation]:
    """The writers of the byline of the article's `text` (spaCy's doc joins its tokens anew each time it is asked
    for its text) and the outlet they write for."""
    lines = list(islice(line_spans(text), BYLINE_LINES + 1))  # a byline is in the first lines
    for number, (start, end) in enumerate(lines[:BYLINE_LINES]):
        line = text[start:end]
        if not line.startswith("By ") or not line[3:4].isupper():
            continue
        writers_end = start + (match.start() if (match := WRITERS_END.search(line)) else len(line))
        writers = [entity for mention, entity in mentions.items if entity.type == PERSON and mention.kind == "name"
                   and start < mention.start and mention.end <= writers_end]
        if not writers:
            continue
        following = lines[number + 1] if number + 1 < len(lines) else None
        employer = (organisation_filling(text, writers_end + 1, end, mentions) if writers_end < end else None) \
            or (organisation_filling(text, *following, mentions) if following else None) \
            or outlet_named(outlet, mentions)
        for writer in writers:
            if employer is not None and employer.id != writer.id:
                yield Relation(subject=writer.id, relation="works_for", object=employer.id, evidence=line.strip())
        return  # one byline per article


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line of the text that holds more than white space."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


def organisation_filling(text: str, start: int, end: int, mentions: Mentions) -> Entity | None:
    """The organisation whose name is all the text between `start` and `end`, but for white space and 'The'."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for mention, entity in mentions.items:
        if entity.type == ORG and mention.kind == "name" and mention.end == end and (
                mention.start == start or text[start:mention.start].strip() == "The"):
            return entity
    return None


def outlet_named(outlet: str | None, mentions: Mentions) -> Entity | None:
    """The organisation of the text that the article's outlet is, by name: 'The Norvale Gazette (UK weekly)' is the
    'Norvale Gazette' the text names."""
    wanted = bare(OUTLET_NOTE.sub("", outlet or ""))
    if not wanted:
        return None
    found = {entity.id: entity for mention, entity in mentions.items
             if entity.type == ORG and mention.kind == "name" and bare(mention.text) == wanted}
    return next(iter(found.values())) if len(found) == 1 else None
