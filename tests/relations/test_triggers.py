"""What a trigger noun states with its owner (relations/triggers.py): which nouns are triggers, the relation
each owner gets (a job or a membership), the role as written, "former", lists of kin, couples by marriage."""

from __future__ import annotations

import pytest

from relation_helpers import ORG, PERSON, PLACE, WORK, relations_of


def test_person_employer_and_a_two_word_title(nlp):
    text = "Governor Ruth Hale's press secretary Dan Wu said the office was closed."
    found = relations_of(nlp, text, Hale=(PERSON, ["Governor Ruth Hale"]), Wu=(PERSON, ["Dan Wu"]))
    assert found == {("Wu", "works_for", "Hale", "press secretary")}


def test_a_former_job_is_stated_with_former_in_its_role(nlp):
    text = "Acme's former spokesman Ben Cole now lives in Paris."
    found = relations_of(nlp, text, Acme=(ORG, ["Acme"]), Ben=(PERSON, ["Ben Cole"]))
    assert found == {("Ben", "works_for", "Acme", "former spokesman")}


def test_an_ex_wife_is_no_spouse(nlp):
    text = "Ben Cole's former wife, Ida Moss, sold the house."
    assert relations_of(nlp, text, Ben=(PERSON, ["Ben Cole"]), Ida=(PERSON, ["Ida Moss"])) == set()


def test_membership_noun(nlp):
    text = "Labour MP Sara Khan voted against the bill."
    found = relations_of(nlp, text, Labour=(ORG, ["Labour"]), Sara=(PERSON, ["Sara Khan"]))
    assert found == {("Sara", "member_of", "Labour", "mp")}


def test_a_favourite_book_is_not_written_by_its_reader(nlp):
    text = "Ann Lee read her favourite novel Night Roads again."
    assert relations_of(nlp, text, Ann=(PERSON, ["Ann Lee", ("her", "pronoun")]),
                        Roads=(WORK, ["Night Roads"])) == set()


def test_position_in_a_team_is_membership(nlp):
    text = "Vantor captain Ade Cole scored twice."
    found = relations_of(nlp, text, Vantor=(ORG, ["Vantor"]), Ade=(PERSON, ["Ade Cole"]))
    assert found == {("Ade", "member_of", "Vantor", "captain")}


def test_founder_works_for_the_company(nlp):
    text = "Vantor's founder, Omar Said, sold his stake."
    found = relations_of(nlp, text, Vantor=(ORG, ["Vantor"]), Omar=(PERSON, ["Omar Said", ("his", "pronoun")]))
    assert found == {("Omar", "works_for", "Vantor", "founder")}


def test_a_councils_leader_is_one_of_its_members(nlp):
    text = "Harwell Council leader Dan Moss said the city was shocked."
    found = relations_of(nlp, text, Council=(ORG, ["Harwell Council"]), Dan=(PERSON, ["Dan Moss"]))
    assert found == {("Dan", "member_of", "Council", "leader")}


def test_a_councils_mayor_is_one_of_its_members(nlp):
    text = "Elmby District Council mayor Ruth Cole opened the bridge."
    found = relations_of(nlp, text, Council=(ORG, ["Elmby District Council"]), Ruth=(PERSON, ["Ruth Cole"]))
    assert found == {("Ruth", "member_of", "Council", "mayor")}


def test_a_partys_minister_is_its_member(nlp):
    text = "The Greens' shadow minister, Ola Berg, said the plan was late."
    found = relations_of(nlp, text, Greens=(ORG, ["Greens"]),
                         Ola=(PERSON, [("The Greens' shadow minister", "description"), "Ola Berg"]))
    assert found == {("Ola", "member_of", "Greens", "shadow minister")}


def test_a_legislatures_leader_is_its_member_and_its_spokesman_its_employee(nlp):
    text = "Assembly Majority Leader Rosa Vidal met Assembly spokesman Tim Hart."
    found = relations_of(nlp, text, Assembly=(ORG, ["Assembly", ("Assembly", "name", 1)]),
                         Rosa=(PERSON, ["Rosa Vidal"]), Tim=(PERSON, ["Tim Hart"]))
    assert found == {("Rosa", "member_of", "Assembly", "majority leader"),
                     ("Tim", "works_for", "Assembly", "spokesman")}


