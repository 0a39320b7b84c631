"""Word lists that encode knowledge of English news writing, shared by the stages.

Kept as tables rather than `if` chains so a reader can check and extend them. They are general English
(forms of address, kinship terms, pronouns), compiled by hand from style guides such as the AP and
Guardian style books and from standard grammars; none comes from a particular article. The longer tables
are JSON files in data/, read by `data_table`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

# Forms of address written before a personal name ("Prince Edmund", "Sen. Warren", a councillor's "Coun" in
# England and "Cr" in Australia), with the gender they imply when they imply one. Keys are lower case, without a
# final full stop.
HONORIFICS: dict[str, str | None] = {
    **dict.fromkeys(
        ["king", "prince", "duke", "earl", "marquess", "viscount", "baron", "lord", "sir", "mr", "emperor",
         "sheikh", "archduke", "count", "uncle", "grandpa", "grandad", "granddad"], "male"),
    **dict.fromkeys(
        ["queen", "princess", "duchess", "countess", "marchioness", "viscountess", "baroness", "lady", "dame",
         "mrs", "ms", "miss", "madam", "empress", "archduchess", "aunt", "auntie", "aunty", "grandma", "granny",
         "nana"], "female"),
    **dict.fromkeys(
        ["president", "prime minister", "vice president", "senator", "sen", "rep", "representative",
         "congressman", "congresswoman", "governor", "gov", "mayor", "dr", "doctor", "professor", "prof",
         "judge", "justice", "chancellor", "secretary", "general", "gen", "colonel", "col", "captain", "capt",
         "lt", "lieutenant", "sergeant", "sgt", "officer", "detective", "chief", "minister", "ambassador",
         "speaker", "commissioner", "archbishop", "bishop", "cardinal", "rev", "reverend", "rabbi", "imam",
         "sheriff", "attorney general", "first lady", "pope", "coach", "director", "chairman", "chairwoman",
         "inspector", "superintendent", "admiral", "commander", "major", "pastor", "father", "sister",
         "brother", "saint", "st", "constable", "councillor", "cllr", "cr", "coun", "councilman", "councilwoman",
         "alderman", "pm"],
        None),
}
# Styles of the clergy and of privy counsellors written before a full name ("the Rt Rev Ann Lee", "the Most Rev
# Tom Reed", "the Rt Hon Ann Lee"), from Debrett's forms of address; kept apart because, unlike "Bishop", they
# are never a title alone.
STYLES_BEFORE_NAMES = {"rt rev", "right rev", "rt revd", "most rev", "very rev", "rt hon", "right hon",
                       "right reverend", "most reverend", "very reverend", "right honourable"}
HONORIFICS.update(dict.fromkeys(STYLES_BEFORE_NAMES))
# Gendered honorifics whose gender is not in the table above ("Congresswoman", "Chairwoman", "First Lady").
HONORIFIC_GENDER_OVERRIDES = {"congressman": "male", "congresswoman": "female", "chairman": "male",
                              "councilman": "male", "councilwoman": "female",
                              "chairwoman": "female", "first lady": "female", "pope": "male", "father": "male",
                              "sister": "female", "brother": "male"}

# Short forms of titles, and the title they stand for ("the PM" is "the Prime Minister").
TITLE_SHORT_FORMS = {"pm": "prime minister"}
# Titles that, capitalised after "the", name one person on their own ("the King", "the Prime Minister").
# "father", "sister", "brother" are left out: capitalised after "the" they are rarely titles.
BARE_TITLES = {key for key in HONORIFICS if key not in {
    "mr", "mrs", "ms", "miss", "madam", "sir", "dame", "lady", "lord", "dr", "doctor", "sen", "rep", "gov",
    "prof", "gen", "col", "capt", "lt", "sgt", "rev", "st", "saint", "father", "sister", "brother", "count",
    "officer", "detective", "major", "coach", "director", "general", "constable", *STYLES_BEFORE_NAMES}}

# Styles that stand for a sovereign, pope or royal without a name ("His Majesty is recovering"), with the title
# they stand for; from the styles the royal households and the Holy See use.
STYLES_OF_OFFICE = {"his majesty": "king", "her majesty": "queen", "his holiness": "pope",
                    "his royal highness": "prince", "her royal highness": "princess"}

# Titles held "of" a place or body ("the Duke of Glenmoor", "the Mayor of London").
TITLES_OF_PLACE = {"king", "queen", "prince", "princess", "duke", "duchess", "earl", "countess", "marquess",
                   "marchioness", "viscount", "viscountess", "baron", "baroness", "lord", "lady", "archbishop",
                   "bishop", "mayor", "governor", "president", "emperor", "empress", "chancellor", "sheikh",
                   "emir", "sultan", "premier", "count"}
# Peerages: a person who holds one is often also named with a royal form of address ("Prince X").
PEERAGES = {"duke", "duchess", "earl", "countess", "marquess", "marchioness", "viscount", "viscountess",
            "baron", "baroness"}
ROYAL_HONORIFICS = {"prince", "princess"}
# Titles of a reigning monarch, whose children are the princes and princesses of a royal story.
MONARCHS = {"king", "queen", "emperor", "empress"}

# Kinship nouns: the relative's gender, the reciprocal noun by the other person's gender, and what the
# relative is to the possessor in the fact sheet's relation kinds ("his father" is parent_of him; None
# where the schema has no kind, as for cousins).
@dataclass(frozen=True)
class Kin:
    gender: str | None
    reciprocal: dict[str | None, str]
    relation: str | None


CHILD_OF = {"male": "son", "female": "daughter", None: "child"}
PARENT_OF = {"male": "father", "female": "mother", None: "parent"}
SIBLING_OF = {"male": "brother", "female": "sister", None: "sibling"}
SPOUSE_OF = {"male": "husband", "female": "wife", None: "spouse"}
KINSHIP: dict[str, Kin] = {
    **{noun: Kin(gender, CHILD_OF, "parent_of") for noun, gender in [
        ("father", "male"), ("mother", "female"), ("parent", None), ("dad", "male"), ("mum", "female"),
        ("mom", "female"), ("stepfather", "male"), ("stepmother", "female")]},
    **{noun: Kin(gender, PARENT_OF, "child_of") for noun, gender in [
        ("son", "male"), ("daughter", "female"), ("child", None), ("stepson", "male"),
        ("stepdaughter", "female")]},
    **{noun: Kin(gender, SIBLING_OF, "sibling_of") for noun, gender in [
        ("brother", "male"), ("sister", "female"), ("sibling", None), ("half-brother", "male"),
        ("half-sister", "female"), ("twin", None)]},
    **{noun: Kin(gender, SPOUSE_OF, "spouse_of") for noun, gender in [
        ("husband", "male"), ("wife", "female"), ("spouse", None), ("widow", "female"),
        ("widower", "male")]},
    **{noun: Kin(gender, {"male": "grandson", "female": "granddaughter", None: "grandchild"}, None)
       for noun, gender in [("grandfather", "male"), ("grandmother", "female")]},
    **{noun: Kin(gender, {"male": "grandfather", "female": "grandmother", None: "grandparent"}, None)
       for noun, gender in [("grandson", "male"), ("granddaughter", "female")]},
    **{noun: Kin(gender, {"male": "nephew", "female": "niece", None: "nephew"}, None)
       for noun, gender in [("uncle", "male"), ("aunt", "female")]},
    **{noun: Kin(gender, {"male": "uncle", "female": "aunt", None: "uncle"}, None)
       for noun, gender in [("nephew", "male"), ("niece", "female")]},
    # by marriage: the fact sheet has no relation kind for them ('his brother-in-law' is no sibling of his)
    **{noun: Kin(gender, {"male": "brother-in-law", "female": "sister-in-law", None: "sibling-in-law"}, None)
       for noun, gender in [("brother-in-law", "male"), ("sister-in-law", "female")]},
    **{noun: Kin(gender, {"male": "son-in-law", "female": "daughter-in-law", None: "child-in-law"}, None)
       for noun, gender in [("father-in-law", "male"), ("mother-in-law", "female")]},
    **{noun: Kin(gender, {"male": "father-in-law", "female": "mother-in-law", None: "parent-in-law"}, None)
       for noun, gender in [("son-in-law", "male"), ("daughter-in-law", "female")]},
    "fiance": Kin("male", {"male": "fiancee", "female": "fiance", None: "fiance"}, None),
    "fiancee": Kin("female", {"male": "fiancee", "female": "fiance", None: "fiance"}, None),
    "cousin": Kin(None, {"male": "cousin", "female": "cousin", None: "cousin"}, None),
}

# Third-person personal pronouns that can point at a person, with their gender.
PERSONAL_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                     "she": "female", "her": "female", "hers": "female", "herself": "female"}
REFLEXIVE_PRONOUNS = {"himself", "herself"}
# Plural pronouns, which can point at an organisation or group named as a whole ("Democrats said their plan…").
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}

# Last words that make a name an event ("the Ashford Awards", "the Winter Olympics").
EVENT_HEADS = {"awards", "award", "games", "olympics", "cup", "festival", "championship", "championships",
               "summit", "conference", "convention", "war", "election", "elections", "ceremony", "marathon",
               "prix", "open", "expo", "fair", "week", "tournament", "series", "race", "gala", "concert",
               "debate", "primary", "caucus", "caucuses", "rally", "parade", "show", "forum"}
# Generic nouns an event or organisation name can modify ("an Ashford Games event").
DESCRIPTIVE_HEADS = {
    "EVENT": {"event", "events", "ceremony", "tournament", "competition", "contest", "gala", "match", "race"},
    "ORG": {"company", "firm", "group", "organisation", "organization", "charity", "foundation", "party",
            "campaign", "agency", "department", "team", "network", "newspaper", "channel"},
}
# Nouns for an organisation: a name set beside one is an organisation's ("Acme, the Finnish carmaker,"), and
# "the company" or "the firm" points back at one. From business and news usage.
ORG_NOUNS = DESCRIPTIVE_HEADS["ORG"] | {
    "chipmaker", "carmaker", "automaker", "drugmaker", "retailer", "rival", "maker", "publisher", "startup",
    "start-up", "lender", "bank", "insurer", "broadcaster", "manufacturer", "supplier", "developer", "airline",
    "operator", "regulator", "conglomerate", "giant", "chain", "studio", "label", "club", "business", "outfit",
    "provider", "producer", "brewer", "miner", "utility", "band", "duo", "trio", "quartet", "orchestra", "choir",
    "ensemble", "fund", "gang", "consortium", "cartel", "syndicate"}
# Nouns by which business news calls back the company it is about ("the company said"); "club", "party"
# or "team" are left out, since sports and political stories are about two or more at once.
COMPANY_NOUNS = {"company", "firm", "business", "group", "chipmaker", "carmaker", "automaker", "drugmaker",
                 "retailer", "lender", "bank", "insurer", "airline", "manufacturer", "supplier", "broadcaster",
                 "publisher", "startup", "conglomerate", "brewer", "miner"}
# Nouns before a company noun that make it another company than the one the story is about ("the parent
# company", "the holding group"), from business news usage.
OTHER_COMPANY_WORDS = {"parent", "sister", "holding", "rival", "subsidiary", "partner", "target", "client",
                       "customer", "supplier", "shell", "joint-venture", "venture"}
# Last words that make a name a building or place even when NER calls it an organisation. Not "court": NER's
# organisation "the High Court" is the court of law, whose judges work for it.
PLACE_HEADS = {"house", "palace", "castle", "abbey", "cathedral", "square", "street", "park", "bridge",
               "tower", "towers", "hall", "airport", "station", "stadium", "arena", "church", "chapel",
               "manor", "lodge", "road", "avenue", "island", "river", "mountain", "lake", "valley",
               "beach", "bay"}
# Last words that make a name an organisation even when NER calls it a place ("West Midlands Police").
ORG_HEADS = {"police", "council", "party", "university", "college", "committee", "ministry", "department",
             "agency", "union", "association", "federation", "institute", "bank", "club", "commission",
             "authority", "trust", "society", "corporation", "company", "group", "fc", "plc", "inc", "ltd", "academy",
             "school", "court"}
# Last words of the name of a public institution or a building, not a company: "the company" or "the group" never
# calls back 'Kelsby Hospital', and 'Kelsby' alone is the place, not 'Kelsby Police'.
INSTITUTION_HEADS = (ORG_HEADS | PLACE_HEADS | {"court", "hospital"}) \
    - COMPANY_NOUNS - {"corporation", "plc", "inc", "ltd"}
# Nouns for a kind of place: a name after "<noun> of" or set beside one is a place ("the border town of Kelsby",
# "the capital, Kelsby,"), and later "the town" points back at it. From news usage.
PLACE_NOUNS = {"town", "city", "village", "capital", "region", "province", "district", "county", "port", "island",
               "suburb", "municipality", "hamlet", "enclave", "moon", "planet"}
# Forms of address that go with a surname alone ("Mr Brannigan"); the others name a person only before a full
# name ("Detective Constable Ian Teale"), since "General Motors" or "St Paul" are no people.
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"}
# Nouns that name a work when a title stands beside them ("his memoir Undertow", "the film Jaws").
WORK_NOUNS = {"memoir", "memoirs", "book", "novel", "autobiography", "biography", "film", "movie", "album",
              "song", "single", "documentary", "series", "play", "musical", "poem", "report", "podcast",
              "show", "programme", "program", "painting", "opera", "essay", "column", "article", "interview",
              "debut", "collection", "sequel", "bestseller", "drama", "comedy", "thriller", "sitcom"}

@lru_cache(maxsize=None)
def data_table(name: str) -> dict:
    """The JSON file data/<name>.json (a word table, or a trained quote model), read as UTF-8 once per
    process. Callers share the dict it returns, so none may change it."""
    return json.loads(files("newsfacts.data").joinpath(f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def quote_cues() -> dict[str, frozenset[str]]:
    """The attribution tables of data/quote_cues.json: reporting verbs, generic source nouns, pronouns."""
    return {key: frozenset(value) for key, value in data_table("quote_cues").items() if not key.startswith("_")}


# Verbs of putting out a statement, which the reporting verbs leave out: with them too, a building or
# city as subject stands for the institution in it ("the Palace issued a statement").
STATEMENT_VERBS = {"issue", "publish", "release"}

MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                   "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "christmas", "easter"}

# Nouns that name a person by role, job or situation in news ("its chief executive, Jane Doe", "the
# striker", "the defendant"): a name set beside one is a person's. One table, data/roles.json, grouped by the
# relation a phrase built on the noun states (the relations stage reads the groups); kinship nouns are in KINSHIP.
# Those that also begin other names ("Dean Marsh", "Premier League") are roles to the relations stage only.
PERSON_ROLES: dict[str, frozenset[str]] = {group: frozenset(table["words"]) for group, table in data_table(
    "roles").items() if not group.startswith("_")}
PERSON_ROLE_NOUNS = frozenset().union(*PERSON_ROLES.values()) - set(data_table("roles")["_names_too"]["words"])

# Words that bring in another name of the person just named ("X, born Y", "X, whose real name is Y", "X, who
# performs as Y", "X, who uses the courtesy title Viscount Y"), from news usage for birth names, stage names,
# nicknames and the courtesy titles of peers' heirs. Only the first group is said of people alone; "known as" is
# said of places and things too, "performs as" of machines ("if it performs as Acme expects").
ALIAS_CUES_OF_PEOPLE = {("born",), ("née",), ("nee",), ("real", "name", "is"), ("birth", "name", "is")}
ALIAS_CUES = ALIAS_CUES_OF_PEOPLE | {("known", "as"), ("nicknamed",), ("dubbed",), ("performs", "as"),
                                     ("performing", "as"), ("courtesy", "title"), ("styled",)}

# Nouns by which news brings in a person it does not name ("A 17-year-old boy has been charged"), with the gender
# they give; "teenager" and the like also call back anyone under 20 ("… the teenager appeared in court").
UNNAMED_PERSON_NOUNS = {"man": "male", "woman": "female", "boy": "male", "girl": "female", "teenager": None,
                        "teen": None, "youth": None}
TEEN_NOUNS = {"teenager", "teen", "youth"}

# Lower-case particles that belong to the surname after them ("Anouk de Vries" is "Ms de Vries"), from the
# naming customs of Dutch, German, French, Italian, Spanish, Portuguese and Arabic names.
SURNAME_PARTICLES = {"de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "ter", "ten",
                     "le", "la", "du", "bin", "al", "el"}
