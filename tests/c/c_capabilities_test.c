/* The C ABI's rule checks and ledgers, from C99, against worked examples: payments, accrual,
 * monitoring, contact limits, garnishment, statutory interest, settlement and limitation batches. */
#include <recoup/c/recoup.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static int32_t serial(const char* date) {
  int32_t s = 0;
  CHECK(recoup_date_serial(date, &s) == RECOUP_STATUS_OK);
  return s;
}

/* The first rule's part `what` of a verdict (static buffer). */
static const char* rule_text(const recoup_verdict* v, size_t index, int what) {
  static char text[512];
  text[0] = '\0';
  CHECK(recoup_verdict_rule(v, index, what, text, sizeof text, NULL) == RECOUP_STATUS_OK);
  return text;
}

static void test_dates(void) {
  char text[11];
  CHECK(serial("1970-01-02") == 1);
  CHECK(recoup_date_from_serial(serial("2026-02-28") + 1, text) == RECOUP_STATUS_OK && strcmp(text, "2026-03-01") == 0);
  CHECK(recoup_date_serial("2026-02-30", &(int32_t){0}) == RECOUP_STATUS_INVALID_INPUT);
}

static void test_payments(void) {
  /* Two instalments and a late fee (the C++ waterfall test's ledger). */
  recoup_ledger* ledger = NULL;
  recoup_waterfall* w = NULL;
  recoup_waterfall_totals totals;
  recoup_allocation a;
  int64_t outstanding[5];
  size_t need = 0;
  CHECK(recoup_ledger_new("GBP", &ledger) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_charge(ledger, "2025-01-31", "interest", 1000, 1) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_charge(ledger, "2025-01-31", "principal", 9000, 1) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_charge(ledger, "2025-02-05", "fees", 2500, 0) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_charge(ledger, "2025-02-28", "interest", 910, 2) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_charge(ledger, "2025-02-28", "principal", 9090, 2) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_payment(ledger, "p1", "2025-02-10", 10000) == RECOUP_STATUS_OK);
  /* Per instalment (standard): instalment 1's interest and principal take the 100.00. */
  CHECK(recoup_payments_apply(ledger, NULL, &w) == RECOUP_STATUS_OK);
  totals.struct_size = sizeof totals;
  CHECK(recoup_waterfall_totals_get(w, &totals) == RECOUP_STATUS_OK);
  CHECK(totals.applied_minor == 10000 && totals.outstanding_minor == 12500 && totals.credit_minor == 0);
  CHECK(totals.charge_count == 5 && totals.allocation_count == 2);
  CHECK(totals.outstanding_by_bucket_minor[RECOUP_BUCKET_FEES] == 2500);
  CHECK(recoup_waterfall_outstanding(w, outstanding, 5) == RECOUP_STATUS_OK);
  CHECK(outstanding[0] == 0 && outstanding[1] == 0 && outstanding[2] == 2500 && outstanding[3] == 910);
  a.struct_size = sizeof a;
  CHECK(recoup_waterfall_allocation(w, 1, &a) == RECOUP_STATUS_OK);
  CHECK(a.payment_index == 0 && a.charge_index == 1 && a.bucket == RECOUP_BUCKET_PRINCIPAL && a.amount_minor == 9000);
  CHECK(strcmp(a.date, "2025-02-10") == 0);
  CHECK(recoup_waterfall_allocation(w, 2, &a) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_waterfall_explain(w, NULL, 0, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL && need > 20);
  {
    char* text = malloc(need);
    CHECK(recoup_waterfall_explain(w, text, need, NULL) == RECOUP_STATUS_OK);
    CHECK(strstr(text, "p1") != NULL);
    free(text);
  }
  recoup_waterfall_free(w);
  /* Per bucket: the fee first, then interest, then 65.00 of principal. */
  {
    recoup_waterfall_policy policy;
    recoup_waterfall_policy_init(&policy);
    policy.scope = "per_bucket";
    CHECK(recoup_payments_apply(ledger, &policy, &w) == RECOUP_STATUS_OK);
    CHECK(recoup_waterfall_outstanding(w, outstanding, 5) == RECOUP_STATUS_OK);
    CHECK(outstanding[2] == 0 && outstanding[0] == 0 && outstanding[1] == 2500);
    recoup_waterfall_free(w);
    policy.order = "fees interest";
    CHECK(recoup_payments_apply(ledger, &policy, &w) == RECOUP_STATUS_INVALID_INPUT);
    CHECK(strcmp(recoup_last_error_id(), "waterfall.order") == 0);
  }
  /* A returned payment: replayed without it, everything is owed again. */
  CHECK(recoup_payments_reverse(ledger, "p1", NULL, &w) == RECOUP_STATUS_OK);
  CHECK(recoup_waterfall_totals_get(w, &totals) == RECOUP_STATUS_OK && totals.outstanding_minor == 22500);
  recoup_waterfall_free(w);
  CHECK(recoup_payments_reverse(ledger, "p9", NULL, &w) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "waterfall.unknown_payment") == 0);
  CHECK(recoup_ledger_add_charge(ledger, "2025-03-31", "tips", 100, 3) == RECOUP_STATUS_INVALID_INPUT);
  /* A struct from an older caller (too small) is refused, not overrun. */
  totals.struct_size = sizeof(size_t);
  CHECK(recoup_payments_apply(ledger, NULL, &w) == RECOUP_STATUS_OK);
  CHECK(recoup_waterfall_totals_get(w, &totals) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "c.struct_size") == 0);
  recoup_waterfall_free(w);
  recoup_ledger_free(ledger);
}

