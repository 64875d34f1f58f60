"""Graph games from and to networkx: an attack graph built in Python becomes an eqlab graph
game by its node and edge attributes, named as in eqlab's "graph" format (docs/FORMAT.md).

Node attributes: "owner" (0 or "defender"/"P1" for the defender, 1 or "attacker"/"P2" for
the attacker), "target", "init", "site", "trap_ok", "fake_ok", "cost", "weight", "labels"
(a list, or a comma-separated string as in GraphML). Edge attribute: "action". Graph
attributes: "name", and the budgets as "decoys" = {"traps": k, "fake_targets": k} or as
GraphML's "k_trap" and "k_fake". The node's name becomes the vertex id (its "id" attribute
when it has one). Attributes starting with "x-" and drawing attributes are ignored, as in
GraphML files; any other attribute is a ValueError naming the node.
"""

# The owner as attack-graph tools write it. A number follows eqlab's JSON format (0 the
# defender, 1 the attacker); text follows GraphML's, where "1" and "2" count from one.
_OWNER_TEXT = {"defender": 0, "P1": 0, "1": 0, "attacker": 1, "P2": 1, "2": 1}
_VERTEX_MEMBERS = {"target", "init", "site", "trap_ok", "fake_ok", "cost", "weight", "labels"}
_DRAWING = {"label", "color", "fillcolor", "shape", "pos", "style", "xlabel", "width", "height", "fontname",
            "penwidth", "fontsize", "fontcolor", "tooltip"}


def _ignored(key):
    return key.startswith("x-") or key in _DRAWING


def _owner(value, node):
    if isinstance(value, bool) or value is None:
        raise ValueError(f"node {node!r}: owner must be 0 or 1 (or 'defender'/'attacker'), got {value!r}")
    if isinstance(value, int):
        if value in (0, 1):
            return value
    elif str(value) in _OWNER_TEXT:
        return _OWNER_TEXT[str(value)]
    raise ValueError(f"node {node!r}: owner must be 0 or 1 (or 'defender'/'attacker'), got {value!r}")


def _vertex(node, attributes):
    if "owner" not in attributes:
        raise ValueError(f"node {node!r}: no 'owner' attribute (0 or 'defender', 1 or 'attacker')")
    vertex = {"id": str(attributes.get("id", node)), "owner": _owner(attributes["owner"], node)}
    for key, value in attributes.items():
        if key in ("id", "owner") or _ignored(key):
            continue
        if key not in _VERTEX_MEMBERS:
            raise ValueError(f"node {node!r}: unknown attribute {key!r} (the vertex members are "
                             f"{', '.join(sorted(_VERTEX_MEMBERS | {'owner'}))}; prefix others with 'x-')")
        if key == "labels" and isinstance(value, str):
            value = [label.strip() for label in value.split(",") if label.strip()]
        vertex[key] = value
    return vertex


def from_networkx(graph):
    """The eqlab "graph" game document (a dict for eqlab.load) of a networkx.DiGraph or
    MultiDiGraph whose attributes carry the format's names (see the module's text)."""
    if not graph.is_directed():
        raise ValueError("a graph game needs a directed graph (networkx.DiGraph), not an undirected one")
    ids = {}
    vertices = []
    for node, attributes in graph.nodes(data=True):
        vertex = _vertex(node, attributes)
        ids[node] = vertex["id"]
        vertices.append(vertex)
    edges = []
    for source, target, attributes in graph.edges(data=True):
        edge = {"from": ids[source], "to": ids[target]}
        for key, value in attributes.items():
            if key == "action":
                edge["action"] = str(value)
            elif not _ignored(key):
                raise ValueError(f"edge {source!r} -> {target!r}: unknown attribute {key!r} (an edge has 'action')")
        edges.append(edge)
    document = {"format": "eqlab-game/1", "type": "graph", "players": ["defender", "attacker"],
                "vertices": vertices, "edges": edges}
    if "name" in graph.graph:
        document["name"] = str(graph.graph["name"])
    budgets = dict(graph.graph.get("decoys", {}))
    if "k_trap" in graph.graph:
        budgets["traps"] = int(graph.graph["k_trap"])
    if "k_fake" in graph.graph:
        budgets["fake_targets"] = int(graph.graph["k_fake"])
    if budgets:
        document["decoys"] = budgets
    return document


def to_networkx(game):
    """An eqlab.GraphGame (or a "graph" dict) as a networkx.DiGraph with the format's
    attributes; a vertex with two edges to one successor keeps the first edge's action."""
    import networkx as nx

    document = game if isinstance(game, dict) else game.to_dict()
    graph = nx.DiGraph(name=document.get("name", ""))
    if "decoys" in document:
        graph.graph["decoys"] = dict(document["decoys"])
    for vertex in document["vertices"]:
        attributes = {key: value for key, value in vertex.items() if key != "id"}
        graph.add_node(vertex["id"], **attributes)
    for edge in document["edges"]:
        if not graph.has_edge(edge["from"], edge["to"]):
            graph.add_edge(edge["from"], edge["to"], action=edge.get("action", ""))
    return graph


def is_networkx_graph(value):
    """Whether `value` is a networkx graph, without importing networkx when it is not there."""
    return type(value).__module__.startswith("networkx.") and hasattr(value, "nodes") and hasattr(value, "edges")
