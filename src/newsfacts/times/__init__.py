"""What happened when: time expressions normalised to TIMEX3, and the events they date.

`expressions` runs the rules of `grammar` (one row each: name, pattern, key words, normaliser) over the text and
keeps the longest matches that do not overlap; the normalisers (`dates`, `relative`, `clock`, `durations`) turn a
match into a TIMEX3 type and value, reading the article through `reading`. `events` ties each dated expression to
the clause it modifies and sorts them into a timeline.
"""

from .events import find_events
from .expressions import find_times

__all__ = ["find_events", "find_times"]
