// Concepts and metrics are enums with one table of the names files use: every name reads
// back to its enum, and nothing else reads as one.
#include <doctest/doctest.h>

#include <eqlab/algorithms/concept.hpp>
#include <eqlab/algorithms/eval/metric.hpp>

using namespace eqlab;

TEST_CASE("concepts: the names of result files, both ways") {
  for (const Concept c : {Concept::nash, Concept::nfcce, Concept::efce, Concept::kefce, Concept::cce, Concept::ce})
    CHECK(parse_concept(concept_name(c)) == c);
  CHECK(concept_name(Concept::kefce) == "kefce");
  CHECK(!parse_concept("NFCCE").has_value());
  CHECK(is_correlated(Concept::efce));
  CHECK(!is_correlated(Concept::nash));
  CHECK(!is_correlated(Concept::cce));  // a Markov concept, measured by the Markov runner
}

TEST_CASE("metrics: the names of curves and result files, both ways") {
  for (int m = 0; m <= static_cast<int>(Metric::nash_gap); ++m)
    CHECK(parse_metric(metric_name(static_cast<Metric>(m))) == static_cast<Metric>(m));
  CHECK(metric_name(Metric::efce_gap) == "efce_gap");
  CHECK(metric_name(Metric::cce_gap_upper) == "cce_gap_upper");
  CHECK(!parse_metric("value_0").has_value());
}
