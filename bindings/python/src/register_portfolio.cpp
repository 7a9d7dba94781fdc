// Bindings of recoup/portfolio/: aging, roll rates, liquidation curves and portfolio rates over
// numpy int64 columns (day serials and minor units). The public face is recoup.portfolio, which
// checks dtypes and shapes first; every kernel here runs with the GIL released.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "batch_errors.hpp"
#include "casters.hpp"
#include "recoup/portfolio.hpp"

namespace py = pybind11;

namespace recoup::python {
namespace {

using i64_array = py::array_t<std::int64_t, py::array::c_style>;
using i32_array = py::array_t<std::int32_t, py::array::c_style>;

std::span<const std::int64_t> view(const i64_array& a) { return {a.data(), static_cast<std::size_t>(a.size())}; }
std::span<const std::int64_t> view(const std::optional<i64_array>& a) {
  return a ? view(*a) : std::span<const std::int64_t>{};
}

/// A vector as a fresh numpy int64 array.
i64_array to_array(const std::vector<std::int64_t>& v) {
  i64_array out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}



aging_edges to_edges(const std::vector<std::int64_t>& edges) { return aging_edges(std::span<const std::int64_t>(edges)); }

/// A row-major k*k vector as a fresh (k, k) numpy int64 array.
i64_array to_matrix(const std::vector<std::int64_t>& v, std::size_t k) {
  if (v.size() != k * k) throw invalid_input_error("columns.shape", "a roll-rate matrix of the wrong size");
  i64_array out({static_cast<py::ssize_t>(k), static_cast<py::ssize_t>(k)});
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

py::tuple ratio_tuple(const ratio& r) { return py::make_tuple(r.numerator, r.denominator); }

}  // namespace

void register_portfolio(py::module_& m) {
  m.def("portfolio_edge_labels", [](const std::vector<std::int64_t>& edges) {
    const aging_edges e = to_edges(edges);
    std::vector<std::string> labels;
    for (std::size_t b = 0; b < e.buckets(); ++b) labels.push_back(e.label(b));
    return labels;
  }, py::arg("edges"));

  m.def(
      "portfolio_days_past_due",
      [](const i64_array& due, const i64_array& as_of, bool collect) -> py::object {
        i64_array out(due.size());
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release nogil;
          portfolio::days_past_due(view(due), view(as_of), {out.mutable_data(), static_cast<std::size_t>(out.size())},
                                   errs.sink());
        }
        return errs.result(std::move(out));
      },
      py::arg("oldest_unpaid_due").noconvert(), py::arg("as_of").noconvert(), py::arg("collect"));

  m.def(
      "portfolio_bucket_of",
      [](const i64_array& dpd, const std::vector<std::int64_t>& edges, bool collect) -> py::object {
        const aging_edges e = to_edges(edges);
        i32_array out(dpd.size());
        batch_errors errs{collect, {}};
        {
          py::gil_scoped_release nogil;
          portfolio::bucket_of(view(dpd), e, {out.mutable_data(), static_cast<std::size_t>(out.size())}, errs.sink());
        }
        return errs.result(std::move(out));
      },
      py::arg("days_past_due").noconvert(), py::arg("edges"), py::arg("collect"));

  m.def(
      "portfolio_age",
      [](const i64_array& dpd, const std::vector<std::int64_t>& edges, const std::optional<i64_array>& amounts,
         bool collect) -> py::object {
        const aging_edges e = to_edges(edges);
        batch_errors errs{collect, {}};
        portfolio::aging_summary s;
        {
          py::gil_scoped_release nogil;
          s = portfolio::age(view(dpd), e, view(amounts), errs.sink());
        }
        py::object balances = amounts ? py::object(to_array(s.balances)) : py::object(py::none());
        return errs.result(py::make_tuple(to_array(s.counts), balances));
      },
      py::arg("days_past_due").noconvert(), py::arg("edges"), py::arg("amounts").noconvert().none(true),
      py::arg("collect"));

