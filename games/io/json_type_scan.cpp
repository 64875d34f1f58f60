#include <eqlab/games/io/json_type_scan.hpp>

#include <nlohmann/json.hpp>

namespace eqlab {

namespace {

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

std::optional<std::string> scan_json_type(std::istream& in) {
  TypeScanner scanner;
  try {
    nlohmann::json::sax_parse(in, &scanner);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!scanner.found) return std::nullopt;
  return scanner.type;
}

}  // namespace eqlab
