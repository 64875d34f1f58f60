// The config of a MARLHF coverage experiment (parse_marlhf_experiment_config,
// sim/marlhf/marlhf_experiment.hpp).
#include <eqlab/sim/marlhf/marlhf_experiment.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <eqlab/algorithms/markov/marlhf/marlhf.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/sim/config_members.hpp>
#include <eqlab/sim/experiment/config.hpp>

namespace eqlab {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

[[noreturn]] void bad(const std::string& file, const std::string& pointer, const std::string& what) {
  throw InputError(file, pointer, what);
}

std::string checked_label(const std::string& label, const std::string& file, const std::string& pointer) {
  if (label.empty() || !std::all_of(label.begin(), label.end(), is_label_char))
    bad(file, pointer, "a label has only letters, digits and \"._+-\"");
  return label;
}

// A label from a spec: every character that labels do not have turned into '_'; a file's
// name without folder and extension.
std::string label_of_spec(const std::string& spec) {
  std::string base = spec.find('(') == std::string::npos && spec.find('.') != std::string::npos
                         ? fs::path(spec).stem().string()
                         : spec;
  for (char& c : base)
    if (!is_label_char(c)) c = '_';
  return base;
}

// "games" or "behaviours": SPEC or {KEY: SPEC, "label": TEXT?}; labels unique.
template <class Entry>
std::vector<Entry> parse_specs(const json& doc, const char* member, const char* key, const std::string& file) {
  const std::string at = std::string("/") + member;
  if (!doc.contains(member) || !doc[member].is_array() || doc[member].empty())
    bad(file, at, "expected a non-empty array");
  std::vector<Entry> out;
  std::set<std::string> labels;
  for (std::size_t k = 0; k < doc[member].size(); ++k) {
    const json& e = doc[member][k];
    const std::string here = at + "/" + std::to_string(k);
    Entry entry;
    if (e.is_string()) {
      entry.spec = config_text(e, file, here);
      entry.label = label_of_spec(entry.spec);
    } else {
      if (!e.is_object()) bad(file, here, std::string("expected a spec or {\"") + key + "\": SPEC, \"label\": TEXT}");
      check_config_members(e, {key, "label"}, file, here);
      if (!e.contains(key)) bad(file, here, std::string("missing member '") + key + "'");
      entry.spec = config_text(e[key], file, here + "/" + key);
      entry.label = e.contains("label") ? checked_label(config_text(e["label"], file, here + "/label"), file, here + "/label")
                                        : label_of_spec(entry.spec);
    }
    if (!labels.insert(entry.label).second)
      bad(file, here, "the label '" + entry.label + "' is used twice: give each entry its own \"label\"");
    out.push_back(std::move(entry));
  }
  return out;
}

void parse_variants(const json& doc, const std::string& file, MarlhfExperimentConfig& config) {
  if (!doc.contains("variants")) {
    config.variants.push_back({"marlhf", json::object()});
    return;
  }
  if (!doc["variants"].is_array() || doc["variants"].empty()) bad(file, "/variants", "expected a non-empty array");
  std::set<std::string> labels;
  for (std::size_t k = 0; k < doc["variants"].size(); ++k) {
    const json& v = doc["variants"][k];
    const std::string here = "/variants/" + std::to_string(k);
    if (!v.is_object()) bad(file, here, "expected {\"label\": TEXT, \"params\": {...}}");
    check_config_members(v, {"label", "params"}, file, here);
    if (!v.contains("label")) bad(file, here, "missing member 'label'");
    MarlhfExperimentConfig::Variant variant;
    variant.label = checked_label(config_text(v["label"], file, here + "/label"), file, here + "/label");
    if (v.contains("params")) {
      if (!v["params"].is_object()) bad(file, here + "/params", "expected an object of marlhf params");
      variant.params = v["params"];
      try {
        (void)MarlhfOptions::from_params(variant.params);
      } catch (const UsageError& e) {
        bad(file, here + "/params", e.what());
      }
    }
    if (!labels.insert(variant.label).second) bad(file, here + "/label", "the label '" + variant.label + "' is used twice");
    config.variants.push_back(std::move(variant));
  }
}

void parse_pairs(const json& doc, const std::string& file, MarlhfExperimentConfig& config) {
  if (!doc.contains("pairs") || !doc["pairs"].is_array() || doc["pairs"].empty())
    bad(file, "/pairs", "expected a non-empty array of increasing dataset sizes");
  for (std::size_t k = 0; k < doc["pairs"].size(); ++k) {
    const json& n = doc["pairs"][k];
    const std::string here = "/pairs/" + std::to_string(k);
    if (!n.is_number_integer() || n.get<std::int64_t>() < 1 || n.get<std::int64_t>() > 100'000'000)
      bad(file, here, "expected a whole number from 1 to 100000000");
    if (!config.pairs.empty() && n.get<std::int64_t>() <= config.pairs.back())
      bad(file, here, "the sizes must increase");
    config.pairs.push_back(n.get<std::int64_t>());
  }
}

}  // namespace

MarlhfExperimentConfig parse_marlhf_experiment_config(const json& doc, const std::string& file) {
  if (!doc.is_object()) bad(file, "", "an experiment config must be a JSON object");
  check_config_members(doc, {"type", "name", "games", "behaviours", "variants", "pairs", "seeds", "temperature"}, file, "");
  if (!doc.contains("type") || doc["type"] != "marlhf") bad(file, "/type", "a preference experiment has \"type\": \"marlhf\"");
  MarlhfExperimentConfig config;
  config.name = doc.contains("name") ? config_text(doc["name"], file, "/name") : fs::path(file).stem().string();
  config.folder = fs::path(file).parent_path().string();
  config.games = parse_specs<MarlhfExperimentConfig::Game>(doc, "games", "game", file);
  config.behaviours = parse_specs<MarlhfExperimentConfig::Behaviour>(doc, "behaviours", "behaviour", file);
  parse_variants(doc, file, config);
  parse_pairs(doc, file, config);
  config.seeds = config_seeds(doc, file);
  if (doc.contains("temperature")) {
    const json& t = doc["temperature"];
    if (!t.is_number() || !(t.get<double>() > 0.0) || !std::isfinite(t.get<double>()))
      bad(file, "/temperature", "expected a positive number");
    config.temperature = t.get<double>();
  }
  return config;
}

bool is_marlhf_experiment_file(const std::string& path) {
  try {
    const json doc = read_config_document(path);
    return doc.is_object() && doc.contains("type") && doc["type"] == "marlhf";
  } catch (const InputError&) {
    return false;  // not for this reader to judge: the general reader reports it
  }
}

MarlhfExperimentConfig load_marlhf_experiment_config(const std::string& path) {
  return parse_marlhf_experiment_config(read_config_document(path), path);
}

}  // namespace eqlab