static void test_ledger_from_schedule(void) {
  recoup_schedule_terms t;
  recoup_schedule* s = NULL;
  recoup_ledger* ledger = NULL;
  recoup_waterfall* w = NULL;
  recoup_waterfall_totals totals;
  int64_t total_payment = 0;
  recoup_schedule_terms_init(&t);
  t.currency = "USD";
  t.principal_minor = 100000;
  t.annual_rate = "0.12";
  t.periods = 12;
  t.first_due = "2026-02-01";
  t.start = "2026-01-01";
  CHECK(recoup_schedule_build(&t, &s) == RECOUP_STATUS_OK);
  CHECK(recoup_schedule_totals(s, &total_payment, NULL, NULL) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_new("USD", &ledger) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_schedule(ledger, s) == RECOUP_STATUS_OK);
  CHECK(recoup_payments_apply(ledger, NULL, &w) == RECOUP_STATUS_OK);
  totals.struct_size = sizeof totals;
  CHECK(recoup_waterfall_totals_get(w, &totals) == RECOUP_STATUS_OK);
  /* Every cent of the schedule is owed: interest + principal charges add up to its total. */
  CHECK(totals.outstanding_minor == total_payment && totals.charge_count == 24);
  CHECK(totals.outstanding_by_bucket_minor[RECOUP_BUCKET_PRINCIPAL] == 100000);
  recoup_waterfall_free(w);
  recoup_ledger_free(ledger);
  CHECK(recoup_ledger_new("EUR", &ledger) == RECOUP_STATUS_OK);
  CHECK(recoup_ledger_add_schedule(ledger, s) == RECOUP_STATUS_CURRENCY_MISMATCH);
  recoup_ledger_free(ledger);
  recoup_schedule_free(s);
}

static void test_accrual(void) {
  /* 10,000.00 GBP at 13.25% ACT/365F for 30 days: 10,000 x 0.1325 x 30 / 365 = 108.904... -> 108.90. */
  recoup_accrual_terms* terms = NULL;
  recoup_accrual* a = NULL;
  recoup_accrual_segment seg;
  int64_t interest = 0;
  size_t segments = 0;
  char exact[128];
  CHECK(recoup_accrual_terms_new("ACT/365F", "half_up", &terms) == RECOUP_STATUS_OK);
  CHECK(recoup_accrual_terms_add_rate(terms, "2024-01-01", "0.1325") == RECOUP_STATUS_OK);
  CHECK(recoup_accrual_compute(terms, "GBP", 1000000, "2024-01-31", "2024-03-01", 0, NULL, NULL, &a) == RECOUP_STATUS_OK);
  CHECK(recoup_accrual_interest(a, &interest, &segments) == RECOUP_STATUS_OK && interest == 10890 && segments == 1);
  CHECK(recoup_accrual_exact(a, exact, sizeof exact, NULL) == RECOUP_STATUS_OK && strcmp(exact, "7950/73") == 0);
  seg.struct_size = sizeof seg;
  CHECK(recoup_accrual_segment_get(a, 0, &seg) == RECOUP_STATUS_OK);
  CHECK(strcmp(seg.from, "2024-01-31") == 0 && strcmp(seg.to, "2024-03-01") == 0 && seg.balance_minor == 1000000);
  CHECK(strcmp(seg.rate, "0.1325") == 0 && seg.year_fraction_numerator * 365 == seg.year_fraction_denominator * 30);
  recoup_accrual_free(a);
  /* A breathing-space freeze over the last 10 days: 20 days accrue (72.60). */
  CHECK(recoup_accrual_terms_add_freeze(terms, "2024-02-20", "2024-03-01", "breathing space", 1) == RECOUP_STATUS_OK);
  CHECK(recoup_accrual_compute(terms, "GBP", 1000000, "2024-01-31", "2024-03-01", 0, NULL, NULL, &a) == RECOUP_STATUS_OK);
  CHECK(recoup_accrual_interest(a, &interest, &segments) == RECOUP_STATUS_OK && interest == 7260 && segments == 2);
  recoup_accrual_free(a);
  CHECK(recoup_accrual_compute(terms, "GBP", 1000000, "2024-03-01", "2024-01-31", 0, NULL, NULL, &a) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "accrual.dates") == 0);
  recoup_accrual_terms_free(terms);
  CHECK(recoup_accrual_terms_new("ACT/ACT", NULL, &terms) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "day_count.unknown") == 0);
}

