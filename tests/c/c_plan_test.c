/* The C ABI's plan-level tools, from C99, against published figures: numpy-financial's and
 * Excel's time-value and return examples, promises to pay and late fees (the C++ tests' cases). */
#include <recoup/c/recoup.h>

#include <stdio.h>
#include <string.h>

#include "check.h"

/* The first n characters of a decimal result equal `expected` (a rounded published figure). */
static int starts(const char* text, const char* expected) { return strncmp(text, expected, strlen(expected)) == 0; }

static void test_time_value(void) {
  char out[64];
  size_t need = 0;
  /* numpy-financial's documented 15-year mortgage: pmt(0.075/12, 15*12, 200000). */
  CHECK(recoup_tvm_pmt("0.00625", "180", "200000", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "-1854.024720005476247786907149") == 0);
  CHECK(recoup_tvm_ipmt("0.01", "2", "12", "1000", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "-9.211512113216582926600121688") == 0);
  CHECK(recoup_tvm_ppmt("0.01", "12", "12", "1000", "0", "end", out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "-87.9690977013284231088988428") == 0); /* 28 significant digits */
  CHECK(recoup_tvm_ipmt("0.01", "1", "12", "1000", NULL, "begin", out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "0") == 0);
  CHECK(recoup_tvm_pmt("0", "10", "1000", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "-100") == 0);
  /* pv, fv, nper and rate invert pmt. */
  CHECK(recoup_tvm_pv("0.01", "12", "-100", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(starts(out, "1125.507747"));
  CHECK(recoup_tvm_fv("0.01", "12", "-100", "0", NULL, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(starts(out, "1268.250301"));
  CHECK(recoup_tvm_nper("0", "-100", "1000", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "10") == 0);
  CHECK(recoup_tvm_rate("180", "-1854.024720005476247786907149", "200000", NULL, NULL, out, sizeof out, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(starts(out, "0.006250000"));
  /* A too-small buffer is refused with the size needed, never truncated. */
  CHECK(recoup_tvm_pmt("0.00625", "180", "200000", NULL, NULL, out, 8, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL);
  CHECK(need == strlen("-1854.024720005476247786907149") + 1);
  /* Bad input. */
  CHECK(recoup_tvm_ipmt("0.01", "13", "12", "1000", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "time_value.period_range") == 0);
  CHECK(recoup_tvm_pmt("0.01", "12", "1000", NULL, "middle", out, sizeof out, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "time_value.when") == 0);
  CHECK(recoup_tvm_pmt("0.01", "12", "1e3x", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_tvm_pmt(NULL, "12", "1000", NULL, NULL, out, sizeof out, NULL) == RECOUP_STATUS_NULL_ARGUMENT);
}

static void test_solve(void) {
  char out[64];
  int64_t periods = 0;
  CHECK(recoup_tvm_solve_term("GBP", 100000, 5000, "0.05", 12, &periods) == RECOUP_STATUS_OK && periods == 21);
  CHECK(recoup_tvm_solve_term("GBP", 100000, 9999, "0", 12, &periods) == RECOUP_STATUS_OK && periods == 11);
  CHECK(recoup_tvm_solve_term("GBP", 100000, 100, "0.05", 12, &periods) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "rate.payment_too_small") == 0);
  CHECK(recoup_tvm_solve_rate("GBP", 100000, 5000, 20, 12, 0, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "0.000000000000") == 0); /* 20 x 50.00 repay 1000.00: no interest, to 12 places */
  CHECK(recoup_tvm_solve_rate("GBP", 100000, 5000, 0, 12, 0, out, sizeof out, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "rate.periods") == 0);
}

static void test_returns(void) {
  char out[64];
  const char* values[] = {"-100", "39", "59", "55", "20"};
  const char* flat[] = {"100", "100"};
  /* Microsoft's XIRR and XNPV help examples (Actual/365). */
  const char* dates[] = {"2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"};
  const char* flows[] = {"-10000", "2750", "4250", "3250", "2750"};
  CHECK(recoup_cashflow_irr(5, values, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(starts(out, "0.2809484211599611")); /* numpy-financial's irr docs */
  CHECK(recoup_cashflow_npv("0.281", 5, values, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(starts(out, "-0.0084"));            /* numpy-financial's npv docs: -0.0084785916384548798 */
  CHECK(recoup_cashflow_xirr(5, dates, flows, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(out, "0.3733625335188315103084554119") == 0);
  CHECK(recoup_cashflow_xnpv("0.09", 5, dates, flows, out, sizeof out, NULL) == RECOUP_STATUS_OK);
  CHECK(starts(out, "2086.6476"));
  CHECK(recoup_cashflow_irr(2, flat, out, sizeof out, NULL) == RECOUP_STATUS_NO_CONVERGENCE);
  CHECK(strcmp(recoup_last_error_id(), "irr.no_sign_change") == 0);
  CHECK(recoup_cashflow_irr(0, NULL, out, sizeof out, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "irr.no_values") == 0);
  CHECK(recoup_cashflow_irr(5, NULL, out, sizeof out, NULL) == RECOUP_STATUS_NULL_ARGUMENT);
}

static void test_promise(void) {
  recoup_promise p;
  recoup_promise_result r;
  const char* dates[] = {"2026-03-12", "2026-03-13"};
  const int64_t amounts[] = {15000, 5000};
  const char* early_dates[] = {"2026-02-27", "2026-03-10"};
  const int64_t early[] = {20000, 19900};
  char text[512];
  recoup_promise_init(&p);
  p.date = "2026-03-10";
  p.amount_minor = 20000;
  p.made_on = "2026-03-01";
  p.grace_days = 2;
  memset(&r, 0, sizeof r);
  r.struct_size = sizeof r;
  /* Part paid: pending until the deadline, then partially kept; the day-late 50.00 does not count. */
  CHECK(recoup_promise_check("GBP", &p, 2, dates, amounts, "2026-03-11", &r, NULL, 0, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_PROMISE_PENDING);
  CHECK(recoup_promise_check("GBP", &p, 2, dates, amounts, "2026-03-15", &r, text, sizeof text, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_PROMISE_PARTIALLY_KEPT && r.paid_minor == 15000 && r.shortfall_minor == 5000);
  CHECK(r.paid_after_deadline_minor == 5000 && strcmp(r.deadline, "2026-03-12") == 0 && r.kept_on[0] == '\0');
  CHECK(strstr(text, "Paid after the deadline") != NULL);
  CHECK(recoup_promise_check("GBP", &p, 0, NULL, NULL, "2026-03-13", &r, NULL, 0, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_PROMISE_BROKEN);
  /* Payments before the promise was made do not count; a tolerance keeps a near miss. */
  CHECK(recoup_promise_check("GBP", &p, 2, early_dates, early, "2026-03-20", &r, NULL, 0, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_PROMISE_PARTIALLY_KEPT && r.paid_minor == 19900);
  p.tolerance_minor = 100;
  CHECK(recoup_promise_check("GBP", &p, 2, early_dates, early, "2026-03-20", &r, NULL, 0, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_PROMISE_KEPT && strcmp(r.kept_on, "2026-03-10") == 0);
  /* Bad input. */
  p.amount_minor = 0;
  CHECK(recoup_promise_check("GBP", &p, 0, NULL, NULL, "2026-03-01", &r, NULL, 0, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "promise.amount") == 0);
  p.amount_minor = 20000;
  p.made_on = "2026-04-01";
  CHECK(recoup_promise_check("GBP", &p, 0, NULL, NULL, "2026-03-01", &r, NULL, 0, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "promise.policy") == 0);
  CHECK(recoup_promise_check("GBP", &p, 2, NULL, amounts, "2026-03-01", &r, NULL, 0, NULL) == RECOUP_STATUS_NULL_ARGUMENT);
  p.struct_size = 8;
  CHECK(recoup_promise_check("GBP", &p, 0, NULL, NULL, "2026-03-01", &r, NULL, 0, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "c.struct_size") == 0);
}

static void test_late_fee(void) {
  recoup_late_fee_rule rule;
  recoup_accrual_terms* terms = NULL;
  int64_t fee = -1;
  recoup_late_fee_rule_init(&rule);
  CHECK(recoup_late_fee("GBP", 20000, 10, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "late_fee.rule") == 0);
  /* 12.00 flat plus 5% of the instalment, capped at 20.00, after 15 days' grace. */
  rule.grace_days = 15;
  rule.flat_minor = 1200;
  rule.percent_of_instalment = "0.05";
  rule.cap_minor = 2000;
  CHECK(recoup_late_fee("GBP", 10000, 15, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_OK && fee == 0);
  CHECK(recoup_late_fee("GBP", 10000, 16, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_OK && fee == 1700);
  CHECK(recoup_late_fee("GBP", 50000, 16, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_OK && fee == 2000);
  /* Half a penny rounds half up by default: 5% of 1.10 is 0.055. */
  rule.flat_minor = RECOUP_NO_AMOUNT;
  rule.cap_minor = RECOUP_NO_AMOUNT;
  CHECK(recoup_late_fee("GBP", 110, 16, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_OK && fee == 6);
  rule.rounding = "half_even";
  CHECK(recoup_late_fee("GBP", 110, 16, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_OK && fee == 6);
  rule.rounding = "down";
  CHECK(recoup_late_fee("GBP", 110, 16, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_OK && fee == 5);
  /* A breathing space that stops fees covers the charge date: no fee. */
  CHECK(recoup_accrual_terms_new(NULL, NULL, &terms) == RECOUP_STATUS_OK);
  CHECK(recoup_accrual_terms_add_freeze(terms, "2026-03-01", "2026-04-30", "breathing space", 1) == RECOUP_STATUS_OK);
  CHECK(recoup_late_fee("GBP", 10000, 16, &rule, "2026-03-20", terms, &fee) == RECOUP_STATUS_OK && fee == 0);
  CHECK(recoup_late_fee("GBP", 10000, 16, &rule, "2026-04-30", terms, &fee) == RECOUP_STATUS_OK && fee == 500);
  recoup_accrual_terms_free(terms);
  rule.percent_of_instalment = "-0.05";
  CHECK(recoup_late_fee("GBP", 10000, 16, &rule, "2026-03-20", NULL, &fee) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_late_fee("GBP", 10000, 16, NULL, "2026-03-20", NULL, &fee) == RECOUP_STATUS_NULL_ARGUMENT);
}

static void test_reschedule(void) {
  recoup_schedule_terms t;
  recoup_schedule *old = NULL, *plan = NULL;
  recoup_schedule_row row;
  const char* dates[] = {"2026-01-15"};
  const int64_t amounts[] = {10000};
  int64_t recast = 0, regular = 0;
  size_t rows = 0, need = 0;
  char text[4096];
  recoup_schedule_terms_init(&t);
  t.currency = "GBP";
  t.principal_minor = 60000;
  t.periods = 6;
  t.first_due = "2026-01-15";
  CHECK(recoup_schedule_build(&t, &old) == RECOUP_STATUS_OK);
  /* 100.00 paid of 6 x 100.00, broken by 20 March: 500.00 recast over 10 months from 15 April. */
  t.principal_minor = 0;
  t.periods = 10;
  t.first_due = "2026-04-15";
  /* Asking the explanation's size hands nothing out; then the call proper. */
  CHECK(recoup_plan_reschedule(old, 1, dates, amounts, "2026-03-20", &t, NULL, NULL, &plan, &recast, NULL, 0, &need) ==
        RECOUP_STATUS_BUFFER_TOO_SMALL);
  CHECK(plan == NULL && need > 1000);
  CHECK(recoup_plan_reschedule(old, 1, dates, amounts, "2026-03-20", &t, NULL, NULL, &plan, &recast, NULL, 0, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(recast == 50000);
  CHECK(recoup_schedule_row_count(plan, &rows) == RECOUP_STATUS_OK && rows == 10);
  CHECK(recoup_schedule_totals(plan, NULL, NULL, &regular) == RECOUP_STATUS_OK && regular == 5000);
  row.struct_size = sizeof row;
  CHECK(recoup_schedule_get_row(plan, 0, &row) == RECOUP_STATUS_OK && strcmp(row.due_date, "2026-04-15") == 0);
  recoup_schedule_free(plan);
  plan = NULL;
  CHECK(recoup_plan_reschedule(old, 1, dates, amounts, "2026-03-20", &t, "outstanding_principal", NULL, &plan, NULL,
                               text, sizeof text, NULL) == RECOUP_STATUS_OK);
  CHECK(strstr(text, "500.00 GBP recast") != NULL);
  recoup_schedule_free(plan);
  /* Bad input: an unknown basis, another currency, a too-small buffer (no plan handed out). */
  CHECK(recoup_plan_reschedule(old, 1, dates, amounts, "2026-03-20", &t, "everything", NULL, &plan, NULL, NULL, 0,
                               NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "reschedule.basis") == 0 && plan == NULL);
  t.currency = "USD";
  CHECK(recoup_plan_reschedule(old, 1, dates, amounts, "2026-03-20", &t, NULL, NULL, &plan, NULL, NULL, 0, NULL) ==
        RECOUP_STATUS_CURRENCY_MISMATCH);
  t.currency = "GBP";
  CHECK(recoup_plan_reschedule(old, 1, dates, amounts, "2026-03-20", &t, NULL, NULL, &plan, NULL, text, 4, &need) ==
        RECOUP_STATUS_BUFFER_TOO_SMALL);
  CHECK(plan == NULL && need > 4);
  recoup_schedule_free(old);
}

static void test_schedule_batch(void) {
  /* Three loans through the batch agree row for row with three scalar builds; a bad one is
   * reported by row when statuses are asked for. */
  const int64_t principal[4] = {100000, 250000, 99999, 100000};
  const char* rates[4] = {"0.05", "0.1299", "0", "0.05"};
  const int64_t periods[4] = {12, 24, 7, -3};
  int32_t first_due[4];
  int32_t status[4];
  recoup_schedule_terms proto;
  recoup_schedule_columns in;
  recoup_schedule_batch* batch = NULL;
  size_t schedules = 0, rows = 0, i, k;
  int64_t offsets[5], number[64], payment[64], interest[64], principal_col[64], balance[64], regular[4], total[4],
      total_interest[4];
  int32_t due[64];
  CHECK(recoup_date_serial("2026-02-15", &first_due[0]) == RECOUP_STATUS_OK);
  first_due[1] = first_due[0] + 31;
  first_due[2] = first_due[0];
  first_due[3] = first_due[0];
  recoup_schedule_terms_init(&proto);
  proto.currency = "GBP";
  memset(&in, 0, sizeof in);
  in.struct_size = sizeof in;
  in.count = 3;
  in.principal_minor = principal;
  in.annual_rate = rates;
  in.annual_rate_count = 3;
  in.periods = periods;
  in.first_due = first_due;
  CHECK(recoup_schedule_batch_build(&proto, &in, NULL, &batch) == RECOUP_STATUS_OK);
  CHECK(recoup_schedule_batch_sizes(batch, &schedules, &rows) == RECOUP_STATUS_OK);
  CHECK(schedules == 3 && rows == 12 + 24 + 7);
  CHECK(recoup_schedule_batch_totals(batch, regular, total, total_interest) == RECOUP_STATUS_OK);
  CHECK(recoup_schedule_batch_rows(batch, offsets, number, due, payment, interest, principal_col, NULL, balance) ==
        RECOUP_STATUS_OK);
  CHECK(offsets[0] == 0 && offsets[3] == 43);
  for (i = 0; i < 3; ++i) {
    recoup_schedule* one = NULL;
    recoup_schedule_row row;
    char date[11];
    int64_t t_pay = 0, t_int = 0, t_reg = 0;
    size_t n = 0;
    proto.principal_minor = principal[i];
    proto.annual_rate = rates[i];
    proto.periods = periods[i];
    CHECK(recoup_date_from_serial(first_due[i], date) == RECOUP_STATUS_OK);
    proto.first_due = date;
    CHECK(recoup_schedule_build(&proto, &one) == RECOUP_STATUS_OK);
    CHECK(recoup_schedule_totals(one, &t_pay, &t_int, &t_reg) == RECOUP_STATUS_OK);
    CHECK(t_pay == total[i] && t_int == total_interest[i] && t_reg == regular[i]);
    CHECK(recoup_schedule_row_count(one, &n) == RECOUP_STATUS_OK && (int64_t)n == offsets[i + 1] - offsets[i]);
    row.struct_size = sizeof row;
    for (k = 0; k < n; ++k) {
      const size_t at = (size_t)offsets[i] + k;
      int32_t s = 0;
      CHECK(recoup_schedule_get_row(one, k, &row) == RECOUP_STATUS_OK);
      CHECK(recoup_date_serial(row.due_date, &s) == RECOUP_STATUS_OK);
      CHECK(row.number == number[at] && s == due[at] && row.payment_minor == payment[at]);
      CHECK(row.interest_minor == interest[at] && row.principal_minor == principal_col[at]);
      CHECK(row.balance_minor == balance[at]);
    }
    recoup_schedule_free(one);
  }
  recoup_schedule_batch_free(batch);
  proto.first_due = NULL;
  /* The fourth schedule has -3 periods: it stops the batch, or is marked by row. */
  in.count = 4;
  in.annual_rate_count = 1;
  CHECK(recoup_schedule_batch_build(&proto, &in, NULL, &batch) == RECOUP_STATUS_INVALID_INPUT && batch == NULL);
  CHECK(strncmp(recoup_last_error_message(), "row 3: ", 7) == 0);
  CHECK(recoup_schedule_batch_build(&proto, &in, status, &batch) == RECOUP_STATUS_OK);
  CHECK(status[0] == 0 && status[1] == 0 && status[2] == 0 && status[3] == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_schedule_batch_sizes(batch, &schedules, &rows) == RECOUP_STATUS_OK && schedules == 4 && rows == 43);
  recoup_schedule_batch_free(batch);
  in.annual_rate_count = 2;
  CHECK(recoup_schedule_batch_build(&proto, &in, NULL, &batch) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "columns.length") == 0);
  CHECK(recoup_schedule_batch_build(&proto, NULL, NULL, &batch) == RECOUP_STATUS_NULL_ARGUMENT);
  CHECK(recoup_schedule_batch_sizes(NULL, &schedules, &rows) == RECOUP_STATUS_NULL_ARGUMENT);
}

int main(void) {
  test_time_value();
  test_solve();
  test_returns();
  test_promise();
  test_late_fee();
  test_reschedule();
  test_schedule_batch();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("C ABI plan tools: all checks passed");
  return 0;
}
