"""A tour of repayment plans, due dates, calendars and APR in Python (run by `make demo`)."""

from __future__ import annotations

from datetime import date

import numpy as np

from recoup import Money, plan, time


def main() -> None:
    # GBP 1,200 of arrears at GBP 50 a month, interest-free: the most common arrangement.
    arrears = plan.arrears_arrangement(
        Money("1200.00", "GBP"), Money("50.00", "GBP"), first_due=date(2026, 1, 15)
    )
    n, each, last = arrears.instalments, arrears.regular_payment, arrears.final_due_date
    print(f"Arrears: {n} instalments of {each}, last {last}")

    # GBP 1,000 over 7 months in whole pounds, the odd pence taken on the first instalment.
    whole = plan.level_payment(
        Money("1000.00", "GBP"),
        0,
        7,
        first_due=date(2026, 1, 15),
        payment_step=Money("1", "GBP"),
        payment_rounding="up",
        residue="first",
    )
    print("Whole pounds, residue first:", [str(r.payment.amount) for r in whole.rows])

    # A loan with a long first period, due dates on England & Wales business days.
    loan = plan.level_payment(
        Money("5000.00", "GBP"),
        "0.129",
        6,
        start=date(2026, 3, 20),
        first_due=date(2026, 5, 1),
        calendar="GB-EAW",
        adjustment="modified_following",
    )
    print(loan.to_pandas().to_string(index=False))
    print(loan.explain())

    # The UK APR of that loan (CONC App 1, equal-months basis), and the Reg Z APR of App. J (c)(1)(i).
    advances = [(date(2026, 3, 20), Money("5000.00", "GBP"))]
    print(
        "UK APR:",
        plan.disclosed_apr(advances, [(r.due_date, r.payment) for r in loan.rows], method="uk_conc"),
    )
    us = [(d, Money("230.00", "USD")) for d in plan.due_dates(date(1978, 2, 10), 24)]
    print("Reg Z APR:", plan.apr([(date(1978, 1, 10), Money("5000.00", "USD"))], us, method="us_reg_z"))

    # Many plans in one call: columns of minor units and datetime64 due dates.
    batch = plan.build_schedules(
        np.array([120000, 250000, 99900]),
        "USD",
        ["0.05", "0.199", "0"],
        [12, 24, 6],
        np.array(["2026-01-31", "2026-02-15", "2026-03-01"], dtype="datetime64[D]"),
    )
    print("Batch:", len(batch), "plans,", len(batch.payment), "rows, totals", batch.total_payment.tolist())
    # Money in: a waterfall over the arrears plan, a bounced payment reversed, and monitoring.
    charges = plan.charges_from_schedule(arrears)
    ledger = [
        ("p1", date(2026, 1, 15), Money("50.00", "GBP")),
        ("p2", date(2026, 2, 20), Money("30.00", "GBP")),
    ]
    applied = plan.apply_payments(charges, ledger)
    print("Applied:", applied.total_applied, "outstanding:", applied.total_outstanding)
    print("After p2 bounced:", plan.reverse_payment(charges, ledger, "p2").total_applied)
    status = plan.monitor(arrears, [(d, m) for _, d, m in ledger], date(2026, 4, 1))
    print("Monitor on 2026-04-01:", status.status, status.arrears, f"{status.days_past_due} days past due")

    # Statutory interest (Late Payment of Commercial Debts (Interest) Act 1998), exact until posted.
    accrued = plan.accrue(Money("10000.00", "GBP"), date(2024, 2, 1), date(2024, 3, 2), "0.1325")
    print("Late payment interest:", accrued.interest, "exact", accrued.exact)

    print(
        "Bank holidays in England & Wales, 2026:", [str(d) for d, _ in time.calendar("GB-EAW").holidays(2026)]
    )


if __name__ == "__main__":
    main()
