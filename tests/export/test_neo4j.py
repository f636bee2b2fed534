"""The CSV export in the shape ``neo4j-admin database import`` reads."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from govkg.errors import ExportError
from govkg.export import export

ID = "https://w3id.org/govkg/id/"


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture
def csv_dir(build_dir, tmp_path) -> Path:
    export(build_dir, tmp_path / "neo4j", fmt="csv")
    return tmp_path / "neo4j"


def test_nodes_have_id_label_and_typed_property_headers(csv_dir):
    header, rows = read_csv(csv_dir / "nodes.csv")
    assert header[:3] == ["iri:ID", ":LABEL", "label"]
    assert {"gk_value:double", "gk_start:long", "gk_end:long", "schema_datePublished:date"} <= set(header)
    assert "skos_altLabel:string[]" in header  # one program has two alternative names
    assert "gk_unit:string" in header
    assert len(rows) == 16


def test_relationships_have_start_end_and_type(csv_dir):
    header, rows = read_csv(csv_dir / "relationships.csv")
    assert header == [":START_ID", ":END_ID", ":TYPE", "predicate"]
    assert {
        ":START_ID": f"{ID}program/rice-fish",
        ":END_ID": f"{ID}org/farm-bureau",
        ":TYPE": "runBy",
        "predicate": "gk:runBy",
    } in rows


def test_every_relationship_end_is_a_node(csv_dir):
    _, nodes = read_csv(csv_dir / "nodes.csv")
    _, relationships = read_csv(csv_dir / "relationships.csv")
    ids = {row["iri:ID"] for row in nodes}
    assert len(ids) == len(nodes)
    assert relationships
    for row in relationships:
        assert row[":START_ID"] in ids and row[":END_ID"] in ids


@pytest.mark.parametrize(
    ("node", "labels", "column", "value"),
    [
        ("place/990101", "Place", "gk_adcode:string", "990101"),
        ("metric/doc-a/0/0", "Metric", "gk_value:double", "3.5"),
        ("program/rice-fish", "Program", "skos_altLabel:string[]", "稻渔共生;稻渔工程"),
        (
            "evidence/doc-a/40-71",
            "Evidence",
            "gk_text:string",
            "临河镇农业服务中心主任林晓明介绍，\n项目已覆盖全镇。",
        ),
        (
            "evidence/doc-b/12-40",
            "Evidence",
            "gk_text:string",
            '“银龄课堂”今年已服务老人超1200人次；"口碑"很好。',
        ),
        ("role/director", "Role", "label", "主任"),
    ],
)
def test_node_rows_carry_labels_and_values(csv_dir, node, labels, column, value):
    _, rows = read_csv(csv_dir / "nodes.csv")
    row = next(row for row in rows if row["iri:ID"] == f"{ID}{node}")
    assert row[":LABEL"] == labels
    assert row[column] == value


def test_csv_output_must_be_a_directory(build_dir, tmp_path):
    (tmp_path / "file.csv").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="writes a directory"):
        export(build_dir, tmp_path / "file.csv", fmt="csv")
