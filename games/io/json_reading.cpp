#include <eqlab/games/io/json_reading.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <unordered_set>

#include <eqlab/lib/error.hpp>
#include <eqlab/lib/json_limits.hpp>

namespace eqlab::json_reading {

using nlohmann::json;

json parse_document(const std::string& text, const std::string& file, const LoadLimits& limits) {
  try {
    return parse_json_text(text, limits.max_nesting);
  } catch (const InputError& e) {
    throw e.in_file(file);
  } catch (const json::exception& e) {  // syntax errors, and numbers too large for a double
    std::string what = e.what();
    if (auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
    throw InputError(file, "", "invalid JSON: " + what);
  }
}

nlohmann::json parse_line(const std::string& text, const std::string& file, const std::string& where,
                          const LoadLimits& limits) {
  try {
    return parse_json_text(text, limits.max_nesting);
  } catch (const InputError& e) {
    // A number out of range comes with its pointer within the line.
    throw InputError(file, e.pointer().rfind('/', 0) == 0 ? where + ": " + e.pointer() : where, e.detail());
  } catch (const nlohmann::json::exception& e) {
    // nlohmann counts lines and columns within the line it was given: keep the column.
    std::string what = e.what();
    if (auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
    if (auto pos = what.find("at line 1, column"); pos != std::string::npos) what.replace(pos, 17, "at column");
    throw InputError(file, where, "invalid JSON: " + what);
  }
}

void visit_json_lines(const std::string& path, const LoadLimits& limits,
                      const std::function<void(const nlohmann::json& entry, const std::string& where,
                                               std::int64_t line)>& visit) {
  check_input_file(path, limits);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the file");
  std::string text;
  std::int64_t line_number = 0;
  while (std::getline(in, text)) {
    ++line_number;
    if (line_number == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // UTF-8 byte-order mark
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = "line " + std::to_string(line_number);
    visit(parse_line(text, path, where, limits), where, line_number);
  }
  if (in.bad()) throw InputError(path, "", "cannot read the file");
}

std::string child_pointer(const std::string& parent, const std::string& key) {
  return parent + "/" + pointer_token(key);
}
std::string child_pointer(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

std::string type_name(const json& j) { return j.is_null() ? "null" : j.type_name(); }

void fail(const std::string& pointer, const std::string& what) { throw InputError(pointer, what); }

void check_game_format(const json& doc) {
  if (!doc.is_object()) fail("", "expected a JSON object at the top level, got " + type_name(doc));
  const json& format = require(doc, "format", "", "the string \"eqlab-game/1\"");
  if (!format.is_string() || format.get<std::string>() != kGameFormat)
    fail("/format", std::string("expected \"") + kGameFormat + "\", got " + describe_json_value(format));
}

void check_game_type(const json& doc, const char* type) {
  const std::string quoted = std::string("\"") + type + "\"";
  const json& found = require(doc, "type", "", quoted.c_str());
  if (!found.is_string() || found.get<std::string>() != type)
    fail("/type", "expected " + quoted + ", got " + describe_json_value(found));
}

void check_name_and_description(const json& doc) {
  for (const char* key : {"name", "description"})
    if (auto it = doc.find(key); it != doc.end() && !it->is_string())
      fail(std::string("/") + key, "expected a string, got " + type_name(*it));
}

InputError at_document(const InputError& e, const std::string& file) {
  return InputError(file, e.pointer().empty() ? "/" : e.pointer(), e.detail());
}

Number read_number(const json& j, const std::string& pointer, const char* what) {
  if (j.is_number_integer()) {
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
      return Number::real(static_cast<double>(j.get<std::uint64_t>()));
    return Number::integer(j.get<std::int64_t>());
  }
  if (j.is_number_float()) {
    const double v = j.get<double>();
    if (!std::isfinite(v)) fail(pointer, std::string("expected ") + what + ", got a non-finite value");
    return Number::parse(j.dump()).value_or(Number::real(v));
  }
  if (j.is_string()) {
    auto n = Number::parse(j.get<std::string>());
    if (!n || !std::isfinite(n->value))
      fail(pointer, std::string("expected ") + what + " (a JSON number, \"p/q\" or a decimal), got " +
                        json(j.get<std::string>()).dump());
    return *n;
  }
  fail(pointer, std::string("expected ") + what + ", got " + type_name(j));
}

const std::string& read_label(const json& j, const std::string& pointer, const char* what) {
  if (!j.is_string()) fail(pointer, std::string("expected ") + what + " (a non-empty string), got " + type_name(j));
  const std::string& s = j.get_ref<const std::string&>();
  if (s.empty()) fail(pointer, std::string(what) + " must not be empty");
  return s;
}

std::vector<std::string> read_labels(const json& array, const std::string& pointer, const char* what) {
  if (!array.is_array()) fail(pointer, "expected an array of strings, got " + type_name(array));
  std::vector<std::string> labels;
  std::unordered_set<std::string> seen;
  for (std::size_t k = 0; k < array.size(); ++k) {
    const std::string& s = read_label(array[k], child_pointer(pointer, k), what);
    if (!seen.insert(s).second)
      fail(child_pointer(pointer, k), std::string("duplicate ") + what + " " + json(s).dump());
    labels.push_back(s);
  }
  return labels;
}

const json& require(const json& object, const char* key, const std::string& pointer, const char* what) {
  auto it = object.find(key);
  if (it == object.end()) fail(pointer, std::string("missing member \"") + key + "\" (" + what + ")");
  return *it;
}

const json& require_array(const json& object, const char* key, const std::string& pointer, const char* what) {
  const json& a = require(object, key, pointer, what);
  if (!a.is_array())
    fail(child_pointer(pointer, key), std::string("expected an array (") + what + "), got " + type_name(a));
  return a;
}

void check_members(const json& object, const std::string& pointer, std::initializer_list<const char*> allowed,
                   const char* where) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (key.rfind("x-", 0) == 0) continue;
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
      std::string list;
      for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
      fail(child_pointer(pointer, key), "unknown member \"" + key + "\" in " + where + " (allowed: " + list +
                                            "; extensions must start with \"x-\")");
    }
  }
}

}  // namespace eqlab::json_reading
