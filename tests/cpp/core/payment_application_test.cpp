// Tests of recoup/core/payment_application.hpp: in-order and pro-rata application of a payment.
#include "../support.hpp"

#include <cstdint>
#include <random>
#include <vector>

using recoup::currency;
using recoup::money;
using recoup::remainder_policy;
using recoup::test::has_id;

namespace {
const currency gbp("GBP");
money m(const char* text) { return money::parse(text); }
money gbp_minor(std::int64_t minor) { return money::from_minor(minor, gbp); }

std::vector<std::int64_t> minors(const std::vector<money>& parts) {
  std::vector<std::int64_t> out;
  for (const money& p : parts) out.push_back(p.minor_units());
  return out;
}

/// sum(applied) + unapplied == payment, and 0 <= applied[i] <= dues[i].
void require_conserved(const money& payment, const std::vector<money>& dues, const recoup::payment_application& r) {
  REQUIRE(r.applied.size() == dues.size());
  money total = r.unapplied;
  for (std::size_t i = 0; i < dues.size(); ++i) {
    REQUIRE(r.applied[i].currency() == payment.currency());
    REQUIRE_FALSE(r.applied[i].is_negative());
    REQUIRE(r.applied[i] <= dues[i]);
    total += r.applied[i];
  }
  REQUIRE(total == payment);
  REQUIRE_FALSE(r.unapplied.is_negative());
}
}  // namespace

TEST_CASE("apply_in_order fills each due in turn", "[payment]") {
  SECTION("the header's example: 150.00 over 100.00 and 80.00") {
    const auto r = recoup::apply_in_order(m("150.00 GBP"), {m("100.00 GBP"), m("80.00 GBP")});
    CHECK(r.applied == std::vector<money>{m("100.00 GBP"), m("50.00 GBP")});
    CHECK(r.unapplied == m("0.00 GBP"));
  }
  SECTION("an overpayment is left unapplied") {
    const auto r = recoup::apply_in_order(m("200.00 GBP"), {m("100.00 GBP"), m("80.00 GBP")});
    CHECK(r.applied == std::vector<money>{m("100.00 GBP"), m("80.00 GBP")});
    CHECK(r.unapplied == m("20.00 GBP"));
  }
  SECTION("a short payment stops at the first due it cannot cover") {
    const auto r = recoup::apply_in_order(m("60.00 GBP"), {m("25.00 GBP"), m("50.00 GBP"), m("10.00 GBP")});
    CHECK(minors(r.applied) == std::vector<std::int64_t>{2500, 3500, 0});
    CHECK(r.unapplied.is_zero());
  }
  SECTION("zero dues and zero payments") {
    const auto r = recoup::apply_in_order(m("10.00 GBP"), {m("0.00 GBP"), m("4.00 GBP"), m("0.00 GBP")});
    CHECK(minors(r.applied) == std::vector<std::int64_t>{0, 400, 0});
    CHECK(r.unapplied == m("6.00 GBP"));
    const auto z = recoup::apply_in_order(m("0.00 GBP"), {m("1.00 GBP")});
    CHECK(minors(z.applied) == std::vector<std::int64_t>{0});
    CHECK(z.unapplied.is_zero());
    const auto none = recoup::apply_in_order(m("5.00 GBP"), std::span<const money>{});
    CHECK(none.applied.empty());
    CHECK(none.unapplied == m("5.00 GBP"));
  }
}

TEST_CASE("apply_pro_rata shares the payment in proportion to the dues", "[payment]") {
  const std::vector<money> dues{m("50.00 GBP"), m("100.00 GBP"), m("150.00 GBP")};
  SECTION("a partial payment, largest remainder and last") {
    const auto r = recoup::apply_pro_rata(m("100.00 GBP"), dues);
    CHECK(minors(r.applied) == std::vector<std::int64_t>{1667, 3333, 5000});
    CHECK(r.unapplied.is_zero());
    const auto l = recoup::apply_pro_rata(m("100.00 GBP"), dues, remainder_policy::last);
    CHECK(minors(l.applied) == std::vector<std::int64_t>{1666, 3333, 5001});
  }
  SECTION("an exact and an overpayment pay every due in full") {
    const auto exact = recoup::apply_pro_rata(m("300.00 GBP"), dues);
    CHECK(exact.applied == dues);
    CHECK(exact.unapplied.is_zero());
    const auto over = recoup::apply_pro_rata(m("400.00 GBP"), dues);
    CHECK(over.applied == dues);
    CHECK(over.unapplied == m("100.00 GBP"));
  }
  SECTION("zero dues get nothing") {
    const auto r = recoup::apply_pro_rata(m("50.00 GBP"), {m("0.00 GBP"), m("100.00 GBP")});
    CHECK(minors(r.applied) == std::vector<std::int64_t>{0, 5000});
    const auto all_zero = recoup::apply_pro_rata(m("10.00 GBP"), {m("0.00 GBP"), m("0.00 GBP")});
    CHECK(minors(all_zero.applied) == std::vector<std::int64_t>{0, 0});
    CHECK(all_zero.unapplied == m("10.00 GBP"));
    const auto none = recoup::apply_pro_rata(m("10.00 GBP"), std::span<const money>{});
    CHECK(none.applied.empty());
    CHECK(none.unapplied == m("10.00 GBP"));
  }
  SECTION("one penny over three equal dues") {
    const auto r = recoup::apply_pro_rata(m("0.01 GBP"), {m("1.00 GBP"), m("1.00 GBP"), m("1.00 GBP")});
    CHECK(minors(r.applied) == std::vector<std::int64_t>{1, 0, 0});
  }
}

