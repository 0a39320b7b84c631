"""Time expressions and their TIMEX3 values (times/expressions.py, grammar.py and its normalisers), each rule on a short sentence."""

from __future__ import annotations

import pytest

from newsfacts import timex

from time_helpers import found, times_of


@pytest.mark.parametrize("text, expected", [
    # deictic days and clock times
    ("The mayor resigned today.", ("today", "DATE", "2024-03-14")),
    ("The mayor resigned yesterday.", ("yesterday", "DATE", "2024-03-13")),
    ("The vote is tomorrow.", ("tomorrow", "DATE", "2024-03-15")),
    ("Fire crews arrived at 7.45pm.", ("7.45pm", "TIME", "2024-03-14T19:45")),
    ("The train left at 10:05 a.m.", ("10:05 a.m.", "TIME", "2024-03-14T10:05")),
    ("The shop shuts at noon.", ("noon", "TIME", "2024-03-14T12:00")),
    ("Storms hit last night.", ("last night", "TIME", "2024-03-13TNI")),
    ("She spoke on Tuesday morning.", ("Tuesday morning", "TIME", "2024-03-12TMO")),
    # weekdays follow the tense
    ("The board met on Monday.", ("Monday", "DATE", "2024-03-11")),
    ("The board will meet on Monday.", ("Monday", "DATE", "2024-03-18")),
    ("The council votes next Tuesday.", ("next Tuesday", "DATE", "2024-03-19")),
    ("The council voted last Friday.", ("last Friday", "DATE", "2024-03-08")),
    # months: the last one in past narration, the next one in future
    ("The factory closed in November.", ("November", "DATE", "2023-11")),
    ("The factory will close in November.", ("November", "DATE", "2024-11")),
    ("The plant opened in early February.", ("early February", "DATE", "2024-02")),
    ("The treaty was signed on 3 June 1998.", ("3 June 1998", "DATE", "1998-06-03")),
    ("The bill passed on Jan. 9.", ("Jan. 9", "DATE", "2024-01-09")),
    ("Prices peaked in October 2021.", ("October 2021", "DATE", "2021-10")),
    # weeks, years, quarters, seasons, decades, centuries
    ("Talks broke down earlier this week.", ("earlier this week", "DATE", "2024-W11")),
    ("Profits fell last year.", ("last year", "DATE", "2023")),
    ("The minister quit last week after a row.", ("last week", "DATE", "2024-W10")),
    ("Protesters gathered over the weekend.", ("the weekend", "DATE", "2024-W10-WE")),
    ("Sales rose this month.", ("this month", "DATE", "2024-03")),
    ("Turnover grew in the second quarter of 2022.", ("the second quarter of 2022", "DATE", "2022-Q2")),
    ("Tourists flocked there last summer.", ("last summer", "DATE", "2023-SU")),
    ("The band peaked in the 1980s.", ("the 1980s", "DATE", "198")),
    ("The bridge dates from the 18th century.", ("the 18th century", "DATE", "17")),
    ("The mill closed in 1987.", ("1987", "DATE", "1987")),
    ("The museum opened three years ago.", ("three years ago", "DATE", "2021")),
    # durations, exact and fuzzy
    ("The strike lasted 19 days.", ("19 days", "DURATION", "P19D")),
    ("The speech ran for 40 minutes.", ("40 minutes", "DURATION", "PT40M")),
    ("Repairs took a few hours.", ("a few hours", "DURATION", "PTXH")),
    ("Talks dragged on for several months.", ("several months", "DURATION", "PXM")),
    ("He served almost nine years.", ("nine years", "DURATION", "P9Y")),  # the hedge stays outside
    ("The race took two hours and 12 minutes.", ("two hours and 12 minutes", "DURATION", "PT2H12M")),
    ("The meeting lasted half an hour.", ("half an hour", "DURATION", "PT30M")),
    ("The crew came a quarter of an hour later.", ("a quarter of an hour", "DURATION", "PT15M")),
    ("The talks lasted two hours and a quarter.", ("two hours and a quarter", "DURATION", "PT2H15M")),
    ("She began a six-month course.", ("six-month", "DURATION", "P6M")),
    # TimeBank writes "recent weeks" as a length of unstated size
    ("Rents have soared in recent years.", ("recent years", "DURATION", "PXY")),
    ("The firm is now profitable.", ("now", "DATE", "PRESENT_REF")),
    # holidays, from their calendar rules
    ("The shop shut last Christmas.", ("last Christmas", "DATE", "2023-12-25")),
    ("Families met on Thanksgiving 2022.", ("Thanksgiving 2022", "DATE", "2022-11-24")),
    ("The church will be full at Easter.", ("Easter", "DATE", "2024-03-31")),
    # sets
    ("The ferry sails every Sunday.", ("every Sunday", "SET", "XXXX-WXX-7")),
    ("The paper is printed daily.", ("daily", "SET", "P1D")),
    ("The club meets twice a month.", ("twice a month", "SET", "P1M")),
    ("The ferry sails every weekday.", ("every weekday", "SET", "P1D")),
    # a night without a named day, and a sporting season
    ("Rivers burst their banks overnight.", ("overnight", "TIME", "2024-03-13TNI")),
    ("The striker has scored nine goals this season.", ("this season", "DATE", "PRESENT_REF")),
])
def test_expression_is_found_with_its_value(nlp, text, expected):
    assert expected in found(nlp, text)


