#pragma once
// Limits checked on JSON text before it is parsed, so that hostile input (a file nested a
// million levels deep) is refused before a parser or a recursive printer meets it.
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace eqlab {

// Throws InputError("line N", ...) when brackets ('{', '[') outside strings nest deeper
// than `limit`; N is the line where the limit is crossed. The scan is one pass without
// recursion; it does not check the syntax, the parser does that afterwards.
void check_json_nesting(const std::string& text, int limit);

// A JSON value for an error message: scalars as written, arrays and objects by their type
// only, because printing a value recurses on its depth and input may be deeply nested.
std::string describe_json_value(const nlohmann::json& value);

}  // namespace eqlab
