// Statutory late-payment interest and compensation, judgment interest, reference rates and the
// SCRA ceiling, from the rule book. Interest itself is recoup::accrue (exact daily simple
// interest, ACT/365F, one named rounding); this file only chooses the rates and the dates.
#include "recoup/rules/statutory_interest.hpp"

#include <string>
#include <utility>
#include <vector>

namespace recoup::rules {

namespace {

decimal hundredth() { return decimal::from_parts(1, 2); }
std::string pct_text(const decimal& d) { return d.normalized().to_string() + "%"; }

/// The entry of `id` for `jurisdiction` or, failing that, its parent ("GB-EAW" -> "GB",
/// "DE" -> "EU"), in force on `on`. A jurisdiction with no such rule anywhere in the chain throws
/// "interest.jurisdiction"; one whose rule is not in force throws the book's "rules.not_in_force".
const rule_entry& in_chain(const rule_book& book, std::string_view jurisdiction, std::string_view id, civil_date on,
                           const char* what) {
  if (!is_jurisdiction_code(jurisdiction))
    throw unknown_jurisdiction_error("interest.jurisdiction",
                                     "'" + std::string(jurisdiction) + "' is not a jurisdiction code (\"GB\", \"GB-EAW\", "
                                                                       "\"EU\", an EU member state such as \"IE\", \"US\")");
  std::string_view j = jurisdiction;
  while (!j.empty()) {
    if (const rule_entry* e = book.find(j, id, on)) return *e;
    if (!book.versions(j, id).empty()) return book.at(j, id, on);  // throws rules.not_in_force with the ranges
    j = parent_jurisdiction(j);
  }
  throw unknown_jurisdiction_error("interest.jurisdiction", "the rule book has no " + std::string(what) + " (" +
                                                                std::string(id) + ") for " + std::string(jurisdiction) +
                                                                " or its parent jurisdiction");
}

void require_non_negative(const money& m, const char* what) {
  if (m.is_negative())
    throw invalid_input_error("interest.negative_amount", std::string(what) + " " + m.to_string() + " is negative");
}

void require_dates(civil_date from, civil_date to, const char* from_what, const char* to_what) {
  if (to < from)
    throw invalid_input_error("interest.dates", std::string(to_what) + " " + to.to_string() + " is before " + from_what +
                                                    " " + from.to_string());
}

void require_365(const rule_entry& e) {
  if (e.param_integer("days_in_year", 365) != 365)
    throw rule_pack_error("interest.rule", e.version() + " (" + e.origin +
                                               "): days_in_year other than 365 is not supported by this check");
}

/// The 30 June or 31 December immediately before `start` (UK Late Payment Act reference date).
civil_date preceding_half_year_end(civil_date start) {
  if (start.month() <= 6) return civil_date::from_ymd(start.year() - 1, 12, 31);
  return civil_date::from_ymd(start.year(), 6, 30);
}

/// 1 January or 1 July of the half-year containing `d`.
civil_date half_year_start(civil_date d) { return civil_date::from_ymd(d.year(), d.month() <= 6 ? 1 : 7, 1); }

std::string describe_accrual(const money& principal, const accrual_result& r) {
  std::string s;
  for (const auto& seg : r.segments) {
    if (!s.empty()) s += "; ";
    s += principal.to_string() + " x " + pct_text(seg.rate * decimal(100)) + " x " +
         std::to_string(seg.to.serial() - seg.from.serial()) + "/365 (" + seg.from.to_string() + " to " +
         seg.to.add_days(-1).to_string() + ")";
  }
  return s;
}

}  // namespace

compensation_verdict late_payment_compensation(const money& debt, civil_date as_of, std::string_view jurisdiction,
                                               const rule_book& book) {
  const rule_entry& e = in_chain(book, jurisdiction, "late_payment.compensation", as_of, "late-payment compensation");
  require_non_negative(debt, "the debt");
  money amount = e.amount();
  if (!(debt.currency() == amount.currency()))
    throw currency_mismatch_error("interest.currency", "the debt " + debt.to_string() + " is not in " +
                                                           std::string(amount.currency().code()) + ", the currency of " +
                                                           e.citation + " (" + e.jurisdiction + ")");
  compensation_verdict v;
  v.use(e);
  std::string band = "under " + money(e.param_number("threshold_1", decimal(0)), amount.currency()).to_string();
  bool banded = false;
  for (int n = 1;; ++n) {
    const std::string tk = "threshold_" + std::to_string(n), ak = "amount_" + std::to_string(n);
    if (e.param(tk) == nullptr) break;
    banded = true;
    const money threshold(e.param_number(tk, decimal(0)), amount.currency());
    if (debt >= threshold) {
      amount = money(e.param_number(ak, decimal(0)), amount.currency());
      band = threshold.to_string() + " or more";
      const std::string next = "threshold_" + std::to_string(n + 1);
      if (e.param(next) != nullptr)
        band += " but under " + money(e.param_number(next, decimal(0)), amount.currency()).to_string();
    }
  }
  v.amount = amount;
  v.debt = debt;
  v.jurisdiction = std::string(jurisdiction);
  if (banded)
    v.step("A late debt of " + debt.to_string() + " falls in the band " + band + ": the fixed sum is " + amount.to_string() +
           " (" + e.citation + ").");
  else
    v.step("The fixed sum for each late payment is " + amount.to_string() + " (" + e.citation + ").");
  v.step("It is owed once statutory interest starts to run, in addition to the interest; reasonable recovery costs above "
         "it are not included.");
  return v;
}

statutory_interest_verdict late_payment_interest(const money& debt, civil_date due_date, civil_date paid_on,
                                                 rounding_mode rounding, std::string_view jurisdiction,
                                                 const rule_book& book) {
  require_non_negative(debt, "the debt");
  require_dates(due_date, paid_on, "the due date", "the payment date");
  const civil_date start = due_date.add_days(1);
  const rule_entry& margin_rule = in_chain(book, jurisdiction, "late_payment.margin", start, "statutory late-payment interest");
  require_365(margin_rule);
  const decimal margin = margin_rule.number();
  const std::string ref_id = margin_rule.param_text("reference_rate", "");
  const std::string ref_j = margin_rule.param_text("reference_jurisdiction", margin_rule.jurisdiction);
  const std::string fixing = margin_rule.param_text("fixing", "preceding_half_year_end");
  if (ref_id.empty()) throw rule_pack_error("interest.rule", margin_rule.version() + ": no reference_rate parameter");
  if (fixing != "preceding_half_year_end" && fixing != "half_year_start")
    throw rule_pack_error("interest.rule", margin_rule.version() + ": fixing '" + fixing +
                                               "' is not preceding_half_year_end or half_year_start");

  statutory_interest_verdict v;
  v.use(margin_rule);
  accrual_terms terms{.rates = {}, .day_count = day_count_convention::act_365_fixed, .freezes = {}, .ceilings = {},
                      .posting_rounding = rounding};
  const civil_date end = paid_on.add_days(1);  // accrue over [start, end): the days after due, to payment inclusive
  if (fixing == "preceding_half_year_end") {
    const civil_date ref_date = preceding_half_year_end(start);
    const rule_entry& ref = book.at(ref_j, ref_id, ref_date);
    v.use(ref);
    const decimal annual = ref.number() + margin;
    terms.rates.push_back({start, annual * hundredth()});
    v.reference_rate = ref.number();
    v.reference_date = ref_date;
    v.annual_rate = annual;
    v.step("Statutory interest starts on " + start.to_string() + ", the day after the due date " + due_date.to_string() +
           "; the reference rate is the one in force on " + ref_date.to_string() + " (the " +
           (ref_date.month() == 6 ? "30 June" : "31 December") + " immediately before): " + pct_text(ref.number()) +
           ", plus " + pct_text(margin) + " points = " + pct_text(annual) + " a year, fixed for this debt.");
  } else {
    civil_date h = half_year_start(start);
    bool first = true;
    while (h < end) {
      const rule_entry& ref = book.at(ref_j, ref_id, h);
      v.use(ref);
      const decimal annual = ref.number() + margin;
      terms.rates.push_back({first ? start : h, annual * hundredth()});
      v.step(std::string(first ? "Statutory interest starts on " + start.to_string() + ", the day after the due date " +
                                     due_date.to_string() + ". "
                               : "") +
             "For the half-year from " + h.to_string() + " the reference rate is the one in force on that day, " +
             pct_text(ref.number()) + ", plus " + pct_text(margin) + " points = " + pct_text(annual) + " a year.");
      if (first) {
        v.reference_rate = ref.number();
        v.reference_date = h;
        v.annual_rate = annual;
      }
      first = false;
      h = h.add_months(6);
    }
    if (first) {  // paid on the due date: no day of interest; still report the rate
      const rule_entry& ref = book.at(ref_j, ref_id, half_year_start(start));
      v.use(ref);
      v.annual_rate = ref.number() + margin;
      v.reference_rate = ref.number();
      v.reference_date = half_year_start(start);
      terms.rates.push_back({start, v.annual_rate * hundredth()});
    }
  }
  const accrual_result r = accrue(debt, start, end < start ? start : end, terms);
  v.amount = r.interest;
  v.principal = debt;
  v.from = due_date;
  v.to = paid_on;
  v.days = paid_on.serial() - due_date.serial();
  v.jurisdiction = std::string(jurisdiction);
  v.exact = r.exact;
  v.rounding = rounding;
  v.segments = r.segments;
  v.step("Daily simple interest for " + std::to_string(v.days) + " day(s) on 365: " +
         (r.segments.empty() ? std::string("no day of interest") : describe_accrual(debt, r)) + " = " +
         r.interest.to_string() + " (exact " + r.exact + " " + std::string(debt.currency().code()) + ", rounded once, " +
         std::string(to_string(rounding)) + ").");
  return v;
}

statutory_interest_verdict judgment_interest(const money& amount, civil_date entered_on, civil_date paid_on,
                                             rounding_mode rounding, std::string_view jurisdiction,
                                             const std::optional<decimal>& rate_percent, const rule_book& book) {
  require_non_negative(amount, "the judgment debt");
  require_dates(entered_on, paid_on, "the date of judgment", "the payment date");
  statutory_interest_verdict v;
  v.principal = amount;
  v.from = entered_on;
  v.to = paid_on;
  v.days = paid_on.serial() - entered_on.serial();
  v.jurisdiction = std::string(jurisdiction);
  v.rounding = rounding;
  const accrual_terms base{.rates = {}, .day_count = day_count_convention::act_365_fixed, .freezes = {}, .ceilings = {},
                           .posting_rounding = rounding};

  if (jurisdiction == "US") {
    const rule_entry& method = book.at("US", "judgment_interest.method", entered_on);
    require_365(method);
    v.use(method);
    if (!rate_percent)
      throw invalid_input_error("interest.rate",
                                "28 U.S.C. 1961 interest needs rate_percent: the weekly average 1-year constant-maturity "
                                "Treasury yield (Federal Reserve H.15) for the calendar week before the date of judgment");
    if (rate_percent->is_negative())
      throw invalid_input_error("interest.rate", "rate " + rate_percent->to_string() + "% is negative");
    v.annual_rate = *rate_percent;
    v.step("28 U.S.C. 1961: " + pct_text(*rate_percent) + " a year (the caller's weekly 1-year CMT rate for the week "
           "before judgment), computed daily on 365 days from entry of judgment on " + entered_on.to_string() + " to payment on " +
           paid_on.to_string() + " (" + std::to_string(v.days) + " days), compounded annually.");
    money balance = amount;
    money total = money::zero(amount.currency());
    civil_date a = entered_on;
    for (int year = 1; a < paid_on; ++year) {
      civil_date b = civil_date::nth_month_from(entered_on, 12 * year, entered_on.day());
      const bool full = b <= paid_on;
      if (!full) b = paid_on;
      accrual_terms t = base;
      t.rates.push_back({a, *rate_percent * hundredth()});
      const accrual_result r = accrue(balance, a, b, t);
      for (const auto& s : r.segments) v.segments.push_back(s);
      total += r.interest;
      v.step("Year " + std::to_string(year) + ": " + describe_accrual(balance, r) + " = " + r.interest.to_string() +
             " (rounded " + std::string(to_string(rounding)) + ")" +
             (full ? "; added to the balance on the anniversary, " + b.to_string() + "." : "."));
      if (year == 1) v.exact = r.exact;
      if (full) balance += r.interest;
      a = b;
    }
    if (v.segments.size() > 1) v.exact.clear();
    v.amount = total;
    v.step("Interest to " + paid_on.to_string() + ": " + total.to_string() + ".");
    return v;
  }

  const rule_entry& e = in_chain(book, jurisdiction, "judgment_interest.rate", entered_on, "judgment interest rate");
  require_365(e);
  if (rate_percent)
    throw invalid_input_error("interest.rate", "the judgment rate for " + std::string(jurisdiction) + " is fixed by law (" +
                                                   e.citation + ", " + pct_text(e.number()) +
                                                   "): do not pass rate_percent");
  v.use(e);
  if (const rule_entry* t = book.find(e.jurisdiction, "judgment_interest.county_court_threshold", entered_on)) {
    v.use(*t);
    if (amount < t->amount())
      v.step("Note: a County Court judgment under " + t->amount().to_string() +
             " carries no statutory interest (" + t->citation + "); High Court judgments carry it at any amount.");
  }
  accrual_terms t = base;
  t.rates.push_back({entered_on, e.number() * hundredth()});
  const accrual_result r = accrue(amount, entered_on, paid_on, t);
  v.amount = r.interest;
  v.annual_rate = e.number();
  v.exact = r.exact;
  v.segments = r.segments;
  v.step("Judgment debt " + amount.to_string() + " carries simple interest at " + pct_text(e.number()) + " a year (" +
         e.citation + ") from " + entered_on.to_string() + " to " + paid_on.to_string() + ": " + std::to_string(v.days) +
         " day(s) on 365.");
  v.step("Interest: " + (r.segments.empty() ? std::string("no day of interest") : describe_accrual(amount, r)) + " = " +
         r.interest.to_string() + " (exact " + r.exact + " " + std::string(amount.currency().code()) + ", rounded once, " +
         std::string(to_string(rounding)) + ").");
  return v;
}

reference_rate_verdict reference_rate(std::string_view name, civil_date on, const rule_book& book) {
  std::string id(name);
  if (id.rfind("reference_rate.", 0) != 0) id = "reference_rate." + id;
  std::string jurisdiction;
  std::vector<std::string> known;
  for (const auto& e : book.entries()) {
    if (e.id.rfind("reference_rate.", 0) != 0) continue;
    if (e.id == id && jurisdiction.empty()) jurisdiction = e.jurisdiction;
    const std::string short_name = e.id.substr(15);
    if (known.empty() || known.back() != short_name) {
      bool seen = false;
      for (const auto& k : known) seen = seen || k == short_name;
      if (!seen) known.push_back(short_name);
    }
  }
  if (jurisdiction.empty()) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw unknown_jurisdiction_error("reference_rate.unknown", "no reference rate '" + std::string(name) +
                                                                   "' in the rule book; known: " +
                                                                   (list.empty() ? std::string("none") : list));
  }
  const rule_entry& e = book.at(jurisdiction, id, on);
  reference_rate_verdict v;
  v.use(e);
  v.rate = e.number();
  v.name = id;
  v.on = on;
  v.effective_from = e.effective_from;
  v.step(e.citation + " on " + on.to_string() + ": " + pct_text(v.rate) + " (in force from " +
         e.effective_from.to_string() + ").");
  return v;
}

rate_ceiling scra_ceiling(civil_date service_from, civil_date service_until, const rule_book& book) {
  const rule_entry& e = book.at("US", "scra.interest_cap", service_from);
  return rate_ceiling{.from = service_from,
                      .until = service_until,
                      .max_rate = e.number() * hundredth(),
                      .reason = "SCRA " + e.citation + ": " + pct_text(e.number()) + " during military service"};
}

}  // namespace recoup::rules