def test_unstated_meridiem_follows_the_story_s_other_clock_times(nlp):
    times = found(nlp, "The convoy left at 4.35 and reached the border at 5.50pm.")
    assert ("4.35", "TIME", "2024-03-14T16:35") in times


def test_unstated_meridiem_follows_a_morning_in_the_sentence(nlp):
    assert ("7.10 that morning", "TIME", "2024-03-14T07:10") in found(nlp, "The first bus came at 7.10 that morning.")


def test_clock_time_takes_the_day_named_in_its_sentence(nlp):
    assert ("9pm", "TIME", "2024-03-12T21:00") in found(nlp, "The fire started on Tuesday and had spread by 9pm.")


def test_range_of_years_gives_two_dates(nlp):
    times = found(nlp, "He was mayor in 2001-05.")
    assert ("2001", "DATE", "2001") in times and ("05", "DATE", "2005") in times


def test_range_of_durations_gives_two_durations(nlp):
    times = found(nlp, "The work could take between 6 and 9 months.")
    assert ("6", "DURATION", "P6M") in times and ("9 months", "DURATION", "P9M") in times


def test_without_publication_date_relative_expressions_stay_unresolved(nlp):
    times = found(nlp, "The board met on Monday, earlier this week, and again yesterday.", published=None)
    assert ("Monday", "DATE", "XXXX-WXX-1") in times
    assert ("earlier this week", "DATE", "XXXX-WXX") in times
    assert ("yesterday", "DATE", "XXXX-XX-XX") in times


def test_without_publication_date_a_two_digit_decade_keeps_its_century_open(nlp):
    assert ("the '20s", "DATE", "XX2") in found(nlp, "Jazz boomed in the '20s.", published=None)
    assert ("the '20s", "DATE", "192") in found(nlp, "Jazz boomed in the '20s.", published="2019-05-01")


def test_today_without_publication_date_is_the_present(nlp):
    assert ("today", "DATE", "PRESENT_REF") in found(nlp, "The mayor resigned today.", published=None)


@pytest.mark.parametrize("text, false_friend", [
    ("Ministers may resign over the plan.", "may"),
    ("Theresa May visited the town.", "May"),
    ("The company sold 2,019 cars.", "2,019"),
    ("The 34-year-old was arrested.", "34-year"),
    ("Tickets cost $2010 each.", "2010"),
    ("Police found a second device.", "a second"),
    ("She told USA TODAY on the phone.", "TODAY"),
    ("Turnout fell in the past nine elections.", "the past"),
    ("Ships docked at Christmas Island.", "Christmas"),
    ("The side led in the first half.", "the first half"),
    ("A quarter of the staff work from home.", "A quarter"),
])
def test_false_friends_are_not_times(nlp, false_friend, text):
    assert not any(false_friend in t.text or t.text in false_friend for t in times_of(nlp, text))


def test_expressions_do_not_overlap(nlp):
    times = times_of(nlp, "On Friday, March 8, 2024, at 3pm, the mayor resigned after five years.")
    spans = sorted((t.start, t.end) for t in times)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert ("Friday, March 8, 2024", "DATE", "2024-03-08") in [(t.text, t.type, t.value) for t in times]


