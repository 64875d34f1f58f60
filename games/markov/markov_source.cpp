#include <eqlab/games/markov/markov_source.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <eqlab/games/io/json_markov.hpp>
#include <eqlab/games/markov/markov_builtin.hpp>
#include <eqlab/games/markov/table_model.hpp>
#include <eqlab/lib/error.hpp>

namespace eqlab {

namespace fs = std::filesystem;

namespace {

bool looks_like_path(const std::string& spec) {
  return spec.find('/') != std::string::npos || fs::path(spec).extension() == ".json";
}

// Streams a JSON document and stops as soon as the top-level "type" member has been read,
// so that a large game costs no more than the bytes before that member.
class TypeScanner final : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string type;
  bool found = false;

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t& text) override {
    if (depth_ == 1 && type_key_) {
      type = text;
      found = true;
      return false;  // done: stop reading
    }
    return value();
  }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    type_key_ = false;
    ++depth_;
    return true;
  }
  bool key(string_t& text) override {
    type_key_ = depth_ == 1 && text == "type";
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return false;  // a top-level array is no game
    type_key_ = false;
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  // A top-level "type" with a value that is not a string is no markov game either.
  bool value() {
    if (depth_ == 1 && type_key_) return false;
    type_key_ = false;
    return true;
  }
  int depth_ = 0;
  bool type_key_ = false;
};

}  // namespace

std::unique_ptr<MarkovModel> load_markov_model(const std::string& spec, const LoadLimits& limits) {
  std::error_code ec;
  const fs::file_status status = fs::status(spec, ec);
  if (fs::is_directory(status)) throw InputError("", "", spec + " is a folder: give a game file or a built-in game");
  if (fs::exists(status)) return std::make_unique<TableMarkovModel>(load_markov_game_file(spec, limits));
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
    throw InputError("", "", "cannot open " + spec + ": " + ec.message());
  if (is_markov_builtin_spec(spec)) return make_markov_builtin(spec);
  if (looks_like_path(spec)) throw InputError("", "", "cannot open " + spec + ": no such file");
  throw UnknownGameError(spec);
}

bool is_markov_game(const std::string& spec) {
  if (is_markov_builtin_spec(spec)) return true;
  try {
    std::error_code ec;
    if (!fs::is_regular_file(spec, ec)) return false;
    std::ifstream in(spec, std::ios::binary);
    if (!in) return false;
    TypeScanner scanner;
    nlohmann::json::sax_parse(in, &scanner);
    return scanner.found && scanner.type == "markov";
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace eqlab
