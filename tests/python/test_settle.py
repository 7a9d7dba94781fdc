"""Settlement offers, authority, NPV / expected recovery, break-even, optimiser, sensitivity.

Oracle: Python's ``fractions`` (exact), rounded with ``decimal`` under the mode of the same name.
"""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoup import FloatInputError, InvalidInputError, Money, plan, settle

USD = "USD"


def usd(s: str) -> Money:
    return Money(s, USD)


def round_minor(x: Fraction, mode: str = "half_even") -> Decimal:
    """An exact fraction of dollars rounded to cents with the decimal module."""
    ctx = decimal.Context(prec=200)
    q = ctx.divide(Decimal(x.numerator), Decimal(x.denominator))
    return q.quantize(Decimal("0.01"), rounding=getattr(decimal, "ROUND_" + mode.upper()))


def oracle_value(
    amounts: list[tuple[int, Fraction]], rate: Fraction, hazard: Fraction
) -> tuple[Fraction, Fraction]:
    """(npv, expected gross) of (period, amount) payments: sum a v^t and sum a (1-h)^t v^t."""
    v = 1 / (1 + rate)
    npv = sum((a * v**t for t, a in amounts), Fraction(0))
    gross = sum((a * (1 - hazard) ** t * v**t for t, a in amounts), Fraction(0))
    return npv, gross


BANDS = [
    settle.AuthorityBand("agent", "0.20", max_balance=usd("5000.00"), max_age_days=180),
    settle.AuthorityBand("supervisor", "0.35"),
    settle.AuthorityBand("manager", "0.50"),
]


class TestOffers:
    def test_lump_sum_with_floor_and_named_rounding(self) -> None:
        o = settle.lump_sum(usd("4000.00"), "0.60")
        assert (o.settled, o.forgiven, o.kind) == (usd("2400.00"), usd("1600.00"), "lump_sum")
        assert o.discount() == Decimal("0.4")
        assert o.payments == [(0, usd("2400.00"), None)]
        assert settle.lump_sum(usd("1234.57"), "0.333").settled == usd("411.11")
        assert settle.lump_sum(usd("1234.57"), Decimal("0.333"), rounding="ceiling").settled == usd("411.12")
        assert settle.lump_sum(usd("1000.00"), "0.10", minimum="250").settled == usd("250.00")
        assert settle.lump_sum(usd("200.00"), "0.10", minimum=usd("250.00")).settled == usd("200.00")
        assert "rounded half_up" in o.explain()

    def test_instalments_split_without_losing_a_cent(self) -> None:
        o = settle.instalment_settlement(usd("1000.00"), "0.75", 4, first_due=date(2026, 1, 31))
        assert [p[1] for p in o.payments] == [usd("187.50")] * 4
        assert [p[2] for p in o.payments][:2] == [date(2026, 1, 31), date(2026, 2, 28)]
        f = settle.full_balance_plan(usd("1000.00"), 3, "fortnightly")
        assert [p[1] for p in f.payments] == [usd("333.34"), usd("333.33"), usd("333.33")]
        assert f.forgiven == usd("0.00")

    def test_offer_from_a_schedule(self) -> None:
        s = plan.arrears_arrangement(usd("1200.00"), usd("100.00"), first_due=date(2026, 1, 15))
        o = settle.from_schedule(usd("1200.00"), s)
        assert o.kind == "schedule_plan"
        assert len(o.payments) == 12 and o.settled == usd("1200.00")

    def test_forgiven_amount_and_the_reporting_hook(self) -> None:
        assert settle.forgiven_amount(usd("100.00"), "60") == usd("40.00")
        o = settle.lump_sum(usd("5000.00"), "0.5")
        assert o.forgiven == usd("2500.00")
        assert o.forgiveness_report is None
        o.attach_forgiveness_report({"rule": "us.irs.1099c", "reportable": True})
        assert o.forgiveness_report == {"rule": "us.irs.1099c", "reportable": True}
        assert "forgiveness report attached" in o.explain()
        with pytest.raises(InvalidInputError) as e:
            settle.forgiven_amount(usd("100.00"), "100.01")
        assert e.value.id == "settle.settled_range"

    def test_the_forgiveness_report_travels_with_the_offer_into_its_valuation(self) -> None:
        # 26 U.S.C. 6050P: $1,600.00 forgiven by agreement (event F) is reportable; the C++
        # report_forgiveness stores the verdict in the offer, so value() keeps it.
        o = settle.lump_sum(usd("4000.00"), "0.60")
        verdict = o.report_forgiveness(date(2027, 1, 31))
        assert verdict.required and o.forgiveness_report is verdict
        valued = settle.value(o, "0.01").offer
        assert valued.forgiveness_report is verdict
        carried = valued._o.reporting
        assert carried["reportable"] is True and "6050P" in carried["citation"]
        small = settle.lump_sum(usd("1000.00"), "0.50")
        assert not small.report_forgiveness(date(2027, 1, 31)).required  # $500.00 < $600.00
        assert settle.value(small, "0")._v.offer.reporting["reportable"] is False

    @pytest.mark.parametrize(
        ("call", "error_id"),
        [
            (lambda: settle.lump_sum(usd("-1.00"), "0.5"), "settle.balance"),
            (lambda: settle.lump_sum(usd("100.00"), "1.5"), "settle.fraction"),
            (lambda: settle.lump_sum(usd("100.00"), "0.5", minimum="-1"), "settle.minimum"),
            (lambda: settle.full_balance_plan(usd("100.00"), 0), "settle.payments"),
            (lambda: settle.constant_hazard("1.01"), "settle.hazard_range"),
            (lambda: settle.constant_hazard("-0.1"), "settle.hazard_range"),
            (lambda: settle.survival_curve(["0.9", "0.95"]), "settle.survival_not_monotone"),
            (lambda: settle.survival_curve(["2"]), "settle.survival_range"),
            (lambda: settle.survival_curve([]), "settle.survival_empty"),
        ],
        ids=[
            "negative balance",
            "fraction",
            "minimum",
            "payments",
            "hazard>1",
            "hazard<0",
            "monotone",
            "survival>1",
            "empty curve",
        ],
    )
    def test_bad_input_has_specific_errors(self, call: object, error_id: str) -> None:
        with pytest.raises(InvalidInputError) as e:
            call()  # type: ignore[operator]
        assert e.value.id == error_id

    def test_floats_are_refused(self) -> None:
        with pytest.raises(FloatInputError):
            settle.lump_sum(usd("100.00"), 0.5)  # type: ignore[arg-type]
        with pytest.raises(FloatInputError):
            settle.constant_hazard(0.05)  # type: ignore[arg-type]
        with pytest.raises(FloatInputError):
            settle.value(settle.lump_sum(usd("100.00"), "0.5"), 0.01)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            settle.lump_sum("100.00", "0.5")  # type: ignore[arg-type]


