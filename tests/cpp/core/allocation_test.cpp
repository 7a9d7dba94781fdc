// Tests of recoup/core/allocation.hpp and money::allocate. Expected splits were computed with an
// independent Python model (fractions.Fraction shares, floor, then the documented remainder policy).
#include "../support.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using recoup::allocation_ratios;
using recoup::currency;
using recoup::decimal;
using recoup::money;
using recoup::remainder_policy;
using recoup::splitter;
using recoup::test::has_id;
using namespace recoup::literals;

namespace {
const currency usd("USD");
const currency chf("CHF");

constexpr remainder_policy all_policies[] = {remainder_policy::largest_remainder, remainder_policy::first,
                                             remainder_policy::last, remainder_policy::largest_share};

std::vector<std::int64_t> minors(const std::vector<money>& parts) {
  std::vector<std::int64_t> out;
  for (const money& p : parts) out.push_back(p.minor_units());
  return out;
}

std::vector<std::int64_t> split(std::int64_t amount, const allocation_ratios& r, remainder_policy p) {
  std::vector<std::int64_t> out(r.size());
  splitter(r, p).split(amount, out);
  return out;
}

using big = boost::multiprecision::cpp_int;  // unbounded: the test's own exact arithmetic
}  // namespace

TEST_CASE("allocation splits 10.00 into 3.34, 3.33, 3.33", "[money][allocation]") {
  SECTION("positive") {
    CHECK(minors(money::parse("10.00 USD").allocate(3)) == std::vector<std::int64_t>{334, 333, 333});
  }
  SECTION("negative amounts split their magnitude, then negate") {
    CHECK(minors(money::parse("-10.00 USD").allocate(3)) == std::vector<std::int64_t>{-334, -333, -333});
  }
  SECTION("every policy on equal parts") {
    CHECK(minors(money::parse("0.20 USD").allocate(3, remainder_policy::largest_remainder)) ==
          std::vector<std::int64_t>{7, 7, 6});
    CHECK(minors(money::parse("0.20 USD").allocate(3, remainder_policy::first)) == std::vector<std::int64_t>{7, 7, 6});
    CHECK(minors(money::parse("0.20 USD").allocate(3, remainder_policy::last)) == std::vector<std::int64_t>{6, 7, 7});
    CHECK(minors(money::parse("0.20 USD").allocate(3, remainder_policy::largest_share)) ==
          std::vector<std::int64_t>{7, 7, 6});
  }
  SECTION("one part gets everything; zero splits into zeros") {
    CHECK(minors(money::parse("10.00 USD").allocate(1)) == std::vector<std::int64_t>{1000});
    CHECK(minors(money::parse("0.00 USD").allocate(4)) == std::vector<std::int64_t>{0, 0, 0, 0});
    CHECK(minors(money::parse("0.02 USD").allocate(5)) == std::vector<std::int64_t>{1, 1, 0, 0, 0});
  }
  SECTION("parts keep the currency") {
    for (const money& p : money::parse("1.000 KWD").allocate(7)) CHECK(p.currency() == currency("KWD"));
  }
}

