// recoup/rules/rule_book.hpp — every loaded rule pack, looked up by jurisdiction, rule id and date.
//
// The built-in packs (data/rules/*.toml) are compiled into the library and parsed once, on
// first use of rule_book::defaults(). A user builds a book of their own from the defaults plus
// their files; a later pack replaces every version of each (jurisdiction, rule id) it defines.
//
//   auto book = recoup::rules::rule_book::with_defaults();
//   book.load_file("acme-overrides.toml");       // rule_pack_error naming file, line and key
//   const auto& e = book.at("US-NY", "limitation.open_account", as_of);
//
// A rule_book is immutable once built and may be shared across threads for reading.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "recoup/rules/rule_entry.hpp"

namespace recoup::rules {

/// What the [pack] table of a file says about it.
struct pack_info {
  std::string id;        ///< "us-state-limitation"
  std::string title;     ///< "US state statutes of limitation for debt collection"
  civil_date reviewed;   ///< the date the figures were last checked
  std::optional<civil_date> valid_through;  ///< the last day the pack vouches its figures are current (optional)
  std::string note;      ///< may be empty
  std::string origin;    ///< file name, or "built-in data/rules/<file>"
  std::size_t rules = 0; ///< number of [[rule]] entries
};

class rule_book {
 public:
  /// An empty book (no packs).
  rule_book();
  ~rule_book();
  rule_book(const rule_book&);
  rule_book& operator=(const rule_book&);
  rule_book(rule_book&&) noexcept;
  rule_book& operator=(rule_book&&) noexcept;

  /// The built-in packs, parsed once (thread-safe).
  static const rule_book& defaults();
  /// A copy of the built-in book to extend with load_file / load_text.
  static rule_book with_defaults() { return defaults(); }

  /// Loads a pack from a TOML file. Throws rule_pack_error ("rules.pack") naming the file, the
  /// line and the key for any parse or schema error; the book is unchanged on error.
  void load_file(const std::string& path);
  /// Loads a pack from TOML text; `origin` names it in error messages and verdicts.
  void load_text(std::string_view toml, std::string_view origin = "<string>");

  /// The version of rule `id` of `jurisdiction` in force on `as_of`. Throws
  /// unknown_jurisdiction_error: "rules.unknown_jurisdiction" (no pack defines anything for
  /// the jurisdiction; the message lists the valid code forms) or "rules.unknown_rule" (the
  /// jurisdiction has no such rule; the message lists its rules with the same prefix); and
  /// rule_not_in_force_error "rules.not_in_force" (the rule exists but no version covers
  /// `as_of`: before its first version, in a gap, or past the end of a dated table, whose last
  /// day and pack the message names).
  [[nodiscard]] const rule_entry& at(std::string_view jurisdiction, std::string_view id, civil_date as_of) const;
  /// As at(), but nullptr instead of throwing.
  [[nodiscard]] const rule_entry* find(std::string_view jurisdiction, std::string_view id,
                                       civil_date as_of) const noexcept;
  /// Every version of one rule in date order (empty when undefined).
  [[nodiscard]] std::span<const rule_entry> versions(std::string_view jurisdiction, std::string_view id) const;

  /// True when some loaded pack defines a rule for the jurisdiction.
  [[nodiscard]] bool has_jurisdiction(std::string_view jurisdiction) const noexcept;
  /// Throws unknown_jurisdiction_error ("rules.unknown_jurisdiction") unless has_jurisdiction;
  /// a malformed code ("TX", "us-tx") gets a message with the expected form.
  void require_jurisdiction(std::string_view jurisdiction) const;
  /// The jurisdictions with at least one rule, sorted.
  [[nodiscard]] std::vector<std::string> jurisdictions() const;
  /// Every entry, sorted by jurisdiction, id and effective_from.
  [[nodiscard]] std::span<const rule_entry> entries() const noexcept;
  /// The packs loaded, in load order.
  [[nodiscard]] const std::vector<pack_info>& packs() const noexcept;

  /// A number changed on every load (caches keyed on a book compare it).
  [[nodiscard]] std::uint64_t generation() const noexcept;

 private:
  struct impl;
  std::shared_ptr<const impl> impl_;  // copy-on-write: loads build a new impl
};

/// True for a syntactically valid jurisdiction code: "US", "US-XX" (the 50 states and DC),
/// "GB", "GB-EAW", "GB-SCT", "GB-NIR", "EU" or an EU member state ("DE", "FR", ...).
bool is_jurisdiction_code(std::string_view code) noexcept;

/// The parent whose rules also apply: "US-TX" -> "US", "GB-EAW" -> "GB", "DE" -> "EU", "US" -> "".
std::string_view parent_jurisdiction(std::string_view code) noexcept;

}  // namespace recoup::rules
