// The compliance gate (recoup/rules/compliance_gate.hpp): gate rules compiled from the packs,
// one kernel that judges an account at one instant, the walk to the first allowed instant, and
// the scalar and columnar faces over that kernel.
#include "recoup/rules/compliance_gate.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "notice_support.hpp"
#include "recoup/rules/breathing_space.hpp"
#include "recoup/rules/contact.hpp"
#include "recoup/rules/credit_reporting.hpp"
#include "recoup/rules/default_notice.hpp"
#include "recoup/rules/limitation.hpp"
#include "recoup/rules/notices.hpp"
#include "recoup/rules/pre_action.hpp"
#include "time_zone_support.hpp"

namespace recoup::rules {

namespace {

using detail::day_seconds;

// --- the vocabulary of gate packs ----------------------------------------------------------------

/// What a gate rule tests (params.condition). Documented in data/rules/README.md.
enum class condition : std::uint8_t {
  always,
  cease_requested,
  dispute_pending,
  disputed,
  bankruptcy_stay,
  bankruptcy_discharged,
  time_barred,
  extinguished,
  not_communicated,
  sale_barred,
  channel_opt_out,
  attorney_represented,
  deceased,
  scra_active_duty,
  obsolete,
  breathing_space,
  default_notice_required,
  pre_action_pending,
  call_limits,
  convenient_hours,
  vulnerable,
  charge_off_deadline,
  charge_off_bankruptcy,
  charge_off_fraud,
  validation_notice_due,
  reage_limits,
};

constexpr std::array<std::string_view, 26> condition_names{
    "always",          "cease_requested",      "dispute_pending",       "disputed",
    "bankruptcy_stay", "bankruptcy_discharged", "time_barred",          "extinguished",
    "not_communicated", "sale_barred",         "channel_opt_out",       "attorney_represented",
    "deceased",        "scra_active_duty",     "obsolete",              "breathing_space",
    "default_notice_required", "pre_action_pending", "call_limits",     "convenient_hours",
    "vulnerable",      "charge_off_deadline",  "charge_off_bankruptcy", "charge_off_fraud",
    "validation_notice_due", "reage_limits"};

enum class effect : std::uint8_t { block, allow, require, deadline };
constexpr std::array<std::string_view, 4> effect_names{"block", "allow", "require", "deadline"};

enum class applies : std::uint8_t { any, debt_collector, creditor };
constexpr std::array<std::string_view, 3> applies_names{"any", "debt_collector", "creditor"};

enum class credit_kind : std::uint8_t { any, open_end, closed_end };
constexpr std::array<std::string_view, 3> credit_names{"any", "open_end", "closed_end"};

[[noreturn]] void bad_rule(const rule_entry& e, const std::string& what) {
  throw rule_pack_error("gate.rule_param", e.version() + " (" + e.origin + "): " + what);
}

template <class Enum, std::size_t N>
Enum param_enum(const rule_entry& e, std::string_view key, const std::array<std::string_view, N>& names,
                std::string_view fallback) {
  const std::string v = e.param_text(key, fallback);
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == v) return static_cast<Enum>(i);
  std::string list;
  for (const auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
  bad_rule(e, "params." + std::string(key) + " '" + v + "' is not one of: " + list);
}

/// The words of a space-separated list.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

constexpr std::uint32_t bit(collection_action a) noexcept { return 1u << static_cast<unsigned>(a); }

/// One version of one gate rule, compiled.
struct compiled_rule {
  const rule_entry* entry = nullptr;
  int id = 0;  // index into the table's ids
  condition cond = condition::always;
  effect eff = effect::block;
  applies who = applies::any;
  credit_kind credit = credit_kind::any;
  bool block_unknown = true;
  std::uint32_t actions = 0;
  std::uint64_t overrides = 0;  // bits over ids
  std::string text;
  // reage_limits
  std::int64_t min_age_months = 0, min_payments = 0, max_12_months = 0, max_5_years = 0;
};

struct compiled_code {
  std::string code;
  std::vector<compiled_rule> rules;
  int limitation = -1;               // index among the limitation table's codes
  std::string contact_jurisdiction;  // "US" / "US-XX" when the Reg F contact engine applies
};

bool is_us(std::string_view code) { return code == "US" || parent_jurisdiction(code) == "US"; }

std::string covered_list(const rule_book& book) {
  std::vector<std::string> js;
  for (const auto& e : book.entries())
    if (e.id.starts_with("gate.") && (js.empty() || js.back() != e.jurisdiction)) js.push_back(e.jurisdiction);
  std::sort(js.begin(), js.end());
  js.erase(std::unique(js.begin(), js.end()), js.end());
  std::string out;
  for (const auto& j : js) out += (out.empty() ? "" : ", ") + j;
  return out.empty() ? "none (load the gate packs)" : out;
}

}  // namespace

// --- the compiled table ---------------------------------------------------------------------------

struct gate_table::impl {
  const rule_book* book = nullptr;
  std::vector<std::string> ids;
  std::vector<compiled_code> codes;
  std::vector<std::string> zone_names;
  std::vector<const date::time_zone*> zones;
  std::vector<std::string> limitation_codes;
  std::optional<limitation_table> limitation;

  int id_of(const std::string& id) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (ids[i] == id) return static_cast<int>(i);
    ids.push_back(id);
    return static_cast<int>(ids.size() - 1);
  }

  compiled_rule compile(const rule_entry& e) {
    compiled_rule r;
    r.entry = &e;
    r.id = id_of(e.id);
    r.cond = param_enum<condition>(e, "condition", condition_names, "");
    r.eff = param_enum<effect>(e, "effect", effect_names, "block");
    r.who = param_enum<applies>(e, "applies_to", applies_names, "any");
    r.credit = param_enum<credit_kind>(e, "credit", credit_names, "any");
    const std::string unknown = e.param_text("on_unknown", "block");
    if (unknown != "block" && unknown != "ignore") bad_rule(e, "params.on_unknown '" + unknown + "' is not one of: block, ignore");
    r.block_unknown = unknown == "block";
    const auto acts = words(e.param_text("actions", ""));
    if (acts.empty()) bad_rule(e, "params.actions is missing or empty: name the actions the rule governs");
    for (const auto& a : acts) {
      try {
        r.actions |= bit(parse_collection_action(a));
      } catch (const error& err) {
        bad_rule(e, std::string("params.actions: ") + err.what());
      }
    }
    r.text = e.param_text("text", "");
    if (r.text.empty()) bad_rule(e, "params.text is missing: every gate rule says in plain English what it requires");
    if (r.eff == effect::allow) {
      const auto over = words(e.param_text("overrides", ""));
      if (over.empty()) bad_rule(e, "an 'allow' rule needs params.overrides: the gate rule ids whose blocks it lifts");
      for (const auto& o : over) {
        if (!o.starts_with("gate.")) bad_rule(e, "params.overrides: '" + o + "' is not a gate rule id");
        const int k = id_of(o);
        if (k >= 64) bad_rule(e, "more than 64 distinct gate rule ids");
        r.overrides |= std::uint64_t{1} << k;
      }
    }
    if (r.eff == effect::deadline && r.cond != condition::charge_off_deadline && r.cond != condition::charge_off_bankruptcy &&
        r.cond != condition::charge_off_fraud && r.cond != condition::validation_notice_due)
      bad_rule(e, "effect 'deadline' needs a deadline condition (charge_off_deadline, charge_off_bankruptcy, "
                  "charge_off_fraud, validation_notice_due)");
    if ((r.cond == condition::charge_off_deadline || r.cond == condition::charge_off_bankruptcy ||
         r.cond == condition::charge_off_fraud) &&
        (r.eff != effect::deadline || e.integer() < 0))
      bad_rule(e, "a charge-off condition is a 'deadline' whose value is a number of days (>= 0)");
    if (r.cond == condition::reage_limits) {
      r.min_age_months = e.param_integer("min_account_age_months", -1);
      r.min_payments = e.param_integer("min_consecutive_payments", -1);
      r.max_12_months = e.param_integer("max_per_12_months", -1);
      r.max_5_years = e.param_integer("max_per_5_years", -1);
      if (r.min_age_months < 0 || r.min_payments < 0 || r.max_12_months < 0 || r.max_5_years < 0)
        bad_rule(e, "reage_limits needs params min_account_age_months, min_consecutive_payments, max_per_12_months "
                    "and max_per_5_years (integers >= 0)");
    }
    return r;
  }