@pytest.mark.parametrize("text, expected", [
    ("The ship sank on 2 May 2019. The day before, a storm hit.", ("The day before", "DATE", "2019-05-01")),
    ("The ship sank on 2 May 2019. The next day divers arrived.", ("The next day", "DATE", "2019-05-03")),
    ("The ship sank on 2 May 2019. The crew had slept well the night before.",
     ("the night before", "TIME", "2019-05-01TNI")),
    ("The ship sank on 2 May 2019. Divers came back that evening.", ("that evening", "TIME", "2019-05-02TEV")),
    ("The ship sank on 2 May 2019. Two days later the owners were charged.",
     ("Two days later", "DATE", "2019-05-04")),
    ("The dam opened in 1971 and burst nine years later.", ("nine years later", "DATE", "1980")),
    ("The deal closed in June 2022. Six months earlier it had stalled.", ("Six months earlier", "DATE", "2021-12")),
])
def test_expression_counts_from_the_date_mentioned_last(nlp, text, expected):
    assert expected in found(nlp, text)


def test_without_an_earlier_date_the_day_before_counts_from_publication(nlp):
    assert ("the day before", "DATE", "2024-03-13") in found(nlp, "Rain had fallen the day before.")


def test_a_date_too_coarse_to_count_days_from_leaves_them_unresolved(nlp):
    assert ("Two days later", "DATE", "XXXX-XX-XX") in found(nlp, "The mine shut in 2009. Two days later it flooded.")


def test_the_day_after_a_named_event_stays_unresolved(nlp):
    assert ("the day", "DATE", "XXXX-XX-XX") in found(nlp, "He resigned on 2 May 2019. He left the day after the vote.")


def test_minutes_later_stay_a_length(nlp):
    assert ("ten minutes", "DURATION", "PT10M") in found(nlp, "The alarm rang at 9pm. Police came ten minutes later.")


def test_clock_time_takes_the_day_mentioned_last_before_its_sentence(nlp):
    times = found(nlp, "Floods hit the town on Sunday. The river burst its banks at 4.10am.")
    assert ("4.10am", "TIME", "2024-03-10T04:10") in times


def test_clock_time_takes_the_day_of_a_part_of_day_in_its_sentence(nlp):
    times = found(nlp, "The council sat on Tuesday night from 7pm until 11pm.")
    assert ("7pm", "TIME", "2024-03-12T19:00") in times


def test_clock_time_after_a_month_keeps_the_publication_date(nlp):
    times = found(nlp, "The club was sold in January. The match kicks off at 3pm.")
    assert ("3pm", "TIME", "2024-03-14T15:00") in times


@pytest.mark.parametrize("text, expected", [
    ("A review held in December found no fault.", ("December", "DATE", "2023-12")),
    ("Fares will rise by 5% starting in February.", ("February", "DATE", "2025-02")),
])
def test_a_participle_takes_the_tense_of_its_clause(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("It was a three-hour-ten-minute flight.", ("three-hour-ten-minute", "DURATION", "PT3H10M")),
    ("The final is a week on Sunday.", ("a week on Sunday", "DATE", "2024-03-24")),
    ("The final is Sunday week.", ("Sunday week", "DATE", "2024-03-24")),
    ("The shop opens six days a week.", ("six days a week", "SET", "P1W")),
    ("The agency's FY2023 budget shrank.", ("FY2023", "DATE", "FY2023")),
    ("Sales fell in fiscal 2022.", ("fiscal 2022", "DATE", "FY2022")),
    ("The burglary happened one Sunday in January.", ("Sunday", "DATE", "XXXX-WXX-7")),
])
def test_expression_is_read_whole(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text, first, second", [
    ("The fair ran on 8 and 9 June 2023.", ("8", "DATE", "2023-06-08"), ("9 June 2023", "DATE", "2023-06-09")),
    ("Talks ran Jan. 4-6, 2022.", ("Jan. 4", "DATE", "2022-01-04"), ("6, 2022", "DATE", "2022-01-06")),
])
def test_two_days_sharing_a_month_are_two_dates(nlp, text, first, second):
    times = found(nlp, text)
    assert first in times and second in times


@pytest.mark.parametrize("text, false_friend", [
    ("The blaze began in the early hours of Friday.", "hours"),
    ("The team reached the final a week ago.", "the final"),
    ("Roads were shut for the weekend of 4 and 5 May.", "the weekend"),
])
def test_words_around_a_time_are_not_times(nlp, text, false_friend):
    assert not any(t.text.startswith(false_friend) for t in times_of(nlp, text))


