from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main

TINY = str(Path(__file__).with_name("tiny.ttl"))


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_viz_writes_the_page_and_reports_what_was_left_out(tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    result = run("viz", "--graph", TINY, "--out", str(out), "--max-nodes", "5")
    assert result.exit_code == 0, result.output
    assert out.is_file()
    assert "5 of 14 entities" in result.output and "left out 9" in result.output


def test_viz_reads_a_build_output_folder(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_text(Path(TINY).read_text("utf-8"), "utf-8")
    result = run("viz", "--store", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.html").is_file()


def test_stats_prints_json(tmp_path: Path) -> None:
    result = run("stats", "--graph", TINY, "--json", "--top", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["classes"]["Program"] == 2
    assert [r["label"] for r in data["most_connected"]] == ["稻香振兴计划", "石桥县"]


def test_path_prints_each_hop_with_evidence() -> None:
    result = run("path", "新增示范田", "石桥县", "--graph", TINY)
    assert result.exit_code == 0, result.output
    assert "—关于→ 稻香振兴计划" in result.output
    assert "依据: 2025年，稻香计划新增示范田3200余亩。" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [(["path", "林远", "无此人", "--graph", TINY], "无此人"),
     (["viz", "--store", "/nonexistent/out"], "/nonexistent/out"),
     (["stats", "--graph", "/nonexistent/g.ttl"], "/nonexistent/g.ttl"),
     (["viz", "--graph", TINY, "--focus", "无此处"], "无此处")],
)
def test_errors_exit_1_with_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_installed_command_runs() -> None:
    done = subprocess.run([str(Path(sys.executable).with_name("govkg")), "stats", "--graph", TINY],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Program: 2" in done.stdout


@pytest.mark.parametrize("command", ["viz", "stats", "path"])
def test_each_command_has_help_and_a_readme_entry(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and len(result.output.splitlines()) > 3
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert f"govkg {command}" in readme