TEST_CASE("allocation by ratios follows the remainder policy", "[money][allocation]") {
  const money hundred = money::parse("100.00 USD");
  SECTION("ratios 1:2:3") {
    CHECK(minors(hundred.allocate({1, 2, 3})) == std::vector<std::int64_t>{1667, 3333, 5000});
    CHECK(minors(hundred.allocate({1, 2, 3}, remainder_policy::first)) == std::vector<std::int64_t>{1667, 3333, 5000});
    CHECK(minors(hundred.allocate({1, 2, 3}, remainder_policy::last)) == std::vector<std::int64_t>{1666, 3333, 5001});
    CHECK(minors(hundred.allocate({1, 2, 3}, remainder_policy::largest_share)) ==
          std::vector<std::int64_t>{1666, 3333, 5001});
  }
  SECTION("the four policies differ: 0.02 by 1:2:4:1") {
    // Exact shares 0.25, 0.5, 1.0, 0.25 cents: one cent is left after flooring.
    const money two = money::parse("0.02 USD");
    const allocation_ratios r{1, 2, 4, 1};
    CHECK(minors(two.allocate(r, remainder_policy::largest_remainder)) == std::vector<std::int64_t>{0, 1, 1, 0});
    CHECK(minors(two.allocate(r, remainder_policy::first)) == std::vector<std::int64_t>{1, 0, 1, 0});
    CHECK(minors(two.allocate(r, remainder_policy::last)) == std::vector<std::int64_t>{0, 0, 1, 1});
    CHECK(minors(two.allocate(r, remainder_policy::largest_share)) == std::vector<std::int64_t>{0, 0, 2, 0});
  }
  SECTION("decimal ratios") {
    CHECK(minors(hundred.allocate({"0.5"_dec, "0.25"_dec, "0.25"_dec})) == std::vector<std::int64_t>{5000, 2500, 2500});
    CHECK(minors(money::parse("1.00 USD").allocate({"1.5"_dec, "0.50"_dec})) == std::vector<std::int64_t>{75, 25});
    const allocation_ratios r{"0.1"_dec, "0.2"_dec, "0.3"_dec, "0.4"_dec};
    CHECK(minors(money::parse("0.07 USD").allocate(r, remainder_policy::largest_remainder)) ==
          std::vector<std::int64_t>{1, 1, 2, 3});
    CHECK(minors(money::parse("0.07 USD").allocate(r, remainder_policy::first)) == std::vector<std::int64_t>{1, 2, 2, 2});
    CHECK(minors(money::parse("0.07 USD").allocate(r, remainder_policy::last)) == std::vector<std::int64_t>{0, 1, 3, 3});
    CHECK(minors(money::parse("0.07 USD").allocate(r, remainder_policy::largest_share)) ==
          std::vector<std::int64_t>{0, 1, 3, 3});
  }
  SECTION("ratios are scaled to integers once") {
    const allocation_ratios r{"1.5"_dec, "0.50"_dec, 2};
    CHECK(r.size() == 3);
    CHECK(r.sum() == 40);
    CHECK(r.units()[0] == 15);
    CHECK(r.units()[1] == 5);
    CHECK(r.units()[2] == 20);
    CHECK_FALSE(r.all_equal());
    CHECK(allocation_ratios{"2"_dec, "2.00"_dec}.all_equal());
  }
  SECTION("zero ratios get zero under every policy") {
    const money three = money::parse("0.03 USD");
    const allocation_ratios r{0, 1, 0, 1};
    CHECK(minors(three.allocate(r, remainder_policy::largest_remainder)) == std::vector<std::int64_t>{0, 2, 0, 1});
    CHECK(minors(three.allocate(r, remainder_policy::first)) == std::vector<std::int64_t>{0, 2, 0, 1});
    CHECK(minors(three.allocate(r, remainder_policy::last)) == std::vector<std::int64_t>{0, 1, 0, 2});
    CHECK(minors(three.allocate(r, remainder_policy::largest_share)) == std::vector<std::int64_t>{0, 2, 0, 1});
  }
}

TEST_CASE("allocation refuses bad ratios", "[money][allocation][errors]") {
  SECTION("all zero") {
    REQUIRE_THROWS_MATCHES((allocation_ratios{0, 0, "0.00"_dec}), recoup::division_by_zero_error,
                           has_id("allocation.zero_ratios"));
  }
  SECTION("negative") {
    REQUIRE_THROWS_MATCHES((allocation_ratios{1, "-0.5"_dec, 2}), recoup::invalid_input_error,
                           has_id("allocation.negative_ratio", "ratio 1 is negative (-0.5)"));
  }
  SECTION("none") {
    REQUIRE_THROWS_MATCHES(allocation_ratios(std::span<const decimal>{}), recoup::invalid_input_error,
                           has_id("allocation.no_parts"));
    REQUIRE_THROWS_MATCHES(allocation_ratios::equal(0), recoup::invalid_input_error, has_id("allocation.no_parts"));
    REQUIRE_THROWS_MATCHES(allocation_ratios::equal(allocation_ratios::max_parts + 1), recoup::invalid_input_error,
                           has_id("allocation.too_many_parts"));
  }
  SECTION("ratios whose sum needs more than 38 digits") {
    const decimal big38 = decimal::parse(std::string(38, '9'));
    REQUIRE_THROWS_MATCHES((allocation_ratios{big38, big38}), recoup::overflow_error,
                           has_id("allocation.ratio_overflow"));
  }
  SECTION("the most negative amount") {
    REQUIRE_THROWS_MATCHES(money::from_minor(INT64_MIN, usd).allocate(2), recoup::overflow_error,
                           has_id("allocation.overflow"));
  }
}

TEST_CASE("remainder policies have stable names", "[allocation]") {
  for (remainder_policy p : all_policies) CHECK(recoup::parse_remainder_policy(recoup::to_string(p)) == p);
  CHECK(recoup::to_string(remainder_policy::largest_remainder) == "largest_remainder");
  CHECK(recoup::to_string(remainder_policy::largest_share) == "largest_share");
  REQUIRE_THROWS_MATCHES(recoup::parse_remainder_policy("biggest"), recoup::invalid_input_error,
                         has_id("allocation.unknown_policy", "'biggest'"));
}

