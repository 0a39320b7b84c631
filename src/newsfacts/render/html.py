"""A self-contained HTML report of a fact sheet: one file, no network, safe to open on any article.

The article text is untrusted. Jinja2 autoescapes every value put into the page; the data the page's
script reads travels as JSON in a non-executable <script type="application/json"> with `<`, `>`, `&`
and the JavaScript line separators escaped; the script fills the page with `textContent` only. A
Content-Security-Policy lets run only the two inline scripts the report itself ships (by hash).
Charts are drawn by Plotly, whose script is read from the installed Python package and inlined.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib.resources import files

import networkx as nx
import plotly.graph_objects as go
import plotly.io as pio
from dateutil.parser import isoparse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..schema import Entity, Event, FactSheet
from ..timex import calendar_span
from .article import distinct_colours, figure_amount, paragraphs, segments, speaker_classes, speaker_key
from .dates import readable
from .text import counted

ENTITY_TYPE_COLOURS = {"PERSON": "#4c78a8", "ORG": "#f58518", "PLACE": "#54a24b", "EVENT": "#b279a2",
                       "WORK": "#e45756"}
# Characters that would end or confuse a <script> element, or break JavaScript older than ES2019.
SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@lru_cache(maxsize=1)
def templates() -> Environment:
    environment = Environment(loader=PackageLoader("newsfacts.render", "templates"),
                              autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    environment.filters["counted"] = counted
    environment.filters["readable"] = readable
    environment.filters["figure_amount"] = figure_amount
    return environment


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return files("newsfacts.render").joinpath("assets", name).read_text(encoding="utf-8")


def script_json(value: object) -> Markup:
    """JSON that can sit inside a <script> element whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in SCRIPT_UNSAFE.items():
        text = text.replace(char, escaped)
    return Markup(text)


def csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


@lru_cache(maxsize=1)
def inline_scripts() -> tuple[dict[str, Markup], Markup]:
    """The page's scripts (Plotly's is 1.2 MB, so read and hashed once) and their CSP hashes.

    Plotly's basic bundle (npm plotly.js-basic-dist-min, the plotly.js version plotly.py ships, MIT licence
    beside it) draws scatter traces, all the report draws, at a quarter of the full bundle's size."""
    scripts = {"plotly": asset("plotly-basic.min.js"), "report": asset("report.js")}
    hashes = " ".join(csp_hash(source) for source in scripts.values())
    return {name: Markup(source) for name, source in scripts.items()}, Markup(hashes)


def content_security_policy() -> str:
    """What a report may load and run: its own two scripts (by hash), inline styles, nothing from anywhere.
    The page carries it in a <meta> tag (a saved report keeps it); the server also sends it as a header."""
    return (f"default-src 'none'; script-src {inline_scripts()[1]}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; base-uri 'none'; form-action 'none'")


def label(text: str) -> str:
    """Article text for a Plotly label: Plotly reads a subset of HTML in labels, so escape it."""
    return html.escape(text, quote=False)


# ---- the panels ----------------------------------------------------------------------------------

def who_said_what(sheet: FactSheet, speakers: dict[str, str]) -> list[dict]:
    """One entry per person, and per other source that speaks, with what they said."""
    names = {entity.id: entity for entity in sheet.entities}
    people: dict[str, dict] = {}
    for entity in sorted(sheet.entities, key=lambda e: -len(e.mentions)):
        if entity.type == "PERSON":
            people[entity.id] = {"id": entity.id, "name": entity.name, "type": entity.type,
                                 "mentions": len(entity.mentions), "quotes": [], "colour": None}
    for quote in sheet.quotes:
        key = speaker_key(quote)
        if key not in people:
            entity = names.get(quote.speaker or "")
            people[key] = {"id": entity.id if entity else None,
                           "name": entity.name if entity else (quote.speaker_name or f"({quote.source})"),
                           "type": entity.type if entity else quote.source,
                           "mentions": len(entity.mentions) if entity else 0, "quotes": [], "colour": None}
        people[key]["quotes"].append(quote)
        people[key]["colour"] = speakers[key]
    return sorted(people.values(), key=lambda p: (-len(p["quotes"]), -p["mentions"]))


@dataclass
class Centrality:
    entity: Entity
    quotes: int
    relations: int

    @property
    def score(self) -> int:
        """How much of the story turns on the entity: each time it is named, speaks, or is related to another."""
        return len(self.entity.mentions) + self.quotes + self.relations


def by_centrality(sheet: FactSheet) -> list[Centrality]:
    """The entities, the most central first (ties in the order the article first names them)."""
    quotes = Counter(quote.speaker for quote in sheet.quotes if quote.speaker)
    relations = Counter(end for relation in sheet.relations for end in {relation.subject, relation.object})
    ranked = [Centrality(entity, quotes[entity.id], relations[entity.id]) for entity in sheet.entities]
    first = {entity.id: min((m.start for m in entity.mentions), default=len(sheet.text)) for entity in sheet.entities}
    return sorted(ranked, key=lambda item: (-item.score, first[item.entity.id]))


