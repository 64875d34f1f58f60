#pragma once
// The checks every reader of eqlab's JSON game formats shares: members, labels, numbers.
// Each throws InputError(pointer, what) without a file name; the reader adds the file
// once, at the top (InputError::in_file), so every message reads FILE: POINTER: WHAT.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/game_source.hpp>
#include <eqlab/lib/number.hpp>

namespace eqlab::json_reading {

// The format member every eqlab game file carries.
inline constexpr const char* kGameFormat = "eqlab-game/1";

// The JSON document in `text`, its nesting checked against limits.max_nesting before it
// is parsed; errors (InputError) name `file`, and a syntax error its line and column.
nlohmann::json parse_document(const std::string& text, const std::string& file, const LoadLimits& limits);

// One line of a JSON Lines file, parsed with its nesting checked; errors (InputError) name
// `file` and `where` ("line N"), with the pointer within the line or the column of a
// syntax error (a truncated line among them).
nlohmann::json parse_line(const std::string& text, const std::string& file, const std::string& where,
                          const LoadLimits& limits);

// Reads a JSON Lines file line by line: skips a UTF-8 byte-order mark and lines of white
// space, parses each other line (parse_line) and hands it to visit(entry, "line N", N).
// Checks the file against limits.max_bytes first; InputError when it cannot be read.
void visit_json_lines(const std::string& path, const LoadLimits& limits,
                      const std::function<void(const nlohmann::json& entry, const std::string& where,
                                               std::int64_t line)>& visit);

// The JSON pointer of a member or an element below `parent`.
std::string child_pointer(const std::string& parent, const std::string& key);
std::string child_pointer(const std::string& parent, std::size_t index);

// "null", "object", "array", "string", "number", ...
std::string type_name(const nlohmann::json& j);

[[noreturn]] void fail(const std::string& pointer, const std::string& what);

// The header every eqlab game file shares: a JSON object whose "format" is kGameFormat;
// check_game_type adds that its "type" is `type`.
void check_game_format(const nlohmann::json& doc);
void check_game_type(const nlohmann::json& doc, const char* type);
// The optional "name" and "description" members are strings.
void check_name_and_description(const nlohmann::json& doc);

// An error of a document reader placed in `file`; one without a pointer (a missing
// top-level member) is reported at the document itself, "/".
InputError at_document(const InputError& e, const std::string& file);

// A JSON number, or a string holding "p/q" or a decimal; finite. `what` names it in errors.
Number read_number(const nlohmann::json& j, const std::string& pointer, const char* what = "a number");

// A non-empty string.
const std::string& read_label(const nlohmann::json& j, const std::string& pointer, const char* what);
// An array of distinct non-empty strings.
std::vector<std::string> read_labels(const nlohmann::json& array, const std::string& pointer, const char* what);

// The member `key` of `object` (at `pointer`), which must be there.
const nlohmann::json& require(const nlohmann::json& object, const char* key, const std::string& pointer,
                              const char* what);
// The same, and it must be an array.
const nlohmann::json& require_array(const nlohmann::json& object, const char* key, const std::string& pointer,
                                    const char* what);

// Every member of `object` is in `allowed` or starts with "x-" (an extension).
void check_members(const nlohmann::json& object, const std::string& pointer, std::initializer_list<const char*> allowed,
                   const char* where);

}  // namespace eqlab::json_reading
