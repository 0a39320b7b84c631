"""The HTML report: everything the sheet holds is on the page, and article text is always escaped."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.render.html import relation_graph_figure, render_html, script_json, timeline_figure
from newsfacts.schema import Check, Entity, Event, FactSheet, Figure, Mention, Quote, Relation, Span, TimeExpression

HOSTILE = ('Mayor <script>window.pwned = 1</script> Ann Lee said "x"><img src=x onerror="window.pwned = 2"> '
           'and <a href="javascript:window.pwned = 3">click here</a> on Monday.')


def spans(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    return start, start + len(phrase)


def mention(text: str, phrase: str, nth: int = 0, kind: str = "name") -> Mention:
    start, end = spans(text, phrase, nth)
    return Mention(text=phrase, start=start, end=end, kind=kind)


def sample_sheet() -> FactSheet:
    """A short article of our own with every part of a sheet filled in by hand."""
    text = ('Ann Lee, the mayor of Tolland, opened the bridge on Monday. "It took 18 months," she said. '
            'Her brother Tom Lee, who works for Tolland Council, said the work began in March 2024.\n'
            'Ann Lee wrote the book Bridges in 2020.')
    ann = Entity(id="E1", name="Ann Lee", type="PERSON",
                 mentions=[mention(text, "Ann Lee"), mention(text, "she", kind="pronoun"),
                           mention(text, "Her", kind="pronoun"), mention(text, "Ann Lee", 1)])
    tom = Entity(id="E2", name="Tom Lee", type="PERSON",
                 mentions=[mention(text, "Her brother", kind="description"), mention(text, "Tom Lee")])
    council = Entity(id="E3", name="Tolland Council", type="ORG", mentions=[mention(text, "Tolland Council")])
    book = Entity(id="E4", name="Bridges", type="WORK", mentions=[mention(text, "Bridges")])
    quote_start, quote_end = spans(text, "It took 18 months,")
    indirect_start, indirect_end = spans(text, "the work began in March 2024")
    times = [TimeExpression(text=phrase, start=spans(text, phrase)[0], end=spans(text, phrase)[1], type=kind,
                            value=value)
             for phrase, kind, value in (("Monday", "DATE", "2025-09-08"), ("18 months", "DURATION", "P18M"),
                                         ("March 2024", "DATE", "2024-03"), ("2020", "DATE", "2020"))]
    return FactSheet(
        id="sample", text=text, published="2025-09-10", title="Bridge opens",
        entities=[ann, tom, council, book],
        quotes=[Quote(text=text[quote_start:quote_end], start=quote_start, end=quote_end, kind="direct",
                      source="named", cue="said", speaker="E1", speaker_mention=ann.mentions[1]),
                Quote(text=text[indirect_start:indirect_end], start=indirect_start, end=indirect_end,
                      kind="indirect", source="named", cue="said", speaker="E2", speaker_mention=tom.mentions[1])],
        times=times,
        events=[Event(what="Ann Lee opens the bridge", when="2025-09-08"),
                Event(what="work on the bridge begins", when="2024-03")],
        relations=[Relation(subject="E2", relation="sibling_of", object="E1", evidence=text[:80]),
                   Relation(subject="E2", relation="works_for", object="E3", role="staff"),
                   Relation(subject="E1", relation="author_of", object="E4")],
        checks=[Check(kind="duration", status="inconsistent", about=["March 2024", "Monday", "18 months"],
                      working="2024-03 to 2025-09-08 is 18 months, stated 18")],
    )


def hostile_sheet() -> FactSheet:
    name_start, name_end = spans(HOSTILE, "<script>window.pwned = 1</script>")
    img_start, img_end = spans(HOSTILE, '"><img src=x onerror="window.pwned = 2">')
    return FactSheet(
        id='<script>alert("id")</script>', text=HOSTILE, title="<b>title</b>", source="javascript:alert(1)",
        entities=[Entity(id='E1"><script>', name="<script>window.pwned = 1</script>", type="PERSON",
                         mentions=[Mention(text=HOSTILE[name_start:name_end], start=name_start, end=name_end)])],
        quotes=[Quote(text=HOSTILE[img_start:img_end], start=img_start, end=img_end, kind="direct", source="named",
                      speaker='E1"><script>', cue="<i>said</i>")],
        events=[Event(what="<img src=x onerror=\"window.pwned = 4\">", when="2025-09-08")],
        relations=[Relation(subject='E1"><script>', relation="author_of", object='E1"><script>',
                            role="<svg onload=alert(1)>", evidence=HOSTILE)],
    )


def our_part(page: str) -> str:
    """The page without Plotly's own inlined script."""
    return re.sub(r"<script>/\*\*\n\* plotly\.js.*?</script>", "<script></script>", page, count=1, flags=re.S)


