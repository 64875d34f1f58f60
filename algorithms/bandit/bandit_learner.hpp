#pragma once
// A learner with bandit (trajectory-only) feedback: in each episode it sees its own
// infosets as they are reached, picks its own actions, and at the end receives its own
// reward, normalised to [0, 1]. It never sees other players' actions, chance outcomes
// beyond what its infosets reveal, or any other learner's state (learners are uncoupled).
//
// The simulator (algorithms/bandit/episode.hpp) calls, per episode:
//   begin_episode();  act(x_1, rng); act(x_2, rng); ...;  end_episode(reward)
// where x_1, x_2, ... are the learner's own infosets on the sampled path, in order (there
// may be none: then end_episode still comes, and a learner must treat it as no update).
//
// See docs/algorithms/bandit.md.
#include <span>

#include <eqlab/lib/rng.hpp>

namespace eqlab {

class BanditLearner {
 public:
  virtual ~BanditLearner() = default;

  virtual void begin_episode() = 0;
  // The action (index within the infoset) played at own infoset `infoset`, sampled with
  // the learner's own random stream.
  virtual int act(int infoset, RngStream& rng) = 0;
  // The episode's reward in [0, 1] (the loss is 1 − reward).
  virtual void end_episode(double reward) = 0;

  // The learner's current strategy, the one the next episode is played with, in sequence
  // form over its whole treeplex: what the evaluator measures (called between episodes).
  // May cost a full pass over the treeplex; the learner itself never needs it.
  virtual std::span<const double> expected_strategy() = 0;
};

}  // namespace eqlab