def test_a_medical_specialist_at_an_institution_works_for_it(nlp):
    text = "Dr Ana Ruiz, an oncologist at Vale Hospital, led the study."
    found = relations_of(nlp, text, Ana=(PERSON, ["Dr Ana Ruiz"]), Vale=(ORG, ["Vale Hospital"]))
    assert found == {("Ana", "works_for", "Vale", "oncologist")}


@pytest.mark.parametrize("text, person, description, employer, role", [
    ("Ann Lee, a physicist at Kelsby University, built the radar.", "Ann Lee", "a physicist at Kelsby University",
     "Kelsby University", "physicist"),
    ("Acme envoy Tom Reed arrived on Monday.", "Tom Reed", None, "Acme", "envoy"),
    ("Acme said its administrator for science, Tom Reed, would retire.", "Tom Reed", "its administrator for science",
     "Acme", "administrator"),
])
def test_science_and_diplomatic_posts_are_jobs(nlp, text, person, description, employer, role):
    described = [(description, "description")] if description else []
    found = relations_of(nlp, text, **{person: (PERSON, [person, *described]), employer: (ORG, [employer])})
    assert (person, "works_for", employer, role) in found


@pytest.mark.parametrize("text, expected", [
    ("Norvale boss Ian Moss was furious.", {("Ian", "works_for", "Norvale", "boss")}),
    ("Ian Moss is a partner at Norvale.", {("Ian", "works_for", "Norvale", "partner")}),
    ("Ann Hill thanked her boss, Ian Moss.", set()),
])
def test_a_boss_or_partner_works_for_an_organisation_only(nlp, text, expected):
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Norvale=(ORG, ["Norvale"] if "Norvale" in text else []),
                         Ann=(PERSON, ["Ann Hill", ("her", "pronoun")] if "Ann" in text else []))
    assert found == expected


@pytest.mark.parametrize("text, role", [
    ("Eva Stone, a judge at the Crown Court, ruled on Friday.", "judge"),
    ("Eva Stone, a barrister at the Crown Court, spoke.", "barrister"),
    ("Eva Stone, a columnist for the Crown Court, spoke.", "columnist"),
])
def test_courtroom_and_newspaper_posts_are_jobs(nlp, text, role):
    found = relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), Court=(ORG, ["the Crown Court"]))
    assert found == {("Eva", "works_for", "Court", role)}


@pytest.mark.parametrize("text, owner, owner_type, owner_forms", [
    ("Norland's prime minister, Eva Stone, hosted the talks.", "Norland", PLACE, ["Norland"]),
    ("The leader of Norland, Eva Stone, spoke.", "Norland", PLACE, ["Norland"]),
    ("Ian Moss sent his foreign minister, Eva Stone, to the meeting.", "Ian", PERSON, ["Ian Moss", ("his", "pronoun")]),
])
def test_a_government_title_owned_by_a_country_or_person_is_a_job_for_it(nlp, text, owner, owner_type, owner_forms):
    found = relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), **{owner: (owner_type, owner_forms)})
    assert {(s, r, o) for s, r, o, _ in found} == {("Eva", "works_for", owner)}


@pytest.mark.parametrize("text", ["The talks moved to Port Elm, the capital of Norland.",
                                  "Norland's capital, Port Elm, is small."])
def test_a_capital_lies_in_its_country(nlp, text):
    found = relations_of(nlp, text, Elm=(PLACE, ["Port Elm"]), Norland=(PLACE, ["Norland"]))
    assert found == {("Elm", "located_in", "Norland", None)}


def test_a_spouse_listed_before_their_children_is_not_one_of_them(nlp):
    text = ("Elena Sandoval, the firm's founder, is survived by her husband, Marcus Lyle, and their two "
            "daughters, Ana and Rosa.")
    found = relations_of(nlp, text, Elena=(PERSON, ["Elena Sandoval", ("her", "pronoun")]),
                         Marcus=(PERSON, ["Marcus Lyle", ("her husband", "description")]))
    assert ("Marcus", "spouse_of", "Elena", None) in found
    assert ("Elena", "parent_of", "Marcus", None) not in found


@pytest.mark.parametrize("text, expected", [
    ("Eva Stone, the former judge and Acme director, spoke.", {("Eva", "works_for", "Acme", "former director")}),
    ("Eva Stone, a former judge and an Acme director, spoke.", {("Eva", "works_for", "Acme", "director")}),
])
def test_former_before_joined_titles_is_said_of_both(nlp, text, expected):
    assert relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), Acme=(ORG, ["Acme"])) == expected