  impl(const std::vector<std::string>& codes_in, const std::vector<std::string>& zone_list, const rule_book& b) : book(&b) {
    const auto entries = b.entries();
    for (const auto& code : codes_in) {
      b.require_jurisdiction(code);
      compiled_code c;
      c.code = code;
      std::vector<std::string> chain{code};
      for (std::string_view p = parent_jurisdiction(code); !p.empty(); p = parent_jurisdiction(p)) chain.emplace_back(p);
      std::vector<std::string> defined;  // ids defined by a more specific level hide the parent's
      for (const auto& j : chain) {
        std::vector<std::string> here;
        for (const auto& e : entries) {
          if (e.jurisdiction != j || !e.id.starts_with("gate.")) continue;
          if (std::find(defined.begin(), defined.end(), e.id) != defined.end()) continue;
          c.rules.push_back(compile(e));
          if (std::find(here.begin(), here.end(), e.id) == here.end()) here.push_back(e.id);
        }
        defined.insert(defined.end(), here.begin(), here.end());
      }
      if (c.rules.empty())
        throw unknown_jurisdiction_error("gate.jurisdiction", "no gate rules cover '" + code +
                                                                  "': the loaded gate packs cover " + covered_list(b));
      bool has_limitation = false;
      for (const auto& e : entries)
        if (e.jurisdiction == code && e.id.starts_with("limitation.")) has_limitation = true;
      if (has_limitation) {
        c.limitation = static_cast<int>(limitation_codes.size());
        limitation_codes.push_back(code);
      }
      if (is_us(code)) c.contact_jurisdiction = code;
      codes.push_back(std::move(c));
    }
    if (!limitation_codes.empty()) limitation.emplace(limitation_codes, b);
    for (const auto& z : zone_list) {
      zone_names.push_back(z);
      zones.push_back(detail::find_zone(z));
    }
  }
};

namespace {

// --- evaluation at one instant ------------------------------------------------------------------

/// One gate rule found to apply at the instant judged.
struct finding {
  const compiled_rule* rule = nullptr;
  std::optional<std::int64_t> until{};   // block: the instant it lifts (none = not known)
  std::optional<civil_date> deadline{};  // deadline: the last day
  std::string text;                      // explain mode only
  std::vector<rule_reference> consulted; // explain mode only
};

/// What the kernel found for one action at one instant.
struct moment {
  std::vector<finding> blocks, allows, needs;
  std::optional<finding> deadline;
  void clear() {
    blocks.clear();
    allows.clear();
    needs.clear();
    deadline.reset();
  }
};

/// The account as the kernel reads it, with its zones resolved.
struct subject {
  const account_facts* facts = nullptr;
  std::vector<const compiled_code*> codes;  // the governing jurisdiction first
  const date::time_zone* zone = nullptr;    // the first candidate zone (days are counted there)
};

bool on_or_before(const std::optional<civil_date>& d, civil_date as_of) { return d && !(as_of < *d); }

std::string day(civil_date d) { return d.to_string(); }

class kernel {
 public:
  kernel(const gate_table::impl& g, const subject& s, bool explain) : g_(g), s_(s), f_(*s.facts), explain_(explain) {}

  /// Judges `action` at UTC instant `t` into `out`.
  void judge(collection_action action, std::int64_t t, moment& out) {
    out.clear();
    t_ = t;
    as_of_ = civil_date::from_serial(detail::local_day(s_.zone, t));
    const std::uint32_t a = bit(action);
    for (const compiled_code* c : s_.codes) {
      for (const auto& r : c->rules) {
        if ((r.actions & a) == 0 || !r.entry->in_force_on(as_of_)) continue;
        if (r.who == applies::debt_collector && f_.role != collector_role::debt_collector) continue;
        if (r.who == applies::creditor && f_.role != collector_role::creditor) continue;
        if (already(out, r)) continue;  // the same id from two jurisdictions: the first (governing) wins
        finding fd;
        fd.rule = &r;
        const state st = test(r, *c, action, fd);
        if (st == state::inactive) continue;
        if (st == state::unknown) {
          if (!r.block_unknown || r.eff != effect::block) continue;
          fd.until.reset();
        }
        switch (r.eff) {
          case effect::block: out.blocks.push_back(std::move(fd)); break;
          case effect::allow: out.allows.push_back(std::move(fd)); break;
          case effect::require: out.needs.push_back(std::move(fd)); break;
          case effect::deadline:
            if (fd.deadline && (!out.deadline || *fd.deadline < *out.deadline->deadline)) out.deadline = std::move(fd);
            break;
        }
      }
    }
    // Exceptions lift the blocks of the rules they name, for their actions only.
    for (const auto& ex : out.allows) {
      std::erase_if(out.blocks, [&](const finding& b) {
        return (ex.rule->overrides >> static_cast<unsigned>(b.rule->id) & 1u) != 0;
      });
    }
  }

  [[nodiscard]] civil_date as_of() const noexcept { return as_of_; }

 private:
  enum class state { inactive, active, unknown };

  struct contact_memo {
    const compiled_code* code = nullptr;
    std::int64_t t = 0;
    bool with_log = false;
    bool allowed = false;
    std::optional<std::int64_t> until{};
  };
  std::array<contact_memo, 8> contact_memo_{};  // the last verdicts of this account (verdict-only mode)
  std::size_t memo_next_ = 0;

  static bool already(const moment& m, const compiled_rule& r) {
    auto same = [&](const finding& x) { return x.rule->id == r.id; };
    return std::any_of(m.blocks.begin(), m.blocks.end(), same) || std::any_of(m.allows.begin(), m.allows.end(), same) ||
           std::any_of(m.needs.begin(), m.needs.end(), same) || (m.deadline && same(*m.deadline));
  }

  std::int64_t midnight(civil_date d) const { return detail::local_midnight(s_.zone, d.serial()); }

  void say(finding& fd, const std::string& specifics) const {
    if (!explain_) return;
    fd.text = specifics.empty() ? fd.rule->text : specifics + ": " + fd.rule->text;
  }
  void cite(finding& fd, const verdict& v) const {
    if (!explain_) return;
    for (const auto& r : v.rules) fd.consulted.push_back(r);
  }

  // The limitation verdict of the governing jurisdiction at as_of_, computed once per instant.
  struct limitation_state {
    bool known = false;  // a rule and a start date were found
    limitation_status status = limitation_status::unknown;
    bool extinguished = false;
    std::optional<civil_date> expires_on{};
    std::optional<limitation_verdict> full{};
  };

