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

  /// The TOML document of `text`. Before toml++ sees the text, three things TOML forbids are
  /// refused with the line and column (found by fuzzing toml++ 3.3, which asserts on a NUL or a
  /// line break in a table header and reaches `unreachable` on some non-ASCII letters outside
  /// strings): control characters other than tab, newline and carriage return, anywhere
  /// (escaped ones included); non-ASCII characters outside strings and comments (bare keys,
  /// headers and values are ASCII); and a table header that does not name a table on its line.
  /// toml++'s own parse errors name the line.
  toml::table parse(std::string_view text) const {
    enum class lex { bare, comment, basic, literal, multi_basic, multi_literal };
    lex state = lex::bare;
    bool escaped = false;     // the previous character was a backslash inside a basic string
    bool line_start = true;   // only white space so far on this line (outside strings)
    int value_depth = 0;      // unclosed [ and { of a value (arrays, inline tables)
    bool in_value = false;    // after a key's '=', until the value ends
    std::size_t line = 1, column = 1;
    auto refuse = [&](const std::string& what) {
      std::ostringstream msg;
      msg << source_ << " line " << line << ", column " << column << ": " << what;
      throw rule_pack_error(error_id_, msg.str());
    };
    auto run_of = [&](std::size_t i, char q) {
      std::size_t k = i;
      while (k < text.size() && text[k] == q) ++k;
      return k - i;
    };
    auto key_start = [](char ch) {
      return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
             ch == '-' || ch == '"' || ch == '\'';
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char ch = text[i];
      const auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        static constexpr char hex[] = "0123456789ABCDEF";
        refuse(std::string("control character U+00") + hex[c >> 4] + hex[c & 0xF] +
               " is not allowed in TOML (inside a string write it as an escape such as \\u0000)");
      }
      if (c >= 0x80 && state == lex::bare)
        refuse("a non-ASCII character outside a string or comment (TOML keys, table headers and bare values are "
               "ASCII; quote the key or move the text into a string)");
      std::size_t quotes = 1;  // characters this step consumes: more for a run of quotes
      switch (state) {
        case lex::bare:
          if (ch == '[' && line_start && !in_value) {
            // A table header must name a table ([pack], [[rule]], [rule.params]): toml++ 3.3
            // asserts (and, built with Clang in release, assumes) that a key follows the bracket.
            std::size_t k = i + 1;
            if (k < text.size() && text[k] == '[') ++k;
            while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
            if (k == text.size() || !key_start(text[k]))
              refuse("a table header must name a table on its line, e.g. [pack] or [[rule]]");
          }
          if (ch == '=' && value_depth == 0) in_value = true;
          else if (in_value && (ch == '[' || ch == '{')) ++value_depth;
          else if (in_value && (ch == ']' || ch == '}') && value_depth > 0) --value_depth;
          if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') line_start = false;
          if (ch == '#') {
            state = lex::comment;
          } else if (ch == '"' || ch == '\'') {
            const bool multi = run_of(i, ch) >= 3;
            state = ch == '"' ? (multi ? lex::multi_basic : lex::basic) : (multi ? lex::multi_literal : lex::literal);
            if (multi) quotes = 3;
          }
          break;
        case lex::comment:
          if (ch == '\n') state = lex::bare;
          break;
        case lex::basic:
        case lex::literal:
          if (ch == '\n') {  // an unterminated string ends with its line (toml++ reports it)
            state = lex::bare;
            escaped = false;
          } else if (escaped) {
            escaped = false;
          } else if (ch == '\\' && state == lex::basic) {
            escaped = true;
          } else if (ch == (state == lex::basic ? '"' : '\'')) {
            state = lex::bare;
          }
          break;
        case lex::multi_basic:
        case lex::multi_literal:
          if (escaped) {
            escaped = false;
          } else if (ch == '\\' && state == lex::multi_basic) {
            escaped = true;
          } else if (ch == (state == lex::multi_basic ? '"' : '\'')) {
            quotes = run_of(i, ch);  // three end the string; up to two more belong to its content
            if (quotes >= 3) state = lex::bare;
          }
          break;
      }
      if (ch == '\n') {
        ++line;
        column = 1;
        line_start = true;
        if (state == lex::bare && value_depth == 0) in_value = false;
      } else if ((c & 0xC0) != 0x80) {
        column += quotes;  // count characters, not UTF-8 continuation bytes
      }
      i += quotes - 1;
    }
    try {
      return toml::parse(text, std::string_view{source_});
    } catch (const toml::parse_error& e) {
      std::ostringstream msg;
      msg << source_ << " line " << e.source().begin.line << ": " << e.description();
      throw rule_pack_error(error_id_, msg.str());
    }
  }

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
