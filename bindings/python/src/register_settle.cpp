// recoup._core: settlement offers, expected recovery and affordability (wrapped by recoup/settle.py).
// Conversion only: every decision is made by the C++ kernels in recoup/settle/.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "casters.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

money balance_of(py::handle value) {
  if (!py::isinstance<money>(value))
    throw_invalid_type("balance must be a recoup.Money (it carries the currency), e.g. Money('1000.00', 'USD')");
  return value.cast<money>();
}

std::optional<money> optional_money(py::handle value, currency c, const char* what) {
  if (value.is_none()) return std::nullopt;
  return to_money(value, c, what);
}

std::optional<civil_date> optional_date(py::handle value, const char* what) {
  if (value.is_none()) return std::nullopt;
  return to_civil_date(value, what);
}

frequency frequency_of(py::handle value) {
  if (py::isinstance<frequency>(value)) return value.cast<frequency>();
  return frequency::parse(value.cast<std::string>());
}

collection_costs costs_of(currency c, py::handle per_contact, py::handle setup, py::handle per_payment, py::handle legal,
                          py::handle commission) {
  return collection_costs{.per_contact = optional_money(per_contact, c, "per_contact"),
                          .setup_contacts = to_decimal(setup, "setup_contacts"),
                          .contacts_per_payment = to_decimal(per_payment, "contacts_per_payment"),
                          .legal = optional_money(legal, c, "legal"),
                          .commission = to_decimal(commission, "commission")};
}

std::vector<authority_band> bands_of(const py::iterable& bands, currency c) {
  std::vector<authority_band> out;
  for (py::handle b : bands) {
    authority_band band{.level = b.attr("level").cast<std::string>(),
                        .max_discount = to_decimal(b.attr("max_discount"), "max_discount")};
    band.max_balance = optional_money(b.attr("max_balance"), c, "max_balance");
    if (!b.attr("max_age_days").is_none()) band.max_age_days = b.attr("max_age_days").cast<std::int64_t>();
    if (!b.attr("max_payments").is_none()) band.max_payments = b.attr("max_payments").cast<std::int64_t>();
    out.push_back(std::move(band));
  }
  return out;
}

std::vector<decimal> decimals_of(const py::iterable& values, const char* what) {
  std::vector<decimal> out;
  std::size_t i = 0;
  for (py::handle v : values) {
    const std::string label = std::string(what) + " " + std::to_string(i++);
    out.push_back(to_decimal(v, label.c_str()));
  }
  return out;
}

py::list payments_of(const settlement_offer& o) {
  py::list out;
  for (const auto& p : o.payments) {
    py::object d = p.due_date ? from_civil_date(*p.due_date) : py::none();
    out.append(py::make_tuple(p.period, p.amount, d));
  }
  return out;
}

}  // namespace

