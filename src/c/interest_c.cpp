// The C ABI for statutory interest: late-payment interest and compensation (UK Late Payment Act,
// EU Directive 2011/7/EU), judgment interest, and the reference-rate tables behind them.
#include "c_entry.hpp"

using namespace recoup::c_abi;

extern "C" {

recoup_status recoup_statutory_interest(const char* kind, const char* jurisdiction, const char* currency,
                                        int64_t amount_minor, const char* from, const char* paid_on,
                                        const char* rate_percent, const char* rounding, const recoup_rulebook* book,
                                        recoup_interest_result* out, recoup_verdict** verdict_out) {
  return entry([&] {
    namespace r = recoup::rules;
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_interest_result, reference_date), "recoup_interest_result");
    const std::string k = require_text(kind, "kind");
    const auto amount = recoup::money::from_minor(amount_minor, recoup::currency(require_text(currency, "currency")));
    const auto start = recoup::civil_date::parse(require_text(from, "from"));
    const auto paid = recoup::civil_date::parse(require_text(paid_on, "paid_on"));
    const auto mode = recoup::parse_rounding_mode(require_text(rounding, "rounding"));
    const char* j = require_text(jurisdiction, "jurisdiction");
    std::optional<recoup::decimal> rate;
    if (rate_percent != nullptr) rate = recoup::decimal::parse(rate_percent);
    r::statutory_interest_verdict v;
    if (k == "late_payment") {
      if (rate)
        throw recoup::invalid_input_error("interest.rate", "late-payment interest takes its rate from the rule book "
                                                           "(reference rate + 8 points): pass rate_percent = NULL");
      v = r::late_payment_interest(amount, start, paid, mode, j, book_or_default(book));
    } else if (k == "judgment") {
      v = r::judgment_interest(amount, start, paid, mode, j, rate, book_or_default(book));
    } else {
      throw recoup::invalid_input_error("interest.kind", "kind '" + k + "' is not \"late_payment\" or \"judgment\"");
    }
    o.amount_minor = v.amount.minor_units();
    o.days = v.days;
    copy_field(o.annual_rate, v.annual_rate.to_string());
    copy_field(o.reference_rate, v.reference_rate ? v.reference_rate->to_string() : std::string());
    copy_field(o.reference_date, v.reference_date ? v.reference_date->to_string() : std::string());
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_late_payment_compensation(const char* jurisdiction, const char* currency, int64_t debt_minor,
                                               const char* as_of, const recoup_rulebook* book,
                                               int64_t* amount_minor_out, recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    int64_t& amount = require(amount_minor_out, "amount_minor_out");
    const auto v = recoup::rules::late_payment_compensation(
        recoup::money::from_minor(debt_minor, recoup::currency(require_text(currency, "currency"))),
        recoup::civil_date::parse(require_text(as_of, "as_of")), require_text(jurisdiction, "jurisdiction"),
        book_or_default(book));
    amount = v.amount.minor_units();
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_reference_rate(const char* name, const char* on, const recoup_rulebook* book, char* buffer,
                                    size_t buffer_size, size_t* required, char effective_from_out[11],
                                    recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    const auto v = recoup::rules::reference_rate(require_text(name, "name"),
                                                 recoup::civil_date::parse(require_text(on, "on")), book_or_default(book));
    const recoup_status s = write_text(v.rate.to_string(), buffer, buffer_size, required);
    if (s != RECOUP_STATUS_OK) return s;
    if (effective_from_out != nullptr) std::memcpy(effective_from_out, v.effective_from.to_string().c_str(), 11);
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
