/* recoup/c/recoup.h — the C ABI of recoup (link recoup::c). C99; no C++ exception crosses it.
 *
 * Conventions
 * - Every function returns a recoup_status. RECOUP_STATUS_OK is 0; the error statuses 1..9 are
 *   the error kinds of recoup::error (docs/reference/errors.md). After an error,
 *   recoup_last_error_message() and recoup_last_error_id() describe it (thread-local: each
 *   thread sees its own last error; valid until that thread's next recoup call).
 * - Amounts are a currency code ("USD") plus integer minor units (int64_t), or decimal text.
 *   Never binary floating point.
 * - Dates are ISO 8601 text "YYYY-MM-DD".
 * - Text results go into caller-owned buffers: pass the buffer and its size; the size needed
 *   (including the terminating NUL) is stored in *required when `required` is not NULL. A
 *   buffer too small gives RECOUP_STATUS_BUFFER_TOO_SMALL and nothing is written.
 * - Opaque handles (recoup_schedule) are created by a *_build function and released with the
 *   matching *_free function. Handles are immutable: one may be read from many threads.
 *
 *   int64_t minor; char code[4];
 *   if (recoup_money_parse("1234.56 USD", code, &minor) != RECOUP_STATUS_OK)
 *       fprintf(stderr, "%s\n", recoup_last_error_message());
 */
#ifndef RECOUP_C_RECOUP_H
#define RECOUP_C_RECOUP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum recoup_status {
  RECOUP_STATUS_OK = 0,
  RECOUP_STATUS_INVALID_INPUT = 1,
  RECOUP_STATUS_CURRENCY_MISMATCH = 2,
  RECOUP_STATUS_OVERFLOW = 3,
  RECOUP_STATUS_DIVISION_BY_ZERO = 4,
  RECOUP_STATUS_UNKNOWN_CURRENCY = 5,
  RECOUP_STATUS_UNKNOWN_JURISDICTION = 6,
  RECOUP_STATUS_RULE_PACK = 7,
  RECOUP_STATUS_FLOAT_INPUT = 8,
  RECOUP_STATUS_NO_CONVERGENCE = 9,
  RECOUP_STATUS_BUFFER_TOO_SMALL = 100,
  RECOUP_STATUS_NULL_ARGUMENT = 101,
  RECOUP_STATUS_OUT_OF_MEMORY = 102,
  RECOUP_STATUS_INTERNAL = 199
} recoup_status;

/* --- errors and version ------------------------------------------------------------------- */

/** The message of this thread's last error ("" when the last call succeeded). */
const char* recoup_last_error_message(void);
/** The stable id of this thread's last error, e.g. "money.syntax" ("" when none). */
const char* recoup_last_error_id(void);
/** The name of a status: "ok", "invalid_input", ..., "buffer_too_small". */
const char* recoup_status_name(recoup_status status);
/** The library version, e.g. "0.1.0". */
const char* recoup_version(void);

/* --- money -------------------------------------------------------------------------------- */

/** The number of minor units of a currency (2 for USD, 0 for JPY, 3 for KWD). */
recoup_status recoup_currency_minor_units(const char* currency, int* minor_units_out);

/** Parses "<amount> <CODE>" exactly ("1234.56 USD"): the code (4 bytes with NUL) and minor units. */
recoup_status recoup_money_parse(const char* text, char currency_out[4], int64_t* minor_out);

/** Formats minor units of a currency as "<amount> <CODE>" into `buffer`. */
recoup_status recoup_money_format(const char* currency, int64_t minor, char* buffer, size_t buffer_size,
                                  size_t* required);

/** minor × factor (decimal text, e.g. "0.035"), rounded to the minor unit with `rounding`
 *  ("half_even", "half_up", "half_down", "up", "down", "ceiling", "floor"). */
recoup_status recoup_money_multiply(const char* currency, int64_t minor, const char* factor, const char* rounding,
                                    int64_t* minor_out);

/** Splits an amount into `parts` shares that add up exactly; the remainder policy is
 *  "largest_remainder", "first", "last" or "largest_share". `out` holds `parts` values. */
recoup_status recoup_money_allocate(const char* currency, int64_t minor, size_t parts, const char* remainder,
                                    int64_t* out);

/* --- calendars ------------------------------------------------------------------------------ */

