"""networkx analytics over the built graph: what it holds, who is central, how two entities connect."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from govkg.errors import QueryError
from govkg.viz.graphdata import Edge, EntityGraph, Node
from govkg.viz.select import find_nodes
from govkg.viz.terms import CLASS_BY_KEY, CLASSES

# A mention only says that an article names the entity; prefer a path through facts.
_MENTION_WEIGHT = 3.0


@dataclass(frozen=True)
class Ranked:
    label: str
    cls: str
    degree: int


@dataclass(frozen=True)
class Community:
    size: int
    members: tuple[str, ...]  # the best connected labels, at most a few


@dataclass(frozen=True)
class GraphStats:
    classes: tuple[tuple[str, int], ...]  # (class key, entities), in legend order
    edges: int
    most_connected: tuple[Ranked, ...]
    communities: tuple[Community, ...]  # largest first
    community_count: int
    programs_per_region: tuple[tuple[str, int], ...]  # (place label, programs in it or below it)

    def as_dict(self) -> dict:
        return {
            "classes": {CLASS_BY_KEY[k].name_en: n for k, n in self.classes},
            "edges": self.edges,
            "most_connected": [{"label": r.label, "class": CLASS_BY_KEY[r.cls].name_en, "degree": r.degree}
                               for r in self.most_connected],
            "community_count": self.community_count,
            "communities": [{"size": c.size, "members": list(c.members)} for c in self.communities],
            "programs_per_region": [{"region": label, "programs": n} for label, n in self.programs_per_region],
        }


@dataclass(frozen=True)
class Hop:
    source: str  # label of the entity the hop starts from
    link: str  # name of the link, read in the direction it was stated
    target: str
    forward: bool  # False when the link was stated from target to source
    evidence: str | None  # a sentence standing for both ends (see _evidence); None when there is none


@dataclass(frozen=True)
class Connection:
    source: str
    target: str
    hops: tuple[Hop, ...]


def to_networkx(graph: EntityGraph) -> nx.Graph:
    """Undirected graph keyed by IRI; each edge keeps the links it stands for and a weight."""
    g = nx.Graph()
    for n in graph.nodes:
        g.add_node(n.iri, label=n.label, cls=n.cls)
    for e in graph.edges:
        if e.source == e.target:
            continue
        if g.has_edge(e.source, e.target):
            data = g.edges[e.source, e.target]
            data["links"].append(e)
            data["weight"] = min(data["weight"], _weight(e))
        else:
            g.add_edge(e.source, e.target, links=[e], weight=_weight(e))
    return g


def _weight(e: Edge) -> float:
    return _MENTION_WEIGHT if e.kind == "mentions" else 1.0


def graph_stats(graph: EntityGraph, *, top: int = 10) -> GraphStats:
    g = to_networkx(graph)
    counts = Counter(n.cls for n in graph.nodes)
    labels = {n.iri: n.label for n in graph.nodes}
    ranked = sorted((n for n in graph.nodes if n.cls != "article"), key=lambda n: (-g.degree(n.iri), n.label))
    most = tuple(Ranked(n.label, n.cls, g.degree(n.iri)) for n in ranked[:top])
    communities = sorted(
        (sorted(c, key=lambda iri: (-g.degree(iri), labels[iri])) for c in
         nx.community.louvain_communities(g, weight="weight", seed=0) if len(c) > 1),
        key=lambda c: (-len(c), labels[c[0]]),
    ) if g.number_of_edges() else []
    return GraphStats(
        classes=tuple((c.key, counts.get(c.key, 0)) for c in CLASSES),
        edges=len(graph.edges),
        most_connected=most,
        communities=tuple(Community(len(c), tuple(labels[i] for i in c[:5])) for c in communities[:top]),
        community_count=len(communities),
        programs_per_region=_programs_per_region(graph)[:top * 2],
    )


def _programs_per_region(graph: EntityGraph) -> tuple[tuple[str, int], ...]:
    places = {n.iri: n.label for n in graph.nodes if n.cls == "place"}
    count: dict[str, int] = defaultdict(int)
    for n in graph.nodes:
        if n.cls == "program":
            for region in n.regions:
                if region in places:
                    count[region] += 1
    return tuple(sorted(((places[r], k) for r, k in count.items()), key=lambda rk: (-rk[1], rk[0])))


def connection(graph: EntityGraph, a: str, b: str) -> Connection:
    """The shortest chain of links between the entities named ``a`` and ``b``, each with its evidence;
    links between facts are preferred to "an article mentions both"."""
    source, target = find_nodes(graph, a)[0], find_nodes(graph, b)[0]
    g = to_networkx(graph)
    try:
        route = nx.dijkstra_path(g, source.iri, target.iri, weight="weight")
    except nx.NetworkXNoPath:
        raise QueryError(f"{source.label} and {target.label} are not connected in this graph") from None
    nodes = graph.node_map()
    hops = []
    for here, there in nx.utils.pairwise(route):
        link = min(g.edges[here, there]["links"], key=lambda e: (_weight(e), e.kind))
        hops.append(Hop(
            source=nodes[here].label,
            link=link.label,
            target=nodes[there].label,
            forward=link.source == here,
            evidence=_evidence(graph, nodes[here], nodes[there]),
        ))
    return Connection(source.label, target.label, tuple(hops))


def _evidence(graph: EntityGraph, one: Node, other: Node) -> str | None:
    """The first sentence that stands for both ends: each end is named in it, or it is that end's own
    evidence (a metric's sentence rarely spells the metric's label). None when no sentence does, as for
    a place's parent from the gazetteer or a byline."""
    own = {node.iri: set(graph.article_evidence.get(node.iri, ()) if node.cls == "article" else node.evidence)
           for node in (one, other)}

    def names(node: Node, sentence: str) -> bool:
        return sentence in own[node.iri] or any(label and label in sentence for label in (node.label, *node.alt_labels))

    for sentence in sorted(own[one.iri] | own[other.iri]):
        if names(one, sentence) and names(other, sentence):
            return sentence
    return None
