"""The checks stage: short articles of our own whose figures agree, and twins whose figures do not."""

from __future__ import annotations

import pytest

from newsfacts.checks import find_checks
from newsfacts.entities import find_entities
from newsfacts.figures import find_figures
from newsfacts.nlp import parse
from newsfacts.schema import Article, FactSheet
from newsfacts.times import find_times

PUBLISHED = "2024-03-14"


def checks_of(nlp, text: str, published: str | None = PUBLISHED):
    article = Article(id="t", text=text, published=published)
    parsed = parse(article, nlp)
    sheet = FactSheet(id="t", text=text, published=published)
    sheet.entities = find_entities(parsed, sheet)
    sheet.times = find_times(parsed, sheet)
    sheet.figures = find_figures(parsed, sheet)
    return find_checks(parsed, sheet)


def only(checks, kind: str):
    found = [check for check in checks if check.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("stated, status", [("85 minutes", "consistent"), ("an hour", "inconsistent")])
def test_stated_length_against_two_clock_times(nlp, stated, status):
    text = f"The rally began at 2.10pm. It was over by 3.35pm, after {stated} of speeches."
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status
    assert check.about[:2] == ["2.10pm", "3.35pm"] and stated in check.about[2]
    assert "14:10 → 15:35" in check.working


def test_clock_times_without_meridiem_read_from_the_other_times(nlp):
    text = "The envoy arrived at 4.05 and left at 5.15pm. The envoy stayed 70 minutes."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


def test_hedged_length_allows_some_slack(nlp):
    text = "Voting opened at 8am and closed at 9.55am, after about two hours."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


@pytest.mark.parametrize("stated, status", [("three weeks", "consistent"), ("five weeks", "inconsistent")])
def test_stated_length_against_two_dates(nlp, stated, status):
    text = f"The inquiry sat for {stated}, from 4 March 2024 to 25 March 2024."
    assert only(checks_of(nlp, text), "duration").status == status


def test_clock_times_of_another_story_are_not_compared(nlp):
    assert not checks_of(nlp, "Polls opened at 7am and closed at 8pm. Counting took about three hours.")


def test_no_duration_check_without_two_clock_times(nlp):
    assert not checks_of(nlp, "The storm lasted 40 minutes and flooded the road at 6pm.")


@pytest.mark.parametrize("stated, status", [("11 years", "consistent"), ("seven years", "inconsistent")])
def test_years_since_a_date(nlp, stated, status):
    check = only(checks_of(nlp, f"It has been {stated} since the 2013 floods."), "elapsed")
    assert check.status == status and check.about == [stated, "2013"]


def test_elapsed_needs_a_publication_date(nlp):
    assert not checks_of(nlp, "It has been 11 years since the 2013 floods.", published=None)


@pytest.mark.parametrize("age, status", [("62", "consistent"), ("58", "inconsistent")])
def test_age_against_birth_year(nlp, age, status):
    text = f"Margaret Hughes, {age}, runs the bakery. Hughes was born in 1961 in Cardiff."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and "1961" in check.about


def test_age_written_before_the_name(nlp):
    text = "The 45-year-old Tomas Berg was born on 2 May 1978."
    assert only(checks_of(nlp, text), "age").status == "consistent"


@pytest.mark.parametrize("women, status", [("13", "consistent"), ("15", "inconsistent")])
def test_parts_against_a_total_stated_first(nlp, women, status):
    text = f"The jury of 20 jurors was made up of 7 men and {women} women."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status


def test_parts_short_of_an_open_total_are_not_judged(nlp):
    assert not [c for c in checks_of(nlp, "Police detained 30 people, including 8 students and 4 teachers.")
                if c.kind == "total"]


def test_parts_beyond_an_open_total_are_inconsistent(nlp):
    text = "Police detained 10 people, including 8 students and 4 teachers."
    assert only(checks_of(nlp, text), "total").status == "inconsistent"


@pytest.mark.parametrize("last, status", [("21", "consistent"), ("29", "inconsistent")])
def test_parts_before_a_total(nlp, last, status):
    text = f"The fund gave grants to 14 schools and {last} clinics, a total of 35 projects."
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("shares, status", [
    ("55% backed the plan, 38% opposed it and 7% were undecided", "consistent"),
    ("55% backed the plan, 48% opposed it and 7% were undecided", "inconsistent"),
    ("41% backed the plan, 32% opposed it and the rest were unsure", "consistent"),
    ("71% backed the plan, 32% opposed it and the rest were unsure", "inconsistent"),
])
def test_percentages_of_one_whole(nlp, shares, status):
    check = only(checks_of(nlp, f"In the survey, {shares}."), "percentages")
    assert check.status == status


def test_unrelated_percentages_are_not_judged(nlp):
    assert not checks_of(nlp, "Inflation rose 3% while wages grew 2%.")


def test_only_the_length_nearest_two_clock_times_is_compared_with_them(nlp):
    text = ("The ferry left at 9.15am and docked at 11.05am, a one-hour-50-minute crossing that usually "
            "takes 70 minutes.")
    check = only(checks_of(nlp, text), "duration")
    assert check.status == "consistent" and "one-hour-50-minute" in check.about


@pytest.mark.parametrize("age, status", [("76", "consistent"), ("79", "inconsistent")])
def test_age_at_death_against_birth_date(nlp, age, status):
    text = f"Walter Brisk, the painter, has died aged {age}. Brisk was born on 2 May 1947 in Hull."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and f"aged {age}" in check.about[0]


@pytest.mark.parametrize("total, status", [("£31m", "consistent"), ("£35m", "inconsistent")])
def test_sums_of_money_against_their_total(nlp, total, status):
    text = f"The trust gave £18m to research, £9m to new wards and £4m to staff training, a total of {total}."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[0] == total


def test_sums_in_another_currency_are_not_parts_of_a_total(nlp):
    text = "The club paid €3m for the striker and €2m for the keeper, a total of $5m."
    assert not [check for check in checks_of(nlp, text) if check.kind == "total"]


def test_parts_with_longer_phrases_between_them_are_one_list(nlp):
    text = "She took 12 wickets this summer, including 8 in the county game and 5 in the final."
    assert only(checks_of(nlp, text), "total").status == "inconsistent"


@pytest.mark.parametrize("stated, status", [("26 years ago", "consistent"), ("30 years ago", "inconsistent")])
def test_a_date_against_its_years_ago(nlp, stated, status):
    text = f"The mill last made cloth in 1998, {stated}."
    check = only(checks_of(nlp, text), "elapsed")
    assert check.status == status and check.about == [stated, "1998"]


@pytest.mark.parametrize("age, status", [("114", "consistent"), ("120", "inconsistent")])
def test_age_of_a_thing_against_the_year_it_was_built(nlp, age, status):
    check = only(checks_of(nlp, f"The pier, built in 1910, is {age} years old."), "age")
    assert check.status == status and check.about == [f"{age} years old", "1910"]


def test_an_age_said_of_someone_else_is_not_the_thing_s(nlp):
    assert not checks_of(nlp, "The charity, set up in 1985 by a 30-year-old nurse, has grown.")


def test_a_hyphenated_length_with_a_half_against_two_clock_times(nlp):
    text = "The bus left at 8.10am and arrived at 11.40am, a three-and-a-half-hour ride."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


@pytest.mark.parametrize("abstained, status", [("4", "consistent"), ("6", "inconsistent")])
def test_a_sentence_opening_on_its_whole(nlp, abstained, status):
    text = f"Of the board's 15 members, 7 voted for the merger, 3 against and {abstained} abstained, with one absent."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[0] == "15 members"


@pytest.mark.parametrize("third, status", [("900", "consistent"), ("700", "inconsistent")])
def test_a_colon_lists_the_parts_of_a_whole(nlp, third, status):
    text = f"The charity has 4,000 volunteers: 2,500 in Wales, 600 in Cornwall and {third} in Devon."
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("stated, status", [("nine years later", "consistent"), ("six years later", "inconsistent")])
def test_a_date_counted_from_another_against_the_date_beside_it(nlp, stated, status):
    check = only(checks_of(nlp, f"The band formed in 1971 and split {stated}, in 1980."), "elapsed")
    assert check.status == status and check.about == ["1971", stated, "1980"]


@pytest.mark.parametrize("stated, status", [("16 years", "consistent"), ("12 years", "inconsistent")])
def test_a_length_running_until_a_date_from_the_date_before_it(nlp, stated, status):
    text = f"In 1994 he became the club's coach, a job he kept for {stated} until his move abroad in 2010."
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status and check.about == ["1994", "2010", stated]


@pytest.mark.parametrize("stated, status", [("31 years", "consistent"), ("35 years", "inconsistent")])
def test_a_length_told_after_the_second_date_runs_from_the_first(nlp, stated, status):
    text = f"The pair opened the cafe in 1982 and sold it in 2013, after {stated} of trading."
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status and check.about == ["1982", "2013", stated]


def test_a_length_after_a_date_that_belongs_to_another_stretch_is_not_judged(nlp):
    assert not checks_of(nlp, "He came to the firm in 1990 and in 2005, after ten years as a trader, he led it.")


@pytest.mark.parametrize("stated, status", [("six years", "consistent"), ("four years", "inconsistent")])
def test_a_length_against_dates_bounding_a_change_in_figures(nlp, stated, status):
    text = f"Fares rose in {stated}, from £3 in 2018 to £5 in 2024."
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status and check.about == ["2018", "2024", stated]


def test_a_length_ending_at_midnight(nlp):
    check = only(checks_of(nlp, "The vigil began at 8pm and ended at midnight, after four hours."), "duration")
    assert check.status == "consistent" and "20:00 → 24:00" in check.working


@pytest.mark.parametrize("years, status", [("2004 to 2024", "consistent"), ("2004 to 2019", "inconsistent")])
def test_decades_against_two_years(nlp, years, status):
    assert only(checks_of(nlp, f"The survey ran for two decades, from {years}."), "duration").status == status


@pytest.mark.parametrize("against, status", [("44%", "consistent"), ("38%", "inconsistent")])
def test_shares_with_no_view_numbered_make_the_whole(nlp, against, status):
    text = f"Asked about the plan, 50% backed it, {against} opposed it and 6% had no view."
    assert only(checks_of(nlp, text), "percentages").status == status


@pytest.mark.parametrize("loser, status", [("42%", "consistent"), ("45%", "inconsistent")])
def test_a_head_to_head_split_of_shares(nlp, loser, status):
    assert only(checks_of(nlp, f"Smith won 58% to Jones's {loser}."), "percentages").status == status


def test_a_share_far_from_a_breakdown_is_not_part_of_it(nlp):
    text = ("With 90% of the votes counted by late evening, Smith had 51.2% to Jones's 46.1%, with independent "
            "candidate Ann Lee taking 2.7%.")
    check = only(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and check.about == ["51.2%", "46.1%", "2.7%"]


@pytest.mark.parametrize("against, status", [("12", "consistent"), ("15", "inconsistent")])
def test_a_sentence_opening_on_a_whole_described_at_length(nlp, against, status):
    text = f"Of the 30 nurses who were asked, 18 agreed and {against} disagreed."
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("age, status", [("87", "consistent"), ("89", "inconsistent")])
def test_a_birth_date_in_an_opening_clause_is_the_subject_s(nlp, age, status):
    text = f"Jane Hale has died aged {age}. Born in York on 3 May 1936, Hale trained as a nurse."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and "3 May 1936" in check.about


@pytest.mark.parametrize("age, status", [("25", "consistent"), ("30", "inconsistent")])
def test_an_age_at_a_date_beside_it(nlp, age, status):
    text = f"Tom Reed was born in 1950. He joined the band in 1975, at the age of {age}."
    check = only(checks_of(nlp, text), "age")
    assert check.status == status and check.about[-1] == "1975"


def test_an_age_at_death_beside_an_old_date_is_not_counted_to_publication(nlp):
    check = only(checks_of(nlp, "Tom Reed, who was born in 1900, died in 1970, aged 70."), "age")
    assert check.status == "consistent" and "1970" in check.about


@pytest.mark.parametrize("stated, status", [("15 minutes", "consistent"), ("25 minutes", "inconsistent")])
def test_a_length_after_a_thing_runs_from_its_clock_time(nlp, stated, status):
    text = (f"Smoke was seen at 8.40pm. Police were called at 9.05pm. Officers arrived at 9.20pm, {stated} "
            "after the call.")
    check = only(checks_of(nlp, text), "duration")
    assert check.status == status and check.about[:2] == ["9.05pm", "9.20pm"]


def test_a_length_after_a_clause_runs_from_its_verb_s_clock_time(nlp):
    text = ("The plane left Rome at 1.05pm and landed at 4.10pm. It took off again at 6.40pm, two and a half "
            "hours after it landed.")
    assert only(checks_of(nlp, text), "duration").status == "consistent"


def test_a_clock_time_restated_in_another_zone_is_one_moment(nlp):
    text = "Polls closed at 7pm local time, or 10pm ET, and counting took more than two hours."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


def test_clock_times_listed_with_and_are_not_a_stretch(nlp):
    text = "Buses leave at 7.10am and 6.50pm every day, and the trip takes about four hours."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


@pytest.mark.parametrize("text", [
    "The trial opened at 9.20am and closed at 10.50am. The 90-minute hearing heard two witnesses.",
    "It lasted 90 minutes. The panel sat down at 9.20am and rose at 10.50am.",
])
def test_a_length_of_a_thing_told_beside_the_clock_times(nlp, text):
    check = only(checks_of(nlp, text), "duration")
    assert check.status == "consistent" and check.about[:2] == ["9.20am", "10.50am"]


def test_clock_times_whose_days_were_guessed_run_in_the_order_told(nlp):
    text = "The market opened at 9am and shut at 1pm on Monday, four hours of trading."
    assert only(checks_of(nlp, text, published="2024-03-14"), "duration").status == "consistent"


def test_a_head_to_head_split_names_the_other_side_with_the(nlp):
    text = "The Greens won 45 per cent of the seats to the Liberals' 55 per cent."
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


@pytest.mark.parametrize("against, status", [("35", "consistent"), ("45", "inconsistent")])
def test_a_share_written_in_words(nlp, against, status):
    text = f"Sixty-five per cent of staff voted yes and {against} per cent voted no."
    assert only(checks_of(nlp, text), "percentages").status == status


def test_shares_written_as_fractions(nlp):
    text = "Half of the grant pays for teachers, a quarter of it for books and 25% for repairs."
    check = only(checks_of(nlp, text), "percentages")
    assert check.status == "consistent" and check.about == ["Half", "a quarter", "25%"]


def test_a_share_whose_verb_is_left_out_measures_the_same_whole(nlp):
    check = only(checks_of(nlp, "Women hold 37.5% of the posts and men 62.5%."), "percentages")
    assert check.status == "consistent"


def test_shares_of_different_places_side_by_side_are_not_one_whole(nlp):
    assert not checks_of(nlp, "Turnout reached 70% in the north and 30% in the south.")


def test_the_rest_told_far_off_or_in_the_next_sentence_closes_the_list(nlp):
    far = "Some 40% of the members said they would walk to the meeting, while the remaining 60% would drive."
    assert only(checks_of(nlp, far), "percentages").status == "consistent"
    next_sentence = "In the survey 20% said yes and 70% said no. The rest, 10%, did not answer."
    assert only(checks_of(nlp, next_sentence), "percentages").status == "consistent"


def test_other_parties_close_a_breakdown(nlp):
    text = "Among young voters, 50% chose Labour, 40% the Tories and 20% other parties."
    assert only(checks_of(nlp, text), "percentages").status == "inconsistent"


@pytest.mark.parametrize("text, status", [
    ("The £9m fund was split between £5m for roads and £4m for bridges.", "consistent"),
    ("The 30 finalists included 20 women and 12 men.", "inconsistent"),
    ("Nine boats sank: six yachts and three ferries.", "consistent"),
])
def test_more_words_that_name_parts(nlp, text, status):
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("last, status", [("12", "consistent"), ("10", "inconsistent")])
def test_the_remaining_part_makes_up_the_whole(nlp, last, status):
    text = f"The club sold 40 tickets this week, 28 to members and the remaining {last} to guests."
    check = only(checks_of(nlp, text), "total")
    assert check.status == status and check.about[0] == "40 tickets"


def test_a_sum_of_money_opening_the_sentence_as_the_whole(nlp):
    text = "Of the $8m raised, $5m came from donors and the other $3m from the state."
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_parts_told_after_a_total(nlp):
    text = "A total of 45 trees were felled, 30 in the park and 15 along the river."
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_a_whole_told_in_the_sentence_before_its_parts(nlp):
    text = "The firm booked sales of $7bn. Cars made up $4bn of the total, with trucks at $2bn and buses at $2bn."
    assert only(checks_of(nlp, text), "total").status == "inconsistent"


def test_a_total_told_in_the_sentence_after_its_parts(nlp):
    text = "The shop sold 200 bikes in April and 300 in May. That took its total for spring to 500."
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_a_total_with_unrelated_figures_in_the_sentence_before_raises_nothing(nlp):
    assert not checks_of(nlp, "Storms hit 3 towns and 12 villages. A total of 90 homes were damaged.")


@pytest.mark.parametrize("text", [
    "Joan Pike, who is 70, was born in 1953.",
    "Born in 1953 in Derby, Joan Pike is now 70 and still teaches.",
    "Joan Pike was born in 1953. At 70, she still teaches.",
])
def test_more_ways_to_state_an_age_now(nlp, text):
    assert only(checks_of(nlp, text), "age").status == "consistent"


def test_an_age_turned_at_a_date(nlp):
    check = only(checks_of(nlp, "Joan Pike, who turned 50 in May 2020, was born in 1960."), "age")
    assert check.status == "inconsistent" and "May 2020" in check.about


def test_an_age_in_ordinal_years_at_death(nlp):
    text = "Joan Pike, who was born in 1952, died on Monday in her 72nd year."
    assert only(checks_of(nlp, text), "age").status == "consistent"


def test_an_age_told_in_the_past_tense_opening_is_not_an_age_now(nlp):
    assert not checks_of(nlp, "Joan Pike was born in 1953. At 20, she moved to Leeds.")


def test_a_decade_ago_beside_its_date(nlp):
    check = only(checks_of(nlp, "In June 2014, a decade ago, the pier burned down."), "elapsed")
    assert check.status == "consistent"


def test_a_date_that_was_so_long_ago(nlp):
    text = "The last flood, in 2001, was 30 years ago."
    assert only(checks_of(nlp, text), "elapsed").status == "inconsistent"


@pytest.mark.parametrize("text, status", [
    ("Three decades after the strike of 1994, the pit has become a museum.", "consistent"),
    ("The pair wed in 1984 and are marking 40 years of marriage this week.", "consistent"),
    ("The pool, which shut in 2016, reopens on Monday after five years.", "inconsistent"),
])
def test_a_length_up_to_now_from_the_date_of_its_sentence(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


@pytest.mark.parametrize("text", [
    "The law, passed in 2014, expires after 10 years.",
    "The crew that came in 2023 leaves on Friday after a year-long stay.",
])
def test_a_length_of_something_else_is_not_counted_to_now(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.kind == "elapsed"]


@pytest.mark.parametrize("stated, status", [("14 months", "consistent"), ("two years", "inconsistent")])
def test_a_length_between_two_months(nlp, stated, status):
    text = f"He led the team from March 2021 to May 2022, {stated} in all."
    assert only(checks_of(nlp, text), "duration").status == status


def test_an_age_turned_is_not_counted_at_the_birth_date_before_it(nlp):
    check = only(checks_of(nlp, "Ann Cole, who was born in 1950, turned 70 in June 2020."), "age")
    assert check.status == "consistent" and "June 2020" in check.about


def test_an_age_in_a_present_tense_phrase_is_an_age_now(nlp):
    assert only(checks_of(nlp, "Ann Cole, born in 1950, turns 74 this week."), "age").status == "consistent"


@pytest.mark.parametrize("text", [
    "Some 300 people came, 180 women and 120 men.",
    "The shop sold 40 bikes on Friday and 60 on Saturday, 100 over the weekend.",
])
def test_a_list_opening_or_closing_on_its_sum(nlp, text):
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_a_list_whose_last_item_happens_to_be_the_sum_is_no_total(nlp):
    assert not checks_of(nlp, "The judges gave scores of 10, 20 and 30.")


@pytest.mark.parametrize("text, status", [
    ("A £10m fund will be shared between schools (£6m) and roads (£5m).", "inconsistent"),
    ("Of the 50 people who were on the bus, 30 were hurt and 20 were unhurt.", "consistent"),
])
def test_parts_in_brackets_and_a_whole_described_at_more_length(nlp, text, status):
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("text, status", [
    ("Three-quarters of the cash goes to wages and a quarter to rent.", "consistent"),
    ("She won 55% to her rival's 45%.", "consistent"),
    ("Some 60 per cent voted to strike and 45 per cent to stay.", "inconsistent"),
    ("Forty per cent of the land is farmed, 30 per cent is forest and the rest, 15 per cent, is urban.", "inconsistent"),
])
def test_more_shares_of_one_whole(nlp, text, status):
    assert only(checks_of(nlp, text), "percentages").status == status


@pytest.mark.parametrize("text, status", [
    ("The mill shut in 1994, exactly 30 years ago.", "consistent"),
    ("In 2006, nearly two decades ago, the mine shut.", "consistent"),
    ("The town has waited 20 years for a bypass since the plan was drawn up in 2010.", "inconsistent"),
    ("The pair, who met in 1984, have been together for 40 years.", "consistent"),
    ("The choir, formed in 1974, is touring to mark 50 years together.", "consistent"),
])
def test_more_ways_to_count_up_to_now(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


def test_a_length_for_years_to_come_is_not_counted_to_now(nlp):
    assert not checks_of(nlp, "The deal, signed in 2020, will run for 10 years.")


def test_clock_times_on_two_told_days_are_not_one_stretch(nlp):
    text = "The first vote was on Monday at 9am and the second at 2pm on Thursday, after a two-hour debate."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


def test_a_length_of_a_new_thing_is_not_the_stretch_of_the_clock_times(nlp):
    text = "The gallery opens at 9am and shuts at 6pm, and a full visit takes 90 minutes."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


def test_a_length_later_counts_on_from_the_clock_time_told_first(nlp):
    text = "The ferry left at 10pm on Friday and docked at 2am, four hours later."
    assert only(checks_of(nlp, text), "duration").status == "consistent"


@pytest.mark.parametrize("text, status", [
    ("The 300 places come in two rounds: 200 this spring and 100 next year.", "consistent"),
    ("The £9m plan - £5m for parks and £3m for pools - was agreed.", "inconsistent"),
    ("The appeal raised £4m, with £3m from the public and £1m from firms.", "consistent"),
    ("The firm built 40 flats in 2022 and 60 in 2023, bringing the total to 100.", "consistent"),
])
def test_more_lists_of_parts(nlp, text, status):
    assert only(checks_of(nlp, text), "total").status == status


@pytest.mark.parametrize("text", [
    "The appeal raised £4m, with £3m from the public and £2m from firms.",
    "He won 332 votes, 62 more than the 270 needed.",
])
def test_figures_that_need_not_add_up_raise_nothing(nlp, text):
    assert not checks_of(nlp, text)


@pytest.mark.parametrize("text", [
    "One in five pupils walks to school; four-fifths of pupils come by car.",
    "Imports account for 30% of supply and local farms for 70%.",
    "The bill passed by 64% to 36%.",
])
def test_more_shares_that_make_a_whole(nlp, text):
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


def test_shares_of_a_whole_named_only_on_a_later_one_are_not_a_breakdown(nlp):
    assert not checks_of(nlp, "Rents rose 7% in Leeds, 3% in York and 90% of tenants were worried.")


def test_a_life_span_after_a_name_dates_the_birth(nlp):
    check = only(checks_of(nlp, "Ada Kerr (1920-2024) died on Sunday aged 95."), "age")
    assert check.status == "inconsistent" and "1920" in check.about


def test_an_age_when_something_happened_at_a_date(nlp):
    text = "Ada Kerr, born in 1960, was 45 when she won the prize in 2005."
    check = only(checks_of(nlp, text), "age")
    assert check.status == "consistent" and "2005" in check.about


def test_years_on_from_a_date(nlp):
    text = "Six years on from the 2018 fire, the hall is being rebuilt."
    assert only(checks_of(nlp, text), "elapsed").status == "consistent"


def test_a_pronoun_goes_on_about_the_clock_time_of_the_sentence_before(nlp):
    text = "The panel withdrew at 10am. After talking for two hours, it came back at 12.30pm."
    assert only(checks_of(nlp, text), "duration").status == "inconsistent"


@pytest.mark.parametrize("text, status", [
    ("Eva Lund, now 50, was born in 1960.", "inconsistent"),
    ("Eva Lund, who retired in May, is 64. She has lived in Leeds all her life and was born there in 1959.",
     "consistent"),
])
def test_an_age_after_a_name_and_a_clause(nlp, text, status):
    assert only(checks_of(nlp, text), "age").status == status


@pytest.mark.parametrize("text", [
    "Twenty-four boats sailed, 12 from Spain, six from Italy and six from Malta.",
    "The bank lent £900: £500 to shops and the rest, £400, to cafes.",
])
def test_lists_with_compound_number_words_and_the_rest(nlp, text):
    assert only(checks_of(nlp, text), "total").status == "consistent"


def test_the_other_share_closes_a_split(nlp):
    text = "The club keeps 70% of the fee and the agent the other 30%."
    assert only(checks_of(nlp, text), "percentages").status == "consistent"


@pytest.mark.parametrize("text, status", [
    ("Ten years after the 2014 games, the stadium is empty.", "consistent"),
    ("Since 2004, some 30 years, the pair have run the shop.", "inconsistent"),
    ("In 2019 - three years ago - the mill shut.", "inconsistent"),
])
def test_still_more_ways_to_count_up_to_now(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


@pytest.mark.parametrize("text", [
    "Ann had 40 percent to 55 percent against, and Bob had 60 percent to her 30 percent against.",
    "Ann is liked (40 percent to 50 percent) and Bob is not (20 percent to 70 percent), though 30 percent had no opinion.",
    "Some 50% backed it -- including 10% who were keen -- and 50% were against.",
    "While only 8 percent said they are undecided, 30 percent of those who named a candidate said they could switch.",
])
def test_shares_of_different_wholes_in_one_sentence(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.status == "inconsistent"]


def test_fraction_shares_are_too_loose_to_be_proved_wrong(nlp):
    assert not checks_of(nlp, "About half of voters back Cole, while 6 in 10 are against him.")


@pytest.mark.parametrize("text", [
    "Sales rose 4% in the first 10 months of the year compared to the same period in 2021.",
    "Two weeks after the rally on Thursday, the party split.",
    "It has been more than a month since the start of 2024.",
])
def test_no_length_up_to_now_from_a_date_too_recent_or_a_stretch_of_its_own(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.kind == "elapsed"]


def test_weeks_are_counted_in_days(nlp):
    text = "The talks opened on 1 March 2024 and closed nearly two weeks later, on 13 March 2024."
    assert only(checks_of(nlp, text), "elapsed").status == "consistent"


def test_a_length_in_weekends_is_no_unit_to_count_by(nlp):
    assert checks_of(nlp, "Protests are planned for the coming weekend.") == []


def test_a_share_in_brackets_beside_words_stays_in_its_list(nlp):
    text = "Just over half (51%) of members back the deal, 45% oppose it and 4% are unsure."
    shares, words = checks_of(nlp, text)
    assert shares.about == ["51%", "45%", "4%"] and shares.status == "consistent"
    assert words.about == ["just over half", "51%"] and words.status == "consistent"


def test_everything_else_closes_a_breakdown(nlp):
    text = "Some 40% of the grant goes on staff, 30% on rent and 35% on everything else."
    assert only(checks_of(nlp, text), "percentages").status == "inconsistent"


def test_a_length_each_of_them_takes_is_no_stretch(nlp):
    text = "The ferry sails at 10.30pm and the return at 7.15am; each takes about nine hours."
    assert not [check for check in checks_of(nlp, text) if check.kind == "duration"]


@pytest.mark.parametrize("text, status", [
    ("The pit closed in 1974, half a century ago.", "consistent"),
    ("The shop, opened in 2000, has spent 30 years on the high street.", "inconsistent"),
    ("A decade after the 2014 vote, the country is still divided.", "consistent"),
])
def test_yet_more_ways_to_count_up_to_now(nlp, text, status):
    assert only(checks_of(nlp, text), "elapsed").status == status


@pytest.mark.parametrize("text", [
    "Other recent polls show a 56% and 54% approval rating.",
    "Voters go 60 percent or 70 percent one way or the other.",
    "Support rose from 40 percent in May to 62 percent in June, on the other hand.",
    "Ames must win 53 percent of the remaining seats, Bell 59 percent and Cobb 68 percent.",
])
def test_shares_that_are_not_one_breakdown(nlp, text):
    assert not [check for check in checks_of(nlp, text) if check.kind == "percentages"]


def test_a_sentence_on_the_rest_of_a_field_is_not_its_last_share(nlp):
    text = "Ames polled seven percent. The rest of the field polled below five percent."
    assert not checks_of(nlp, text)


def test_a_proportion_is_not_two_counts(nlp):
    text = "He needs 1,237 to clinch: Six in 10 Republicans back him."
    assert not checks_of(nlp, text)


@pytest.mark.parametrize("age, status", [("80", "consistent"), ("84", "inconsistent")])
def test_an_age_at_death_in_a_relative_clause_belongs_to_the_one_it_hangs_on(nlp, age, status):
    text = f"Ann Hale, who has died aged {age}, taught for 40 years. She was born in Leeds on 2 March 1946."
    assert only(checks_of(nlp, text, published="2026-10-03"), "age").status == status
