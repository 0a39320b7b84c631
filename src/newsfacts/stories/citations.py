"""Who cites whom: the places an article credits another outlet, agency, broadcaster, body or post.

The patterns are the ways English news credits a source ("according to X", "told X", "X reported", "a
spokesman for X said", "in a post on X", a wire dateline "(AP) —"), with X a capitalised name or a media
phrase ("local media"). A cited name is matched to the outlets of the story's own articles, so a reader
sees which outlets reported first-hand and which repeated another's report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz

from ..lexicon import HONORIFICS
from ..schema import FactSheet
from .sheet import Citation, StoryArticle

# A name: capitalised words, with the small words names hold ("of", "de", "&") between them.
NAME = (r"(?:the\s+)?[\"“]?(?P<name>[A-Z][\w'’&-]*(?:[ \t]+"
        r"(?:(?:of|de|di|da|do|dos|das|del|della|du|la|le|des|van|von|el|al|and|&|for)[ \t]+)?"
        r"[A-Z][\w'’&-]*){0,5})[\"”]?")
# What an outlet is called before its name ("told French broadcaster Radio Nord").
MEDIA_NOUN = (r"(?:broadcaster|newspaper|paper|radio|television|TV|channel|station|daily|tabloid|magazine|"
              r"news agency|agency|outlet|website)")
KIND_BEFORE_NAME = rf"(?:the\s+)?(?:[\w-]+\s+)?{MEDIA_NOUN}\s+"
# Media credited without a name ("local media reported", "the paper said").
MEDIA = (r"(?P<name>(?:(?:the|local|state|national|foreign|international|public|official|Chinese|French|British|"
         r"American|several|other)[ \t]+)?(?:media|news\s+outlets?|newspapers?|paper|broadcasters?|press|"
         r"news agency|agency|tabloid|magazine|television|radio))")
# Verbs that credit an outlet's report. "Said" credits only a body, an acronym or an outlet credited
# elsewhere in the story ("the ministry said", "CNN said"), since most "X said" are people's quotes.
REPORTING = r"(?:reported|reports|wrote|writes|quoted|cited|revealed|broke the news)"
# Words that may stand between a name and its verb: an adverb ("The Daily Courier later reported") or an
# apposition saying what the source is ("The Courier, a local weekly, reported").
BEFORE_VERB = (r"(?:[ \t]+(?:also|later|earlier|first|previously|separately|too))?"
               r"(?:,[ \t]+(?:an?|the)[ \t]+[^,.;]{1,40},)?[ \t]+")
SAYING = r"(?:said|says|added)"
CUES_BEFORE = r"(?i:told|speaking (?:to|on|with)|in an interview with|interviewed by|in a statement to|on)"
PLATFORMS = r"(?P<name>X|Twitter|Facebook|Instagram|Telegram|Weibo|Threads|Bluesky|TikTok|YouTube|Truth Social)"
WEEKDAYS_AND_MONTHS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                       "February", "March", "April", "May", "June", "July", "August", "September", "October",
                       "November", "December"}
PATTERNS = {
    "according to a kind": re.compile(rf"\b(?i:according to)\s+{KIND_BEFORE_NAME}{NAME}"),
    "according to": re.compile(rf"\b(?i:according to)\s+{NAME}"),
    "according to media": re.compile(rf"\b(?i:according to)\s+(?:{MEDIA}|(?P<reports>reports)\b)", re.IGNORECASE),
    "told a kind": re.compile(rf"\b(?i:told|speaking (?:to|on|with)|in an interview with|interviewed by|"
                              rf"in a statement to|quoted (?:as saying )?by)\s+{KIND_BEFORE_NAME}{NAME}"),
    "told": re.compile(rf"\b(?i:told|speaking (?:to|on|with)|in an interview with|interviewed by|in a statement to|"
                       rf"quoted (?:as saying )?by)\s+{NAME}"),
    "per": re.compile(rf"\b(?:reported by|as reported by|per|citing)\s+{NAME}"),
    "spokesperson for": re.compile(rf"\b(?:spokesman|spokeswoman|spokesperson|representative|source)\s+"
                                   rf"(?:for|at|from)\s+{NAME}"),
    "post on": re.compile(rf"\b(?:a\s+)?post\s+on\s+(?:[\w-]+\s+){{0,3}}?{PLATFORMS}\b"),
    "on a platform": re.compile(rf"\b(?:wrote|said|posted|announced|reported|shared)\s+on\s+"
                                rf"(?:(?:the|her|his|their|its|an?)\s+)?(?:[\w-]+\s+){{0,3}}?{PLATFORMS}\b"),
    "kind reported": re.compile(rf"{MEDIA_NOUN}\s+{NAME}{BEFORE_VERB}{REPORTING}\b"),
    "reported": re.compile(rf"{NAME}{BEFORE_VERB}{REPORTING}\b"),
    "reports after": re.compile(rf",?[ \t]+(?:reports|writes)[ \t]+{NAME}"),
    "said": re.compile(rf"{NAME}{BEFORE_VERB}{SAYING}\b"),
    "original": re.compile(rf"\b(?i:original (?:article|story|report)|originally (?:published|reported) (?:by|in)|"
                           rf"translated from|republished from|source)\s*(?::\s*|\s+)(?:the\s+)?{NAME}"),
    "media said": re.compile(rf"\b{MEDIA}[ \t]+(?:also[ \t]+)?(?:reported|said|reports|say|says)\b", re.IGNORECASE),
}
SOCIAL_PATTERNS = {"post on", "on a platform"}
# Patterns whose words say the source is an outlet ("French broadcaster X", "Original article: X"): the name is
# taken even where the article's entities call it a person.
OUTLET_PATTERNS = {"according to a kind", "told a kind", "kind reported", "original", "according to media"}
# What an outlet's name may carry besides the name itself ("Meridian News Agency", "Meridian (news agency)").
OUTLET_WORDS = re.compile(r"\([^)]*\)|\b(?:news agency|agency|newspaper|news|daily|radio|tv|television|"
                          r"broadcaster|magazine|website|online|edition|english edition)\b", re.IGNORECASE)
# A wire dateline: "CITY (Agency) —" at the start of a paragraph.
DATELINE = re.compile(r"(?m)^[A-Z][A-Za-z .,'-]{1,40}\((?P<name>[A-Z][\w .&-]{0,30})\)\s*[—–-]")
# Capitalised words at a sentence start that are not names.
NOT_NAMES = {"The", "A", "An", "He", "She", "They", "It", "We", "I", "This", "That", "These", "Those", "His", "Her",
             "Their", "Its", "But", "And", "As", "In", "On", "Police", "Officials", "Authorities", "Investigators",
             "Witnesses", "Reports"}


def fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(char for char in plain if not unicodedata.combining(char)).casefold().strip()


def acronym(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z][\w'’-]*", name) if word[0].isupper())


def bare_outlet(name: str) -> str:
    """An outlet's name without its kind and edition ("Meridian News Agency" and "Meridian (news agency)" are
    both "meridian"), folded, with no leading "the"."""
    return " ".join(fold(OUTLET_WORDS.sub(" ", name)).removeprefix("the ").split())


def outlet_in_set(cited: str, articles: Sequence[StoryArticle], citing: str,
                  carried: dict[str, str] | None = None) -> str | None:
    """The id of the story's article from the cited outlet, if one is there (not the citing article): an
    article of that outlet, or one that says it carries that outlet's report (`carried`: bare name -> id)."""
    wanted = fold(cited).removeprefix("the ")
    for article in articles:
        if article.id == citing or not article.outlet:
            continue
        outlet = fold(article.outlet).removeprefix("the ")
        inside = re.findall(r"\(([^)]+)\)", article.outlet)
        if (wanted == outlet or wanted in {fold(name) for name in inside}
                or (len(cited) >= 2 and cited == acronym(article.outlet))
                or (len(wanted) >= 4 and fuzz.token_sort_ratio(wanted, outlet) >= 90)
                or (len(bare_outlet(cited)) >= 4 and bare_outlet(cited) == bare_outlet(article.outlet))):
            return article.id
    carrier = (carried or {}).get(bare_outlet(cited))
    return carrier if carrier != citing else None


