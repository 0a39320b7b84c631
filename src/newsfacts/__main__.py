"""`python -m newsfacts`: the same command as `newsfacts`."""

from .cli import app

app(prog_name="newsfacts")