@pytest.mark.parametrize("text", ["Ian Moss, the MP for Tamford East, spoke.",
                                  "Transport minister Ian Moss spoke."])
def test_a_politicians_title_owned_by_a_seat_or_a_portfolio_says_nothing(nlp, text):
    place = "Tamford East" if "Tamford" in text else "Transport"
    assert relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Org=(ORG, [place])) == set()


@pytest.mark.parametrize("text, body, expected", [
    ("Green Party spokesman Ian Moss spoke.", "Green Party", "member_of"),
    ("Ian Moss, the chair of the Tamford Anglers' Association, spoke.", "the Tamford Anglers' Association",
     "member_of"),
    ("Ian Moss, the spokesman for the Tamford Anglers' Association, spoke.", "the Tamford Anglers' Association",
     "works_for"),
])
def test_a_partys_people_and_an_associations_chair_are_members(nlp, text, body, expected):
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Body=(ORG, [body]))
    assert {(holder, relation, owner) for holder, relation, owner, _ in found} == {("Ian", expected, "Body")}


def test_a_portfolio_before_a_title_is_no_employer(nlp):
    text = "Education Secretary Ann Hill visited a school."
    assert relations_of(nlp, text, Ann=(PERSON, ["Secretary Ann Hill"]), Education=(ORG, ["Education"])) == set()


@pytest.mark.parametrize("text", ["The cross was headed in by Rovers defender Ian Moss.",
                                  "A header from Rangers defender Ian Moss hit the bar."])
def test_a_title_the_tagger_took_for_a_verb(nlp, text):
    club = "Rovers" if "Rovers" in text else "Rangers"
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Club=(ORG, [club]))
    assert found == {("Ian", "member_of", "Club", "defender")}


@pytest.mark.parametrize("text, expected", [
    ("Ian Moss, the city manager of Tamford, spoke.", {("Ian", "works_for", "Tamford", "city manager")}),
    ("Ian Moss, the manager of Tamford, spoke.", set()),
])
def test_an_office_of_a_place_is_a_job_for_it(nlp, text, expected):
    assert relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Tamford=(PLACE, ["Tamford"])) == expected


def test_a_practitioner_of_a_science_at_an_institution_works_for_it(nlp):
    text = "Ian Moss, an epidemiologist at the Norvale Clinic, led the trial."
    found = relations_of(nlp, text, Ian=(PERSON, ["Ian Moss"]), Clinic=(ORG, ["the Norvale Clinic"]))
    assert found == {("Ian", "works_for", "Clinic", "epidemiologist")}


def test_a_title_the_tagger_took_for_an_adjective_after_a_copula(nlp):
    text = "Tom Reed was chief of the Elmby Fire Brigade until 2019."
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed"]), Brigade=(ORG, ["the Elmby Fire Brigade"]))
    assert found == {("Tom", "works_for", "Brigade", "chief")}


@pytest.mark.parametrize("text, children", [
    ("Ann Hale is survived by her four children – sons Tom and Ben and daughter Mia – and nine grandchildren.",
     ("Tom", "Ben", "Mia")),
    ("Ann Hale is survived by her two children – daughter Rose and son Sam.", ("Rose", "Sam")),
    ("Ann Hale leaves her two children, daughter Rose and son Sam.", ("Rose", "Sam")),
])
def test_kin_listed_beside_a_plural_kinship_noun_share_its_owner(nlp, text, children):
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale", ("her", "pronoun")]),
                         **{child: (PERSON, [child]) for child in children})
    assert found == {("Ann", "parent_of", child, None) for child in children} | siblings(children)


def siblings(children: tuple[str, ...]) -> set[tuple]:
    """The sibling relations between children listed together, in the order they are named."""
    return {(first, "sibling_of", second, None) for number, first in enumerate(children)
            for second in children[number + 1:]}


