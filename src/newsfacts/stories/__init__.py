"""One story, many outlets: several articles' fact sheets compared into one story sheet.

    sheet.py      the story sheet model (`newsfacts schema --story`)
    align.py      the same fact as each outlet states it (figures and times), and whether they agree
    quotes.py     the same words of the same speaker across outlets, with word-level differences
    citations.py  who cites whom ("according to …", "told …", "… reported")
    compare.py    sheets in, story sheet out
    group.py      a corpus cut into stories (MinHash/LSH), wire copies marked
    score.py      a story sheet scored against a cross-outlet gold file (`*.facts.json`)
"""