TEST_CASE("allocation in cash steps gives multiples of the step", "[money][allocation][steps]") {
  const money step = money::parse("0.05 CHF");
  SECTION("1.00 CHF in thirds, steps of 0.05") {
    const auto parts = money::parse("1.00 CHF").allocate({1, 1, 1}, remainder_policy::largest_remainder, step);
    CHECK(minors(parts) == std::vector<std::int64_t>{35, 35, 30});
    const auto last = money::parse("1.00 CHF").allocate({1, 1, 1}, remainder_policy::last, step);
    CHECK(minors(last) == std::vector<std::int64_t>{30, 35, 35});
    const auto neg = money::parse("-1.00 CHF").allocate({1, 1, 1}, remainder_policy::largest_remainder, step);
    CHECK(minors(neg) == std::vector<std::int64_t>{-35, -35, -30});
  }
  SECTION("errors") {
    REQUIRE_THROWS_MATCHES(money::parse("1.02 CHF").allocate({1, 1}, remainder_policy::first, step),
                           recoup::invalid_input_error, has_id("allocation.not_multiple_of_step", "round_to"));
    REQUIRE_THROWS_MATCHES(money::parse("1.00 CHF").allocate({1, 1}, remainder_policy::first, money::parse("0 CHF")),
                           recoup::invalid_input_error, has_id("money.increment"));
    REQUIRE_THROWS_MATCHES(money::parse("1.00 CHF").allocate({1, 1}, remainder_policy::first, money::parse("0.05 EUR")),
                           recoup::currency_mismatch_error, has_id("money.currency_mismatch"));
  }
}

TEST_CASE("allocation of amounts near INT64_MAX is exact on the wide path", "[money][allocation][wide]") {
  constexpr std::int64_t max = INT64_MAX;
  struct row {
    std::vector<decimal> ratios;
    std::array<std::vector<std::int64_t>, 4> expected;  // in the order of all_policies
  };
  const row rows[] = {
      // sum 6: the int64 product overflows and falls back to 128 bits.
      {{1, 2, 3},
       {{{1537228672809129301, 3074457345618258602, 4611686018427387904},
         {1537228672809129302, 3074457345618258602, 4611686018427387903},
         {1537228672809129301, 3074457345618258602, 4611686018427387904},
         {1537228672809129301, 3074457345618258602, 4611686018427387904}}}},
      // The ratio sum (10^22 at scale 22) exceeds int64: the 256-bit path.
      {{"0.3333333333333333333333"_dec, "0.6666666666666666666667"_dec},
       {{{3074457345618258602, 6148914691236517205},
         {3074457345618258603, 6148914691236517204},
         {3074457345618258602, 6148914691236517205},
         {3074457345618258602, 6148914691236517205}}}},
      {{decimal::parse("100000000000000000000"), 1, 3},
       {{{max, 0, 0}, {max, 0, 0}, {max - 1, 0, 1}, {max, 0, 0}}}},
      {{"1234567890123456.789"_dec, "0.000000000000000001"_dec, 7},
       {{{9223372036854723510, 0, 52297},
         {9223372036854723511, 0, 52296},
         {9223372036854723510, 0, 52297},
         {9223372036854723511, 0, 52296}}}},
  };
  for (const auto& r : rows) {
    const allocation_ratios ratios(r.ratios);
    for (std::size_t p = 0; p < 4; ++p) {
      INFO("policy " << recoup::to_string(all_policies[p]) << ", ratio sum " << recoup::detail::to_string(ratios.sum()));
      CHECK(split(max, ratios, all_policies[p]) == r.expected[p]);
      std::vector<std::int64_t> negated;
      for (auto v : r.expected[p]) negated.push_back(-v);
      CHECK(split(-max, ratios, all_policies[p]) == negated);
    }
  }
}

