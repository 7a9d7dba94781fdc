// Fuzz target: the C ABI entry points that take text (recoup_money_parse,
// recoup_rulebook_load_text, recoup_policy_load_text). Invariants: every call returns a status
// (never crashes or throws through C), an error status comes with an id and a message, and a
// refused pack leaves the book answering as before.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_contract.hpp"
#include "recoup/c/recoup.h"

namespace {
void require_error_reported(recoup_status s) {
  if (s == RECOUP_STATUS_OK) return;
  recoup::fuzz::require(recoup_last_error_id() != nullptr && std::strchr(recoup_last_error_id(), '.') != nullptr,
                        "a C error status without a dotted id");
  recoup::fuzz::require(recoup_last_error_message() != nullptr && *recoup_last_error_message() != '\0',
                        "a C error status without a message");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);  // NUL-terminated for C
  char code[4] = {};
  std::int64_t minor = 0;
  require_error_reported(recoup_money_parse(text.c_str(), code, &minor));

  recoup_rulebook* book = nullptr;
  recoup::fuzz::require(recoup_rulebook_new(&book) == RECOUP_STATUS_OK, "recoup_rulebook_new failed");
  require_error_reported(recoup_rulebook_load_text(book, text.c_str(), "fuzz.toml"));
  recoup_rulebook_free(book);

  recoup_policy* policy = nullptr;
  const recoup_status s = recoup_policy_load_text(text.c_str(), "fuzz.toml", &policy);
  require_error_reported(s);
  recoup::fuzz::require((s == RECOUP_STATUS_OK) == (policy != nullptr), "a policy status and pointer disagree");
  recoup_policy_free(policy);
  return 0;
}
