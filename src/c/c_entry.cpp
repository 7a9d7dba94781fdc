// The shared part of the C ABI (c_entry.hpp): this thread's last error, text output that never
// truncates, and the small parsers every entry point uses.
#include "c_entry.hpp"

namespace {
struct last_error {
  std::string id;
  std::string message;
};
last_error& thread_local_error() {
  thread_local last_error e;
  return e;
}
}  // namespace

namespace recoup::c_abi {

recoup_status fail(recoup_status status, std::string id, std::string message) {
  thread_local_error().id = std::move(id);
  thread_local_error().message = std::move(message);
  return status;
}

void clear_error() {
  thread_local_error().id.clear();
  thread_local_error().message.clear();
}

recoup_status write_text(const std::string& text, char* buffer, std::size_t size, std::size_t* required) {
  if (required != nullptr) *required = text.size() + 1;
  if (buffer == nullptr || size < text.size() + 1) {
    return fail(RECOUP_STATUS_BUFFER_TOO_SMALL, "c.buffer_too_small",
                "the result needs " + std::to_string(text.size() + 1) + " bytes; the buffer has " + std::to_string(size));
  }
  std::memcpy(buffer, text.c_str(), text.size() + 1);
  return RECOUP_STATUS_OK;
}

std::optional<civil_date> optional_date(const char* text) {
  if (text == nullptr || *text == '\0') return std::nullopt;
  return civil_date::parse(text);
}

std::vector<std::string> split_words(const char* text) {
  std::vector<std::string> out;
  if (text == nullptr) return out;
  std::string word;
  for (const char* p = text;; ++p) {
    if (*p == ' ' || *p == '\0') {
      if (!word.empty()) out.push_back(word);
      word.clear();
      if (*p == '\0') break;
    } else {
      word += *p;
    }
  }
  return out;
}

void check_struct_size(std::size_t given, std::size_t needed, const char* type) {
  if (given < needed)
    throw invalid_input_error("c.struct_size", std::string(type) + ".struct_size is " + std::to_string(given) +
                                                   ", smaller than the " + std::to_string(needed) +
                                                   " bytes this version writes (set it to sizeof(" + type + "))");
}

}  // namespace recoup::c_abi

extern "C" {

const char* recoup_last_error_message(void) { return thread_local_error().message.c_str(); }
const char* recoup_last_error_id(void) { return thread_local_error().id.c_str(); }

}  // extern "C"
