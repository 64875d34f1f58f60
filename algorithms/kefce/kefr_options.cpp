#include <eqlab/algorithms/kefce/kefr_options.hpp>

#include <eqlab/algorithms/solver_params.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

KefrOptions kefr_options(const nlohmann::json& extra, const std::string& solver) {
  KefrOptions options;
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    if (it.key() == "k") {
      options.k = static_cast<int>(whole_number_param(value, 0, 64, solver, "k"));
    } else if (it.key() == "potential" && (value == "rm" || value == "hedge")) {
      options.potential = value == "hedge" ? KefrOptions::Potential::hedge : KefrOptions::Potential::regret_matching;
    } else if (it.key() == "eta_scale") {
      options.eta_scale = positive_number_param(value, solver, "eta_scale");
    } else if (it.key() == "max_states") {
      options.max_states =
          static_cast<std::uint64_t>(whole_number_param(value, 1, 1'000'000'000'000LL, solver, "max_states"));
    } else {
      throw UsageError("solver " + solver + ": unknown parameter or value " + it.key() + "=" + value +
                       " (k=K, potential=rm|hedge, eta_scale=NUMBER, max_states=N)");
    }
  }
  return options;
}

}  // namespace eqlab
