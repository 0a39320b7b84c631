"""A readable terminal summary of a fact sheet, drawn with Rich; what the article holds is shown, never
obeyed by the terminal."""

from __future__ import annotations

import re
from collections import defaultdict

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..schema import FactSheet

# Characters a terminal obeys rather than shows: C0 controls but tab, line feed and carriage return (which
# Rich drops), ESC above all (it starts the sequences that recolour, move the cursor or retitle the
# window), DEL, and the C1 controls (U+009B is a one-character ESC [). Each is shown as its Control
# Pictures symbol (U+2400 + code: ESC is "␛"), or "�" for C1, so that offsets into a text do not move.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
# What each section lists, named in the line that says which found nothing.
SECTION_NAMES = ("entities", "quotes", "time expressions", "relations", "checks")


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """'1 quote', '3 quotes'."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def printable(text: str) -> str:
    """The text with what a terminal would obey (escape sequences) made visible instead."""
    return TERMINAL_CONTROLS.sub(lambda found: chr(0x2400 + ord(found[0])) if found[0] < "\x20" else
                                 "\u2421" if found[0] == "\x7f" else "\ufffd", text)


def printable_sheet(sheet: FactSheet) -> FactSheet:
    """The sheet with every text in it printable (same lengths, so offsets still hold)."""
    def clean(value: object) -> object:
        if isinstance(value, str):
            return printable(value)
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        return value

    return FactSheet.model_validate(clean(sheet.model_dump()))


def row(*cells: str | Text) -> list[Text]:
    """Table cells as plain text: article text holds square brackets ("[sic]") that Rich would read as markup."""
    return [cell if isinstance(cell, Text) else Text(cell) for cell in cells]


def entity_names(sheet: FactSheet) -> dict[str, str]:
    return {entity.id: entity.name for entity in sheet.entities}


def entities_table(sheet: FactSheet) -> Table:
    table = Table(title="Who is in it", title_justify="left", expand=True)
    table.add_column("entity", style="bold")
    table.add_column("type")
    table.add_column("mentions")
    for entity in sorted(sheet.entities, key=lambda e: (-len(e.mentions), e.name)):
        forms = list(dict.fromkeys(mention.text for mention in entity.mentions))
        table.add_row(*row(entity.name, entity.type, f"{len(entity.mentions)}: " + "; ".join(forms)))
    return table


def quotes_table(sheet: FactSheet) -> Table:
    names = entity_names(sheet)
    table = Table(title="Who said what", title_justify="left", expand=True)
    table.add_column("speaker", style="bold", ratio=1)
    table.add_column("source")
    table.add_column("cue")
    table.add_column("said", ratio=2)  # the quote gets the room
    by_speaker = defaultdict(list)
    for quote in sheet.quotes:
        speaker = names.get(quote.speaker or "") or quote.speaker_name or "(unknown)"
        by_speaker[speaker].append(quote)
    for speaker, quotes in sorted(by_speaker.items(), key=lambda item: -len(item[1])):
        for number, quote in enumerate(quotes):
            said = f"“{quote.text}”" if quote.kind == "direct" else quote.text
            table.add_row(*row(speaker if number == 0 else "", quote.source, quote.cue or "", said))
    return table


def timeline_table(sheet: FactSheet) -> Table:
    """The events in time order; with no events, the time expressions, under headings that say so."""
    if not sheet.events:
        table = Table(title="Time expressions", title_justify="left", expand=True)
        for heading, style in (("value", "bold"), ("as written", "dim"), ("type", None)):
            table.add_column(heading, style=style)
        for time in sheet.times:
            table.add_row(*row(time.value, time.text, time.type))
        return table
    table = Table(title="What happened when", title_justify="left", expand=True)
    table.add_column("when", style="bold")
    table.add_column("as written", style="dim")
    table.add_column("what")
    for event in sheet.events:  # the times stage sorts them into a timeline
        table.add_row(*row(event.when, event.time.text if event.time else "", event.what))
    return table


def relations_table(sheet: FactSheet) -> Table:
    names = entity_names(sheet)
    table = Table(title="How they relate", title_justify="left", expand=True)
    for column in ("subject", "relation", "object", "role"):
        table.add_column(column)
    for relation in sheet.relations:
        table.add_row(*row(
            names.get(relation.subject, relation.subject),
            relation.relation.replace("_", " "),
            names.get(relation.object, relation.object),
            relation.role or "",
        ))
    return table


def checks_table(sheet: FactSheet) -> Table:
    table = Table(title="Do the numbers add up", title_justify="left", expand=True)
    table.add_column("check")
    table.add_column("status")
    table.add_column("about")
    table.add_column("working")
    for check in sheet.checks:
        style = "green" if check.status == "consistent" else "bold red"
        about = "; ".join(figure_shown(sheet, text) for text in check.about)
        table.add_row(*row(check.kind, Text(check.status, style=style), about, check.working))
    return table


def figure_shown(sheet: FactSheet, text: str) -> str:
    """A check's figure with its hedge and what it measures, as the figures stage read it: 'at least 68 people
    (people)' reads '68 people [at least]'."""
    figure = next((f for f in sheet.figures if f.text and re.search(rf"(?<![\w,.]){re.escape(f.text)}(?![\w,])", text)),
                  None)
    if figure is None:
        return text
    notes = [note for note in (figure.hedge, figure.measures if figure.measures and figure.measures not in
                               text.lower() else None) if note]
    return f"{text} [{', '.join(notes)}]" if notes else text


def summary(sheet: FactSheet) -> Group:
    sheet = printable_sheet(sheet)
    heading = sheet.title or sheet.id
    facts = [sheet.author and f"by {sheet.author}", f"published {sheet.published or 'unknown'}", sheet.outlet,
             sheet.source and f"source: {sheet.source}", f"{len(sheet.text):,} characters",
             f"schema {sheet.schema_version}"]
    meta = Text(" · ".join(fact for fact in facts if fact))
    for warning in sheet.warnings:  # what the reader should know before trusting what follows
        meta.append(f"\nwarning: {warning}", style="yellow")
    parts = [Panel(meta, title=Text(heading, style="bold"), title_align="left")]
    sections = [
        (sheet.entities, entities_table),
        (sheet.quotes, quotes_table),
        (sheet.events or sheet.times, timeline_table),
        (sheet.relations, relations_table),
        (sheet.checks, checks_table),
    ]
    parts += [draw(sheet) for items, draw in sections if items]
    missing = [name for name, (items, _) in zip(SECTION_NAMES, sections) if not items]
    if missing:
        listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]
        parts.append(Text(f"No {listed} found.", style="dim"))
    return Group(*parts)
