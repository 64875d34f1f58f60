#include <eqlab/games/graph/graph_files.hpp>
#include <eqlab/games/graph/markup_nesting.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <typeinfo>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <nlohmann/json.hpp>

#include <eqlab/games/graph/graph_json.hpp>
#include <eqlab/games/io/json_type_scan.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

using Attributes = std::map<std::string, std::string>;

// What a GraphML or DOT file says, before any rule of the game is checked.
struct RawGraph {
  struct Node {
    std::string name;  // the node's name in the file
    Attributes attributes;
  };
  struct Edge {
    int from = 0, to = 0;
    Attributes attributes;
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  Attributes graph;
};

const std::set<std::string>& node_attribute_names() {
  static const std::set<std::string> names{"id",      "owner", "target", "site",   "trap_ok",
                                           "fake_ok", "cost",  "weight", "labels", "init"};
  return names;
}
const std::set<std::string>& edge_attribute_names() {
  static const std::set<std::string> names{"action"};
  return names;
}
const std::set<std::string>& graph_attribute_names() {
  static const std::set<std::string> names{"name", "k_trap", "k_fake"};
  return names;
}

// Attributes that drawing tools write and eqlab ignores.
bool is_drawing_attribute(const std::string& name) {
  static const std::set<std::string> names{
      "label",    "xlabel",    "color",     "fillcolor", "fontcolor", "fontname", "fontsize", "shape",
      "style",    "penwidth",  "width",     "height",    "pos",       "tooltip",  "comment",  "URL",
      "href",     "class",     "rank",      "rankdir",   "splines",   "layout",   "bgcolor",  "nodesep",
      "ranksep",  "dir",       "arrowhead", "arrowtail", "headlabel", "taillabel", "group",   "size",
      "ratio",    "concentrate"};
  return names.count(name) != 0 || name.rfind("x-", 0) == 0;
}

std::string squote(const std::string& s) { return "'" + s + "'"; }

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void check_attributes(const Attributes& attributes, const std::set<std::string>& known, const std::string& pointer,
                      const char* what) {
  for (const auto& [name, value] : attributes)
    if (known.count(name) == 0 && !is_drawing_attribute(name))
      throw InputError(pointer, "unknown " + std::string(what) + " attribute " + squote(name) + " (the attributes are " +
                                    join(known) + ")");
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

const std::string* find(const Attributes& attributes, const char* name) {
  const auto it = attributes.find(name);
  return it == attributes.end() ? nullptr : &it->second;
}

bool attribute_bool(const Attributes& attributes, const char* name, const std::string& pointer) {
  const std::string* text = find(attributes, name);
  if (!text) return false;
  const std::string t = lower(trim(*text));
  if (t == "true" || t == "1") return true;
  if (t == "false" || t == "0") return false;
  throw InputError(pointer, std::string(name) + ": expected true or false, got " + squote(*text));
}

double attribute_number(const Attributes& attributes, const char* name, const std::string& pointer, double fallback) {
  const std::string* text = find(attributes, name);
  if (!text) return fallback;
  std::optional<Number> n;
  try {
    n = Number::parse(trim(*text));
  } catch (const std::exception&) {
    n.reset();
  }
  if (!n) throw InputError(pointer, std::string(name) + ": expected a number, got " + squote(*text));
  return n->value;
}

int attribute_budget(const Attributes& attributes, const char* name) {
  const std::string* text = find(attributes, name);
  if (!text) return -1;
  const std::string t = trim(*text);
  const bool digits = !t.empty() && t.size() <= 9 && std::all_of(t.begin(), t.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  });
  if (!digits) throw InputError("graph", std::string(name) + ": expected a budget (an integer >= 0), got " + squote(*text));
  return std::stoi(t);
}

GraphPlayer attribute_owner(const Attributes& attributes, const std::string& pointer) {
  const std::string* text = find(attributes, "owner");
  if (!text)
    throw InputError(pointer, "the owner is missing: give owner P1 (the defender) or P2 (the attacker)");
  const std::string t = lower(trim(*text));
  if (t == "p1" || t == "defender" || t == "1") return GraphPlayer::defender;
  if (t == "p2" || t == "attacker" || t == "2") return GraphPlayer::attacker;
  throw InputError(pointer, "owner: expected P1, defender or 1 (the defender) or P2, attacker or 2 (the attacker), got " +
                                squote(*text));
}

std::vector<std::string> attribute_labels(const Attributes& attributes, const std::string& pointer) {
  std::vector<std::string> labels;
  const std::string* text = find(attributes, "labels");
  if (!text) return labels;
  std::stringstream in(*text);
  std::string item;
  while (std::getline(in, item, ',')) {
    item = trim(item);
    if (item.empty()) continue;
    if (std::find(labels.begin(), labels.end(), item) != labels.end())
      throw InputError(pointer, "labels: duplicate label " + squote(item));
    labels.push_back(item);
  }
  return labels;
}

std::string base_name(const std::string& file) {
  const auto slash = file.find_last_of('/');
  return slash == std::string::npos ? file : file.substr(slash + 1);
}

// The game a RawGraph describes; errors name `file` and the node or edge.
TurnGame build_game(const RawGraph& raw, const std::string& file) {
  std::vector<std::string> node_pointer, edge_pointer;
  for (const RawGraph::Node& node : raw.nodes) node_pointer.push_back("node " + squote(node.name));
  for (const RawGraph::Edge& edge : raw.edges)
    edge_pointer.push_back("edge " + raw.nodes[edge.from].name + " -> " + raw.nodes[edge.to].name);
  try {
    check_attributes(raw.graph, graph_attribute_names(), "graph", "graph");
    const std::string* name = find(raw.graph, "name");
    TurnGameBuilder builder(name && !trim(*name).empty() ? trim(*name) : base_name(file));
    std::map<std::string, std::string> first_node;  // vertex id -> the node that has it
    for (std::size_t k = 0; k < raw.nodes.size(); ++k) {
      const RawGraph::Node& node = raw.nodes[k];
      const std::string& p = node_pointer[k];
      check_attributes(node.attributes, node_attribute_names(), p, "node");
      GraphVertexSpec spec;
      const std::string* id = find(node.attributes, "id");
      spec.name = id ? trim(*id) : node.name;
      if (spec.name.empty()) throw InputError(p, "id: a vertex id must not be empty");
      if (const auto [it, inserted] = first_node.emplace(spec.name, node.name); !inserted)
        throw InputError(p, "duplicate vertex id " + squote(spec.name) + " (also node " + squote(it->second) + ")");
      spec.owner = attribute_owner(node.attributes, p);
      spec.target = attribute_bool(node.attributes, "target", p);
      spec.trap_ok = attribute_bool(node.attributes, "trap_ok", p);
      spec.fake_ok = attribute_bool(node.attributes, "fake_ok", p);
      spec.initial = attribute_bool(node.attributes, "init", p);
      if (const std::string* site = find(node.attributes, "site")) {
        spec.site = trim(*site);
        if (spec.site.empty()) throw InputError(p, "site: a site name must not be empty");
      }
      spec.cost = attribute_number(node.attributes, "cost", p, 1.0);
      spec.weight = attribute_number(node.attributes, "weight", p, 1.0);
      spec.labels = attribute_labels(node.attributes, p);
      builder.add_vertex(std::move(spec));
    }
    for (std::size_t k = 0; k < raw.edges.size(); ++k) {
      const RawGraph::Edge& edge = raw.edges[k];
      check_attributes(edge.attributes, edge_attribute_names(), edge_pointer[k], "edge");
      const std::string* action = find(edge.attributes, "action");
      std::string label = action ? trim(*action) : std::string();
      if (action && label.empty()) throw InputError(edge_pointer[k], "action: an action label must not be empty");
      builder.add_edge(edge.from, edge.to, std::move(label));
    }
    builder.set_budgets(attribute_budget(raw.graph, "k_trap"), attribute_budget(raw.graph, "k_fake"));
    return std::move(builder).build();
  } catch (const InputError& e) {
    // The builder points into the JSON layout; here a node or an edge is named instead.
    std::string pointer = e.pointer();
    const auto index = [&](const std::string& prefix) -> long {
      if (pointer.rfind(prefix, 0) != 0) return -1;
      try {
        return std::stol(pointer.substr(prefix.size()));
      } catch (const std::exception&) {
        return -1;
      }
    };
    if (const long v = index("/vertices/"); v >= 0 && static_cast<std::size_t>(v) < node_pointer.size())
      pointer = node_pointer[v];
    else if (const long k = index("/edges/"); k >= 0 && static_cast<std::size_t>(k) < edge_pointer.size())
      pointer = edge_pointer[k];
    else if (pointer == "/vertices")
      pointer.clear();
    throw InputError(file, pointer, e.detail());
  }
}

// ---- GraphML ----

namespace pt = boost::property_tree;

struct GraphmlKey {
  std::string domain;  // "node", "edge", "graph" or "all"
  std::string name;    // attr.name; empty: not an attribute eqlab reads (drawing data)
  std::optional<std::string> fallback;  // <default>
};

std::string xml_attribute(const pt::ptree& element, const char* name) {
  return element.get<std::string>(pt::ptree::path_type(std::string("<xmlattr>/") + name, '/'), "");
}

[[noreturn]] void malformed(const std::string& what) { throw InputError("", "malformed GraphML: " + what); }

// The <data> children of `element` for the keys of `domain`, then the keys' defaults.
Attributes graphml_data(const pt::ptree& element, const std::string& domain, const std::map<std::string, GraphmlKey>& keys,
                        const std::string& pointer) {
  Attributes out;
  for (const auto& [tag, child] : element) {
    if (tag != "data") continue;
    const std::string key = xml_attribute(child, "key");
    const auto it = keys.find(key);
    if (it == keys.end() || (it->second.domain != domain && it->second.domain != "all"))
      throw InputError(pointer, "<data key=\"" + key + "\"> names no <key for=\"" + domain + "\">");
    if (it->second.name.empty()) continue;
    out[it->second.name] = child.get_value<std::string>();
  }
  for (const auto& [id, key] : keys)
    if (key.fallback && !key.name.empty() && (key.domain == domain || key.domain == "all"))
      out.emplace(key.name, *key.fallback);
  return out;
}

RawGraph parse_graphml(const std::string& text) {
  pt::ptree tree;
  std::istringstream in(text);
  try {
    pt::read_xml(in, tree, pt::xml_parser::no_comments | pt::xml_parser::trim_whitespace);
  } catch (const pt::xml_parser_error& e) {
    throw InputError("line " + std::to_string(e.line()), "malformed GraphML: " + e.message());
  }
  const auto root = tree.get_child_optional("graphml");
  if (!root) malformed("no <graphml> element");

  std::map<std::string, GraphmlKey> keys;
  const pt::ptree* graph = nullptr;
  for (const auto& [tag, child] : *root) {
    if (tag == "key") {
      const std::string id = xml_attribute(child, "id");
      if (id.empty()) malformed("a <key> without an id");
      GraphmlKey key;
      key.domain = xml_attribute(child, "for");
      if (key.domain.empty()) key.domain = "all";
      key.name = xml_attribute(child, "attr.name");
      if (const auto d = child.get_child_optional("default")) key.fallback = d->get_value<std::string>();
      keys[id] = std::move(key);
    } else if (tag == "graph") {
      if (graph) malformed("a graph game file holds one <graph>, this one holds more");
      graph = &child;
    }
  }
  if (!graph) malformed("no <graph> element");
  if (xml_attribute(*graph, "edgedefault") == "undirected")
    throw InputError("graph", "the graph must be directed (edgedefault=\"directed\")");

  RawGraph raw;
  raw.graph = graphml_data(*graph, "graph", keys, "graph");
  std::unordered_map<std::string, int> node_index;
  for (const auto& [tag, child] : *graph) {
    if (tag == "hyperedge") malformed("hyperedges are not supported");
    if (tag != "node") continue;
    const std::string id = xml_attribute(child, "id");
    if (id.empty()) malformed("a <node> without an id");
    const std::string p = "node " + squote(id);
    if (!node_index.emplace(id, static_cast<int>(raw.nodes.size())).second)
      throw InputError(p, "duplicate node id " + squote(id));
    if (child.count("graph") != 0) throw InputError(p, "nested graphs are not supported");
    raw.nodes.push_back({id, graphml_data(child, "node", keys, p)});
  }
  for (const auto& [tag, child] : *graph) {
    if (tag != "edge") continue;
    const std::string source = xml_attribute(child, "source"), target = xml_attribute(child, "target");
    if (source.empty() || target.empty()) malformed("an <edge> without a source or a target");
    const std::string p = "edge " + source + " -> " + target;
    if (xml_attribute(child, "directed") == "false") throw InputError(p, "the edge must be directed");
    const auto from = node_index.find(source), to = node_index.find(target);
    if (from == node_index.end()) throw InputError(p, "unknown vertex " + squote(source));
    if (to == node_index.end()) throw InputError(p, "unknown vertex " + squote(target));
    raw.edges.push_back({from->second, to->second, graphml_data(child, "edge", keys, p)});
  }
  return raw;
}

// ---- DOT ----

struct DotAttributes {
  Attributes values;
};
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotAttributes, DotAttributes,
                                       DotAttributes>;
using DotVertex = boost::graph_traits<DotGraph>::vertex_descriptor;
using DotEdge = boost::graph_traits<DotGraph>::edge_descriptor;

// Every attribute read_graphviz reports, kept as text in the bundles of the graph.
class AttributeRecorder final : public boost::dynamic_property_map {
 public:
  AttributeRecorder(DotGraph& graph, std::string name, const std::type_info& key)
      : graph_(graph), name_(std::move(name)), key_(key) {}
  boost::any get(const boost::any&) override { return std::string(); }
  std::string get_string(const boost::any&) override { return {}; }
  void put(const boost::any& key, const boost::any& value) override {
    const std::string text = boost::any_cast<std::string>(value);
    if (key.type() == typeid(DotVertex)) graph_[boost::any_cast<DotVertex>(key)].values[name_] = text;
    else if (key.type() == typeid(DotEdge)) graph_[boost::any_cast<DotEdge>(key)].values[name_] = text;
    else if (key.type() == typeid(DotGraph*)) graph_[boost::graph_bundle].values[name_] = text;
  }
  const std::type_info& key() const override { return key_; }
  const std::type_info& value() const override { return typeid(std::string); }

