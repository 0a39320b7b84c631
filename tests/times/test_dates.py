"""Calendar dates (times/dates.py): numeric dates, two-digit and spelled years, decades, holidays, days
counted within a month or a week, and months and seasons with their year; sentences of our own, published on a
Thursday (time_helpers.PUBLISHED) unless a case says otherwise."""

from __future__ import annotations

import pytest

from time_helpers import found


@pytest.mark.parametrize("text, expected", [
    # numeric dates, in the order the article writes them
    ("SPOKANE, Wash. — The lease was signed on 3/4/2015.", ("3/4/2015", "DATE", "2015-03-04")),
    ("The tenancy in Sheffield ended on 06/09/2021.", ("06/09/2021", "DATE", "2021-09-06")),
    ("The permit issued 12/20/2011 has expired.", ("12/20/2011", "DATE", "2011-12-20")),
    ("The order of 4/14/2022 was followed by a hearing on 5/6/2022.", ("5/6/2022", "DATE", "2022-05-06")),
    ("The ruling dated 19.02.23 was upheld.", ("19.02.23", "DATE", "2023-02-19")),
    ("The inspection of 6-3-22 found damp. The next one is on March 9.", ("6-3-22", "DATE", "2022-06-03")),
    ("DENVER, Colo. — Rent is due 9/1.", ("9/1", "DATE", "2024-09-01")),
    # nothing tells the order: the day and month stay open
    ("The parcel left the depot on 05/06/2020.", ("05/06/2020", "DATE", "2020-XX-XX")),
    # ISO dates and timestamps, and a numeric date with its clock time
    ("The log shows 2021-08-09T14:05:00 as the last entry.", ("2021-08-09T14:05:00", "TIME", "2021-08-09T14:05:00")),
    ("The alert was sent at 17/10/2023 06:30.", ("17/10/2023 06:30", "TIME", "2023-10-17T06:30")),
    # two-digit years
    ("She joined on 7th Jun 89 and left in 2001.", ("7th Jun 89", "DATE", "1989-06-07")),
    ("They married at Easter '88 in a small church.", ("Easter '88", "DATE", "1988-04-03")),
    ("He first won the cup in '97.", ("'97", "DATE", "1997")),
    ("The couple met in the autumn of '79.", ("the autumn of '79", "DATE", "1979-FA")),
    # spelled years
    ("The mill opened in eighteen ninety-one.", ("eighteen ninety-one", "DATE", "1891")),
    ("The shop has traded since nineteen-oh-two.", ("nineteen-oh-two", "DATE", "1902")),
    ("The firm was founded in two thousand and three.", ("two thousand and three", "DATE", "2003")),
    # decades and centuries
    ("Prices soared in the seventies.", ("the seventies", "DATE", "197")),
    ("Rents rose through the early nineties.", ("the early nineties", "DATE", "199")),
    ("Fashion from the 60s is back.", ("the 60s", "DATE", "196")),
    ("Sales collapsed in the late '80s.", ("the late '80s", "DATE", "198")),
    ("The hall dates from the 1700s.", ("the 1700s", "DATE", "17")),
    ("The idea took hold in the early 2000s.", ("the early 2000s", "DATE", "200")),
    ("Emissions must halve this coming decade.", ("this coming decade", "DATE", "203")),
    # holidays, fixed and movable, in the direction of the tense
    ("Shops were packed before Father's Day.", ("Father's Day", "DATE", "2023-06-18")),
    ("Online sales jumped on Cyber Monday.", ("Cyber Monday", "DATE", "2023-11-27")),
    ("The parade will be held on Good Friday.", ("Good Friday", "DATE", "2024-03-29")),
    ("Fireworks lit the sky on New Year's Eve.", ("New Year's Eve", "DATE", "2023-12-31")),
    ("The fair will open on Labor Day.", ("Labor Day", "DATE", "2024-09-02")),
    ("Bonfires will be lit on Bonfire Night.", ("Bonfire Night", "DATE", "2024-11-05")),
    ("Turkeys sold out before Thanksgiving.", ("Thanksgiving", "DATE", "2023-11-23")),
    # days counted within a month or a week; "last Monday" is the nearest Monday before the publication
    # date (README), "Saturday week" the one after the coming one
    ("Last Monday, the board met.", ("Last Monday", "DATE", "2024-03-11")),
    ("The club plays at home Saturday week.", ("Saturday week", "DATE", "2024-03-23")),
    ("The hearing resumes on Tuesday of next week.", ("Tuesday of next week", "DATE", "2024-03-19")),
    ("The vote is on Wednesday next week.", ("Wednesday next week", "DATE", "2024-03-20")),
    ("The fair is on the third Sunday of May.", ("the third Sunday of May", "DATE", "2024-05-19")),
    ("Results come out the last Thursday of the month.", ("the last Thursday of the month", "DATE", "2024-03-28")),
    ("The sale opens on the first Monday in April.", ("the first Monday in April", "DATE", "2024-04-01")),
    ("Tickets go on sale this Friday the 13th.", ("this Friday the 13th", "DATE", "2024-09-13")),
    ("The parade is on the Sunday after next.", ("the Sunday after next", "DATE", "2024-03-24")),
    ("The pipe burst on May 3 last year.", ("May 3 last year", "DATE", "2023-05-03")),
    ("Senators joined Republicans Tuesday in a vote.", ("Tuesday", "DATE", "2024-03-12")),
    ("Every seat is booked for January.", ("January", "DATE", "2025-01")),
    # the simple present tells what is scheduled
    ("The strike starts on Monday.", ("Monday", "DATE", "2024-03-18")),
    ("The shelter opened on Wednesday at night.", ("Wednesday at night", "TIME", "2024-03-13TNI")),
    ("Roads were busy over the Memorial Day weekend.", ("the Memorial Day weekend", "DATE", "2023-W21-WE")),
    # months and quarters with their year
    ("Profits rose in the July-September quarter.", ("the July-September quarter", "DATE", "2023-Q3")),
    ("The shop shut in May last year.", ("May last year", "DATE", "2023-05")),
    ("The survey ran in October of last year.", ("October of last year", "DATE", "2023-10")),
    ("The lease ends in August next year.", ("August next year", "DATE", "2025-08")),
    ("Deliveries began in January this year.", ("January this year", "DATE", "2024-01")),
    ("Profits dipped in the 2019 second quarter.", ("the 2019 second quarter", "DATE", "2019-Q2")),
    ("The fuel bills will climb this coming winter.", ("this coming winter", "DATE", "2024-WI")),
    ("Snow closed the pass last winter.", ("last winter", "DATE", "2023-WI")),
    ("The pool was drained three summers ago.", ("three summers ago", "DATE", "2021-SU")),
])
def test_date_forms(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text, published, expected", [
    ("Florists in Manchester expect a busy Mother's Day.", "2024-02-20", ("Mother's Day", "DATE", "2024-03-10")),
    ("DENVER, Colo. — Florists expect a busy Mother's Day.", "2024-02-20", ("Mother's Day", "DATE", "2024-05-12")),
    ("Crowds were thinner this Fourth of July.", "2024-07-08", ("this Fourth of July", "DATE", "2024-07-04")),
])
def test_holidays_by_country_and_relation(nlp, text, published, expected):
    assert expected in found(nlp, text, published)