class TestAuthority:
    @pytest.mark.parametrize(
        ("balance", "fraction", "age", "level"),
        [
            ("4000.00", "0.80", 179, "agent"),  # 20% off, inclusive
            ("4000.00", "0.80", 180, "supervisor"),  # aged 180 is not under 180
            ("5000.00", "0.80", 10, "supervisor"),  # 5000 is not under 5000
            ("4000.00", "0.7999", 10, "supervisor"),
            ("4000.00", "0.65", 10, "supervisor"),  # 35% inclusive
            ("4000.00", "0.6499", 10, "manager"),
            ("4000.00", "0.50", 10, "manager"),
            ("4000.00", "0.49", 10, None),
        ],
        ids=[
            "agent edge",
            "age edge",
            "balance edge",
            "just over 20",
            "supervisor edge",
            "just over 35",
            "manager edge",
            "nobody",
        ],
    )
    def test_band_boundaries(self, balance: str, fraction: str, age: int, level: str | None) -> None:
        d = settle.approve(settle.lump_sum(usd(balance), fraction), BANDS, age_days=age)
        assert d.level == level
        assert bool(d) == (level is not None)

    def test_within_authority(self) -> None:
        o = settle.lump_sum(usd("4000.00"), "0.60")
        assert not settle.within_authority(o, BANDS, "supervisor", age_days=10)
        assert settle.within_authority(o, BANDS, "manager", age_days=10)
        with pytest.raises(InvalidInputError) as e:
            settle.within_authority(o, BANDS, "director", age_days=10)
        assert e.value.id == "settle.unknown_authority_level"
        assert "band 1 (supervisor" in settle.approve(o, BANDS, age_days=10).explain()