/** *out = 1 if `date` is a business day in calendar `calendar_id` ("US", "GB-EAW", ...), else 0. */
recoup_status recoup_calendar_is_business_day(const char* calendar_id, const char* date, int* out);

/** The date `n` business days after (n < 0: before) `date`, as "YYYY-MM-DD" into date_out[11]. */
recoup_status recoup_calendar_add_business_days(const char* calendar_id, const char* date, int64_t n,
                                                char date_out[11]);

/* --- repayment schedules ------------------------------------------------------------------ */

typedef struct recoup_schedule recoup_schedule;

/** Terms of a schedule. Initialise with recoup_schedule_terms_init, then set what you need.
 *  Text fields use the names of the C++ and Python APIs; NULL means the default. */
typedef struct recoup_schedule_terms {
  const char* shape;             /* "level_payment" (default), "level_principal", "interest_only",
                                    "fixed_instalment", "graduated", "custom" (not in the C ABI) */
  const char* currency;          /* required, e.g. "USD" */
  int64_t principal_minor;       /* required, > 0 */
  const char* annual_rate;       /* decimal fraction text, "0.0969" for 9.69%; default "0" */
  int64_t periods;               /* instalments (0 for fixed_instalment) */
  const char* frequency;         /* "monthly" (default), "weekly", "semi_monthly:1,16", ... */
  const char* start;             /* "YYYY-MM-DD" or NULL */
  const char* first_due;         /* "YYYY-MM-DD" or NULL (one of start / first_due is required) */
  const char* interest_rounding; /* default "half_up" */
  const char* payment_rounding;  /* default "half_up" */
  int64_t payment_step_minor;    /* round the payment to a multiple of this; default 1 */
  const char* residue;           /* "last" (default) or "first" */
  int64_t instalment_minor;      /* fixed_instalment: the instalment */
  const char* calendar;          /* business-day calendar id or NULL */
  const char* adjustment;        /* "following" (default), "modified_following", ... */
} recoup_schedule_terms;

/** One row of a schedule. */
typedef struct recoup_schedule_row {
  int64_t number;
  char due_date[11];
  int64_t payment_minor;
  int64_t interest_minor;
  int64_t principal_minor;
  int64_t fees_minor;
  int64_t balance_minor;
} recoup_schedule_row;

/** Sets every field to its default (NULL / 0; payment_step_minor = 1). */
void recoup_schedule_terms_init(recoup_schedule_terms* terms);

/** Builds a schedule; on success *out owns it (release with recoup_schedule_free). */
recoup_status recoup_schedule_build(const recoup_schedule_terms* terms, recoup_schedule** out);

/** Releases a schedule (NULL is allowed). */
void recoup_schedule_free(recoup_schedule* schedule);

/** The number of rows (instalments, plus a down-payment row when there is one). */
recoup_status recoup_schedule_row_count(const recoup_schedule* schedule, size_t* count_out);

/** Row `index` (0-based) into *row_out. */
recoup_status recoup_schedule_get_row(const recoup_schedule* schedule, size_t index, recoup_schedule_row* row_out);

/** Totals in minor units (any pointer may be NULL). */
recoup_status recoup_schedule_totals(const recoup_schedule* schedule, int64_t* total_payment, int64_t* total_interest,
                                     int64_t* regular_payment);

/** The plain-English explanation of the schedule. */
recoup_status recoup_schedule_explain(const recoup_schedule* schedule, char* buffer, size_t buffer_size,
                                      size_t* required);

/* --- APR -------------------------------------------------------------------------------------- */

/** The APR of advances and payments (dates "YYYY-MM-DD", amounts in minor units of `currency`)
 *  by `method` ("us_reg_z" or "uk_conc"), as a decimal fraction text ("0.096857080623"). */
recoup_status recoup_apr(const char* method, const char* currency, size_t advance_count,
                         const char* const* advance_dates, const int64_t* advance_minor, size_t payment_count,
                         const char* const* payment_dates, const int64_t* payment_minor, char* buffer,
                         size_t buffer_size, size_t* required);

/* --- limitation periods ------------------------------------------------------------------ */

