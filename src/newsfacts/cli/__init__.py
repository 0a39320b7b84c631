"""The `newsfacts` command: a thin layer over the library, for people.

    common.py      the application, terminal output, shared options, the model, progress bars
    articles.py    extract, schema
    story.py       compare, stories
    evaluation.py  eval
    serving.py     serve
    corpus.py      batch, query, export
"""

from __future__ import annotations

from .common import app

# Each module adds its commands to `app`; `--help` lists them in this order.
from . import articles  # noqa: E402, F401  (extract, schema)
from . import story  # noqa: E402, F401  (compare, stories)
from . import corpus  # noqa: E402, F401  (batch, query, export)
from . import evaluation  # noqa: E402, F401  (eval)
from . import serving  # noqa: E402, F401  (serve)

__all__ = ["app"]
