"""Settings and the pipeline version."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline import config


class TestExtractionFiles:
    def test_every_stage_module_and_the_contract_count(self):
        package = Path(config.__file__).resolve().parent
        names = {p.relative_to(package).as_posix() for p in config.extraction_files(package)}
        assert {"contract.py", "ingest/reader.py", "nlp/compose.py", "nlp/jobs.py"} <= names
        assert not any(n.startswith(("storage/", "publish/")) for n in names)


class TestFilesDigest:
    def test_changing_a_rule_module_changes_the_digest(self, tmp_path):
        package = Path(config.__file__).resolve().parent
        copy = tmp_path / "pipeline"
        shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
        before = config.files_digest(copy, config.extraction_files(copy))
        rule = copy / "nlp" / "jobs.py"
        rule.write_text(rule.read_text() + "\n# a changed rule\n")
        assert config.files_digest(copy, config.extraction_files(copy)) != before

    def test_changing_storage_code_does_not(self, tmp_path):
        package = Path(config.__file__).resolve().parent
        copy = tmp_path / "pipeline"
        shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
        before = config.files_digest(copy, config.extraction_files(copy))
        (copy / "storage" / "schema.py").write_text("# changed\n")
        assert config.files_digest(copy, config.extraction_files(copy)) == before


class TestPipelineVersion:
    def test_version_names_the_package_version_and_a_digest(self):
        version = config.pipeline_version()
        package_version, digest = version.split("+")
        assert package_version == config.__version__ and len(digest) == 10

    def test_retraining_the_job_classifier_changes_the_version(self, tmp_path, monkeypatch):
        shutil.copytree(config.models_dir(), tmp_path / "models")
        monkeypatch.setenv("FORCEWATCH_MODELS", str(tmp_path / "models"))
        config.pipeline_version.cache_clear()
        try:
            before = config.pipeline_version()
            weights = tmp_path / "models" / "jobs_classifier.bin"
            weights.write_bytes(weights.read_bytes() + b"\0")
            config.pipeline_version.cache_clear()
            assert config.pipeline_version() != before
        finally:
            config.pipeline_version.cache_clear()