static void test_monitor(void) {
  /* Three instalments of 100.00; only the first is paid; on 20 March two are missed: broken. */
  recoup_schedule_terms t;
  recoup_schedule* s = NULL;
  recoup_monitor_result r;
  recoup_monitor_policy p;
  const char* dates[] = {"2026-01-15"};
  const int64_t amounts[] = {10000};
  int states[3] = {-1, -1, -1};
  recoup_schedule_terms_init(&t);
  t.currency = "USD";
  t.principal_minor = 30000;
  t.periods = 3;
  t.first_due = "2026-01-15";
  CHECK(recoup_schedule_build(&t, &s) == RECOUP_STATUS_OK);
  r.struct_size = sizeof r;
  CHECK(recoup_plan_monitor(s, 1, dates, amounts, "2026-03-20", NULL, &r, states, NULL, 0, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_MONITOR_BROKEN && r.arrears_minor == 20000 && r.days_past_due == 33);
  CHECK(r.paid_minor == 10000 && r.outstanding_minor == 20000 && r.missed_count == 2);
  CHECK(r.broken_on != RECOUP_NO_DATE && r.last_cured_on == RECOUP_NO_DATE);
  CHECK(states[0] == RECOUP_INSTALMENT_PAID && states[1] == RECOUP_INSTALMENT_MISSED && states[2] == RECOUP_INSTALMENT_MISSED);
  /* With 5 days' grace and three misses to break, the same plan is in arrears. */
  recoup_monitor_policy_init(&p);
  p.broken_after_missed = 3;
  p.grace_days = 5;
  CHECK(recoup_plan_monitor(s, 1, dates, amounts, "2026-03-20", &p, &r, NULL, NULL, 0, NULL) == RECOUP_STATUS_OK);
  CHECK(r.status == RECOUP_MONITOR_IN_ARREARS);
  /* The batch gives the scalar answers. */
  {
    const int64_t inst_offsets[] = {0, 3, 6};
    const int32_t due[] = {serial("2026-01-15"), serial("2026-02-15"), serial("2026-03-15"),
                           serial("2026-01-15"), serial("2026-02-15"), serial("2026-03-15")};
    const int64_t due_minor[] = {10000, 10000, 10000, 10000, 10000, 10000};
    const int64_t pay_offsets[] = {0, 1, 4};
    const int32_t pay_date[] = {serial("2026-01-15"), serial("2026-01-15"), serial("2026-02-15"), serial("2026-03-15")};
    const int64_t pay_minor[] = {10000, 10000, 10000, 10000};
    const int32_t as_of[] = {serial("2026-03-20")};
    int8_t status[2];
    int64_t arrears[2], dpd[2];
    CHECK(recoup_plan_monitor_batch("USD", 2, inst_offsets, due, due_minor, pay_offsets, pay_date, pay_minor, as_of, 1, NULL,
                                    status, arrears, dpd, NULL, NULL, NULL) == RECOUP_STATUS_OK);
    CHECK(status[0] == RECOUP_MONITOR_BROKEN && arrears[0] == 20000 && dpd[0] == 33);
    CHECK(status[1] == RECOUP_MONITOR_COMPLETED && arrears[1] == 0 && dpd[1] == 0);
    p.grace_days = -1;
    CHECK(recoup_plan_monitor_batch("USD", 2, inst_offsets, due, due_minor, pay_offsets, pay_date, pay_minor, as_of, 1, &p,
                                    status, NULL, NULL, NULL, NULL, NULL) == RECOUP_STATUS_INVALID_INPUT);
    CHECK(strcmp(recoup_last_error_id(), "monitor.policy") == 0);
  }
  recoup_schedule_free(s);
}

static void test_contact(void) {
  /* Seven calls in seven days (12 CFR 1006.14(b)(2)(i)): the eighth is blocked, and the verdict
   * names the rule and when the next call is allowed. */
  const int64_t monday = (int64_t)serial("2026-03-02") * 86400 + 15 * 3600; /* 10:00 EST */
  int64_t calls[7];
  uint8_t outcomes[7];
  recoup_contact_request q;
  recoup_contact_result r;
  recoup_verdict* v = NULL;
  size_t rules = 0;
  int i;
  for (i = 0; i < 7; ++i) {
    calls[i] = monday + (int64_t)(i % 6) * 86400 + i * 60;
    outcomes[i] = RECOUP_CALL_UNANSWERED;
  }
  recoup_contact_request_init(&q);
  q.at_utc_seconds = monday + 6 * 86400 + 3600;
  q.time_zones = "America/New_York";
  r.struct_size = sizeof r;
  CHECK(recoup_contact_may_call(7, calls, outcomes, NULL, NULL, &q, NULL, &r, &v) == RECOUP_STATUS_OK);
  CHECK(r.allowed == 0 && (r.blocks & RECOUP_CONTACT_CALL_FREQUENCY) && r.reason_count >= 1);
  CHECK(r.next_allowed != RECOUP_NO_INSTANT && r.next_allowed > q.at_utc_seconds);
  CHECK(recoup_verdict_rule_count(v, &rules) == RECOUP_STATUS_OK && rules >= 1);
  CHECK(strstr(rule_text(v, 0, RECOUP_RULE_CITATION), "1006.14") != NULL);
  recoup_verdict_free(v);
  /* Without the calls it is allowed; at 06:00 local it is not (inconvenient time). */
  CHECK(recoup_contact_may_call(0, NULL, NULL, NULL, NULL, &q, NULL, &r, NULL) == RECOUP_STATUS_OK && r.allowed == 1);
  q.at_utc_seconds = (int64_t)serial("2026-03-09") * 86400 + 10 * 3600; /* 06:00 EDT */
  CHECK(recoup_contact_may_call(0, NULL, NULL, NULL, NULL, &q, NULL, &r, NULL) == RECOUP_STATUS_OK);
  CHECK(r.allowed == 0 && r.blocks == RECOUP_CONTACT_INCONVENIENT_TIME);
  /* Bad input: an unknown zone, an outcome code out of range, no zone at all. */
  q.time_zones = "America/Nowhere";
  CHECK(recoup_contact_may_call(0, NULL, NULL, NULL, NULL, &q, NULL, &r, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "contact.unknown_time_zone") == 0);
  q.time_zones = "America/New_York";
  outcomes[0] = 9;
  CHECK(recoup_contact_may_call(7, calls, outcomes, NULL, NULL, &q, NULL, &r, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "contact.outcome") == 0);
  q.time_zones = NULL;
  CHECK(recoup_contact_may_call(0, NULL, NULL, NULL, NULL, &q, NULL, &r, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "contact.no_time_zone") == 0);
}

static void test_call_log(void) {
  /* The C++ test's log, rows shuffled: person 7 / debt 1 gets an 8th call in 7 days; person 8 a
   * conversation then a call inside the wait; person 7 / debt 2 a call at 22:00 EDT. */
  static const struct {
    int64_t person, debt;
    const char* day;
    int hour;
    uint8_t outcome, expect;
  } rows[13] = {
      {7, 1, "2026-04-12", 14, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED | RECOUP_CALL_FLAG_OVER_LIMIT},
      {8, 1, "2026-04-06", 14, RECOUP_CALL_CONNECTED_CONVERSATION, RECOUP_CALL_FLAG_COUNTED},
      {7, 1, "2026-04-06", 14, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED},
      {7, 1, "2026-04-06", 15, RECOUP_CALL_VOICEMAIL, RECOUP_CALL_FLAG_COUNTED},
      {7, 1, "2026-04-07", 14, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED},
      {8, 1, "2026-04-12", 20, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED | RECOUP_CALL_FLAG_IN_WAIT},
      {7, 1, "2026-04-08", 14, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED},
      {7, 1, "2026-04-09", 14, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED},
      {7, 2, "2026-04-10", 2, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED | RECOUP_CALL_FLAG_OUTSIDE_HOURS},
      {7, 1, "2026-04-10", 14, RECOUP_CALL_NOT_CONNECTED, 0},
      {7, 1, "2026-04-10", 15, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED},
      {7, 1, "2026-04-11", 14, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED},
      {8, 1, "2026-04-13", 12, RECOUP_CALL_UNANSWERED, RECOUP_CALL_FLAG_COUNTED},
  };
  const char* zones[] = {"America/New_York"};
  const char* bad_zones[] = {"Mars/Olympus_Mons"};
  int64_t person[13], debt[13], at[13];
  uint8_t outcome[13], flags[13];
  int32_t window[13];
  recoup_call_log_columns log;
  int i;
  for (i = 0; i < 13; ++i) {
    person[i] = rows[i].person;
    debt[i] = rows[i].debt;
    at[i] = (int64_t)serial(rows[i].day) * 86400 + rows[i].hour * 3600;
    outcome[i] = rows[i].outcome;
  }
  memset(&log, 0, sizeof log);
  log.struct_size = sizeof log;
  log.count = 13;
  log.person = person;
  log.debt = debt;
  log.utc_seconds = at;
  log.outcome = outcome;
  CHECK(recoup_contact_check_call_log(&log, zones, 1, NULL, NULL, NULL, flags, window) == RECOUP_STATUS_OK);
  for (i = 0; i < 13; ++i) CHECK(flags[i] == rows[i].expect);
  CHECK(window[0] == 8 && window[9] == 0);
  /* Massachusetts: at most two calls in 7 days to a personal number (the third is over). */
  CHECK(recoup_contact_check_call_log(&log, zones, 1, "US-MA", NULL, NULL, flags, NULL) == RECOUP_STATUS_OK);
  CHECK((flags[3] & RECOUP_CALL_FLAG_OVER_STATE_LIMIT) == 0 && (flags[4] & RECOUP_CALL_FLAG_OVER_STATE_LIMIT) != 0);
  CHECK((flags[0] & RECOUP_CALL_FLAG_OVER_LIMIT) != 0);
  /* Bad input. */
  outcome[3] = 9;
  CHECK(recoup_contact_check_call_log(&log, zones, 1, NULL, NULL, NULL, flags, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "contact.outcome") == 0);
  outcome[3] = RECOUP_CALL_VOICEMAIL;
  CHECK(recoup_contact_check_call_log(&log, bad_zones, 1, NULL, NULL, NULL, flags, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "contact.unknown_time_zone") == 0);
  CHECK(recoup_contact_check_call_log(&log, zones, 1, "US-ZZ", NULL, NULL, flags, NULL) ==
        RECOUP_STATUS_UNKNOWN_JURISDICTION);
  CHECK(recoup_contact_check_call_log(&log, zones, 1, NULL, NULL, NULL, NULL, NULL) == RECOUP_STATUS_NULL_ARGUMENT);
  log.outcome = NULL;
  CHECK(recoup_contact_check_call_log(&log, zones, 1, NULL, NULL, NULL, flags, NULL) == RECOUP_STATUS_NULL_ARGUMENT);
}

static void test_garnishment(void) {
  /* regulations.md T-GAR-1..4 (29 CFR 870.10; $7.25): weekly disposable 217.50 / 250 / 290 / 500. */
  const int64_t disposable[] = {21750, 25000, 29000, 50000};
  int64_t out[4], federal[4], state[4];
  recoup_garnishment_result r;
  recoup_verdict* v = NULL;
  r.struct_size = sizeof r;
  CHECK(recoup_garnishment_limit("US", 25000, RECOUP_NO_AMOUNT, "weekly", "2026-01-09", NULL, NULL, &r, &v) ==
        RECOUP_STATUS_OK);
  CHECK(r.amount_minor == 3250 && r.federal_minor == 3250 && r.state_minor == RECOUP_NO_AMOUNT);
  CHECK(r.binding == RECOUP_BINDING_FEDERAL && r.federal_floor_minor == 21750);
  CHECK(strstr(rule_text(v, 0, RECOUP_RULE_CITATION), "1673") != NULL);
  recoup_verdict_free(v);
  CHECK(recoup_garnishment_batch(4, NULL, "US", disposable, NULL, "weekly", "2026-01-09", NULL, NULL, out, federal, state) ==
        RECOUP_STATUS_OK);
  CHECK(out[0] == 0 && out[1] == 3250 && out[2] == 7250 && out[3] == 12500);
  CHECK(federal[3] == 12500 && state[3] == RECOUP_NO_AMOUNT);
  /* The batch and the scalar agree on a state with a gross-pay limit (New York). */
  {
    const char* j[] = {"US-NY", "US-NY"};
    const int64_t gross[] = {80000, RECOUP_NO_AMOUNT};
    const int64_t disp[] = {60000, 60000};
    CHECK(recoup_garnishment_limit("US-NY", 60000, 80000, "weekly", "2026-06-01", NULL, NULL, &r, NULL) == RECOUP_STATUS_OK);
    CHECK(recoup_garnishment_batch(1, j, NULL, disp, gross, "weekly", "2026-06-01", NULL, NULL, out, NULL, state) ==
          RECOUP_STATUS_OK);
    CHECK(out[0] == r.amount_minor && state[0] == r.state_minor);
    CHECK(recoup_garnishment_batch(2, j, NULL, disp, gross, "weekly", "2026-06-01", NULL, NULL, out, NULL, NULL) ==
          RECOUP_STATUS_INVALID_INPUT);
    CHECK(strstr(recoup_last_error_message(), "row 1") != NULL);
    CHECK(strcmp(recoup_last_error_id(), "garnishment.gross_required") == 0);
  }
  CHECK(recoup_garnishment_limit("US", -1, RECOUP_NO_AMOUNT, "weekly", "2026-01-09", NULL, NULL, &r, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_garnishment_limit("US", 100, RECOUP_NO_AMOUNT, "daily", "2026-01-09", NULL, NULL, &r, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "garnishment.pay_period") == 0);
  CHECK(recoup_garnishment_limit("GB", 100, RECOUP_NO_AMOUNT, "weekly", "2026-01-09", NULL, NULL, &r, NULL) ==
        RECOUP_STATUS_UNKNOWN_JURISDICTION);
}

static void test_interest(void) {
  /* Late Payment Act: 10,000 GBP due 31 Jan 2024, paid 1 Mar 2024: (5.25% + 8%) x 30 / 365 = 108.90;
   * compensation 100.00 GBP for a debt of 10,000 GBP or more (s5A). */
  recoup_interest_result r;
  recoup_verdict* v = NULL;
  int64_t comp = 0;
  char rate[16];
  char from[11];
  size_t need = 0;
  r.struct_size = sizeof r;
  CHECK(recoup_statutory_interest("late_payment", "GB", "GBP", 1000000, "2024-01-31", "2024-03-01", NULL, "half_up", NULL,
                                  &r, &v) == RECOUP_STATUS_OK);
  CHECK(r.amount_minor == 10890 && r.days == 30);
  CHECK(strcmp(r.annual_rate, "13.25") == 0 && strcmp(r.reference_rate, "5.25") == 0);
  CHECK(strcmp(r.reference_date, "2023-12-31") == 0);
  CHECK(recoup_verdict_explain(v, NULL, 0, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL && need > 40);
  recoup_verdict_free(v);
  CHECK(recoup_late_payment_compensation("GB", "GBP", 1000000, "2024-02-01", NULL, &comp, NULL) == RECOUP_STATUS_OK);
  CHECK(comp == 10000);
  CHECK(recoup_late_payment_compensation("GB", "EUR", 1000000, "2024-02-01", NULL, &comp, NULL) ==
        RECOUP_STATUS_CURRENCY_MISMATCH);
  /* Judgment interest in England and Wales: 8% simple, 1,000.00 GBP for 365 days = 80.00. */
  CHECK(recoup_statutory_interest("judgment", "GB-EAW", "GBP", 100000, "2025-01-01", "2026-01-01", NULL, "half_up", NULL,
                                  &r, NULL) == RECOUP_STATUS_OK);
  CHECK(r.amount_minor == 8000 && r.reference_rate[0] == '\0');
  CHECK(recoup_statutory_interest("judgment", "US", "USD", 100000, "2025-01-01", "2026-01-01", NULL, "half_up", NULL, &r,
                                  NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "interest.rate") == 0);
  CHECK(recoup_statutory_interest("penalty", "GB", "GBP", 100000, "2025-01-01", "2026-01-01", NULL, "half_up", NULL, &r,
                                  NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "interest.kind") == 0);
  CHECK(recoup_reference_rate("boe_bank_rate", "2024-01-15", NULL, rate, sizeof rate, NULL, from, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(rate, "5.25") == 0 && strcmp(from, "2023-08-03") == 0);
  /* Past the table's last day: a distinct status naming the table's end, never the last rate. */
  CHECK(recoup_reference_rate("boe_bank_rate", "2030-01-15", NULL, rate, sizeof rate, NULL, from, NULL) ==
        RECOUP_STATUS_RULE_NOT_IN_FORCE);
  CHECK(strcmp(recoup_last_error_id(), "rules.not_in_force") == 0);
  CHECK(strstr(recoup_last_error_message(), "the table ends on") != NULL);
  CHECK(strcmp(recoup_status_name(RECOUP_STATUS_RULE_NOT_IN_FORCE), "rule_not_in_force") == 0);
}

static void test_judgment(void) {
  /* Cal. CCP 683.020: a money judgment entered 2015-03-02 may be enforced for 10 years. */
  recoup_limitation_facts facts = {sizeof facts, "2015-03-02", NULL, NULL, NULL, 0};
  recoup_limitation_result r;
  memset(&r, 0, sizeof r);
  r.struct_size = sizeof r;
  CHECK(recoup_limitation("US-CA", "judgment", &facts, "2024-06-01", NULL, &r, NULL, 0, NULL, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(r.rule_id, "limitation.judgment") == 0);
  CHECK(strcmp(r.expires_on, "2025-03-02") == 0 && r.status == RECOUP_LIMITATION_RUNNING);
  CHECK(RECOUP_DEBT_JUDGMENT == 5);
}

static void test_rules_audit(void) {
  recoup_rules_audit_summary s;
  size_t need = 0;
  char* text = NULL;
  recoup_rules_audit_summary_init(&s);
  CHECK(recoup_rules_audit(NULL, "2026-12-07", 90, &s, NULL, 0, &need) == RECOUP_STATUS_OK);
  CHECK(s.figures > 400 && s.figures == s.verified + s.secondary + s.unverified + s.contested);
  CHECK(s.tables >= 4 && s.tables_expired >= 1 && strlen(s.first_horizon) == 10);
  CHECK(need > 1000);
  text = (char*)malloc(need);
  CHECK(text != NULL);
  if (text != NULL) {
    CHECK(recoup_rules_audit(NULL, "2026-12-07", 90, NULL, text, need, NULL) == RECOUP_STATUS_OK);
    CHECK(strstr(text, "Rule data audit as of 2026-12-07") != NULL);
    CHECK(recoup_rules_audit(NULL, "2026-12-07", 90, NULL, text, 8, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL);
    free(text);
  }
  CHECK(recoup_rules_audit(NULL, "2026-12-07", -1, &s, NULL, 0, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "audit.within_days") == 0);
  CHECK(recoup_rules_audit(NULL, "2026-13-07", 90, &s, NULL, 0, NULL) == RECOUP_STATUS_INVALID_INPUT);
  s.struct_size = 8;
  CHECK(recoup_rules_audit(NULL, "2026-12-07", 90, &s, NULL, 0, NULL) == RECOUP_STATUS_INVALID_INPUT);
}

static void test_settle(void) {
  recoup_settle_terms t;
  recoup_settle_result r;
  recoup_verdict* v = NULL;
  int64_t payments[3];
  /* 60% of 4,000.00 USD now: 1,600.00 forgiven by agreement, >= $600: Form 1099-C (26 U.S.C. 6050P). */
  recoup_settle_terms_init(&t);
  t.fraction = "0.60";
  t.report_filed_on = "2027-01-31";
  r.struct_size = sizeof r;
  CHECK(recoup_settle_value("USD", 400000, &t, NULL, &r, NULL, 0, NULL, 0, NULL, &v) == RECOUP_STATUS_OK);
  CHECK(r.settled_minor == 240000 && r.forgiven_minor == 160000 && r.payment_count == 1);
  CHECK(r.npv_minor == 240000 && r.expected_net_minor == 240000 && r.reportable == 1);
  CHECK(v != NULL && strstr(rule_text(v, 0, RECOUP_RULE_CITATION), "6050P") != NULL);
  recoup_verdict_free(v);
  /* Half of 1,000.00 in three monthly parts that add up exactly, valued with break risk and costs. */
  recoup_settle_terms_init(&t);
  t.kind = "instalment_settlement";
  t.fraction = "0.5";
  t.payments = 3;
  t.hazard = "0.1";
  t.per_contact_minor = 500;
  t.contacts_per_payment = "1";
  CHECK(recoup_settle_value("USD", 100000, &t, NULL, &r, payments, 3, NULL, 0, NULL, &v) == RECOUP_STATUS_OK);
  CHECK(v == NULL && r.reportable == -1);
  CHECK(payments[0] + payments[1] + payments[2] == 50000 && payments[0] == 16667 && payments[2] == 16666);
  /* Expected gross = 166.67 x 0.9 + 166.67 x 0.81 + 166.66 x 0.729 = 406.5003 -> 406.50. */
  CHECK(r.expected_gross_minor == 40650 && r.expected_net_minor < r.expected_gross_minor);
  CHECK(recoup_settle_value("USD", 100000, &t, NULL, &r, payments, 2, NULL, 0, NULL, NULL) ==
        RECOUP_STATUS_BUFFER_TOO_SMALL);
  t.hazard = "1.5";
  CHECK(recoup_settle_value("USD", 100000, &t, NULL, &r, NULL, 0, NULL, 0, NULL, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "settle.hazard_range") == 0);
  t.hazard = NULL;
  t.kind = "barter";
  CHECK(recoup_settle_value("USD", 100000, &t, NULL, &r, NULL, 0, NULL, 0, NULL, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "settle.kind") == 0);
}

static void test_limitation_batch(void) {
  /* The batch equals recoup_limitation row by row. */
  const char* codes[] = {"US-TX", "GB-EAW", "US-NY"};
  const uint16_t jurisdiction[] = {0, 1, 2, 0};
  const uint8_t type[] = {RECOUP_DEBT_OPEN_ACCOUNT, RECOUP_DEBT_WRITTEN_CONTRACT, RECOUP_DEBT_OPEN_ACCOUNT,
                          RECOUP_DEBT_WRITTEN_CONTRACT};
  const int32_t defaulted[] = {serial("2020-01-15"), serial("2021-05-01"), serial("2024-02-01"), RECOUP_NO_DATE};
  const int32_t last_payment[] = {RECOUP_NO_DATE, serial("2022-01-10"), RECOUP_NO_DATE, RECOUP_NO_DATE};
  const int32_t as_of[] = {serial("2026-06-01")};
  const char* type_names[] = {"open_account", "written_contract", "open_account", "written_contract"};
  const char* default_text[] = {"2020-01-15", "2021-05-01", "2024-02-01", NULL};
  const char* payment_text[] = {NULL, "2022-01-10", NULL, NULL};
  recoup_limitation_columns in;
  int32_t expires[4];
  uint8_t status[4], flags[4];
  size_t i;
  memset(&in, 0, sizeof in);
  in.struct_size = sizeof in;
  in.count = 4;
  in.jurisdiction = jurisdiction;
  in.debt_type = type;
  in.defaulted_on = defaulted;
  in.last_payment = last_payment;
  in.as_of = as_of;
  in.as_of_count = 1;
  CHECK(recoup_limitation_batch(codes, 3, &in, NULL, expires, status, flags) == RECOUP_STATUS_OK);
  for (i = 0; i < 4; ++i) {
    recoup_limitation_facts f;
    recoup_limitation_result r;
    memset(&f, 0, sizeof f);
    f.struct_size = sizeof f;
    r.struct_size = sizeof r;
    f.defaulted_on = default_text[i];
    f.last_payment = payment_text[i];
    CHECK(recoup_limitation(codes[jurisdiction[i]], type_names[i], &f, "2026-06-01", NULL, &r, NULL, 0, NULL, NULL) ==
          RECOUP_STATUS_OK);
    CHECK((int)status[i] == r.status);
    CHECK(expires[i] == (r.expires_on[0] ? serial(r.expires_on) : RECOUP_NO_DATE));
    CHECK((flags[i] & 127u) == r.flags);
  }
  CHECK(status[0] == RECOUP_LIMITATION_EXPIRED && status[3] == RECOUP_LIMITATION_UNKNOWN);
  codes[2] = "US-ZZ";
  CHECK(recoup_limitation_batch(codes, 3, &in, NULL, expires, status, flags) == RECOUP_STATUS_UNKNOWN_JURISDICTION);
  codes[2] = "US-NY";
  in.struct_size = 8;
  CHECK(recoup_limitation_batch(codes, 3, &in, NULL, expires, status, flags) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "c.struct_size") == 0);
}

int main(void) {
  test_dates();
  test_payments();
  test_ledger_from_schedule();
  test_accrual();
  test_monitor();
  test_contact();
  test_call_log();
  test_garnishment();
  test_interest();
  test_settle();
  test_limitation_batch();
  test_judgment();
  test_rules_audit();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("C ABI capabilities: all checks passed");
  return 0;
}