def test_small_hours_told_after_an_evening_fall_on_the_next_day(nlp):
    times = found(nlp, "The party began on Saturday. Neighbours complained at 11.30pm. Police came at 1.10am.")
    assert ("1.10am", "TIME", "2024-03-10T01:10") in times


def test_small_hours_told_after_a_daytime_hour_keep_its_day(nlp):
    times = found(nlp, "The shop opened on Friday at 9am. Police came at 1.10am.")
    assert ("1.10am", "TIME", "2024-03-08T01:10") in times


def test_a_day_in_another_clause_of_the_sentence_does_not_date_a_clock_time(nlp):
    times = found(nlp, "By 10am, most roads had reopened, officials said, adding that the rest would open tomorrow.")
    assert ("10am", "TIME", "2024-03-14T10:00") in times


def test_small_hours_after_midnight_keep_the_day(nlp):
    times = found(nlp, "The car crashed shortly after midnight. He died at 12.40am.")
    assert ("12.40am", "TIME", "2024-03-14T00:40") in times


@pytest.mark.parametrize("text, expected", [
    ("The inquiry's report is due on 2 February.", ("2 February", "DATE", "2025-02-02")),
    ("A ruling is expected on Monday.", ("Monday", "DATE", "2024-03-18")),
    ("Officials warned that the payment was due on Tuesday.", ("Tuesday", "DATE", "2024-03-19")),
    ("The payment was due on Tuesday but never came.", ("Tuesday", "DATE", "2024-03-12")),
])
def test_a_scheduling_predicate_puts_its_time_ahead(nlp, text, expected):
    assert expected in found(nlp, text)


def test_a_year_earlier_counts_from_a_half_year(nlp):
    assert ("a year earlier", "DATE", "2022") in found(nlp, "Sales fell in the first half of 2023 from a year earlier.")


@pytest.mark.parametrize("text, expected", [
    ("The plant shut on 6 May 2021. The week before, staff had walked out.", ("The week before", "DATE", "2021-W17")),
    ("He was jailed on 6 May 2021 and freed the following month.", ("the following month", "DATE", "2021-06")),
    ("The club was founded in 1902. That year it won the cup.", ("That year", "DATE", "1902")),
])
def test_a_week_month_or_year_counts_from_the_date_mentioned_last(nlp, text, expected):
    assert expected in found(nlp, text)


def test_over_the_following_month_is_a_length(nlp):
    assert ("the following month", "DURATION", "P1M") in found(nlp, "Over the following month, talks went on.")


def test_overnight_before_a_named_day_is_that_day_s_night(nlp):
    assert found(nlp, "Crews will work overnight next Monday.") == [("overnight next Monday", "TIME", "2024-03-18TNI")]


def test_an_overnight_stay_is_not_a_time(nlp):
    assert not found(nlp, "Guests booked an overnight stay.")


def test_days_later_count_from_a_small_hours_clock_time(nlp):
    times = found(nlp, "The blaze began at 11pm on Monday. Crews left at 3am. He was held two days later.")
    assert ("two days later", "DATE", "2024-03-14") in times


def test_a_yearless_day_continues_a_story_told_in_an_earlier_year(nlp):
    times = found(nlp, "The mine flooded on 4 June 2009. Rescuers reached the men on 19 June.")
    assert ("19 June", "DATE", "2009-06-19") in times


def test_a_yearless_day_long_after_an_old_date_takes_the_publication_year(nlp):
    times = found(nlp, "She was born on 4 June 1990. She was elected on 2 February.")
    assert ("2 February", "DATE", "2024-02-02") in times


def test_clock_time_after_a_month_takes_the_lede_s_day(nlp):
    times = found(nlp, "The board met on Monday. Its shares fell in January. The meeting opened at 10am.")
    assert ("10am", "TIME", "2024-03-11T10:00") in times


def test_small_hours_after_a_lede_s_night_fall_on_the_next_day(nlp):
    text = "Gales battered the coast on Sunday night. Rain in January broke records. A wall fell at 2.15am."
    assert ("2.15am", "TIME", "2024-03-11T02:15") in found(nlp, text)


@pytest.mark.parametrize("text, published, expected", [
    ("The trial ran last spring.", "2024-07-02", ("last spring", "DATE", "2024-SP")),
    ("The trial ran last spring.", "2024-04-10", ("last spring", "DATE", "2023-SP")),
    ("The works will finish in late summer.", "2024-11-13", ("late summer", "DATE", "2025-SU")),
])
def test_a_season_is_the_latest_one_over_or_the_next_to_come(nlp, text, published, expected):
    assert expected in found(nlp, text, published)