def cited_name(raw: str) -> str | None:
    name = raw.strip(" ,.;:'’\"")
    words = name.split()
    while words and words[0] in NOT_NAMES:
        words = words[1:]
    return " ".join(words) or None


def names_of(sheet: FactSheet, kinds: set[str]) -> set[str]:
    """Names (folded) of the article's entities of these types."""
    return {fold(mention.text).removeprefix("the ") for entity in sheet.entities if entity.type in kinds
            for mention in entity.mentions if mention.kind != "pronoun"}


def names_a_person(name: str, people: set[str]) -> bool:
    """A person's name or title ("Ann Lee", "Lee", "Director of Roads Ann Lee"): "Ann Lee said" is a quote."""
    words = fold(name).split()
    if fold(name) in people or any(word in HONORIFICS for word in words):
        return True
    return bool(words) and any(person.split()[-1:] == words[-1:] for person in people)


def credits_a_body(name: str, organisations: set[str]) -> bool:
    """Whether "NAME said" credits an organisation: an acronym, or a name the article's ORG entities use."""
    return bool(re.fullmatch(r"[A-Z]{2,}", name)) or fold(name).removeprefix("the ") in organisations


def find_citations(sheets: Sequence[FactSheet], articles: Sequence[StoryArticle]) -> list[Citation]:
    """Every credit to another source in each article, in text order; overlapping matches keep the first.
    People and places named as sources ("Ann Lee said") are quotes, not citations, and are left out; "X said"
    counts for bodies, acronyms and outlets the story credits elsewhere. A name the story's articles or its
    outlet citations give to an outlet is an outlet, whatever an article's entities make of it. An article that
    says whose report it carries ("Original article: X") stands for X's report."""
    credited = {bare_outlet(article.outlet) for article in articles if article.outlet}
    found = [citation for sheet in sheets for citation in _citations(sheet, articles, credited, with_said=False)]
    credited |= {bare_outlet(citation.cites) for citation in found}
    carried = {bare_outlet(citation.cites): citation.article_id for citation in found if citation.carries}
    return [citation for sheet in sheets for citation in _citations(sheet, articles, credited, with_said=True,
                                                                    carried=carried)]


