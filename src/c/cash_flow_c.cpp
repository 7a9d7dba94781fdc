// The C ABI for the time value of money and cash-flow returns: numpy-financial's pmt, ipmt, ppmt,
// pv, fv, nper and rate, and npv, irr, xnpv, xirr, in exact decimals (recoup/plan/time_value.hpp,
// recoup/plan/irr.hpp). Numbers cross as decimal text both ways, so nothing passes through a double.
#include "c_entry.hpp"

using namespace recoup::c_abi;

namespace {

recoup::decimal number(const char* text, const char* name) { return recoup::decimal::parse(require_text(text, name)); }

recoup::decimal number_or_zero(const char* text) { return text == nullptr ? recoup::decimal{} : recoup::decimal::parse(text); }

recoup::payment_timing timing(const char* when) {
  return when == nullptr ? recoup::payment_timing::end : recoup::parse_payment_timing(when);
}

std::vector<recoup::decimal> numbers(std::size_t count, const char* const* values) {
  std::vector<recoup::decimal> out;
  out.reserve(count);
  for (const char* v : require_array(values, count, "values")) out.push_back(number(v, "values[i]"));
  return out;
}

std::vector<recoup::dated_value> dated_values(std::size_t count, const char* const* dates, const char* const* values) {
  const auto d = require_array(dates, count, "dates");
  const auto v = require_array(values, count, "values");
  std::vector<recoup::dated_value> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    out.push_back({recoup::civil_date::parse(require_text(d[i], "dates[i]")), number(v[i], "values[i]")});
  return out;
}

/// Runs `fn` (returning a decimal) under the C guard and writes its text into the caller's buffer.
template <class Fn>
recoup_status decimal_result(char* buffer, std::size_t size, std::size_t* required, Fn&& fn) {
  return entry([&] { return write_text(fn().to_string(), buffer, size, required); });
}

}  // namespace

extern "C" {

recoup_status recoup_tvm_pmt(const char* rate, const char* nper, const char* pv, const char* fv, const char* when,
                             char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    return recoup::pmt(number(rate, "rate"), number(nper, "nper"), number(pv, "pv"), number_or_zero(fv), timing(when));
  });
}

recoup_status recoup_tvm_ipmt(const char* rate, const char* per, const char* nper, const char* pv, const char* fv,
                              const char* when, char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    return recoup::ipmt(number(rate, "rate"), number(per, "per"), number(nper, "nper"), number(pv, "pv"),
                        number_or_zero(fv), timing(when));
  });
}

recoup_status recoup_tvm_ppmt(const char* rate, const char* per, const char* nper, const char* pv, const char* fv,
                              const char* when, char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    return recoup::ppmt(number(rate, "rate"), number(per, "per"), number(nper, "nper"), number(pv, "pv"),
                        number_or_zero(fv), timing(when));
  });
}

recoup_status recoup_tvm_pv(const char* rate, const char* nper, const char* pmt, const char* fv, const char* when,
                            char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    return recoup::pv(number(rate, "rate"), number(nper, "nper"), number(pmt, "pmt"), number_or_zero(fv), timing(when));
  });
}

recoup_status recoup_tvm_fv(const char* rate, const char* nper, const char* pmt, const char* pv, const char* when,
                            char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    return recoup::fv(number(rate, "rate"), number(nper, "nper"), number(pmt, "pmt"), number(pv, "pv"), timing(when));
  });
}

recoup_status recoup_tvm_nper(const char* rate, const char* pmt, const char* pv, const char* fv, const char* when,
                              char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    return recoup::nper(number(rate, "rate"), number(pmt, "pmt"), number(pv, "pv"), number_or_zero(fv), timing(when));
  });
}

recoup_status recoup_tvm_rate(const char* nper, const char* pmt, const char* pv, const char* fv, const char* when,
                              char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    return recoup::rate(number(nper, "nper"), number(pmt, "pmt"), number(pv, "pv"), number_or_zero(fv), timing(when));
  });
}

recoup_status recoup_tvm_solve_rate(const char* currency, int64_t principal_minor, int64_t payment_minor, int64_t periods,
                                    int periods_per_year, int places, char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] {
    const recoup::currency c(require_text(currency, "currency"));
    return recoup::solve_rate(recoup::money::from_minor(principal_minor, c), recoup::money::from_minor(payment_minor, c),
                              periods, periods_per_year, places == 0 ? 12 : places);
  });
}

recoup_status recoup_tvm_solve_term(const char* currency, int64_t principal_minor, int64_t payment_minor,
                                    const char* annual_rate, int periods_per_year, int64_t* periods_out) {
  return entry([&] {
    int64_t& out = require(periods_out, "periods_out");
    const recoup::currency c(require_text(currency, "currency"));
    out = recoup::solve_term(recoup::money::from_minor(principal_minor, c), recoup::money::from_minor(payment_minor, c),
                             number(annual_rate, "annual_rate"), periods_per_year);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_cashflow_npv(const char* rate, size_t count, const char* const* values, char* buffer,
                                  size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required,
                        [&] { return recoup::npv(number(rate, "rate"), numbers(count, values)); });
}

recoup_status recoup_cashflow_irr(size_t count, const char* const* values, char* buffer, size_t buffer_size,
                                  size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] { return recoup::irr(numbers(count, values)); });
}

recoup_status recoup_cashflow_xnpv(const char* rate, size_t count, const char* const* dates, const char* const* values,
                                   char* buffer, size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required,
                        [&] { return recoup::xnpv(number(rate, "rate"), dated_values(count, dates, values)); });
}

recoup_status recoup_cashflow_xirr(size_t count, const char* const* dates, const char* const* values, char* buffer,
                                   size_t buffer_size, size_t* required) {
  return decimal_result(buffer, buffer_size, required, [&] { return recoup::xirr(dated_values(count, dates, values)); });
}

}  // extern "C"
