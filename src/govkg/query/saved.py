"""Saved questions: ``ontology/queries/*.rq``, each described by its first comment lines.

The header of a saved question::

    # Programs in a region, including every place under it.
    # 某地区（含下辖各地）实施的项目。
    # param region (name): the region's name, e.g. 杭州市
    # param since (date, optional): ...
    # network: needs Wikidata's public endpoint

The first line is the summary; ``param`` lines declare the variables that ``--param`` binds and
their kind (see ``govkg.query.params.KINDS``); ``network`` marks a question that calls a SERVICE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import QueryError
from govkg.query.params import KINDS
from govkg.resources import ontology_dir

_PARAM = re.compile(
    r"^param\s+\??(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>[a-z]+)(?P<optional>,\s*optional)?\)\s*:\s*(?P<doc>.*)$"
)


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    description: str
    optional: bool = False


@dataclass(frozen=True)
class SavedQuestion:
    name: str  # the file name without .rq
    path: Path
    summary: str
    description: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    network: str | None  # why it needs the network, when it does
    text: str

    @property
    def kinds(self) -> dict[str, str]:
        return {p.name: p.kind for p in self.parameters}

    def check(self, values: dict[str, str]) -> None:
        """Every value names a declared parameter, and every required parameter has a value."""
        known = {p.name for p in self.parameters}
        for name in values:
            if name not in known:
                hint = ", ".join(sorted(known)) or "none"
                raise QueryError(f"{self.name}: no parameter {name!r} (parameters: {hint})")
        missing = [p.name for p in self.parameters if not p.optional and p.name not in values]
        if missing:
            raise QueryError(
                f"{self.name}: needs --param {missing[0]}=… ({self.parameter(missing[0]).description})"
            )

    def parameter(self, name: str) -> Parameter:
        return next(p for p in self.parameters if p.name == name)


def read_question(path: Path) -> SavedQuestion:
    text = path.read_text(encoding="utf-8")
    header: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    if not header or not header[0]:
        raise QueryError(f"{path}: a saved question starts with a comment line saying what it answers")
    parameters, description, network = [], [], None
    for line in header[1:]:
        if line.startswith("param "):
            match = _PARAM.match(line)
            if not match or match["kind"] not in KINDS:
                raise QueryError(
                    f"{path}: bad parameter line {line!r} (param NAME (KIND[, optional]): what it is)"
                )
            parameters.append(Parameter(match["name"], match["kind"], match["doc"], bool(match["optional"])))
        elif line.startswith("network:"):
            network = line.partition(":")[2].strip()
        elif line:
            description.append(line)
    return SavedQuestion(path.stem, path, header[0], tuple(description), tuple(parameters), network, text)


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def saved_questions(directory: Path | None = None) -> dict[str, SavedQuestion]:
    """Every saved question by name, in name order."""
    directory = directory or queries_dir()
    return {q.name: q for q in (read_question(p) for p in sorted(directory.glob("*.rq")))}


def saved_question(name: str, directory: Path | None = None) -> SavedQuestion:
    questions = saved_questions(directory)
    if name not in questions:
        raise QueryError(f"{name}: no such saved question (see `govkg query --list`)")
    return questions[name]
