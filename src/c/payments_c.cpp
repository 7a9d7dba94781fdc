// The C ABI for payments: a ledger of charges and payments, the waterfall over it
// (recoup::apply_payments) and the exact replay without a returned payment (reverse_payment).
#include <algorithm>
#include <memory>

#include "c_entry.hpp"

struct recoup_ledger {
  recoup::currency currency;
  std::vector<recoup::charge> charges;
  std::vector<recoup::ledger_payment> payments;
};

struct recoup_waterfall {
  recoup::waterfall_result value;
  std::vector<recoup::charge> charges;
  std::vector<std::string> payment_ids;  // ledger order
};

using namespace recoup::c_abi;

static_assert(RECOUP_BUCKET_COSTS == static_cast<int>(recoup::charge_bucket::costs));
static_assert(RECOUP_BUCKET_FEES == static_cast<int>(recoup::charge_bucket::fees));
static_assert(RECOUP_BUCKET_PENALTIES == static_cast<int>(recoup::charge_bucket::penalties));
static_assert(RECOUP_BUCKET_INTEREST == static_cast<int>(recoup::charge_bucket::interest));
static_assert(RECOUP_BUCKET_PRINCIPAL == static_cast<int>(recoup::charge_bucket::principal));

namespace {

recoup::waterfall_policy policy_of(const recoup_waterfall_policy* p) {
  if (p == nullptr) return {};
  check_struct_size(p->struct_size, RECOUP_C_FIELD_END(recoup_waterfall_policy, overpayment), "recoup_waterfall_policy");
  auto policy = recoup::waterfall_policy::preset(p->preset == nullptr ? "standard" : p->preset);
  if (p->order != nullptr) {
    policy.order.clear();
    for (const auto& b : split_words(p->order)) policy.order.push_back(recoup::parse_charge_bucket(b));
  }
  if (p->scope != nullptr) policy.scope = recoup::parse_waterfall_scope(p->scope);
  if (p->overpayment != nullptr) policy.overpayment = recoup::parse_overpayment_policy(p->overpayment);
  return policy;
}

recoup_waterfall* wrap(recoup::waterfall_result r, const recoup_ledger& ledger) {
  auto w = std::make_unique<recoup_waterfall>(recoup_waterfall{std::move(r), ledger.charges, {}});
  for (const auto& p : ledger.payments) w->payment_ids.push_back(p.id);
  return w.release();
}

}  // namespace