TEST_CASE("payment application refuses bad inputs", "[payment][errors]") {
  SECTION("negative payment") {
    REQUIRE_THROWS_MATCHES(recoup::apply_in_order(m("-1.00 GBP"), {m("1.00 GBP")}), recoup::invalid_input_error,
                           has_id("payment.negative", "-1.00 GBP"));
    REQUIRE_THROWS_MATCHES(recoup::apply_pro_rata(m("-0.01 GBP"), {m("1.00 GBP")}), recoup::invalid_input_error,
                           has_id("payment.negative"));
  }
  SECTION("negative due") {
    REQUIRE_THROWS_MATCHES(recoup::apply_in_order(m("1.00 GBP"), {m("1.00 GBP"), m("-1.00 GBP")}),
                           recoup::invalid_input_error, has_id("payment.negative_due", "due 1"));
    REQUIRE_THROWS_MATCHES(recoup::apply_pro_rata(m("1.00 GBP"), {m("-1.00 GBP")}), recoup::invalid_input_error,
                           has_id("payment.negative_due"));
  }
  SECTION("currency mismatch") {
    REQUIRE_THROWS_MATCHES(recoup::apply_in_order(m("1.00 GBP"), {m("1.00 EUR")}), recoup::currency_mismatch_error,
                           has_id("money.currency_mismatch"));
    REQUIRE_THROWS_MATCHES(recoup::apply_pro_rata(m("1.00 GBP"), {m("1.00 GBP"), m("1.00 USD")}),
                           recoup::currency_mismatch_error, has_id("money.currency_mismatch"));
  }
  SECTION("dues whose total overflows") {
    REQUIRE_THROWS_MATCHES(recoup::apply_pro_rata(m("1.00 GBP"), {gbp_minor(INT64_MAX), gbp_minor(1)}),
                           recoup::overflow_error, has_id("money.overflow"));
  }
}

TEST_CASE("payment application conserves the payment", "[payment][invariant]") {
  std::mt19937 rng(77);
  std::uniform_int_distribution<int> count_dist(0, 8);
  std::uniform_int_distribution<std::int64_t> due_dist(0, 500000);
  std::uniform_int_distribution<std::int64_t> pay_dist(0, 2000000);
  std::uniform_int_distribution<int> zero_dist(0, 4);
  for (int iter = 0; iter < 2000; ++iter) {
    std::vector<money> dues;
    const int n = count_dist(rng);
    for (int i = 0; i < n; ++i) dues.push_back(gbp_minor(zero_dist(rng) == 0 ? 0 : due_dist(rng)));
    const money payment = gbp_minor(pay_dist(rng) / (iter % 3 + 1));
    INFO("iteration " << iter);
    const auto in_order = recoup::apply_in_order(payment, dues);
    require_conserved(payment, dues, in_order);
    // In order: a later due gets something only when every earlier due is full.
    for (std::size_t i = 1; i < dues.size(); ++i)
      if (in_order.applied[i].is_positive()) REQUIRE(in_order.applied[i - 1] == dues[i - 1]);
    for (remainder_policy p : {remainder_policy::largest_remainder, remainder_policy::first, remainder_policy::last,
                               remainder_policy::largest_share}) {
      const auto pro_rata = recoup::apply_pro_rata(payment, dues, p);
      require_conserved(payment, dues, pro_rata);
      for (std::size_t i = 0; i < dues.size(); ++i)
        if (dues[i].is_zero()) REQUIRE(pro_rata.applied[i].is_zero());
    }
  }
}
