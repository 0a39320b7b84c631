"""`python -m newsfacts.cli`: the same command as `newsfacts`."""

from . import app

app(prog_name="newsfacts")
