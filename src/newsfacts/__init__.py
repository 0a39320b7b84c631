"""newsfacts: turn news articles into fact sheets that can be checked.

    >>> from newsfacts import extract, load_model, Article
    >>> sheet = extract(Article(id="a", text="..."), load_model())
"""

from .schema import SCHEMA_VERSION, Article, ErrorRecord, FactSheet

__all__ = ["SCHEMA_VERSION", "Article", "ErrorRecord", "FactSheet", "extract", "extract_many", "load_model"]
__version__ = "0.1.0"

# These import spaCy, which takes most of a second: only when asked for, so that `newsfacts --help` and a
# mistyped file name are answered at once.
_PIPELINE = {"extract": "sheet", "extract_many": "sheet", "load_model": "nlp"}


def __getattr__(name: str) -> object:
    if name in _PIPELINE:
        from importlib import import_module

        return getattr(import_module(f".{_PIPELINE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
