"""Decoys on an attack graph, from Python with networkx: the README's figure
docs/img/decoys-network.png (examples/security/README.md).

Reads examples/security/network.graphml with networkx, places the file's budget of
decoys (one fake target, one trap) with eqlab.decoys.place, prints the picks and the
value of deception, and draws the network coloured by each vertex's role: targets red,
the trap orange, the fake gold, the defender's deceptive winning region green, the rest
of the attacker's winning region pink; the defender's moves are bold.

    PYTHONPATH=build/python python3 examples/python/decoys_networkx.py --out decoys-network.png

draw(graph, placement) makes the figure for any placement (eqlab-tour.ipynb uses it).
"""
import argparse
import os

import numpy as np

import example_support

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPH = os.path.join(HERE, "..", "security", "network.graphml")
# The colours of `eqlab decoys --png`, by the placement's "vertex_roles".
ROLES = {"target": ("#e06666", "target"), "trap": ("#f6b26b", "trap"), "fake": ("#ffd966", "fake target"),
         "deceptive": ("#b6d7a8", "deceptive winning region"),
         "attacker": ("#f4cccc", "rest of the attacker's winning region"),
         "defender": ("#cfe2f3", "defender's winning region")}
SIZE = 2200  # a vertex's marker, in points squared: room for "backup_user" in 7-point type


def layered_layout(graph, start):
    """Rows as the attack unfolds, top to bottom, as GraphViz's dot draws it: each vertex
    one row below the lowest of its predecessors, counting every edge but those that close
    a cycle (found by a depth-first search from `start`: the moves that send the attacker
    back, drawn upwards). Within a row, each vertex sits near the mean position of its
    predecessors, which keeps edges short and from crossing. Deterministic: no random
    seed. Returns the positions and the set of edges that go back."""
    import networkx as nx

    on_path, back = set(), set()
    for u, v, kind in nx.dfs_labeled_edges(graph, start):
        if kind == "forward":
            on_path.add(v)
        elif kind == "reverse":
            on_path.discard(v)
        elif v in on_path:  # a non-tree edge to a vertex still on the search's path
            back.add((u, v))
    forward = nx.DiGraph()
    forward.add_nodes_from(graph)
    forward.add_edges_from(edge for edge in graph.edges() if edge not in back)
    row = {}
    for vertex in nx.topological_sort(forward):
        row[vertex] = max((row[u] + 1 for u in forward.predecessors(vertex)), default=0)
    x = {}
    order = {vertex: i for i, vertex in enumerate(graph)}  # the file's order breaks ties
    for r in sorted(set(row.values())):
        members = [v for v in graph if row[v] == r]
        wanted = {v: sum(x[u] for u in forward.predecessors(v)) / max(1, forward.in_degree(v)) for v in members}
        members.sort(key=lambda v: (wanted[v], order[v]))
        # Each vertex as near its predecessors' mean as a spacing of one column allows.
        placed = [wanted[members[0]]]
        for v in members[1:]:
            placed.append(max(wanted[v], placed[-1] + 1))
        shift = (sum(wanted.values()) - sum(placed)) / len(members)
        x.update((v, p + shift) for v, p in zip(members, placed))
    return {vertex: (x[vertex], -row[vertex]) for vertex in graph}, back


def arc(a, b, rad, t):
    """Points at parameters `t` of the edge matplotlib draws from a to b (pixels) with
    connectionstyle arc3,rad=`rad`: a quadratic Bezier curve whose control point lies
    `rad` times the chord's length to the right of the direction of travel."""
    control = (a + b) / 2 + rad * np.array([b[1] - a[1], a[0] - b[0]])
    t = np.asarray(t, dtype=float)[:, None]
    return (1 - t) ** 2 * a + 2 * t * (1 - t) * control + t ** 2 * b


def route(a, b, others, clearance, bends):
    """The first bend of `bends` whose arc keeps `clearance` pixels away from `others`
    (the other vertices), else the one that comes least close."""
    def gap(rad):
        points = arc(a, b, rad, np.linspace(0.1, 0.9, 33))
        return np.min(np.linalg.norm(points[:, None, :] - others[None, :, :], axis=2))

    return next((rad for rad in bends if gap(rad) > clearance), max(bends, key=gap))


def place_label(ax, text, candidates, taken, lines, **style):
    """Writes `text` at the first candidate (pixel point, alignment) where it overlaps
    nothing in `taken` (the vertices and the labels already written) and no point of
    `lines` (the other edges); where every candidate does, at the one that hides least."""
    renderer = ax.figure.canvas.get_renderer()
    best = None
    for point, ha, va in candidates:
        label = ax.text(*ax.transData.inverted().transform(point), text, ha=ha, va=va, **style)
        box = label.get_window_extent(renderer)
        hidden = 100 * sum(box.overlaps(other) for other in taken) + box.count_contains(lines)
        if best is None or hidden < best[0]:
            if best is not None:
                best[1].remove()
            best = (hidden, label, box)
        else:
            label.remove()
        if hidden == 0:
            break
    taken.append(best[2])


