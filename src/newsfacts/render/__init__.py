"""Ways to show a fact sheet to a person: a terminal summary (`text`) and an HTML report (`html`)."""