@pytest.mark.parametrize("text, children", [
    ("Ann Hale leaves her sons, Tom and Ben.", ("Tom", "Ben")),
    ("Ann Hale leaves her son Tom and her daughter Mia.", ()),  # two nouns: the text lists no siblings
])
def test_children_one_plural_noun_lists_are_siblings(nlp, text, children):
    pronouns = [("her", "pronoun", number) for number in range(text.count("her "))]
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale", *pronouns]),
                         Tom=(PERSON, ["Tom"]), Ben=(PERSON, ["Ben"] if "Ben" in text else []),
                         Mia=(PERSON, ["Mia"] if "Mia" in text else []))
    assert {relation for relation in found if relation[1] == "sibling_of"} == siblings(children)


def test_their_children_after_a_marriage_verb_are_the_couples(nlp):
    text = "In 1990 Ann Hale married Tom Reed, a pilot. She is survived by their two children – daughter Rose and son Sam."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale", ("She", "pronoun")]), Tom=(PERSON, ["Tom Reed"]),
                         Rose=(PERSON, ["Rose"]), Sam=(PERSON, ["Sam"]))
    assert found == {("Ann", "spouse_of", "Tom", None), ("Rose", "sibling_of", "Sam", None)} | {
        (parent, "parent_of", child, None) for parent in ("Ann", "Tom") for child in ("Rose", "Sam")}


@pytest.mark.parametrize("title", ["lawyer", "agent", "manager", "attorney"])
def test_a_persons_lawyer_agent_or_manager_is_not_their_employee(nlp, title):
    text = f"Tom Reed's {title}, Ann Lee, said he would appeal. Ann Lee is a {title} at Acme."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee", ("Ann Lee", "name", 1)]), Tom=(PERSON, ["Tom Reed"]),
                         Acme=(ORG, ["Acme"]))
    assert found == {("Ann", "works_for", "Acme", title)}


@pytest.mark.parametrize("text, ministry, expected", [
    ("Tom Reed, a deputy minister at the Ministry of Roads and Ports, led the talks.",
     "the Ministry of Roads and Ports", {("Tom", "works_for", "Body", "deputy minister")}),
    ("Tom Reed, a minister in the Wessex Foreign Office, led the talks.", "the Wessex Foreign Office",
     {("Tom", "works_for", "Body", "minister")}),
    ("Tom Reed, a minister at Acme Holdings, led the talks.", "Acme Holdings", set()),
])
def test_a_minister_at_a_government_department_works_there(nlp, text, ministry, expected):
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed"]), Body=(ORG, [ministry]))
    assert found == expected


def test_the_leader_of_an_alliance_is_its_member_and_its_chief_executive_on_its_staff(nlp):
    text = "Elmby Alliance leader Ann Lee spoke. Later, Elmby Alliance chief executive Tom Reed spoke."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Lee"]), Tom=(PERSON, ["Tom Reed"]),
                         Body=(ORG, ["Elmby Alliance", ("Elmby Alliance", "name", 1)]))
    assert found == {("Ann", "member_of", "Body", "leader"), ("Tom", "works_for", "Body", "chief executive")}


@pytest.mark.parametrize("noun", ["brother-in-law", "son-in-law", "mother-in-law"])
def test_an_in_law_is_no_kin_the_sheet_records(nlp, noun):
    text = f"Farmer Ivo Brandt hauled the trailer out with his {noun}, Kasper Wendt, on Sunday."
    assert relations_of(nlp, text, Ivo=(PERSON, ["Farmer Ivo Brandt", ("his", "pronoun")]),
                        Kasper=(PERSON, ["Kasper Wendt", (f"his {noun}", "description")])) == set()


@pytest.mark.parametrize("text", [
    "Greta Lind raised her three sons, Pavel, 12, Ivo, nine, and Marek, now six, on the farm alone.",
    "Greta Lind raised her three sons – Pavel (12), Ivo (9) and Marek (6) – on the farm alone.",
])
def test_ages_set_after_kin_listed_by_name_do_not_end_the_list(nlp, text):
    found = relations_of(nlp, text, Greta=(PERSON, ["Greta Lind", ("her", "pronoun")]),
                         **{son: (PERSON, [son]) for son in ("Pavel", "Ivo", "Marek")})
    assert found == {("Greta", "parent_of", son, None) for son in ("Pavel", "Ivo", "Marek")} | siblings(
        ("Pavel", "Ivo", "Marek"))


