#pragma once
// Errors that eqlab reports to its users. Bad input always names where it was found:
// the file and, inside it, a JSON pointer (or a line for text formats).
#include <stdexcept>
#include <string>

namespace eqlab {

// Input that breaks a rule of the formats: the message is "FILE: POINTER: WHAT".
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string pointer, std::string what);
  // An error raised before the file name is known; the loader adds it with in_file().
  InputError(std::string pointer, std::string what) : InputError("", std::move(pointer), std::move(what)) {}

  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& detail() const { return detail_; }
  InputError in_file(const std::string& file) const { return {file, pointer_, detail_}; }

 private:
  std::string file_, pointer_, detail_;
};

// A request that cannot be carried out as asked (unknown solver, wrong game type, ...).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A computation that lost its numbers (NaN or infinity where a probability belongs): a
// defect of the algorithm or of its step sizes, never of the input. Reported, not hidden:
// evaluators given such a profile would compute meaningless gaps.
class NumericalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A run that would need more than the resources it is allowed (the memory budget): the
// message gives the estimate, its parts, the budget and how to change either. Raised
// before the run allocates anything large.
class ResourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Escapes one reference token of a JSON pointer (RFC 6901).
std::string pointer_token(const std::string& token);

}  // namespace eqlab