  const limitation_state& limitation_now() {
    // Computed once per local date: the actions judged at one instant share it.
    if (limitation_done_ && limitation_day_ == as_of_.serial() && (lim_.full.has_value() || !explain_)) return lim_;
    limitation_done_ = true;
    limitation_day_ = as_of_.serial();
    lim_ = {};
    const compiled_code& c = *s_.codes.front();
    if (c.limitation < 0) return lim_;
    if (explain_) {
      limitation_facts lf{.defaulted_on = f_.defaulted_on, .last_payment = f_.last_payment,
                          .last_acknowledgment = f_.last_acknowledgment, .charged_off_on = f_.charged_off_on,
                          .debt_buyer = f_.debt_buyer};
      lim_.full = limitation(c.code, f_.type, lf, as_of_, *g_.book);
      lim_.status = lim_.full->status;
      lim_.extinguished = lim_.full->extinguished;
      lim_.expires_on = lim_.full->expires_on;
    } else {
      const std::uint16_t j = static_cast<std::uint16_t>(c.limitation);
      const std::uint8_t type = static_cast<std::uint8_t>(f_.type);
      auto serial = [](const std::optional<civil_date>& d) { return d ? d->serial() : no_date; };
      const std::int32_t dd = serial(f_.defaulted_on), lp = serial(f_.last_payment), la = serial(f_.last_acknowledgment),
                         co = serial(f_.charged_off_on), as = as_of_.serial();
      const std::uint8_t buyer = f_.debt_buyer ? 1 : 0;
      std::int32_t expires = no_date;
      std::uint8_t status = 0, flags = 0;
      g_.limitation->evaluate({.jurisdiction = {&j, 1}, .type = {&type, 1}, .defaulted_on = {&dd, 1},
                               .last_payment = {&lp, 1}, .last_acknowledgment = {&la, 1}, .charged_off_on = {&co, 1},
                               .debt_buyer = {&buyer, 1}, .as_of = {&as, 1}},
                              {.expires_on = {&expires, 1}, .status = {&status, 1}, .flags = {&flags, 1}});
      lim_.status = static_cast<limitation_status>(status);
      lim_.extinguished = (flags & limitation_extinguished) != 0;
      if (expires != no_date) lim_.expires_on = civil_date::from_serial(expires);
    }
    lim_.known = lim_.status != limitation_status::unknown;
    return lim_;
  }

  /// A call (or hours-only message) check through the Reg F contact engine.
  state contact(const compiled_code& c, finding& fd, bool with_log) {
    if (c.contact_jurisdiction.empty()) return state::inactive;
    if (f_.time_zones.empty()) {
      say(fd, "no time zone is known for the consumer, so the convenient hours cannot be checked in every zone where "
              "the consumer may be (pass time_zones)");
      return state::active;
    }
    contact_request req{.at = std::chrono::sys_seconds{std::chrono::seconds{t_}},
                        .time_zones = f_.time_zones,
                        .jurisdiction = c.contact_jurisdiction,
                        .with_consent = f_.call_consent,
                        .explain = explain_};
    const std::span<const call_record> log = with_log ? std::span<const call_record>(f_.calls) : std::span<const call_record>{};
    // Without explanations only the verdict matters, and it depends only on (instant, log or
    // not, contact jurisdiction): the call, text and email walks of one account, and the hours
    // and frequency rules within one judgement, share it.
    const bool log_matters = with_log && !f_.calls.empty();
    if (!explain_) {
      for (const auto& m : contact_memo_)
        if (m.code == &c && m.t == t_ && m.with_log == log_matters) {
          if (m.allowed) return state::inactive;
          if (m.until) fd.until = *m.until;
          return state::active;
        }
    }
    const contact_verdict v = may_call(log, req, *g_.book);
    if (!explain_) {
      contact_memo_[memo_next_] = {.code = &c, .t = t_, .with_log = log_matters, .allowed = v.allowed,
                                   .until = v.next_allowed ? std::optional<std::int64_t>(v.next_allowed->time_since_epoch().count())
                                                           : std::nullopt};
      memo_next_ = (memo_next_ + 1) % contact_memo_.size();
    }
    if (v.allowed) return state::inactive;
    if (v.next_allowed) fd.until = v.next_allowed->time_since_epoch().count();
    if (explain_) {
      std::string msg;
      for (const auto& r : v.reasons) msg += (msg.empty() ? "" : "; ") + r.message;
      say(fd, msg);
      cite(fd, v);
    }
    return state::active;
  }

