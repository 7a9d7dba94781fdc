// recoup._core: the decision layer (recoup/decide/). Conversion only: recoup/decide.py and
// recoup/portfolio.py turn DataFrames and keyword facts into the values taken here.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "batch_errors.hpp"
#include "aware_time.hpp"
#include "casters.hpp"
#include "gate_columns_arg.hpp"
#include "recoup/decide.hpp"
#include "rule_book_arg.hpp"

namespace py = pybind11;

namespace recoup::python {

namespace {

using namespace recoup::decide;
using i64_array = py::array_t<std::int64_t, py::array::c_style>;
using i32_array = py::array_t<std::int32_t, py::array::c_style>;
using u32_array = py::array_t<std::uint32_t, py::array::c_style>;
using u16_array = py::array_t<std::uint16_t, py::array::c_style>;
using u8_array = py::array_t<std::uint8_t, py::array::c_style>;


const strategy_policy& policy_of(const py::object& p) {
  return p.is_none() ? strategy_policy::example() : p.cast<const strategy_policy&>();
}

}  // namespace

void register_decide(py::module_& m) {
  py::tuple strategies(strategy_count);
  for (std::size_t i = 0; i < strategy_count; ++i) strategies[i] = std::string(to_string(static_cast<strategy>(i)));
  m.attr("STRATEGIES") = strategies;

  py::class_<strategy_policy>(m, "Policy",
                              "A recovery strategy policy (segments, take-up and hazards, costs, authority, "
                              "affordability, champion/challenger), loaded from TOML.")
      .def_static("example", &strategy_policy::example, py::return_value_policy::reference,
                  "The shipped EXAMPLE policy (data/policies/example.toml; illustrative figures).")
      .def_static("from_file", &strategy_policy::from_file, py::arg("path"))
      .def_static("from_text", &strategy_policy::from_text, py::arg("toml"), py::arg("origin") = "<string>")
      .def_readonly("id", &strategy_policy::id)
      .def_readonly("title", &strategy_policy::title)
      .def_readonly("is_example", &strategy_policy::is_example)
      .def_readonly("origin", &strategy_policy::origin)
      .def_property_readonly("segments",
                             [](const strategy_policy& p) {
                               std::vector<std::string> ids;
                               for (const auto& s : p.segments) ids.push_back(s.id);
                               return ids;
                             })
      .def("currency_of", [](const strategy_policy& p, const std::string& j) { return std::string(p.currency_of(j).code()); })
      .def(
          "summary",
          [](const strategy_policy& p) {
            // The policy's headline figures as text, in file order (for reports and notebooks).
            py::dict out;
            out["policy"] = p.id + (p.is_example ? " (EXAMPLE: illustrative figures)" : "") + ", " + p.origin;
            out["annual discount rate"] = p.annual_discount_rate.to_string();
            out["minimum payment (major units)"] = p.minimum_payment.to_string();
            out["affordability: share of disposable income"] = p.affordability_share.to_string();
            out["cost per contact / per plan payment"] = p.costs.per_contact.to_string() + " / " + p.costs.per_payment.to_string();
            for (const auto& [code, cost] : p.costs.legal) out[py::str("legal costs " + code)] = cost.to_string();
            for (const auto& [tier, share] : p.costs.agency_commission)
              out[py::str("agency commission " + tier + (tier == p.agency_tier ? " (applied)" : ""))] = share.to_string();
            for (const auto& b : p.authority) {
              std::string when;
              if (b.min_age_days) when += ", from " + std::to_string(*b.min_age_days) + " days past due";
              if (b.max_age_days) when += ", to " + std::to_string(*b.max_age_days) + " days past due";
              if (b.min_balance) when += ", balance from " + b.min_balance->to_string();
              if (b.max_balance) when += ", balance to " + b.max_balance->to_string();
              out[py::str("authority " + b.level)] = "discount up to " + b.max_discount.to_string() + when;
            }
            out["challenger share"] = p.challenger_share.to_string() +
                                      (p.challenger ? " (tries " + std::string(to_string(*p.challenger)) + " first)" : "");
            out["urgency"] = "limitation ending within " + std::to_string(p.urgency_days) + " days: priority +" +
                             std::to_string(p.urgency_bonus_percent) + "%";
            return out;
          },
          "The policy's headline figures as {name: text} (discount rate, costs, authority bands, ...).")
      .def("__repr__", [](const strategy_policy& p) {
        return "<Policy " + p.id + (p.is_example ? " (EXAMPLE)" : "") + ": " + p.title + ">";
      });

  py::class_<candidate>(m, "Candidate", "One strategy considered for an account: its value, offer, and why it "
                                        "was refused (if it was).")
      .def_property_readonly("strategy", [](const candidate& c) { return std::string(to_string(c.kind)); })
      .def_property_readonly("action", [](const candidate& c) { return std::string(rules::to_string(c.action)); })
      .def_property_readonly("refused", [](const candidate& c) { return std::string(to_string(c.refused)); })
      .def_property_readonly("eligible", [](const candidate& c) { return c.refused == refusal::none; })
      .def_readonly("why", &candidate::why)
      .def_readonly("expected_net_recovery_minor", &candidate::expected_net_recovery_minor)
      .def_readonly("offer_amount_minor", &candidate::offer_amount_minor)
      .def_readonly("instalments", &candidate::instalments)
      .def_readonly("last_instalment_minor", &candidate::last_instalment_minor)
      .def_property_readonly("gate", [](const candidate& c) { return std::string(rules::to_string(c.gate)); })
      .def_property_readonly("allowed_from",
                             [](const candidate& c) { return c.allowed_from ? aware(*c.allowed_from) : py::object(py::none()); })
      .def_readonly("authority_level", &candidate::authority_level)
      .def("__repr__", [](const candidate& c) {
        return "<Candidate " + std::string(to_string(c.kind)) + " " +
               (c.refused == refusal::none ? "eligible" : "refused:" + std::string(to_string(c.refused))) + " " +
               std::to_string(c.expected_net_recovery_minor) + ">";
      });

  py::class_<account_decision>(m, "AccountDecision",
                               "What to do next with one account: the chosen strategy and offer, every candidate, "
                               "the priority and the next action with when it is allowed.")
      .def_readonly("id", &account_decision::id)
      .def_readonly("segment", &account_decision::segment)
      .def_property_readonly("strategy", [](const account_decision& d) { return std::string(to_string(d.chosen)); })
      .def_readonly("challenger", &account_decision::challenger)
      .def_readonly("candidates", &account_decision::candidates)
      .def_property_readonly("chosen", &account_decision::chosen_candidate, py::return_value_policy::reference_internal)
      .def_readonly("priority", &account_decision::priority)
      .def_readonly("urgent", &account_decision::urgent)
      .def_property_readonly("next_action", [](const account_decision& d) { return std::string(rules::to_string(d.next_action)); })
      .def_property_readonly("next_action_at", [](const account_decision& d) {
        return d.next_action_blocked ? py::object(py::none()) : aware(d.next_action_at);
      })
      .def_readonly("charge_off_on", &account_decision::charge_off_on)
      .def_property_readonly("blocked_actions",
                             [](const account_decision& d) {
                               std::vector<std::string> out;
                               for (const auto a : d.blocked_actions) out.emplace_back(rules::to_string(a));
                               return out;
                             })
      .def("explain", &account_decision::explain)
      .def("__str__", &account_decision::explain)
      .def("__repr__", [](const account_decision& d) {
        return "<AccountDecision " + d.id + ": " + std::string(to_string(d.chosen)) + " " +
               std::to_string(d.chosen_candidate().expected_net_recovery_minor) + " next " +
               std::string(rules::to_string(d.next_action)) + ">";
      });

  m.def(
      "decide_account",
      [](const rules::account_facts& facts, const std::string& id, const money& balance,
         const std::optional<money>& disposable, std::optional<std::int64_t> dpd, std::optional<std::int64_t> score,
         std::int64_t at, const py::object& policy, const py::object& book) {
        account_case c{.id = id, .facts = facts, .balance = balance, .disposable_income = disposable,
                       .days_past_due = dpd, .score = score};
        const strategy_policy& p = policy_of(policy);
        const rules::rule_book& b = book_of(book);
        py::gil_scoped_release nogil;
        return decide::decide(c, std::chrono::sys_seconds{std::chrono::seconds{at}}, p, b);
      },
      py::arg("facts"), py::arg("id"), py::arg("balance"), py::arg("disposable_income"), py::arg("days_past_due"),
      py::arg("score"), py::arg("at"), py::arg("policy") = py::none(), py::arg("book") = py::none());

  m.def(
      "decide_columns",
      [](const std::vector<std::string>& codes, const std::vector<std::string>& zones, const u16_array& jurisdiction,
         const std::optional<u8_array>& type, const i64_array& at, const std::optional<u32_array>& flags,
         const std::optional<u8_array>& opted_out, const std::optional<i32_array>& zone,
         const std::optional<u8_array>& chapter, const std::optional<u8_array>& payments, const py::dict& dates,
         const std::vector<std::string>& ids, const i64_array& balance_minor, const std::vector<std::string>& currency_codes,
         const u16_array& currency_index, const std::optional<i64_array>& disposable_minor,
         const std::optional<i64_array>& days_past_due, const std::optional<i64_array>& score, const py::object& policy,
         const py::object& book, bool collect) {
        const gate_columns_arg arg(jurisdiction, type, at, flags, opted_out, zone, chapter, payments, dates);
        rules::check_columns(arg.in);
        const std::size_t n = arg.in.jurisdiction.size();
        auto same = [&](std::size_t size, const char* name) {
          if (size != n) throw invalid_input_error("columns.shape", std::string(name) + " must have " + std::to_string(n) + " rows");
        };
        same(ids.size(), "account_id");
        same(static_cast<std::size_t>(balance_minor.size()), "balance_minor");
        same(static_cast<std::size_t>(currency_index.size()), "currency");
        if (disposable_minor) same(static_cast<std::size_t>(disposable_minor->size()), "disposable_income_minor");
        if (days_past_due) same(static_cast<std::size_t>(days_past_due->size()), "days_past_due");
        if (score) same(static_cast<std::size_t>(score->size()), "score");
        if (arg.in.at.size() != 1) throw invalid_input_error("columns.shape", "at must have one element");
        std::vector<currency> currencies;
        for (const auto& c : currency_codes) currencies.emplace_back(c);
        const strategy_policy& p = policy_of(policy);
        const rules::rule_book& b = book_of(book);
        constexpr std::int64_t missing = std::numeric_limits<std::int64_t>::min();
        std::vector<account_case> cases;
        cases.reserve(n);
        row_errors errors;
        std::vector<std::size_t> rows;  // the book row of each case
        for (std::size_t i = 0; i < n; ++i) {
          try {
            if (currency_index.data()[i] >= currencies.size())
              throw invalid_input_error("columns.shape", "currency index out of range");
            const currency c = currencies[currency_index.data()[i]];
            account_case a{.id = ids[i], .facts = {}, .balance = money::from_minor(balance_minor.data()[i], c)};
            rules::account_from_columns(arg.in, i, codes, zones, a.facts);
            if (disposable_minor && disposable_minor->data()[i] != missing)
              a.disposable_income = money::from_minor(disposable_minor->data()[i], c);
            if (days_past_due && days_past_due->data()[i] != missing) a.days_past_due = days_past_due->data()[i];
            if (score && score->data()[i] != missing) a.score = score->data()[i];
            cases.push_back(std::move(a));
            rows.push_back(i);
          } catch (const error& e) {
            if (!collect) recoup::detail::rethrow_for_row(e, i);
            errors.push_back({i, e.kind(), e.id(), e.what()});
          }
        }
        const std::size_t m_ = cases.size();
        std::vector<std::uint8_t> strat(m_), next(m_), challenger(m_);
        std::vector<std::int64_t> value(m_), offer(m_), when(m_), priority(m_);
        std::vector<std::int32_t> instalments(m_), charge(m_), seg(m_);
        std::vector<std::uint32_t> blocked(m_);
        constexpr std::size_t na = rules::action_count;
        std::vector<std::int32_t> reason(m_ * na);
        std::vector<std::string> rule_ids;
        row_errors case_errors;
        {
          py::gil_scoped_release nogil;
          rule_ids = decide_book(cases, std::chrono::sys_seconds{std::chrono::seconds{arg.in.at[0]}},
                      {.strategy = strat, .expected_net_recovery_minor = value, .offer_amount_minor = offer,
                       .instalments = instalments, .next_action = next, .next_action_at = when, .priority = priority,
                       .challenger = challenger, .charge_off_on = charge, .blocked_actions = blocked, .segment = seg,
                       .blocked_reason = reason},
                      p, b, collect ? &case_errors : nullptr);
        }
        for (auto& e : case_errors) {
          e.row = rows[e.row];
          errors.push_back(e);
        }
        std::sort(errors.begin(), errors.end(), [](const row_error& x, const row_error& y) { return x.row < y.row; });
        // Scatter back to book rows (rows that failed before the kernel keep the error defaults).
        u8_array o_strat(static_cast<py::ssize_t>(n)), o_next(static_cast<py::ssize_t>(n)), o_chal(static_cast<py::ssize_t>(n));
        i64_array o_value(static_cast<py::ssize_t>(n)), o_offer(static_cast<py::ssize_t>(n)), o_when(static_cast<py::ssize_t>(n)),
            o_priority(static_cast<py::ssize_t>(n));
        i32_array o_inst(static_cast<py::ssize_t>(n)), o_charge(static_cast<py::ssize_t>(n)), o_seg(static_cast<py::ssize_t>(n));
        u32_array o_blocked(static_cast<py::ssize_t>(n));
        i32_array o_reason({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(na)});
        std::fill_n(o_reason.mutable_data(), n * na, std::int32_t{-1});
        for (std::size_t i = 0; i < n; ++i) {
          o_strat.mutable_data()[i] = static_cast<std::uint8_t>(strategy::write_off);
          o_next.mutable_data()[i] = static_cast<std::uint8_t>(rules::collection_action::charge_off);
          o_chal.mutable_data()[i] = 0;
          o_value.mutable_data()[i] = 0;
          o_offer.mutable_data()[i] = 0;
          o_when.mutable_data()[i] = missing;
          o_priority.mutable_data()[i] = 0;
          o_inst.mutable_data()[i] = 0;
          o_charge.mutable_data()[i] = rules::no_date;
          o_seg.mutable_data()[i] = -1;
          o_blocked.mutable_data()[i] = 0;
        }
        for (std::size_t k = 0; k < m_; ++k) {
          const std::size_t i = rows[k];
          o_strat.mutable_data()[i] = strat[k];
          o_next.mutable_data()[i] = next[k];
          o_chal.mutable_data()[i] = challenger[k];
          o_value.mutable_data()[i] = value[k];
          o_offer.mutable_data()[i] = offer[k];
          o_when.mutable_data()[i] = when[k];
          o_priority.mutable_data()[i] = priority[k];
          o_inst.mutable_data()[i] = instalments[k];
          o_charge.mutable_data()[i] = charge[k];
          o_seg.mutable_data()[i] = seg[k];
          o_blocked.mutable_data()[i] = blocked[k];
          std::copy_n(reason.begin() + static_cast<std::ptrdiff_t>(k * na), na, o_reason.mutable_data() + i * na);
        }
        py::dict out;
        out["strategy"] = o_strat;
        out["expected_net_recovery_minor"] = o_value;
        out["offer_amount_minor"] = o_offer;
        out["instalments"] = o_inst;
        out["next_action"] = o_next;
        out["next_action_at"] = o_when;
        out["priority"] = o_priority;
        out["challenger"] = o_chal;
        out["charge_off_on"] = o_charge;
        out["blocked_actions"] = o_blocked;
        out["segment"] = o_seg;
        out["blocked_reason"] = o_reason;
        out["blocked_rule_ids"] = rule_ids;
        return py::make_tuple(out, errors_to_python(errors));
      },
      py::arg("codes"), py::arg("zones"), py::arg("jurisdiction"), py::arg("type"), py::arg("at"), py::arg("flags"),
      py::arg("opted_out"), py::arg("zone"), py::arg("chapter"), py::arg("payments"), py::arg("dates"), py::arg("ids"),
      py::arg("balance_minor"), py::arg("currency_codes"), py::arg("currency_index"), py::arg("disposable_minor"),
      py::arg("days_past_due"), py::arg("score"), py::arg("policy"), py::arg("book"), py::arg("collect"));
}

}  // namespace recoup::python
