"""The figures stage (figures/stage.py): every figure of a short article of our own, with what it measures."""

from __future__ import annotations

from figure_helpers import figure, figures_of


def test_counts_carry_the_noun_they_count(nlp):
    found = figures_of(nlp, "The ferry carried 212 passengers and nine crew, and Fourteen cars.")
    assert [(f.text, f.kind, f.value, f.measures) for f in found] == [
        ("212", "count", 212, "passengers"), ("nine", "count", 9, "crew"), ("Fourteen", "count", 14, "cars")]


def test_money_shares_and_points(nlp):
    found = figures_of(nlp, "Turnover rose 4.2% to £1.6bn, and the margin widened 30 basis points.")
    assert (figure(found, "4.2%").kind, figure(found, "4.2%").unit) == ("percent", "percent")
    money = figure(found, "£1.6bn")
    assert (money.kind, money.value, money.unit) == ("money", 1.6e9, "GBP")
    assert figure(found, "30 basis points").unit == "basis points"


def test_hedges_are_read_and_left_out_of_the_text(nlp):
    found = figures_of(nlp, "More than 300 homes lost power for almost six hours.")
    assert figure(found, "300").hedge == "more than"
    hours = figure(found, "six hours")
    assert (hours.kind, hours.value, hours.hedge) == ("duration", "PT6H", "almost")


def test_ages_scores_ranges_and_ratios(nlp):
    found = figures_of(nlp, "The 52-year-old coach saw his side win 4-1, taking 18 of the 24 points. Between "
                            "200 and 250 fans travelled, three or four of them on foot.")
    assert (figure(found, "52-year-old").kind, figure(found, "52-year-old").value) == ("age", 52)
    assert (figure(found, "4-1").kind, figure(found, "4-1").upper) == ("score", 1)
    ratio = figure(found, "18 of the 24")
    assert (ratio.kind, ratio.value, ratio.upper, ratio.measures) == ("ratio", 18, 24, "points")
    assert (figure(found, "200 and 250").value, figure(found, "200 and 250").upper) == (200, 250)
    assert (figure(found, "three or four").value, figure(found, "three or four").upper) == (3, 4)


def test_shares_in_words_and_proportions(nlp):
    found = figures_of(nlp, "Roughly a third of tenants pay late, and one in four owes more than a month.")
    third = figure(found, "a third")
    assert (third.kind, round(third.value), third.hedge) == ("percent", 33, "roughly")
    assert (figure(found, "one in four").kind, figure(found, "one in four").upper) == ("ratio", 4)


def test_dates_and_clock_times_come_from_the_times_stage(nlp):
    found = figures_of(nlp, "The hall opened at 9am and shut on Monday.")
    assert {(f.text, f.kind) for f in found} >= {("9am", "time"), ("Monday", "date")}


def test_numbers_that_name_or_are_years_or_changes_are_not_read_so(nlp):
    found = figures_of(nlp, "A No. 4 alarm was raised at the 2019 site, and the tally rose from 8 to 11.")
    assert not any(f.text == "4" for f in found)
    assert [f.kind for f in found if f.text == "2019"] == ["date"]
    assert {f.text for f in found} >= {"8", "11"}  # a value and the one it changed to, not a range


def test_an_age_after_a_name(nlp):
    found = figures_of(nlp, "Marta Quill, 61, chairs the board.")
    assert figure(found, "61").kind == "age"


def test_an_amount_the_times_stage_took_for_a_clock_time_is_money(nlp):
    found = figures_of(nlp, "Sales rose to 18.45 billion pounds, and the shop shut at 18.45.")
    money = figure(found, "18.45 billion pounds")
    assert (money.kind, money.value) == ("money", 18.45e9)
    assert [f.kind for f in found if f.text == "18.45"] == ["time"]


def test_values_a_verb_of_change_moves_from_and_to_are_two_figures_not_a_range(nlp):
    found = figures_of(nlp, "The offer raises the basic hourly pay rate from £11.40 to £12.10. Seats cost from £10 to £15.")
    assert (figure(found, "£11.40").value, figure(found, "£12.10").value) == (11.4, 12.1)
    assert (figure(found, "£10 to £15").value, figure(found, "£10 to £15").upper) == (10, 15)


def test_the_second_of_two_amounts_with_scale_words_keeps_its_scale(nlp):
    found = figures_of(nlp, "Turnover went from $12 million to $15 million, and the loan grew to 8 million dollars.")
    assert [(f.text, f.value) for f in found if f.kind == "money"] == [
        ("$12 million", 12e6), ("$15 million", 15e6), ("8 million dollars", 8e6)]


def test_a_change_between_its_verb_and_from_still_makes_two_figures(nlp):
    found = figures_of(nlp, "Turnover grew 25 per cent from £12 million to £15 million.")
    assert (figure(found, "£12 million").value, figure(found, "£15 million").value) == (12e6, 15e6)