/** What is known about a debt; a NULL date is unknown (never guessed). */
typedef struct recoup_limitation_facts {
  const char* defaulted_on;        /**< breach / first missed payment, "YYYY-MM-DD" or NULL */
  const char* last_payment;        /**< the latest part payment, or NULL */
  const char* last_acknowledgment; /**< the latest written, signed acknowledgment, or NULL */
  const char* charged_off_on;      /**< for jurisdictions whose period runs from the charge-off, or NULL */
  int debt_buyer;                  /**< non-zero: the holder bought the debt (revival rules differ) */
} recoup_limitation_facts;

/** Status of a limitation verdict. */
enum { RECOUP_LIMITATION_RUNNING = 0, RECOUP_LIMITATION_EXPIRED = 1, RECOUP_LIMITATION_UNKNOWN = 2 };

/** Bits of recoup_limitation_result.flags (the same as recoup.rules.LIMITATION_FLAGS). */
enum {
  RECOUP_LIMITATION_START_IS_LOWER_BOUND = 1,
  RECOUP_LIMITATION_RESTARTED = 2,
  RECOUP_LIMITATION_REVIVED = 4,
  RECOUP_LIMITATION_EXTINGUISHED = 8,
  RECOUP_LIMITATION_CONTESTED = 16,
  RECOUP_LIMITATION_PAYMENT_NOW_RESTARTS = 32,
  RECOUP_LIMITATION_PAYMENT_NOW_REVIVES = 64
};

typedef struct recoup_limitation_result {
  int status;                     /**< RECOUP_LIMITATION_RUNNING, _EXPIRED or _UNKNOWN */
  char expires_on[11];            /**< the last day in time, "YYYY-MM-DD"; "" when unknown */
  char alternative_expires_on[11]; /**< contested classifications: the expiry under the other reading, else "" */
  unsigned flags;                 /**< RECOUP_LIMITATION_* bits */
  char rule_id[64];               /**< e.g. "limitation.open_account" */
  char citation[256];             /**< the statute, truncated with "..." if longer */
} recoup_limitation_result;

/** The limitation verdict for one debt in `jurisdiction` ("US-TX", "GB-EAW", ...) and
 *  `debt_type` ("written_contract", "oral_contract", "promissory_note", "open_account",
 *  "specialty") as of `as_of`, from the built-in rule packs. `explanation` (may be NULL with
 *  `required` NULL) receives the plain-English reasoning and every rule cited. Errors:
 *  RECOUP_STATUS_UNKNOWN_JURISDICTION ("rules.unknown_jurisdiction", "rules.not_in_force"),
 *  RECOUP_STATUS_INVALID_INPUT ("limitation.debt_type", "date.malformed", "date.invalid"). */
recoup_status recoup_limitation(const char* jurisdiction, const char* debt_type, const recoup_limitation_facts* facts,
                                const char* as_of, recoup_limitation_result* out, char* explanation,
                                size_t explanation_size, size_t* required);

/* --- rule books ------------------------------------------------------------------------- */

/** A rule book: the built-in packs plus the caller's override packs (opaque; load every pack
 *  before sharing it with other threads, which may then read it concurrently). */
typedef struct recoup_rulebook recoup_rulebook;

/** A new book holding the built-in packs (data/rules/ of the library). */
recoup_status recoup_rulebook_new(recoup_rulebook** out);
/** Loads a TOML pack from a file into the book. RECOUP_STATUS_RULE_PACK ("rules.pack") names
 *  the file, the line and the key; the book is unchanged on error. */
recoup_status recoup_rulebook_load(recoup_rulebook* book, const char* path);
/** Loads a pack from TOML text; `origin` names it in errors and verdicts (may be NULL). */
recoup_status recoup_rulebook_load_text(recoup_rulebook* book, const char* toml, const char* origin);
/** Releases a book (NULL is allowed). */
void recoup_rulebook_free(recoup_rulebook* book);

/* --- the compliance gate: may we take this action now? ------------------------------------ */

/** The facts of one account (opaque; fields are set by name so the set can grow). */
typedef struct recoup_account recoup_account;

/** A new account governed by `jurisdiction` ("US-NY", "GB-EAW", ...). */
recoup_status recoup_account_new(const char* jurisdiction, recoup_account** out);
/** Sets one field by its name, as recoup.rules.Account names it: dates "YYYY-MM-DD" (NULL or
 *  "" clears), flags "true"/"false", counts as decimal text, lists space-separated
 *  ("time_zones": "America/New_York America/Chicago", "opted_out": "email text",
 *  "reaged_on": "2025-06-01 2026-06-01"). An unknown field gives RECOUP_STATUS_INVALID_INPUT
 *  ("gate.unknown_field") listing the names. */