def timex_datetime(value: str):
    """The instant a TIMEX3 value starts at, or None for durations, sets and vague values."""
    try:
        return isoparse(value)
    except ValueError:
        return None


# Precisions (timex.calendar_span's) of the values drawn as a bar: "2025" is the year, not its first day.
PERIOD_PRECISIONS = {"Y", "M", "W"}


def timex_period_end(value: str) -> datetime | None:
    """Where the period a year, month or week value names ends (the start of the day after it); None for a day
    or an instant."""
    span = calendar_span(value)
    if span is None or span[2] not in PERIOD_PRECISIONS:
        return None
    return datetime.combine(span[1] + timedelta(days=1), datetime.min.time())


def publication_day_end(sheet: FactSheet) -> datetime | None:
    """The end of the day the article was published: nothing it reports as done can be later."""
    try:
        published = date.fromisoformat(sheet.published or "")
    except ValueError:
        return None
    return datetime.combine(published + timedelta(days=1), datetime.min.time())


def drawn_period(start: datetime, value: str, published_end: datetime | None) -> tuple[datetime, bool] | None:
    """Where the bar of a period event ends, and whether it was cut: a period the article was published in
    ("this year") is drawn up to the publication day, not past it; None when the value is no period."""
    end = timex_period_end(value)
    if end is None:
        return None
    if published_end is not None and start < published_end < end:
        return published_end, True
    return end, False


def timeline_figure(sheet: FactSheet) -> go.Figure | None:
    """Each dated event on a row of its own, in time order, over a row of all the dated time expressions.
    An event on a day or at a time is a diamond; one in a week, month or year is a bar across it, which stops
    at the publication date (marked by a dotted line)."""
    events = sorted(((when, event) for event in sheet.events if (when := timex_datetime(event.when))),
                    key=lambda item: item[0])
    times = [(when, time) for time in sheet.times if (when := timex_datetime(time.value))]
    if not events and not times:
        return None
    published_end = publication_day_end(sheet)
    rows = [label(textwrap.shorten(event.what, 60)) for _, event in events] + ["time expressions"]
    figure = go.Figure()
    precise = [(row, when, event) for row, (when, event) in enumerate(events) if not timex_period_end(event.when)]
    figure.add_trace(go.Scatter(
        x=[when for _, when, _ in precise], y=[row for row, _, _ in precise], mode="markers", name="events",
        marker={"size": 14, "symbol": "diamond", "color": "#4c78a8"}, hoverinfo="text",
        hovertext=[event_hover(event) for _, _, event in precise]))
    for row, (when, event) in enumerate(events):
        if period := drawn_period(when, event.when, published_end):
            end, cut = period
            hover = event_hover(event) + ("<br>(drawn up to the publication date)" if cut else "")
            figure.add_trace(go.Scatter(
                x=[when, end], y=[row, row], mode="lines+markers", name="events", hoverinfo="text",
                hovertext=[hover, hover], line={"width": 6, "color": "#4c78a8"},
                marker={"size": 10, "symbol": "line-ns", "line": {"width": 2, "color": "#4c78a8"}}))
    figure.add_trace(go.Scatter(
        x=[when for when, _ in times], y=[len(events)] * len(times), mode="markers", name="time expressions",
        marker={"size": 11, "color": "#b7791f", "opacity": 0.8}, hoverinfo="text",
        hovertext=[f"“{label(time.text)}”<br>{label(readable(time.value, time.type))} ({label(time.value)})"
                   for _, time in times]))
    if published_end is not None:
        published = published_end - timedelta(days=1)
        figure.add_shape(type="line", x0=published, x1=published, yref="paper", y0=0, y1=1,
                         line={"color": "#98a2b3", "width": 1.5, "dash": "dot"})
        figure.add_annotation(x=published, yref="paper", y=1, yanchor="bottom", showarrow=False, text="published",
                              font={"size": 11, "color": "#667085"})
    figure.update_layout(
        height=90 + 34 * len(rows), margin={"l": 10, "r": 30, "t": 24, "b": 40}, showlegend=False,
        template="plotly_white",
        yaxis={"tickvals": list(range(len(rows))), "ticktext": rows, "autorange": "reversed", "automargin": True})
    return figure


def event_hover(event: Event) -> str:
    return f"{label(event.what)}<br>{label(readable(event.when))} ({label(event.when)})"


def graph_layout(graph: nx.MultiDiGraph) -> tuple[dict[str, tuple[float, float]], int]:
    """Each group of connected entities laid out on its own, the groups on a grid, biggest first; and its rows.

    One spring layout of the whole graph scatters unconnected pairs across each other's edges.
    """
    groups = sorted(nx.weakly_connected_components(graph), key=lambda group: (-len(group), sorted(group)))
    columns = math.ceil(math.sqrt(len(groups)))
    position: dict[str, tuple[float, float]] = {}
    for number, group in enumerate(groups):
        row, column = divmod(number, columns)
        # A fixed seed and the nodes in the graph's own order (a group is a set, whose order changes from one
        # process to the next) keep the picture the same from one run to the next.
        subgraph = nx.MultiDiGraph()
        subgraph.add_nodes_from(node for node in graph.nodes if node in group)
        subgraph.add_edges_from(graph.subgraph(group).edges())
        laid = nx.spring_layout(subgraph, seed=7, center=(column * 3.0, -row * 3.0))
        position.update({node: (float(x), float(y)) for node, (x, y) in laid.items()})
    return position, math.ceil(len(groups) / columns)


