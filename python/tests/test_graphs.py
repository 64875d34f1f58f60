"""Graph games in Python: loading (files, dicts, networkx), decoy placement and preference
equilibria, against the command line's documents."""
import json
import os
import subprocess
import tempfile

import pytest

import eqlab

BINARY_DIR = os.environ.get("EQLAB_BINARY_DIR", "")
SOURCE_DIR = os.environ.get("EQLAB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
EQLAB_CLI = os.path.join(BINARY_DIR, "bin", "eqlab")
NETWORK = os.path.join(SOURCE_DIR, "examples", "security", "network.graphml")
AIRSPACE = os.path.join(SOURCE_DIR, "examples", "drone", "airspace.json")
GOALS = os.path.join(SOURCE_DIR, "examples", "drone", "goals.json")
needs_cli = pytest.mark.skipif(not os.path.exists(EQLAB_CLI), reason="the eqlab command line is not built")

# The three-vertex attack graph of docs/FORMAT.md.
TINY = {"format": "eqlab-game/1", "type": "graph", "name": "tiny-decoy", "players": ["defender", "attacker"],
        "vertices": [{"id": "entry", "owner": 1, "init": True}, {"id": "web", "owner": 1, "trap_ok": True},
                     {"id": "db", "owner": 1, "target": True}],
        "edges": [{"from": "entry", "to": "web"}, {"from": "web", "to": "db"}, {"from": "db", "to": "db"}],
        "decoys": {"traps": 1, "fake_targets": 0}}


def cli_document(args):
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "out.json")
        subprocess.run([EQLAB_CLI, *args, "--out", out], check=True, capture_output=True)
        with open(out) as f:
            document = json.load(f)
    document.pop("seconds")
    return document


def test_graph_games_load_from_files_dicts_and_builtins():
    network = eqlab.load(NETWORK)
    assert isinstance(network, eqlab.GraphGame)
    assert (network.kind, network.num_vertices, network.num_edges) == ("graph", 19, 29)
    assert network.budgets == {"traps": 1, "fake_targets": 1}
    assert "db_root/defender" in network.targets
    again = eqlab.load(network.to_dict())
    assert again.to_dict() == network.to_dict()
    assert again.vertices == network.vertices and again.sites == network.sites
    tiny = eqlab.load(TINY)
    assert (tiny.num_vertices, tiny.targets, tiny.sites) == (3, ["db"], ["web"])
    assert eqlab.load("gridworld(rows=5,cols=5)").num_vertices > 25


def test_a_networkx_graph_is_the_same_game_as_its_dict():
    nx = pytest.importorskip("networkx", reason="networkx is not installed (Debian: python3-networkx)")
    graph = nx.DiGraph(name="tiny-decoy", decoys={"traps": 1, "fake_targets": 0})
    graph.add_node("entry", owner="attacker", init=True, label="drawn, not read")
    graph.add_node("web", owner=1, trap_ok=True)
    graph.add_node("db", owner="P2", target=True, **{"x-note": "ignored"})
    graph.add_edges_from([("entry", "web"), ("web", "db"), ("db", "db")])
    assert eqlab.load(graph).to_dict() == eqlab.load(TINY).to_dict()
    back = eqlab.graphs.to_networkx(eqlab.load(TINY))
    assert eqlab.load(back).to_dict() == eqlab.load(TINY).to_dict()
    # The GraphML file read by networkx is the game eqlab reads from it.
    from_networkx = eqlab.load(nx.read_graphml(NETWORK))
    assert eqlab.decoys.place(from_networkx)["picks"] == eqlab.decoys.place(NETWORK)["picks"]


def test_bad_networkx_attributes_and_graphs_name_the_culprit():
    nx = pytest.importorskip("networkx", reason="networkx is not installed (Debian: python3-networkx)")
    graph = nx.DiGraph()
    graph.add_node("a", owner=1, colour="red")
    with pytest.raises(ValueError, match="node 'a': unknown attribute 'colour'"):
        eqlab.load(graph)
    graph = nx.DiGraph()
    graph.add_node("a", owner=3)
    with pytest.raises(ValueError, match="node 'a': owner must be 0 or 1"):
        eqlab.load(graph)
    graph = nx.DiGraph()
    graph.add_node("a", owner=0)
    with pytest.raises(ValueError, match="/vertices/0"):  # no out-edge: the loader's own message
        eqlab.load(graph)
    with pytest.raises(ValueError, match="directed"):
        eqlab.load(nx.Graph())


def test_bad_graph_dicts_and_requests_raise_value_errors():
    broken = json.loads(json.dumps(TINY))
    broken["edges"][0]["to"] = "nowhere"
    with pytest.raises(ValueError, match=r'<dict>: /edges/0/to: unknown vertex "nowhere"'):
        eqlab.load(broken)
    with pytest.raises(ValueError, match="region must be"):
        eqlab.decoys.place(TINY, region="sure")
    with pytest.raises(ValueError, match="nothing to place"):
        eqlab.decoys.place(TINY, traps=0)
    with pytest.raises(ValueError, match="kuhn is an extensive game, not a graph game"):
        eqlab.preferences("kuhn", GOALS)


@needs_cli
@pytest.mark.parametrize("options", [{}, {"method": "exhaustive", "region": "daswin"},
                                     {"method": "lazy", "mode": "reference", "check_submodular": True}])
def test_decoy_placement_is_the_command_lines(options):
    flags = []
    if options.get("method") == "exhaustive":
        flags.append("--exhaustive")
    if options.get("method") == "lazy":
        flags.append("--lazy")
    if "region" in options:
        flags += ["--region", options["region"]]
    if "mode" in options:
        flags += ["--mode", options["mode"]]
    if options.get("check_submodular"):
        flags.append("--check-submodular")
    expected = cli_document(["decoys", NETWORK, *flags])
    placement = eqlab.decoys.place(eqlab.load(NETWORK), **options)
    placement.pop("seconds")
    assert placement == expected


def test_a_placement_on_the_tiny_graph_traps_the_only_way_in():
    placement = eqlab.decoys.place(TINY, dot=True)
    assert placement["picks"] == [{"kind": "trap", "site": "web", "value": 1.0, "region_size": 2}]
    assert placement["vertex_roles"] == {"entry": "deceptive", "web": "trap", "db": "target"}
    assert placement["dot"].startswith('digraph "tiny-decoy"')


@needs_cli
def test_preferences_are_the_command_lines():
    expected = cli_document(["preferences", AIRSPACE, "--goals", GOALS])
    with open(GOALS) as f:
        goals = json.load(f)
    report = eqlab.preferences(AIRSPACE, goals)
    report.pop("seconds")
    assert report == expected
    aligned = report["cases"][0]
    assert aligned["name"] == "aligned"
    equilibria = [o["goals"] for o in aligned["outcomes"] if o["equilibrium"]]
    assert equilibria == [["deliver_a", "return"], ["deliver_b", "return"]]