def test_report_is_one_document_that_loads_nothing_from_outside():
    page = render_html(sample_sheet())
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", page)
    assert "Plotly" in page


def test_report_inlines_plotlys_basic_bundle_not_the_full_one():
    page = render_html(sample_sheet())
    assert "plotly.js (basic - minified)" in page
    assert len(page.encode("utf-8")) < 2_000_000  # the full bundle alone is 4.8 MB


def test_article_highlights_entities_quotes_times_and_what_checks_read():
    page = render_html(sample_sheet())
    assert '<span class="ent" data-e="E1">Her</span><span class="ent" data-e="E2"> brother</span>' in page
    assert '<span class="quote spk0" data-q="0" title="said by Ann Lee">It took </span>' in page
    assert ('<span class="quote time chk chk-bad spk0" data-q="0" data-t="1" data-c="0" title="said by Ann Lee · '
            '18 months (DURATION P18M) · duration check: inconsistent">18 months</span>') in page
    assert ('<span class="time chk chk-bad" id="check-0" data-t="0" data-c="0" title="Mon 8 Sep 2025 (DATE '
            '2025-09-08) · duration check: inconsistent">Monday</span>') in page
    assert '<span class="time" data-t="3" title="2020 (DATE 2020)">2020</span>' in page


def test_each_paragraph_is_a_paragraph_of_the_page():
    article = re.search(r'<div class="article-text">(.*?)</div>', render_html(sample_sheet()), re.S)[1]
    assert article.count("<p>") == 2
    assert article.split("</p>")[1].startswith("\n<p>")  # the line break stays in the text, between them


def test_speakers_get_different_colours():
    page = render_html(sample_sheet())
    assert 'class="quote spk1" data-q="1"' in page
    assert "spk1" not in page.split('data-q="0"')[0].split("article-text")[-1]


def test_no_two_speakers_share_a_colour_however_many_there_are():
    text = " ".join(f'"Yes," said speaker {n}.' for n in range(40))
    quotes = [Quote(text="Yes,", start=match.start() + 1, end=match.start() + 5, kind="direct", source="named",
                    speaker_name=f"speaker {n}") for n, match in enumerate(re.finditer('"Yes,"', text))]
    page = render_html(FactSheet(id="many", text=text, quotes=quotes))
    colours = dict(re.findall(r"\.spk(\d+) \{ --speaker: ([^;]+); \}", page))
    assert len(colours) == 40 and len(set(colours.values())) == 40
    assert {f"spk{n}" for n in range(40)} <= set(re.findall(r"\b(spk\d+)\b", page.split('class="article-text"')[1]))


def test_panels_show_people_timeline_relations_and_checks():
    page = render_html(sample_sheet())
    for expected in ("“It took 18 months,”", "Tom Lee", "sibling of", "works for (staff)", "author of",
                     "2024-03 to 2025-09-08 is 18 months, stated 18", "inconsistent", 'id="timeline-chart"',
                     'id="graph-chart"'):
        assert expected in page
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)[1])
    assert set(data["figures"]) == {"timeline", "graph"}
    assert [m["text"] for m in data["entities"]["E1"]["mentions"]] == ["Ann Lee", "she", "Her", "Ann Lee"]


def meta_lines(page: str) -> list[str]:
    """The lines under the title (where and when published, then the counts) and on the people cards, as a
    reader sees them."""
    return [" ".join(re.sub(r"<[^>]+>", "", found).split())
            for found in re.findall(r'<p class="meta(?: counts)?">(.*?)</p>', page, re.S)]


def test_counts_read_as_english_one_and_many():
    _, counts, ann, *_ = meta_lines(render_html(sample_sheet()))
    assert counts == "4 entities · 2 quotes · 4 time expressions · 3 relations · 1 check"
    assert ann == "person · 4 mentions · 1 quote"


def test_an_undated_report_says_why_its_relative_times_are_unresolved():
    header = meta_lines(render_html(sample_sheet().model_copy(update={"published": None})))[0]
    assert header.startswith("published unknown, so relative times")
    assert meta_lines(render_html(sample_sheet()))[0] == "published Wed 10 Sep 2025"
    assert '<span class="when" title="2025-09-10">Wed 10 Sep 2025</span>' in render_html(sample_sheet())


