// The C ABI for wage garnishment limits (recoup::rules::garnishment_limit and its batch form):
// the CCPA limit of 15 U.S.C. 1673 and the state limits, the smaller binding.
#include "c_entry.hpp"

using namespace recoup::c_abi;

namespace {

const recoup::currency& usd() {
  static const recoup::currency c("USD");
  return c;
}

recoup::rules::garnishment_options options_of(const recoup_garnishment_options* p) {
  recoup::rules::garnishment_options o;
  if (p == nullptr) return o;
  check_struct_size(p->struct_size, RECOUP_C_FIELD_END(recoup_garnishment_options, wage_region),
                    "recoup_garnishment_options");
  o.head_of_family = p->head_of_family != 0;
  o.written_consent = p->written_consent != 0;
  if (p->local_minimum_hourly_minor != RECOUP_NO_AMOUNT)
    o.local_minimum_hourly = recoup::money::from_minor(p->local_minimum_hourly_minor, usd());
  if (p->wage_region != nullptr) o.wage_region = p->wage_region;
  return o;
}

int64_t minor_or_none(const std::optional<recoup::money>& m) { return m ? m->minor_units() : RECOUP_NO_AMOUNT; }

}  // namespace

extern "C" {

void recoup_garnishment_options_init(recoup_garnishment_options* options) {
  if (options == nullptr) return;
  *options = recoup_garnishment_options{};
  options->struct_size = sizeof(recoup_garnishment_options);
  options->local_minimum_hourly_minor = RECOUP_NO_AMOUNT;
}

recoup_status recoup_garnishment_limit(const char* jurisdiction, int64_t disposable_minor, int64_t gross_minor,
                                       const char* pay_period, const char* as_of,
                                       const recoup_garnishment_options* options, const recoup_rulebook* book,
                                       recoup_garnishment_result* out, recoup_verdict** verdict_out) {
  return entry([&] {
    namespace r = recoup::rules;
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_garnishment_result, state_floor_minor),
                      "recoup_garnishment_result");
    std::optional<recoup::money> gross;
    if (gross_minor != RECOUP_NO_AMOUNT) gross = recoup::money::from_minor(gross_minor, usd());
    const auto v = r::garnishment_limit(require_text(jurisdiction, "jurisdiction"),
                                        recoup::money::from_minor(disposable_minor, usd()),
                                        r::parse_pay_period(require_text(pay_period, "pay_period")),
                                        recoup::civil_date::parse(require_text(as_of, "as_of")), gross,
                                        options_of(options), book_or_default(book));
    o.amount_minor = v.amount.minor_units();
    o.federal_minor = v.federal_amount.minor_units();
    o.state_minor = minor_or_none(v.state_amount);
    o.binding = v.binding == "state" ? RECOUP_BINDING_STATE : v.binding == "both" ? RECOUP_BINDING_BOTH : RECOUP_BINDING_FEDERAL;
    o.federal_floor_minor = v.federal_floor.minor_units();
    o.state_floor_minor = minor_or_none(v.state_floor);
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_garnishment_batch(size_t count, const char* const* jurisdictions, const char* default_jurisdiction,
                                       const int64_t* disposable_minor, const int64_t* gross_minor,
                                       const char* pay_period, const char* as_of,
                                       const recoup_garnishment_options* options, const recoup_rulebook* book,
                                       int64_t* out, int64_t* federal_out, int64_t* state_out) {
  return entry([&] {
    namespace r = recoup::rules;
    std::vector<std::string> codes;
    if (jurisdictions != nullptr) {
      codes.reserve(count);
      for (std::size_t i = 0; i < count; ++i) codes.emplace_back(require_text(jurisdictions[i], "jurisdictions[i]"));
    }
    static_assert(RECOUP_NO_AMOUNT == r::no_gross);
    std::vector<std::int64_t> state(state_out == nullptr ? 0 : count);
    r::garnishment_limits({.disposable_minor = require_array(disposable_minor, count, "disposable_minor"),
                           .jurisdictions = codes,
                           .gross_minor = optional_array(gross_minor, count)},
                          default_jurisdiction == nullptr ? "US" : default_jurisdiction,
                          r::parse_pay_period(require_text(pay_period, "pay_period")),
                          recoup::civil_date::parse(require_text(as_of, "as_of")), require_array(out, count, "out"),
                          nullptr, options_of(options), book_or_default(book), optional_array(federal_out, count),
                          state);
    if (state_out != nullptr)
      for (std::size_t i = 0; i < count; ++i) state_out[i] = state[i] < 0 ? RECOUP_NO_AMOUNT : state[i];
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