class TestValuation:
    def test_hand_worked_costs(self) -> None:
        costs = settle.CollectionCosts(
            per_contact=usd("5.00"), setup_contacts=2, contacts_per_payment=1, legal="50", commission="0.2"
        )
        p = settle.full_balance_plan(usd("300.00"), 3)
        v = settle.value(p, "0", settle.constant_hazard("0.1"), costs)
        assert v.expected_gross == usd("243.90")
        assert v.commission == usd("48.78")
        assert v.contact_costs == usd("22.20")  # 22.195 half_even
        assert v.expected_net == usd("122.92")
        assert v.expected_contacts == Decimal("4.439")
        assert v.completion_probability == Decimal("0.729")
        assert v.expected_net == v.expected_gross - v.commission - v.contact_costs - v.legal
        assert "rounded half_even" in v.explain()

    @given(
        payments=st.integers(min_value=1, max_value=24),
        cents=st.integers(min_value=100, max_value=10_000_000),
        rate=st.decimals(min_value=0, max_value=Decimal("0.05"), places=4),
        hazard=st.decimals(min_value=0, max_value=1, places=3),
    )
    def test_against_the_fractions_oracle(
        self, payments: int, cents: int, rate: Decimal, hazard: Decimal
    ) -> None:
        balance = Money(Decimal(cents).scaleb(-2), USD)
        p = settle.full_balance_plan(balance, payments)
        v = settle.value(p, rate, settle.constant_hazard(hazard))
        amounts = [(t, Fraction(a.amount)) for t, a, _ in p.payments]
        npv, gross = oracle_value(amounts, Fraction(rate), Fraction(hazard))
        assert v.npv.amount == round_minor(npv)
        assert v.expected_gross.amount == round_minor(gross)

    @given(payments=st.integers(min_value=1, max_value=36), cents=st.integers(min_value=1, max_value=10**9))
    def test_npv_at_zero_is_the_total(self, payments: int, cents: int) -> None:
        p = settle.full_balance_plan(Money(Decimal(cents).scaleb(-2), USD), payments)
        assert settle.npv(p, 0) == p.settled

    @given(
        h1=st.decimals(min_value=0, max_value=1, places=4),
        h2=st.decimals(min_value=0, max_value=1, places=4),
        rate=st.decimals(min_value=0, max_value=Decimal("0.03"), places=4),
    )
    def test_expected_recovery_falls_as_hazard_rises(self, h1: Decimal, h2: Decimal, rate: Decimal) -> None:
        lo, hi = sorted((h1, h2))
        p = settle.full_balance_plan(usd("2400.00"), 12)
        costs = settle.CollectionCosts(per_contact=usd("1.00"), contacts_per_payment=1, commission="0.1")
        assert (
            settle.value(p, rate, settle.constant_hazard(hi), costs).expected_net
            <= settle.value(p, rate, settle.constant_hazard(lo), costs).expected_net
        )

    def test_survival_curve(self) -> None:
        p = settle.full_balance_plan(usd("300.00"), 3)
        assert settle.value(p, 0, settle.survival_curve(["0.9", "0.8", "0.5"])).expected_gross == usd(
            "220.00"
        )
        with pytest.raises(InvalidInputError) as e:
            settle.value(p, 0, settle.survival_curve(["0.9"]))
        assert e.value.id == "settle.survival_too_short"
        with pytest.raises(InvalidInputError) as e:
            settle.value(p, "-0.01")
        assert e.value.id == "settle.discount_rate"
        with pytest.raises(InvalidInputError) as e:
            settle.value(p, 0, costs=settle.CollectionCosts(commission=1))
        assert e.value.id == "settle.commission_range"


class TestBreakEvenOptimiserGrid:
    def test_break_even(self) -> None:
        costs = settle.CollectionCosts(
            per_contact=usd("5.00"), setup_contacts=2, contacts_per_payment=1, legal="50", commission="0.2"
        )
        b = settle.break_even(
            settle.full_balance_plan(usd("300.00"), 3), 0, settle.constant_hazard("0.1"), costs
        )
        # f = (122.925 + 65) / 240 exactly, rounded up to 4 places
        f = (Fraction("122.925") + 65) / 240
        assert Fraction("0.7830") < f <= Fraction("0.7831")
        assert b.fraction == Decimal("0.7831")
        assert b.discount == Decimal("0.2169")
        assert b.lump_sum == usd("234.93")
        # a lump sum at f is worth at least the plan
        lump = settle.value(settle.lump_sum(usd("300.00"), b.fraction, rounding="ceiling"), 0, costs=costs)
        assert lump.expected_net >= b.plan.expected_net

    def test_optimiser(self) -> None:
        kw = dict(max_payment="100", max_lump_sum="700", bands=BANDS, age_days=90, discount_rate="0.01")
        risky = settle.optimise(
            usd("1000.00"), authority="supervisor", model=settle.constant_hazard("0.1"), **kw
        )
        assert risky.best is not None and risky.best.offer.kind == "lump_sum"
        assert risky.best.expected_net == usd("700.00")
        assert len(risky.candidates) == 10 and not risky.candidates[1].allowed
        safe = settle.optimise(
            usd("1000.00"), authority="supervisor", model=settle.constant_hazard("0.05"), **kw
        )
        assert safe.best is not None and len(safe.best.offer.payments) == 10
        assert safe.best.expected_net == usd("725.12")
        agent = settle.optimise(usd("1000.00"), authority="agent", model=settle.constant_hazard("0.1"), **kw)
        assert agent.best is not None and len(agent.best.offer.payments) == 10
        assert "needs supervisor" in agent.candidates[0].reason
        assert "Best offer" in safe.explain()

    def test_sensitivity_grid(self) -> None:
        p = settle.full_balance_plan(usd("300.00"), 3)
        g = settle.sensitivity(p, ["0", "0.10"], ["0", "0.1"])
        assert g.minor_units.tolist() == [[30000, 24390], [24869, g.at(1, 1).minor_units]]
        assert g.at(1, 1) == settle.value(p, "0.10", settle.constant_hazard("0.1")).expected_net
        df = g.to_pandas()
        assert df.loc[Decimal("0"), Decimal("0.1")] == Decimal("243.90")
        assert df.shape == (2, 2)
        assert "rate \\ hazard" in g.explain()
        with pytest.raises(InvalidInputError) as e:
            settle.sensitivity(p, [], ["0"])
        assert e.value.id == "settle.grid"
