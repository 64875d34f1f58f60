#pragma once
// The member check shared by the experiment config readers: a config refuses members it
// does not know, since they are usually misspelt.
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace eqlab {

// Throws InputError(file, pointer/KEY, "unknown member 'KEY' (expected one of ...)") for
// the first member of `object` not in `allowed`.
void check_config_members(const nlohmann::json& object, const std::set<std::string>& allowed, const std::string& file,
                          const std::string& pointer);

}  // namespace eqlab
