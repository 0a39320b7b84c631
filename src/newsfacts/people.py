"""One person across a corpus: the PERSON entities of every stored article linked into people.

An article's entity stage has already merged what one article says of one person ("Barack Obama", "Mr.
Obama", "he"); this module links those entities across articles. Each entity gets a name key parsed with
`nameparser` (titles, honorifics and suffixes parsed off): surname, given name or initial, middle initial,
suffix. Linking is blocked by surname, so an entity is only ever compared with the names sharing its surname,
never with the whole corpus. Inside a block, precision first:

- full names (given name and surname) are one person when given name and suffix agree, middle initials
  not disagreeing; two different given names are never one person ("Bill" is not "William");
- an initial ("B. Obama") or a bare surname ("Obama", "Mr. Obama", "President Obama") joins a full name
  only when it is the only compatible one: in the same article if the article names one, else in the
  corpus. Compatible means the same initial and genders that do not disagree; of several, a title of office
  written with the surname picks the only one known by it; a title that points to another person than the
  gender does links neither;
- what stays ambiguous is a person of its own, one per gender given: "Clinton" when two Clintons fit.

A block is linked again, whole, whenever a chunk brings entities with its surname, and the link follows
the corpus as it is then: a full name that arrives later absorbs the bare surnames it is now the only
candidate for, and a second compatible full name that arrives later sends them back to the ambiguous
surname. The same articles give the same people in whichever order they come.

    people           person_id, name, aliases, gender, surname, articles, mentions, quotes
    person_entities  article_id, entity_id, person_id, surname, name_key, name, gender, aliases, mentions, quotes
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import duckdb
import pyarrow as pa

from .lexicon import COURTESY_TITLES, HONORIFICS, SURNAME_PARTICLES
from .schema import Entity, FactSheet

PEOPLE_TABLES = ("people", "person_entities")
PEOPLE_DDL = (
    "CREATE TABLE IF NOT EXISTS people (person_id VARCHAR, name VARCHAR, aliases VARCHAR[], gender VARCHAR,"
    " surname VARCHAR, articles INTEGER, mentions INTEGER, quotes INTEGER)",
    "CREATE TABLE IF NOT EXISTS person_entities (article_id VARCHAR, entity_id VARCHAR, person_id VARCHAR,"
    " surname VARCHAR, name_key VARCHAR, name VARCHAR, gender VARCHAR, aliases VARCHAR[], mentions INTEGER,"
    " quotes INTEGER)",
)
# The fields of a name key, joined by "|" into `person_entities.name_key`.
KEY_SEPARATOR = "|"
POSSESSIVE = re.compile(r"['’]s?$")
# Punctuation around a mention's text that is not part of the name ("Obama,", "(Clinton)").
EDGE_PUNCTUATION = " \t\n,;:!?()[]{}\"“”‘'’"
# "B", "B.", "J.K.": a capital alone, or capitals with full stops ("JOE" in a capitalised headline is a name).
# Words that join two names into one span ("Cruz and Rubio").
COORDINATORS = {"and", "&", "or"}
INITIAL = re.compile(r"^(?:[A-Z]\.?|(?:[A-Z]\.){2,3})$")


@lru_cache(maxsize=1)
def _name_constants():
    """nameparser's constants, with this project's forms of address added to its titles ("Sen.", "Justice",
    "Chairman" are not in nameparser's list). Built once: making them is slow."""
    from nameparser.config import Constants

    constants = Constants()
    constants.titles.add(*{word for key in HONORIFICS for word in key.split()})
    return constants


def fold(text: str) -> str:
    """A name part as compared: lower case, accents, full stops and stray punctuation ("Hillary]") dropped;
    hyphens, apostrophes and spaces inside it kept ("Holtz-Eakin", "O'Neill", "de Vries")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(char for char in decomposed if char.isalnum() or char in "-' ").strip()


@dataclass(frozen=True)
class Name:
    """One written form of a person's name, parsed: its parts folded for comparison, and the form without its
    titles for display."""

    surname: str
    given: str | None = None
    initial: bool = False  # `given` is an initial ("B. Obama")
    middle: str | None = None  # the middle name's initial
    suffix: str | None = None
    titles: frozenset[str] = frozenset()  # titles and honorifics written before it, folded ("mr", "president")
    display: str = ""

    @property
    def full(self) -> bool:
        return self.given is not None and not self.initial

    @property
    def parts(self) -> int:
        return 1 + (self.given is not None) + (self.middle is not None) + (self.suffix is not None)


def _is_description_word(word: str) -> bool:
    """A word before a name that is no part of it: a title, or a lower-case word ("nominee") that is not a
    surname particle ("van")."""
    key = fold(word)
    return key in _name_constants().titles or (word.islower() and key not in SURNAME_PARTICLES)


@lru_cache(maxsize=65536)
def parse_name(text: str) -> Name | None:
    """The parts of a written name; None when nothing in it can be a name."""
    from nameparser import HumanName

    cleaned = POSSESSIVE.sub("", " ".join(text.split()).strip(EDGE_PUNCTUATION)).strip(EDGE_PUNCTUATION)
    words = cleaned.split()
    if not words or not any(char.isupper() for char in cleaned) or COORDINATORS & set(words):
        return None  # no capital, or two names ("Cruz and Rubio")
    # nameparser parses off only a run of known titles at the start; a description before it ("Defense
    # Secretary", "Democratic nominee") would be read as given and middle names. Cut up to its last word.
    described = [index for index, word in enumerate(words[:-1]) if _is_description_word(word)]
    titles = [fold(word) for word in words[:described[-1] + 1]] if described else []
    if not any(word[0].isupper() for word in words[len(titles):]):
        return None  # a clause, not a name ("Ruiz told reporters that a")
    parsed = HumanName(" ".join(words[len(titles):]), constants=_name_constants())
    titles += [fold(word) for word in parsed.title.split()]
    given, middle, last = parsed.first, parsed.middle, parsed.last
    if given and middle and not _is_first_name(given) and _is_first_name(middle.split()[0]):
        # A capitalised word before the given name that is none ("Crooked Hillary Clinton").
        given, _, middle = middle.partition(" ")
    if not last:  # one word: nameparser calls it a given name, but alone ("Obama") or titled it is a surname
        given, last = None, given
    if not last and len(titles) > 1 and titles[-2] in COURTESY_TITLES:
        # A courtesy title is followed by a name, even one that is also a title ("Mr. King", "Ms. Judge").
        last = words[-1]
        titles.pop()
    if not last or not fold(last):
        return None
    initial = bool(given) and bool(INITIAL.match(given))
    middle_initial = fold(middle)[:1] or None
    if initial and len(fold(given)) > 1:  # "J.K. Rowling": the second initial is a middle one
        middle_initial = middle_initial or fold(given)[1]
    display = " ".join(part for part in (given, middle, last, parsed.suffix) if part)
    return Name(surname=fold(last), given=(fold(given)[:1] if initial else fold(given)) if given else None,
                initial=initial, middle=middle_initial, suffix=fold(parsed.suffix).replace(" ", "") or None,
                titles=frozenset(title for title in titles if title in _name_constants().titles), display=display)


def _is_first_name(word: str) -> bool:
    """Whether gender-guesser's table of first names (any country, any gender) has the word."""
    return _first_names().get_gender(word) != "unknown"


@lru_cache(maxsize=1)
def _first_names():
    # gender-guesser's ~40,000 first names by country; loaded once per process, and only when needed.
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@dataclass(frozen=True)
class EntityName:
    """What linking needs of one PERSON entity of one article."""

    article_id: str
    entity_id: str
    name: Name  # the fullest form the article gives, or the one it borrowed from its article (see below)
    gender: str | None
    titles: frozenset[str]  # the titles of office written before its forms ("president"), courtesy titles aside
    aliases: tuple[str, ...]  # every form of the name the article writes, titles kept
    mentions: int
    quotes: int

    @property
    def key(self) -> str:
        """The fields linking decides on: full names by name alone, bare and initial ones with their gender."""
        name = self.name
        gender = "" if name.full else self.gender or ""
        fields = [name.surname, name.given or "", "." if name.initial else "", name.middle or "", name.suffix or "",
                  gender, ",".join(sorted(self.titles))]
        return KEY_SEPARATOR.join(field.replace(KEY_SEPARATOR, " ") for field in fields)


def _fits(form: Name, name: Name) -> bool:
    """Whether a form the article gives an entity is a form of the name chosen for it: its surname (with the
    same given name or initial, or none), or its given name alone ("Hillary")."""
    if form.surname == name.surname:
        if form.given is None or name.given is None:
            return True
        return name.given.startswith(form.given) if form.initial else form.given == name.given
    return form.given is None and not form.titles and form.surname == name.given


def entity_name(entity: Entity) -> Name | None:
    """The name key of one entity: the surname of its own name, with the fullest form the article gives with
    that surname and given name (most frequent first). Its display stays the entity's own name when that is
    a full one."""
    own = parse_name(entity.name)
    forms = Counter(form for form in (parse_name(m.text) for m in entity.mentions if m.kind == "name") if form)
    if own is None:
        if not forms:
            return None
        own = max(forms, key=lambda form: (form.full, form.parts, forms[form]))
    bare = [form for form in forms if form.given is None]
    called_by_given = [form for form in bare if form.titles and form.surname == own.given]
    if own.full and called_by_given and own.surname not in {form.surname for form in bare}:
        # The article calls the person by the first word of this name ("Ban Ki-moon", then "Mr. Ban"): the
        # surname comes first, or the name ran into the next word ("Mr. Obama", then "Obama Speech"). Which
        # one is not known, so the surname alone.
        return called_by_given[0]
    fuller = [form for form in forms if form.full and form.surname == own.surname
              and (own.given is None or form.given == own.given)]
    if not fuller:
        return own
    best = max(fuller, key=lambda form: (form.parts, forms[form]))
    if not own.full:
        return best
    return replace(best, display=own.display) if best.parts > own.parts else own


def sheet_names(sheet: FactSheet) -> list[EntityName]:
    """The name key of every PERSON entity of an article. A bare surname or an initial that the article's
    entity stage left apart from a full name borrows that name when it is the article's only compatible one."""
    quotes = Counter(quote.speaker for quote in sheet.quotes if quote.speaker)
    found: list[tuple[Entity, Name, list[str], frozenset[str]]] = []
    for entity in sheet.entities:
        if entity.type != "PERSON" or (name := entity_name(entity)) is None:
            continue
        aliases = [form for form in dict.fromkeys(" ".join(m.text.split()) for m in entity.mentions if m.kind == "name")
                   if (parsed := parse_name(form)) is not None and _fits(parsed, name)]
        # Titles of office written with the name in the same form as its key: with the full name for a full
        # name ("President Ana Ruiz"), so that a bare surname merged into it by mistake lends it no title.
        titles = frozenset().union(*(form.titles for form in map(parse_name, [entity.name, *aliases])
                                     if form is not None and form.full == name.full)) - COURTESY_TITLES
        found.append((entity, name, aliases, titles))
    names = []
    for entity, name, aliases, titles in found:
        if not name.full:
            full_names = {_full_key(other): other for _, other, _, _ in found
                          if other.full and other.surname == name.surname and _compatible(name, other)}
            candidates = [Candidate(_full_key(other), other_entity.gender, other_titles)
                          for other_entity, other, _, other_titles in found if _full_key(other) in full_names]
            borrowed = full_names.get(only_candidate(entity.gender, titles, candidates))
            if borrowed is not None:  # its titles were not written with that full name
                name, titles = borrowed, frozenset()
        names.append(EntityName(sheet.id, entity.id, name, entity.gender, titles, tuple(aliases),
                                len(entity.mentions), quotes[entity.id]))
    return names


@dataclass(frozen=True)
class Candidate:
    """A full name a bare surname or an initial could stand for, with what tells it apart from the others."""

    key: str
    gender: str | None
    titles: frozenset[str]


def only_candidate(gender: str | None, titles: frozenset[str], candidates: Iterable[Candidate]) -> str | None:
    """The key of the one full name a bare surname or an initial stands for, if only one fits: the only one
    whose gender does not disagree, or of several the only one known by a title it is written with ("President
    Obama"). None when several fit or none, or when a title points to another one than the gender does
    ("President Obama" read as a woman's name while the president is a man: the gender or the title is wrong)."""
    candidates = list(candidates)
    titles_of: dict[str, set[str]] = defaultdict(set)
    for candidate in candidates:
        titles_of[candidate.key] |= candidate.titles
    fitting = {candidate.key for candidate in candidates if _genders_agree(gender, candidate.gender)}
    titled = {key for key in fitting if titles & titles_of[key]}
    if len(fitting) > 1 and len(titled) == 1:
        fitting = titled
    if len(fitting) != 1:
        return None
    (found,) = fitting
    if any(titles & titles_of[key] - titles_of[found] for key in titles_of if key != found):
        return None
    return found


def _full_key(name: Name) -> str:
    return KEY_SEPARATOR.join((name.given or "", name.middle or "", name.suffix or ""))


def _compatible(partial: Name, full: Name) -> bool:
    """Whether a bare surname or an initial can stand for a full name with the same surname."""
    if partial.suffix and partial.suffix != full.suffix:
        return False
    return partial.given is None or full.given.startswith(partial.given)


def _genders_agree(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one == other


@dataclass(frozen=True)
class Variant:
    """One distinct name key in a block, with how many entities carry it, under which forms and genders."""

    key: str
    names: Counter  # display form -> entities
    genders: Counter  # gender -> entities

    @property
    def fields(self) -> tuple[str, str, bool, str, str, str, frozenset[str]]:
        """surname, given name (or initial), whether it is an initial, middle initial, suffix, gender, titles."""
        surname, given, initial, middle, suffix, gender, titles = self.key.split(KEY_SEPARATOR)
        return surname, given, bool(initial), middle, suffix, gender, frozenset(titles.split(",")) - {""}


@dataclass
class Person:
    person_id: str
    given: str = ""  # the full given name of a person known by one, else ""
    suffix: str = ""
    names: Counter = field(default_factory=Counter)  # display form -> entities, for the canonical name
    genders: Counter = field(default_factory=Counter)
    titles: set[str] = field(default_factory=set)

    @property
    def gender(self) -> str | None:
        """The gender most of its entities have; None when none has one or two tie."""
        ranked = self.genders.most_common(2)
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    @property
    def name(self) -> str:
        """The most frequent of its fullest forms (given name and surname over surname alone), then the
        longest."""
        return max(self.names, key=lambda form: (len(form.split()) > 1, self.names[form], len(form), form))


def link_block(variants: Iterable[Variant]) -> tuple[dict[str, str], list[Person]]:
    """The people of one surname: the person each name key belongs to, and the people.

    Full names with the same given name and suffix are one person, unless their middle initials disagree:
    then one person per middle initial, and the names without one a person apart. Then each initial and bare
    surname joins the only compatible full-name person (`only_candidate`); otherwise a person of its own: one
    per initial, and for bare surnames one per gender given (and one for none).
    Person ids read as the key they stand for: "obama/barack", "obama/b.", "clinton/?female".
    """
    people: dict[str, Person] = {}
    person_of: dict[str, str] = {}

    def join(variant: Variant, person_id: str, given: str = "", suffix: str = "") -> Person:
        person = people.setdefault(person_id, Person(person_id, given, suffix))
        person.names.update(variant.names)
        person.genders.update(variant.genders)
        person_of[variant.key] = person_id
        return person

    full_names: dict[tuple[str, str, str], list[Variant]] = defaultdict(list)
    partial: list[Variant] = []
    for variant in variants:
        surname, given, initial, _, suffix, _, _ = variant.fields
        if given and not initial:
            full_names[surname, given, suffix].append(variant)
        else:
            partial.append(variant)
    for (surname, given, suffix), group in full_names.items():
        middles = {variant.fields[3] for variant in group} - {""}
        for variant in group:
            middle = (variant.fields[3] or "-") if len(middles) > 1 else ""
            person_id = "/".join(part for part in (surname, given, middle, suffix) if part)
            join(variant, person_id, given, suffix).titles.update(variant.fields[6])
    full_people = list(people.values())
    for variant in partial:
        surname, given, _, _, suffix, gender, titles = variant.fields
        candidates = [Candidate(person.person_id, person.gender, frozenset(person.titles)) for person in full_people
                      if person.given.startswith(given) and suffix in ("", person.suffix)]
        if found := only_candidate(gender or None, titles, candidates):
            join(variant, found)
        elif given:
            join(variant, f"{surname}/{given}.")
        else:
            join(variant, f"{surname}/?{gender}")
    return person_of, list(people.values())


# `newsfacts query people`.
PEOPLE = """
    SELECT name, aliases, articles, mentions, quotes, gender, person_id AS person FROM people
    ORDER BY quotes DESC, mentions DESC, name
"""
ENTITY_COLUMNS = {
    "article_id": pa.string(), "entity_id": pa.string(), "person_id": pa.string(), "surname": pa.string(),
    "name_key": pa.string(), "name": pa.string(), "gender": pa.string(), "aliases": pa.list_(pa.string()),
    "mentions": pa.int64(), "quotes": pa.int64(),
}


def create_tables(connection: duckdb.DuckDBPyConnection) -> bool:
    """The people tables; True when this store had none yet (made before people were linked)."""
    (present,) = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'person_entities'").fetchone()
    for statement in PEOPLE_DDL:
        connection.execute(statement)
    return not present


def link_sheets(connection: duckdb.DuckDBPyConnection, sheets: Iterable[FactSheet]) -> None:
    """Add the PERSON entities of these articles to the people of the store, in the caller's transaction: their
    rows in `person_entities`, then every block (surname) they touch linked again."""
    surnames = _add_names(connection, sheets)
    if surnames:
        relink(connection, sorted(surnames))


def link_stored(connection: duckdb.DuckDBPyConnection, batch: int = 256) -> None:
    """Link the people of every article already stored (a store made before people were linked), reading the
    sheets a batch at a time and linking each block once at the end."""
    ids = [article_id for (article_id,) in connection.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    surnames: set[str] = set()
    for start in range(0, len(ids), batch):
        rows = connection.execute("SELECT sheet FROM articles WHERE id IN (SELECT unnest($ids))",
                                  {"ids": ids[start:start + batch]}).fetchall()
        surnames |= _add_names(connection, (FactSheet.model_validate_json(sheet) for (sheet,) in rows))
    if surnames:
        relink(connection, sorted(surnames))


def _add_names(connection: duckdb.DuckDBPyConnection, sheets: Iterable[FactSheet]) -> set[str]:
    """The rows of these articles' PERSON entities in `person_entities`, not linked yet; their surnames."""
    names = [name for sheet in sheets for name in sheet_names(sheet)]
    columns = {
        "article_id": [name.article_id for name in names],
        "entity_id": [name.entity_id for name in names],
        "person_id": [None] * len(names),
        "surname": [name.name.surname for name in names],
        "name_key": [name.key for name in names],
        "name": [name.name.display for name in names],
        "gender": [name.gender for name in names],
        "aliases": [list(name.aliases) for name in names],
        "mentions": [name.mentions for name in names],
        "quotes": [name.quotes for name in names],
    }
    if names:
        _with_rows(connection, pa.table(columns, schema=pa.schema(list(ENTITY_COLUMNS.items()))),
                   "INSERT INTO person_entities BY NAME SELECT * FROM rows")
    return {name.name.surname for name in names}


def relink(connection: duckdb.DuckDBPyConnection, surnames: list[str]) -> None:
    """Link these blocks again from every name key they hold, and rewrite their rows of `people`."""
    found = connection.execute(
        "SELECT surname, name_key, name, gender, count(*) FROM person_entities"
        " WHERE surname IN (SELECT unnest($surnames)) GROUP BY ALL",
        {"surnames": surnames},
    ).fetchall()
    blocks: dict[str, dict[str, Variant]] = defaultdict(dict)
    for surname, key, name, gender, count in found:
        variant = blocks[surname].setdefault(key, Variant(key, Counter(), Counter()))
        variant.names[name] += count
        if gender:
            variant.genders[gender] += count
    person_of: dict[str, str] = {}
    people: list[tuple[str, Person]] = []
    for surname, variants in blocks.items():
        block_links, block_people = link_block(variants.values())
        person_of.update(block_links)
        people += [(surname, person) for person in block_people]
    links = pa.table({"name_key": list(person_of), "person_id": list(person_of.values())})
    _with_rows(connection, links, "UPDATE person_entities SET person_id = rows.person_id FROM rows WHERE"
               " person_entities.name_key = rows.name_key AND person_entities.person_id IS DISTINCT FROM rows.person_id")
    connection.execute("DELETE FROM people WHERE surname IN (SELECT unnest($surnames))", {"surnames": surnames})
    named = pa.table({
        "person_id": [person.person_id for _, person in people],
        "name": [person.name for _, person in people],
        "gender": pa.array([person.gender for _, person in people], pa.string()),
        "surname": [surname for surname, _ in people],
    })
    _with_rows(connection, named, """
        INSERT INTO people
        WITH block AS (SELECT * FROM person_entities WHERE surname IN (SELECT unnest($surnames))),
        forms AS (SELECT person_id, alias, count(*) AS entities
                  FROM (SELECT person_id, unnest(aliases) AS alias FROM block) GROUP BY ALL),
        aliases AS (SELECT person_id, list(alias ORDER BY entities DESC, alias) AS aliases FROM forms GROUP BY ALL),
        counts AS (SELECT person_id, count(DISTINCT article_id) AS articles, sum(mentions) AS mentions,
                          sum(quotes) AS quotes FROM block GROUP BY ALL)
        SELECT p.person_id, p.name, coalesce(a.aliases, []), p.gender, p.surname, c.articles, c.mentions, c.quotes
        FROM rows p JOIN counts c USING (person_id) LEFT JOIN aliases a USING (person_id)
    """, {"surnames": surnames})


def _with_rows(connection: duckdb.DuckDBPyConnection, rows: pa.Table, sql: str,
               parameters: dict | None = None) -> None:
    """Run a statement that reads these rows as the table `rows`."""
    connection.register("rows", rows)
    try:
        connection.execute(sql, parameters or {})
    finally:
        connection.unregister("rows")