  m.def(
      "portfolio_roll_rates",
      [](const i64_array& id0, const i64_array& b0, const std::optional<i64_array>& bal0, const i64_array& id1,
         const i64_array& b1, const std::optional<i64_array>& bal1, std::size_t buckets) {
        portfolio::roll_rate_matrix r;
        {
          py::gil_scoped_release nogil;
          r = portfolio::roll_rates({view(id0), view(b0), view(bal0)}, {view(id1), view(b1), view(bal1)}, buckets);
        }
        auto opt = [](bool has, const std::vector<std::int64_t>& v) {
          return has ? py::object(to_array(v)) : py::object(py::none());
        };
        py::object balances = bal0 ? py::object(to_matrix(r.balances, buckets)) : py::object(py::none());
        return py::make_tuple(to_matrix(r.counts, buckets), balances, to_array(r.closed_counts), opt(bal0.has_value(), r.closed_balances),
                              to_array(r.new_counts), opt(bal1.has_value(), r.new_balances));
      },
      py::arg("account_id_t0").noconvert(), py::arg("bucket_t0").noconvert(), py::arg("balance_t0").noconvert().none(true),
      py::arg("account_id_t1").noconvert(), py::arg("bucket_t1").noconvert(), py::arg("balance_t1").noconvert().none(true),
      py::arg("buckets"));

  m.def(
      "portfolio_recovery_rate",
      [](const i64_array& collected, const i64_array& placed) {
        ratio r;
        {
          py::gil_scoped_release nogil;
          r = portfolio::recovery_rate(view(collected), view(placed));
        }
        return ratio_tuple(r);
      },
      py::arg("collected").noconvert(), py::arg("placed").noconvert());

  m.def(
      "portfolio_cure_rate",
      [](const i64_array& id0, const i64_array& dpd0, const i64_array& id1, const i64_array& dpd1) {
        portfolio::cure_result r;
        {
          py::gil_scoped_release nogil;
          r = portfolio::cure_rate(view(id0), view(dpd0), view(id1), view(dpd1));
        }
        return py::make_tuple(r.cured, r.rate.denominator, r.in_arrears_t0, r.closed);
      },
      py::arg("account_id_t0").noconvert(), py::arg("days_past_due_t0").noconvert(),
      py::arg("account_id_t1").noconvert(), py::arg("days_past_due_t1").noconvert());

  m.def(
      "portfolio_promise_kept_rate",
      [](const i64_array& when, const i64_array& promised, const i64_array& paid, std::int64_t as_of,
         std::int64_t tolerance) {
        portfolio::promise_kept_result r;
        {
          py::gil_scoped_release nogil;
          r = portfolio::promise_kept_rate(view(when), view(promised), view(paid), as_of, tolerance);
        }
        return py::make_tuple(r.kept, r.due, r.not_yet_due);
      },
      py::arg("promise_date").noconvert(), py::arg("promised").noconvert(), py::arg("paid").noconvert(),
      py::arg("as_of"), py::arg("tolerance"));

  m.def(
      "portfolio_liquidation",
      [](const i64_array& ids, const i64_array& placed_on, const i64_array& placed, const i64_array& pay_ids,
         const i64_array& paid_on, const i64_array& amounts, std::int64_t as_of, bool collect) -> py::object {
        batch_errors errs{collect, {}};
        portfolio::liquidation_table t;
        {
          py::gil_scoped_release nogil;
          t = portfolio::liquidation_curves({view(ids), view(placed_on), view(placed)},
                                            {view(pay_ids), view(paid_on), view(amounts)}, as_of, errs.sink());
        }
        return errs.result(py::make_tuple(to_array(t.cohort), to_array(t.accounts), to_array(t.placed),
                                          to_array(t.offsets), to_array(t.collected), to_array(t.cumulative)));
      },
      py::arg("account_id").noconvert(), py::arg("placement_date").noconvert(), py::arg("placed").noconvert(),
      py::arg("payment_account_id").noconvert(), py::arg("payment_date").noconvert(), py::arg("amount").noconvert(),
      py::arg("as_of"), py::arg("collect"));
}

}  // namespace recoup::python