extern "C" {

recoup_status recoup_ledger_new(const char* currency, recoup_ledger** out) {
  return entry([&] {
    require(out, "out");
    *out = new recoup_ledger{recoup::currency(require_text(currency, "currency")), {}, {}};
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_ledger_add_charge(recoup_ledger* ledger, const char* due, const char* bucket, int64_t amount_minor,
                                       int64_t instalment) {
  return entry([&] {
    auto& l = require(ledger, "ledger");
    l.charges.push_back(recoup::charge{.due = recoup::civil_date::parse(require_text(due, "due")),
                                       .bucket = recoup::parse_charge_bucket(require_text(bucket, "bucket")),
                                       .amount = recoup::money::from_minor(amount_minor, l.currency),
                                       .instalment = instalment});
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_ledger_add_schedule(recoup_ledger* ledger, const recoup_schedule* schedule) {
  return entry([&] {
    auto& l = require(ledger, "ledger");
    const auto& plan = require(schedule, "schedule").value;
    const recoup::currency c = plan.terms().principal.currency();
    if (c != l.currency)
      throw recoup::currency_mismatch_error("waterfall.currency", "the schedule is in " + std::string(c.code()) +
                                                                      ", the ledger in " + std::string(l.currency.code()));
    const auto charges = recoup::charges_from_schedule(plan);
    l.charges.insert(l.charges.end(), charges.begin(), charges.end());
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_ledger_add_payment(recoup_ledger* ledger, const char* id, const char* date, int64_t amount_minor) {
  return entry([&] {
    auto& l = require(ledger, "ledger");
    l.payments.push_back(recoup::ledger_payment{.id = require_text(id, "id"),
                                                .date = recoup::civil_date::parse(require_text(date, "date")),
                                                .amount = recoup::money::from_minor(amount_minor, l.currency)});
    return RECOUP_STATUS_OK;
  });
}

void recoup_ledger_free(recoup_ledger* ledger) { delete ledger; }

void recoup_waterfall_policy_init(recoup_waterfall_policy* policy) {
  if (policy == nullptr) return;
  *policy = recoup_waterfall_policy{};
  policy->struct_size = sizeof(recoup_waterfall_policy);
}

recoup_status recoup_payments_apply(const recoup_ledger* ledger, const recoup_waterfall_policy* policy,
                                    recoup_waterfall** out) {
  return entry([&] {
    require(out, "out");
    const auto& l = require(ledger, "ledger");
    *out = wrap(recoup::apply_payments(l.charges, l.payments, policy_of(policy)), l);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_payments_reverse(const recoup_ledger* ledger, const char* payment_id,
                                      const recoup_waterfall_policy* policy, recoup_waterfall** out) {
  return entry([&] {
    require(out, "out");
    const auto& l = require(ledger, "ledger");
    *out = wrap(recoup::reverse_payment(l.charges, l.payments, require_text(payment_id, "payment_id"), policy_of(policy)),
                l);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_waterfall_totals_get(const recoup_waterfall* waterfall, recoup_waterfall_totals* out) {
  return entry([&] {
    const auto& w = require(waterfall, "waterfall");
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_waterfall_totals, outstanding_by_bucket_minor),
                      "recoup_waterfall_totals");
    o.applied_minor = w.value.total_applied.minor_units();
    o.outstanding_minor = w.value.total_outstanding.minor_units();
    o.credit_minor = w.value.credit.minor_units();
    o.allocation_count = w.value.allocations.size();
    o.charge_count = w.charges.size();
    for (int b = 0; b < 5; ++b)
      o.outstanding_by_bucket_minor[b] =
          w.value.outstanding_in(static_cast<recoup::charge_bucket>(b), w.charges).minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_waterfall_allocation(const recoup_waterfall* waterfall, size_t index, recoup_allocation* out) {
  return entry([&] {
    const auto& w = require(waterfall, "waterfall");
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_allocation, amount_minor), "recoup_allocation");
    const auto& list = w.value.allocations;
    if (index >= list.size())
      throw recoup::invalid_input_error("c.index", "allocation " + std::to_string(index) + " is out of range (there are " +
                                                       std::to_string(list.size()) + ")");
    const auto& a = list[index];
    const auto at = std::find(w.payment_ids.begin(), w.payment_ids.end(), a.payment_id);
    o.payment_index = static_cast<std::size_t>(at - w.payment_ids.begin());
    copy_date(o.date, a.date);
    o.charge_index = a.charge_index;
    o.bucket = static_cast<int>(a.bucket);
    o.amount_minor = a.amount.minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_waterfall_outstanding(const recoup_waterfall* waterfall, int64_t* out, size_t count) {
  return entry([&] {
    const auto& w = require(waterfall, "waterfall");
    if (count != w.value.outstanding.size())
      throw recoup::invalid_input_error("c.count", "count is " + std::to_string(count) + "; the ledger has " +
                                                       std::to_string(w.value.outstanding.size()) + " charges");
    const auto o = require_array(out, count, "out");
    for (std::size_t i = 0; i < count; ++i) o[i] = w.value.outstanding[i].minor_units();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_waterfall_explain(const recoup_waterfall* waterfall, char* buffer, size_t buffer_size,
                                       size_t* required) {
  return entry([&] {
    const auto& w = require(waterfall, "waterfall");
    return write_text(w.value.explain(w.charges), buffer, buffer_size, required);
  });
}

void recoup_waterfall_free(recoup_waterfall* waterfall) { delete waterfall; }

}  // extern "C"
