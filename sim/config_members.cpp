#include <eqlab/sim/config_members.hpp>

#include <eqlab/lib/error.hpp>

namespace eqlab {

void check_config_members(const nlohmann::json& object, const std::set<std::string>& allowed, const std::string& file,
                          const std::string& pointer) {
  for (const auto& [key, value] : object.items()) {
    if (allowed.count(key)) continue;
    std::string list;
    for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw InputError(file, pointer + "/" + pointer_token(key),
                     "unknown member '" + key + "' (expected one of " + list + ")");
  }
}

}  // namespace eqlab
