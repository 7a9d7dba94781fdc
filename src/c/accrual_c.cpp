// The C ABI for interest accrual (recoup::accrue): daily simple interest under a day count, cut
// at rate changes, freezes, ceilings and principal movements, summed exactly and rounded once.
#include <memory>

#include "c_entry.hpp"

struct recoup_accrual_terms {
  recoup::accrual_terms value;
};
struct recoup_accrual {
  recoup::accrual_result value;
};

using namespace recoup::c_abi;

extern "C" {

recoup_status recoup_accrual_terms_new(const char* day_count, const char* posting_rounding, recoup_accrual_terms** out) {
  return entry([&] {
    require(out, "out");
    auto t = std::make_unique<recoup_accrual_terms>();
    if (day_count != nullptr) t->value.day_count = recoup::parse_day_count(day_count);
    if (posting_rounding != nullptr) t->value.posting_rounding = recoup::parse_rounding_mode(posting_rounding);
    *out = t.release();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_accrual_terms_add_rate(recoup_accrual_terms* terms, const char* effective, const char* annual_rate) {
  return entry([&] {
    require(terms, "terms").value.rates.push_back(
        recoup::rate_period{.effective = recoup::civil_date::parse(require_text(effective, "effective")),
                            .annual_rate = recoup::decimal::parse(require_text(annual_rate, "annual_rate"))});
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_accrual_terms_add_freeze(recoup_accrual_terms* terms, const char* from, const char* until,
                                              const char* reason, int fees) {
  return entry([&] {
    require(terms, "terms").value.freezes.push_back(
        recoup::accrual_freeze{.from = recoup::civil_date::parse(require_text(from, "from")),
                               .until = recoup::civil_date::parse(require_text(until, "until")),
                               .reason = reason == nullptr ? "" : reason,
                               .fees = fees != 0});
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_accrual_terms_add_ceiling(recoup_accrual_terms* terms, const char* from, const char* until,
                                               const char* max_rate, const char* reason) {
  return entry([&] {
    require(terms, "terms").value.ceilings.push_back(
        recoup::rate_ceiling{.from = recoup::civil_date::parse(require_text(from, "from")),
                             .until = recoup::civil_date::parse(require_text(until, "until")),
                             .max_rate = recoup::decimal::parse(require_text(max_rate, "max_rate")),
                             .reason = reason == nullptr ? "" : reason});
    return RECOUP_STATUS_OK;
  });
}

void recoup_accrual_terms_free(recoup_accrual_terms* terms) { delete terms; }

recoup_status recoup_accrual_compute(const recoup_accrual_terms* terms, const char* currency, int64_t principal_minor,
                                     const char* from, const char* to, size_t change_count,
                                     const char* const* change_dates, const int64_t* change_minor,
                                     recoup_accrual** out) {
  return entry([&] {
    require(out, "out");
    const auto& t = require(terms, "terms").value;
    const recoup::currency c(require_text(currency, "currency"));
    const auto dates = require_array(change_dates, change_count, "change_dates");
    const auto amounts = require_array(change_minor, change_count, "change_minor");
    std::vector<recoup::principal_change> changes;
    for (std::size_t i = 0; i < change_count; ++i)
      changes.push_back({recoup::civil_date::parse(require_text(dates[i], "change_dates[i]")),
                         recoup::money::from_minor(amounts[i], c)});
    *out = new recoup_accrual{recoup::accrue(recoup::money::from_minor(principal_minor, c),
                                             recoup::civil_date::parse(require_text(from, "from")),
                                             recoup::civil_date::parse(require_text(to, "to")), t, changes)};
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_accrual_interest(const recoup_accrual* accrual, int64_t* interest_minor, size_t* segment_count) {
  return entry([&] {
    const auto& a = require(accrual, "accrual").value;
    if (interest_minor != nullptr) *interest_minor = a.interest.minor_units();
    if (segment_count != nullptr) *segment_count = a.segments.size();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_accrual_exact(const recoup_accrual* accrual, char* buffer, size_t buffer_size, size_t* required) {
  return entry([&] { return write_text(require(accrual, "accrual").value.exact, buffer, buffer_size, required); });
}

recoup_status recoup_accrual_segment_get(const recoup_accrual* accrual, size_t index, recoup_accrual_segment* out) {
  return entry([&] {
    const auto& a = require(accrual, "accrual").value;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_accrual_segment, interest), "recoup_accrual_segment");
    if (index >= a.segments.size())
      throw recoup::invalid_input_error("c.index", "segment " + std::to_string(index) + " is out of range (there are " +
                                                       std::to_string(a.segments.size()) + ")");
    const auto& s = a.segments[index];
    copy_date(o.from, s.from);
    copy_date(o.to, s.to);
    o.balance_minor = s.balance.minor_units();
    copy_field(o.rate, s.rate.to_string());
    o.year_fraction_numerator = s.year_fraction.numerator;
    o.year_fraction_denominator = s.year_fraction.denominator;
    copy_field(o.interest, s.interest.to_string());
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_accrual_explain(const recoup_accrual* accrual, char* buffer, size_t buffer_size, size_t* required) {
  return entry([&] { return write_text(require(accrual, "accrual").value.explain(), buffer, buffer_size, required); });
}

void recoup_accrual_free(recoup_accrual* accrual) { delete accrual; }

}  // extern "C"

extern "C" {

void recoup_late_fee_rule_init(recoup_late_fee_rule* rule) {
  if (rule == nullptr) return;
  *rule = recoup_late_fee_rule{};
  rule->struct_size = sizeof(recoup_late_fee_rule);
  rule->flat_minor = RECOUP_NO_AMOUNT;
  rule->cap_minor = RECOUP_NO_AMOUNT;
}

recoup_status recoup_late_fee(const char* currency, int64_t instalment_minor, int64_t days_late,
                              const recoup_late_fee_rule* rule, const char* charged_on,
                              const recoup_accrual_terms* terms, int64_t* fee_minor_out) {
  return entry([&] {
    const auto& r = require(rule, "rule");
    check_struct_size(r.struct_size, RECOUP_C_FIELD_END(recoup_late_fee_rule, rounding), "recoup_late_fee_rule");
    int64_t& fee = require(fee_minor_out, "fee_minor_out");
    const recoup::currency c(require_text(currency, "currency"));
    recoup::late_fee_rule rl;
    rl.grace_days = r.grace_days;
    if (r.flat_minor != RECOUP_NO_AMOUNT) rl.flat = recoup::money::from_minor(r.flat_minor, c);
    if (r.percent_of_instalment != nullptr) rl.percent_of_instalment = recoup::decimal::parse(r.percent_of_instalment);
    if (r.cap_minor != RECOUP_NO_AMOUNT) rl.cap = recoup::money::from_minor(r.cap_minor, c);
    if (r.rounding != nullptr) rl.rounding = recoup::parse_rounding_mode(r.rounding);
    static const std::vector<recoup::accrual_freeze> none;
    fee = recoup::late_fee(recoup::money::from_minor(instalment_minor, c), days_late, rl,
                           recoup::civil_date::parse(require_text(charged_on, "charged_on")),
                           terms == nullptr ? none : terms->value.freezes)
              .minor_units();
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