 private:
  DotGraph& graph_;
  std::string name_;
  const std::type_info& key_;
};

const char* kDotNodeName = "node_id";

RawGraph parse_dot(const std::string& text) {
  DotGraph graph;
  boost::dynamic_properties dp([&graph](const std::string& name, const boost::any& key, const boost::any&) {
    return boost::shared_ptr<boost::dynamic_property_map>(new AttributeRecorder(graph, name, key.type()));
  });
  try {
    std::istringstream in(text);
    boost::read_graphviz(in, graph, dp, kDotNodeName);
  } catch (const boost::graph_exception& e) {
    throw InputError("", std::string("malformed DOT: ") + e.what());
  }
  RawGraph raw;
  raw.graph = graph[boost::graph_bundle].values;
  for (DotVertex v = 0; v < boost::num_vertices(graph); ++v) {
    Attributes attributes = graph[v].values;
    const auto name = attributes.find(kDotNodeName);
    std::string node = name == attributes.end() ? std::to_string(v) : name->second;
    if (name != attributes.end()) attributes.erase(name);
    raw.nodes.push_back({std::move(node), std::move(attributes)});
  }
  for (DotVertex v = 0; v < boost::num_vertices(graph); ++v)
    for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it)
      raw.edges.push_back({static_cast<int>(v), static_cast<int>(boost::target(*it, graph)), graph[*it].values});
  return raw;
}

