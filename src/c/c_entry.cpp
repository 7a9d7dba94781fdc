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

std::vector<dated_payment> dated_payments(std::size_t count, const char* const* dates, const std::int64_t* minor,
                                          currency c) {
  const auto d = require_array(dates, count, "payment_dates");
  const auto a = require_array(minor, count, "payment_minor");
  std::vector<dated_payment> payments;
  payments.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    payments.push_back({civil_date::parse(require_text(d[i], "payment_dates[i]")), money::from_minor(a[i], c)});
  return payments;
}

schedule_terms schedule_terms_of(const recoup_schedule_terms& t) {
  check_struct_size(t.struct_size, RECOUP_C_FIELD_END(recoup_schedule_terms, adjustment), "recoup_schedule_terms");
  const currency c(require_text(t.currency, "terms.currency"));
  schedule_terms s{.principal = money::from_minor(t.principal_minor, c)};
  if (t.shape != nullptr) s.shape = parse_schedule_shape(t.shape);
  if (s.shape == schedule_shape::custom) {
    throw invalid_input_error("c.unsupported", "the custom shape is not available through the C ABI");
  }
  if (t.annual_rate != nullptr) s.rate = annual_rate(decimal::parse(t.annual_rate));
  s.periods = t.periods;
  if (t.frequency != nullptr) s.freq = frequency::parse(t.frequency);
  if (t.start != nullptr) s.start = civil_date::parse(t.start);
  if (t.first_due != nullptr) s.first_due = civil_date::parse(t.first_due);
  if (t.interest_rounding != nullptr) s.interest_rounding = parse_rounding_mode(t.interest_rounding);
  if (t.payment_rounding != nullptr) s.payment_round.mode = parse_rounding_mode(t.payment_rounding);
  s.payment_round.step_minor = t.payment_step_minor;
  if (t.residue != nullptr) s.payment_round.residue = parse_residue_placement(t.residue);
  if (s.shape == schedule_shape::fixed_instalment) s.instalment = money::from_minor(t.instalment_minor, c);
  if (t.calendar != nullptr) s.business_days = calendar::get(t.calendar);
  if (t.adjustment != nullptr) s.adjustment = parse_business_day_convention(t.adjustment);
  return s;
}

monitor_policy monitor_policy_of(const recoup_monitor_policy* p, currency c) {
  monitor_policy out;
  if (p == nullptr) return out;
  check_struct_size(p->struct_size, RECOUP_C_FIELD_END(recoup_monitor_policy, overpayment), "recoup_monitor_policy");
  out.grace_days = p->grace_days;
  if (p->tolerance_minor != RECOUP_NO_AMOUNT) out.tolerance = money::from_minor(p->tolerance_minor, c);
  if (p->tolerance_fraction != nullptr) out.tolerance_fraction = decimal::parse(p->tolerance_fraction);
  out.broken_after_missed = p->broken_after_missed;
  out.missed_consecutive = p->missed_consecutive != 0;
  if (p->broken_arrears_at_least_minor != RECOUP_NO_AMOUNT)
    out.broken_arrears_at_least = money::from_minor(p->broken_arrears_at_least_minor, c);
  out.broken_arrears_instalments = p->broken_arrears_instalments;
  out.cure = p->cure != 0;
  if (p->overpayment != nullptr) out.overpayment = parse_overpayment_rule(p->overpayment);
  return out;
}

}  // namespace recoup::c_abi

extern "C" {

const char* recoup_last_error_message(void) { return thread_local_error().message.c_str(); }
const char* recoup_last_error_id(void) { return thread_local_error().id.c_str(); }

}  // extern "C"
