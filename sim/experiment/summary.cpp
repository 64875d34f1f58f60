#include <eqlab/sim/experiment/summary.hpp>

namespace eqlab {

Curve band_curve(const std::string& metric) { return Curve({metric, metric + "_low", metric + "_high"}); }

}  // namespace eqlab
