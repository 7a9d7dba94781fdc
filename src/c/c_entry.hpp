#pragma once
// Internal to the C ABI (src/c/): the guard that turns every C++ exception into a status code and
// a thread-local message, argument checks, text output that never truncates, and the handle
// structs shared by more than one file (definitions in c_entry.cpp). Nothing here is installed.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "recoup/c/recoup.h"
#include "recoup/recoup.hpp"

struct recoup_schedule {
  recoup::schedule value;
};
struct recoup_rulebook {
  recoup::rules::rule_book value;
};
struct recoup_account {
  recoup::rules::account_facts value;
};
struct recoup_verdict {
  recoup::rules::verdict value;  // the common part of any check's verdict: rules and reasoning
};

namespace recoup::c_abi {

/// Records the last error of this thread and returns `status`.
recoup_status fail(recoup_status status, std::string id, std::string message);
/// Clears the last error of this thread.
void clear_error();

/// Thrown by require() for a NULL argument; entry() maps it to RECOUP_STATUS_NULL_ARGUMENT.
struct null_argument {
  const char* name;
};

/// Runs fn() and maps whatever it throws to a status; clears the last error first.
template <class Fn>
recoup_status entry(Fn&& fn) noexcept {
  try {
    clear_error();
    return fn();
  } catch (const null_argument& n) {
    return fail(RECOUP_STATUS_NULL_ARGUMENT, "c.null_argument", std::string("argument '") + n.name + "' is NULL");
  } catch (const recoup::error& e) {
    return fail(static_cast<recoup_status>(static_cast<int>(e.kind())), e.id(), e.what());
  } catch (const std::bad_alloc&) {
    return fail(RECOUP_STATUS_OUT_OF_MEMORY, "c.out_of_memory", "out of memory");
  } catch (const std::exception& e) {
    return fail(RECOUP_STATUS_INTERNAL, "c.internal", e.what());
  } catch (...) {
    return fail(RECOUP_STATUS_INTERNAL, "c.internal", "unknown error");
  }
}

template <class T>
T& require(T* p, const char* name) {
  if (p == nullptr) throw null_argument{name};
  return *p;
}

inline const char* require_text(const char* p, const char* name) {
  if (p == nullptr) throw null_argument{name};
  return p;
}

/// `n` elements at `p`, which may be NULL only when n is 0.
template <class T>
std::span<T> require_array(T* p, std::size_t n, const char* name) {
  if (n == 0) return {};
  if (p == nullptr) throw null_argument{name};
  return {p, n};
}

/// An optional output column: empty when the caller passed NULL.
template <class T>
std::span<T> optional_array(T* p, std::size_t n) {
  return p == nullptr ? std::span<T>{} : std::span<T>{p, n};
}

/// Writes `text` and its NUL into `buffer`; sets *required (when given) to the size needed. A
/// buffer too small gives RECOUP_STATUS_BUFFER_TOO_SMALL and nothing is written.
recoup_status write_text(const std::string& text, char* buffer, std::size_t size, std::size_t* required);

/// Copies `text` into a fixed field, truncated with "..." when it does not fit (fixed fields are
/// for short identifiers; every long text also has a call that never truncates).
template <std::size_t N>
void copy_field(char (&field)[N], const std::string& text) {
  std::string t = text;
  if (t.size() >= N) t = t.substr(0, N - 4) + "...";
  std::memcpy(field, t.c_str(), t.size() + 1);
}

/// A date "YYYY-MM-DD" written into a char[11] field.
inline void copy_date(char (&field)[11], const civil_date& d) { std::memcpy(field, d.to_string().c_str(), 11); }

/// An optional date into a char[11] field: "" when there is none.
inline void copy_optional_date(char (&field)[11], const std::optional<civil_date>& d) {
  if (d)
    copy_date(field, *d);
  else
    field[0] = '\0';
}

/// NULL or "" is none; otherwise the parsed date.
std::optional<civil_date> optional_date(const char* text);

/// The words of a space-separated list (NULL is empty).
std::vector<std::string> split_words(const char* text);

/// Payments from caller columns: `count` dates "YYYY-MM-DD" and amounts in minor units of `c`.
std::vector<dated_payment> dated_payments(std::size_t count, const char* const* dates, const std::int64_t* minor,
                                          currency c);

/// The C++ terms of a schedule (checks struct_size; the custom shape is refused: "c.unsupported").
schedule_terms schedule_terms_of(const recoup_schedule_terms& t);

/// The C++ monitoring policy (NULL: the defaults); amounts in minor units of `c`.
monitor_policy monitor_policy_of(const recoup_monitor_policy* p, currency c);

/// The caller's rule book, or the built-in packs for NULL.
inline const rules::rule_book& book_or_default(const recoup_rulebook* book) {
  return book == nullptr ? rules::rule_book::defaults() : book->value;
}

inline std::chrono::sys_seconds instant(std::int64_t utc_seconds) {
  return std::chrono::sys_seconds{std::chrono::seconds{utc_seconds}};
}

/// Hands the caller a copy of `v`'s rules and reasoning when `out` is not NULL.
inline void emit_verdict(const rules::verdict& v, recoup_verdict** out) {
  if (out != nullptr) *out = new recoup_verdict{v};
}

/// Throws "c.struct_size" unless the caller's struct_size reaches at least `needed` (the end of
/// the last field this version writes unconditionally).
void check_struct_size(std::size_t given, std::size_t needed, const char* type);

}  // namespace recoup::c_abi

/// The end offset of a field, for check_struct_size.
#define RECOUP_C_FIELD_END(type, field) (offsetof(type, field) + sizeof(std::declval<type&>().field))