def test_a_count_of_things_a_year_is_a_rate(nlp):
    assert ("a year", "SET", "P1Y") in found(nlp, "Floods displace 9,000 families a year.")
    assert ("a year", "DURATION", "P1Y") in found(nlp, "They won 4 games in a year.")


def test_a_clock_time_with_a_leading_zero_is_the_24_hour_clock(nlp):
    times = found(nlp, "The engines fired at 02:14 and again at 8.30pm.")
    assert ("02:14", "TIME", "2024-03-14T02:14") in times


def test_a_day_in_brackets_dates_only_the_clock_time_beside_it(nlp):
    times = found(nlp, "The probe landed early on Wednesday. Touchdown, at 03:05 GMT (11:05 p.m. local time "
                       "on Tuesday), was watched live.")
    assert ("03:05 GMT", "TIME", "2024-03-13T03:05") in times
    assert ("11:05 p.m.", "TIME", "2024-03-12T23:05") in times


def test_a_day_a_stretch_runs_since_does_not_date_a_clock_time(nlp):
    times = found(nlp, "The line reopened on Tuesday. The bridge, shut since 2 March, reopened at 6.10am.")
    assert ("6.10am", "TIME", "2024-03-12T06:10") in times


@pytest.mark.parametrize("text, expected", [
    ("Polls close at 8 p.m. ET tonight.", ("8 p.m. ET tonight", "TIME", "2024-03-14T20:00")),
    ("Power came back early Wednesday.", ("early Wednesday", "DATE", "2024-03-13")),
    ("The storm eased late on Tuesday.", ("late on Tuesday", "DATE", "2024-03-12")),
    ("Third-quarter sales fell.", ("Third-quarter", "DATE", "2024-Q3")),
    ("Election Day falls in November.", ("Election Day", "DATE", "2024-11-05")),
])
def test_zones_edges_and_hyphenated_quarters_are_read_whole(nlp, text, expected):
    assert expected in found(nlp, text)


def test_a_second_modifying_a_noun_is_the_ordinal(nlp):
    assert not any(t.text == "A second" for t in times_of(nlp, "A second, longer walk is planned for May."))


def test_would_in_a_reported_clause_looks_ahead(nlp):
    text = "The council said on Monday that the library would reopen in June."
    assert ("June", "DATE", "2025-06") in found(nlp, text, "2024-09-14")


def test_a_past_participle_under_a_future_verb_is_not_ahead(nlp):
    assert ("Monday", "DATE", "2024-03-11") in found(nlp, "Ballots postmarked by Monday will be counted.")


@pytest.mark.parametrize("text, expected", [
    ("The mill shut in March 2015. Since then the town has shrunk.", ("then", "DATE", "2015-03")),
    ("Prices have doubled since then.", ("then", "DATE", "PAST_REF")),
])
def test_since_then_is_the_date_mentioned_last(nlp, text, expected):
    assert expected in found(nlp, text)


def test_two_yearless_days_continue_a_story_told_in_an_earlier_year(nlp):
    times = found(nlp, "The ship sank on 3 May 2001. Divers reached it on 17 and 18 May.")
    assert ("17", "DATE", "2001-05-17") in times and ("18 May", "DATE", "2001-05-18") in times


def test_one_parser_gives_the_days_a_date_value_covers():
    from datetime import date
    assert timex.calendar_span("2024-W11-WE") == (date(2024, 3, 16), date(2024, 3, 17), "W")
    assert timex.calendar_span("2024-WI") == (date(2024, 12, 1), date(2025, 2, 28), "S")
    assert timex.calendar_span("2024-03-14T09:30") == (date(2024, 3, 14), date(2024, 3, 14), "D")
    assert timex.anchor_of("2024-H1") == (date(2024, 1, 1), "Y")
    assert timex.start_of("2024-03-14T09:30") == "2024-03-14T09:30"


def test_a_clock_time_and_the_day_straight_after_it_are_one_expression(nlp):
    assert ("9:40 p.m. Tuesday", "TIME", "2024-03-12T21:40") in found(nlp, "Polls closed at 9:40 p.m. Tuesday.")


