#pragma once
// Limits checked on JSON text before it is parsed, so that hostile input (a file nested a
// million levels deep) is refused before a parser or a recursive printer meets it.
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace eqlab {

// Throws InputError("line N", ...) when brackets ('{', '[') outside strings nest deeper
// than `limit`; N is the line where the limit is crossed. The scan is one pass without
// recursion; it does not check the syntax, the parser does that afterwards.
void check_json_nesting(const std::string& text, int limit);

// check_json_nesting, then nlohmann::json::parse. A number too large for a double, which
// the parser reports without a place, is refused as InputError at its JSON pointer:
// "/payoffs/0/0/0: the number 1e400 is outside the range of a double ...".
// Other syntax errors propagate as nlohmann::json::parse_error, for the caller to word.
nlohmann::json parse_json_text(const std::string& text, int max_nesting);

// The JSON pointer of the first number token equal to `token` outside strings, found by
// one scan that tracks the members and elements it is inside; nullopt when no such token
// is there.
std::optional<std::string> find_json_number(const std::string& text, const std::string& token);

// A JSON value for an error message: scalars as written, arrays and objects by their type
// only, because printing a value recurses on its depth and input may be deeply nested.
std::string describe_json_value(const nlohmann::json& value);

}  // namespace eqlab
