// The C ABI for portfolio reports over columns: aging (days past due, buckets, counts and
// balances per bucket) and roll-rate matrices between two snapshots, through the same kernels
// as recoup.portfolio (recoup/portfolio/aging.hpp, roll_rate.hpp).
#include "c_entry.hpp"

using namespace recoup::c_abi;
namespace pf = recoup::portfolio;

namespace {

recoup::aging_edges edges_of(const int64_t* edges, std::size_t edge_count) {
  if (edges == nullptr && edge_count == 0) return {};
  return recoup::aging_edges(require_array(edges, edge_count, "edges"));
}

std::vector<std::int64_t> serials(const int32_t* in, std::size_t n) {
  std::vector<std::int64_t> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = in[i] == RECOUP_NO_DATE ? recoup::no_date : in[i];
  return out;
}

void copy_out(const std::vector<std::int64_t>& from, int64_t* to) {
  if (to != nullptr) std::copy(from.begin(), from.end(), to);
}

pf::roll_rate_snapshot snapshot_of(const recoup_roll_rate_columns& c, const char* name) {
  check_struct_size(c.struct_size, RECOUP_C_FIELD_END(recoup_roll_rate_columns, balance_minor),
                    "recoup_roll_rate_columns");
  return {require_array(c.account_id, c.count, name), require_array(c.bucket, c.count, name),
          c.balance_minor == nullptr ? std::span<const std::int64_t>{} : std::span{c.balance_minor, c.count}};
}

}  // namespace

extern "C" {

recoup_status recoup_portfolio_age(size_t count, const int32_t* oldest_unpaid_due, const int32_t* as_of,
                                   size_t as_of_count, const int64_t* edges, size_t edge_count,
                                   const int64_t* amounts_minor, int64_t* dpd_out, int32_t* bucket_out,
                                   int64_t* counts_out, int64_t* balances_out) {
  return entry([&] {
    const recoup::aging_edges e = edges_of(edges, edge_count);
    const auto due = serials(require_array(oldest_unpaid_due, count, "oldest_unpaid_due").data(), count);
    const auto ref = serials(require_array(as_of, as_of_count, "as_of").data(), as_of_count);
    if (balances_out != nullptr && amounts_minor == nullptr && count > 0)
      throw recoup::invalid_input_error("portfolio.no_balances", "balances_out needs amounts_minor");
    std::vector<std::int64_t> dpd(count);
    pf::days_past_due(due, ref, dpd);
    if (dpd_out != nullptr) std::copy(dpd.begin(), dpd.end(), dpd_out);
    if (bucket_out != nullptr) {
      std::vector<std::int32_t> b(count);
      pf::bucket_of(dpd, e, b);
      std::copy(b.begin(), b.end(), bucket_out);
    }
    if (counts_out != nullptr || balances_out != nullptr) {
      const auto s = pf::age(dpd, e, amounts_minor == nullptr ? std::span<const std::int64_t>{}
                                                              : std::span{amounts_minor, count});
      copy_out(s.counts, counts_out);
      if (balances_out != nullptr) {
        if (s.balances.empty())
          std::fill(balances_out, balances_out + e.buckets(), 0);
        else
          copy_out(s.balances, balances_out);
      }
    }
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_portfolio_bucket_label(const int64_t* edges, size_t edge_count, size_t bucket, char* buffer,
                                            size_t buffer_size, size_t* required) {
  return entry([&] { return write_text(edges_of(edges, edge_count).label(bucket), buffer, buffer_size, required); });
}

recoup_status recoup_portfolio_roll_rates(size_t buckets, const recoup_roll_rate_columns* t0,
                                          const recoup_roll_rate_columns* t1, recoup_roll_rate_matrix* out) {
  return entry([&] {
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_roll_rate_matrix, new_balances), "recoup_roll_rate_matrix");
    const auto& a = require(t0, "t0");
    const auto& b = require(t1, "t1");
    auto no_balances = [](const char* what, const char* needs) {
      throw recoup::invalid_input_error("portfolio.no_balances", std::string(what) + " needs " + needs);
    };
    if (a.balance_minor == nullptr && a.count > 0) {
      if (o.balances != nullptr) no_balances("out->balances", "t0->balance_minor");
      if (o.closed_balances != nullptr) no_balances("out->closed_balances", "t0->balance_minor");
    }
    if (b.balance_minor == nullptr && b.count > 0 && o.new_balances != nullptr)
      no_balances("out->new_balances", "t1->balance_minor");
    const auto m = pf::roll_rates(snapshot_of(a, "t0"), snapshot_of(b, "t1"), buckets);
    copy_out(m.counts, o.counts);
    copy_out(m.closed_counts, o.closed_counts);
    copy_out(m.new_counts, o.new_counts);
    copy_out(m.balances, o.balances);
    copy_out(m.closed_balances, o.closed_balances);
    copy_out(m.new_balances, o.new_balances);
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