def test_whoever_has_a_kinship_noun_owns_it(nlp):
    text = "Greta Lind has three sons, Pavel, Ivo and Marek, and a lawyer, Otto Ruml."
    found = relations_of(nlp, text, Greta=(PERSON, ["Greta Lind"]), Otto=(PERSON, ["Otto Ruml"]),
                         **{son: (PERSON, [son]) for son in ("Pavel", "Ivo", "Marek")})
    assert found == {("Greta", "parent_of", son, None) for son in ("Pavel", "Ivo", "Marek")} | siblings(
        ("Pavel", "Ivo", "Marek"))


@pytest.mark.parametrize("couple", ["The couple", "The pair"])
def test_the_children_a_couple_has_are_both_spouses(nlp, couple):
    text = f"In 1990 Ann Hale married Tom Reed, a pilot. {couple} have two sons, Pavel, 12, and Ivo, nine."
    found = relations_of(nlp, text, Ann=(PERSON, ["Ann Hale"]), Tom=(PERSON, ["Tom Reed"]),
                         Pavel=(PERSON, ["Pavel"]), Ivo=(PERSON, ["Ivo"]))
    assert found == {("Ann", "spouse_of", "Tom", None), ("Pavel", "sibling_of", "Ivo", None)} | {
        (parent, "parent_of", son, None) for parent in ("Ann", "Tom") for son in ("Pavel", "Ivo")}


def test_the_siblings_parent_is_the_parent_of_the_siblings_named_last(nlp):
    text = "Tom Reed runs the farm with his sister, Ann Reed. The book covers the death of the siblings' mother, Mary."
    found = relations_of(nlp, text, Tom=(PERSON, ["Tom Reed", ("his", "pronoun")]), Ann=(PERSON, ["Ann Reed"]),
                         Mary=(PERSON, ["Mary"]))
    assert found == {("Ann", "sibling_of", "Tom", None), ("Mary", "parent_of", "Tom", None),
                     ("Mary", "parent_of", "Ann", None)}


@pytest.mark.parametrize("text, expected", [
    ("Norvale Rail president and chief executive Ida Berg spoke.", {("Ida", "works_for", "Rail", "president")}),
    ("The Norvale Rail president and chief executive, Ida Berg, spoke.", {("Ida", "works_for", "Rail", "president")}),
    ("Norvale Rail's co-founder and director, Ida Berg, spoke.", {("Ida", "works_for", "Rail", "co-founder")}),
])
def test_two_titles_joined_by_and_are_one_persons(nlp, text, expected):
    found = relations_of(nlp, text, Rail=(ORG, ["Norvale Rail"]), Ida=(PERSON, ["Ida Berg"]))
    assert {relation[:3] for relation in found} == {relation[:3] for relation in expected}


def test_its_opening_a_sentence_stands_for_the_organisation_of_the_main_clause_before(nlp):
    text = ("The appeal was launched by Elm Trust, a charity set up after Norvale Council shut the library. "
            "Its director, Ida Berg, spoke.")
    found = relations_of(nlp, text, Trust=(ORG, ["Elm Trust"]), Council=(ORG, ["Norvale Council"]),
                         Ida=(PERSON, ["Ida Berg"]))
    assert found == {("Ida", "works_for", "Trust", "director")}


@pytest.mark.parametrize("text, chamber, expected", [
    ("Sen. Ann Voss said the Senate would vote in March.", "Senate", {("Ann", "member_of", "Chamber", "sen.")}),
    ("Rep. Ann Voss voted for the bill, which cleared the Oregon House.", "Oregon House",
     {("Ann", "member_of", "Chamber", "rep.")}),
    ("Rep. Ann Voss toured the White House on Monday.", "White House", set()),
])
def test_a_legislators_title_names_the_one_chamber_of_the_story(nlp, text, chamber, expected):
    assert relations_of(nlp, text, Ann=(PERSON, [text.split(" said")[0].split(" voted")[0].split(" toured")[0]]),
                        Chamber=(ORG, [chamber])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ann Voss, the candidate of the Green Future Alliance, took 41 per cent.",
     {("Ann", "member_of", "Front", "candidate")}),
    ("The chief executive of the Green Future Alliance, Ann Voss, spoke.",
     {("Ann", "works_for", "Front", "chief executive")}),
])
def test_a_candidate_of_an_electoral_front_is_its_member(nlp, text, expected):
    assert relations_of(nlp, text, Ann=(PERSON, ["Ann Voss"]), Front=(ORG, ["the Green Future Alliance"])) == expected