recoup_status recoup_account_set(recoup_account* account, const char* field, const char* value);
/** Appends a telephone call already placed: `outcome` "connected_conversation", "unanswered",
 *  "voicemail" or "not_connected"; `number_kind` "personal" or "other" (NULL = personal). */
recoup_status recoup_account_add_call(recoup_account* account, int64_t utc_seconds, const char* outcome,
                                      int excluded_by_consent, const char* number_kind);
/** Releases an account (NULL is allowed). */
void recoup_account_free(recoup_account* account);

/** Statuses of a gate verdict (recoup.rules.GATE_STATUSES). */
enum { RECOUP_GATE_ALLOWED = 0, RECOUP_GATE_BLOCKED = 1, RECOUP_GATE_ALLOWED_FROM = 2 };
/** "No instant" in allowed_from outputs. */
#define RECOUP_NO_INSTANT INT64_MIN
/** "No date" in day-serial outputs (days since 1970-01-01). */
#define RECOUP_NO_DATE INT32_MIN

/** One action's verdict (opaque). */
typedef struct recoup_gate_verdict recoup_gate_verdict;

/** May `action` ("call", "litigate", ... as recoup.rules.GATE_ACTIONS) be taken on `account`
 *  at `at_utc_seconds` (seconds since 1970 UTC)? `book` NULL = the built-in packs. Errors:
 *  RECOUP_STATUS_INVALID_INPUT ("gate.unknown_action", "gate.future_fact", "gate.event_order",
 *  "contact.unknown_time_zone"), RECOUP_STATUS_UNKNOWN_JURISDICTION ("gate.jurisdiction"). */
recoup_status recoup_gate_permitted(const recoup_account* account, const char* action, int64_t at_utc_seconds,
                                    const recoup_rulebook* book, recoup_gate_verdict** out);
/** The status (RECOUP_GATE_*), the first allowed instant (RECOUP_NO_INSTANT unless
 *  RECOUP_GATE_ALLOWED_FROM) and the deadline day serial (RECOUP_NO_DATE when none); any
 *  output pointer may be NULL. */
recoup_status recoup_gate_verdict_status(const recoup_gate_verdict* verdict, int* status, int64_t* allowed_from,
                                         int32_t* required_by);
/** The number of blocking reasons and of conditions (either pointer may be NULL). */
recoup_status recoup_gate_verdict_counts(const recoup_gate_verdict* verdict, size_t* reasons, size_t* conditions);

/** What recoup_gate_verdict_reason writes. */
enum { RECOUP_GATE_RULE_ID = 0, RECOUP_GATE_CITATION = 1, RECOUP_GATE_CERTAINTY = 2, RECOUP_GATE_TEXT = 3 };

/** Part `what` (RECOUP_GATE_RULE_ID, _CITATION, _CERTAINTY, _TEXT) of reason `index` (of the
 *  blocking reasons, or of the conditions when `condition` is non-zero) into `buffer`; never
 *  truncated: RECOUP_STATUS_BUFFER_TOO_SMALL with *required set when it does not fit. */
recoup_status recoup_gate_verdict_reason(const recoup_gate_verdict* verdict, int condition, size_t index, int what,
                                         char* buffer, size_t buffer_size, size_t* required);
/** The plain-English explanation with every rule cited. */
recoup_status recoup_gate_verdict_explain(const recoup_gate_verdict* verdict, char* buffer, size_t buffer_size,
                                          size_t* required);
/** Releases a verdict (NULL is allowed). */
void recoup_gate_verdict_free(recoup_gate_verdict* verdict);

/** The gate over many accounts for one action at one instant, through the columnar kernel (no
 *  explanations): `status_out`, and `allowed_from_out` and `required_by_out` when not NULL,
 *  receive `count` elements as recoup_gate_verdict_status gives them. A bad account stops the
 *  batch with its error, prefixed "row N: ". */
recoup_status recoup_gate_batch(const recoup_account* const* accounts, size_t count, const char* action,
                                int64_t at_utc_seconds, const recoup_rulebook* book, int* status_out,
                                int64_t* allowed_from_out, int32_t* required_by_out);

