"""``govkg export`` and ``govkg push`` in-process, plus one run of the installed command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
SECRET = "pa55-never-shown"


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    for name in ("GOVKG_USER", "GOVKG_PASSWORD", "GOVKG_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent/netrc")
    return CliRunner()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("g.ttl", "ttl"),
        ("g.nt", "nt"),
        ("g.nq.gz", "nq"),
        ("g.trig", "trig"),
        ("g.jsonld", "jsonld"),
        ("g.rdf", "rdfxml"),
        ("g.graphml", "graphml"),
        ("g.gexf", "gexf"),
    ],
)
def test_export_takes_the_format_from_the_name(runner, build_dir, tmp_path, name, fmt):
    result = runner.invoke(main, ["export", "--from", str(build_dir), "--out", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert f"({fmt}, 84 quads in 2 document graphs)" in result.output
    assert (tmp_path / name).stat().st_size > 0


def test_export_csv_writes_the_two_neo4j_files(runner, build_dir, tmp_path):
    result = runner.invoke(
        main, ["export", "--from", str(build_dir), "--format", "csv", "--out", str(tmp_path / "neo")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "neo").iterdir()) == ["nodes.csv", "relationships.csv"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "{tmp}/graph.unknown"], "cannot tell the format from the name"),
        (["--out", "{tmp}/g.nt", "--from", "{tmp}/nowhere"], "nowhere: no such file or directory"),
        (["--out", "{tmp}/g.nt", "--from", "{tmp}"], "run `govkg build PATH"),
        (["--format", "yaml", "--out", "{tmp}/g.yaml"], "Invalid value for '--format'"),
    ],
)
def test_export_errors_are_one_clear_line(runner, tmp_path, args, message):
    result = runner.invoke(main, ["export", *(arg.format(tmp=tmp_path) for arg in args)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.server
def test_push_reports_progress_lines_and_a_summary(runner, build_dir, oxigraph):
    result = runner.invoke(
        main, ["push", "--from", str(build_dir), "--endpoint", oxigraph.store, "--chunk-size", "20"]
    )
    assert result.exit_code == 0, result.output
    progress = re.findall(r"^pushed (\d+)/84 triples \((\S+)\)$", result.stderr, re.MULTILINE)
    assert progress and int(progress[-1][0]) == 84
    assert (
        f"pushed 2 graphs, 84 triples to {oxigraph.store} in {len(progress)} requests (0 retries)"
        in result.stdout
    )
    assert sum(oxigraph.counts().values()) == 84


@pytest.mark.server
def test_push_retries_a_503(runner, build_dir, scripted_store):
    store = scripted_store([503])
    result = runner.invoke(main, ["push", "--from", str(build_dir), "--endpoint", store.url])
    assert result.exit_code == 0, result.output
    assert "(1 retries)" in result.stdout


@pytest.mark.server
def test_push_reads_credentials_from_the_environment_and_never_prints_them(
    runner, build_dir, scripted_store, monkeypatch
):
    monkeypatch.setenv("GOVKG_USER", "reader")
    monkeypatch.setenv("GOVKG_PASSWORD", SECRET)
    store = scripted_store(required_authorization="Basic not-these")
    result = runner.invoke(main, ["push", "--from", str(build_dir), "--endpoint", store.url])
    assert result.exit_code == 1
    assert "HTTP 401" in result.output and "$GOVKG_USER/$GOVKG_PASSWORD" in result.output
    assert SECRET not in result.output
    assert store.requests[-1]["headers"]["Authorization"].startswith("Basic ")


def test_push_has_no_option_for_a_password(runner):
    result = runner.invoke(main, ["push", "--help"])
    assert result.exit_code == 0
    assert "password" not in re.sub(r"\$?GOVKG_PASSWORD", "", result.output).lower()
    assert "GOVKG_USER" in result.output


@pytest.mark.parametrize(
    "text",
    [
        "## Exporting to other stores",
        "govkg export",
        "govkg push",
        "/DATASET/data",  # Fuseki
        "/repositories/REPO/rdf-graphs/service",  # GraphDB
        "/sparql-graph-crud-auth",  # Virtuoso
        ":7878/store",  # Oxigraph
        "neo4j-admin database import",
        "Gephi",
    ],
)
def test_the_readme_documents_exports(text):
    assert text in README.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_installed_command_writes_the_same_bytes_in_every_process(build_dir, tmp_path):
    govkg = shutil.which("govkg") or str(Path(sys.executable).with_name("govkg"))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        for name in ("g.nt", "g.nq.gz", "g.jsonld"):
            subprocess.run(
                [govkg, "export", "--from", str(build_dir), "--out", str(out / name)],
                check=True,
                capture_output=True,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
        outputs.append([(out / name).read_bytes() for name in ("g.nt", "g.nq.gz", "g.jsonld")])
    assert outputs[0] == outputs[1]
