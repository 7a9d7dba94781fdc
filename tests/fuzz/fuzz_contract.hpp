// tests/fuzz/fuzz_contract.hpp — what every fuzz target asserts about every input.
//
// A parser or loader of recoup may refuse an input only with a recoup::error that carries an
// id and a message; anything else escaping (a std::out_of_range, a toml++ exception, a crash,
// an invariant broken) is a finding: the target prints it and aborts, which libFuzzer and the
// corpus replay both report with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "recoup/core/error.hpp"

namespace recoup::fuzz {

[[noreturn]] inline void finding(const char* what, std::string_view detail) {
  std::fprintf(stderr, "recoup fuzz finding: %s: %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

/// Aborts unless `cond` holds; `what` names the invariant.
inline void require(bool cond, const char* what, std::string_view detail = {}) {
  if (!cond) finding(what, detail);
}

/// Runs `f`; a recoup::error with an id is an accepted refusal, any other exception a finding.
/// Returns true when `f` returned normally.
template <class F>
bool refuses_only_with_recoup_errors(F&& f) {
  try {
    f();
    return true;
  } catch (const recoup::error& e) {
    require(!e.id().empty() && e.id().find('.') != std::string_view::npos, "a recoup::error without a dotted id",
            e.what());
    require(*e.what() != '\0', "a recoup::error without a message", e.id());
    return false;
  } catch (const std::exception& e) {
    finding("a non-recoup exception escaped", e.what());
  } catch (...) {
    finding("a non-standard exception escaped", "");
  }
}

}  // namespace recoup::fuzz