/* --- the decision: what to do next with an account ---------------------------------------- */

/** A strategy policy (opaque; data/policies/README.md describes the TOML). */
typedef struct recoup_policy recoup_policy;

/** A policy from a TOML file; RECOUP_STATUS_RULE_PACK ("decide.policy") names the line and key. */
recoup_status recoup_policy_load(const char* path, recoup_policy** out);
/** A policy from TOML text; `origin` names it in errors (may be NULL). */
recoup_status recoup_policy_load_text(const char* toml, const char* origin, recoup_policy** out);
/** Releases a policy (NULL is allowed). */
void recoup_policy_free(recoup_policy* policy);

/** Strategy codes (recoup.decide.STRATEGIES). */
enum {
  RECOUP_STRATEGY_PAYMENT_PLAN = 0,
  RECOUP_STRATEGY_SETTLEMENT = 1,
  RECOUP_STRATEGY_LITIGATION = 2,
  RECOUP_STRATEGY_AGENCY = 3,
  RECOUP_STRATEGY_SALE = 4,
  RECOUP_STRATEGY_WRITE_OFF = 5
};
/** "payment_plan", ... for a strategy code; NULL for another code. */
const char* recoup_strategy_name(int strategy);
/** "call", "litigate", ... for an action code (recoup.rules.GATE_ACTIONS order); NULL otherwise. */
const char* recoup_action_name(int action);

/** The figures of a decision. Set struct_size = sizeof(recoup_decision_summary) before the call:
 *  fields added in later versions go at the end and are filled only when the caller's size has them. */
typedef struct recoup_decision_summary {
  size_t struct_size;
  int strategy;                         /**< RECOUP_STRATEGY_* */
  int64_t expected_net_recovery_minor;  /**< of the chosen strategy, in minor units of the balance */
  int64_t offer_amount_minor;           /**< plan: the instalment; settlement: the lump sum */
  int instalments;                      /**< plan: number of instalments */
  int64_t last_instalment_minor;        /**< plan: the last (smaller) instalment */
  int next_action;                      /**< action code */
  int64_t next_action_at;               /**< UTC seconds; RECOUP_NO_INSTANT when blocked */
  int64_t priority;
  int challenger;                       /**< 1 = in the champion/challenger test group */
  int32_t charge_off_on;                /**< FFIEC deadline day serial; RECOUP_NO_DATE when none */
  uint32_t blocked_actions;             /**< bit (1 << action) per action the gate blocks now */
} recoup_decision_summary;

/** One account's decision (opaque). */
typedef struct recoup_decision recoup_decision;

/** Decides `account` with balance `balance` ("2400.00 USD") and, when not NULL, a monthly
 *  `disposable_income` in the same currency, at `at_utc_seconds`, under `policy` (NULL = the
 *  shipped EXAMPLE policy) and `book` (NULL = built-in packs). `id` feeds the
 *  champion/challenger split. Errors: the gate's, "decide.no_segment", "decide.currency". */
recoup_status recoup_decide(const recoup_account* account, const char* id, const char* balance,
                            const char* disposable_income, int64_t at_utc_seconds, const recoup_policy* policy,
                            const recoup_rulebook* book, recoup_decision** out);
/** The decision's figures into *out (out->struct_size set by the caller). */
recoup_status recoup_decision_summary_get(const recoup_decision* decision, recoup_decision_summary* out);
/** Every candidate and why it won or lost, in plain English. */
recoup_status recoup_decision_explain(const recoup_decision* decision, char* buffer, size_t buffer_size, size_t* required);
/** Releases a decision (NULL is allowed). */
void recoup_decision_free(recoup_decision* decision);

/** Decides `count` accounts in one pass (the same answers as recoup_decide): `ids` (may be NULL),
 *  `balance_minor` with `currencies` (one ISO code per row, or NULL for the policy's currency of
 *  each jurisdiction). `out` holds `count` summaries, each with struct_size set by the caller.
 *  A bad account stops the batch with its error, prefixed "row N: ". */
recoup_status recoup_decide_batch(const recoup_account* const* accounts, const char* const* ids,
                                  const int64_t* balance_minor, const char* const* currencies, size_t count,
                                  int64_t at_utc_seconds, const recoup_policy* policy, const recoup_rulebook* book,
                                  recoup_decision_summary* out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* RECOUP_C_RECOUP_H */