  state test(const compiled_rule& r, const compiled_code& c, collection_action action, finding& fd) {
    switch (r.cond) {
      case condition::always:
        say(fd, "");
        return state::active;

      case condition::cease_requested:
        if (!on_or_before(f_.cease_requested_on, as_of_)) return state::inactive;
        say(fd, "the consumer asked in writing on " + day(*f_.cease_requested_on) + " that communication cease");
        return state::active;

      case condition::dispute_pending:
      case condition::disputed: {
        if (!on_or_before(f_.dispute_received_on, as_of_)) return state::inactive;
        if (on_or_before(f_.dispute_verified_on, as_of_)) return state::inactive;
        if (r.cond == condition::dispute_pending && f_.validation_notice_sent_on) {
          const validation_period_verdict vp = validation_period_end(*f_.validation_notice_sent_on, std::nullopt, as_of_, *g_.book);
          if (vp.date < *f_.dispute_received_on) return state::inactive;  // outside the validation period
          cite(fd, vp);
          say(fd, "a written dispute received on " + day(*f_.dispute_received_on) +
                      ", within the validation period ending " + day(vp.date) + ", is not yet verified");
        } else {
          say(fd, "a dispute received on " + day(*f_.dispute_received_on) + " is not yet verified" +
                      (r.cond == condition::dispute_pending ? " (no validation notice date is known, so it is treated as "
                                                              "made within the validation period)"
                                                            : ""));
        }
        return state::active;
      }

      case condition::bankruptcy_stay: {
        if (!on_or_before(f_.bankruptcy_filed_on, as_of_)) return state::inactive;
        if (on_or_before(f_.bankruptcy_discharged_on, as_of_) || on_or_before(f_.bankruptcy_dismissed_on, as_of_))
          return state::inactive;
        say(fd, "a bankruptcy petition" +
                    (f_.bankruptcy_chapter ? " under chapter " + std::to_string(f_.bankruptcy_chapter) : std::string{}) +
                    " was filed on " + day(*f_.bankruptcy_filed_on) + " and the case is neither discharged nor dismissed");
        return state::active;
      }

      case condition::bankruptcy_discharged:
        if (!on_or_before(f_.bankruptcy_discharged_on, as_of_)) return state::inactive;
        say(fd, "a bankruptcy discharge was granted on " + day(*f_.bankruptcy_discharged_on));
        return state::active;

      case condition::time_barred:
      case condition::extinguished: {
        if (c.limitation < 0 && s_.codes.front()->limitation < 0) return state::unknown;
        const limitation_state& l = limitation_now();
        if (l.full) cite(fd, *l.full);
        if (!l.known) {
          say(fd, "the limitation status is unknown (no default, charge-off or last payment date is known), so the "
                  "debt may be time-barred");
          return state::unknown;
        }
        if (l.status != limitation_status::expired) return state::inactive;
        if (r.cond == condition::extinguished && !l.extinguished) return state::inactive;
        say(fd, std::string(r.cond == condition::extinguished ? "the debt was extinguished" : "the debt is time-barred") +
                    (l.expires_on ? ": its limitation period ended on " + day(*l.expires_on) : std::string{}));
        return state::active;
      }

      case condition::not_communicated: {
        for (const auto& call : f_.calls)
          if (call.outcome == call_outcome::connected_conversation && call.at.time_since_epoch().count() <= t_)
            return state::inactive;  // spoke to the consumer about the debt
        std::optional<civil_date> sent = f_.validation_notice_sent_on;
        if (f_.first_contact_on && (!sent || *f_.first_contact_on < *sent)) sent = f_.first_contact_on;
        if (!sent) {
          say(fd, "no conversation with the consumer and no letter or message about the debt is known");
          return state::active;
        }
        const civil_date from = passive_collection_wait_ends_on(*sent, std::nullopt, as_of_, *g_.book).add_days(1);
        if (!(as_of_ < from)) return state::inactive;
        fd.until = midnight(from);
        if (explain_) cite(fd, passive_collection_earliest_furnishing(*sent, std::nullopt, std::nullopt, as_of_, *g_.book));
        say(fd, "the first letter or message about the debt was sent on " + day(*sent) +
                    " and the wait for a notice of undeliverability runs until " + day(from));
        return state::active;
      }

      case condition::sale_barred: {
        std::string why;
        if (on_or_before(f_.settled_on, as_of_)) why = "the debt was paid or settled on " + day(*f_.settled_on);
        else if (on_or_before(f_.bankruptcy_discharged_on, as_of_))
          why = "the debt was discharged in bankruptcy on " + day(*f_.bankruptcy_discharged_on);
        else if (on_or_before(f_.identity_theft_reported_on, as_of_))
          why = "an identity-theft report was received on " + day(*f_.identity_theft_reported_on);
        else
          return state::inactive;
        say(fd, why);
        return state::active;
      }

      case condition::channel_opt_out: {
        const auto ch = channel_of(action);
        if (!ch || std::find(f_.opted_out.begin(), f_.opted_out.end(), *ch) == f_.opted_out.end()) return state::inactive;
        say(fd, "the consumer asked not to be contacted by " + std::string(to_string(*ch)));
        return state::active;
      }

      case condition::attorney_represented:
        if (!f_.attorney_represented) return state::inactive;
        say(fd, "the consumer is represented by an attorney for this debt");
        return state::active;

      case condition::deceased:
        if (!on_or_before(f_.deceased_on, as_of_)) return state::inactive;
        say(fd, "the consumer died on " + day(*f_.deceased_on));
        return state::active;

      case condition::scra_active_duty:
        if (!f_.scra_active_duty) return state::inactive;
        say(fd, "the consumer is on active military duty");
        return state::active;

      case condition::vulnerable:
        if (!f_.vulnerable) return state::inactive;
        say(fd, "the customer is flagged as vulnerable");
        return state::active;

      case condition::obsolete: {
        if (!f_.first_delinquency) {
          say(fd, "the date of first delinquency is unknown, so the reporting period cannot be checked");
          return state::unknown;
        }
        try {
          if (explain_) {
            const obsolescence_verdict ov = credit_reporting_obsolete_on(*f_.first_delinquency, std::nullopt, std::nullopt, *g_.book);
            cite(fd, ov);
            if (as_of_ < ov.date) return state::inactive;
            say(fd, "the item became obsolete on " + day(ov.date) + " (first delinquency " + day(*f_.first_delinquency) + ")");
          } else {
            const std::int64_t dofd = f_.first_delinquency->serial();
            std::int64_t out = 0;
            credit_reporting_obsolete_on({&dofd, 1}, {&out, 1}, nullptr, *g_.book);
            if (as_of_.serial() < out) return state::inactive;
          }
        } catch (const error& e) {
          say(fd, std::string("the reporting period could not be computed: ") + e.what());
          return state::unknown;
        }
        return state::active;
      }

      case condition::breathing_space: {
        if (!on_or_before(f_.breathing_space_started_on, as_of_)) return state::inactive;
        const bool mh = f_.breathing_space_type == breathing_space_kind::mental_health;
        const breathing_space_verdict bv =
            breathing_space(*f_.breathing_space_started_on, f_.breathing_space_type,
                            mh ? f_.breathing_space_ended_on : std::nullopt, as_of_, *g_.book);
        std::optional<civil_date> ends = bv.ends_on;
        if (!mh && f_.breathing_space_ended_on && (!ends || *f_.breathing_space_ended_on < *ends)) ends = f_.breathing_space_ended_on;
        if (ends && *ends < as_of_) return state::inactive;
        if (ends) fd.until = midnight(ends->add_days(1));
        cite(fd, bv);
        say(fd, std::string(mh ? "a mental health crisis" : "a standard") + " Breathing Space began on " +
                    day(*f_.breathing_space_started_on) +
                    (ends ? " and protects the debt through " + day(*ends) : std::string(" and has no end date yet")));
        return state::active;
      }

      case condition::default_notice_required: {
        if (f_.cca_regulated == false) return state::inactive;
        if (!f_.default_notice_served_on || as_of_ < *f_.default_notice_served_on) {
          say(fd, "no default notice has been served");
          return state::active;
        }
        const default_notice_verdict dv = cca_default_notice_earliest_action(*f_.default_notice_served_on, std::nullopt, as_of_, *g_.book);
        if (!(as_of_ < dv.date)) return state::inactive;
        fd.until = midnight(dv.date);
        cite(fd, dv);
        say(fd, "the default notice served on " + day(*f_.default_notice_served_on) + " allows action from " + day(dv.date));
        return state::active;
      }

      case condition::pre_action_pending: {
        if (!f_.letter_of_claim_on || as_of_ < *f_.letter_of_claim_on) {
          say(fd, "no Letter of Claim has been sent");
          return state::active;
        }
        const pre_action_verdict pv = pre_action_reply_deadline(*f_.letter_of_claim_on, std::nullopt, false, std::nullopt, as_of_, *g_.book);
        if (!(as_of_ < pv.date)) return state::inactive;
        fd.until = midnight(pv.date);
        cite(fd, pv);
        say(fd, "the Letter of Claim dated " + day(*f_.letter_of_claim_on) + " allows proceedings from " + day(pv.date));
        return state::active;
      }

      case condition::call_limits: return contact(c, fd, true);
      case condition::convenient_hours: return contact(c, fd, false);

      case condition::charge_off_deadline: {
        const bool open = f_.open_end.value_or(f_.type == debt_type::open_account);
        if ((r.credit == credit_kind::open_end && !open) || (r.credit == credit_kind::closed_end && open)) return state::inactive;
        const std::optional<civil_date> from = f_.first_delinquency ? f_.first_delinquency : f_.defaulted_on;
        if (!from) return state::inactive;
        fd.deadline = from->add_days(r.entry->integer());
        say(fd, std::string(open ? "open-end" : "closed-end") + " credit first delinquent on " + day(*from) +
                    ": charge off by " + day(*fd.deadline) + " (" + std::to_string(r.entry->integer()) + " days past due)");
        return state::active;
      }
      case condition::charge_off_bankruptcy:
        if (!on_or_before(f_.bankruptcy_filed_on, as_of_)) return state::inactive;
        fd.deadline = f_.bankruptcy_filed_on->add_days(r.entry->integer());
        say(fd, "notice of a bankruptcy filed on " + day(*f_.bankruptcy_filed_on) + ": charge off by " + day(*fd.deadline));
        return state::active;
      case condition::charge_off_fraud:
        if (!on_or_before(f_.fraud_discovered_on, as_of_)) return state::inactive;
        fd.deadline = f_.fraud_discovered_on->add_days(r.entry->integer());
        say(fd, "fraud discovered on " + day(*f_.fraud_discovered_on) + ": charge off by " + day(*fd.deadline));
        return state::active;

      case condition::validation_notice_due: {
        if (f_.validation_notice_sent_on || !f_.first_contact_on) return state::inactive;
        const validation_notice_verdict vn = validation_notice_due(*f_.first_contact_on, as_of_, *g_.book);
        fd.deadline = vn.date;
        cite(fd, vn);
        say(fd, "initial communication on " + day(*f_.first_contact_on) + ": send the validation notice by " + day(vn.date));
        return state::active;
      }

      case condition::reage_limits: return reage(r, fd);
    }
    return state::inactive;
  }

