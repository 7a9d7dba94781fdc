// Fuzz target: rule packs (rule_book::load_text, the loader of data/rules/*.toml and of users'
// override packs). Invariants: only recoup errors refuse; a refused pack leaves the book as it
// was (no half-loaded state); an accepted pack's every entry answers for its own start date.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_contract.hpp"
#include "recoup/rules/rule_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  recoup::rules::rule_book book;
  const auto generation = book.generation();
  const auto entries = book.entries().size();
  const bool loaded = recoup::fuzz::refuses_only_with_recoup_errors([&] { book.load_text(text, "fuzz.toml"); });
  if (!loaded) {
    recoup::fuzz::require(book.generation() == generation && book.entries().size() == entries && book.packs().empty(),
                          "a refused pack changed the book");
    return 0;
  }
  for (const auto& e : book.entries()) {
    recoup::fuzz::refuses_only_with_recoup_errors([&] {
      const auto& found = book.at(e.jurisdiction, e.id, e.effective_from);
      recoup::fuzz::require(found.effective_from == e.effective_from, "a rule does not answer for its own start",
                            e.id);
    });
  }
  return 0;
}
