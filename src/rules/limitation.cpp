// Limitation periods: one kernel (compiled rule version + dates -> expiry and status) shared by
// the scalar verdict, which adds the explanation, and the columnar limitation_table.
#include "recoup/rules/limitation.hpp"

#include <algorithm>
#include <array>


namespace recoup::rules {

namespace {

constexpr std::array<std::string_view, debt_type_count> debt_type_names{
    "written_contract", "oral_contract", "promissory_note", "open_account", "specialty", "judgment"};
constexpr std::array<std::string_view, 3> status_names{"running", "expired", "unknown"};

enum class start_event : std::uint8_t { defaulted, charge_off, last_payment, last_activity };
enum class revival : std::uint8_t { none, acknowledgment, payment_or_acknowledgment };

std::string rule_id_of(debt_type t) { return "limitation." + std::string(debt_type_names[static_cast<int>(t)]); }

}  // namespace


namespace {

using version = limitation_table::version;

std::int32_t months_of(const rule_entry& e, std::int64_t n) {
  if (n < 0 || n > 1200)
    throw rule_pack_error("rules.pack", e.origin + ": " + e.jurisdiction + " " + e.id + ": a period of " +
                                            std::to_string(n) + " " + std::string(to_string(e.unit)) +
                                            " is outside 0..100 years");
  if (e.unit == rule_unit::years) return static_cast<std::int32_t>(n * 12);
  if (e.unit == rule_unit::months) return static_cast<std::int32_t>(n);
  throw rule_pack_error("rules.pack", e.origin + ": " + e.jurisdiction + " " + e.id +
                                          ": a limitation period needs unit \"years\" or \"months\", not \"" +
                                          std::string(to_string(e.unit)) + "\"");
}

version compile(const rule_entry& e) {
  version v;
  const auto [first, last] = e.serial_window();
  v.from = first;
  v.to = last;
  v.months = months_of(e, e.integer());
  if (e.param("alternative_value") != nullptr) v.alternative_months = months_of(e, e.param_integer("alternative_value", 0));
  const std::string start = e.param_text("start_event", "default");
  if (start == "default") v.start = static_cast<std::uint8_t>(start_event::defaulted);
  else if (start == "charge_off") v.start = static_cast<std::uint8_t>(start_event::charge_off);
  else if (start == "last_payment") v.start = static_cast<std::uint8_t>(start_event::last_payment);
  else if (start == "last_activity") v.start = static_cast<std::uint8_t>(start_event::last_activity);
  else
    throw rule_pack_error("rules.pack", e.origin + ", key 'start_event': '" + start +
                                            "' is not one of default, charge_off, last_payment, last_activity");
  const std::string rev = e.param_text("revival_after_expiry", "none");
  if (rev == "none") v.revive = static_cast<std::uint8_t>(revival::none);
  else if (rev == "acknowledgment") v.revive = static_cast<std::uint8_t>(revival::acknowledgment);
  else if (rev == "payment_or_acknowledgment") v.revive = static_cast<std::uint8_t>(revival::payment_or_acknowledgment);
  else
    throw rule_pack_error("rules.pack", e.origin + ", key 'revival_after_expiry': '" + rev +
                                            "' is not one of none, acknowledgment, payment_or_acknowledgment");
  v.restart_by_payment = e.param_flag("restart_by_payment", false);
  v.restart_by_acknowledgment = e.param_flag("restart_by_acknowledgment", false);
  v.extinguishes = e.param_flag("extinguishes", false);
  return v;
}

/// civil_date::add_months on day serials (the day of month kept, clamped to the month's end),
/// with one conversion each way: the columnar kernel's hot path.
std::int32_t add_months(std::int32_t serial, std::int32_t months) {
  const date::year_month_day ymd{date::sys_days{date::days{serial}}};
  const int total = static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1 + months;
  const int y = total / 12;  // total > 0: serials are within 0001..9999 and periods are positive
  const unsigned m = static_cast<unsigned>(total - y * 12) + 1;
  if (y > 9999) return civil_date::from_serial(serial).add_months(months).serial();  // throws date.out_of_range
  static constexpr std::array<unsigned, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const unsigned dim = m == 2 && leap ? 29U : month_days[m - 1];
  const unsigned d = std::min(static_cast<unsigned>(ymd.day()), dim);
  return date::sys_days{date::year_month_day{date::year{y}, date::month{m}, date::day{d}}}.time_since_epoch().count();
}

struct kernel_in {
  std::int32_t defaulted = no_date;
  std::int32_t payment = no_date;
  std::int32_t acknowledgment = no_date;
  std::int32_t charge_off = no_date;
  std::int32_t as_of = 0;
  bool debt_buyer = false;
  bool debt_buyer_may_revive = true;
};

struct kernel_out {
  limitation_status status = limitation_status::unknown;
  std::int32_t start = no_date;
  std::int32_t expires = no_date;
  std::int32_t alternative_expires = no_date;
  std::uint8_t flags = 0;
};

/// The limitation kernel: the same arithmetic for the scalar verdict and the columns.
kernel_out run(const version& v, kernel_in in) {
  kernel_out out;
  // Events after the as-of date have not happened yet.
  auto known = [&](std::int32_t d) { return d != no_date && d <= in.as_of ? d : no_date; };
  const std::int32_t payment = known(in.payment);
  const std::int32_t ack = known(in.acknowledgment);
  std::int32_t base = no_date;
  switch (static_cast<start_event>(v.start)) {
    case start_event::defaulted: base = in.defaulted; break;
    case start_event::charge_off: base = in.charge_off; break;
    case start_event::last_payment: base = payment; break;
    case start_event::last_activity: base = std::max({in.defaulted, payment, ack}); break;
  }
  if (base == no_date) {
    if (payment == no_date) return out;  // nothing to start from: unknown, never a guess
    base = payment;                      // the default came after the last payment
    out.flags |= limitation_lower_bound;
  }
  std::int32_t expires = add_months(base, v.months);
  // Later events in date order: restart while running, revive after expiry where allowed.
  std::array<std::pair<std::int32_t, bool>, 2> events{{{payment, true}, {ack, false}}};  // (date, is_payment)
  if (events[1].first < events[0].first) std::swap(events[0], events[1]);
  bool dead = false;
  for (const auto& [when, is_payment] : events) {
    if (when == no_date || when <= base) continue;
    if (when <= expires && !dead) {
      if ((is_payment && v.restart_by_payment) || (!is_payment && v.restart_by_acknowledgment)) {
        base = when;
        expires = add_months(base, v.months);
        out.flags |= limitation_restarted;
      }
    } else {
      const bool allowed = (static_cast<revival>(v.revive) == revival::payment_or_acknowledgment ||
                            (static_cast<revival>(v.revive) == revival::acknowledgment && !is_payment)) &&
                           !(in.debt_buyer && !in.debt_buyer_may_revive) && !v.extinguishes;
      if (allowed) {
        base = when;
        expires = add_months(base, v.months);
        out.flags |= limitation_revived;
        dead = false;
      } else {
        dead = true;
      }
    }
  }
  out.start = base;
  out.expires = expires;
  out.status = in.as_of <= expires ? limitation_status::running : limitation_status::expired;
  if (v.alternative_months != 0) {
    out.flags |= limitation_contested;
    out.alternative_expires = add_months(base, v.alternative_months);
  }
  if (out.status == limitation_status::expired) {
    if (v.extinguishes) out.flags |= limitation_extinguished;
    if (static_cast<revival>(v.revive) == revival::payment_or_acknowledgment && !v.extinguishes && !(in.debt_buyer && !in.debt_buyer_may_revive))
      out.flags |= limitation_payment_revives;
  } else if (v.restart_by_payment) {
    out.flags |= limitation_payment_restarts;
  }
  return out;
}

std::int32_t serial_or_none(const std::optional<civil_date>& d) { return d ? d->serial() : no_date; }


}  // namespace

std::string_view to_string(debt_type t) noexcept { return debt_type_names[static_cast<std::size_t>(t)]; }

debt_type debt_type_from_name(std::string_view name) {
  for (std::size_t i = 0; i < debt_type_names.size(); ++i)
    if (debt_type_names[i] == name) return static_cast<debt_type>(i);
  std::string list;
  for (auto n : debt_type_names) list += (list.empty() ? "" : ", ") + std::string(n);
  throw invalid_input_error("limitation.debt_type", "unknown debt type '" + std::string(name) + "' (expected one of " +
                                                        list + ")");
}

std::string_view to_string(limitation_status s) noexcept { return status_names[static_cast<std::size_t>(s)]; }

limitation_verdict limitation(std::string_view jurisdiction, debt_type type, const limitation_facts& facts,
                              civil_date as_of, const rule_book& book) {
  limitation_verdict v;
  v.jurisdiction = std::string(jurisdiction);
  v.type = type;
  v.as_of = as_of;
  const rule_entry& e = book.at(jurisdiction, rule_id_of(type), as_of);
  const version compiled = compile(e);
  v.use(e);
  v.period = v.rules.front().value;
  kernel_in in{.defaulted = serial_or_none(facts.defaulted_on),
               .payment = serial_or_none(facts.last_payment),
               .acknowledgment = serial_or_none(facts.last_acknowledgment),
               .charge_off = serial_or_none(facts.charged_off_on),
               .as_of = as_of.serial(),
               .debt_buyer = facts.debt_buyer,
               .debt_buyer_may_revive = true};
  if (facts.debt_buyer) {
    if (const rule_entry* b = book.find(jurisdiction, "limitation.revival_debt_buyer", as_of)) {
      in.debt_buyer_may_revive = b->flag();
      v.use(*b);
    }
  }
  const kernel_out k = run(compiled, in);
  v.status = k.status;
  const std::string what = std::string(jurisdiction) + " " + std::string(to_string(type));
  const bool judgment = type == debt_type::judgment;
  const std::string start = e.param_text("start_event", "default");
  v.step(what + ": the limitation period is " + v.period + ", running from " +
         (start == "default" ? std::string(judgment ? "the day the judgment was entered (defaulted_on)"
                                                    : "the default (the breach)")
                             : "the " + start) +
         ".");
  if (k.status == limitation_status::unknown) {
    v.step("Neither the date of default nor a payment date is known, so the start of the period is unknown: "
           "the status is unknown (no date is guessed). Supply defaulted_on or last_payment.");
    return v;
  }
  v.starts_on = civil_date::from_serial(k.start);
  v.expires_on = civil_date::from_serial(k.expires);
  v.start_is_lower_bound = (k.flags & limitation_lower_bound) != 0;
  v.restarted = (k.flags & limitation_restarted) != 0;
  v.revived = (k.flags & limitation_revived) != 0;
  v.extinguished = (k.flags & limitation_extinguished) != 0;
  v.contested = (k.flags & limitation_contested) != 0;
  v.payment_now_restarts = (k.flags & limitation_payment_restarts) != 0;
  v.payment_now_revives = (k.flags & limitation_payment_revives) != 0;
  if (v.contested) v.alternative_expires_on = civil_date::from_serial(k.alternative_expires);
  if (v.start_is_lower_bound)
    v.step("The date of default is not given; the last payment (" + v.starts_on->to_string() +
           ") stands in for it. The default came after that payment, so the true expiry is no earlier than "
           "the one below: safe for deciding whether to sue, not for telling the consumer the debt is time-barred.");
  if (v.restarted) v.step("A payment or written acknowledgment made while the period ran restarted it on " +
                          v.starts_on->to_string() + ".");
  if (v.revived) v.step("A payment or acknowledgment after expiry revived the debt on " + v.starts_on->to_string() +
                        ", as this jurisdiction allows.");
  v.step("The period runs from " + v.starts_on->to_string() + " and expires on " + v.expires_on->to_string() +
         " (the last day an action is in time); on " + as_of.to_string() + " it is " +
         std::string(to_string(v.status)) + ".");
  if (v.contested)
    v.step("The classification is contested: under the longer reading the debt would expire on " +
           v.alternative_expires_on->to_string() + ". Do not sue after " + v.expires_on->to_string() +
           " without legal advice.");
  if (v.extinguished) v.step("In this jurisdiction expiry extinguishes the debt itself: it may not be collected at all.");
  if (judgment && e.param_flag("renewable", false))
    v.step(v.status == limitation_status::running
               ? "The judgment may be renewed or revived before " + v.expires_on->to_string() +
                     " (how and for how long: the rule's note); a renewal is not modelled here."
               : "The judgment could have been renewed before " + v.expires_on->to_string() +
                     "; if it was, check the renewal's own period.");
  if (v.status == limitation_status::running)
    v.step(v.payment_now_restarts ? "A part payment now would start the period again."
                                  : "A part payment now would not restart the period.");
  else
    v.step(v.payment_now_revives ? "A payment now would revive the debt (a new period would start)."
                                 : "A payment now would not revive the debt.");
  return v;
}

limitation_table::limitation_table(const std::vector<std::string>& jurisdictions, const rule_book& book)
    : codes_(jurisdictions) {
  table_.resize(jurisdictions.size() * debt_type_names.size());
  for (std::size_t j = 0; j < jurisdictions.size(); ++j) {
    book.require_jurisdiction(jurisdictions[j]);
    bool any = false;
    for (std::size_t t = 0; t < debt_type_names.size(); ++t) {
      for (const rule_entry& e : book.versions(jurisdictions[j], rule_id_of(static_cast<debt_type>(t)))) {
        table_[j * debt_type_names.size() + t].push_back(compile(e));
        any = true;
      }
    }
    if (!any)
      throw unknown_jurisdiction_error("rules.unknown_rule", jurisdictions[j] + " has no limitation.* rules in the book");
    // Debt-buyer revival: folded into the versions' date ranges would multiply them; it is
    // rare, so it is kept as its own small list and looked up per row only for debt buyers.
  }
  debt_buyer_.resize(jurisdictions.size());
  for (std::size_t j = 0; j < jurisdictions.size(); ++j)
    for (const rule_entry& e : book.versions(jurisdictions[j], "limitation.revival_debt_buyer")) {
      const auto [first, last] = e.serial_window();
      debt_buyer_[j].push_back({first, last, e.flag()});
    }
}

void limitation_table::evaluate(const limitation_columns_in& in, const limitation_columns_out& out) const {
  const std::size_t n = in.jurisdiction.size();
  auto check = [&](bool ok, const char* what) {
    if (!ok)
      throw invalid_input_error("limitation.columns", std::string(what) + " (rows: " + std::to_string(n) + ")");
  };
  check(in.type.size() == n && in.defaulted_on.size() == n && in.last_payment.size() == n,
        "type, defaulted_on and last_payment must be as long as jurisdiction");
  check(in.last_acknowledgment.empty() || in.last_acknowledgment.size() == n, "last_acknowledgment: wrong length");
  check(in.charged_off_on.empty() || in.charged_off_on.size() == n, "charged_off_on: wrong length");
  check(in.debt_buyer.empty() || in.debt_buyer.size() == n, "debt_buyer: wrong length");
  check(in.as_of.size() == 1 || in.as_of.size() == n, "as_of must have one element or one per row");
  check(out.expires_on.size() == n && out.status.size() == n && out.flags.size() == n,
        "output columns must be as long as the input");
  const std::size_t types = debt_type_names.size();
  // One as-of date for every row (the usual case): resolve each (jurisdiction, type)'s version
  // and each jurisdiction's debt-buyer rule once, not per row.
  const bool one_day = in.as_of.size() == 1;
  std::vector<const version*> resolved;
  std::vector<std::uint8_t> buyer_may_revive;
  if (one_day) {
    const std::int32_t day = in.as_of[0];
    resolved.assign(table_.size(), nullptr);
    for (std::size_t c = 0; c < table_.size(); ++c)
      for (const version& v : table_[c])
        if (v.from <= day && day <= v.to) {
          resolved[c] = &v;
          break;
        }
    buyer_may_revive.assign(debt_buyer_.size(), 1);
    for (std::size_t j = 0; j < debt_buyer_.size(); ++j)
      for (const auto& b : debt_buyer_[j])
        if (b.from <= day && day <= b.to) buyer_may_revive[j] = b.may_revive ? 1 : 0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t j = in.jurisdiction[i];
    const std::size_t t = in.type[i];
    if (j >= codes_.size())
      throw invalid_input_error("limitation.columns", "row " + std::to_string(i) + ": jurisdiction index " +
                                                          std::to_string(j) + " is outside 0.." +
                                                          std::to_string(codes_.size() - 1));
    if (t >= types)
      throw invalid_input_error("limitation.columns", "row " + std::to_string(i) + ": debt type code " +
                                                          std::to_string(t) + " is outside 0..4");
    const std::int32_t as_of = one_day ? in.as_of[0] : in.as_of[i];
    const version* v = nullptr;
    if (one_day) {
      v = resolved[j * types + t];
    } else {
      for (const version& c : table_[j * types + t])
        if (c.from <= as_of && as_of <= c.to) {
          v = &c;
          break;
        }
    }
    if (v == nullptr) {
      out.expires_on[i] = no_date;
      out.status[i] = static_cast<std::uint8_t>(limitation_status::unknown);
      out.flags[i] = limitation_no_rule;
      continue;
    }
    kernel_in k{.defaulted = in.defaulted_on[i],
                .payment = in.last_payment[i],
                .acknowledgment = in.last_acknowledgment.empty() ? no_date : in.last_acknowledgment[i],
                .charge_off = in.charged_off_on.empty() ? no_date : in.charged_off_on[i],
                .as_of = as_of,
                .debt_buyer = !in.debt_buyer.empty() && in.debt_buyer[i] != 0,
                .debt_buyer_may_revive = true};
    if (k.debt_buyer) {
      if (one_day) {
        k.debt_buyer_may_revive = buyer_may_revive[j] != 0;
      } else {
        for (const auto& b : debt_buyer_[j])
          if (b.from <= as_of && as_of <= b.to) k.debt_buyer_may_revive = b.may_revive;
      }
    }
    const kernel_out r = run(*v, k);
    out.expires_on[i] = r.expires;
    out.status[i] = static_cast<std::uint8_t>(r.status);
    out.flags[i] = r.flags;
  }
}

}  // namespace recoup::rules