  state reage(const compiled_rule& r, finding& fd) {
    const bool open = f_.open_end.value_or(f_.type == debt_type::open_account);
    if (r.credit == credit_kind::open_end && !open) return state::inactive;
    std::vector<std::string> fails;
    std::optional<civil_date> lift;  // the day every date-bound limit is met
    bool indefinite = false;
    auto later = [&](civil_date d) { if (!lift || *lift < d) lift = d; };
    if (!f_.opened_on) {
      fails.push_back("the account's opening date is unknown");
      indefinite = true;
    } else if (as_of_ < f_.opened_on->add_months(r.min_age_months)) {
      fails.push_back("the account is less than " + std::to_string(r.min_age_months) + " months old");
      later(f_.opened_on->add_months(r.min_age_months));
    }
    if (f_.consecutive_minimum_payments < r.min_payments) {
      fails.push_back("only " + std::to_string(f_.consecutive_minimum_payments) + " consecutive minimum payments (" +
                      std::to_string(r.min_payments) + " needed)");
      indefinite = true;
    }
    auto window = [&](std::int64_t months, std::int64_t max, const char* what) {
      std::vector<civil_date> in;
      for (const auto& d : f_.reaged_on)
        if (as_of_ < d.add_months(months)) in.push_back(d);
      if (static_cast<std::int64_t>(in.size()) < max) return;
      std::sort(in.begin(), in.end());
      fails.push_back(std::to_string(in.size()) + " re-age(s) " + what + " (at most " + std::to_string(max) + ")");
      // allowed once enough of the oldest have left the window
      later(in[static_cast<std::size_t>(static_cast<std::int64_t>(in.size()) - max)].add_months(months));
    };
    window(12, r.max_12_months, "in the last 12 months");
    window(60, r.max_5_years, "in the last 5 years");
    if (fails.empty()) return state::inactive;
    if (!indefinite && lift) fd.until = midnight(*lift);
    std::string s;
    for (const auto& x : fails) s += (s.empty() ? "" : "; ") + x;
    say(fd, s);
    return state::active;
  }

