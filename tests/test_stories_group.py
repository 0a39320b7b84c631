"""Stories in a corpus: articles on one event close in time are grouped; other news and far-apart dates are
not; wire copies are marked."""

from __future__ import annotations

from newsfacts.stories.group import Doc, group_stories

QUARRY = ("A rockfall at the Denholm quarry trapped four workers on Tuesday. Rescue teams from Carrow and the "
          "county fire brigade dug through the night. Quarry manager Elsa Voigt said the east face had moved "
          "after heavy rain. Two workers were freed by dawn and taken to Carrow General Hospital.")
QUARRY_REWRITE = ("Four workers were trapped when rock gave way at Denholm quarry on Tuesday, and two were freed "
                  "by dawn. Elsa Voigt, who manages the quarry, blamed heavy rain for the collapse of the east "
                  "face. Fire crews from Carrow worked through the night; the freed men are in Carrow General.")
OTHER = [
    "The city council approved a new budget for public libraries, adding evening hours at six branches.",
    "A local bakery won a national award for its sourdough, its owner said, crediting a century-old starter.",
    "The football club signed a young striker from a rival on a three-year contract after a medical.",
    "Scientists reported a new species of frog in the highland forests, noting its unusual blue markings.",
]


def test_one_event_is_one_story_and_other_news_stays_out():
    docs = [Doc("q1", QUARRY, "2024-05-07"), Doc("q2", QUARRY_REWRITE, "2024-05-08")]
    docs += [Doc(f"o{n}", text, "2024-05-07") for n, text in enumerate(OTHER)]
    (story,) = group_stories(docs)
    assert sorted(story.article_ids) == ["q1", "q2"]
    assert (story.first_published, story.last_published) == ("2024-05-07", "2024-05-08")
    assert story.copy_of == {}


def test_articles_far_apart_in_time_are_not_one_story():
    assert group_stories([Doc("q1", QUARRY, "2024-05-07"), Doc("q2", QUARRY_REWRITE, "2024-07-30")]) == []


def test_a_wire_copy_is_marked_as_a_copy_of_the_earliest():
    copy = QUARRY + " Updated at noon."
    docs = [Doc("late", copy, "2024-05-08"), Doc("early", QUARRY, "2024-05-07"), Doc("rewrite", QUARRY_REWRITE,
                                                                                     "2024-05-07")]
    (story,) = group_stories(docs)
    assert story.copy_of == {"late": "early"}


# Shares about a fifth of its words and names with QUARRY: enough for one story when the dates are close.
NEARBY = ("Heavy rain closed roads across the valley on Wednesday. A rockfall at a quarry near Carrow injured two "
          "men, who were taken to hospital, and teams searched for others through the night while schools shut "
          "early and buses were cancelled.")


def test_undated_articles_need_to_share_most_of_their_words():
    assert len(group_stories([Doc("q1", QUARRY, "2024-05-07"), Doc("n", NEARBY, "2024-05-08")])) == 1
    assert group_stories([Doc("q1", QUARRY), Doc("n", NEARBY)]) == []
    assert len(group_stories([Doc("q1", QUARRY), Doc("q2", QUARRY_REWRITE)])) == 1
