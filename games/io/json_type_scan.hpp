#pragma once
// The top-level "type" member of a JSON game file, read without parsing the rest: a SAX
// scan that stops as soon as the member has been read, so that telling a Markov or graph
// file from the others costs only the bytes before it.
#include <istream>
#include <optional>
#include <string>

namespace eqlab {

// The string value of the top-level "type" member; nullopt when the document is not a
// JSON object, has no such member, its value is not a string, or the JSON is broken
// before it.
std::optional<std::string> scan_json_type(std::istream& in);

}  // namespace eqlab