  const gate_table::impl& g_;
  const subject& s_;
  const account_facts& f_;
  bool explain_;
  std::int64_t t_ = 0;
  civil_date as_of_{};
  bool limitation_done_ = false;
  std::int32_t limitation_day_ = 0;
  limitation_state lim_{};
};

// --- facts: validation ---------------------------------------------------------------------------

void require_known_by(const std::optional<civil_date>& d, const char* name, civil_date as_of) {
  if (d && as_of < *d)
    throw invalid_input_error("gate.future_fact", std::string(name) + " " + d->to_string() + " is after the as-of date " +
                                                      as_of.to_string() + ": facts must be known on the date judged");
}

void require_after(const std::optional<civil_date>& earlier, const char* earlier_name, const std::optional<civil_date>& later,
                   const char* later_name) {
  if (!later) return;
  if (!earlier)
    throw invalid_input_error("gate.event_order", std::string(later_name) + " " + later->to_string() + " is given without " +
                                                      earlier_name);
  if (*later < *earlier)
    throw invalid_input_error("gate.event_order", std::string(later_name) + " " + later->to_string() + " is before " +
                                                      earlier_name + " " + earlier->to_string());
}

void validate(const account_facts& f, civil_date as_of, std::int64_t t) {
  const std::pair<const std::optional<civil_date>*, const char*> dates[] = {
      {&f.opened_on, "opened_on"},
      {&f.first_delinquency, "first_delinquency"},
      {&f.defaulted_on, "defaulted_on"},
      {&f.last_payment, "last_payment"},
      {&f.last_acknowledgment, "last_acknowledgment"},
      {&f.charged_off_on, "charged_off_on"},
      {&f.placed_on, "placed_on"},
      {&f.first_contact_on, "first_contact_on"},
      {&f.validation_notice_sent_on, "validation_notice_sent_on"},
      {&f.settled_on, "settled_on"},
      {&f.dispute_received_on, "dispute_received_on"},
      {&f.dispute_verified_on, "dispute_verified_on"},
      {&f.cease_requested_on, "cease_requested_on"},
      {&f.bankruptcy_filed_on, "bankruptcy_filed_on"},
      {&f.bankruptcy_discharged_on, "bankruptcy_discharged_on"},
      {&f.bankruptcy_dismissed_on, "bankruptcy_dismissed_on"},
      {&f.deceased_on, "deceased_on"},
      {&f.breathing_space_started_on, "breathing_space_started_on"},
      {&f.breathing_space_ended_on, "breathing_space_ended_on"},
      {&f.identity_theft_reported_on, "identity_theft_reported_on"},
      {&f.fraud_discovered_on, "fraud_discovered_on"},
      {&f.default_notice_served_on, "default_notice_served_on"},
      {&f.letter_of_claim_on, "letter_of_claim_on"},
  };
  for (const auto& [d, name] : dates) require_known_by(*d, name, as_of);
  for (const auto& d : f.reaged_on) require_known_by(d, "a re-age date (reaged_on)", as_of);
  require_after(f.dispute_received_on, "dispute_received_on", f.dispute_verified_on, "dispute_verified_on");
  require_after(f.bankruptcy_filed_on, "bankruptcy_filed_on", f.bankruptcy_discharged_on, "bankruptcy_discharged_on");
  require_after(f.bankruptcy_filed_on, "bankruptcy_filed_on", f.bankruptcy_dismissed_on, "bankruptcy_dismissed_on");
  require_after(f.breathing_space_started_on, "breathing_space_started_on", f.breathing_space_ended_on,
                "breathing_space_ended_on");
  if (f.opened_on) {
    if (f.first_delinquency && *f.first_delinquency < *f.opened_on)
      throw invalid_input_error("gate.event_order", "first_delinquency " + f.first_delinquency->to_string() +
                                                        " is before opened_on " + f.opened_on->to_string());
    if (f.defaulted_on && *f.defaulted_on < *f.opened_on)
      throw invalid_input_error("gate.event_order", "defaulted_on " + f.defaulted_on->to_string() + " is before opened_on " +
                                                        f.opened_on->to_string());
  }
  if (f.bankruptcy_chapter != 0 && f.bankruptcy_chapter != 7 && f.bankruptcy_chapter != 9 && f.bankruptcy_chapter != 11 &&
      f.bankruptcy_chapter != 12 && f.bankruptcy_chapter != 13)
    throw invalid_input_error("gate.chapter", "bankruptcy chapter " + std::to_string(f.bankruptcy_chapter) +
                                                  " is not one of 7, 9, 11, 12, 13 (0 = not known)");
  if (f.bankruptcy_chapter != 0 && !f.bankruptcy_filed_on)
    throw invalid_input_error("gate.event_order", "bankruptcy_chapter is given without bankruptcy_filed_on");
  if (f.consecutive_minimum_payments < 0)
    throw invalid_input_error("gate.negative", "consecutive_minimum_payments must be >= 0, got " +
                                                   std::to_string(f.consecutive_minimum_payments));
  for (const auto& c : f.calls)
    if (c.at.time_since_epoch().count() > t)
      throw invalid_input_error("gate.future_fact", "a call in the log is later than the moment judged: the log must "
                                                    "hold calls already placed");
}

// --- the walk to the first allowed instant -------------------------------------------------------

constexpr int max_steps = 32;
constexpr std::int64_t horizon_seconds = std::int64_t{3660} * day_seconds;

struct walk_result {
  gate_status status = gate_status::blocked;
  std::int64_t from = 0;
  std::vector<finding> reasons;  // explain: every distinct block met on the way
  int main_rule = -1;            // id of the first block met
  moment last;                   // the moment at which it is allowed (or the last judged)
  std::optional<finding> deadline;
};

void walk(kernel& k, collection_action action, std::int64_t at, bool explain, walk_result& w) {
  w.reasons.clear();
  w.main_rule = -1;
  w.deadline.reset();
  std::int64_t t = at;
  for (int step = 0; step < max_steps; ++step) {
    k.judge(action, t, w.last);
    if (step == 0 && w.last.deadline) w.deadline = w.last.deadline;
    if (w.last.blocks.empty()) {
      w.status = t == at ? gate_status::allowed : gate_status::allowed_from;
      w.from = t;
      return;
    }
    if (w.main_rule < 0) w.main_rule = w.last.blocks.front().rule->id;
    if (explain)
      for (auto& b : w.last.blocks) {
        const bool seen = std::any_of(w.reasons.begin(), w.reasons.end(),
                                      [&](const finding& r) { return r.rule->id == b.rule->id && r.text == b.text; });
        if (!seen) w.reasons.push_back(b);
      }
    std::int64_t next = t;
    for (const auto& b : w.last.blocks) {
      if (!b.until) {
        w.status = gate_status::blocked;
        return;
      }
      next = std::max(next, *b.until);
    }
    if (next <= t) next = t + 1;  // a rule that lifts "now" must not loop
    if (next - at > horizon_seconds) break;
    t = next;
  }
  w.status = gate_status::blocked;  // no allowed instant within the horizon
}

rule_reference reference(const finding& f) { return rule_reference::of(*f.rule->entry); }

gate_reason to_reason(const finding& f) {
  gate_reason r;
  r.rules.push_back(reference(f));
  for (const auto& c : f.consulted)
    if (std::none_of(r.rules.begin(), r.rules.end(), [&](const rule_reference& x) {
          return x.rule_id == c.rule_id && x.jurisdiction == c.jurisdiction && x.effective_from == c.effective_from;
        }))
      r.rules.push_back(c);
  r.text = f.text;
  if (f.until) r.until = std::chrono::sys_seconds{std::chrono::seconds{*f.until}};
  return r;
}

std::string utc_text(std::int64_t t) {
  const std::int64_t d = detail::floor_div(t, day_seconds);
  const std::int64_t s = t - d * day_seconds;
  auto pad = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return civil_date::from_serial(d).to_string() + " " + pad(s / 3600) + ":" + pad(s / 60 % 60) + ":" + pad(s % 60) + " UTC";
}

action_verdict build_verdict(const walk_result& w, collection_action action, std::int64_t at, civil_date as_of) {
  action_verdict v;
  v.action = action;
  v.at = std::chrono::sys_seconds{std::chrono::seconds{at}};
  v.as_of = as_of;
  v.status = w.status;
  const std::string name(to_string(action));
  for (const auto& f : w.reasons) v.reasons.push_back(to_reason(f));
  for (const auto& f : w.last.allows) v.conditions.push_back(to_reason(f));
  for (const auto& f : w.last.needs) v.conditions.push_back(to_reason(f));
  if (w.deadline) {
    v.deadline = to_reason(*w.deadline);
    v.required_by = w.deadline->deadline;
  }
  // The verdict's rules: what decided first, then what conditions it, then the deadline.
  auto use_all = [&](const gate_reason& r) {
    for (const auto& ref : r.rules)
      if (std::none_of(v.rules.begin(), v.rules.end(), [&](const rule_reference& x) {
            return x.rule_id == ref.rule_id && x.jurisdiction == ref.jurisdiction && x.effective_from == ref.effective_from;
          }))
        v.rules.push_back(ref);
  };
  for (const auto& r : v.reasons) use_all(r);
  for (const auto& r : v.conditions) use_all(r);
  if (v.deadline) use_all(*v.deadline);

  switch (w.status) {
    case gate_status::allowed:
      v.step("'" + name + "' is allowed at " + utc_text(at) + " (local date " + as_of.to_string() + ")" +
             (v.conditions.empty() ? ": no gate rule blocks it." : ", on these conditions:"));
      break;
    case gate_status::allowed_from:
      v.allowed_from = std::chrono::sys_seconds{std::chrono::seconds{w.from}};
      v.step("'" + name + "' is not allowed at " + utc_text(at) + " (local date " + as_of.to_string() +
             "); if nothing changes it is allowed from " + utc_text(w.from) + ".");
      break;
    case gate_status::blocked:
      v.step("'" + name + "' is blocked at " + utc_text(at) + " (local date " + as_of.to_string() +
             "), with no date known when that ends.");
      break;
  }
  for (const auto& r : v.reasons)
    v.step("Blocked by " + r.rule().rule_id + " (" + r.rule().citation + "): " + r.text +
           (r.until ? " — lifts at " + utc_text(r.until->time_since_epoch().count()) + "." : "."));
  for (const auto& r : v.conditions) v.step("Condition " + r.rule().rule_id + " (" + r.rule().citation + "): " + r.text + ".");
  if (v.deadline) v.step("Deadline " + v.deadline->rule().rule_id + " (" + v.deadline->rule().citation + "): " + v.deadline->text + ".");
  return v;
}

/// Codes of an account: the governing jurisdiction, then the others (deduplicated).
std::vector<std::string> codes_of(const account_facts& a) {
  if (a.jurisdiction.empty())
    throw invalid_input_error("gate.jurisdiction", "the account has no jurisdiction: give its code (\"US-NY\", \"GB-EAW\", ...)");
  std::vector<std::string> codes{a.jurisdiction};
  for (const auto& j : a.other_jurisdictions)
    if (std::find(codes.begin(), codes.end(), j) == codes.end()) codes.push_back(j);
  return codes;
}

void check_instant(std::int64_t t) {
  constexpr std::int64_t lo = (std::int64_t{civil_date::min_serial} + 2) * day_seconds;
  constexpr std::int64_t hi = (std::int64_t{civil_date::max_serial} - 3700) * day_seconds;
  if (t < lo || t >= hi)
    throw invalid_input_error("gate.time", "the moment judged (" + std::to_string(t) +
                                               " s since 1970 UTC) is outside the supported years 0001..9989");
}

template <class Each>
void judge_account(const account_facts& a, std::chrono::sys_seconds at, const rule_book& book, Each&& each) {
  const std::int64_t t = at.time_since_epoch().count();
  check_instant(t);
  const gate_table::impl g(codes_of(a), a.time_zones, book);
  subject s;
  s.facts = &a;
  for (const auto& c : g.codes) s.codes.push_back(&c);
  s.zone = g.zones.empty() ? nullptr : g.zones.front();
  const civil_date as_of = civil_date::from_serial(detail::local_day(s.zone, t));
  validate(a, as_of, t);
  kernel k(g, s, true);
  walk_result w;
  each(k, w, t, as_of);
}

}  // namespace

std::string_view to_string(gate_status s) noexcept {
  switch (s) {
    case gate_status::allowed: return "allowed";
    case gate_status::blocked: return "blocked";
    case gate_status::allowed_from: return "allowed_from";
  }
  return "blocked";
}

civil_date local_date(const account_facts& account, std::chrono::sys_seconds at) {
  const date::time_zone* zone = account.time_zones.empty() ? nullptr : detail::find_zone(account.time_zones.front());
  return civil_date::from_serial(detail::local_day(zone, at.time_since_epoch().count()));
}

std::chrono::sys_seconds start_of_local_day(const account_facts& account, civil_date d) {
  const date::time_zone* zone = account.time_zones.empty() ? nullptr : detail::find_zone(account.time_zones.front());
  return std::chrono::sys_seconds{std::chrono::seconds{detail::local_midnight(zone, d.serial())}};
}

action_verdict permitted(const account_facts& account, collection_action action, std::chrono::sys_seconds at,
                         const rule_book& book) {
  if (static_cast<std::size_t>(action) >= action_count)
    throw invalid_input_error("gate.unknown_action", "action code " + std::to_string(static_cast<int>(action)) +
                                                         " is not a collection action");
  action_verdict out;
  judge_account(account, at, book, [&](kernel& k, walk_result& w, std::int64_t t, civil_date as_of) {
    walk(k, action, t, true, w);
    out = build_verdict(w, action, t, as_of);
  });
  return out;
}