// ---- files ----

std::string extension_of(const std::string& path) { return lower(fs::path(path).extension().string()); }


}  // namespace

TurnGame read_graphml_game(const std::string& text, const std::string& file) {
  RawGraph raw;
  try {
    check_xml_nesting(text);
    raw = parse_graphml(text);
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
  return build_game(raw, file);
}

TurnGame read_dot_game(const std::string& text, const std::string& file) {
  RawGraph raw;
  try {
    check_dot_nesting(text);
    raw = parse_dot(text);
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
  return build_game(raw, file);
}

TurnGame load_graph_game_file(const std::string& path, const LoadLimits& limits) {
  const std::string text = read_input_file(path, limits);
  const std::string ext = extension_of(path);
  if (ext == ".json") return read_graph_game(text, path, limits);
  if (ext == ".graphml" || ext == ".xml") return read_graphml_game(text, path);
  if (ext == ".dot" || ext == ".gv") return read_dot_game(text, path);
  const auto first = text.find_first_not_of(" \t\r\n");
  const char c = first == std::string::npos ? '\0' : text[first];
  if (c == '{') return read_graph_game(text, path, limits);
  if (c == '<') return read_graphml_game(text, path);
  return read_dot_game(text, path);
}

bool is_graph_game_file(const std::string& path) {
  const std::string ext = extension_of(path);
  if (ext == ".graphml" || ext == ".dot" || ext == ".gv") return true;
  try {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    if (ext == ".xml") {
      std::string head(4096, '\0');
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<std::size_t>(in.gcount()));
      return head.find("<graphml") != std::string::npos;
    }
    return scan_json_type(in) == "graph";
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace eqlab
