/* A repayment plan from C: build it through the C ABI (recoup::c), print its rows and
 * explanation, and handle an error the way a C service would. */
#include <recoup/c/recoup.h>

#include <stdio.h>
#include <stdlib.h>

int main(void) {
  recoup_schedule_terms terms;
  recoup_schedule* plan = NULL;
  recoup_schedule_row row = {sizeof(recoup_schedule_row), 0, "", 0, 0, 0, 0, 0};
  size_t rows = 0, i, need = 0;
  char* text;
  char amount[32];

  recoup_schedule_terms_init(&terms);
  terms.currency = "GBP";
  terms.principal_minor = 120000; /* GBP 1,200.00 of arrears */
  terms.periods = 7;
  terms.first_due = "2026-01-15";
  terms.residue = "first";        /* the odd penny on the first instalment */
  terms.calendar = "GB-EAW";      /* due dates on England & Wales business days */
  if (recoup_schedule_build(&terms, &plan) != RECOUP_STATUS_OK) {
    fprintf(stderr, "cannot build the plan: %s (%s)\n", recoup_last_error_message(), recoup_last_error_id());
    return 1;
  }
  recoup_schedule_row_count(plan, &rows);
  for (i = 0; i < rows; ++i) {
    recoup_schedule_get_row(plan, i, &row);
    recoup_money_format("GBP", row.payment_minor, amount, sizeof amount, NULL);
    printf("%2lld  %s  %s\n", (long long)row.number, row.due_date, amount);
  }
  recoup_schedule_explain(plan, NULL, 0, &need);
  text = (char*)malloc(need);
  if (text != NULL && recoup_schedule_explain(plan, text, need, NULL) == RECOUP_STATUS_OK) printf("\n%s", text);
  free(text);
  recoup_schedule_free(plan);

  /* Bad input gets a status, a stable id and a message; nothing crashes. */
  terms.first_due = "2026-02-30";
  if (recoup_schedule_build(&terms, &plan) != RECOUP_STATUS_OK) {
    printf("\nrefused (%s, %s): %s\n", recoup_status_name(RECOUP_STATUS_INVALID_INPUT), recoup_last_error_id(),
           recoup_last_error_message());
  }
  return 0;
}