def _citations(sheet: FactSheet, articles: Sequence[StoryArticle], credited: set[str], with_said: bool,
               carried: dict[str, str] | None = None) -> list:
    people, organisations = names_of(sheet, {"PERSON"}), names_of(sheet, {"ORG"})
    places = names_of(sheet, {"PLACE"})
    matches = [(name, match) for name, pattern in PATTERNS.items() if with_said or name != "said"
               for match in pattern.finditer(sheet.text)]
    matches += [("dateline", match) for match in DATELINE.finditer(sheet.text)]
    taken: list[tuple[int, int]] = []
    found = []
    for kind, match in sorted(matches, key=lambda item: (item[1].start(), -item[1].end())):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        raw = match["name"] or match.groupdict().get("reports")
        name = cited_name(raw or "")
        if not name or name in WEEKDAYS_AND_MONTHS:
            continue
        outlet = kind in OUTLET_PATTERNS or bare_outlet(name) in credited
        if kind not in SOCIAL_PATTERNS and not outlet and names_a_person(name, people):
            continue
        if kind == "said":
            # A capitalised word before the name ("Later CNN said") is the sentence's, not the name's.
            words = name.split()
            name = next((" ".join(words[i:]) for i in range(len(words)) if credits_a_body(" ".join(words[i:]),
                         organisations) or bare_outlet(" ".join(words[i:])) in credited), None)
            if name is None:
                continue
        before_name = match.group()[:match.group().find(name)]
        if " " not in name and fold(name) in places and not outlet and not re.search(r"\bthe\s+$", before_name):
            continue  # "Paris reported": a dateline's city, not a source ("the Post reported" is one)
        taken.append(match.span())
        start = match.start() + len(match.group()) - len(match.group().lstrip(" \t,"))
        if kind == "said":
            start = match.start() + match.group().index(name)
        found.append(Citation(article_id=sheet.id, cites=name, text=sheet.text[start:match.end()], start=start,
                              end=match.end(), carries=kind == "original",
                              in_set=outlet_in_set(name, articles, sheet.id, carried if kind != "original" else None)))
    return found
