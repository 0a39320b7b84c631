"""The word tables the relations stage reads: which nouns trigger which relation (`Trigger`), and the verbs,
past markers and titles of data/relations.json, read once per process."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import KINSHIP, PERSON_ROLES, PLACE_HEADS, PLACE_NOUNS, data_table

PERSON, ORG, PLACE, WORK = "PERSON", "ORG", "PLACE", "WORK"


@dataclass(frozen=True)
class Trigger:
    """What a trigger noun says about the one it names (the holder) and its owner."""

    relation: str
    holder_is_subject: bool  # parent_of(father, owner), but author_of(owner, memoir)
    holder_types: frozenset[str]
    owner_types: frozenset[str]
    gives_role: bool
    # A country or person owning a government title employs its holder: "Norland's prime minister".
    employs_when_owned_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Tables:
    triggers: dict[str, Trigger]
    not_authored: frozenset[str]
    past: frozenset[str]
    authorship_verbs: frozenset[str]
    publishing_verbs: frozenset[str]
    marriage_verbs: frozenset[str]
    birth_verbs: frozenset[str]
    employment_verbs: dict[str, frozenset[str]]
    government_titles: frozenset[str]
    membership_verbs: dict[str, frozenset[str]]
    party_membership_verbs: dict[str, frozenset[str]]
    copulas: frozenset[str]
    survival_verbs: frozenset[str]
    listing_verbs: frozenset[str]
    leading_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    founding_verbs: frozenset[str]
    location_participles: frozenset[str]
    member_bodies: dict[str, frozenset[str]]  # kind of body -> last words of its names
    member_titles: frozenset[str]
    parties: dict[str, int]  # a party's name or adjective -> the number of the party
    party_letters: dict[str, str]  # 'd' -> 'democrat': a party mark after a US legislator's name
    party_roles: frozenset[str]
    electoral_fronts: frozenset[str]  # "alliance", "front": a candidate of one is its member
    party_groups: frozenset[str]
    portfolios: frozenset[str]
    government_departments: frozenset[str]
    public_offices: frozenset[str]
    job_endings: tuple[str, ...]
    clubs: frozenset[str]
    club_titles: frozenset[str]
    club_suffixes: frozenset[str]
    story_bodies: dict[str, tuple[frozenset[str], frozenset[str]]]  # kind -> (nouns calling one back, its titles)
    street_heads: frozenset[str]
    appointing_verbs: frozenset[str]
    staffing_verbs: frozenset[str]
    loan_nouns: frozenset[str]
    company_roles: frozenset[str]
    buildings: frozenset[str]
    areas: frozenset[str]
    place_qualifiers: frozenset[str]
    event_nouns: frozenset[str]  # "earthquake", "hurricane": what happens somewhere, not what lies there
    chambers: dict[str, frozenset[str]]  # 'senate' -> the titles of its members ('sen.', 'senator')


@lru_cache(maxsize=1)
def tables() -> Tables:
    data = data_table("relations")
    people, employers = frozenset({PERSON}), frozenset({PERSON, ORG})
    triggers: dict[str, Trigger] = {}
    for word, kin in KINSHIP.items():
        if kin.relation:
            reverse = kin.relation == "child_of"  # stored as parent_of(owner, child): one direction, no duplicates
            triggers[word] = Trigger("parent_of" if reverse else kin.relation, not reverse, people, people, False)
    governing = frozenset(data["government_titles"]["words"])
    for word in PERSON_ROLES["job_titles"]:
        triggers[word] = Trigger("works_for", True, people, employers, True)
    for word in PERSON_ROLES["organisation_titles"] | set(data["organisation_jobs"]["words"]):
        triggers[word] = Trigger("works_for", True, people, frozenset({ORG}), True)
    for word in PERSON_ROLES["staff_nouns"] | set(data["staff_groups"]["words"]):
        # "his colleague" works with him, not for him: organisations only
        triggers[word] = Trigger("works_for", True, people, frozenset({ORG}), False)
    for word in PERSON_ROLES["membership_nouns"]:
        triggers[word] = Trigger("member_of", True, people, frozenset({ORG}), True)
    for word in data["council_titles"]["words"] + data["legislator_titles"]["words"]:
        triggers[word] = Trigger("member_of", True, people, frozenset({ORG}), True)
    for word in governing & triggers.keys():
        triggers[word] = replace(triggers[word], owner_types=triggers[word].owner_types | {PERSON, PLACE},
                                 employs_when_owned_by=frozenset({PERSON, PLACE}))
    for kind, body in data["story_bodies"].items():
        for word in () if kind.startswith("_") else set(body["titles"]) - triggers.keys():
            # "Principal Ann Lee": a title only such a body gives ('the school' calls it back); a council's are seats
            triggers[word] = Trigger("member_of" if kind == "council" else "works_for", True, people,
                                     frozenset({ORG}), True)
    for word in set(data["place_offices"]["words"]) - triggers.keys():
        triggers[word] = Trigger("works_for", True, people, frozenset({ORG, PLACE}), True)
    for word in data["work_nouns"]["words"]:
        triggers[word] = Trigger("author_of", False, frozenset({WORK}), employers, False)
    for word in PERSON_ROLES["author_nouns"]:
        triggers[word] = Trigger("author_of", True, employers, frozenset({WORK}), False)
    for word in data["place_nouns"]["words"]:
        triggers[word] = Trigger("located_in", True, frozenset({PLACE}), frozenset({PLACE}), False)
    return Tables(
        triggers=triggers,
        not_authored=frozenset(data["not_authored"]),
        past=frozenset(data["past"]),
        authorship_verbs=frozenset(data["authorship_verbs"]),
        publishing_verbs=frozenset(data["publishing_verbs"]["words"]),
        marriage_verbs=frozenset(data["marriage_verbs"]),
        birth_verbs=frozenset(data["birth_verbs"]["words"]),
        employment_verbs={verb: frozenset(preps) for verb, preps in data["employment_verbs"].items()
                          if not verb.startswith("_")},
        copulas=frozenset(data["copulas"]["words"]),
        survival_verbs=frozenset(data["survival_verbs"]["words"]),
        listing_verbs=frozenset(data["listing_verbs"]["words"]),
        government_titles=governing,
        membership_verbs={verb: frozenset(preps) for verb, preps in data["membership_verbs"]["any"].items()},
        party_membership_verbs={verb: frozenset(preps) for verb, preps in data["membership_verbs"]["party"].items()},
        leading_verbs=frozenset(data["leading_verbs"]["present"]),
        joining_verbs=frozenset(data["leading_verbs"]["since"]),
        founding_verbs=frozenset(data["leading_verbs"]["founding"]),
        location_participles=frozenset(data["location_participles"]),
        member_bodies={kind: frozenset(words) for kind, words in data["member_bodies"].items()
                       if not kind.startswith("_") and kind != "member_titles"},
        member_titles=frozenset(data["member_bodies"]["member_titles"]),
        parties={name: number for number, names in enumerate(data["parties"]["names"]) for name in names},
        party_letters=data["party_letters"]["letters"],
        party_roles=frozenset(data["party_roles"]["words"] + data["legislator_titles"]["words"]),
        electoral_fronts=frozenset(data["party_roles"]["electoral_fronts"]),
        party_groups=frozenset(data["party_groups"]["words"]),
        portfolios=frozenset(data["portfolios"]["words"]),
        government_departments=frozenset(data["government_departments"]["words"]),
        public_offices=frozenset(data["public_offices"]["words"]) | PLACE_NOUNS,
        job_endings=tuple(data["job_endings"]["endings"]),
        clubs=frozenset(data["clubs"]["words"]),
        club_titles=frozenset(data["club_titles"]["words"]),
        club_suffixes=frozenset(data["club_titles"]["club_suffixes"]) | frozenset(data["clubs"]["words"]),
        story_bodies={kind: (frozenset(body["nouns"]), frozenset(body["titles"]))
                      for kind, body in data["story_bodies"].items() if not kind.startswith("_")},
        street_heads=frozenset(data["street_heads"]["words"]),
        appointing_verbs=frozenset(data["appointing_verbs"]["words"]),
        staffing_verbs=frozenset(data["staffing_verbs"]["words"]),
        loan_nouns=frozenset(data["loan_nouns"]["words"]),
        company_roles=frozenset(data["company_roles"]["words"]),
        buildings=frozenset(data["buildings"]["words"]) | PLACE_HEADS,
        areas=frozenset(data["areas"]["words"]) | PLACE_NOUNS,
        place_qualifiers=frozenset(data["place_qualifiers"]["words"]),
        event_nouns=frozenset(word for group in data_table("entity_words")["event_nouns"] for word in group),
        chambers={chamber: frozenset(titles) for chamber, titles in data["chambers"].items()
                  if not chamber.startswith("_")},
    )
