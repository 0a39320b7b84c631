"""Who said what: direct and reported speech, their cues and speakers.

    '"We will win," Ana Diaz said.'  ->  Quote(text='We will win,', kind='direct', cue='said',
                                              source='named', speaker=<id of Ana Diaz>)

`candidates` reads cues, contents and speaker phrases off the parse and the quotation marks (`quote_marks`);
`model` scores them with a linear model trained on PolNeAR (`data/quote_model.json`,
`scripts/train_quote_model.py`); `speakers` resolves each speaker against the sheet's entities; `stage` keeps
the attributions and writes them as quotes.
"""

from .stage import find_attributions, find_quotes

__all__ = ["find_attributions", "find_quotes"]
