"""The contract terms the view reads, and how each class and link looks on the page."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace
from rdflib.namespace import PROV, RDF, RDFS, SKOS

GK = Namespace("https://w3id.org/govkg/ontology#")
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

__all__ = ["GK", "SDO", "ORG", "PROV", "RDF", "RDFS", "SKOS", "ClassStyle", "CLASSES", "LINKS", "link_label"]


@dataclass(frozen=True)
class ClassStyle:
    """How one entity class is drawn: vis-network shape and colour, and its name in the legend."""

    key: str
    iri: str
    name_zh: str
    name_en: str
    color: str
    shape: str


# Order matters: an entity typed with two classes takes the first one listed here.
CLASSES: tuple[ClassStyle, ...] = (
    ClassStyle("program", str(GK.Program), "项目/行动", "Program", "#c62828", "star"),
    ClassStyle("org", str(SDO.Organization), "机构", "Organization", "#1565c0", "hexagon"),
    ClassStyle("person", str(SDO.Person), "人物", "Person", "#ef6c00", "dot"),
    ClassStyle("place", str(SDO.Place), "地点", "Place", "#2e7d32", "triangle"),
    ClassStyle("metric", str(GK.Metric), "数据", "Metric", "#6a1b9a", "diamond"),
    ClassStyle("article", str(SDO.NewsArticle), "报道", "NewsArticle", "#546e7a", "square"),
)
CLASS_BY_IRI = {c.iri: c for c in CLASSES}
CLASS_BY_KEY = {c.key: c for c in CLASSES}

# Links between entities: predicate IRI -> (short key, Chinese name shown on the page).
LINKS: dict[str, tuple[str, str]] = {
    str(SDO.mentions): ("mentions", "提及"),
    str(SDO.author): ("author", "记者"),
    str(SDO.contributor): ("contributor", "通讯员"),
    str(GK.photographer): ("photographer", "摄影"),
    str(SDO.editor): ("editor", "编辑"),
    str(SDO.containedInPlace): ("containedInPlace", "隶属"),
    str(SDO.location): ("location", "位于"),
    str(GK.implementedIn): ("implementedIn", "实施地"),
    str(GK.runBy): ("runBy", "实施单位"),
    str(GK.involves): ("involves", "相关人物"),
    str(GK.about): ("about", "关于"),
}
MEMBERSHIP_LINK = ("membership", "任职")

# Literal properties shown in tooltips, with their Chinese names.
PROPERTY_NAMES: dict[str, str] = {
    str(SDO.headline): "标题",
    str(SDO.articleSection): "栏目",
    str(SDO.datePublished): "日期",
    str(GK.adcode): "行政区划代码",
    str(GK.adminLevel): "行政级别",
    str(GK.value): "数值",
    str(GK.unit): "单位",
    str(GK.qualifier): "修饰",
    str(GK.measure): "指标",
    str(GK.period): "时间",
    str(GK.sourceDocument): "来源文件",
}

# Predicates that are bookkeeping, not facts a viewer reads.
HIDDEN_PREDICATES = frozenset(
    str(p) for p in (RDF.type, RDFS.label, SKOS.altLabel, PROV.wasDerivedFrom, SDO.mentions)
)


def link_label(predicate: str) -> tuple[str, str]:
    """The key and Chinese name of a link; an unknown predicate shows its local name."""
    if predicate in LINKS:
        return LINKS[predicate]
    local = predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return local, local


def property_name(predicate: str) -> str:
    if predicate in PROPERTY_NAMES:
        return PROPERTY_NAMES[predicate]
    if predicate in LINKS:
        return LINKS[predicate][1]
    return predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