def test_hours_and_a_half_are_written_in_hours_and_minutes(nlp):
    assert ("six and a half hours", "DURATION", "PT6H30M") in found(nlp, "The talks lasted six and a half hours.")


def test_a_year_earlier_than_a_quarter_is_that_quarter(nlp):
    times = found(nlp, "Third-quarter sales rose 8% from a year earlier.")
    assert ("a year earlier", "DATE", "2023-Q3") in times


def test_a_daytime_clock_time_told_after_a_night_falls_on_the_next_day(nlp):
    times = found(nlp, "Shares in Tokyo fell overnight. European markets were flat at midday.")
    assert ("midday", "TIME", "2024-03-14T12:00") in times


def test_a_clock_time_in_a_habit_s_clause_is_on_no_one_day(nlp):
    times = found(nlp, "The mayor was elected on Monday. She swims every morning at 7am.")
    assert ("7am", "TIME", "XXXX-XX-XXT07:00") in times


def test_a_habit_in_another_clause_leaves_a_clock_time_dated(nlp):
    times = found(nlp, "The nurse, who commutes daily, left home at 6.50am on Monday.")
    assert ("6.50am", "TIME", "2024-03-11T06:50") in times


@pytest.mark.parametrize("text, expected", [
    # the story's day, Wednesday, is when the quoted words were said
    ('The new ward opened on Wednesday. "From today no mother has to travel to the city," the minister said.',
     ("today", "DATE", "2024-03-13")),
    ('The pier reopened on Tuesday. "We will paint the railings tomorrow," the manager said.',
     ("tomorrow", "DATE", "2024-03-13")),
    # a story of the publication day, or one no day dates, keeps it
    ('"Today we start again," the coach said.', ("Today", "DATE", "2024-03-14")),
    ('The fair opened on Thursday. "It feels like spring today," a visitor said.', ("today", "DATE", "2024-03-14")),
])
def test_today_in_quoted_words_is_the_day_they_were_said(nlp, text, expected):
    assert expected in found(nlp, text)


def test_a_weekday_naming_a_kind_of_thing_dates_no_clock_time(nlp):
    times = found(nlp, "Rumours of the deal ran in the Sunday papers. Shares closed up 4% on Tuesday. "
                       "The board met again and the vote came at 6.40pm.")
    assert ("6.40pm", "TIME", "2024-03-12T18:40") in times


def test_evening_clock_times_before_the_early_hours_of_a_day_are_the_day_before(nlp):
    times = found(nlp, "The climber was found on the ridge in the early hours of Sunday. He had called for help at "
                       "9.40pm. A team set out at 10.30pm and reached him at 4.15am.")
    assert ("9.40pm", "TIME", "2024-03-09T21:40") in times
    assert ("10.30pm", "TIME", "2024-03-09T22:30") in times
    assert ("4.15am", "TIME", "2024-03-10T04:15") in times


@pytest.mark.parametrize("text, expected", [
    ("Crews pumped water from the mall overnight on Tuesday.", ("overnight on Tuesday", "TIME", "2024-03-12TNI")),
    ("Snow fell overnight into Sunday.", ("overnight into Sunday", "TIME", "2024-03-09TNI")),
])
def test_overnight_with_its_day_is_that_night(nlp, text, expected):
    assert expected in found(nlp, text)


def test_a_clock_time_written_with_a_counted_day_takes_that_day_once(nlp):
    times = found(nlp, "The alarm sounded at 11.50pm on 4 May 2023. Staff left the building at 1.30am the following day.")
    assert ("1.30am the following day", "TIME", "2023-05-05T01:30") in times


@pytest.mark.parametrize("text, expected", [
    ("The fire broke out on Tuesday. It was contained on Wednesday after crews worked through the night.",
     ("the night", "TIME", "2024-03-12TNI")),
    ("The vote was held on Monday. The mayor spoke in the afternoon.", ("the afternoon", "TIME", "2024-03-11TAF")),
])
def test_a_part_of_the_day_told_without_its_day_is_the_story_s(nlp, text, expected):
    assert expected in found(nlp, text)


def test_a_part_of_the_day_naming_a_thing_is_no_time(nlp):
    assert not found(nlp, "Stars filled the night sky.")


def test_a_part_of_the_day_without_its_day_dates_no_clock_time(nlp):
    times = found(nlp, "The fire started on Tuesday. It burned through the night. Smoke was seen at 2.45pm.")
    assert ("2.45pm", "TIME", "2024-03-12T14:45") in times