def draw(graph, placement, width=9):
    """The networkx graph coloured by the placement's "vertex_roles", with the defender's
    moves of placement["strategy"] bold and each edge's action beside it; returns the
    matplotlib figure."""
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.transforms import Bbox

    roles = placement["vertex_roles"]
    moves = {(move["vertex"], move["to"]) for move in placement["strategy"]["moves"]}
    start = next(v for v, init in graph.nodes(data="init") if init)
    pos, back = layered_layout(graph, start)
    rows = len({y for _, y in pos.values()})

    fig, ax = plt.subplots(figsize=(width, 1.2 * rows + 1))
    regions = placement["regions"]
    ax.set_title(f"{graph.graph.get('name', 'attack graph')}: value of deception {placement['value']:.3f} "
                 f"({regions['deceptive']} of {regions['denominator']} states)")
    # Fix the axes before drawing: the arcs and their labels are placed in pixels.
    ax.set_xlim(min(x for x, _ in pos.values()) - 1, max(x for x, _ in pos.values()) + 1)
    ax.set_ylim(-rows + 0.5, 0.5)
    ax.axis("off")
    fig.tight_layout()

    # Defender vertices as boxes, the attacker's as circles, as eqlab's GraphViz drawing does.
    shape = {v: "s" if owner == "defender" else "o" for v, owner in graph.nodes(data="owner")}
    for s in ("s", "o"):
        nodes = [v for v in graph if shape[v] == s]
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_shape=s, node_size=SIZE, ax=ax,
                               node_color=[ROLES[roles[v]][0] for v in nodes], edgecolors="black", linewidths=0.8)
    # Long ids break at the "/", so that "backup_user/defender" fits in its box.
    nx.draw_networkx_labels(graph, pos, labels={v: v.replace("/", "\n/") for v in graph}, font_size=7, ax=ax)

    # Edges bend just enough to pass beside the vertices between their ends; an edge back
    # up bends outwards, away from the middle; an edge and its reverse bend to opposite
    # sides.
    centres = {v: ax.transData.transform(pos[v]) for v in graph}
    half = 0.5 * SIZE ** 0.5 * fig.dpi / 72  # pixels: half a marker's width
    middle = np.mean(list(centres.values()), axis=0)[0]
    edges = {}
    for u, v, action in graph.edges(data="action"):
        if u == v:
            continue  # a target's self-loop only ends the game
        a, b = centres[u], centres[v]
        others = np.array([centres[w] for w in graph if w not in (u, v)])
        if graph.has_edge(v, u):
            bends = [0.3, 0.5, 0.7]  # rad > 0 bends right of the direction of travel
        elif (u, v) in back:
            outwards = 1 if ((a[0] + b[0]) / 2 >= middle) == (b[1] > a[1]) else -1
            bends = [outwards * r for r in (0.1, 0.2, 0.3, 0.5, 0.7, 0.9)]
        else:
            bends = [0.0] + [s * r for r in (0.2, 0.35, 0.5, 0.7) for s in (1, -1)]
        rad = route(a, b, others, 1.5 * half, bends)
        bold = (u, v) in moves
        nx.draw_networkx_edges(graph, pos, edgelist=[(u, v)], node_size=SIZE, node_shape=shape[v],
                               width=2.6 if bold else 0.9, arrowsize=14 if bold else 10,
                               connectionstyle=f"arc3,rad={rad}", ax=ax)
        edges[u, v] = (a, b, rad, action, bold)

    # Each action beside its edge, where it hides no vertex, label or other edge: right or
    # left of a steep edge (first on the side it bows to), above or below a flat one. The
    # defender's moves come first: they get the best places.
    taken = [Bbox.from_bounds(x - half, y - half, 2 * half, 2 * half) for x, y in centres.values()]
    lines = {edge: arc(a, b, rad, np.linspace(0, 1, 200)) for edge, (a, b, rad, _, _) in edges.items()}
    for edge, (a, b, rad, action, bold) in sorted(edges.items(), key=lambda item: not item[1][4]):
        steep = abs(b[1] - a[1]) > abs(b[0] - a[0])
        bow = np.sign(rad * (b[1] - a[1]) if steep else rad * (a[0] - b[0])) or 1
        candidates = []
        for t in (0.5, 0.38, 0.62, 0.28, 0.72):
            point = arc(a, b, rad, [t])[0]
            for side in (bow, -bow):
                if steep:
                    candidates.append((point + (6 * side, 0), "left" if side > 0 else "right", "center"))
                else:
                    candidates.append((point + (0, 4 * side), "center", "bottom" if side > 0 else "top"))
        other_lines = np.concatenate([points for other, points in lines.items() if other != edge])
        place_label(ax, action, candidates, taken, other_lines, fontsize=7,
                    fontweight="bold" if bold else "normal",
                    bbox=dict(facecolor="white", edgecolor="none", alpha=0.7, pad=0.3))

    handles = [Patch(facecolor=colour, edgecolor="black", label=name) for role, (colour, name) in ROLES.items()
               if role in roles.values()]
    handles.append(Line2D([], [], color="black", linewidth=2.6, label="defender's move"))
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    return fig


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", default=GRAPH, help="a GraphML attack graph (default: %(default)s)")
    parser.add_argument("--out", default="decoys-network.png", help="the PNG to write (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="the same figure (it takes a second anyway)")
    args = parser.parse_args()
    example_support.pyplot()
    nx = example_support.require("networkx", "python3-networkx")
    eqlab = example_support.eqlab()

    graph = nx.read_graphml(args.graph)
    # No budgets given: place() takes the file's own (k_fake, k_trap).
    placement = eqlab.decoys.place(graph)
    for pick in placement["picks"]:
        print(f"{pick['kind']} at {pick['site']}: region {pick['region_size']} of "
              f"{placement['regions']['denominator']}, value {pick['value']:.6f}")
    print(f"value of deception {placement['value']:.6f}")
    example_support.save(draw(graph, placement), args.out)


if __name__ == "__main__":
    main()