TEST_CASE("allocation conserves the total and stays within one unit of the exact share", "[money][allocation][invariant]") {
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<int> count_dist(1, 9);
  std::uniform_int_distribution<int> kind_dist(0, 3);
  std::uniform_int_distribution<int> small_ratio(0, 12);
  std::uniform_int_distribution<std::int64_t> wide_ratio(0, INT64_MAX);
  std::uniform_int_distribution<int> scale_dist(0, 6);
  std::uniform_int_distribution<std::int64_t> any_amount(INT64_MIN + 1, INT64_MAX);
  std::uniform_int_distribution<std::int64_t> small_amount(-100000, 100000);
  std::uniform_int_distribution<int> step_dist(1, 50);

  int cases = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    const int n = count_dist(rng);
    std::vector<decimal> ratios;
    const int kind = kind_dist(rng);
    for (int i = 0; i < n; ++i) {
      if (kind == 0) ratios.emplace_back(small_ratio(rng));
      else if (kind == 1) ratios.emplace_back(wide_ratio(rng));  // sums beyond int64: the wide path
      else ratios.push_back(decimal::from_parts(small_ratio(rng) * 997 + small_ratio(rng), scale_dist(rng)));
    }
    if (std::all_of(ratios.begin(), ratios.end(), [](const decimal& d) { return d.is_zero(); })) ratios[0] = 1;
    const allocation_ratios r(ratios);
    const std::int64_t amount = (iter % 2 == 0) ? any_amount(rng) : small_amount(rng);
    const std::int64_t step = (iter % 5 == 0) ? step_dist(rng) : 1;
    const std::int64_t units = amount / step;  // the amount in steps (the test keeps it a multiple)
    const money m = money::from_minor(units * step, usd);
    const money step_m = money::from_minor(step, usd);

    // The exact share of part i is (units * u_i / sum) steps.
    const big sum(recoup::detail::to_string(r.sum()));
    for (remainder_policy policy : all_policies) {
      ++cases;
      const auto parts = m.allocate(r, policy, step_m);
      REQUIRE(parts.size() == ratios.size());
      big total = 0;
      std::vector<big> rem(parts.size());
      std::vector<bool> got_extra(parts.size());
      for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::int64_t p = parts[i].minor_units();
        REQUIRE(parts[i].currency() == usd);
        REQUIRE(p % step == 0);
        total += p;
        const big u(recoup::detail::to_string(r.units()[i]));
        const big exact_num = big(units) * u;  // share × sum, in steps
        const big got = big(p / step) * sum;
        // (part - exact share) × sum, measured away from zero (so positive = rounded away).
        const big away = units >= 0 ? big(got - exact_num) : big(exact_num - got);
        INFO("iteration " << iter << ", part " << i << ", policy " << recoup::to_string(policy) << ", amount "
                          << units * step << ", step " << step);
        // The part is the exact share rounded toward zero, or that plus one step: within one step.
        // Only largest_remainder guarantees strictly less than one step (an extra unit never goes
        // to a part whose share is already whole); the other policies may give it to such a part.
        REQUIRE(away > -sum);
        REQUIRE(away <= sum);
        if (policy == remainder_policy::largest_remainder) REQUIRE(away < sum);
        if (u == 0) REQUIRE(p == 0);
        rem[i] = abs(exact_num) % sum;
        got_extra[i] = away > 0;
      }
      REQUIRE(total == big(units * step));
      // Which parts receive the left-over units is the policy's documented choice.
      std::vector<std::size_t> positive;
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (r.units()[i] > 0) positive.push_back(i);
      const auto extras = static_cast<std::size_t>(std::count(got_extra.begin(), got_extra.end(), true));
      REQUIRE(extras < positive.size());
      std::vector<std::size_t> chosen;
      if (policy == remainder_policy::first) chosen.assign(positive.begin(), positive.begin() + static_cast<std::ptrdiff_t>(extras));
      if (policy == remainder_policy::last) chosen.assign(positive.end() - static_cast<std::ptrdiff_t>(extras), positive.end());
      if (policy == remainder_policy::largest_share) {
        std::vector<std::size_t> by_share = positive;
        std::stable_sort(by_share.begin(), by_share.end(),
                         [&](std::size_t a, std::size_t b) { return r.units()[a] > r.units()[b]; });
        chosen.assign(by_share.begin(), by_share.begin() + static_cast<std::ptrdiff_t>(extras));
      }
      if (policy != remainder_policy::largest_remainder) {
        for (std::size_t i = 0; i < parts.size(); ++i) {
          INFO("iteration " << iter << ", part " << i << ", policy " << recoup::to_string(policy));
          REQUIRE(got_extra[i] == (std::find(chosen.begin(), chosen.end(), i) != chosen.end()));
        }
      }
      if (policy == remainder_policy::largest_remainder) {
        // Every part that got an extra unit lost at least as much as every part that did not.
        for (std::size_t i = 0; i < parts.size(); ++i)
          for (std::size_t j = 0; j < parts.size(); ++j)
            if (got_extra[i] && !got_extra[j] && rem[j] != 0) REQUIRE(rem[i] >= rem[j]);
      }
    }
  }
  CHECK(cases == 12000);
}

TEST_CASE("a splitter is reusable across amounts", "[allocation]") {
  const allocation_ratios r{1, 2, 3};
  splitter s(r, remainder_policy::largest_remainder);
  CHECK(s.policy() == remainder_policy::largest_remainder);
  CHECK(&s.ratios() == &r);
  std::vector<std::int64_t> out(3);
  s.split(10000, out);
  CHECK(out == std::vector<std::int64_t>{1667, 3333, 5000});
  s.split(-10000, out);
  CHECK(out == std::vector<std::int64_t>{-1667, -3333, -5000});
  s.split(6, out);
  CHECK(out == std::vector<std::int64_t>{1, 2, 3});
}
