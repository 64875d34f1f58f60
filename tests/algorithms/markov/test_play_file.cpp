// Play logs and play files: the bit packing reads back what was written, replaying a run's
// play log rebuilds its visit log bit for bit (CCE-V and CE-V), a play file evaluates to
// the same gaps as the run's own log, its size is what the format says, and broken files
// are refused where they break.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <eqlab/algorithms/markov/eval/certified_eval.hpp>
#include <eqlab/algorithms/markov/play_file.hpp>
#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/algorithms/markov/vlearning/ce_v_learning.hpp>
#include <eqlab/algorithms/markov/vlearning/cce_v_learning.hpp>
#include <eqlab/games/markov/markov_source.hpp>
#include <eqlab/lib/error.hpp>
#include <eqlab/lib/rng.hpp>

#include "test_vlearning_games.hpp"

using namespace eqlab;

namespace {

VLearningOptions planned(const MarkovModel& model, std::int64_t episodes) {
  return parse_vlearning_options(nlohmann::json::object(), model, episodes);
}

template <class Learner>
std::string play_file_of(const MarkovModel& model, const Learner& learner, std::uint64_t seed) {
  std::ostringstream out;
  write_play_file(out, model, learner, seed);
  return out.str();
}

// The byte where the payload starts.
std::size_t payload_start(const std::string& file) { return file.find('\n') + 1; }

}  // namespace

TEST_CASE("play log: states and choices read back for awkward sizes") {
  // From 1 choice (no bits) to 300 (9 bits); 256 states fit in one byte, 65,536 in two.
  for (const int states : {1, 2, 256, 257, 65536, 70000}) {
    const std::vector<int> counts{1, 2, 3, 5, 300, 9};
    PlayLog log(3, states, counts);
    CHECK(log.state_bytes() == (states <= 256 ? 1 : states <= 65536 ? 2 : 4));
    CHECK(log.choice_bits(0) == 0);
    CHECK(log.choice_bits(4) == 9);
    CHECK(log.record_bytes() == static_cast<std::size_t>(log.state_bytes()) + (0 + 1 + 2 + 3 + 9 + 4 + 7) / 8);
    RngStream rng(7, 1);
    std::vector<std::vector<int>> written;
    for (int r = 0; r < 300; ++r) {
      std::vector<int> row{static_cast<int>(rng.uniform() * states)};
      for (int n : counts) row.push_back(static_cast<int>(rng.uniform() * n));
      log.add_step(row[0], std::span<const int>(row).subspan(1));
      written.push_back(row);
    }
    CHECK(log.episodes() == 100);
    std::vector<int> choices(counts.size());
    for (int r = 0; r < 300; ++r) {
      CHECK(log.state(r / 3, r % 3) == written[r][0]);
      log.choices(r / 3, r % 3, choices);
      CHECK(std::vector<int>(written[r].begin() + 1, written[r].end()) == choices);
    }
  }
}

TEST_CASE_TEMPLATE("play log: replaying a run rebuilds its visit log and last iterate bit for bit", Learner,
                   CceVLearning, CeVLearning) {
  const TableMarkovModel model(vlearning_test::random_table(3, 3, 3, 3, 11));
  const VLearningOptions options = planned(model, 2000);
  Learner run(model, options, 4);
  for (int k = 0; k < 2000; ++k) run.run_episode();
  REQUIRE(run.play_log()->episodes() == 2000);

  Learner again(model, options, 99);  // the seed does not matter: nothing is drawn
  again.replay(*run.play_log());
  CHECK(again.episodes() == 2000);
  CHECK(again.certified()->checksum() == run.certified()->checksum());
  const std::span<const double> a = run.product()->data(), b = again.product()->data();
  CHECK(std::vector<double>(a.begin(), a.end()) == std::vector<double>(b.begin(), b.end()));
  for (int i = 0; i < model.num_players(); ++i)
    CHECK(again.optimistic_value(i, 0, 1) == run.optimistic_value(i, 0, 1));

  // A log for another learner's choices is refused.
  CHECK_THROWS_AS(Learner(model, options, 0).replay(PlayLog(3, 3, {2, 2, 2})), UsageError);
}

TEST_CASE_TEMPLATE("play file: evaluates to the run's own certified gaps", Learner, CceVLearning, CeVLearning) {
  const TableMarkovModel model(vlearning_test::random_table(2, 2, 2, 3, 5));
  Learner run(model, planned(model, 3000), 8);
  for (int k = 0; k < 3000; ++k) run.run_episode();
  const std::string file = play_file_of(model, run, 8);

  const ReplayedPlay replayed = replay_play_file(file, "p.eqplay", model);
  CHECK(replayed.checksum_matches);
  CHECK(replayed.solver == run.name());
  CHECK(replayed.written_by.rfind("eqlab ", 0) == 0);
  const CertifiedEvaluation live = evaluate_certified(model, *run.certified(), {});
  const CertifiedEvaluation back = evaluate_certified(model, replayed.log, {});
  CHECK(back.episodes == 3000);
  CHECK(back.value == live.value);
  CHECK(back.cce_gap_upper == live.cce_gap_upper);
  CHECK(back.cce_gap_lower == live.cce_gap_lower);

  // The size is the header's line and K·H·R bytes of records.
  const std::size_t record = run.play_log()->record_bytes();
  CHECK(file.size() - payload_start(file) == 3000u * 2u * record);
  CHECK(file.size() <= play_file_bytes(model, run, 3000));
}

