// The C ABI for settlement offers: build a lump sum, an instalment settlement or a full-balance
// plan, value it (recoup::value_offer: NPV, break risk, collection costs) and, when asked, judge
// the forgiven amount for Form 1099-C (recoup::report_forgiveness); and who may approve it
// (recoup::approve over authority bands).
#include "c_entry.hpp"

using namespace recoup::c_abi;

namespace {

recoup::decimal decimal_or(const char* text, const char* fallback) {
  return recoup::decimal::parse(text == nullptr ? fallback : text);
}

recoup::settlement_offer build_offer(const recoup::money& balance, const recoup_settle_terms& t) {
  const std::string kind = t.kind == nullptr ? "lump_sum" : t.kind;
  const auto mode = recoup::parse_rounding_mode(t.rounding == nullptr ? "half_up" : t.rounding);
  const auto remainder = recoup::parse_remainder_policy(t.remainder == nullptr ? "largest_remainder" : t.remainder);
  const auto freq = recoup::frequency::parse(t.frequency == nullptr ? "monthly" : t.frequency);
  const auto first_due = optional_date(t.first_due);
  if (kind == "lump_sum") {
    std::optional<recoup::money> minimum;
    if (t.minimum_minor != RECOUP_NO_AMOUNT) minimum = recoup::money::from_minor(t.minimum_minor, balance.currency());
    return recoup::lump_sum_offer(balance, recoup::decimal::parse(require_text(t.fraction, "terms->fraction")), minimum,
                                  mode);
  }
  if (kind == "instalment_settlement")
    return recoup::instalment_settlement_offer(balance, recoup::decimal::parse(require_text(t.fraction, "terms->fraction")),
                                               t.payments, freq, first_due, mode, remainder);
  if (kind == "full_balance_plan") return recoup::full_balance_plan_offer(balance, t.payments, freq, first_due, remainder);
  throw recoup::invalid_input_error("settle.kind", "offer kind '" + kind +
                                                       "' is not \"lump_sum\", \"instalment_settlement\" or "
                                                       "\"full_balance_plan\"");
}

recoup::break_model model_of(const recoup_settle_terms& t) {
  if (t.survival_count == 0) return recoup::break_model::constant_hazard(decimal_or(t.hazard, "0"));
  std::vector<recoup::decimal> curve;
  for (const char* s : require_array(t.survival, t.survival_count, "terms->survival"))
    curve.push_back(recoup::decimal::parse(require_text(s, "terms->survival[i]")));
  return recoup::break_model::survival_curve(std::move(curve));
}

recoup::collection_costs costs_of(const recoup_settle_terms& t, recoup::currency c) {
  recoup::collection_costs costs;
  if (t.per_contact_minor != RECOUP_NO_AMOUNT) costs.per_contact = recoup::money::from_minor(t.per_contact_minor, c);
  costs.setup_contacts = decimal_or(t.setup_contacts, "0");
  costs.contacts_per_payment = decimal_or(t.contacts_per_payment, "0");
  if (t.legal_minor != RECOUP_NO_AMOUNT) costs.legal = recoup::money::from_minor(t.legal_minor, c);
  costs.commission = decimal_or(t.commission, "0");
  return costs;
}

}  // namespace

