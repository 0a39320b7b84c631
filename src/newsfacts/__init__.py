"""newsfacts: turn news articles into fact sheets that can be checked.

    >>> from newsfacts import extract, load_model, Article
    >>> sheet = extract(Article(id="a", text="..."), load_model())
"""

from .nlp import load_model
from .schema import SCHEMA_VERSION, Article, ErrorRecord, FactSheet
from .sheet import extract, extract_many

__all__ = ["SCHEMA_VERSION", "Article", "ErrorRecord", "FactSheet", "extract", "extract_many", "load_model"]
__version__ = "0.1.0"