TEST_CASE("play file: the README's 16-player run is about 1.2 MB") {
  const std::unique_ptr<MarkovModel> model =
      load_markov_model("markov-polymatrix(players=16,states=3,actions=2,horizon=2,degree=2)");
  const CceVLearning learner(*model, planned(*model, 200000), 0);
  // One byte of state and 16 one-bit actions per step: 3 bytes, 2 steps, 200,000 episodes.
  CHECK(learner.play_log()->record_bytes() == 3);
  const std::uint64_t bytes = play_file_bytes(*model, learner, 200000);
  CHECK(bytes >= 1'200'000);
  CHECK(bytes < 1'210'000);
}

TEST_CASE("play file: broken files are refused where they break") {
  const TableMarkovModel model(vlearning_test::random_table(2, 2, 2, 2, 3));
  CceVLearning run(model, planned(model, 400), 1);
  for (int k = 0; k < 400; ++k) run.run_episode();
  const std::string good = play_file_of(model, run, 1);
  const auto refusal = [&](const std::string& text) -> std::string {
    try {
      (void)replay_play_file(text, "p.eqplay", model);
    } catch (const InputError& e) {
      return e.what();
    }
    return "accepted";
  };
  CHECK(refusal(good) == "accepted");
  CHECK(refusal(good.substr(0, good.size() - 1)).find("truncated") != std::string::npos);
  CHECK(refusal(good + "x").find("longer than its header says") != std::string::npos);
  CHECK(refusal("{\"format\": \"eqlab-markov-play/1\"").find("header") != std::string::npos);
  CHECK(refusal("{\"format\": \"eqlab-markov-play/1\",\n").find("invalid JSON") != std::string::npos);
  // The header is held to the nesting limit of every JSON input (--max-nesting).
  const std::string deep = "{\"format\": \"eqlab-markov-play/1\", \"x-deep\": " + std::string(200, '[') +
                           std::string(200, ']') + "}\n";
  LoadLimits shallow;
  shallow.max_nesting = 100;
  CHECK_THROWS_WITH_AS(replay_play_file(deep, "p.eqplay", model, shallow), doctest::Contains("nesting"), InputError);

  std::string other_record = good;
  other_record.replace(other_record.find("\"bytes\":"), 9, "\"bytes\":7");
  CHECK(refusal(other_record).find("/record") != std::string::npos);

  std::string other_solver = good;
  other_solver.replace(other_solver.find("\"solver\":\"cce-v\""), 16, "\"solver\":\"exp3\"");
  CHECK(refusal(other_solver).find("/solver") != std::string::npos);

  // A state the game cannot be in: 2 states, so state byte 7 is impossible at episode 0, step 0.
  std::string bad_state = good;
  bad_state[payload_start(good)] = 7;
  CHECK(refusal(bad_state).find("episode 0, step 0") != std::string::npos);

  // A changed first action is still a possible play (every action and transition has
  // positive probability), so the replay succeeds; the checksum says it is not the run that
  // was written, as every later distribution of that state moved.
  std::string other_action = good;
  other_action[payload_start(good) + 1] = static_cast<char>(other_action[payload_start(good) + 1] ^ 1);
  const ReplayedPlay changed = replay_play_file(other_action, "p.eqplay", model);
  CHECK_FALSE(changed.checksum_matches);
}

TEST_CASE("play file: read_markov_policy tells play files from JSON policies") {
  const TableMarkovModel model(vlearning_test::random_table(2, 2, 2, 2, 3));
  CeVLearning run(model, planned(model, 300), 1);
  for (int k = 0; k < 300; ++k) run.run_episode();
  const std::string path = "test-play-file.eqplay";
  {
    std::ofstream out(path, std::ios::binary);
    write_play_file(out, model, run, 1);
  }
  const MarkovPolicyFile policy = read_markov_policy(path, model);
  std::remove(path.c_str());
  REQUIRE(policy.certified.has_value());
  CHECK(policy.kind() == "certified");
  CHECK(policy.replay_matches == true);
  CHECK(policy.certified->checksum() == run.certified()->checksum());
}

TEST_CASE("play file: random corruption is refused with an InputError or replays, never worse") {
  // A small fuzz: single-byte changes anywhere in a valid file, and cuts at random points.
  const TableMarkovModel model(vlearning_test::random_table(3, 2, 3, 3, 17));
  CeVLearning run(model, planned(model, 200), 2);
  for (int k = 0; k < 200; ++k) run.run_episode();
  const std::string good = play_file_of(model, run, 2);
  RngStream rng(41, 7);
  int refused = 0, replayed = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::string bad = good;
    if (trial % 4 == 3) {
      bad.resize(static_cast<std::size_t>(rng.uniform() * static_cast<double>(good.size())));
    } else {
      const auto at = static_cast<std::size_t>(rng.uniform() * static_cast<double>(good.size()));
      bad[at] = static_cast<char>(static_cast<unsigned char>(bad[at]) ^ (1U + static_cast<unsigned>(rng.uniform() * 255)));
    }
    try {
      (void)replay_play_file(bad, "p.eqplay", model);
      ++replayed;
    } catch (const InputError&) {
      ++refused;
    }
  }
  CHECK(refused + replayed == 400);
  CHECK(refused > 100);
}
