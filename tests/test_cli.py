"""The command line: in-process with CliRunner, plus one real subprocess of the installed command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import COMMANDS, _load, main

README = Path(__file__).resolve().parents[1] / "README.md"


def test_build_writes_the_graph_and_a_summary(tmp_path, seed_path):
    result = CliRunner().invoke(main, ["build", str(seed_path), "--out", str(tmp_path), "--no-html"])
    assert result.exit_code == 0, result.output
    assert "1 documents, 8 articles" in result.output
    assert (tmp_path / "graph.ttl").exists() and (tmp_path / "graph.nq").exists()


def test_build_names_each_skipped_file_and_exits_2(tmp_path, seed_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / "page.txt")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 2
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    assert "skipped: 1 files" in result.stdout


def test_build_with_nothing_readable_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_a_readme_entry(name):
    command = _load(COMMANDS[name])
    if command is None:
        pytest.fail(f"command {name} does not load")
    assert command.help and command.help.strip()
    assert f"govkg {name}" in README.read_text(encoding="utf-8")


def test_installed_command_builds_the_bundled_sample_from_any_folder(tmp_path):
    exe = shutil.which("govkg", path=str(Path(sys.executable).parent)) or shutil.which("govkg")
    assert exe, "the govkg command is not installed"
    run = subprocess.run([exe, "build", "--no-html"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "output" / "graph.ttl").stat().st_size > 0
