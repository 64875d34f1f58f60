// Compiled as a source of the algorithms layer by the test layers_upward_include, which
// passes only when this file fails to compile because the header below is not found:
// algorithms/ sees lib/, games/ and itself, never sim/ (see CMakeLists.txt, "layers").
#include <eqlab/sim/runner.hpp>
