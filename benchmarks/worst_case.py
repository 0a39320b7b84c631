"""Worst-case inputs: pathological texts under the size limit, each through the whole pipeline.

    .venv/bin/python benchmarks/worst_case.py                    # every shape
    .venv/bin/python benchmarks/worst_case.py straight-quotes mr  # some of them
    .venv/bin/python benchmarks/worst_case.py --list

Each shape (runs of quotation marks, `Mr. ` over and over, one line per letter, an HTML page of entities …)
is generated just under the size limit (ingest.MAX_ARTICLE_CHARS) and analysed in a fresh process, as
`newsfacts extract` does: ingest (trafilatura for the HTML ones), spaCy, every stage, the JSON sheet.
Reported per shape: wall and CPU seconds of the analysis (the model load is apart), the CPU seconds of them
that are spaCy's own parse, the process's peak resident memory (from the kernel, wait4's ru_maxrss, model
included) and the outcome (a sheet, or the refusal's reason). Target: under 10 s and 1 GB for any input
under the size limit, on 2 cores. The machine may be shared: the load average is printed, and CPU seconds
are what other work skews least. A process over --timeout seconds or --ceiling MB is stopped and reported
as such.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsfacts.ingest import MAX_ARTICLE_CHARS, MAX_ARTICLE_TOKENS, TOKEN_LIKE

SECONDS_TARGET = 10
MEMORY_TARGET_MB = 1024
LIMIT = MAX_ARTICLE_CHARS - 1_000  # just under the limit, whatever the shape's unit


def repeated(unit: str, length: int = LIMIT) -> str:
    """`unit` repeated as often as fits in `length` characters."""
    return unit * (length // len(unit))


def up_to_cap(unit: str) -> str:
    """`unit` repeated as often as fits in the size limit and under the words-and-marks limit: the densest
    text of this shape that is analysed rather than refused."""
    per_unit = sum(1 for _ in TOKEN_LIKE.finditer(unit))
    return unit * min(LIMIT // len(unit), (MAX_ARTICLE_TOKENS - 100) // per_unit)


# Prose of my own, so that the ordinary-text baseline reaches the quote, time and check rules.
PROSE = (
    "The council said on Monday that the bridge would reopen in March, two years after it closed. "
    '"We are confident the repairs will hold," Mayor Ana Ortega told reporters. Work cost $4.2 million, '
    "of which the state paid $3 million and the city $1.2 million. Her deputy, Tom Reyes, disagreed.\n\n"
)
CAPITALISED = "Alder Birch Cedar Dahlia Elm Fern Garnet Hazel Iris Juniper Kestrel Linden Maple Nettle Olive ".split()
HTML_PAGE = "<html><head><title>Worst case</title></head><body><article><p>{}</p></article></body></html>"

# name: (what it is, kind of input, text or HTML body). HTML pages may be longer than the limit: the
# limit applies to the text trafilatura extracts from them.
SHAPES: dict[str, tuple[str, str, Callable[[], str]]] = {
    "prose": ("ordinary news prose repeated (baseline)", "text", lambda: repeated(PROSE)),
    "straight-quotes": ('199,000 straight quotation marks', "text", lambda: repeated('"')),
    "curly-pairs": ("99,000 pairs of curly quotes", "text", lambda: repeated("\u201c\u201d")),
    "nested-openings": ("5,000 nested quote openings", "text", lambda: "\u201cHe said " * 5_000 + "no."),
    "quote-runs": ("runs of mixed quote marks between words", "text", lambda: repeated("word \"'\u201c\u2018\u00ab ")),
    "mr": ("`Mr. ` x 49,000", "text", lambda: repeated("Mr. ")),
    "dates": ("a date sentence repeated", "text", lambda: repeated("The talks began on 3 March 2024 and ended on Friday. ")),
    "html-amp": ("`&amp;` x 100,000 in an HTML page", "html", lambda: HTML_PAGE.format("&amp;" * 100_000)),
    "html-amp-words": ("`&amp; ` x 99,000 in an HTML page", "html", lambda: HTML_PAGE.format("&amp; " * 99_000)),
    "html-words": ("an HTML page of short paragraphs", "html",
                   lambda: HTML_PAGE.format(repeated("<p>The mayor spoke.</p>", 4 * LIMIT // 3))),
    "tiny-lines": ('"a\\n" x 99,999', "text", lambda: "a\n" * 99_999),
    "capital-lines": ('"A\\n" x 99,999', "text", lambda: "A\n" * 99_999),
    "blank-lines": ("one word, then 199,000 blank lines", "text", lambda: "Word" + repeated("\n", LIMIT - 10)),
    "one-letter": ("one letter 199,000 times, no space", "text", lambda: repeated("a")),
    "one-dot": ("199,000 full stops", "text", lambda: repeated(".")),
    "dashes": ("199,000 hyphens", "text", lambda: repeated("-")),
    "parentheses": ("199,000 opening parentheses", "text", lambda: repeated("(")),
    "long-tokens": ("tokens of 5,000 letters", "text", lambda: repeated("x" * 4_999 + " ")),
    "one-sentence": ("one 199,000-character sentence without punctuation", "text",
                     lambda: repeated("the mayor and the council met the people who live by the river ")),
    "capitalised": ("capitalised words only", "text", lambda: repeated(" ".join(CAPITALISED) + " ")),
    "names-said": ("many people saying things", "text",
                   lambda: "".join(f"{name} {surname} said it was true. "
                                   for name in CAPITALISED for surname in CAPITALISED * 60)[:LIMIT]),
    "shared-surname": ("two people sharing a surname, named over and over", "text",
                       lambda: up_to_cap("Ann Birch met Tom Birch. Birch said it went well. ")),
    "numbers": ("numbers only", "text", lambda: repeated("12 ")),
    "figures": ("sums and shares of money", "text",
                lambda: repeated("The fund spent $3.5 million, 40 per cent of its $8.75 million budget, on 12 schools. ")),
    "quotes-said": ("short quotes with a speaker", "text", lambda: repeated('"Yes," she said. "No," he said. ')),
    "pronouns": ("pronouns only", "text", lambda: repeated("He said she told him that they saw it. ")),
    "combining": ("a letter with 199,000 combining accents", "text", lambda: "e" + repeated("\u0301", LIMIT - 1)),
    # The dense shapes again, cut to the most words and marks analysed rather than refused.
    "tiny-lines-cap": ('"a\\n" up to the words-and-marks limit', "text", lambda: up_to_cap("a\n")),
    "mr-cap": ("`Mr. ` up to the words-and-marks limit", "text", lambda: up_to_cap("Mr. ")),
    "nested-cap": ("nested quote openings up to the words-and-marks limit", "text", lambda: up_to_cap("\u201cHe said ")),
    "quotes-said-cap": ("short quotes with a speaker, up to the words-and-marks limit", "text",
                        lambda: up_to_cap('"Yes," she said. "No," he said. ')),
    "numbers-cap": ("numbers up to the words-and-marks limit", "text", lambda: up_to_cap("12 ")),
    "floating-cap": ("quoted sentences with no cue after one quote, up to the words-and-marks limit", "text",
                     lambda: 'The mayor said: "We start today."\n' + up_to_cap('"We will pave the old road again soon." ')),
    "marks-cap": ("short runs of quotation marks up to the words-and-marks limit", "text",
                  lambda: up_to_cap('"' * 400 + " ")),
}


def run_one(name: str) -> None:
    """In the child process: analyse one shape and print its measures as JSON on the last line."""
    from newsfacts.ingest import IngestError, from_html, from_text
    from newsfacts.nlp import load_model
    from newsfacts.nlp import parse
    from newsfacts.sheet import run_stages

    nlp = load_model()
    _, kind, build = SHAPES[name]
    content = build()
    started, started_cpu = time.perf_counter(), time.process_time()
    spacy_cpu = 0.0
    try:
        article = from_html(content, name) if kind == "html" else from_text(content, name)
        # As `extract` does, with spaCy's own parse timed apart: its cost is the model's, not the stages'.
        parse_started = time.process_time()
        parsed = parse(article, nlp)
        spacy_cpu = time.process_time() - parse_started
        sheet = run_stages(parsed)
        sheet.model_dump_json()
        counts = {field: len(getattr(sheet, field)) for field in ("entities", "quotes", "times", "checks")}
        outcome = "sheet: " + ", ".join(f"{count} {field}" for field, count in counts.items())
        if sheet.warnings:
            outcome += "; warned: " + "; ".join(sheet.warnings)
    except IngestError as error:
        outcome = f"refused: {error}"
    print(json.dumps({
        "characters": len(content),
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - started_cpu,
        "spacy": spacy_cpu,
        "outcome": outcome,
    }))


def resident_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError):
        return 0.0


def measure(name: str, timeout: float, ceiling_mb: float) -> dict:
    """Run one shape in a fresh process; its measures, its peak memory, or why it was stopped."""
    # Files, not pipes: a child that writes much to a pipe nobody reads would wait forever.
    output_file, errors_file = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
    process = subprocess.Popen([sys.executable, __file__, "--child", name], stdout=output_file, stderr=errors_file)
    started = time.perf_counter()
    stopped = None
    while True:
        pid, _, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        # The model loads in the first seconds; the timeout counts from the start of the process.
        if time.perf_counter() - started > timeout:
            stopped = f"stopped after {timeout:.0f} s"
        elif resident_mb(process.pid) > ceiling_mb:
            stopped = f"stopped over {ceiling_mb:,.0f} MB"
        if stopped:
            process.kill()
            _, _, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.2)
    process.returncode = 0  # reaped by wait4 above
    output_file.seek(0), errors_file.seek(0)
    output, errors = output_file.read(), errors_file.read()
    peak = usage.ru_maxrss / 1024  # Linux reports KiB
    if stopped:
        return {"outcome": stopped, "peak": peak, "seconds": None, "cpu": None, "spacy": None}
    lines = output.strip().splitlines()
    if not lines:
        return {"outcome": "crashed: " + (errors.strip().splitlines() or ["no output"])[-1], "peak": peak,
                "seconds": None, "cpu": None, "spacy": None}
    return {**json.loads(lines[-1]), "peak": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shapes", nargs="*", help="shapes to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the shapes and stop")
    parser.add_argument("--timeout", type=float, default=180, help="seconds before a process is stopped")
    parser.add_argument("--ceiling", type=float, default=4096, help="MB of memory before a process is stopped")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        run_one(options.child)
        return
    if options.list:
        for name, (description, kind, _) in SHAPES.items():
            print(f"{name:<18}{kind:<6}{description}")
        return
    unknown = set(options.shapes) - set(SHAPES)
    if unknown:
        sys.exit(f"unknown shapes: {', '.join(sorted(unknown))} (see --list)")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; target under {SECONDS_TARGET} s "
          f"and {MEMORY_TARGET_MB:,} MB; limit {MAX_ARTICLE_CHARS:,} characters")
    print(f"{'shape':<18}{'wall s':>8}{'CPU s':>8}{'spaCy s':>8}{'peak MB':>9}  outcome")
    missed = 0
    for name in options.shapes or SHAPES:
        result = measure(name, options.timeout, options.ceiling)
        seconds, cpu = result["seconds"], result["cpu"]
        over = seconds is None or cpu > SECONDS_TARGET or result["peak"] > MEMORY_TARGET_MB
        missed += over
        wall_text = f"{seconds:8.1f}{cpu:8.1f}{result['spacy']:8.1f}" if seconds is not None else f"{'-':>8}" * 3
        print(f"{name:<18}{wall_text}{result['peak']:9,.0f}  {'OVER ' if over else ''}{result['outcome'][:100]}",
              flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}; {missed} shape(s) over the target")


if __name__ == "__main__":
    main()
