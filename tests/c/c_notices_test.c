/* The C ABI's notice periods and dated duties, from C99, against the dates of the C++ tests'
 * worked examples: Reg F validation period and notice, passive collection, FCRA obsolescence
 * (scalar and column), the CCA default notice, the Pre-Action Protocol and Breathing Space. */
#include <recoup/c/recoup.h>

#include <stdio.h>
#include <string.h>

#include "check.h"

static int32_t serial(const char* date) {
  int32_t s = 0;
  CHECK(recoup_date_serial(date, &s) == RECOUP_STATUS_OK);
  return s;
}

/* The id of a verdict's first rule (static buffer). */
static const char* main_rule(const recoup_verdict* v) {
  static char text[128];
  text[0] = '\0';
  CHECK(recoup_verdict_rule(v, 0, RECOUP_RULE_ID, text, sizeof text, NULL) == RECOUP_STATUS_OK);
  return text;
}

static void test_validation_period(void) {
  recoup_validation_period_result r;
  recoup_verdict* v = NULL;
  size_t rules = 0, need = 0;
  memset(&r, 0, sizeof r);
  r.struct_size = sizeof r;
  /* Christmas 2022 fell on a Sunday, observed Monday 26 December: skipped by default. */
  CHECK(recoup_validation_period_end("2022-12-21", NULL, NULL, NULL, NULL, &r, &v) == RECOUP_STATUS_OK);
  CHECK(strcmp(r.assumed_receipt, "2022-12-29") == 0 && strcmp(r.end_date, "2023-01-28") == 0);
  CHECK(strcmp(r.observed, "skip") == 0 && r.skipped_count == 3);
  CHECK(recoup_verdict_rule_count(v, &rules) == RECOUP_STATUS_OK && rules == 2);
  CHECK(strcmp(main_rule(v), "regf.validation_receipt_days") == 0);
  CHECK(recoup_verdict_explain(v, NULL, 0, &need) == RECOUP_STATUS_BUFFER_TOO_SMALL && need > 100);
  recoup_verdict_free(v);
  /* The literal 5 U.S.C. 6103(a) reading counts the observed Monday. */
  CHECK(recoup_validation_period_end("2022-12-21", "US", "count", NULL, NULL, &r, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(r.assumed_receipt, "2022-12-28") == 0 && strcmp(r.end_date, "2023-01-27") == 0);
  /* Bad input. */
  CHECK(recoup_validation_period_end("2022-12-21", NULL, "maybe", NULL, NULL, &r, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "notices.unknown_option") == 0);
  CHECK(recoup_validation_period_end("2021-11-29", NULL, NULL, NULL, NULL, &r, NULL) == RECOUP_STATUS_RULE_NOT_IN_FORCE);
  CHECK(recoup_validation_period_end("2022-12-21", "XX", NULL, NULL, NULL, &r, NULL) != RECOUP_STATUS_OK);
  CHECK(recoup_validation_period_end(NULL, NULL, NULL, NULL, NULL, &r, NULL) == RECOUP_STATUS_NULL_ARGUMENT);
  r.struct_size = 4;
  CHECK(recoup_validation_period_end("2022-12-21", NULL, NULL, NULL, NULL, &r, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "c.struct_size") == 0);
}

static void test_validation_notice_and_furnishing(void) {
  char date[11];
  recoup_furnishing_result f;
  recoup_verdict* v = NULL;
  CHECK(recoup_validation_notice_due("2026-09-04", NULL, NULL, date, &v) == RECOUP_STATUS_OK);
  CHECK(strcmp(date, "2026-09-09") == 0 && strcmp(main_rule(v), "regf.validation_notice_days") == 0);
  recoup_verdict_free(v);
  CHECK(recoup_validation_notice_due("2026-09-04", NULL, NULL, NULL, NULL) == RECOUP_STATUS_NULL_ARGUMENT);

  memset(&f, 0, sizeof f);
  f.struct_size = sizeof f;
  CHECK(recoup_furnishing_earliest("2026-03-02", NULL, NULL, NULL, NULL, &f, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(f.wait_ends_on, "2026-03-16") == 0 && strcmp(f.earliest, "2026-03-17") == 0 && f.blocked == 0);
  CHECK(strcmp(f.reading, "conservative") == 0);
  CHECK(recoup_furnishing_earliest("2026-03-02", NULL, "literal", NULL, NULL, &f, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(f.earliest, "2026-03-16") == 0);
  /* A notice of undeliverability within the wait blocks furnishing. */
  CHECK(recoup_furnishing_earliest("2026-03-02", "2026-03-10", NULL, NULL, NULL, &f, NULL) == RECOUP_STATUS_OK);
  CHECK(f.blocked == 1 && f.earliest[0] == '\0');
  CHECK(recoup_furnishing_earliest("2026-03-02", "2026-03-01", NULL, NULL, NULL, &f, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "notices.date_order") == 0);
}

static void test_credit_reporting(void) {
  recoup_obsolescence_result o;
  int32_t dofd[4], out[4], status[4];
  memset(&o, 0, sizeof o);
  o.struct_size = sizeof o;
  CHECK(recoup_credit_reporting_obsolete_on("2020-01-15", NULL, NULL, NULL, &o, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(o.clock_start, "2020-07-13") == 0 && strcmp(o.obsolete_on, "2027-07-13") == 0);
  CHECK(strcmp(o.last_reportable_day, "2027-07-12") == 0);
  /* An older delinquency added to the file after 29 Dec 1997 is covered. */
  CHECK(recoup_credit_reporting_obsolete_on("1996-05-01", "1998-01-10", NULL, NULL, &o, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(o.obsolete_on, "2003-10-28") == 0);
  CHECK(recoup_credit_reporting_obsolete_on("1997-12-28", NULL, NULL, NULL, &o, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "notices.before_fcra_1997") == 0);

  /* The column: the same dates; bad rows stop the batch, or are marked when row_status is given. */
  dofd[0] = serial("2020-01-15");
  dofd[1] = serial("2019-09-02");
  dofd[2] = RECOUP_NO_DATE;
  dofd[3] = serial("1990-01-01");
  CHECK(recoup_credit_reporting_batch(2, dofd, NULL, out, NULL) == RECOUP_STATUS_OK);
  CHECK(out[0] == serial("2027-07-13") && out[1] == serial("2027-02-28"));
  CHECK(recoup_credit_reporting_batch(4, dofd, NULL, out, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strncmp(recoup_last_error_message(), "row 2: ", 7) == 0);
  CHECK(recoup_credit_reporting_batch(4, dofd, NULL, out, status) == RECOUP_STATUS_OK);
  CHECK(status[0] == RECOUP_STATUS_OK && status[1] == RECOUP_STATUS_OK);
  CHECK(status[2] == RECOUP_STATUS_INVALID_INPUT && status[3] == RECOUP_STATUS_INVALID_INPUT);
  CHECK(out[0] == serial("2027-07-13") && out[2] == RECOUP_NO_DATE && out[3] == RECOUP_NO_DATE);
  CHECK(recoup_credit_reporting_batch(0, NULL, NULL, NULL, NULL) == RECOUP_STATUS_OK);
  CHECK(recoup_credit_reporting_batch(1, dofd, NULL, NULL, NULL) == RECOUP_STATUS_NULL_ARGUMENT);
}

static void test_default_notice(void) {
  recoup_default_notice_result d;
  memset(&d, 0, sizeof d);
  d.struct_size = sizeof d;
  CHECK(recoup_default_notice_earliest_action("2026-03-02", NULL, NULL, NULL, NULL, NULL, NULL, &d, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(strcmp(d.served_on, "2026-03-02") == 0 && d.deemed == 0 && strcmp(d.earliest_action, "2026-03-17") == 0);
  CHECK(strcmp(d.counting, "clear_days") == 0);
  CHECK(recoup_default_notice_earliest_action("2026-03-02", NULL, NULL, NULL, "after", NULL, NULL, &d, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(strcmp(d.earliest_action, "2026-03-16") == 0);
  /* Posted first class on Thursday 2 April 2026: Good Friday and Easter Monday are not working days. */
  CHECK(recoup_default_notice_earliest_action(NULL, "2026-04-02", NULL, NULL, NULL, NULL, NULL, &d, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(d.deemed == 1 && strcmp(d.served_on, "2026-04-08") == 0 && strcmp(d.earliest_action, "2026-04-23") == 0);
  CHECK(recoup_default_notice_earliest_action(NULL, "2026-04-02", "second_class", "GB-EAW", NULL, NULL, NULL, &d,
                                              NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(d.served_on, "2026-04-10") == 0 && strcmp(d.earliest_action, "2026-04-25") == 0);
  CHECK(recoup_default_notice_earliest_action("2026-03-02", "2026-03-02", NULL, NULL, NULL, NULL, NULL, &d, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "notices.default_notice_service") == 0);
  CHECK(recoup_default_notice_earliest_action(NULL, NULL, NULL, NULL, NULL, NULL, NULL, &d, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_default_notice_earliest_action(NULL, "2026-04-02", "pigeon", NULL, NULL, NULL, NULL, &d, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_default_notice_earliest_action("2006-09-30", NULL, NULL, NULL, NULL, NULL, NULL, &d, NULL) ==
        RECOUP_STATUS_RULE_NOT_IN_FORCE);
}

static void test_pre_action(void) {
  recoup_pre_action_result p;
  memset(&p, 0, sizeof p);
  p.struct_size = sizeof p;
  CHECK(recoup_pre_action_deadline("2026-03-02", NULL, 0, NULL, NULL, NULL, &p, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(p.reply_due, "2026-04-01") == 0 && strcmp(p.earliest_proceedings, "2026-04-02") == 0 && p.extended == 0);
  CHECK(recoup_pre_action_deadline("2026-03-02", "2026-03-20", 1, NULL, NULL, NULL, &p, NULL) == RECOUP_STATUS_OK);
  CHECK(p.extended == 1 && strcmp(p.earliest_proceedings, "2026-04-20") == 0);
  CHECK(recoup_pre_action_deadline("2026-03-02", "2026-03-20", 1, "2026-04-10", NULL, NULL, &p, NULL) ==
        RECOUP_STATUS_OK);
  CHECK(strcmp(p.earliest_proceedings, "2026-05-11") == 0);
  CHECK(recoup_pre_action_deadline("2026-03-02", NULL, 1, NULL, NULL, NULL, &p, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "notices.not_applicable") == 0);
  CHECK(recoup_pre_action_deadline("2026-03-02", "2026-03-01", 0, NULL, NULL, NULL, &p, NULL) ==
        RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "notices.date_order") == 0);
}

static void test_breathing_space(void) {
  recoup_breathing_space_result b;
  recoup_verdict* v = NULL;
  const unsigned all = RECOUP_FROZEN_INTEREST | RECOUP_FROZEN_FEES_AND_CHARGES | RECOUP_FROZEN_ENFORCEMENT |
                       RECOUP_FROZEN_CONTACT_DEMANDING_PAYMENT;
  size_t rules = 0;
  memset(&b, 0, sizeof b);
  b.struct_size = sizeof b;
  CHECK(recoup_breathing_space("2026-03-02", NULL, NULL, NULL, NULL, &b, &v) == RECOUP_STATUS_OK);
  CHECK(strcmp(b.midway_review_from, "2026-03-27") == 0 && strcmp(b.midway_review_to, "2026-04-05") == 0);
  CHECK(strcmp(b.ends_on, "2026-04-30") == 0 && b.frozen == all);
  CHECK(strcmp(main_rule(v), "breathing_space.standard_days") == 0);
  CHECK(recoup_verdict_rule_count(v, &rules) == RECOUP_STATUS_OK && rules >= 5);
  recoup_verdict_free(v);
  /* A mental health crisis breathing space has no end while treatment continues. */
  CHECK(recoup_breathing_space("2026-03-02", "mental_health", NULL, NULL, NULL, &b, NULL) == RECOUP_STATUS_OK);
  CHECK(b.ends_on[0] == '\0' && b.midway_review_from[0] == '\0' && b.frozen == all);
  CHECK(recoup_breathing_space("2026-03-02", "mental_health", "2026-05-10", NULL, NULL, &b, NULL) == RECOUP_STATUS_OK);
  CHECK(strcmp(b.ends_on, "2026-06-09") == 0);
  CHECK(recoup_breathing_space("2026-03-02", NULL, "2026-04-01", NULL, NULL, &b, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "notices.not_applicable") == 0);
  CHECK(recoup_breathing_space("2026-03-02", "crisis", NULL, NULL, NULL, &b, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(recoup_breathing_space("2021-05-03", NULL, NULL, NULL, NULL, &b, NULL) == RECOUP_STATUS_RULE_NOT_IN_FORCE);
  CHECK(recoup_breathing_space("2026-02-30", NULL, NULL, NULL, NULL, &b, NULL) == RECOUP_STATUS_INVALID_INPUT);
  CHECK(strcmp(recoup_last_error_id(), "date.invalid") == 0);
}

int main(void) {
  test_validation_period();
  test_validation_notice_and_furnishing();
  test_credit_reporting();
  test_default_notice();
  test_pre_action();
  test_breathing_space();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("C ABI notices: all checks passed");
  return 0;
}