std::vector<action_verdict> permitted_actions(const account_facts& account, std::chrono::sys_seconds at,
                                              const rule_book& book) {
  std::vector<action_verdict> out;
  judge_account(account, at, book, [&](kernel& k, walk_result& w, std::int64_t t, civil_date as_of) {
    out.reserve(action_count);
    for (const auto a : all_actions) {
      walk(k, a, t, true, w);
      out.push_back(build_verdict(w, a, t, as_of));
    }
  });
  return out;
}

void permitted_batch(std::span<const account_facts* const> accounts, collection_action action, std::chrono::sys_seconds at,
                     std::span<std::uint8_t> status, std::span<std::int64_t> allowed_from,
                     std::span<std::int32_t> required_by, const rule_book& book, row_errors* errors) {
  const collection_action one[] = {action};
  permitted_batch(accounts, one, at, status, allowed_from, required_by, book, errors);
}

void permitted_batch(std::span<const account_facts* const> accounts, std::span<const collection_action> actions,
                     std::chrono::sys_seconds at, std::span<std::uint8_t> status, std::span<std::int64_t> allowed_from,
                     std::span<std::int32_t> required_by, const rule_book& book, row_errors* errors) {
  (void)permitted_batch(accounts, actions, at,
                        gate_columns_out{.status = status, .allowed_from = allowed_from, .required_by = required_by}, book,
                        errors);
}

std::vector<std::string> permitted_batch(std::span<const account_facts* const> accounts,
                                         std::span<const collection_action> actions, std::chrono::sys_seconds at,
                                         const gate_columns_out& out, const rule_book& book, row_errors* errors) {
  const std::size_t n = accounts.size();
  const std::size_t na = actions.size();
  const std::span<std::uint8_t> status = out.status;
  const std::span<std::int64_t> allowed_from = out.allowed_from;
  const std::span<std::int32_t> required_by = out.required_by;
  const std::span<std::int32_t> reason = out.reason;
  if (status.size() != n * na || (!allowed_from.empty() && allowed_from.size() != n * na) ||
      (!required_by.empty() && required_by.size() != n * na) || (!reason.empty() && reason.size() != n * na))
    throw invalid_input_error("gate.columns",
                              "status, allowed_from, reason and required_by must have accounts x actions elements");
  for (const auto a : actions)
    if (static_cast<std::size_t>(a) >= action_count)
      throw invalid_input_error("gate.unknown_action", "action code " + std::to_string(static_cast<int>(a)) +
                                                           " is not a collection action");
  const std::int64_t t = at.time_since_epoch().count();
  check_instant(t);
  // Every jurisdiction of the book compiled once; a code that does not compile fails only its rows.
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < n; ++i) {
    if (accounts[i] == nullptr) throw invalid_input_error("gate.columns", "row " + std::to_string(i) + ": no account");
    try {
      for (const auto& c : codes_of(*accounts[i]))
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    } catch (const error& e) {
      if (errors == nullptr) recoup::detail::rethrow_for_row(e, i);
    }
  }
  std::vector<std::string> ok_codes;
  for (const auto& c : codes) {
    try {
      (void)gate_table::impl({c}, {}, book);
      ok_codes.push_back(c);
    } catch (const error&) {
    }
  }
  const gate_table::impl g(ok_codes, {}, book);
  subject s;
  walk_result w;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t base = i * na;
    try {
      const account_facts& a = *accounts[i];
      s.facts = &a;
      s.codes.clear();
      for (const auto& c : codes_of(a)) {
        const auto it = std::find_if(g.codes.begin(), g.codes.end(), [&](const compiled_code& x) { return x.code == c; });
        if (it == g.codes.end()) (void)gate_table::impl({c}, {}, book);  // throws the jurisdiction's error
        s.codes.push_back(&*it);
      }
      s.zone = a.time_zones.empty() ? nullptr : detail::find_zone(a.time_zones.front());
      for (std::size_t z = 1; z < a.time_zones.size(); ++z) (void)detail::find_zone(a.time_zones[z]);
      validate(a, civil_date::from_serial(detail::local_day(s.zone, t)), t);
      kernel k(g, s, false);
      for (std::size_t q = 0; q < na; ++q) {
        walk(k, actions[q], t, false, w);
        status[base + q] = static_cast<std::uint8_t>(w.status);
        if (!allowed_from.empty())
          allowed_from[base + q] = w.status == gate_status::allowed_from ? w.from : std::numeric_limits<std::int64_t>::min();
        if (!required_by.empty())
          required_by[base + q] = w.deadline && w.deadline->deadline ? w.deadline->deadline->serial() : no_date;
        if (!reason.empty()) reason[base + q] = w.status == gate_status::allowed ? -1 : w.main_rule;
      }
    } catch (const error& e) {
      if (errors == nullptr) recoup::detail::rethrow_for_row(e, i);
      errors->push_back({i, e.kind(), e.id(), e.what()});
      for (std::size_t q = 0; q < na; ++q) {
        status[base + q] = static_cast<std::uint8_t>(gate_status::blocked);
        if (!allowed_from.empty()) allowed_from[base + q] = std::numeric_limits<std::int64_t>::min();
        if (!required_by.empty()) required_by[base + q] = no_date;
        if (!reason.empty()) reason[base + q] = -1;
      }
    }
  }
  return g.ids;
}

// --- the columnar form -----------------------------------------------------------------------------

gate_table::gate_table(const std::vector<std::string>& jurisdictions, const std::vector<std::string>& zones,
                       const rule_book& book)
    : impl_(std::make_unique<impl>(jurisdictions, zones, book)) {}
gate_table::~gate_table() = default;
gate_table::gate_table(gate_table&&) noexcept = default;
gate_table& gate_table::operator=(gate_table&&) noexcept = default;

const std::vector<std::string>& gate_table::rule_ids() const noexcept { return impl_->ids; }

namespace {

using date_member = std::optional<civil_date> account_facts::*;
using date_column = std::span<const std::int32_t> gate_columns_in::*;
constexpr std::pair<date_column, date_member> date_columns[] = {
    {&gate_columns_in::opened_on, &account_facts::opened_on},
    {&gate_columns_in::first_delinquency, &account_facts::first_delinquency},
    {&gate_columns_in::defaulted_on, &account_facts::defaulted_on},
    {&gate_columns_in::last_payment, &account_facts::last_payment},
    {&gate_columns_in::last_acknowledgment, &account_facts::last_acknowledgment},
    {&gate_columns_in::charged_off_on, &account_facts::charged_off_on},
    {&gate_columns_in::first_contact_on, &account_facts::first_contact_on},
    {&gate_columns_in::validation_notice_sent_on, &account_facts::validation_notice_sent_on},
    {&gate_columns_in::settled_on, &account_facts::settled_on},
    {&gate_columns_in::dispute_received_on, &account_facts::dispute_received_on},
    {&gate_columns_in::dispute_verified_on, &account_facts::dispute_verified_on},
    {&gate_columns_in::cease_requested_on, &account_facts::cease_requested_on},
    {&gate_columns_in::bankruptcy_filed_on, &account_facts::bankruptcy_filed_on},
    {&gate_columns_in::bankruptcy_discharged_on, &account_facts::bankruptcy_discharged_on},
    {&gate_columns_in::bankruptcy_dismissed_on, &account_facts::bankruptcy_dismissed_on},
    {&gate_columns_in::deceased_on, &account_facts::deceased_on},
    {&gate_columns_in::breathing_space_started_on, &account_facts::breathing_space_started_on},
    {&gate_columns_in::breathing_space_ended_on, &account_facts::breathing_space_ended_on},
    {&gate_columns_in::identity_theft_reported_on, &account_facts::identity_theft_reported_on},
    {&gate_columns_in::fraud_discovered_on, &account_facts::fraud_discovered_on},
    {&gate_columns_in::default_notice_served_on, &account_facts::default_notice_served_on},
    {&gate_columns_in::letter_of_claim_on, &account_facts::letter_of_claim_on},
};

}  // namespace

