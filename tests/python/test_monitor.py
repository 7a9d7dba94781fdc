"""Plan monitoring, promises to pay, CCA arrears notices and rescheduling, from Python.

Worked scenarios are written out by hand on a 6-instalment plan (100.00 GBP on the 15th of each
month, Jan..Jun 2026); hypothesis checks the invariants and that the columnar call equals the
scalar one.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import recoup
from recoup import Money, plan
from recoup.plan import (
    STATUS_CODES,
    MonitorPolicy,
    MonitorResult,
    cca_arrears_notice,
    check_promise,
    monitor,
    monitor_instalments,
    monitor_plans,
    reschedule,
    reschedule_amount,
)

GBP = "GBP"
MADE = date(2026, 3, 1)  # the day the promises in TestPromiseToPay were made


def gbp(text: str) -> Money:
    return Money(text, GBP)


@pytest.fixture
def six() -> plan.Schedule:
    return plan.level_payment(gbp("600.00"), 0, 6, first_due=date(2026, 1, 15))


WORKED = [
    (date(2026, 1, 14), gbp("100.00")),  # early: paid
    (date(2026, 2, 18), gbp("100.00")),  # due 02-15 + 3 grace days: on time
    (date(2026, 3, 19), gbp("60.00")),  # after 03-18: #3 missed, then short by 40.00
]
GRACE3 = MonitorPolicy(grace_days=3, broken_after_missed=2)


def states(r: MonitorResult) -> list[str]:
    return [i.state for i in r.instalments]


class TestWorkedScenario:
    def test_in_arrears_short_on_third(self, six: plan.Schedule) -> None:
        r = monitor(six, WORKED, date(2026, 4, 10), GRACE3)
        assert r.status == "in_arrears"
        assert r.arrears == gbp("40.00")
        assert r.days_past_due == 26
        assert states(r) == ["paid", "paid", "short", "not_yet_due", "not_yet_due", "not_yet_due"]
        third = r.instalments[2]
        assert (third.paid, third.shortfall, third.last_payment_on) == (
            gbp("60.00"),
            gbp("40.00"),
            date(2026, 3, 19),
        )
        assert r.instalments[1].settled_on == date(2026, 2, 18)
        text = r.explain()
        assert "in_arrears" in text and "#3 (short, 40.00 GBP unpaid)" in text
        assert "1 missed instalment counted of 2 in total allowed" in text

    def test_broken_after_two_missed(self, six: plan.Schedule) -> None:
        r = monitor(six, WORKED, date(2026, 4, 19), GRACE3)
        assert (r.status, r.broken_rule, r.broken_on) == ("broken", "missed_instalments", date(2026, 4, 19))
        assert (r.arrears, r.days_past_due) == (gbp("140.00"), 35)
        assert states(r)[2:4] == ["short", "missed"]
        assert "2 missed instalments reached the limit of 2" in r.explain()
        assert [e.kind for e in r.events] == ["missed", "missed", "broken"]

    def test_grace_boundary_day(self, six: plan.Schedule) -> None:
        assert monitor(six, WORKED, date(2026, 4, 18), GRACE3).status == "in_arrears"
        assert states(monitor(six, WORKED, date(2026, 4, 18), GRACE3))[3] == "in_grace"
        late = [WORKED[0], (date(2026, 2, 19), gbp("100.00"))]
        r = monitor(six, late, date(2026, 3, 1), GRACE3)
        assert states(r)[1] == "late" and r.instalments[1].days_late == 4 and r.status == "on_track"

    def test_cure_and_no_cure(self, six: plan.Schedule) -> None:
        pay = [*WORKED, (date(2026, 4, 25), gbp("140.00"))]
        r = monitor(six, pay, date(2026, 4, 30), GRACE3)
        assert (r.status, r.arrears, r.days_past_due, r.last_cured_on) == (
            "on_track",
            gbp("0.00"),
            0,
            date(2026, 4, 25),
        )
        assert states(r) == ["paid", "paid", "late", "late", "not_yet_due", "not_yet_due"]
        no_cure = MonitorPolicy(grace_days=3, cure=False)
        assert monitor(six, pay, date(2026, 4, 30), no_cure).status == "broken"

    def test_completed(self, six: plan.Schedule) -> None:
        pay = [*WORKED, (date(2026, 4, 25), gbp("340.00"))]
        r = monitor(six, pay, date(2026, 5, 1), GRACE3)
        assert r.status == "completed" and r.outstanding == gbp("0.00")
        assert "every instalment is paid in full" in r.explain()

    def test_tolerance_amount_and_fraction(self, six: plan.Schedule) -> None:
        pay = [(date(2026, 1, 15), gbp("99.50"))]
        assert monitor(six, pay, date(2026, 1, 20)).status == "in_arrears"
        r = monitor(six, pay, date(2026, 1, 20), MonitorPolicy(tolerance=gbp("0.50")))
        assert r.status == "on_track" and r.arrears == gbp("0.50") and states(r)[0] == "paid"
        assert monitor(six, pay, date(2026, 1, 20), MonitorPolicy(tolerance="0.49")).status == "in_arrears"
        assert (
            monitor(six, pay, date(2026, 1, 20), MonitorPolicy(tolerance_fraction="0.005")).status
            == "on_track"
        )
        assert (
            monitor(six, pay, date(2026, 1, 20), MonitorPolicy(tolerance_fraction=Decimal("0.004"))).status
            == "in_arrears"
        )

    def test_broken_by_arrears_rules(self, six: plan.Schedule) -> None:
        pay = [(date(2026, 1, 15), gbp("100.00")), (date(2026, 3, 15), gbp("100.00"))]
        amount = MonitorPolicy(broken_after_missed=0, broken_arrears_at_least=gbp("150.00"))
        assert monitor(six, pay, date(2026, 4, 15), amount).status == "in_arrears"
        assert monitor(six, pay, date(2026, 4, 16), amount).broken_rule == "arrears_amount"
        k = MonitorPolicy(broken_after_missed=0, broken_arrears_instalments=2)
        assert monitor(six, pay, date(2026, 4, 16), k).broken_rule == "arrears_instalments"
        consecutive = MonitorPolicy(broken_after_missed=3, missed_consecutive=True)
        assert monitor(six, pay, date(2026, 4, 15), consecutive).status == "in_arrears"
        assert monitor(six, pay, date(2026, 4, 16), consecutive).status == "broken"

    def test_overpayment_held_as_credit(self, six: plan.Schedule) -> None:
        pay = [(date(2026, 1, 15), gbp("300.00"))]
        assert monitor(six, pay, date(2026, 3, 20)).status == "on_track"
        held = monitor(six, pay, date(2026, 3, 20), MonitorPolicy(overpayment="hold_as_credit"))
        assert held.status == "in_arrears" and held.unapplied == gbp("100.00")
        assert states(held)[:3] == ["paid", "paid", "missed"]

    def test_payments_after_as_of_are_ignored(self, six: plan.Schedule) -> None:
        pay = [(date(2026, 9, 1), gbp("600.00")), (date(2026, 1, 15), gbp("100.00"))]
        r = monitor(six, pay, date(2026, 1, 31))
        assert r.status == "on_track" and r.payments_after_as_of == 1 and r.paid_total == gbp("100.00")
        assert monitor(six, pay, date(2026, 9, 1)).status == "completed"


class TestErrors:
    def test_negative_payment(self, six: plan.Schedule) -> None:
        with pytest.raises(recoup.InvalidInputError, match="remove a reversed payment") as e:
            monitor(six, [(date(2026, 1, 15), gbp("-1.00"))], date(2026, 2, 1))
        assert e.value.id == "monitor.negative_payment"

    def test_currency(self, six: plan.Schedule) -> None:
        with pytest.raises(recoup.CurrencyMismatchError) as e:
            monitor(six, [(date(2026, 1, 15), Money("1.00", "USD"))], date(2026, 2, 1))
        assert e.value.id == "monitor.currency"

    def test_malformed_payment(self, six: plan.Schedule) -> None:
        with pytest.raises(
            recoup.InvalidInputError, match=r"payments\[0\].*\(datetime.date, Money\) pair"
        ) as e:
            monitor(six, [gbp("1.00")], date(2026, 2, 1))  # type: ignore[list-item]
        assert e.value.id == "monitor.payments"

    def test_float_refused(self, six: plan.Schedule) -> None:
        with pytest.raises(recoup.FloatInputError):
            monitor(six, [(date(2026, 1, 15), 1.5)], date(2026, 2, 1))  # type: ignore[list-item]
        with pytest.raises(recoup.FloatInputError):
            monitor(six, [], date(2026, 2, 1), MonitorPolicy(tolerance_fraction=0.05))  # type: ignore[arg-type]

    def test_policy(self, six: plan.Schedule) -> None:
        with pytest.raises(recoup.InvalidInputError, match="grace_days -1") as e:
            monitor(six, [], date(2026, 2, 1), MonitorPolicy(grace_days=-1))
        assert e.value.id == "monitor.policy"
        with pytest.raises(recoup.InvalidInputError, match="roll_forward, hold_as_credit"):
            monitor(six, [], date(2026, 2, 1), MonitorPolicy(overpayment="sideways"))  # type: ignore[arg-type]

    def test_not_a_schedule(self) -> None:
        with pytest.raises(TypeError, match=r"recoup\.plan\.Schedule"):
            monitor("plan", [], date(2026, 2, 1))  # type: ignore[arg-type]


class TestPromiseToPay:
    def test_kept(self) -> None:
        pay = [(date(2026, 3, 5), gbp("120.00")), (date(2026, 3, 9), gbp("80.00"))]
        r = check_promise(date(2026, 3, 10), gbp("200.00"), pay, date(2026, 3, 9), made_on=MADE, grace_days=2)
        assert (r.status, r.kept_on) == ("kept", date(2026, 3, 9))
        assert "reached on 2026-03-09" in r.explain()

    def test_partially_kept_and_pending(self) -> None:
        pay = [(date(2026, 3, 12), gbp("150.00")), (date(2026, 3, 13), gbp("50.00"))]
        assert (
            check_promise(
                date(2026, 3, 10), gbp("200.00"), pay, date(2026, 3, 11), made_on=MADE, grace_days=2
            ).status
            == "pending"
        )
        r = check_promise(
            date(2026, 3, 10), gbp("200.00"), pay, date(2026, 3, 15), made_on=MADE, grace_days=2
        )
        assert (r.status, r.paid, r.shortfall, r.paid_after_deadline) == (
            "partially_kept",
            gbp("150.00"),
            gbp("50.00"),
            gbp("50.00"),
        )

    def test_broken(self) -> None:
        assert (
            check_promise(date(2026, 3, 10), gbp("200.00"), [], date(2026, 3, 12), grace_days=2).status
            == "pending"
        )
        assert (
            check_promise(date(2026, 3, 10), gbp("200.00"), [], date(2026, 3, 13), grace_days=2).status
            == "broken"
        )

    def test_tolerance_and_made_on(self) -> None:
        pay = [(date(2026, 2, 27), gbp("200.00")), (date(2026, 3, 10), gbp("199.00"))]
        strict = check_promise(
            date(2026, 3, 10), gbp("200.00"), pay, date(2026, 3, 20), made_on=date(2026, 3, 1)
        )
        assert strict.status == "partially_kept"
        tolerant = check_promise(
            date(2026, 3, 10),
            gbp("200.00"),
            pay,
            date(2026, 3, 20),
            made_on=date(2026, 3, 1),
            tolerance=gbp("1.00"),
        )
        assert tolerant.status == "kept"

    def test_error(self) -> None:
        with pytest.raises(recoup.InvalidInputError) as e:
            check_promise(date(2026, 3, 10), gbp("0.00"), [], date(2026, 3, 1))
        assert e.value.id == "promise.amount"


class TestCcaArrearsNotice:
    def test_s86B_two_payments_due_and_unpaid(self, six: plan.Schedule) -> None:
        assert not cca_arrears_notice(six, [], date(2026, 2, 14)).required
        r = cca_arrears_notice(six, [], date(2026, 2, 15))
        assert r.required and r.rule_id == "uk.cca.arrears_notice.fixed_sum" and "s86B" in r.citation
        assert (r.conditions_met_on, r.first_notice_by) == (date(2026, 2, 15), date(2026, 2, 28))
        assert "REQUIRED" in r.explain() and "Caveats" in r.explain()

    def test_s86B_shortfall_must_reach_last_two_payments(self, six: plan.Schedule) -> None:
        pay = [(date(2026, 1, 15), gbp("100.00"))]
        assert not cca_arrears_notice(six, pay, date(2026, 3, 14)).required
        assert cca_arrears_notice(six, pay, date(2026, 3, 15)).conditions_met_on == date(2026, 3, 15)

    def test_s86B_duty_lasts_until_no_longer_in_arrears(self, six: plan.Schedule) -> None:
        pay = [(date(2026, 1, 15), gbp("100.00")), (date(2026, 3, 20), gbp("150.00"))]
        assert cca_arrears_notice(six, pay, date(2026, 3, 25)).required
        assert not cca_arrears_notice(
            six, [*pay, (date(2026, 3, 24), gbp("50.00"))], date(2026, 3, 25)
        ).required

    def test_s86B_six_monthly_further_notices(self, six: plan.Schedule) -> None:
        r = cca_arrears_notice(six, [], date(2026, 5, 1), last_notice_on=date(2026, 2, 20))
        assert r.next_notice_by == date(2026, 8, 20)

    def test_s86B_s86C_unpaid_judgment(self, six: plan.Schedule) -> None:
        assert not cca_arrears_notice(six, [], date(2026, 5, 1), unpaid_judgment=True).required
        assert not cca_arrears_notice(
            six, [], date(2026, 5, 1), "running_account", unpaid_judgment=True
        ).required

    def test_s86C_last_two_payments_not_made(self, six: plan.Schedule) -> None:
        r = cca_arrears_notice(six, [], date(2026, 2, 15), "running_account")
        assert r.required and r.rule_id == "uk.cca.arrears_notice.running_account" and "s86C" in r.citation
        assert not cca_arrears_notice(
            six, [(date(2026, 1, 15), gbp("100.00"))], date(2026, 2, 20), "running_account"
        ).required
        given_already = cca_arrears_notice(
            six, [], date(2026, 2, 20), "running_account", notice_given_for_these_payments=True
        )
        assert not given_already.required

    def test_unknown_agreement(self, six: plan.Schedule) -> None:
        with pytest.raises(recoup.InvalidInputError) as e:
            cca_arrears_notice(six, [], date(2026, 2, 15), "mortgage")  # type: ignore[arg-type]
        assert e.value.id == "arrears_notice.agreement"


class TestReschedule:
    def test_recast_keeps_history(self, six: plan.Schedule) -> None:
        rec = reschedule(
            six,
            [(date(2026, 1, 15), gbp("100.00"))],
            date(2026, 3, 20),
            periods=10,
            first_due=date(2026, 4, 15),
        )
        assert rec.amount == gbp("500.00") and rec.monitoring.status == "broken"
        assert (
            rec.old_plan is six
            and rec.new_plan.instalments == 10
            and rec.new_plan.regular_payment == gbp("50.00")
        )
        assert "500.00 GBP recast" in rec.explain() and "monitoring of the old plan" in rec.explain()

    def test_outstanding_principal_basis(self) -> None:
        loan = plan.level_payment(gbp("1200.00"), "0.10", 12, first_due=date(2026, 1, 31))
        pay = [(r.due_date, r.payment) for r in loan.rows[:3]]
        as_of = loan.rows[2].due_date
        assert reschedule_amount(loan, pay, as_of, "outstanding_principal") == loan.rows[2].balance
        assert reschedule_amount(loan, pay, as_of) > loan.rows[2].balance

    def test_nothing_outstanding(self, six: plan.Schedule) -> None:
        with pytest.raises(recoup.InvalidInputError) as e:
            reschedule(
                six,
                [(date(2026, 1, 1), gbp("600.00"))],
                date(2026, 2, 1),
                periods=2,
                first_due=date(2026, 3, 1),
            )
        assert e.value.id == "reschedule.nothing_outstanding"


# --- invariants and batch == scalar --------------------------------------------------------

START = date(2026, 1, 1)


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[date], list[int], list[tuple[date, int]], date]:
    n = draw(st.integers(1, 8))
    step = draw(st.integers(1, 40))
    due = [START + timedelta(days=step * i) for i in range(n)]
    amounts = draw(st.lists(st.integers(0, 20_000), min_size=n, max_size=n))
    pays = draw(st.lists(st.tuples(st.integers(-10, 400), st.integers(0, 30_000)), max_size=10))
    payments = [(START + timedelta(days=d), a) for d, a in pays]
    as_of = START + timedelta(days=draw(st.integers(-5, 420)))
    return due, amounts, payments, as_of


policies = st.builds(
    MonitorPolicy,
    grace_days=st.integers(0, 5),
    tolerance=st.one_of(st.none(), st.integers(0, 200).map(lambda m: Money(Decimal(m).scaleb(-2), GBP))),
    tolerance_fraction=st.sampled_from(["0", "0.01", "0.05"]),
    broken_after_missed=st.integers(0, 3),
    missed_consecutive=st.booleans(),
    broken_arrears_at_least=st.one_of(
        st.none(), st.integers(1, 50_000).map(lambda m: Money(Decimal(m).scaleb(-2), GBP))
    ),
    broken_arrears_instalments=st.integers(0, 3),
    cure=st.booleans(),
    overpayment=st.sampled_from(["roll_forward", "hold_as_credit"]),
)


def money_of(minor: int) -> Money:
    return Money(Decimal(minor).scaleb(-2), GBP)


def run_scalar(
    p: tuple[list[date], list[int], list[tuple[date, int]], date], policy: MonitorPolicy
) -> MonitorResult:
    due, amounts, payments, as_of = p
    return monitor_instalments(
        due, [money_of(a) for a in amounts], GBP, [(d, money_of(a)) for d, a in payments], as_of, policy
    )


@given(plans(), policies)
def test_invariants(
    p: tuple[list[date], list[int], list[tuple[date, int]], date], policy: MonitorPolicy
) -> None:
    due, amounts, payments, as_of = p
    r = run_scalar(p, policy)
    zero = money_of(0)
    paid_by_as_of = sum((a for d, a in payments if d <= as_of), 0)
    assert r.paid_total == money_of(paid_by_as_of)
    applied = sum((i.paid.minor_units for i in r.instalments), 0)
    assert r.applied_total == money_of(applied)
    assert r.applied_total + r.unapplied == r.paid_total
    assert r.unapplied >= zero and r.arrears >= zero
    due_before = sum((a for d, a in zip(due, amounts) if d < as_of), 0)
    assert r.arrears <= money_of(due_before)
    assert (r.days_past_due > 0) == (r.arrears > zero)
    all_paid = all(i.shortfall == zero for i in r.instalments)
    assert (r.status == "completed") == all_paid
    if policy.overpayment == "roll_forward":
        assert r.applied_total == money_of(min(paid_by_as_of, sum(amounts)))
    for i in r.instalments:
        assert zero <= i.paid <= i.due and i.paid + i.shortfall == i.due


@given(st.lists(plans(), min_size=1, max_size=6), policies)
def test_batch_equals_scalar(
    ps: list[tuple[list[date], list[int], list[tuple[date, int]], date]], policy: MonitorPolicy
) -> None:
    io, po = [0], [0]
    due_d: list[date] = []
    due_m: list[int] = []
    pay_d: list[date] = []
    pay_m: list[int] = []
    for due, amounts, payments, _ in ps:
        due_d += due
        due_m += amounts
        io.append(len(due_d))
        pay_d += [d for d, _ in payments]
        pay_m += [a for _, a in payments]
        po.append(len(pay_d))
    b = monitor_plans(
        io,
        np.array(due_d, dtype="datetime64[D]"),
        due_m,
        po,
        np.array(pay_d, dtype="datetime64[D]"),
        np.array(pay_m, dtype=np.int64),
        np.array([p[3] for p in ps], dtype="datetime64[D]"),
        GBP,
        policy,
    )
    for i, p in enumerate(ps):
        r = run_scalar(p, policy)
        assert STATUS_CODES[int(b.status[i])] == r.status
        assert b.arrears_minor[i] == r.arrears.minor_units
        assert b.days_past_due[i] == r.days_past_due
        assert b.paid_minor[i] == r.paid_total.minor_units
        assert b.outstanding_minor[i] == r.outstanding.minor_units
        assert b.missed_count[i] == r.missed_count


def test_batch_collects_errors_and_one_as_of() -> None:
    b = monitor_plans(
        [0, 2, 4],
        np.array(["2026-01-15", "2026-02-15"] * 2, dtype="datetime64[D]"),
        [100, 100, 100, 100],
        [0, 1, 2],
        np.array(["2026-01-15", "2026-01-15"], dtype="datetime64[D]"),
        [100, -1],
        date(2026, 3, 1),
        GBP,
        errors="collect",
    )
    assert list(b.status_names()) == ["in_arrears", "failed"]
    assert b.error_rows == [1] and b.error_ids == ["monitor.negative_payment"]
    assert "remove a reversed payment" in b.error_messages[0]
    with pytest.raises(recoup.InvalidInputError, match="row 1: "):
        monitor_plans(
            [0, 2, 4],
            np.array(["2026-01-15", "2026-02-15"] * 2, dtype="datetime64[D]"),
            [100] * 4,
            [0, 1, 2],
            np.array(["2026-01-15"] * 2, dtype="datetime64[D]"),
            [100, -1],
            date(2026, 3, 1),
            GBP,
        )
    with pytest.raises(recoup.FloatInputError):
        monitor_plans(
            [0, 1],
            np.array(["2026-01-15"], dtype="datetime64[D]"),
            np.array([1.0]),
            [0, 0],
            np.array([], dtype="datetime64[D]"),
            np.array([], dtype=np.int64),
            date(2026, 3, 1),
            GBP,
        )


def test_batch_of_many_plans_is_fast_enough() -> None:
    n, k = 20_000, 6
    first = np.datetime64("2026-01-15") + np.arange(n) % 28
    due = (first[:, None] + np.arange(k)[None, :] * 30).ravel()
    b = monitor_plans(
        np.arange(n + 1) * k,
        due,
        np.full(n * k, 10_000),
        np.arange(n + 1),
        first,
        np.full(n, 10_000),
        np.datetime64("2026-04-01"),
        GBP,
        MonitorPolicy(grace_days=3),
    )
    assert len(b) == n
    assert set(b.status_names()) <= {"in_arrears", "broken"}