def test_an_article_with_nothing_found_says_so_once_per_panel():
    page = our_part(render_html(FactSheet(id="quiet", text="The council met. Roads were discussed.")))
    assert meta_lines(page)[1] == "0 entities · 0 quotes · 0 time expressions · 0 relations · 0 checks"
    assert "No names found." in page
    assert 'id="timeline-chart"' not in page and page.count("No time expressions found.") == 1


def test_a_month_on_the_timeline_is_a_bar_across_it_and_a_day_a_point():
    figure = timeline_figure(sample_sheet())
    points, *bars = [trace for trace in figure.data if trace.name == "events"]
    assert [str(x)[:10] for x in points.x] == ["2025-09-08"]
    assert [[str(x)[:10] for x in bar.x] for bar in bars] == [["2024-03-01", "2024-04-01"]]


def test_graph_names_are_drawn_over_relation_captions():
    figure = relation_graph_figure(sample_sheet())
    texts = [annotation.text for annotation in figure.layout.annotations if annotation.text]
    captions = ["sibling of", "works for<br>(staff)", "author of"]
    assert texts == [*captions, *(name for name in texts if name not in captions)]
    assert set(texts) - set(captions) == {"Ann Lee", "Tom Lee", "Tolland Council", "Bridges"}


def test_every_piece_of_article_text_is_escaped():
    page = our_part(render_html(hostile_sheet()))
    assert "<script>window" not in page and "<img src=x" not in page and "<svg" not in page and "<b>title" not in page
    assert 'href="javascript' not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert page.count("<script") == 3  # the data block, Plotly and the report's own script


def test_script_json_cannot_close_its_script_element():
    encoded = script_json({"text": "</script><!-- \u2028 & >"})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded and "\u2028" not in encoded
    assert json.loads(str(encoded)) == {"text": "</script><!-- \u2028 & >"}


def test_inline_scripts_are_allowed_by_hash_only():
    page = render_html(sample_sheet())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]
    assert "default-src 'none'" in policy and "unsafe-eval" not in policy
    assert "script-src 'sha256-" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=0, max_size=80),
       spans=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=6))
def test_article_shows_exactly_its_text_whatever_the_highlights(text, spans):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans]
    mentions = [Mention(text=text[a:b], start=a, end=b) for a, b in spans if a < b]
    sheet = FactSheet(id="t", text=text, entities=[Entity(id=f"E{n}", name="x", type="PERSON", mentions=[m])
                                                   for n, m in enumerate(mentions)])
    article = re.search(r'<div class="article-text">(.*?)</div>', render_html(sheet), re.S)[1]
    assert html.unescape(re.sub(r"<[^>]+>", "", article)) == text


def test_lone_surrogate_in_the_text_still_gives_a_page_that_can_be_written():
    sheet = FactSheet(id="t", text="broken \ud800 text")
    page = render_html(sheet)
    page.encode("utf-8")
    assert "broken ? text" in page


def test_graph_layout_is_the_same_in_every_process():
    # A connected group is a set, whose order follows the process's string hashing.
    script = ("import networkx as nx; from newsfacts.render.html import graph_layout; g = nx.MultiDiGraph(); "
              "g.add_edges_from([('E1', 'E2'), ('E12', 'E9'), ('E10', 'E9'), ('E11', 'E9'), ('E12', 'E11')]); "
              "print(graph_layout(g))")
    layouts = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert len(layouts) == 1


def test_title_byline_and_warnings_come_first():
    sheet = sample_sheet().model_copy(update={
        "author": "Jo Reed", "outlet": "Tolland Post",
        "warnings": ["the text does not read as English", "the text was cut at 200,000 characters"]})
    page = our_part(render_html(sheet))
    header = page.split("<header>")[1].split('<div class="layout">')[0]
    assert header.index("<h1>Bridge opens</h1>") < header.index('<p class="byline">By Jo Reed</p>')
    assert "Tolland Post · published" in " ".join(header.split())
    warnings = header.split('<div class="warnings" role="note">')[1]
    assert "<li>the text does not read as English</li>" in warnings and "cut at 200,000" in warnings
    assert 'class="byline"' not in render_html(sample_sheet())
    assert 'class="warnings"' not in our_part(render_html(sample_sheet()))


