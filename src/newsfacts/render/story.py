"""A story sheet for people: a Rich summary for the terminal and a self-contained HTML page.

The HTML page runs no script at all (its Content-Security-Policy forbids any) and Jinja2 escapes every
article string, so it is safe to open whatever the articles say.
"""

from __future__ import annotations

from markupsafe import Markup
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..stories.sheet import Fact, FactValue, QuoteVariant, StorySheet
from .text import counted, row

# The story page runs no script and loads nothing; the page carries this in a <meta> tag (a saved report keeps
# it), and the server also sends it as a header.
STORY_POLICY = ("default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                "form-action 'none'")
STATUS_STYLES = {"agree": "green", "hedged": "yellow", "disagree": "bold red"}


def outlet_names(sheet: StorySheet) -> dict[str, str]:
    return {article.id: article.outlet or article.id for article in sheet.articles}


def value_text(value: FactValue) -> str:
    """A value as a reader wants it: the words the article used, with the number read from them."""
    shown = value.text
    if value.hedge and not value.text.lower().startswith(value.hedge):
        shown = f"{value.hedge} {shown}"
    return shown


def variant_changes(variant: QuoteVariant) -> str:
    parts = []
    for change in variant.changes:
        if change.change == "added":
            parts.append(f"+{change.text}")
        elif change.change == "dropped":
            parts.append(f"−{change.text}")
        else:
            parts.append(f"{change.instead_of} → {change.text}")
    if variant.trimmed:
        parts.insert(0, "trimmed")
    return "; ".join(parts)


def status_text(fact: Fact) -> str:
    """A fact's status, with a disagreement that is a change over time said so: "disagree (update)"."""
    return f"{fact.status} ({fact.change.replace('_', ' ')})" if fact.change else fact.status


def published_text(article) -> str:
    """When an article was published: its time where known ("2024-03-04 18:30 UTC+00:00"), else its date."""
    if article.published_at:
        day, _, clock = article.published_at.partition("T")
        clock, zone = clock[:5], clock[8:].lstrip(".0123456789")
        return f"{day} {clock}" + (f" UTC{zone}" if zone else "")
    return article.published or "?"


def publication_order(article) -> tuple:
    return (article.published is None, article.published_at or article.published or "", article.id)


def group_text(value: FactValue) -> str:
    """'[1]', or '[1, also 2]' for a range or hedged value that agrees with another group's values too."""
    also = "".join(f", also {group + 1}" for group in value.also_agrees_with)
    return f"[{value.group + 1}{also}]"


def facts_table(sheet: StorySheet) -> Table:
    outlets = outlet_names(sheet)
    table = Table(title="Facts across outlets", title_justify="left", expand=True)
    for heading in ("what", "kind", "status", "outlets and values"):
        table.add_column(heading)
    for fact in sheet.facts:
        values = "\n".join(f"{outlets[v.article_id]}: {value_text(v)}" + (f"  {group_text(v)}" if fact.status != "agree"
                                                                          else "") for v in fact.values)
        if fact.note:
            values += f"\n({fact.note})"
        table.add_row(*row(fact.what, fact.kind, Text(status_text(fact), style=STATUS_STYLES[fact.status]), values))
    return table


def quotes_table(sheet: StorySheet) -> Table:
    outlets = outlet_names(sheet)
    table = Table(title="Quotes across outlets", title_justify="left", expand=True)
    for heading, ratio in (("speaker", 1), ("outlet", 1), ("wording", 3), ("differences from the most common", 2)):
        table.add_column(heading, ratio=ratio)
    for group in sheet.quotes:
        speaker = (group.speaker or "(unknown)") + ("\n(given to different speakers)" if group.speakers_differ else "")
        for number, variant in enumerate(group.variants):
            wording = f"“{variant.text}”" + ("  (most common)" if variant.reference else "")
            who = outlets[variant.article_id] + (f"\nas said by {variant.speaker}" if group.speakers_differ else "")
            table.add_row(*row(speaker if number == 0 else "", who, wording, variant_changes(variant)))
    return table


def citations_table(sheet: StorySheet) -> Table:
    outlets = outlet_names(sheet)
    table = Table(title="Who cites whom", title_justify="left", expand=True)
    for heading in ("outlet", "cites", "as written", "in this story"):
        table.add_column(heading)
    for citation in sheet.citations:
        table.add_row(*row(outlets[citation.article_id], citation.cites, citation.text,
                           outlets.get(citation.in_set or "", "")))
    return table


def inconsistencies_table(sheet: StorySheet) -> Table:
    outlets = outlet_names(sheet)
    table = Table(title="Outlets contradicting themselves", title_justify="left", expand=True)
    for heading in ("outlet", "check", "about", "working"):
        table.add_column(heading)
    for item in sheet.inconsistencies:
        table.add_row(*row(outlets[item.article_id], item.kind, "; ".join(item.about), item.working))
    return table


def story_summary(sheet: StorySheet) -> Group:
    disagreeing = sum(fact.status == "disagree" for fact in sheet.facts)
    meta = (f"{counted(len(sheet.articles), 'article')} · {counted(len(sheet.facts), 'shared fact')} "
            f"({disagreeing} disagree) · {counted(len(sheet.quotes), 'quote')} in several outlets · "
            f"{counted(len(sheet.citations), 'citation')} · schema {sheet.schema_version}")
    articles = Table(title="Articles", title_justify="left", expand=True)
    for heading in ("published", "outlet", "title", "id"):
        articles.add_column(heading)
    for article in sorted(sheet.articles, key=publication_order):
        articles.add_row(*row(published_text(article), article.outlet or "", article.title or "", article.id))
    parts = [Panel(Text(meta), title=Text(sheet.title or sheet.id, style="bold"), title_align="left"), articles]
    sections = [(sheet.facts, facts_table, "facts stated by several outlets"),
                (sheet.quotes, quotes_table, "quotes carried by several outlets"),
                (sheet.citations, citations_table, "citations"),
                (sheet.inconsistencies, inconsistencies_table, "inconsistent checks")]
    parts += [draw(sheet) for items, draw, _ in sections if items]
    parts += [Text(f"No {name}.", style="dim") for items, _, name in sections if not items]
    return Group(*parts)


def fact_rows(fact: Fact, outlets: dict[str, str]) -> list[dict]:
    return [{"outlet": outlets[value.article_id], "text": value_text(value), "group": value.group,
             "also": value.also_agrees_with, "article_id": value.article_id} for value in fact.values]


def render_story_html(sheet: StorySheet) -> str:
    """The story report as one complete HTML document."""
    from .html import asset, templates

    outlets = outlet_names(sheet)
    page = templates().get_template("story.html.j2").render(
        policy=Markup(STORY_POLICY), sheet=sheet, outlets=outlets, fact_rows=lambda fact: fact_rows(fact, outlets),
        variant_changes=variant_changes, style=Markup(asset("story.css")),
        disagreeing=sum(fact.status == "disagree" for fact in sheet.facts),
        articles=sorted(sheet.articles, key=publication_order), published_text=published_text,
        status_text=status_text,
        cited_by={article.id: sum(c.in_set == article.id for c in sheet.citations) for article in sheet.articles},
        citing={article.id: [c for c in sheet.citations if c.article_id == article.id] for article in sheet.articles})
    return page.encode("utf-8", errors="replace").decode("utf-8")