void check_columns(const gate_columns_in& in) {
  const std::size_t n = in.jurisdiction.size();
  auto bad = [](const std::string& what) { throw invalid_input_error("gate.columns", what); };
  auto opt = [&](std::size_t size, const char* name) {
    if (size != 0 && size != n) bad(std::string(name) + " has " + std::to_string(size) + " rows, expected 0 or " + std::to_string(n));
  };
  if (in.at.size() > 1 && in.at.size() != n) bad("at must have 0 or 1 element or one per row");
  opt(in.type.size(), "type");
  opt(in.flags.size(), "flags");
  opt(in.opted_out.size(), "opted_out");
  opt(in.zone.size(), "zone");
  opt(in.bankruptcy_chapter.size(), "bankruptcy_chapter");
  opt(in.consecutive_minimum_payments.size(), "consecutive_minimum_payments");
  for (const auto& [col, member] : date_columns) opt((in.*col).size(), "a date column");
  opt(in.last_reaged_on.size(), "last_reaged_on");
}

void account_from_columns(const gate_columns_in& in, std::size_t i, std::span<const std::string> codes,
                          std::span<const std::string> zones, account_facts& f) {
  auto bad = [&](const std::string& what) { throw invalid_input_error("gate.columns", "row " + std::to_string(i) + ": " + what); };
  if (in.jurisdiction[i] >= codes.size()) bad("jurisdiction index out of range");
  f.jurisdiction.assign(codes[in.jurisdiction[i]]);
  f.other_jurisdictions.clear();
  const std::uint8_t type = in.type.empty() ? static_cast<std::uint8_t>(debt_type::open_account) : in.type[i];
  if (type >= debt_type_count) bad("debt type code out of range");
  f.type = static_cast<debt_type>(type);
  for (const auto& [col, member] : date_columns) {
    const std::int32_t d = (in.*col).empty() ? no_date : (in.*col)[i];
    if (d == no_date) (f.*member).reset();
    else (f.*member) = civil_date::from_serial(d);
  }
  f.reaged_on.clear();
  if (!in.last_reaged_on.empty() && in.last_reaged_on[i] != no_date) f.reaged_on.push_back(civil_date::from_serial(in.last_reaged_on[i]));
  const std::uint32_t fl = in.flags.empty() ? 0 : in.flags[i];
  f.debt_buyer = (fl & gate_fact::debt_buyer) != 0;
  f.attorney_represented = (fl & gate_fact::attorney_represented) != 0;
  f.scra_active_duty = (fl & gate_fact::scra_active_duty) != 0;
  f.vulnerable = (fl & gate_fact::vulnerable) != 0;
  f.breathing_space_type = (fl & gate_fact::mental_health_breathing_space) ? breathing_space_kind::mental_health : breathing_space_kind::standard;
  f.open_end = (fl & gate_fact::known_credit_kind) ? std::optional<bool>((fl & gate_fact::open_end) != 0) : std::nullopt;
  f.cca_regulated = (fl & gate_fact::not_cca_regulated) ? std::optional<bool>(false) : std::nullopt;
  f.role = (fl & gate_fact::creditor) ? collector_role::creditor : collector_role::debt_collector;
  f.call_consent = (fl & gate_fact::call_consent) != 0;
  f.opted_out.clear();
  const std::uint8_t oo = in.opted_out.empty() ? 0 : in.opted_out[i];
  for (std::size_t c = 0; c < channel_count; ++c)
    if (oo & (1u << c)) f.opted_out.push_back(static_cast<contact_channel>(c));
  f.bankruptcy_chapter = in.bankruptcy_chapter.empty() ? 0 : in.bankruptcy_chapter[i];
  f.consecutive_minimum_payments = in.consecutive_minimum_payments.empty() ? 0 : in.consecutive_minimum_payments[i];
  f.calls.clear();
  const std::int32_t z = in.zone.empty() ? -1 : in.zone[i];
  if (z < -1 || z >= static_cast<std::int32_t>(zones.size())) bad("zone index out of range");
  if (z < 0) f.time_zones.clear();
  else if (f.time_zones.size() != 1 || f.time_zones.front() != zones[static_cast<std::size_t>(z)])
    f.time_zones.assign(1, zones[static_cast<std::size_t>(z)]);
}

void gate_table::evaluate(const gate_columns_in& in, std::span<const collection_action> actions_in,
                          const gate_columns_out& out, row_errors* errors) const {
  const std::size_t n = in.jurisdiction.size();
  std::span<const collection_action> actions = actions_in.empty() ? std::span<const collection_action>(all_actions) : actions_in;
  const std::size_t na = actions.size();
  auto bad = [](const std::string& what) { throw invalid_input_error("gate.columns", what); };
  check_columns(in);
  if (in.at.empty()) bad("at must have 1 element or one per row");
  if (out.status.size() != n * na) bad("status must have rows x actions elements");
  if (!out.allowed_from.empty() && out.allowed_from.size() != n * na) bad("allowed_from must be empty or rows x actions");
  if (!out.reason.empty() && out.reason.size() != n * na) bad("reason must be empty or rows x actions");
  if (!out.required_by.empty() && out.required_by.size() != n * na) bad("required_by must be empty or rows x actions");
  std::vector<std::string> code_names;
  for (const auto& c : impl_->codes) code_names.push_back(c.code);

  const impl& g = *impl_;
  account_facts f;       // reused for every row: its strings and vectors keep their capacity
  subject s;
  s.facts = &f;
  s.codes.reserve(1);
  walk_result w;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t base = i * na;
    try {
      account_from_columns(in, i, code_names, g.zone_names, f);
      const compiled_code& code = g.codes[in.jurisdiction[i]];
      const std::int32_t z = in.zone.empty() ? -1 : in.zone[i];
      s.codes.assign(1, &code);
      s.zone = z < 0 ? nullptr : g.zones[static_cast<std::size_t>(z)];

      const std::int64_t t = in.at.size() == 1 ? in.at[0] : in.at[i];
      check_instant(t);
      validate(f, civil_date::from_serial(detail::local_day(s.zone, t)), t);
      kernel k(g, s, false);
      for (std::size_t a = 0; a < na; ++a) {
        walk(k, actions[a], t, false, w);
        out.status[base + a] = static_cast<std::uint8_t>(w.status);
        if (!out.allowed_from.empty())
          out.allowed_from[base + a] = w.status == gate_status::allowed_from ? w.from : std::numeric_limits<std::int64_t>::min();
        if (!out.reason.empty()) out.reason[base + a] = w.status == gate_status::allowed ? -1 : w.main_rule;
        if (!out.required_by.empty()) out.required_by[base + a] = w.deadline && w.deadline->deadline ? w.deadline->deadline->serial() : no_date;
      }
    } catch (const error& e) {
      if (errors == nullptr) recoup::detail::rethrow_for_row(e, i);
      errors->push_back({i, e.kind(), e.id(), e.what()});
      for (std::size_t a = 0; a < na; ++a) {
        out.status[base + a] = static_cast<std::uint8_t>(gate_status::blocked);
        if (!out.allowed_from.empty()) out.allowed_from[base + a] = std::numeric_limits<std::int64_t>::min();
        if (!out.reason.empty()) out.reason[base + a] = -1;
        if (!out.required_by.empty()) out.required_by[base + a] = no_date;
      }
    }
  }
}

}  // namespace recoup::rules