@pytest.mark.parametrize("text, expected", [
    ("Queues formed on Boxing Day morning.", ("Boxing Day morning", "TIME", "2023-12-26TMO")),
    ("The centre will close between Christmas and New Year.", ("New Year", "DATE", "2025-01-01")),
])
def test_new_year_and_a_holiday_s_part_of_day(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text, year", [("She read from her 2010 novel.", "2010"),
                                        ("Okafor's team, whose 2011 squad reached the final, folded.", "2011")])
def test_a_year_between_a_possessive_and_a_thing(nlp, text, year):
    assert (year, "DATE", year) in found(nlp, text)


def test_a_count_after_a_possessive_is_no_year(nlp):
    assert not found(nlp, "The firm cut its 1600 employees to 900.")


def test_another_calendar_s_new_year_is_not_the_first_of_january(nlp):
    assert not [t for t in found(nlp, "Shops are busy before Chinese New Year.") if "New Year" in t[0]]


@pytest.mark.parametrize("text, published, expected", [
    # a month the tense leaves open is the one nearest the publication date
    ("The council votes on the budget in January.", "2024-12-10", ("January", "DATE", "2025-01")),
    ("Figures for November show a fall.", "2025-03-05", ("November", "DATE", "2024-11")),
    # a past participle tells of something done, unless its time is a limit
    ("The guide, printed in May, runs to 90 pages.", "2024-03-14", ("May", "DATE", "2023-05")),
    ("Forms received by May will be processed.", "2024-03-14", ("May", "DATE", "2024-05")),
    # "since" looks back
    ("Sales are up since the summer.", "2024-03-14", ("the summer", "DATE", "2023-SU")),
    # "would" in reported words, and an infinitive after a noun, look ahead; not what was done
    ("The trust said the clinic would shut its doors and the staff would move in the spring.", "2024-10-10",
     ("the spring", "DATE", "2025-SP")),
    ("The list has 20 bands, with more acts to be named in the spring.", "2024-10-10",
     ("the spring", "DATE", "2025-SP")),
    ("The bid to climb the peak on Sunday failed.", "2024-03-14", ("Sunday", "DATE", "2024-03-10")),
    # a day the parse hangs on the reporting verb after its clause dates that clause
    ("Meals will be served at the hall Monday, the charity said.", "2024-03-14", ("Monday", "DATE", "2024-03-18")),
    # a market's close is over; a day hanging on a noun is no schedule of the verb's
    ("The offer is a 20% premium to Tuesday's close.", "2024-03-14", ("Tuesday", "DATE", "2024-03-12")),
    ("The fee is a rise on the charge at the gate on Monday.", "2024-03-14", ("Monday", "DATE", "2024-03-11")),
    # a day something was set for lies after the act; a hope of a past clause still looks ahead
    ("The mayor called a recount for Jan. 8.", "2024-12-10", ("Jan. 8", "DATE", "2025-01-08")),
    ("The owners had hoped to sell before the January sales.", "2024-12-10", ("January", "DATE", "2025-01")),
    ("The hearing was adjourned until 9 January.", "2026-12-07", ("9 January", "DATE", "2027-01-09")),
    # the simple present schedules a month or a day of one too
    ("The council meets on 2 February.", "2024-03-14", ("2 February", "DATE", "2025-02-02")),
    ("The festival starts in February.", "2024-03-14", ("February", "DATE", "2025-02")),
    ("The fault went unseen until a guard spotted odd meter readings at 10.20pm on 9 March.", "2024-03-14",
     ("10.20pm", "TIME", "2024-03-09T22:20")),
    # what is announced to start then lies ahead, whatever the tense of the announcing; not what started then
    ("The drivers' union has announced 12 days of strikes starting on 3 February.", "2024-11-28",
     ("3 February", "DATE", "2025-02-03")),
    ("The ferry line, starting on 3 February, ran for a month.", "2024-11-28", ("3 February", "DATE", "2024-02-03")),
])
def test_the_year_or_week_the_tense_points_to(nlp, text, published, expected):
    assert expected in found(nlp, text, published)


@pytest.mark.parametrize("text, spurious", [
    ("The furnace reached 1998°F before it cooled.", "1998"),
    ("Staff of the now-defunct airline met on Monday.", "now"),
    ("On 5 March 20 people were hurt.", "5 March 20"),
    ("Install version 3.11.12 before the update.", "3.11.12"),
    ("Temperatures stayed in the 70s all week.", "the 70s"),
    ("The club sold nineteen twenty-pound tickets.", "nineteen twenty"),
    ("Members of the Autumn Alliance met.", "Autumn"),
    ("Fifteen twenty people applied.", "Fifteen twenty"),
    ("The March for Peace filled the square.", "March"),
    ("The Tuesday Society meets monthly.", "Tuesday"),
])
def test_spurious_times(nlp, text, spurious):
    assert not [t for t in found(nlp, text) if spurious in t[0]]
