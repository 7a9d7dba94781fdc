// Reading TOML data files (calendars, rule packs) with errors that name the file, the line and
// the key: "acme.toml line 11, key 'month': 13 is outside 1..12". Internal to src/.
#pragma once

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "recoup/core/error.hpp"
#include "recoup/time/civil_date.hpp"

namespace recoup::detail {

/// The whole content of a data file; throws rule_pack_error `error_id` naming the file.
inline std::string read_data_file(const std::string& path, std::string_view error_id, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw rule_pack_error(error_id, "cannot open " + std::string(what) + " '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class toml_reader {
 public:
  toml_reader(std::string source, std::string_view error_id) : source_(std::move(source)), error_id_(error_id) {}

  [[noreturn]] void fail(const toml::source_region& where, std::string_view key, const std::string& what) const {
    std::ostringstream msg;
    msg << source_ << " line " << where.begin.line << ", key '" << key << "': " << what;
    throw rule_pack_error(error_id_, msg.str());
  }

  void only_keys(const toml::table& t, std::string_view where, std::initializer_list<std::string_view> allowed) const {
    for (auto&& [k, v] : t) {
      if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(k.source(), k.str(), "unknown key in " + std::string(where) + " (allowed: " + list + ")");
      }
    }
  }

  std::string text(const toml::table& t, std::string_view key, bool required) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required) fail(t.source(), key, "missing (expected a non-empty string)");
      return {};
    }
    auto s = n->value<std::string>();
    if (!s || (required && s->empty())) fail(n->source(), key, "expected a non-empty string");
    return *s;
  }

  std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, std::int64_t lo, std::int64_t hi,
                                      bool required) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) {
      if (required)
        fail(t.source(), key, "missing (expected an integer " + std::to_string(lo) + ".." + std::to_string(hi) + ")");
      return std::nullopt;
    }
    if (!n->is_integer())
      fail(n->source(), key, "expected an integer " + std::to_string(lo) + ".." + std::to_string(hi));
    const std::int64_t v = *n->value<std::int64_t>();
    if (v < lo || v > hi)
      fail(n->source(), key, std::to_string(v) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return v;
  }

  civil_date date_value(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (n == nullptr) fail(t.source(), key, "missing (expected a date such as 2022-06-03)");
    if (auto d = n->as_date()) {
      const toml::date v = d->get();
      try {
        return civil_date::from_ymd(v.year, v.month, v.day);
      } catch (const error& e) {
        fail(n->source(), key, e.what());
      }
    }
    if (auto s = n->value<std::string>()) {
      try {
        return civil_date::parse(*s);
      } catch (const error& e) {
        fail(n->source(), key, e.what());
      }
    }
    fail(n->source(), key, "expected a date such as 2022-06-03");
  }

  std::string line_of(const toml::table& t) const {
    return source_ + " line " + std::to_string(t.source().begin.line);
  }

  const std::string& source() const noexcept { return source_; }

 private:
  std::string source_;
  std::string error_id_;
};

}  // namespace recoup::detail
