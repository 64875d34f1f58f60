#include "py_evaluate.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <eqlab/algorithms/eval/exploitability.hpp>
#include <eqlab/algorithms/eval/mixture_meter.hpp>
#include <eqlab/games/io/result_file.hpp>

#include "json_bridge.hpp"
#include "py_game.hpp"

namespace py = pybind11;

namespace eqlab::python {

namespace {

// One profile: per player a dict {infoset label: {action label: probability}} (as result
// files write them; infosets left out play uniformly), or per player an array in sequence
// form (entry 0, the empty sequence, is 1).
Profile profile_of(const PyGame& game, const py::handle& strategies) {
  const CompiledGame& g = game.compiled;
  const py::sequence players = py::reinterpret_borrow<py::sequence>(strategies);
  if (static_cast<int>(py::len(players)) != g.num_players())
    throw py::value_error("a profile has one strategy per player: " + std::to_string(g.num_players()) + ", not " +
                          std::to_string(py::len(players)));
  if (py::isinstance<py::dict>(players[0]))
    return strategies_from_json(from_python(strategies), g, "<strategies>", "");
  Profile x(g.num_players());
  for (int p = 0; p < g.num_players(); ++p) {
    const py::array_t<double, py::array::c_style | py::array::forcecast> a =
        py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(players[p]);
    if (!a || a.ndim() != 1 || a.shape(0) != g.treeplex[p].num_sequences())
      throw py::value_error("player " + std::to_string(p) + "'s strategy must be a dict of infosets or an array of " +
                            std::to_string(g.treeplex[p].num_sequences()) + " sequence-form entries");
    x[p].assign(a.data(), a.data() + a.shape(0));
  }
  return x;
}

py::dict evaluate(const std::shared_ptr<PyGame>& game, const py::object& strategies) {
  const NashReport r = evaluate_nash(game->compiled, profile_of(*game, strategies));
  py::dict out;
  out["exploitability"] = r.exploitability;
  out["nash_conv"] = r.nash_conv;
  out["values"] = r.values;
  out["best_response"] = r.best_response;
  return out;
}

py::dict evaluate_distribution(const std::shared_ptr<PyGame>& game, const py::sequence& profiles,
                               const py::object& weights, std::optional<int> k) {
  if (k && *k < 0) throw py::value_error("k must be >= 0");
  MixtureMeter meter(game->compiled, k);
  const std::size_t n = py::len(profiles);
  if (n == 0) throw py::value_error("a distribution needs at least one profile");
  std::vector<double> w(n, 1.0);
  if (!weights.is_none()) {
    w = py::cast<std::vector<double>>(weights);
    if (w.size() != n) throw py::value_error("one weight per profile: " + std::to_string(n) + " profiles, " +
                                             std::to_string(w.size()) + " weights");
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!(w[k] > 0.0) || !std::isfinite(w[k])) throw py::value_error("weights must be positive finite numbers");
    meter.add(profile_of(*game, profiles[k]), nullptr, w[k]);
  }
  py::dict out;
  add_mixture_report(out, meter.report(), "values");
  return out;
}

}  // namespace

void add_mixture_report(py::dict& out, const MixtureReport& report, const char* values_key) {
  out["nfcce_gap"] = report.nfcce_gap;
  out["efce_gap"] = report.efce_gap;
  if (report.kefce_gap) {
    out["kefce_gap"] = *report.kefce_gap;
    out["k"] = report.kefce_k;
  }
  out[values_key] = report.values;
}

void bind_evaluate(py::module_& m) {
  m.def("evaluate", &evaluate, py::arg("game"), py::arg("strategies"), R"doc(
The exact exploitability, NashConv, values and best-response values of a profile: one
strategy per player, as {infoset label: {action label: probability}} (infosets left out
play uniformly) or as a sequence-form array.)doc");
  m.def("evaluate_distribution", &evaluate_distribution, py::arg("game"), py::arg("profiles"),
        py::arg("weights") = py::none(), py::arg("k") = py::none(), R"doc(
The exact NFCCE and EFCE gaps and values of a correlated distribution: a weighted mixture
of product profiles (weights default to equal; they are normalised); with k, its K-EFCE
gap at that K too (MemoryError when K is too large for the game).)doc");
}

}  // namespace eqlab::python
