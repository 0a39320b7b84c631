"""The same words of the same speaker across outlets, grouped even when the wording drifts.

Quoted words mutate as they are copied, translated and trimmed, so quotes are compared with rapidfuzz, not
for equality. Two quotes of one speaker (names compared with accents, case and small misspellings aside)
are one statement when their words are alike enough, or when the shorter one is nearly all inside the
longer (a trimmed quote). Quotes given to different speakers are one statement only when their words are
nearly identical: that is the same words handed to someone else; a look-alike statement by another person
("I am deeply saddened by …" from two officials) stays apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..schema import FactSheet
from .sheet import QuoteGroup, QuotePart, QuoteVariant, WordChange

# Scores are rapidfuzz's 0..100. Same speaker: alike as wholes (token order aside), or the shorter inside
# the longer; different speakers: all but identical.
SAME_SPEAKER_RATIO = 72
SAME_SPEAKER_PARTIAL = 88
OTHER_SPEAKER_RATIO = 92
# A shorter quote inside a longer one must have this many words to count as a trimmed copy.
MIN_PARTIAL_WORDS = 5
MIN_WORDS = 3
# Speakers' names alike at this score (rapidfuzz ratio of their last words, accents removed) are one person.
SAME_NAME = 80
WORDS = re.compile(r"[\w'’]+")


@dataclass
class _Said:
    article_id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    words: list[str]
    folded: str
    parts: tuple[tuple[str, int, int], ...] = ()  # (text, start, end) of each piece the article gives apart


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed: what the comparison sees."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(WORDS.findall(plain.lower().replace("’", "'")))


def speaker_of(sheet: FactSheet, quote) -> str | None:
    names = {entity.id: entity.name for entity in sheet.entities}
    return names.get(quote.speaker or "") or quote.speaker_name


def same_speaker(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    first, second = fold(a).split(), fold(b).split()
    if not first or not second:
        return False
    if first == second:
        return True
    # Family names carry the identity ("Interior Minister Ann Lee", "Lee", "Ann Leigh" misspelt).
    return fuzz.ratio(first[-1], second[-1]) >= SAME_NAME and len(first[-1]) > 2 and len(second[-1]) > 2


def said_in(sheets: Sequence[FactSheet]) -> list[_Said]:
    found = []
    for sheet in sheets:
        for quote in sheet.quotes:
            folded = fold(quote.text)
            if len(folded.split()) >= MIN_WORDS:
                found.append(_Said(sheet.id, quote.text, quote.start, quote.end, quote.kind, speaker_of(sheet, quote),
                                   folded.split(), folded))
    return found


def alike(a: _Said, b: _Said) -> bool:
    whole = fuzz.token_sort_ratio(a.folded, b.folded)
    if same_speaker(a.speaker, b.speaker):
        if whole >= SAME_SPEAKER_RATIO:
            return True
        shorter = min(len(a.words), len(b.words))
        return shorter >= MIN_PARTIAL_WORDS and fuzz.partial_ratio(a.folded, b.folded) >= SAME_SPEAKER_PARTIAL
    return fuzz.ratio(a.folded, b.folded) >= OTHER_SPEAKER_RATIO


def group_quotes(sheets: Sequence[FactSheet]) -> list[QuoteGroup]:
    """Statements carried by at least two articles, each with its variants and their differences from the
    most common wording."""
    found = said_in(sheets)
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(found):
        for j in range(i + 1, len(found)):
            b = found[j]
            if a.article_id != b.article_id and root(i) != root(j) and alike(a, b):
                parent[root(j)] = root(i)
    members: dict[int, list[_Said]] = {}
    for i, said in enumerate(found):
        members.setdefault(root(i), []).append(said)
    groups = [one_per_article(group) for group in members.values()]
    groups = [variants_of(group) for group in groups if len({said.article_id for said in group}) >= 2]
    return sorted(groups, key=lambda group: (-len(group.variants), group.speaker or ""))


def one_per_article(group: list[_Said]) -> list[_Said]:
    """Each article's rendering of the statement: its longest quote of it, joined by the pieces it gives apart
    (a statement split by its cue, or its opening in one place and its close in another); a quote that only
    repeats a longer one (in a headline or a summary) is left out."""
    by_article: dict[str, list[_Said]] = {}
    for said in group:
        by_article.setdefault(said.article_id, []).append(said)
    rendered = []
    for saids in by_article.values():
        kept: list[_Said] = []
        for said in sorted(saids, key=lambda said: -len(said.words)):
            if not any(repeats(said, longer) for longer in kept):
                kept.append(said)
        rendered.append(kept[0] if len(kept) == 1 else pieces_joined(sorted(kept, key=lambda said: said.start)))
    return rendered


def repeats(said: _Said, longer: _Said) -> bool:
    """Whether a quote is the same piece as a longer one of its article: overlapping it, or its words nearly all
    inside it."""
    return (said.start < longer.end and longer.start < said.end) or fuzz.partial_ratio(
        said.folded, longer.folded) >= SAME_SPEAKER_PARTIAL


def pieces_joined(pieces: list[_Said]) -> _Said:
    longest = max(pieces, key=lambda said: len(said.words))
    words = [word for said in pieces for word in said.words]
    return _Said(longest.article_id, " … ".join(said.text for said in pieces), pieces[0].start, pieces[-1].end,
                 longest.kind, longest.speaker, words, " ".join(words),
                 tuple((said.text, said.start, said.end) for said in pieces))


def reference_of(group: list[_Said]) -> _Said:
    """The most common wording: the most frequent text, else the one closest to all the others."""
    counts = Counter(said.folded for said in group)
    text, count = counts.most_common(1)[0]
    if count > 1:
        return next(said for said in group if said.folded == text)
    return max(group, key=lambda said: (sum(fuzz.token_sort_ratio(said.folded, other.folded) for other in group),
                                        len(said.words)))


def word_changes(reference: list[str], variant: list[str]) -> list[WordChange]:
    """Words added, dropped or changed from the reference to the variant (rapidfuzz's edit operations over
    words)."""
    changes = []
    for operation in Levenshtein.opcodes(reference, variant):
        ours, theirs = " ".join(variant[operation.dest_start:operation.dest_end]), " ".join(
            reference[operation.src_start:operation.src_end])
        if operation.tag == "insert":
            changes.append(WordChange(change="added", text=ours))
        elif operation.tag == "delete":
            changes.append(WordChange(change="dropped", text=theirs))
        elif operation.tag == "replace":
            changes.append(WordChange(change="changed", text=ours, instead_of=theirs))
    return changes


def is_trimmed(reference: list[str], variant: list[str]) -> bool:
    if len(variant) >= len(reference):
        return False
    joined, inner = " ".join(reference), " ".join(variant)
    return f" {inner} " in f" {joined} "


def variants_of(group: list[_Said]) -> QuoteGroup:
    reference = reference_of(group)
    speakers = Counter(said.speaker for said in group if said.speaker)
    variants = []
    for said in sorted(group, key=lambda said: said.article_id):
        trimmed = is_trimmed(reference.words, said.words)
        changes = [] if said is reference or said.folded == reference.folded else word_changes(reference.words,
                                                                                                 said.words)
        parts = [QuotePart(text=text, start=start, end=end) for text, start, end in said.parts]
        variants.append(QuoteVariant(article_id=said.article_id, text=said.text, start=said.start, end=said.end,
                                     parts=parts, speaker=said.speaker, kind=said.kind, reference=said is reference,
                                     trimmed=trimmed, changes=changes))
    named = [said.speaker for said in group if said.speaker]
    speakers_differ = any(not same_speaker(named[0], other) for other in named[1:])
    return QuoteGroup(speaker=speakers.most_common(1)[0][0] if speakers else None, variants=variants,
                      differs=any(variant.changes for variant in variants), speakers_differ=speakers_differ)
