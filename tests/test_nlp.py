"""Composing the pipeline: a spaCy pipeline that is not installed is a clear error saying how to get it."""

from __future__ import annotations

import importlib.util

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.nlp.compose import build_nlp
from tests.conftest import CORPUS

NOT_INSTALLED = "en_core_web_md"
pytestmark = pytest.mark.skipif(importlib.util.find_spec(NOT_INSTALLED) is not None, reason=f"{NOT_INSTALLED} is installed")


class TestBuildNlp:
    def test_a_pipeline_that_is_not_installed_names_the_command_that_installs_it(self):
        with pytest.raises(RuntimeError) as error:
            build_nlp(NOT_INSTALLED)
        message = str(error.value)
        assert f"python -m spacy download {NOT_INSTALLED}" in message
        assert "`make run` does" not in message and "make run installs" not in message

    @pytest.mark.parametrize("command", [["evaluate", "--gold", str(CORPUS)], ["ingest", str(sorted(CORPUS.glob("*.txt"))[0])]],
                             ids=lambda c: c[0])
    def test_the_commands_say_so_without_a_traceback(self, command, sqlite_url, tmp_path):
        extra = [] if command[0] == "evaluate" else ["--db", sqlite_url]
        result = CliRunner().invoke(main, [*command, *extra, "--spacy-model", NOT_INSTALLED])
        assert result.exit_code == 1, result.output
        assert f"python -m spacy download {NOT_INSTALLED}" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
