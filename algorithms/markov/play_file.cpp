#include <eqlab/algorithms/markov/play_file.hpp>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <memory>
#include <ostream>
#include <utility>

#include <nlohmann/json.hpp>

#include <eqlab/algorithms/markov/policy_file.hpp>
#include <eqlab/algorithms/markov/vlearning/ce_v_learning.hpp>
#include <eqlab/algorithms/markov/vlearning/cce_v_learning.hpp>
#include <eqlab/games/io/json_reading.hpp>
#include <eqlab/lib/error.hpp>

#ifndef EQLAB_VERSION
#define EQLAB_VERSION "unknown"
#endif

namespace eqlab {

namespace jr = json_reading;

namespace {

std::string checksum_text(std::uint64_t checksum) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(checksum));
  return std::string("fnv1a64:") + hex;
}

nlohmann::ordered_json record_json(const PlayLog& play) {
  std::vector<int> choices, bits;
  for (int i = 0; i < play.num_players(); ++i) {
    choices.push_back(play.num_choices(i));
    bits.push_back(play.choice_bits(i));
  }
  return {{"bytes", play.record_bytes()}, {"state_bytes", play.state_bytes()}, {"choices", choices}, {"choice_bits", bits}};
}

std::unique_ptr<VLearningSolver> make_replayer(const std::string& solver, const MarkovModel& model,
                                               const VLearningOptions& options) {
  if (solver == "cce-v") return std::make_unique<CceVLearning>(model, options, 0);
  if (solver == "ce-v") return std::make_unique<CeVLearning>(model, options, 0);
  jr::fail("/solver", "expected \"cce-v\" or \"ce-v\" (the learners whose certified policy a play log rebuilds)");
}

}  // namespace

bool is_play_file_name(std::string_view path) {
  constexpr std::string_view kSuffix = ".eqplay";
  return path.size() > kSuffix.size() && path.substr(path.size() - kSuffix.size()) == kSuffix;
}

const VLearningSolver* play_file_writer(const MarkovSolver& solver) {
  const auto* learner = dynamic_cast<const VLearningSolver*>(&solver);
  return learner != nullptr && learner->play_log() != nullptr ? learner : nullptr;
}

std::string no_play_file_reason(const MarkovSolver& solver) {
  return "a play file (.eqplay) holds the run of cce-v or ce-v with log=true; name a .json file for " + solver.name() +
         "'s output policy";
}

bool looks_like_play_file(std::string_view text) {
  const std::string_view first_line = text.substr(0, std::min(text.find('\n'), std::size_t{256}));
  return first_line.find(kPlayFormat) != std::string_view::npos;
}

std::uint64_t play_file_bytes(const MarkovModel& model, const VLearningSolver& solver, std::int64_t episodes) {
  const PlayLog* play = solver.play_log();
  const std::uint64_t record = play ? play->record_bytes() : 0;
  return 1024 + 64 * static_cast<std::uint64_t>(model.total_actions() + model.num_states()) +
         static_cast<std::uint64_t>(episodes) * static_cast<std::uint64_t>(model.horizon()) * record;
}

void write_play_file(std::ostream& out, const MarkovModel& model, const VLearningSolver& solver, std::uint64_t seed) {
  const PlayLog* play = solver.play_log();
  const VisitLog* log = solver.certified();
  if (play == nullptr || log == nullptr)
    throw UsageError(solver.name() + ": a play file needs the visit log (log=true)");
  const std::span<const std::uint8_t> payload = play->bytes();
  nlohmann::ordered_json header;
  header["format"] = kPlayFormat;
  header["game"] = model.name();
  header["kind"] = "certified";
  header["horizon"] = model.horizon();
  header["states"] = model.shape().states;
  header["actions"] = model.shape().actions;
  header["solver"] = solver.name();
  header["seed"] = seed;
  header["params"] = solver.params();
  header["episodes"] = play->episodes();
  header["written_by"] = "eqlab " EQLAB_VERSION;
  header["record"] = record_json(*play);
  header["payload_bytes"] = payload.size();
  header["visit_log_checksum"] = checksum_text(log->checksum());
  out << header.dump() << '\n';
  out.write(reinterpret_cast<const char*>(payload.data()), static_cast<std::streamsize>(payload.size()));
}

