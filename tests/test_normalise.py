"""Text normalisation of the read stage: mojibake, captions."""

from __future__ import annotations

import pytest

from pipeline.ingest.normalise import furniture_or_caption, normalise_text, repair_text


class TestRepairText:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("a saving of Â£20m", "a saving of £20m"),  # UTF-8 read as windows-1252
            ("Chief Constable SiÃ¢n Davies", "Chief Constable Siân Davies"),
            ("a saving of \ufffd20m", "a saving of £20m"),  # the pound sign lost in decoding
            ("Police Scotlandâ€™s budget", "Police Scotland’s budget"),
        ],
    )
    def test_mojibake_and_lost_pound_signs(self, raw, expected):
        assert repair_text(raw) == expected

    @pytest.mark.parametrize(
        "text", ["He said: “It’s a ‘strategic alliance’ – not a merger.”", "Siân and José", "£20m", "a \ufffd sign"]
    )
    def test_good_text_is_left_alone(self, text):
        assert repair_text(text) == text


class TestFurnitureOrCaption:
    @pytest.mark.parametrize(
        ("line", "caption"),
        [
            ("Image caption: Acting Chief Constable Judith Gillespie at headquarters",
             "Acting Chief Constable Judith Gillespie at headquarters"),
            ("Picture caption: A knife recovered during the operation (picture: BTP)",
             "A knife recovered during the operation (picture: BTP)"),
            ("Picture: British Transport Police officers on patrol", "British Transport Police officers on patrol"),
        ],
    )
    def test_a_caption_without_its_label(self, line, caption):
        assert furniture_or_caption(line) == (False, caption)

    @pytest.mark.parametrize("line", ["Image copyright PA", "Picture: Archant", "Image source, Getty Images"])
    def test_credits_are_furniture(self, line):
        assert furniture_or_caption(line) == (True, None)

    def test_prose_is_neither(self):
        assert furniture_or_caption("Kent Police will share custody.") == (False, None)


class TestNormaliseText:
    def test_captions_follow_the_body_without_their_label(self):
        raw = ("Forces share custody\n\nImage caption: Officers on patrol in Carlisle city centre\nImage copyright PA\n\n"
               "Kent Police will share custody.\n\nIt starts in May.")
        assert normalise_text(raw) == (
            "Forces share custody\n\nKent Police will share custody.\n\nIt starts in May.\n\n"
            "Officers on patrol in Carlisle city centre"
        )

    def test_captions_of_the_pages_markup_follow_the_body_once(self):
        text = normalise_text("Kent Police will share custody.\n\nThe new suite opens in May", [
            "The new suite opens in May", "(file picture)", "Chief Constable Jo Wade at the new suite",
            "Chief Constable Jo Wade at the new suite",
        ])
        assert text == ("Kent Police will share custody.\n\nThe new suite opens in May\n\n"
                        "Chief Constable Jo Wade at the new suite")

    def test_repaired_text_is_the_stored_text(self):
        assert normalise_text("Forces must save Â£20m and \ufffd3m more.") == "Forces must save £20m and £3m more."

    @pytest.mark.parametrize(
        "raw",
        ["Headline\n\nImage caption: Officers on patrol in the city centre\n\nBody text.", "Save Â£2m. Â£3m more."],
    )
    def test_normalising_twice_changes_nothing(self, raw):
        once = normalise_text(raw)
        assert normalise_text(once) == once