extern "C" {

void recoup_settle_terms_init(recoup_settle_terms* terms) {
  if (terms == nullptr) return;
  *terms = recoup_settle_terms{};
  terms->struct_size = sizeof(recoup_settle_terms);
  terms->minimum_minor = RECOUP_NO_AMOUNT;
  terms->per_contact_minor = RECOUP_NO_AMOUNT;
  terms->legal_minor = RECOUP_NO_AMOUNT;
  terms->applicable_entity = 1;
}

recoup_status recoup_settle_value(const char* currency, int64_t balance_minor, const recoup_settle_terms* terms,
                                  const recoup_rulebook* book, recoup_settle_result* out, int64_t* payments_out,
                                  size_t payments_capacity, char* explanation, size_t explanation_size, size_t* required,
                                  recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    const auto& t = require(terms, "terms");
    check_struct_size(t.struct_size, RECOUP_C_FIELD_END(recoup_settle_terms, applicable_entity), "recoup_settle_terms");
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_settle_result, reportable), "recoup_settle_result");
    const recoup::currency c(require_text(currency, "currency"));
    auto offer = build_offer(recoup::money::from_minor(balance_minor, c), t);
    std::optional<recoup::rules::form_1099c_verdict> report;
    if (t.report_filed_on != nullptr) {
      report = recoup::report_forgiveness(
          offer, recoup::civil_date::parse(t.report_filed_on),
          recoup::rules::parse_discharge_event(t.discharge_event == nullptr ? "agreement" : t.discharge_event),
          t.applicable_entity != 0, book_or_default(book));
    }
    const auto v = recoup::value_offer(offer, decimal_or(t.discount_rate, "0"), model_of(t), costs_of(t, c),
                                       recoup::parse_rounding_mode(t.value_rounding == nullptr ? "half_even"
                                                                                               : t.value_rounding));
    if (payments_out != nullptr && payments_capacity < offer.payments.size())
      return fail(RECOUP_STATUS_BUFFER_TOO_SMALL, "c.buffer_too_small",
                  "the offer has " + std::to_string(offer.payments.size()) + " payments; payments_capacity is " +
                      std::to_string(payments_capacity));
    o.settled_minor = offer.settled.minor_units();
    o.forgiven_minor = offer.forgiven().minor_units();
    o.payment_count = offer.payment_count();
    o.npv_minor = v.npv.minor_units();
    o.expected_gross_minor = v.expected_gross.minor_units();
    o.commission_minor = v.commission.minor_units();
    o.contact_costs_minor = v.contact_costs.minor_units();
    o.legal_minor = v.legal.minor_units();
    o.expected_net_minor = v.expected_net.minor_units();
    copy_field(o.completion_probability, v.completion_probability.to_string());
    copy_field(o.expected_contacts, v.expected_contacts.to_string());
    o.reportable = report ? (report->required ? 1 : 0) : -1;
    if (payments_out != nullptr)
      for (std::size_t i = 0; i < offer.payments.size(); ++i) payments_out[i] = offer.payments[i].amount.minor_units();
    recoup_status status = RECOUP_STATUS_OK;
    if (explanation != nullptr || required != nullptr) {
      std::string text = v.explain();
      if (report) text += report->explain();
      status = write_text(text, explanation, explanation_size, required);
    }
    if (status == RECOUP_STATUS_OK && report) emit_verdict(*report, verdict_out);
    return status;
  });
}

recoup_status recoup_settle_authority(const char* currency, int64_t balance_minor, const recoup_settle_terms* terms,
                                      int64_t account_age_days, size_t band_count, const char* const* levels,
                                      const char* const* max_discounts, const int64_t* max_balance_minor,
                                      const int64_t* max_age_days, const int64_t* max_payments,
                                      recoup_authority_result* out, char* explanation, size_t explanation_size,
                                      size_t* required) {
  return entry([&] {
    const auto& t = require(terms, "terms");
    check_struct_size(t.struct_size, RECOUP_C_FIELD_END(recoup_settle_terms, applicable_entity), "recoup_settle_terms");
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_authority_result, level), "recoup_authority_result");
    const recoup::currency c(require_text(currency, "currency"));
    const auto offer = build_offer(recoup::money::from_minor(balance_minor, c), t);
    const auto lv = require_array(levels, band_count, "levels");
    const auto disc = require_array(max_discounts, band_count, "max_discounts");
    auto limit = [](const int64_t* column, std::size_t i) -> std::optional<std::int64_t> {
      if (column == nullptr || column[i] == RECOUP_NO_LIMIT) return std::nullopt;
      return column[i];
    };
    std::vector<recoup::authority_band> bands;
    bands.reserve(band_count);
    for (std::size_t i = 0; i < band_count; ++i) {
      recoup::authority_band b{.level = require_text(lv[i], "levels[i]"),
                               .max_discount = recoup::decimal::parse(require_text(disc[i], "max_discounts[i]")),
                               .max_age_days = limit(max_age_days, i),
                               .max_payments = limit(max_payments, i)};
      if (const auto m = limit(max_balance_minor, i)) b.max_balance = recoup::money::from_minor(*m, c);
      bands.push_back(std::move(b));
    }
    const auto d = recoup::approve(offer, account_age_days, bands);
    o.approvable = d.approvable ? 1 : 0;
    o.band_index = d.band_index;
    copy_field(o.level, d.level);
    if (explanation == nullptr && required == nullptr) return RECOUP_STATUS_OK;
    return write_text(d.explain(), explanation, explanation_size, required);
  });
}

}  // extern "C"