void register_settle(py::module_& m) {
  // --- offers ----------------------------------------------------------------------------------
  py::class_<settlement_offer>(m, "SettlementOffer", "A settlement offer (wrapped by recoup.settle.Offer).")
      .def_property_readonly("kind", [](const settlement_offer& o) { return std::string(to_string(o.kind)); })
      .def_readonly("balance", &settlement_offer::balance)
      .def_readonly("settled", &settlement_offer::settled)
      .def_property_readonly("forgiven", &settlement_offer::forgiven)
      .def_readonly("frequency", &settlement_offer::frequency_name)
      .def_property_readonly("payments", &payments_of, "(period, amount, due date or None) per payment")
      .def(
          "discount",
          [](const settlement_offer& o, int places, py::handle rounding) { return o.discount(places, to_rounding(rounding)); },
          py::arg("places"), py::arg("rounding"))
      .def_property_readonly(
          "reporting",
          [](const settlement_offer& o) -> py::object {
            if (!o.reporting) return py::none();
            py::dict d;
            d["reportable"] = o.reporting->reportable;
            d["rule_id"] = o.reporting->rule_id;
            d["citation"] = o.reporting->citation;
            d["reason"] = o.reporting->reason;
            return std::move(d);
          },
          "The rules layer's verdict on the forgiven amount (report_forgiveness), or None")
      .def("explain", &settlement_offer::explain);

  m.def(
      "_settle_lump_sum",
      [](py::handle balance, py::handle fraction, py::handle minimum, py::handle rounding) {
        const money b = balance_of(balance);
        return lump_sum_offer(b, to_decimal(fraction, "fraction"), optional_money(minimum, b.currency(), "minimum"),
                              to_rounding(rounding));
      },
      py::arg("balance"), py::arg("fraction"), py::arg("minimum"), py::arg("rounding"));
  m.def(
      "_settle_instalments",
      [](py::handle balance, py::handle fraction, std::int64_t payments, py::handle freq, py::handle first_due,
         py::handle rounding, const std::string& remainder) {
        const money b = balance_of(balance);
        return instalment_settlement_offer(b, to_decimal(fraction, "fraction"), payments, frequency_of(freq),
                                           optional_date(first_due, "first_due"), to_rounding(rounding),
                                           parse_remainder_policy(remainder));
      },
      py::arg("balance"), py::arg("fraction"), py::arg("payments"), py::arg("frequency"), py::arg("first_due"),
      py::arg("rounding"), py::arg("remainder"));
  m.def(
      "_settle_full_balance",
      [](py::handle balance, std::int64_t payments, py::handle freq, py::handle first_due, const std::string& remainder) {
        return full_balance_plan_offer(balance_of(balance), payments, frequency_of(freq),
                                       optional_date(first_due, "first_due"), parse_remainder_policy(remainder));
      },
      py::arg("balance"), py::arg("payments"), py::arg("frequency"), py::arg("first_due"), py::arg("remainder"));
  m.def(
      "_settle_from_schedule",
      [](py::handle balance, const schedule& s) { return offer_from_schedule(balance_of(balance), s); },
      py::arg("balance"), py::arg("schedule"));
  m.def(
      "_settle_forgiven",
      [](py::handle balance, py::handle settled) {
        const money b = balance_of(balance);
        return forgiven_amount(b, to_money(settled, b.currency(), "settled"));
      },
      py::arg("balance"), py::arg("settled"));

  // --- authority -------------------------------------------------------------------------------
  py::class_<authority_decision>(m, "AuthorityDecision", "Who may approve an offer, and why.")
      .def_readonly("approvable", &authority_decision::approvable)
      .def_property_readonly("level",
                             [](const authority_decision& d) -> std::optional<std::string> {
                               if (!d.approvable) return std::nullopt;
                               return d.level;
                             })
      .def_property_readonly("band_index",
                             [](const authority_decision& d) -> std::optional<std::size_t> {
                               if (!d.approvable) return std::nullopt;
                               return d.band_index;
                             })
      .def("explain", &authority_decision::explain);
  m.def(
      "_settle_approve",
      [](const settlement_offer& o, const py::iterable& bands, std::int64_t age) {
        return approve(o, age, bands_of(bands, o.balance.currency()));
      },
      py::arg("offer"), py::arg("bands"), py::arg("age_days"));
  m.def(
      "_settle_within_authority",
      [](const settlement_offer& o, const py::iterable& bands, const std::string& level, std::int64_t age) {
        return within_authority(o, age, bands_of(bands, o.balance.currency()), level);
      },
      py::arg("offer"), py::arg("bands"), py::arg("level"), py::arg("age_days"));

  // --- break models and valuation ---------------------------------------------------------------
  py::class_<break_model>(m, "BreakModel", "How a plan breaks: a constant hazard or a survival curve.")
      .def_property_readonly("is_curve", &break_model::is_curve)
      .def_property_readonly("hazard", &break_model::hazard)
      .def_property_readonly("curve", &break_model::curve)
      .def("describe", &break_model::describe);
  m.def(
      "_settle_hazard", [](py::handle h) { return break_model::constant_hazard(to_decimal(h, "hazard")); }, py::arg("hazard"));
  m.def(
      "_settle_curve", [](const py::iterable& s) { return break_model::survival_curve(decimals_of(s, "survival")); },
      py::arg("survival"));

  py::class_<offer_valuation>(m, "OfferValuation", "An offer's NPV and expected net recovery.")
      .def_readonly("offer", &offer_valuation::offer)
      .def_readonly("discount_rate", &offer_valuation::discount_rate)
      .def_readonly("model", &offer_valuation::model)
      .def_property_readonly("rounding", [](const offer_valuation& v) { return std::string(to_string(v.rounding)); })
      .def_readonly("npv", &offer_valuation::npv)
      .def_readonly("expected_gross", &offer_valuation::expected_gross)
      .def_readonly("commission", &offer_valuation::commission)
      .def_readonly("contact_costs", &offer_valuation::contact_costs)
      .def_readonly("legal", &offer_valuation::legal)
      .def_readonly("expected_net", &offer_valuation::expected_net)
      .def_readonly("expected_contacts", &offer_valuation::expected_contacts)
      .def_readonly("completion_probability", &offer_valuation::completion_probability)
      .def("explain", &offer_valuation::explain);

  m.def(
      "_settle_value",
      [](const settlement_offer& o, py::handle rate, const break_model& model, py::handle per_contact, py::handle setup,
         py::handle per_payment, py::handle legal, py::handle commission, py::handle rounding) {
        const auto c = costs_of(o.balance.currency(), per_contact, setup, per_payment, legal, commission);
        const decimal r = to_decimal(rate, "discount_rate");
        const rounding_mode mode = to_rounding(rounding);
        py::gil_scoped_release release;
        return value_offer(o, r, model, c, mode);
      },
      py::arg("offer"), py::arg("discount_rate"), py::arg("model"), py::arg("per_contact"), py::arg("setup_contacts"),
      py::arg("contacts_per_payment"), py::arg("legal"), py::arg("commission"), py::arg("rounding"));

  py::class_<break_even_result>(m, "BreakEvenResult", "The lump sum worth as much as a plan.")
      .def_readonly("plan", &break_even_result::plan)
      .def_readonly("fraction", &break_even_result::fraction)
      .def_readonly("discount", &break_even_result::discount)
      .def_readonly("lump_sum", &break_even_result::lump_sum)
      .def("explain", &break_even_result::explain);
  m.def(
      "_settle_break_even",
      [](const settlement_offer& o, py::handle rate, const break_model& model, py::handle per_contact, py::handle setup,
         py::handle per_payment, py::handle legal, py::handle commission, int places) {
        const auto c = costs_of(o.balance.currency(), per_contact, setup, per_payment, legal, commission);
        const decimal r = to_decimal(rate, "discount_rate");
        py::gil_scoped_release release;
        return break_even_discount(o, r, model, c, places);
      },
      py::arg("offer"), py::arg("discount_rate"), py::arg("model"), py::arg("per_contact"), py::arg("setup_contacts"),
      py::arg("contacts_per_payment"), py::arg("legal"), py::arg("commission"), py::arg("places"));

  py::class_<offer_candidate>(m, "OfferCandidate", "One offer the optimiser considered.")
      .def_readonly("valuation", &offer_candidate::valuation)
      .def_readonly("allowed", &offer_candidate::allowed)
      .def_readonly("reason", &offer_candidate::reason);
  py::class_<optimisation_result>(m, "OptimisationResult", "The best offer and every candidate considered.")
      .def_readonly("best", &optimisation_result::best)
      .def_readonly("candidates", &optimisation_result::candidates)
      .def("explain", &optimisation_result::explain);
  m.def(
      "_settle_optimise",
      [](py::handle balance, std::int64_t age, const py::iterable& bands, const std::string& authority,
         py::handle max_payment, py::handle max_lump_sum, py::handle minimum, std::int64_t max_payments, py::handle freq,
         py::handle first_due, py::handle rate, const break_model& model, py::handle per_contact, py::handle setup,
         py::handle per_payment, py::handle legal, py::handle commission, py::handle rounding) {
        const money b = balance_of(balance);
        const currency c = b.currency();
        offer_search s{.balance = b,
                       .account_age_days = age,
                       .bands = bands_of(bands, c),
                       .authority = authority,
                       .max_payment = to_money(max_payment, c, "max_payment"),
                       .max_lump_sum = optional_money(max_lump_sum, c, "max_lump_sum"),
                       .minimum_settlement = optional_money(minimum, c, "minimum_settlement"),
                       .max_payments = max_payments,
                       .freq = frequency_of(freq),
                       .first_due = optional_date(first_due, "first_due")};
        const auto costs = costs_of(c, per_contact, setup, per_payment, legal, commission);
        const decimal r = to_decimal(rate, "discount_rate");
        const rounding_mode mode = to_rounding(rounding);
        py::gil_scoped_release release;
        return optimise_offer(s, r, model, costs, mode);
      },
      py::arg("balance"), py::arg("age_days"), py::arg("bands"), py::arg("authority"), py::arg("max_payment"),
      py::arg("max_lump_sum"), py::arg("minimum_settlement"), py::arg("max_payments"), py::arg("frequency"),
      py::arg("first_due"), py::arg("discount_rate"), py::arg("model"), py::arg("per_contact"), py::arg("setup_contacts"),
      py::arg("contacts_per_payment"), py::arg("legal"), py::arg("commission"), py::arg("rounding"));

  py::class_<sensitivity_table>(m, "SensitivityTable", "Expected net recovery over discount rate × hazard.")
      .def_readonly("rates", &sensitivity_table::rates)
      .def_readonly("hazards", &sensitivity_table::hazards)
      .def_readonly("currency", &sensitivity_table::ccy)
      .def_property_readonly("minor_units",
                             [](const sensitivity_table& t) {
                               py::array_t<std::int64_t> a({static_cast<py::ssize_t>(t.rates.size()),
                                                            static_cast<py::ssize_t>(t.hazards.size())});
                               std::copy(t.expected_net_minor.begin(), t.expected_net_minor.end(), a.mutable_data());
                               return a;
                             })
      .def("at", &sensitivity_table::at, py::arg("rate_index"), py::arg("hazard_index"))
      .def("explain", &sensitivity_table::explain);
  m.def(
      "_settle_sensitivity",
      [](const settlement_offer& o, const py::iterable& rates, const py::iterable& hazards, py::handle per_contact,
         py::handle setup, py::handle per_payment, py::handle legal, py::handle commission, py::handle rounding) {
        const auto c = costs_of(o.balance.currency(), per_contact, setup, per_payment, legal, commission);
        const auto rs = decimals_of(rates, "rate"), hs = decimals_of(hazards, "hazard");
        const rounding_mode mode = to_rounding(rounding);
        py::gil_scoped_release release;
        return sensitivity_grid(o, rs, hs, c, mode);
      },
      py::arg("offer"), py::arg("rates"), py::arg("hazards"), py::arg("per_contact"), py::arg("setup_contacts"),
      py::arg("contacts_per_payment"), py::arg("legal"), py::arg("commission"), py::arg("rounding"));

  // --- affordability ---------------------------------------------------------------------------
  m.def(
      "_affordability_categories",
      [](const std::string& section) {
        std::vector<std::string> out;
        for (auto c : ie_categories(parse_ie_section(section))) out.emplace_back(c);
        return out;
      },
      py::arg("section"));
  py::class_<ie_line>(m, "StatementLine", "One item of an income and expenditure statement, made monthly.")
      .def_property_readonly("section", [](const ie_line& l) { return std::string(to_string(l.item.section)); })
      .def_property_readonly("category", [](const ie_line& l) { return l.item.category; })
      .def_property_readonly("label", [](const ie_line& l) { return l.item.label; })
      .def_property_readonly("amount", [](const ie_line& l) { return l.item.amount; })
      .def_property_readonly("frequency", [](const ie_line& l) { return std::string(to_string(l.item.frequency)); })
      .def_readonly("monthly", &ie_line::monthly)
      .def_readonly("rule", &ie_line::rule);
  py::class_<affordability_statement>(m, "AffordabilityStatement", "Monthly income, outgoings and disposable income.")
      .def_readonly("currency", &affordability_statement::ccy)
      .def_readonly("lines", &affordability_statement::lines)
      .def_readonly("income", &affordability_statement::income)
      .def_readonly("fixed_costs", &affordability_statement::fixed_costs)
      .def_readonly("flexible_costs", &affordability_statement::flexible_costs)
      .def_readonly("priority_debts", &affordability_statement::priority_debts)
      .def_readonly("outgoings", &affordability_statement::outgoings)
      .def_readonly("disposable", &affordability_statement::disposable)
      .def_readonly("no_disposable_income", &affordability_statement::no_disposable_income)
      .def("explain", &affordability_statement::explain);
  m.def(
      "_affordability_statement",
      [](const py::iterable& items, py::handle ccy, py::handle rounding) {
        const currency c = to_currency(ccy);
        std::vector<ie_item> v;
        for (py::handle it : items) {
          v.push_back({.section = parse_ie_section(it.attr("section").cast<std::string>()),
                       .category = it.attr("category").cast<std::string>(),
                       .amount = to_money(it.attr("amount"), c, "amount"),
                       .frequency = parse_pay_frequency(it.attr("frequency").cast<std::string>()),
                       .label = it.attr("label").cast<std::string>()});
        }
        return assess_affordability(v, c, to_rounding(rounding));
      },
      py::arg("items"), py::arg("currency"), py::arg("rounding"));
  py::class_<dmp_share>(m, "DmpShare", "One creditor's share of a debt management plan.")
      .def_readonly("name", &dmp_share::name)
      .def_readonly("balance", &dmp_share::balance)
      .def_readonly("payment", &dmp_share::payment)
      .def_readonly("months", &dmp_share::months);
  py::class_<dmp_result>(m, "DmpResult", "Disposable income shared pro rata among creditors.")
      .def_readonly("disposable", &dmp_result::disposable)
      .def_readonly("shares", &dmp_result::shares)
      .def_readonly("distributed", &dmp_result::distributed)
      .def_readonly("undistributed", &dmp_result::undistributed)
      .def_readonly("months", &dmp_result::months)
      .def_readonly("max_months", &dmp_result::max_months)
      .def_readonly("no_disposable_income", &dmp_result::no_disposable_income)
      .def_readonly("too_long", &dmp_result::too_long)
      .def("explain", &dmp_result::explain);
  m.def(
      "_affordability_dmp",
      [](const money& disposable, const py::iterable& creditors, std::int64_t max_months, const std::string& remainder) {
        std::vector<dmp_creditor> cs;
        std::size_t i = 0;
        for (py::handle c : creditors) {
          const std::string what = "creditor " + std::to_string(i++);
          if (py::isinstance<py::str>(c) || !py::isinstance<py::sequence>(c) || py::len(c) != 2)
            throw_invalid_type(what + " must be a (name, balance) pair");
          const py::sequence pair = py::reinterpret_borrow<py::sequence>(c);
          cs.push_back({py::str(pair[0]).cast<std::string>(), to_money(pair[1], disposable.currency(), what.c_str())});
        }
        return debt_management_plan(disposable, cs, {.max_months = max_months, .remainder = parse_remainder_policy(remainder)});
      },
      py::arg("disposable"), py::arg("creditors"), py::arg("max_months"), py::arg("remainder"));
}

}  // namespace recoup::python
