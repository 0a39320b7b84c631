"""Who cites whom: credits to outlets, agencies and posts, not people's quotes; outlets in the set marked."""

from __future__ import annotations

from newsfacts.schema import Entity, Mention
from newsfacts.stories.citations import find_citations
from newsfacts.stories.compare import story_articles
from story_sheets import at, sheet


def cited(text: str, entities=(), outlets=("Harbour Times", "Coast Herald")):
    sheets = [sheet("a", text, "2024-01-01", outlets[0], entities=list(entities)),
              sheet("b", "Nothing here.", "2024-01-01", outlets[1])]
    return find_citations(sheets[:1], story_articles(sheets))


def test_according_to_told_and_reported():
    text = ("The bridge closed at noon, according to the Port Authority. The mayor told Radio Calder it would "
            "reopen. The Coast Herald reported that two lanes were damaged.")
    found = cited(text)
    assert [c.cites for c in found] == ["Port Authority", "Radio Calder", "Coast Herald"]
    assert found[2].in_set == "b" and found[0].in_set is None
    start, end = at(text, "according to the Port Authority")
    assert (found[0].start, found[0].end) == (start, end)


def test_a_persons_words_are_a_quote_not_a_citation():
    text = "Ann Lee said the bridge was safe. Lee reported no damage."
    start, end = at(text, "Ann Lee")
    ann = Entity(id="E1", name="Ann Lee", type="PERSON", mentions=[Mention(text="Ann Lee", start=start, end=end)])
    assert cited(text, [ann]) == []


def test_posts_and_media_phrases():
    text = "The minister wrote on X that the museum would close. Local media reported a second incident."
    assert [c.cites for c in cited(text)] == ["X", "Local media"]


def test_broadcaster_named_after_its_kind():
    text = "He told local broadcaster Radio Calder that he had seen the smoke."
    assert [c.cites for c in cited(text)] == ["Radio Calder"]


def test_more_ways_of_crediting():
    text = ("According to local media, the pier was closed. Ferries were cancelled, reports Tide Weekly. "
            "As the newspaper \"Shore Times\" reported, the council met at night. The mayor announced on the "
            "social network X that repairs would start. Engineer Ana Ruiz was quoted as saying by radio station "
            "Wave FM that the piles had rotted.")
    assert [c.cites for c in cited(text)] == ["local media", "Tide Weekly", "Shore Times", "X", "Wave FM"]


def test_an_outlet_credited_elsewhere_counts_when_it_said_something():
    text = "The pier was closed, Radio Calder reported. Later Radio Calder said the ferries were cancelled."
    assert [c.text for c in cited(text)] == ["Radio Calder reported", "Radio Calder said"]
    assert cited("Later Radio Calder said the ferries were cancelled.") == []


def test_weekdays_are_not_sources():
    assert cited("The council reported Monday that the pier was safe.") == []


def test_an_outlet_named_with_an_adverb_or_an_apposition():
    text = ("The Coast Herald later reported that the pier had reopened. The Lantern Post, a weekly paper, "
            "reported a second closure. Il Faro di Nord reported the same.")
    assert [c.cites for c in cited(text)] == ["Coast Herald", "Lantern Post", "Il Faro di Nord"]


def test_an_outlet_of_the_set_is_no_person_whatever_the_entities_say():
    text = "The harbourmaster told the Coast Herald that the pier was safe. The Coast Herald said it would reopen."
    start, end = at(text, "Coast Herald")
    herald = Entity(id="E1", name="Coast Herald", type="PERSON",
                    mentions=[Mention(text="Coast Herald", start=start, end=end)])
    found = cited(text, [herald])
    assert [c.text for c in found] == ["told the Coast Herald", "Coast Herald said"]
    assert all(c.in_set == "b" for c in found)


def test_an_outlet_matches_without_its_kind_or_edition():
    sheets = [sheet("a", "The ferry sank, according to Tidewater News Agency.", "2024-01-02", "Harbour Times"),
              sheet("b", "The ferry sank at dawn.", "2024-01-01", "Tidewater (news agency)")]
    (found,) = find_citations(sheets, story_articles(sheets))
    assert found.in_set == "b"


def test_an_article_that_carries_a_report_stands_for_it():
    translation = "Translated from the Portuguese. Original article: Diario do Vale\nThe ferry sank at dawn."
    citing = "The Diario do Vale reported that the ferry sank at dawn."
    sheets = [sheet("a", translation, "2024-01-01", "Lingua Wire"), sheet("b", citing, "2024-01-02", "Harbour Times")]
    found = find_citations(sheets, story_articles(sheets))
    original = next(c for c in found if c.article_id == "a")
    assert original.carries and original.in_set is None
    assert next(c for c in found if c.article_id == "b").in_set == "a"


def test_unnamed_reports_are_credited():
    assert [c.cites for c in cited("The driver was speeding, according to reports in Spain.")] == ["reports"]