def test_failed_checks_are_at_the_top_with_a_link_to_their_figures():
    consistent = Check(kind="age", status="consistent", about=["2020"], working="fine")
    sheet = sample_sheet()
    sheet.checks = [consistent, *sheet.checks]
    page = our_part(render_html(sheet))
    top = page.split('<section id="failed-checks" class="failed">')[1].split("</section>")[0]
    assert page.index('id="failed-checks"') < page.index('id="article"')
    assert "2024-03 to 2025-09-08 is 18 months, stated 18" in top and 'href="#check-1"' in top
    assert 'data-check="1"' in top and "fine" not in top
    assert 'id="check-1"' in page.split('class="article-text"')[1]
    table = page.split('<section id="checks">')[1]
    assert table.index('class="inconsistent"') < table.index('class="consistent"')  # failed first here too
    assert 'id="failed-checks"' not in our_part(render_html(sheet.model_copy(update={"checks": [consistent]})))


def test_dates_in_tables_read_as_people_write_them_with_the_value_on_hover():
    sheet = sample_sheet()
    sheet.events[0].time = Span(text="on Monday", start=0, end=9)
    sheet.times.append(TimeExpression(text="at 5.20pm", start=0, end=9, type="TIME", value="2025-09-08T17:20"))
    page = render_html(sheet)
    timeline = page.split('<section id="timeline">')[1].split("</section>")[0]
    assert ('<td class="when" title="TIMEX3 2025-09-08">Mon 8 Sep 2025</td><td>Ann Lee opens the bridge</td>'
            in timeline)
    assert "“on Monday”" in timeline and 'title="TIMEX3 2024-03">Mar 2024</td>' in timeline
    assert ('<td class="written">“at 5.20pm”</td><td class="when" title="TIMEX3 2025-09-08T17:20">'
            'Mon 8 Sep 2025, 17:20</td>') in timeline
    assert '<td class="when" title="TIMEX3 P18M">18 months</td>' in timeline


def test_names_are_listed_most_central_first():
    sheet = sample_sheet()
    # The council is named once but speaks three times and is in two relations: more central than Tom Lee.
    sheet.quotes += [Quote(text="x", start=0, end=1, kind="indirect", source="named", speaker="E3")] * 3
    sheet.relations.append(Relation(subject="E3", relation="located_in", object="E4"))
    entities = re.findall(r'class="entity-button type-\w+" data-e="(E\d)"', render_html(sheet).split("<aside>")[1])
    assert entities == ["E1", "E3", "E2", "E4"]
    assert "1 mention · 3 quotes · 2 relations" in render_html(sheet)


def test_a_period_the_article_was_published_in_stops_at_the_publication_date():
    sheet = sample_sheet()
    sheet.events = [Event(what="the year of works", when="2025"), Event(what="next year's plan", when="2026"),
                    Event(what="last year", when="2024")]
    figure = timeline_figure(sheet)
    bars = {trace.hovertext[0].split("<br>")[0]: [str(x)[:10] for x in trace.x]
            for trace in figure.data if trace.name == "events" and trace.mode == "lines+markers"}
    assert bars == {"the year of works": ["2025-01-01", "2025-09-11"], "next year's plan": ["2026-01-01", "2027-01-01"],
                    "last year": ["2024-01-01", "2025-01-01"]}
    assert [str(shape.x0)[:10] for shape in figure.layout.shapes] == ["2025-09-10"]
    undated = timeline_figure(sheet.model_copy(update={"published": None}))
    assert not undated.layout.shapes


def test_figures_and_what_each_check_is_about_are_marked_in_the_text():
    text = "In 2019 the club had 40 members. It now has 52, up 30 percent from the 40 it had in 2019."
    figures = [Figure(text=phrase, start=text.rindex(phrase), end=text.rindex(phrase) + len(phrase), kind=kind,
                      value=value, unit=unit, measures=measures)
               for phrase, kind, value, unit, measures in (("52", "count", 52, None, "members"),
                                                           ("30 percent", "percent", 30, "percent", None),
                                                           ("40", "count", 40, None, "members"))]
    check = Check(kind="percentages", status="inconsistent", about=["52", "30 percent", "40"],
                  working="40 to 52 is up 30.0 percent; stated 30")
    page = our_part(render_html(FactSheet(id="club", text=text, figures=figures, checks=[check])))
    article = page.split('class="article-text">')[1].split("</div>")[0]
    assert '<span class="fig" data-f="2" title="count: 40 of members">40</span>' not in article  # it is checked too
    assert ('data-f="2" data-c="0" title="count: 40 of members · percentages check: inconsistent">40</span>'
            in article)
    assert article.count('data-c="0"') == 3  # the second 40, near the others, not the first
    assert article.index("data-c") > article.index("members.")
    assert 'title="percent: 30 percent · percentages check: inconsistent">30 percent</span>' in article
    assert "<summary>3 figures in the article</summary>" in page