def relation_graph_figure(sheet: FactSheet) -> go.Figure | None:
    names = {entity.id: entity for entity in sheet.entities}
    relations = [r for r in sheet.relations if r.subject in names and r.object in names]
    if not relations:
        return None
    graph = nx.MultiDiGraph()
    graph.add_edges_from((r.subject, r.object) for r in relations)
    position, rows = graph_layout(graph)
    figure = go.Figure()
    for relation in relations:
        (x0, y0), (x1, y1) = position[relation.subject], position[relation.object]
        # The role on a line of its own keeps a caption narrow enough not to cover the names at either end.
        caption = label(relation.relation.replace("_", " "))
        if relation.role:
            caption += f"<br>({label(relation.role)})"
        figure.add_annotation(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y",
                              showarrow=True, arrowhead=3, arrowsize=1.4, arrowwidth=1.5, arrowcolor="#888",
                              standoff=14, startstandoff=14, text="")
        figure.add_annotation(x=(x0 + x1) / 2, y=(y0 + y1) / 2, text=caption, showarrow=False,
                              font={"size": 11, "color": "#555"}, bgcolor="rgba(255,255,255,0.85)",
                              hovertext=label(relation.evidence or ""))
    nodes = list(graph.nodes)
    figure.add_trace(go.Scatter(
        x=[position[n][0] for n in nodes], y=[position[n][1] for n in nodes], mode="markers", hoverinfo="text",
        hovertext=[f"{label(names[n].name)} ({names[n].type})" for n in nodes],
        marker={"size": 22, "color": [ENTITY_TYPE_COLOURS[names[n].type] for n in nodes],
                "line": {"width": 2, "color": "white"}}))
    for node in nodes:  # names as annotations added last, so a relation's caption never covers one
        figure.add_annotation(x=position[node][0], y=position[node][1], yshift=-21, text=label(names[node].name),
                              showarrow=False, font={"size": 12, "color": "#1f3b57"}, bgcolor="rgba(255,255,255,0.8)")
    biggest = max(len(group) for group in nx.weakly_connected_components(graph))
    figure.update_layout(height=min(900, 200 + 160 * rows + 40 * max(0, biggest - 3)),
                         margin={"l": 20, "r": 20, "t": 20, "b": 30},
                         showlegend=False,
                         template="plotly_white", xaxis={"visible": False}, yaxis={"visible": False})
    return figure


def page_data(sheet: FactSheet) -> dict:
    figures = {name: json.loads(pio.to_json(figure)) for name, figure in
               (("timeline", timeline_figure(sheet)), ("graph", relation_graph_figure(sheet))) if figure}
    entities = {entity.id: {"name": entity.name, "type": entity.type,
                            "mentions": [{"text": m.text, "start": m.start, "kind": m.kind} for m in entity.mentions]}
                for entity in sheet.entities}
    return {"entities": entities, "figures": figures}


def render_html(sheet: FactSheet) -> str:
    """The report of one fact sheet as a complete HTML document."""
    speakers = speaker_classes(sheet)
    names = {entity.id: entity.name for entity in sheet.entities}
    quote_speakers = [names.get(q.speaker or "") or q.speaker_name or f"({q.source})" for q in sheet.quotes]
    scripts, _ = inline_scripts()
    article, after_article = paragraphs(segments(sheet, speakers, quote_speakers))
    page = templates().get_template("report.html.j2").render(
        sheet=sheet,
        paragraphs=article,
        after_article=after_article,
        people=who_said_what(sheet, speakers),
        names=names,
        events=sorted(sheet.events, key=lambda event: (timex_datetime(event.when) is None,
                                                       str(timex_datetime(event.when)), event.when)),
        entities=by_centrality(sheet),
        checks=sorted(enumerate(sheet.checks), key=lambda item: item[1].status != "inconsistent"),
        failed_checks=[(number, check) for number, check in enumerate(sheet.checks) if check.status == "inconsistent"],
        located_checks={number for paragraph in article for piece in paragraph.segments for number in piece.checks},
        speaker_colours=distinct_colours(max(1, len(speakers))),  # the legend shows the first colour
        type_colours=ENTITY_TYPE_COLOURS,
        data=script_json(page_data(sheet)),
        style=Markup(asset("report.css")),
        scripts=scripts,
        policy=Markup(content_security_policy()),  # our own text, with no double quote in it
    )
    # A lone surrogate (from a broken source file) cannot be written as UTF-8; it shows as "?" instead.
    return page.encode("utf-8", errors="replace").decode("utf-8")
