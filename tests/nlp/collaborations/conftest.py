"""Fixtures of the collaborations rule tests."""

from __future__ import annotations

import pytest

from pipeline.nlp.collaborations.cues import CollaborationCues, load_cues


@pytest.fixture(scope="session")
def cues() -> CollaborationCues:
    return load_cues()