ReplayedPlay replay_play_file(std::string_view text, const std::string& file, const MarkovModel& model,
                              const LoadLimits& limits) {
  try {
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos) jr::fail("", "a play file starts with one line of JSON, its header");
    // The header is read with the same nesting and number checks as every JSON input.
    const nlohmann::json header = jr::parse_document(std::string(text.substr(0, newline)), file, limits);
    if (!header.is_object()) jr::fail("", "the header is a JSON object");
    jr::check_members(header, "",
                      {"format", "game", "kind", "horizon", "states", "actions", "solver", "seed", "params", "episodes",
                       "written_by", "record", "payload_bytes", "visit_log_checksum"},
                      "a play file's header");
    if (jr::require(header, "format", "", "the format") != kPlayFormat)
      jr::fail("/format", "expected \"" + std::string(kPlayFormat) + "\"");
    ReplayedPlay out{.game = jr::read_label(jr::require(header, "game", "", "the game's name"), "/game", "the game's name"),
                     .solver = jr::read_label(jr::require(header, "solver", "", "the solver"), "/solver", "the solver"),
                     .written_by = "",
                     .log = VisitLog(model, 1)};
    if (jr::require(header, "kind", "", "the kind") != "certified") jr::fail("/kind", "expected \"certified\"");
    check_markov_policy_shape(header, model);
    if (header.contains("written_by"))
      out.written_by = jr::read_label(header["written_by"], "/written_by", "the writer");

    const nlohmann::json& params = jr::require(header, "params", "", "the solver's parameters");
    VLearningOptions options;
    try {
      options = recorded_vlearning_options(params, out.solver);
    } catch (const UsageError& e) {
      jr::fail("/params", e.what());
    }
    if (!options.log) jr::fail("/params/log", "a play file's learner keeps its log");
    const std::unique_ptr<VLearningSolver> solver = make_replayer(out.solver, model, options);

    // The record layout follows from the game and the learner; the header says it too, so
    // that a reader without eqlab can walk the payload, and so that a mismatch is caught here.
    const PlayLog& layout = *solver->play_log();
    if (jr::require(header, "record", "", "the record layout") != nlohmann::json(record_json(layout)))
      jr::fail("/record", "expected " + record_json(layout).dump() + " for this game and solver");
    const nlohmann::json& k = jr::require(header, "episodes", "", "the episodes");
    if (!k.is_number_unsigned() || k.get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max())
      jr::fail("/episodes", "expected a whole number of episodes below 2^32");
    const std::uint64_t episodes = k.get<std::uint64_t>();
    const std::uint64_t expected = episodes * static_cast<std::uint64_t>(model.horizon()) * layout.record_bytes();
    const nlohmann::json& size = jr::require(header, "payload_bytes", "", "the payload's size");
    if (!size.is_number_unsigned() || size.get<std::uint64_t>() != expected)
      jr::fail("/payload_bytes", "expected " + std::to_string(expected) + " (episodes x horizon x record bytes)");
    const std::string_view payload = text.substr(newline + 1);
    if (payload.size() != expected)
      jr::fail("", "the payload after the header has " + std::to_string(payload.size()) + " bytes, not the " +
                       std::to_string(expected) + " the header announces: the file is " +
                       (payload.size() < expected ? "truncated" : "longer than its header says"));
    const nlohmann::json& checksum = jr::require(header, "visit_log_checksum", "", "the visit log's checksum");
    if (!checksum.is_string()) jr::fail("/visit_log_checksum", "expected \"fnv1a64:\" and 16 hex digits");
    if (!jr::require(header, "seed", "", "the seed").is_number_unsigned()) jr::fail("/seed", "expected a whole number");

    PlayLog play = layout;
    play.assign_bytes(std::vector<std::uint8_t>(payload.begin(), payload.end()));
    solver->replay(std::move(play));
    out.log = solver->release_visit_log();
    out.checksum_matches = checksum.get<std::string>() == checksum_text(out.log.checksum());
    return out;
  } catch (const InputError& e) {
    throw e.in_file(file);
  }
}

}  // namespace eqlab
