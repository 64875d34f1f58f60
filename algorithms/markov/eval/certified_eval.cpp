#include <eqlab/algorithms/markov/eval/certified_eval.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <eqlab/algorithms/markov/eval/certified_reach.hpp>
#include <eqlab/algorithms/markov/eval/certified_schedule.hpp>
#include <eqlab/algorithms/markov/eval/visit_distributions.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/parallel.hpp>

namespace eqlab {

namespace {

// What every player's pass reads and nobody writes.
struct Shared {
  const MarkovModel& model;
  const VisitLog& log;
  std::int64_t prefix;
  std::vector<StepSchedule> schedules;
  std::vector<double> initial;  // occupancy of the step-0 cells
  CertifiedReach reach;         // filled when the lower bound or the H = 1 gap needs it
  bool ce, lower, exact;
};

struct PlayerResult {
  double value = 0.0, cce = 0.0, ce = 0.0, lower = 0.0, exact_best = 0.0;
};

// One player's buffers; a thread keeps its own and reuses it for every player it runs.
struct Workspace {
  std::unique_ptr<VisitDistributions> dist;
  // Per cell of a step, two layers (this step and the next): value U, CCE deviation W,
  // CE deviation C, lower-bound deviation D.
  std::vector<double> u[2], w[2], c[2], d[2];
  std::vector<double> md;  // per cell × action: the deviation's values before choosing d
  // Per state: the running α-mixtures of Y, X (vector), Z (matrix), X^D (vector).
  std::vector<double> acc_u, acc_m, acc_c, acc_d;
  // Against uniform others, per (h, s): R(a) at [(h·S + s)·A + a], T(a, s') after it.
  std::vector<double> uniform_r, uniform_t;
  std::vector<double> fallback_v, fallback_w, fallback_d;  // per (h, s)
  std::vector<double> rewards, trans, cont_u, cont_w, cont_c, cont_d, x, xc, xd, exact;
  std::vector<std::int64_t> count, count_next;
};

template <class T>
void grow(std::vector<T>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

double dot(const double* a, const double* b, int n) {
  double s = 0.0;
  for (int k = 0; k < n; ++k) s += a[k] * b[k];
  return s;
}

PlayerResult evaluate_player(const Shared& sh, int i, Workspace& ws) {
  const MarkovModel& model = sh.model;
  const VisitLog& log = sh.log;
  const int H = model.horizon(), S = model.num_states(), A = model.num_actions(i);
  const int alpha_horizon = log.alpha_horizon();
  const auto HS = static_cast<std::size_t>(H) * S;
  const auto AS = static_cast<std::size_t>(A) * S;
  if (!ws.dist) ws.dist = std::make_unique<VisitDistributions>(model);
  VisitDistributions& dist = *ws.dist;

  std::size_t max_cells = 0;
  for (const StepSchedule& step : sh.schedules) max_cells = std::max(max_cells, step.cells());
  for (int l = 0; l < 2; ++l) {
    grow(ws.u[l], max_cells);
    grow(ws.w[l], max_cells);
    if (sh.ce) grow(ws.c[l], max_cells);
    if (sh.lower) grow(ws.d[l], max_cells);
  }
  if (sh.lower) grow(ws.md, max_cells * A);
  grow(ws.acc_u, S);
  grow(ws.acc_m, AS);
  if (sh.ce) grow(ws.acc_c, AS * A);
  if (sh.lower) grow(ws.acc_d, AS);
  grow(ws.uniform_r, HS * A);
  grow(ws.uniform_t, HS * AS);
  grow(ws.fallback_v, HS);
  grow(ws.fallback_w, HS);
  grow(ws.fallback_d, HS);
  grow(ws.rewards, A);
  grow(ws.trans, AS);
  for (auto* v : {&ws.cont_u, &ws.cont_w, &ws.cont_c, &ws.cont_d}) grow(*v, S);
  for (auto* v : {&ws.x, &ws.xc, &ws.xd}) grow(*v, A);
  grow(ws.exact, AS);
  grow(ws.count, S);
  grow(ws.count_next, S);

  // The fallback: every player uniform from (h, s) on. Its value, and the best response
  // to it (a product policy, so the best CE deviation value is the same number).
  for (int h = H - 1; h >= 0; --h) {
    const bool last = h == H - 1;
    const std::size_t next_row = static_cast<std::size_t>(h + 1) * S;  // (h+1, 0)
    for (int s = 0; s < S; ++s) {
      const std::size_t hs = static_cast<std::size_t>(h) * S + s;
      double* r = ws.uniform_r.data() + hs * A;
      double* t = ws.uniform_t.data() + hs * AS;
      model.player_expectation(h, s, i, dist.uniform(), {r, static_cast<std::size_t>(A)}, {t, AS});
      double v = 0.0, best = -std::numeric_limits<double>::infinity();
      for (int a = 0; a < A; ++a) {
        double qv = r[a], qw = r[a];
        if (!last) {
          qv += dot(t + static_cast<std::size_t>(a) * S, ws.fallback_v.data() + next_row, S);
          qw += dot(t + static_cast<std::size_t>(a) * S, ws.fallback_w.data() + next_row, S);
        }
        v += qv / A;
        best = std::max(best, qw);
      }
      ws.fallback_v[hs] = v;
      ws.fallback_w[hs] = best;
    }
  }

  const std::int64_t prefix = sh.prefix;
  int cur = 0, nxt = 1;
  for (int h = H - 1; h >= 0; --h) {
    const bool last = h == H - 1;
    const StepSchedule& step = sh.schedules[h];
    const StepSchedule* next = last ? nullptr : &sh.schedules[h + 1];
    double* U = ws.u[cur].data();
    double* W = ws.w[cur].data();
    double* C = sh.ce ? ws.c[cur].data() : nullptr;
    const double* Un = ws.u[nxt].data();
    const double* Wn = ws.w[nxt].data();
    const double* Cn = sh.ce ? ws.c[nxt].data() : nullptr;
    const double* Dn = sh.lower ? ws.d[nxt].data() : nullptr;
    const std::size_t next_row = static_cast<std::size_t>(h + 1) * S;  // (h+1, 0)
    for (int s = 0; s < S; ++s) {
      const std::size_t hs = static_cast<std::size_t>(h) * S + s;
      const std::size_t c0 = step.cell(s, 0);
      U[c0] = ws.fallback_v[hs];
      W[c0] = ws.fallback_w[hs];
      if (C) C[c0] = ws.fallback_w[hs];
      if (sh.lower)
        for (int a = 0; a < A; ++a) {
          double q = ws.uniform_r[hs * A + a];
          if (!last) q += dot(ws.uniform_t.data() + hs * AS + static_cast<std::size_t>(a) * S,
                              ws.fallback_d.data() + next_row, S);
          ws.md[c0 * A + a] = q;
        }
    }
    // α_1 = 1 wipes every accumulator at a state's first visit; zeroing them anyway keeps
    // stale NaNs of a previous player out of 0·x.
    std::fill(ws.acc_u.begin(), ws.acc_u.begin() + S, 0.0);
    std::fill(ws.acc_m.begin(), ws.acc_m.begin() + AS, 0.0);
    if (sh.ce) std::fill(ws.acc_c.begin(), ws.acc_c.begin() + AS * A, 0.0);
    if (sh.lower) std::fill(ws.acc_d.begin(), ws.acc_d.begin() + AS, 0.0);
    const bool exact = sh.exact && h == 0;
    if (exact) {
      std::fill(ws.exact.begin(), ws.exact.begin() + AS, 0.0);
      for (int s = 0; s < S; ++s) {
        const double mass = sh.reach.draw[0][step.cell(s, 0)];
        for (int a = 0; a < A; ++a) ws.exact[static_cast<std::size_t>(s) * A + a] = mass * ws.uniform_r[s * A + a];
      }
    }
    std::fill(ws.count.begin(), ws.count.begin() + S, 0);
    std::fill(ws.count_next.begin(), ws.count_next.begin() + S, 0);

    for (std::int64_t e = 0; e < prefix; ++e) {
      for (int s : step.episode_states(e)) {
        const std::int64_t j = ws.count[s]++;
        const std::int64_t t = j + 1;
        const double alpha = v_learning_alpha(alpha_horizon, t);
        const double keep = 1.0 - alpha;
        const ProductView p = dist.load(log, h, s, j);
        const std::span<const double> own = dist.player(i);
        model.player_expectation(h, s, i, p, {ws.rewards.data(), static_cast<std::size_t>(A)},
                                 {ws.trans.data(), AS});
        if (!last)
          for (int sn = 0; sn < S; ++sn) {
            const std::size_t cell = next->cell(sn, ws.count_next[sn]);
            ws.cont_u[sn] = Un[cell];
            ws.cont_w[sn] = Wn[cell];
            if (Cn) ws.cont_c[sn] = Cn[cell];
            if (Dn) ws.cont_d[sn] = Dn[cell];
          }
        double y = 0.0;
        for (int a = 0; a < A; ++a) {
          const double r = ws.rewards[a];
          double eu = 0.0, ew = 0.0, ec = 0.0, ed = 0.0;
          if (!last) {
            const double* row = ws.trans.data() + static_cast<std::size_t>(a) * S;
            eu = dot(row, ws.cont_u.data(), S);
            ew = dot(row, ws.cont_w.data(), S);
            if (Cn) ec = dot(row, ws.cont_c.data(), S);
            if (Dn) ed = dot(row, ws.cont_d.data(), S);
          }
          y += own[a] * (r + eu);
          ws.x[a] = r + ew;
          ws.xc[a] = r + ec;
          ws.xd[a] = r + ed;
        }
        const std::size_t cell = step.cell(s, t);
        ws.acc_u[s] = keep * ws.acc_u[s] + alpha * y;
        U[cell] = ws.acc_u[s];
        double* m = ws.acc_m.data() + static_cast<std::size_t>(s) * A;
        double best = -std::numeric_limits<double>::infinity();
        for (int a = 0; a < A; ++a) {
          m[a] = keep * m[a] + alpha * ws.x[a];
          best = std::max(best, m[a]);
        }
        W[cell] = best;
        if (C) {
          // Z(b, a') = p_i(b)·X'(a'): given l, the recommendation and a_{-i} are independent.
          double* mc = ws.acc_c.data() + static_cast<std::size_t>(s) * A * A;
          double total = 0.0;
          for (int b = 0; b < A; ++b) {
            double row_best = -std::numeric_limits<double>::infinity();
            const double pb = alpha * own[b];
            for (int a = 0; a < A; ++a) {
              double& z = mc[static_cast<std::size_t>(b) * A + a];
              z = keep * z + pb * ws.xc[a];
              row_best = std::max(row_best, z);
            }
            total += row_best;
          }
          C[cell] = total;
        }
        if (sh.lower) {
          double* md = ws.acc_d.data() + static_cast<std::size_t>(s) * A;
          for (int a = 0; a < A; ++a) {
            md[a] = keep * md[a] + alpha * ws.xd[a];
            ws.md[cell * A + a] = md[a];
          }
        }
        if (exact) {
          const double mass = sh.reach.draw[0][cell];
          for (int a = 0; a < A; ++a) ws.exact[static_cast<std::size_t>(s) * A + a] += mass * ws.rewards[a];
        }
      }
      if (!last)
        for (int sn : next->episode_states(e)) ++ws.count_next[sn];
    }

    if (sh.lower) {
      // The deviation: at each (h, s) the action best on average over the cells' occupancy
      // under π̂ (ties to the lowest action), given the deviation already fixed after h.
      double* D = ws.d[cur].data();
      const std::vector<double>& occ = sh.reach.occupancy[h];
      for (int s = 0; s < S; ++s) {
        int choice = 0;
        double best = -std::numeric_limits<double>::infinity();
        for (int a = 0; a < A; ++a) {
          double score = 0.0;
          for (std::int64_t t = 0; t <= step.visits[s]; ++t) {
            const std::size_t cell = step.cell(s, t);
            score += occ[cell] * ws.md[cell * A + a];
          }
          if (score > best) {
            best = score;
            choice = a;
          }
        }
        for (std::int64_t t = 0; t <= step.visits[s]; ++t) {
          const std::size_t cell = step.cell(s, t);
          D[cell] = ws.md[cell * A + choice];
        }
        ws.fallback_d[static_cast<std::size_t>(h) * S + s] = ws.md[step.cell(s, 0) * A + choice];
      }
    }
    std::swap(cur, nxt);
  }

  // nxt now holds step 0.
  PlayerResult out;
  const StepSchedule& step0 = sh.schedules[0];
  for (std::size_t cell = 0; cell < step0.cells(); ++cell) {
    const double q = sh.initial[cell];
    if (q == 0.0) continue;
    out.value += q * ws.u[nxt][cell];
    out.cce += q * ws.w[nxt][cell];
    if (sh.ce) out.ce += q * ws.c[nxt][cell];
    if (sh.lower) out.lower += q * ws.d[nxt][cell];
  }
  if (sh.exact)
    for (int s = 0; s < S; ++s) {
      const double* row = ws.exact.data() + static_cast<std::size_t>(s) * A;
      out.exact_best += *std::max_element(row, row + A);
    }
  return out;
}

}  // namespace

CertifiedEvaluation evaluate_certified(const MarkovModel& model, const VisitLog& log,
                                       const CertifiedEvalOptions& options) {
  if (log.horizon() != model.horizon() || log.num_states() != model.num_states() ||
      log.num_players() != model.num_players())
    throw UsageError("a visit log does not match the shape of Markov game '" + model.name() + "'");
  const std::int64_t prefix = options.episodes < 0 ? log.episodes() : options.episodes;
  if (prefix < 1 || prefix > log.episodes())
    throw UsageError("the certified policy needs a prefix of 1.." + std::to_string(log.episodes()) +
                     " logged episodes, not " + std::to_string(prefix));
  const int m = model.num_players(), S = model.num_states(), H = model.horizon();

  Shared sh{model, log, prefix, build_schedules(log, prefix), {}, {}, options.ce, options.lower, H == 1};
  sh.initial = initial_index_counts(log, sh.schedules[0], prefix);
  for (int s = 0; s < S; ++s)
    for (std::int64_t t = 0; t <= sh.schedules[0].visits[s]; ++t)
      sh.initial[sh.schedules[0].cell(s, t)] *= model.initial()[s] / static_cast<double>(prefix);
  if (sh.lower || sh.exact)
    sh.reach = certified_reach(model, log, sh.schedules, prefix, sh.initial, sh.lower ? H - 1 : 0);

  std::vector<PlayerResult> results(m);
  tbb::enumerable_thread_specific<Workspace> workspaces;
  const auto work = static_cast<std::size_t>(prefix) * static_cast<std::size_t>(H) * static_cast<std::size_t>(m);
  if (m > 1 && work >= kParallelThreshold) {
    tbb::parallel_for(0, m, [&](int i) { results[i] = evaluate_player(sh, i, workspaces.local()); });
  } else {
    Workspace& ws = workspaces.local();
    for (int i = 0; i < m; ++i) results[i] = evaluate_player(sh, i, ws);
  }

  CertifiedEvaluation out;
  out.episodes = prefix;
  const double scale = model.reward_scale();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double lowest = -std::numeric_limits<double>::infinity();
  out.cce_gap_upper = lowest;
  out.ce_gap_upper = options.ce ? lowest : nan;
  out.cce_gap_lower = options.lower ? lowest : nan;
  double exact = lowest;
  for (int i = 0; i < m; ++i) {
    const PlayerResult& r = results[i];
    out.value.push_back(scale * r.value);
    out.cce_upper.push_back(scale * r.cce);
    out.cce_gap_upper = std::max(out.cce_gap_upper, scale * (r.cce - r.value));
    if (options.ce) {
      out.ce_upper.push_back(scale * r.ce);
      out.ce_gap_upper = std::max(out.ce_gap_upper, scale * (r.ce - r.value));
    }
    if (options.lower) {
      out.cce_lower.push_back(scale * r.lower);
      out.cce_gap_lower = std::max(out.cce_gap_lower, scale * (r.lower - r.value));
    }
    exact = std::max(exact, scale * (r.exact_best - r.value));
  }
  if (sh.exact) out.cce_gap_exact = exact;
  return out;
}

}  // namespace eqlab
