"""Figures: every number an article states, with what it counts or measures, its unit and its hedge.

numbers (numerals in digits and words, with currency, scale and percent sign) → context (the hedge before a
figure and the noun it counts or is said of, off the parse) → stage (find_figures: times taken from the
sheet, the rest read into counts, money, shares, ages, scores, ranges and ratios).
"""

from .stage import find_figures

__all__ = ["find_figures"]
