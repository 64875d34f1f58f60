#include <eqlab/sim/marlhf/preference_sampler.hpp>

#include <cmath>
#include <filesystem>
#include <mutex>
#include <sstream>

#include <tbb/parallel_for.h>

#include <eqlab/algorithms/markov/marlhf/markov_equilibrium.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/algorithms/markov/vlearning/exp_weights.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/near_names.hpp>
#include <eqlab/lib/rng.hpp>

namespace eqlab {

namespace {

constexpr std::uint64_t kPreferenceStream = 0x6d61726b'70726566ULL;  // one stream per pair

// An index uniform in [0, n), from one uniform draw.
int uniform_below(RngStream& rng, int n) { return std::min(static_cast<int>(rng.uniform() * n), n - 1); }

}  // namespace

PreferenceBehaviour::PreferenceBehaviour(const MarkovModel& model, const std::string& spec, const LoadLimits& limits)
    : model_(model), spec_(spec) {
  if (spec == "uniform") {
    kind_ = Kind::uniform;
    return;
  }
  if (spec == "equilibrium" || spec == "unilateral") {
    kind_ = spec == "unilateral" ? Kind::unilateral : Kind::mixture;
    MarkovEquilibrium e = solve_markov_equilibrium(model, markov_reward_table(model));
    components_.push_back({std::move(e.product), std::move(e.correlated)});
    return;
  }
  std::stringstream files(spec);
  std::string path;
  while (std::getline(files, path, ',')) {
    if (path.empty()) throw UsageError("behaviour '" + spec + "': an empty policy file name");
    if (!std::filesystem::exists(path))
      throw UsageError("behaviour '" + path + "': not equilibrium, unilateral or uniform, and no policy file of that name" +
                       did_you_mean(path, {"equilibrium", "unilateral", "uniform"}));
    MarkovPolicyFile file = read_markov_policy(path, model, limits);
    if (file.certified)
      throw UsageError("behaviour '" + spec + "': " + path +
                       " holds a certified policy (a visit log); give a product or correlated policy");
    components_.push_back({std::move(file.product), std::move(file.correlated)});
  }
  if (components_.empty())
    throw UsageError("behaviour '" + spec + "': expected equilibrium, unilateral, uniform or policy files");
}

PreferenceBehaviour::~PreferenceBehaviour() = default;
PreferenceBehaviour::PreferenceBehaviour(PreferenceBehaviour&&) noexcept = default;

void PreferenceBehaviour::draw_actions(const Component& component, int h, int s, int deviator, RngStream& rng,
                                       int* actions) const {
  const int m = model_.num_players();
  if (component.correlated) {
    const std::span<const double> p = component.correlated->at(h, s);
    const std::size_t joint = static_cast<std::size_t>(draw_index(p, rng.uniform()));
    component.correlated->decode(joint, {actions, static_cast<std::size_t>(m)});
  } else {
    for (int i = 0; i < m; ++i) actions[i] = draw_index(component.product->at(h, s, i), rng.uniform());
  }
  if (deviator >= 0) actions[deviator] = uniform_below(rng, model_.num_actions(deviator));
}

PreferenceTrajectory PreferenceBehaviour::play(RngStream& rng) const {
  const int m = model_.num_players(), H = model_.horizon();
  PreferenceTrajectory t;
  t.states.resize(H);
  t.actions.resize(static_cast<std::size_t>(H) * m);
  const Component* component = components_.empty() ? nullptr : &components_[0];
  int deviator = -1;
  if (kind_ == Kind::mixture && components_.size() > 1)
    component = &components_[uniform_below(rng, static_cast<int>(components_.size()))];
  if (kind_ == Kind::unilateral) {
    const int pick = uniform_below(rng, m + 1);
    deviator = pick < m ? pick : -1;
  }
  int s = draw_index(model_.initial(), rng.uniform());
  for (int h = 0; h < H; ++h) {
    t.states[h] = s;
    int* a = t.actions.data() + static_cast<std::size_t>(h) * m;
    if (kind_ == Kind::uniform)
      for (int i = 0; i < m; ++i) a[i] = uniform_below(rng, model_.num_actions(i));
    else draw_actions(*component, h, s, deviator, rng, a);
    if (h + 1 < H) s = model_.sample_next(h, s, {a, static_cast<std::size_t>(m)}, rng.uniform());
  }
  return t;
}

std::vector<double> PreferenceBehaviour::returns(const PreferenceTrajectory& trajectory) const {
  const int m = model_.num_players();
  std::vector<double> total(m, 0.0), r(m);
  for (int h = 0; h < model_.horizon(); ++h) {
    model_.rewards(h, trajectory.states[h], {trajectory.actions.data() + static_cast<std::size_t>(h) * m,
                                            static_cast<std::size_t>(m)}, r);
    for (int i = 0; i < m; ++i) total[i] += r[i];
  }
  // Normalised rewards back to the game's units; the offset lo·H cancels in every difference.
  for (double& x : total) x *= model_.reward_scale();
  return total;
}

PreferenceDataset sample_preference_data(const MarkovModel& model, const PreferenceBehaviour& behaviour,
                                         const PreferenceSampleOptions& options) {
  if (options.pairs < 1) throw UsageError("a preference dataset needs at least one pair");
  if (!(options.temperature > 0.0) || !std::isfinite(options.temperature))
    throw UsageError("the temperature must be a positive number");
  PreferenceDataset data;
  data.game = model.name();
  data.temperature = options.temperature;
  data.behaviour = behaviour.spec();
  data.pairs.resize(static_cast<std::size_t>(options.pairs));
  const int m = model.num_players();
  constexpr std::int64_t kChunk = 256;
  const std::int64_t chunks = (options.pairs + kChunk - 1) / kChunk;
  // Chunks finish on any thread in any order; the reports go one at a time and only grow.
  std::mutex report_lock;
  std::int64_t done = 0;
  tbb::parallel_for(std::int64_t{0}, chunks, [&](std::int64_t c) {
    for (std::int64_t k = c * kChunk; k < std::min(options.pairs, (c + 1) * kChunk); ++k) {
      RngStream rng(options.seed, kPreferenceStream, static_cast<std::uint64_t>(k));
      PreferencePairRecord& pair = data.pairs[static_cast<std::size_t>(k)];
      pair.first = behaviour.play(rng);
      pair.second = behaviour.play(rng);
      const std::vector<double> r1 = behaviour.returns(pair.first), r2 = behaviour.returns(pair.second);
      pair.labels.resize(m);
      for (int i = 0; i < m; ++i) {
        const double p = 1.0 / (1.0 + std::exp(-(r1[i] - r2[i]) / options.temperature));
        pair.labels[i] = rng.uniform() < p ? 1 : 0;
      }
    }
    const std::lock_guard lock(report_lock);
    done += std::min(options.pairs, (c + 1) * kChunk) - c * kChunk;
    if (options.on_progress) options.on_progress(done);
  });
  return data;
}

}  // namespace eqlab
