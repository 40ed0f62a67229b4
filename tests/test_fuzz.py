"""Arbitrary text through the whole pipeline: no crash, and every offset slices the stored text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest.reader import normalise_text
from pipeline.nlp.extract import extract

WORDS = ["Kent Police", "Herts", "the PCC for Essex", "£12.3m", "£500,000", "between £1m and £2m", "custody",
         "job losses", "said:", "“", "”", '"', "'s", "’s", "Chief Constable", "Sir", "2019/20", "\n\n", "\n", " ",
         ", ", ".", "-", "–", "redundancies", "Mr Hogg", "strategic alliance", "ICT", "Durham Constabulary"]

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(WORDS) | st.text(max_size=12), min_size=1, max_size=60).map("".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=texts)
def test_every_offset_slices_the_text(nlp, raw):
    text = normalise_text(raw)
    if not text:
        return
    extraction = extract(nlp(text))
    spans = [*extraction.sentences, *extraction.force_mentions, *extraction.officials, *extraction.quotes,
             *extraction.money, *extraction.functions, *extraction.job_concerns, *extraction.collaborations]
    for item in spans:
        assert 0 <= item["start_char"] <= item["end_char"] <= len(text)
        assert text[item["start_char"] : item["end_char"]] == item["text"]
    for item in spans[len(extraction.sentences):]:
        assert 0 <= item["sentence"] < len(extraction.sentences)
