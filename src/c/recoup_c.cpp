// The C ABI (include/recoup/c/recoup.h): errors, money, calendars, schedules, APR, rule books,
// the compliance gate and decisions. Each entry point is a guard (c_entry.hpp) around one C++ call.
#include "c_entry.hpp"

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "recoup/recoup.hpp"

using namespace recoup::c_abi;

namespace {

std::vector<recoup::dated_amount> dated(std::size_t n, const char* const* dates, const int64_t* minor,
                                        recoup::currency c, const char* what) {
  std::vector<recoup::dated_amount> out;
  if (n > 0) {
    require_text(reinterpret_cast<const char*>(dates), what);
    require(minor, what);
  }
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back({recoup::civil_date::parse(require_text(dates[i], what)), recoup::money::from_minor(minor[i], c)});
  }
  return out;
}

}  // namespace

extern "C" {

const char* recoup_version(void) { return recoup::version; }

// The C statuses 1..9 are the C++ error kinds (one table: recoup::error_kind).
static_assert(RECOUP_STATUS_INVALID_INPUT == static_cast<int>(recoup::error_kind::invalid_input));
static_assert(RECOUP_STATUS_CURRENCY_MISMATCH == static_cast<int>(recoup::error_kind::currency_mismatch));
static_assert(RECOUP_STATUS_OVERFLOW == static_cast<int>(recoup::error_kind::overflow));
static_assert(RECOUP_STATUS_DIVISION_BY_ZERO == static_cast<int>(recoup::error_kind::division_by_zero));
static_assert(RECOUP_STATUS_UNKNOWN_CURRENCY == static_cast<int>(recoup::error_kind::unknown_currency));
static_assert(RECOUP_STATUS_UNKNOWN_JURISDICTION == static_cast<int>(recoup::error_kind::unknown_jurisdiction));
static_assert(RECOUP_STATUS_RULE_PACK == static_cast<int>(recoup::error_kind::rule_pack));
static_assert(RECOUP_STATUS_FLOAT_INPUT == static_cast<int>(recoup::error_kind::float_input));
static_assert(RECOUP_STATUS_NO_CONVERGENCE == static_cast<int>(recoup::error_kind::no_convergence));
static_assert(RECOUP_STATUS_RULE_NOT_IN_FORCE == static_cast<int>(recoup::error_kind::rule_not_in_force));
static_assert(RECOUP_STATUS_RULE_NOT_IN_FORCE == recoup::error_kind_max, "a new error kind needs its C status");
static_assert(RECOUP_GATE_ALLOWED == static_cast<int>(recoup::rules::gate_status::allowed));
static_assert(RECOUP_GATE_BLOCKED == static_cast<int>(recoup::rules::gate_status::blocked));
static_assert(RECOUP_GATE_ALLOWED_FROM == static_cast<int>(recoup::rules::gate_status::allowed_from));
static_assert(RECOUP_STRATEGY_PAYMENT_PLAN == static_cast<int>(recoup::decide::strategy::payment_plan));
static_assert(RECOUP_STRATEGY_SETTLEMENT == static_cast<int>(recoup::decide::strategy::settlement));
static_assert(RECOUP_STRATEGY_LITIGATION == static_cast<int>(recoup::decide::strategy::litigation));
static_assert(RECOUP_STRATEGY_AGENCY == static_cast<int>(recoup::decide::strategy::agency));
static_assert(RECOUP_STRATEGY_SALE == static_cast<int>(recoup::decide::strategy::sale));
static_assert(RECOUP_STRATEGY_WRITE_OFF == static_cast<int>(recoup::decide::strategy::write_off));
static_assert(RECOUP_STRATEGY_WRITE_OFF + 1 == static_cast<int>(recoup::decide::strategy_count));

const char* recoup_status_name(recoup_status status) {
  switch (status) {
    case RECOUP_STATUS_OK: return "ok";
    case RECOUP_STATUS_BUFFER_TOO_SMALL: return "buffer_too_small";
    case RECOUP_STATUS_NULL_ARGUMENT: return "null_argument";
    case RECOUP_STATUS_OUT_OF_MEMORY: return "out_of_memory";
    case RECOUP_STATUS_INTERNAL: return "internal";
    default: break;
  }
  const int k = static_cast<int>(status);
  if (k >= 1 && k <= recoup::error_kind_max) return recoup::to_string(static_cast<recoup::error_kind>(k)).data();
  return "unknown";
}

recoup_status recoup_currency_minor_units(const char* currency, int* minor_units_out) {
  return entry([&] {
    int& out = require(minor_units_out, "minor_units_out");
    out = recoup::currency(require_text(currency, "currency")).minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_money_parse(const char* text, char currency_out[4], int64_t* minor_out) {
  return entry([&] {
    const recoup::money m = recoup::money::parse(require_text(text, "text"));
    require_text(currency_out, "currency_out");
    int64_t& out = require(minor_out, "minor_out");
    const std::string code(m.currency().code());
    std::memcpy(currency_out, code.c_str(), 4);
    out = m.minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_money_format(const char* currency, int64_t minor, char* buffer, size_t buffer_size,
                                  size_t* required) {
  return entry([&] {
    const auto m = recoup::money::from_minor(minor, recoup::currency(require_text(currency, "currency")));
    return write_text(m.to_string(), buffer, buffer_size, required);
  });
}

recoup_status recoup_money_multiply(const char* currency, int64_t minor, const char* factor, const char* rounding,
                                    int64_t* minor_out) {
  return entry([&] {
    const auto m = recoup::money::from_minor(minor, recoup::currency(require_text(currency, "currency")));
    const auto r = m.multiply(recoup::decimal::parse(require_text(factor, "factor")),
                              recoup::parse_rounding_mode(require_text(rounding, "rounding")));
    require(minor_out, "minor_out") = r.minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_money_allocate(const char* currency, int64_t minor, size_t parts, const char* remainder,
                                    int64_t* out) {
  return entry([&] {
    const auto m = recoup::money::from_minor(minor, recoup::currency(require_text(currency, "currency")));
    const auto policy = recoup::parse_remainder_policy(require_text(remainder, "remainder"));
    const auto shares = m.allocate(parts, policy);
    require(out, "out");
    for (std::size_t i = 0; i < shares.size(); ++i) out[i] = shares[i].minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_calendar_is_business_day(const char* calendar_id, const char* date, int* out) {
  return entry([&] {
    const auto cal = recoup::calendar::get(require_text(calendar_id, "calendar_id"));
    require(out, "out") = cal.is_business_day(recoup::civil_date::parse(require_text(date, "date"))) ? 1 : 0;
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_calendar_add_business_days(const char* calendar_id, const char* date, int64_t n,
                                                char date_out[11]) {
  return entry([&] {
    const auto cal = recoup::calendar::get(require_text(calendar_id, "calendar_id"));
    const auto d = cal.add_business_days(recoup::civil_date::parse(require_text(date, "date")), n);
    require_text(date_out, "date_out");
    std::memcpy(date_out, d.to_string().c_str(), 11);
    return RECOUP_STATUS_OK;
  });
}

void recoup_schedule_terms_init(recoup_schedule_terms* terms) {
  if (terms == nullptr) return;
  *terms = recoup_schedule_terms{};
  terms->struct_size = sizeof(recoup_schedule_terms);
  terms->payment_step_minor = 1;
}

recoup_status recoup_schedule_build(const recoup_schedule_terms* terms, recoup_schedule** out) {
  return entry([&] {
    const recoup_schedule_terms& t = require(terms, "terms");
    require(out, "out");
    *out = nullptr;
    *out = new recoup_schedule{recoup::build_schedule(schedule_terms_of(t))};
    return RECOUP_STATUS_OK;
  });
}

void recoup_schedule_free(recoup_schedule* schedule) { delete schedule; }

recoup_status recoup_schedule_row_count(const recoup_schedule* schedule, size_t* count_out) {
  return entry([&] {
    require(count_out, "count_out") = require(schedule, "schedule").value.rows().size();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_schedule_get_row(const recoup_schedule* schedule, size_t index, recoup_schedule_row* row_out) {
  return entry([&] {
    const auto& rows = require(schedule, "schedule").value.rows();
    recoup_schedule_row& out = require(row_out, "row_out");
    check_struct_size(out.struct_size, RECOUP_C_FIELD_END(recoup_schedule_row, balance_minor), "recoup_schedule_row");
    if (index >= rows.size()) {
      throw recoup::invalid_input_error("c.index", "row " + std::to_string(index) + " is out of range: the schedule has " +
                                                       std::to_string(rows.size()) + " rows");
    }
    const auto& r = rows[index];
    out.number = r.number;
    copy_date(out.due_date, r.due_date);
    out.payment_minor = r.payment.minor_units();
    out.interest_minor = r.interest.minor_units();
    out.principal_minor = r.principal.minor_units();
    out.fees_minor = r.fees.minor_units();
    out.balance_minor = r.balance.minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_schedule_totals(const recoup_schedule* schedule, int64_t* total_payment, int64_t* total_interest,
                                     int64_t* regular_payment) {
  return entry([&] {
    const auto& s = require(schedule, "schedule").value;
    if (total_payment != nullptr) *total_payment = s.total_payment().minor_units();
    if (total_interest != nullptr) *total_interest = s.total_interest().minor_units();
    if (regular_payment != nullptr) *regular_payment = s.regular_payment().minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_schedule_explain(const recoup_schedule* schedule, char* buffer, size_t buffer_size,
                                      size_t* required) {
  return entry([&] { return write_text(require(schedule, "schedule").value.explain(), buffer, buffer_size, required); });
}

recoup_status recoup_apr(const char* method, const char* currency, size_t advance_count,
                         const char* const* advance_dates, const int64_t* advance_minor, size_t payment_count,
                         const char* const* payment_dates, const int64_t* payment_minor, char* buffer,
                         size_t buffer_size, size_t* required) {
  return entry([&] {
    const recoup::currency c(require_text(currency, "currency"));
    recoup::apr_options options;
    options.method = recoup::parse_apr_method(require_text(method, "method"));
    const auto advances = dated(advance_count, advance_dates, advance_minor, c, "advance_dates/advance_minor");
    const auto payments = dated(payment_count, payment_dates, payment_minor, c, "payment_dates/payment_minor");
    return write_text(recoup::apr(advances, payments, options).to_string(), buffer, buffer_size, required);
  });
}

}  // extern "C"


// --- rule books and the compliance gate ---------------------------------------------------------

struct recoup_gate_verdict {
  recoup::rules::action_verdict value;
};

namespace {

bool flag_text(const char* field, const char* value) {
  const std::string v = value == nullptr ? "" : value;
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0" || v.empty()) return false;
  throw recoup::invalid_input_error("gate.fact_type", std::string(field) + ": '" + v + "' is not true or false");
}

int whole_text(const char* field, const char* value) {
  const std::string v = value == nullptr ? "" : value;
  if (v.empty()) return 0;
  std::size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v.size() || n < 0 || n > 1000000)
    throw recoup::invalid_input_error("gate.fact_type", std::string(field) + ": '" + v + "' is not a whole number 0..1000000");
  return static_cast<int>(n);
}

void set_account_field(recoup::rules::account_facts& a, const std::string& field, const char* value) {
  namespace r = recoup::rules;
  using date_field = std::optional<recoup::civil_date> r::account_facts::*;
  static const std::pair<const char*, date_field> dates[] = {
      {"opened_on", &r::account_facts::opened_on},
      {"first_delinquency", &r::account_facts::first_delinquency},
      {"defaulted_on", &r::account_facts::defaulted_on},
      {"last_payment", &r::account_facts::last_payment},
      {"last_acknowledgment", &r::account_facts::last_acknowledgment},
      {"charged_off_on", &r::account_facts::charged_off_on},
      {"placed_on", &r::account_facts::placed_on},
      {"first_contact_on", &r::account_facts::first_contact_on},
      {"validation_notice_sent_on", &r::account_facts::validation_notice_sent_on},
      {"settled_on", &r::account_facts::settled_on},
      {"dispute_received_on", &r::account_facts::dispute_received_on},
      {"dispute_verified_on", &r::account_facts::dispute_verified_on},
      {"cease_requested_on", &r::account_facts::cease_requested_on},
      {"bankruptcy_filed_on", &r::account_facts::bankruptcy_filed_on},
      {"bankruptcy_discharged_on", &r::account_facts::bankruptcy_discharged_on},
      {"bankruptcy_dismissed_on", &r::account_facts::bankruptcy_dismissed_on},
      {"deceased_on", &r::account_facts::deceased_on},
      {"breathing_space_started_on", &r::account_facts::breathing_space_started_on},
      {"breathing_space_ended_on", &r::account_facts::breathing_space_ended_on},
      {"identity_theft_reported_on", &r::account_facts::identity_theft_reported_on},
      {"fraud_discovered_on", &r::account_facts::fraud_discovered_on},
      {"default_notice_served_on", &r::account_facts::default_notice_served_on},
      {"letter_of_claim_on", &r::account_facts::letter_of_claim_on},
  };
  for (const auto& [name, member] : dates) {
    if (field != name) continue;
    a.*member = optional_date(value);  // NULL or "" clears
    return;
  }
  using flag_field = bool r::account_facts::*;
  static const std::pair<const char*, flag_field> flags[] = {
      {"debt_buyer", &r::account_facts::debt_buyer},
      {"scra_active_duty", &r::account_facts::scra_active_duty},
      {"vulnerable", &r::account_facts::vulnerable},
      {"attorney_represented", &r::account_facts::attorney_represented},
      {"call_consent", &r::account_facts::call_consent},
  };
  for (const auto& [name, member] : flags) {
    if (field != name) continue;
    a.*member = flag_text(name, value);
    return;
  }
  const std::string v = value == nullptr ? "" : value;
  if (field == "jurisdiction") a.jurisdiction = v;
  else if (field == "other_jurisdictions") a.other_jurisdictions = split_words(value);
  else if (field == "time_zones") a.time_zones = split_words(value);
  else if (field == "debt_type") a.type = r::debt_type_from_name(v);
  else if (field == "collector") a.role = r::parse_collector_role(v);
  else if (field == "breathing_space_kind") a.breathing_space_type = r::parse_breathing_space_kind(v);
  else if (field == "open_end") a.open_end = v.empty() ? std::nullopt : std::optional<bool>(flag_text("open_end", value));
  else if (field == "cca_regulated")
    a.cca_regulated = v.empty() ? std::nullopt : std::optional<bool>(flag_text("cca_regulated", value));
  else if (field == "bankruptcy_chapter") a.bankruptcy_chapter = whole_text("bankruptcy_chapter", value);
  else if (field == "consecutive_minimum_payments") a.consecutive_minimum_payments = whole_text(field.c_str(), value);
  else if (field == "opted_out") {
    a.opted_out.clear();
    for (const auto& c : split_words(value)) a.opted_out.push_back(r::parse_contact_channel(c));
  } else if (field == "reaged_on") {
    a.reaged_on.clear();
    for (const auto& d : split_words(value)) a.reaged_on.push_back(recoup::civil_date::parse(d));
  } else {
    std::string names;
    for (const auto& [name, member] : dates) names += std::string(names.empty() ? "" : ", ") + name;
    for (const auto& [name, member] : flags) names += std::string(", ") + name;
    names += ", jurisdiction, other_jurisdictions, time_zones, debt_type, collector, breathing_space_kind, open_end, "
             "cca_regulated, bankruptcy_chapter, consecutive_minimum_payments, opted_out, reaged_on";
    throw recoup::invalid_input_error("gate.unknown_field", "unknown account field '" + field + "'; the fields are: " + names);
  }
}

const recoup::rules::gate_reason& reason_at(const recoup::rules::action_verdict& v, int condition, std::size_t index) {
  const auto& list = condition ? v.conditions : v.reasons;
  if (index >= list.size())
    throw recoup::invalid_input_error("c.index", "reason index " + std::to_string(index) + " is out of range (the verdict has " +
                                                     std::to_string(list.size()) + ")");
  return list[index];
}

}  // namespace

extern "C" {

recoup_status recoup_rulebook_new(recoup_rulebook** out) {
  return entry([&] {
    require(out, "out");
    *out = new recoup_rulebook{recoup::rules::rule_book::with_defaults()};
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_rulebook_load(recoup_rulebook* book, const char* path) {
  return entry([&] {
    require(book, "book").value.load_file(require_text(path, "path"));
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_rulebook_load_text(recoup_rulebook* book, const char* toml, const char* origin) {
  return entry([&] {
    require(book, "book").value.load_text(require_text(toml, "toml"), origin == nullptr ? "<string>" : origin);
    return RECOUP_STATUS_OK;
  });
}

void recoup_rulebook_free(recoup_rulebook* book) { delete book; }

recoup_status recoup_account_new(const char* jurisdiction, recoup_account** out) {
  return entry([&] {
    require(out, "out");
    auto a = std::make_unique<recoup_account>();
    a->value.jurisdiction = require_text(jurisdiction, "jurisdiction");
    *out = a.release();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_account_set(recoup_account* account, const char* field, const char* value) {
  return entry([&] {
    set_account_field(require(account, "account").value, require_text(field, "field"), value);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_account_add_call(recoup_account* account, int64_t utc_seconds, const char* outcome,
                                      int excluded_by_consent, const char* number_kind) {
  return entry([&] {
    namespace r = recoup::rules;
    auto& a = require(account, "account").value;
    a.calls.push_back(r::call_record{.at = std::chrono::sys_seconds{std::chrono::seconds{utc_seconds}},
                                     .outcome = r::parse_call_outcome(require_text(outcome, "outcome")),
                                     .excluded_by_consent = excluded_by_consent != 0,
                                     .number = number_kind == nullptr ? r::number_kind::personal
                                                                      : r::parse_number_kind(number_kind)});
    return RECOUP_STATUS_OK;
  });
}

void recoup_account_free(recoup_account* account) { delete account; }

recoup_status recoup_gate_permitted(const recoup_account* account, const char* action, int64_t at_utc_seconds,
                                    const recoup_rulebook* book, recoup_gate_verdict** out) {
  return entry([&] {
    namespace r = recoup::rules;
    require(out, "out");
    const auto& a = require(account, "account").value;
    const auto act = r::parse_collection_action(require_text(action, "action"));
    auto v = std::make_unique<recoup_gate_verdict>(recoup_gate_verdict{
        r::permitted(a, act, std::chrono::sys_seconds{std::chrono::seconds{at_utc_seconds}}, book_or_default(book))});
    *out = v.release();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_gate_verdict_status(const recoup_gate_verdict* verdict, int* status, int64_t* allowed_from,
                                         int32_t* required_by) {
  return entry([&] {
    const auto& v = require(verdict, "verdict").value;
    if (status != nullptr) *status = static_cast<int>(v.status);
    if (allowed_from != nullptr) *allowed_from = v.allowed_from ? v.allowed_from->time_since_epoch().count() : INT64_MIN;
    if (required_by != nullptr) *required_by = v.required_by ? v.required_by->serial() : INT32_MIN;
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_gate_verdict_counts(const recoup_gate_verdict* verdict, size_t* reasons, size_t* conditions) {
  return entry([&] {
    const auto& v = require(verdict, "verdict").value;
    if (reasons != nullptr) *reasons = v.reasons.size();
    if (conditions != nullptr) *conditions = v.conditions.size();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_gate_verdict_reason(const recoup_gate_verdict* verdict, int condition, size_t index, int what,
                                         char* buffer, size_t buffer_size, size_t* required) {
  return entry([&] {
    const auto& r = reason_at(require(verdict, "verdict").value, condition, index);
    switch (what) {
      case RECOUP_GATE_RULE_ID: return write_text(r.rule().rule_id, buffer, buffer_size, required);
      case RECOUP_GATE_CITATION: return write_text(r.rule().citation, buffer, buffer_size, required);
      case RECOUP_GATE_CERTAINTY:
        return write_text(std::string(recoup::rules::to_string(r.rule().sureness)), buffer, buffer_size, required);
      case RECOUP_GATE_TEXT: return write_text(r.text, buffer, buffer_size, required);
      default:
        throw recoup::invalid_input_error("c.what", "what must be RECOUP_GATE_RULE_ID, _CITATION, _CERTAINTY or _TEXT, got " +
                                                        std::to_string(what));
    }
  });
}

recoup_status recoup_gate_verdict_explain(const recoup_gate_verdict* verdict, char* buffer, size_t buffer_size,
                                          size_t* required) {
  return entry([&] { return write_text(require(verdict, "verdict").value.explain(), buffer, buffer_size, required); });
}

void recoup_gate_verdict_free(recoup_gate_verdict* verdict) { delete verdict; }

recoup_status recoup_gate_batch(const recoup_account* const* accounts, size_t count, const char* action,
                                int64_t at_utc_seconds, const recoup_rulebook* book, int* status_out,
                                int64_t* allowed_from_out, int32_t* required_by_out) {
  return entry([&] {
    namespace r = recoup::rules;
    if (count > 0) {
      require(accounts, "accounts");
      require(status_out, "status_out");
    }
    std::vector<const r::account_facts*> facts(count);
    for (std::size_t i = 0; i < count; ++i) facts[i] = accounts[i] == nullptr ? nullptr : &accounts[i]->value;
    std::vector<std::uint8_t> status(count);
    r::permitted_batch(facts, r::parse_collection_action(require_text(action, "action")),
                       std::chrono::sys_seconds{std::chrono::seconds{at_utc_seconds}}, status,
                       allowed_from_out == nullptr ? std::span<std::int64_t>{} : std::span<std::int64_t>(allowed_from_out, count),
                       required_by_out == nullptr ? std::span<std::int32_t>{} : std::span<std::int32_t>(required_by_out, count),
                       book_or_default(book));
    for (std::size_t i = 0; i < count; ++i) status_out[i] = status[i];
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"

// --- the decision ------------------------------------------------------------------------------

struct recoup_policy {
  recoup::decide::strategy_policy value;
};
struct recoup_decision {
  recoup::decide::account_decision value;
};

namespace {

const recoup::decide::strategy_policy& policy_or_example(const recoup_policy* p) {
  return p == nullptr ? recoup::decide::strategy_policy::example() : p->value;
}

/// Fills the fields the caller's struct has room for.
void fill_summary(const recoup::decide::account_decision& d, recoup_decision_summary& out) {
  check_struct_size(out.struct_size, RECOUP_C_FIELD_END(recoup_decision_summary, blocked_actions),
                    "recoup_decision_summary");
  const auto& c = d.chosen_candidate();
  out.strategy = static_cast<int>(d.chosen);
  out.expected_net_recovery_minor = c.expected_net_recovery_minor;
  out.offer_amount_minor = c.offer_amount_minor;
  out.instalments = c.instalments;
  out.last_instalment_minor = d.chosen == recoup::decide::strategy::payment_plan ? c.last_instalment_minor : 0;
  out.next_action = static_cast<int>(d.next_action);
  out.next_action_at = d.next_action_blocked ? INT64_MIN : d.next_action_at.time_since_epoch().count();
  out.priority = d.priority;
  out.challenger = d.challenger ? 1 : 0;
  out.charge_off_on = d.charge_off_on ? d.charge_off_on->serial() : INT32_MIN;
  std::uint32_t bits = 0;
  for (const auto a : d.blocked_actions) bits |= 1u << static_cast<unsigned>(a);
  out.blocked_actions = bits;
}

}  // namespace

extern "C" {

recoup_status recoup_policy_load(const char* path, recoup_policy** out) {
  return entry([&] {
    require(out, "out");
    *out = new recoup_policy{recoup::decide::strategy_policy::from_file(require_text(path, "path"))};
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_policy_load_text(const char* toml, const char* origin, recoup_policy** out) {
  return entry([&] {
    require(out, "out");
    *out = new recoup_policy{
        recoup::decide::strategy_policy::from_text(require_text(toml, "toml"), origin == nullptr ? "<string>" : origin)};
    return RECOUP_STATUS_OK;
  });
}

void recoup_policy_free(recoup_policy* policy) { delete policy; }

const char* recoup_strategy_name(int strategy) {
  if (strategy < 0 || strategy >= static_cast<int>(recoup::decide::strategy_count)) return nullptr;
  return recoup::decide::to_string(static_cast<recoup::decide::strategy>(strategy)).data();
}

const char* recoup_action_name(int action) {
  if (action < 0 || action >= static_cast<int>(recoup::rules::action_count)) return nullptr;
  return recoup::rules::to_string(static_cast<recoup::rules::collection_action>(action)).data();
}

recoup_status recoup_decide(const recoup_account* account, const char* id, const char* balance,
                            const char* disposable_income, int64_t at_utc_seconds, const recoup_policy* policy,
                            const recoup_rulebook* book, recoup_decision** out) {
  return entry([&] {
    require(out, "out");
    recoup::decide::account_case c{.id = id == nullptr ? "" : id,
                                   .facts = require(account, "account").value,
                                   .balance = recoup::money::parse(require_text(balance, "balance"))};
    if (disposable_income != nullptr) c.disposable_income = recoup::money::parse(disposable_income);
    auto d = std::make_unique<recoup_decision>(recoup_decision{recoup::decide::decide(
        c, std::chrono::sys_seconds{std::chrono::seconds{at_utc_seconds}}, policy_or_example(policy), book_or_default(book))});
    *out = d.release();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_decision_summary_get(const recoup_decision* decision, recoup_decision_summary* out) {
  return entry([&] {
    fill_summary(require(decision, "decision").value, require(out, "out"));
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_decision_explain(const recoup_decision* decision, char* buffer, size_t buffer_size, size_t* required) {
  return entry([&] { return write_text(require(decision, "decision").value.explain(), buffer, buffer_size, required); });
}

void recoup_decision_free(recoup_decision* decision) { delete decision; }

recoup_status recoup_decide_batch(const recoup_account* const* accounts, const char* const* ids,
                                  const int64_t* balance_minor, const char* const* currencies, size_t count,
                                  int64_t at_utc_seconds, const recoup_policy* policy, const recoup_rulebook* book,
                                  recoup_decision_summary* out) {
  return entry([&] {
    namespace d = recoup::decide;
    if (count > 0) {
      require(accounts, "accounts");
      require(balance_minor, "balance_minor");
      require(out, "out");
    }
    const d::strategy_policy& p = policy_or_example(policy);
    std::vector<d::account_case> cases;
    cases.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      try {
        const auto& facts = require(accounts[i], "accounts[i]").value;
        const recoup::currency c = currencies != nullptr && currencies[i] != nullptr ? recoup::currency(currencies[i])
                                                                                     : p.currency_of(facts.jurisdiction);
        cases.push_back(d::account_case{.id = ids != nullptr && ids[i] != nullptr ? ids[i] : "",
                                        .facts = facts,
                                        .balance = recoup::money::from_minor(balance_minor[i], c)});
      } catch (const recoup::error& e) {
        recoup::detail::rethrow_for_row(e, i);
      }
    }
    std::vector<std::uint8_t> strat(count), next(count), challenger(count);
    std::vector<std::int64_t> value(count), offer(count), when(count), priority(count);
    std::vector<std::int32_t> instalments(count), charge(count);
    std::vector<std::uint32_t> blocked(count);
    d::decide_book(cases, std::chrono::sys_seconds{std::chrono::seconds{at_utc_seconds}},
                   {.strategy = strat, .expected_net_recovery_minor = value, .offer_amount_minor = offer,
                    .instalments = instalments, .next_action = next, .next_action_at = when, .priority = priority,
                    .challenger = challenger, .charge_off_on = charge, .blocked_actions = blocked},
                   p, book_or_default(book));
    for (std::size_t i = 0; i < count; ++i) {
      recoup_decision_summary& o = out[i];
      try {
        check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_decision_summary, blocked_actions),
                          "recoup_decision_summary");
      } catch (const recoup::error& e) {
        recoup::detail::rethrow_for_row(e, i);
      }
      o.strategy = strat[i];
      o.expected_net_recovery_minor = value[i];
      o.offer_amount_minor = offer[i];
      o.instalments = instalments[i];
      o.last_instalment_minor = strat[i] == 0 && o.instalments > 0 ? balance_minor[i] - (o.instalments - 1) * offer[i] : 0;
      o.next_action = next[i];
      o.next_action_at = when[i];
      o.priority = priority[i];
      o.challenger = challenger[i];
      o.charge_off_on = charge[i];
      o.blocked_actions = blocked[i];
    }
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
