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

/* Every function of the ABI is marked RECOUP_C_API: exported from librecoup_c, which exports
 * nothing else (its C++ core is hidden; a test checks the symbol table). */
#ifndef RECOUP_C_API
#if defined(_WIN32)
#define RECOUP_C_API __declspec(dllimport)
#elif defined(__GNUC__)
#define RECOUP_C_API __attribute__((visibility("default")))
#else
#define RECOUP_C_API
#endif
#endif

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
  RECOUP_STATUS_RULE_NOT_IN_FORCE = 10,
  RECOUP_STATUS_BUFFER_TOO_SMALL = 100,
  RECOUP_STATUS_NULL_ARGUMENT = 101,
  RECOUP_STATUS_OUT_OF_MEMORY = 102,
  RECOUP_STATUS_INTERNAL = 199
} recoup_status;

/** Handles used across sections (opaque; described where they are built). */
typedef struct recoup_rulebook recoup_rulebook;
typedef struct recoup_verdict recoup_verdict;

/* --- errors and version ------------------------------------------------------------------- */

/** The message of this thread's last error ("" when the last call succeeded). */
RECOUP_C_API const char* recoup_last_error_message(void);
/** The stable id of this thread's last error, e.g. "money.syntax" ("" when none). */
RECOUP_C_API const char* recoup_last_error_id(void);
/** The name of a status: "ok", "invalid_input", ..., "buffer_too_small". */
RECOUP_C_API const char* recoup_status_name(recoup_status status);
/** The library version, e.g. "0.1.0". */
RECOUP_C_API const char* recoup_version(void);

/* --- money -------------------------------------------------------------------------------- */

/** The number of minor units of a currency (2 for USD, 0 for JPY, 3 for KWD). */
RECOUP_C_API recoup_status recoup_currency_minor_units(const char* currency, int* minor_units_out);

/** Parses "<amount> <CODE>" exactly ("1234.56 USD"): the code (4 bytes with NUL) and minor units. */
RECOUP_C_API recoup_status recoup_money_parse(const char* text, char currency_out[4], int64_t* minor_out);

/** Formats minor units of a currency as "<amount> <CODE>" into `buffer`. */
RECOUP_C_API recoup_status recoup_money_format(const char* currency, int64_t minor, char* buffer, size_t buffer_size,
                                  size_t* required);

/** minor × factor (decimal text, e.g. "0.035"), rounded to the minor unit with `rounding`
 *  ("half_even", "half_up", "half_down", "up", "down", "ceiling", "floor"). */
RECOUP_C_API recoup_status recoup_money_multiply(const char* currency, int64_t minor, const char* factor, const char* rounding,
                                    int64_t* minor_out);

/** Splits an amount into `parts` shares that add up exactly; the remainder policy is
 *  "largest_remainder", "first", "last" or "largest_share". `out` holds `parts` values. */
RECOUP_C_API recoup_status recoup_money_allocate(const char* currency, int64_t minor, size_t parts, const char* remainder,
                                    int64_t* out);

/* --- dates ------------------------------------------------------------------------------------ */

/** The day serial (days since 1970-01-01) of an ISO date "YYYY-MM-DD", as the batch calls use. */
RECOUP_C_API recoup_status recoup_date_serial(const char* date, int32_t* serial_out);
/** The ISO date "YYYY-MM-DD" of a day serial into date_out[11]. */
RECOUP_C_API recoup_status recoup_date_from_serial(int32_t serial, char date_out[11]);

/* --- calendars ------------------------------------------------------------------------------ */

/** *out = 1 if `date` is a business day in calendar `calendar_id` ("US", "GB-EAW", ...), else 0. */
RECOUP_C_API recoup_status recoup_calendar_is_business_day(const char* calendar_id, const char* date, int* out);

/** The date `n` business days after (n < 0: before) `date`, as "YYYY-MM-DD" into date_out[11]. */
RECOUP_C_API recoup_status recoup_calendar_add_business_days(const char* calendar_id, const char* date, int64_t n,
                                                char date_out[11]);

/* --- repayment schedules ------------------------------------------------------------------ */

typedef struct recoup_schedule recoup_schedule;

/** Terms of a schedule. Initialise with recoup_schedule_terms_init (it sets struct_size), then
 *  set what you need. Text fields use the names of the C++ and Python APIs; NULL means the default. */
typedef struct recoup_schedule_terms {
  size_t struct_size;            /* sizeof(recoup_schedule_terms) */
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

/** One row of a schedule. Set struct_size = sizeof(recoup_schedule_row). */
typedef struct recoup_schedule_row {
  size_t struct_size;
  int64_t number;
  char due_date[11];
  int64_t payment_minor;
  int64_t interest_minor;
  int64_t principal_minor;
  int64_t fees_minor;
  int64_t balance_minor;
} recoup_schedule_row;

/** Sets struct_size and every field to its default (NULL / 0; payment_step_minor = 1). */
RECOUP_C_API void recoup_schedule_terms_init(recoup_schedule_terms* terms);

/** Builds a schedule; on success *out owns it (release with recoup_schedule_free). */
RECOUP_C_API recoup_status recoup_schedule_build(const recoup_schedule_terms* terms, recoup_schedule** out);

/** Releases a schedule (NULL is allowed). */
RECOUP_C_API void recoup_schedule_free(recoup_schedule* schedule);

/** The number of rows (instalments, plus a down-payment row when there is one). */
RECOUP_C_API recoup_status recoup_schedule_row_count(const recoup_schedule* schedule, size_t* count_out);

/** Row `index` (0-based) into *row_out. */
RECOUP_C_API recoup_status recoup_schedule_get_row(const recoup_schedule* schedule, size_t index, recoup_schedule_row* row_out);

/** Totals in minor units (any pointer may be NULL). */
RECOUP_C_API recoup_status recoup_schedule_totals(const recoup_schedule* schedule, int64_t* total_payment, int64_t* total_interest,
                                     int64_t* regular_payment);

/** The plain-English explanation of the schedule. */
RECOUP_C_API recoup_status recoup_schedule_explain(const recoup_schedule* schedule, char* buffer, size_t buffer_size,
                                      size_t* required);

/* --- many schedules in one call --------------------------------------------------------------- */

/** The per-schedule inputs of a batch, each of `count` elements (caller-owned). Set struct_size =
 *  sizeof(recoup_schedule_columns); fields added later go at the end. */
typedef struct recoup_schedule_columns {
  size_t struct_size;
  size_t count;
  const int64_t* principal_minor;   /**< minor units of the prototype's currency */
  const char* const* annual_rate;   /**< decimal fraction text ("0.0725"); annual_rate_count 1 (all) or count */
  size_t annual_rate_count;
  const int64_t* periods;           /**< ignored by fixed_instalment */
  const int32_t* first_due;         /**< day serials (recoup_date_serial) */
  const int32_t* start;             /**< day serials; NULL = one period before each first due */
} recoup_schedule_columns;

/** A batch of built schedules (opaque, immutable): flat row columns with offsets. */
typedef struct recoup_schedule_batch recoup_schedule_batch;

/** Builds one schedule per input row with the shape, frequency, conventions and rounding of
 *  `prototype` (its principal, rate, periods and dates are replaced; recoup_schedule_terms as for
 *  recoup_schedule_build). With `row_status_out` NULL the first bad schedule stops the batch
 *  ("row N: " in front of its error); otherwise each schedule's status goes there (0 = built)
 *  and a bad one has no rows and zero totals. On success *out owns the batch. */
RECOUP_C_API recoup_status recoup_schedule_batch_build(const recoup_schedule_terms* prototype,
                                                       const recoup_schedule_columns* in, int32_t* row_status_out,
                                                       recoup_schedule_batch** out);
/** The number of schedules and of rows in all of them. */
RECOUP_C_API recoup_status recoup_schedule_batch_sizes(const recoup_schedule_batch* batch, size_t* schedule_count_out,
                                                       size_t* row_count_out);
/** Per schedule (schedule_count elements each; any pointer may be NULL): the regular payment,
 *  the total paid and the total interest, in minor units. */
RECOUP_C_API recoup_status recoup_schedule_batch_totals(const recoup_schedule_batch* batch, int64_t* regular_payment,
                                                        int64_t* total_payment, int64_t* total_interest);
/** The rows: `offsets` (schedule_count + 1: schedule i is rows offsets[i] .. offsets[i+1]-1) and
 *  row_count elements of each other column (any pointer may be NULL; due dates as day serials). */
RECOUP_C_API recoup_status recoup_schedule_batch_rows(const recoup_schedule_batch* batch, int64_t* offsets,
                                                      int64_t* number, int32_t* due_date, int64_t* payment,
                                                      int64_t* interest, int64_t* principal, int64_t* fees,
                                                      int64_t* balance);
/** Releases a batch (NULL is allowed). */
RECOUP_C_API void recoup_schedule_batch_free(recoup_schedule_batch* batch);

/* --- APR -------------------------------------------------------------------------------------- */

/** The APR of advances and payments (dates "YYYY-MM-DD", amounts in minor units of `currency`)
 *  by `method` ("us_reg_z" or "uk_conc"), as a decimal fraction text ("0.096857080623"). */
RECOUP_C_API recoup_status recoup_apr(const char* method, const char* currency, size_t advance_count,
                         const char* const* advance_dates, const int64_t* advance_minor, size_t payment_count,
                         const char* const* payment_dates, const int64_t* payment_minor, char* buffer,
                         size_t buffer_size, size_t* required);

/* --- limitation periods ------------------------------------------------------------------ */

/** What is known about a debt; a NULL date is unknown (never guessed). Set struct_size =
 *  sizeof(recoup_limitation_facts). */
typedef struct recoup_limitation_facts {
  size_t struct_size;
  const char* defaulted_on;        /**< breach / first missed payment (a judgment: the day it was entered), "YYYY-MM-DD" or NULL */
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

/** A limitation verdict's figures. Set struct_size = sizeof(recoup_limitation_result). */
typedef struct recoup_limitation_result {
  size_t struct_size;
  int status;                     /**< RECOUP_LIMITATION_RUNNING, _EXPIRED or _UNKNOWN */
  char expires_on[11];            /**< the last day in time, "YYYY-MM-DD"; "" when unknown */
  char alternative_expires_on[11]; /**< contested classifications: the expiry under the other reading, else "" */
  unsigned flags;                 /**< RECOUP_LIMITATION_* bits */
  char rule_id[64];               /**< e.g. "limitation.open_account" */
  char citation[256];             /**< the statute, truncated with "..." if longer (verdict_out has it whole) */
} recoup_limitation_result;

/** The limitation verdict for one debt in `jurisdiction` ("US-TX", "GB-EAW", ...) and
 *  `debt_type` ("written_contract", "oral_contract", "promissory_note", "open_account",
 *  "specialty", "judgment": pass the day the judgment was entered as facts->defaulted_on) as of `as_of`, under `book` (NULL = the built-in packs). `explanation` (may be
 *  NULL with `required` NULL) receives the plain-English reasoning and every rule cited;
 *  `verdict_out` (may be NULL) every rule used, citations whole. Errors:
 *  RECOUP_STATUS_UNKNOWN_JURISDICTION ("rules.unknown_jurisdiction"), RECOUP_STATUS_RULE_NOT_IN_FORCE
 *  ("rules.not_in_force": no version of the period covers as_of),
 *  RECOUP_STATUS_INVALID_INPUT ("limitation.debt_type", "date.malformed", "date.invalid"). */
RECOUP_C_API recoup_status recoup_limitation(const char* jurisdiction, const char* debt_type,
                                             const recoup_limitation_facts* facts, const char* as_of,
                                             const recoup_rulebook* book, recoup_limitation_result* out,
                                             char* explanation, size_t explanation_size, size_t* required,
                                             recoup_verdict** verdict_out);

/* --- rule books ------------------------------------------------------------------------- */

/* recoup_rulebook: the built-in packs plus the caller's override packs (opaque; load every pack
 * before sharing it with other threads, which may then read it concurrently). */

/** A new book holding the built-in packs (data/rules/ of the library). */
RECOUP_C_API recoup_status recoup_rulebook_new(recoup_rulebook** out);
/** Loads a TOML pack from a file into the book. RECOUP_STATUS_RULE_PACK ("rules.pack") names
 *  the file, the line and the key; the book is unchanged on error. */
RECOUP_C_API recoup_status recoup_rulebook_load(recoup_rulebook* book, const char* path);
/** Loads a pack from TOML text; `origin` names it in errors and verdicts (may be NULL). */
RECOUP_C_API recoup_status recoup_rulebook_load_text(recoup_rulebook* book, const char* toml, const char* origin);
/** Releases a book (NULL is allowed). */
RECOUP_C_API void recoup_rulebook_free(recoup_rulebook* book);

/* --- rule-data audit ---------------------------------------------------------------------- */

/** Totals of recoup_rules_audit. Set struct_size = sizeof(recoup_rules_audit_summary) (or call
 *  recoup_rules_audit_summary_init). */
typedef struct recoup_rules_audit_summary {
  size_t struct_size;
  size_t figures;               /* every entry of the book */
  size_t verified;              /* seen in the official text */
  size_t secondary;
  size_t unverified;
  size_t contested;
  size_t official_sources;      /* entries checked at an official site */
  size_t tables;                /* dated tables: rules whose last version has an end date */
  size_t tables_ending_soon;    /* last day within within_days of as_of */
  size_t tables_expired;        /* last day before as_of: later questions get RULE_NOT_IN_FORCE */
  size_t tables_past_at_review; /* already past when their pack was reviewed */
  char first_horizon[11];       /* the soonest last day of a dated table, "" when there is none */
} recoup_rules_audit_summary;

/** Sets struct_size and zeroes the rest. */
RECOUP_C_API void recoup_rules_audit_summary_init(recoup_rules_audit_summary* summary);

/** Audits every figure of `book` (NULL: the built-in packs) as of `as_of` ("YYYY-MM-DD"):
 *  certainty counts, sources, dated tables ending within `within_days` (0..3660) or already past,
 *  open questions. `summary` (may be NULL) receives the totals; `report` (may be NULL, with
 *  `report_size` 0, to ask only `required`) receives the text `recoup rules audit` prints.
 *  Errors: RECOUP_STATUS_INVALID_INPUT ("audit.within_days", "date.malformed"),
 *  RECOUP_STATUS_BUFFER_TOO_SMALL (`required` says how much). */
RECOUP_C_API recoup_status recoup_rules_audit(const recoup_rulebook* book, const char* as_of, int within_days,
                                              recoup_rules_audit_summary* summary, char* report,
                                              size_t report_size, size_t* required);


/** Debt type codes of recoup_limitation_batch (the order of recoup.rules.DEBT_TYPES). */
enum {
  RECOUP_DEBT_WRITTEN_CONTRACT = 0,
  RECOUP_DEBT_ORAL_CONTRACT = 1,
  RECOUP_DEBT_PROMISSORY_NOTE = 2,
  RECOUP_DEBT_OPEN_ACCOUNT = 3,
  RECOUP_DEBT_SPECIALTY = 4,
  RECOUP_DEBT_JUDGMENT = 5 /* the period runs from the day the judgment was entered (defaulted_on) */
};
/** Set in the flags of recoup_limitation_batch when no rule version is in force on the as-of date. */
enum { RECOUP_LIMITATION_NO_RULE = 128 };

/** Input columns of recoup_limitation_batch, each of `count` elements (caller-owned). Dates are
 *  day serials (days since 1970-01-01, recoup_date_serial) with RECOUP_NO_DATE for unknown.
 *  Set struct_size = sizeof(recoup_limitation_columns); fields added later go at the end. */
typedef struct recoup_limitation_columns {
  size_t struct_size;
  size_t count;
  const uint16_t* jurisdiction;        /**< index into the jurisdiction codes given to the batch */
  const uint8_t* debt_type;            /**< RECOUP_DEBT_* */
  const int32_t* defaulted_on;
  const int32_t* last_payment;
  const int32_t* last_acknowledgment;  /**< may be NULL (none known) */
  const int32_t* charged_off_on;       /**< may be NULL */
  const uint8_t* debt_buyer;           /**< 0/1; may be NULL (none is a debt buyer) */
  const int32_t* as_of;                /**< as_of_count elements: 1 (every row) or count */
  size_t as_of_count;
} recoup_limitation_columns;

/** The limitation verdicts of a book through the columnar kernel: the same answers as
 *  recoup_limitation without the explanation. `jurisdiction_codes` lists the codes the rows index
 *  ("US-TX", "GB-EAW", ...); `book` NULL = the built-in packs. Each output holds in->count
 *  elements: the expiry day serial (RECOUP_NO_DATE when unknown), RECOUP_LIMITATION_* status and
 *  flag bits. Errors: RECOUP_STATUS_UNKNOWN_JURISDICTION for a code without limitation rules,
 *  RECOUP_STATUS_INVALID_INPUT ("limitation.columns") for an index or debt type out of range. */
RECOUP_C_API recoup_status recoup_limitation_batch(const char* const* jurisdiction_codes, size_t jurisdiction_count,
                                      const recoup_limitation_columns* in, const recoup_rulebook* book,
                                      int32_t* expires_on_out, uint8_t* status_out, uint8_t* flags_out);

/* --- the compliance gate: may we take this action now? ------------------------------------ */

/** The facts of one account (opaque; fields are set by name so the set can grow). */
typedef struct recoup_account recoup_account;

/** A new account governed by `jurisdiction` ("US-NY", "GB-EAW", ...). */
RECOUP_C_API recoup_status recoup_account_new(const char* jurisdiction, recoup_account** out);
/** Sets one field by its name, as recoup.rules.Account names it: dates "YYYY-MM-DD" (NULL or
 *  "" clears), flags "true"/"false", counts as decimal text, lists space-separated
 *  ("time_zones": "America/New_York America/Chicago", "opted_out": "email text",
 *  "reaged_on": "2025-06-01 2026-06-01"). An unknown field gives RECOUP_STATUS_INVALID_INPUT
 *  ("gate.unknown_field") listing the names. */
RECOUP_C_API recoup_status recoup_account_set(recoup_account* account, const char* field, const char* value);
/** Appends a telephone call already placed: `outcome` "connected_conversation", "unanswered",
 *  "voicemail" or "not_connected"; `number_kind` "personal" or "other" (NULL = personal). */
RECOUP_C_API recoup_status recoup_account_add_call(recoup_account* account, int64_t utc_seconds, const char* outcome,
                                      int excluded_by_consent, const char* number_kind);
/** Releases an account (NULL is allowed). */
RECOUP_C_API void recoup_account_free(recoup_account* account);

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
RECOUP_C_API recoup_status recoup_gate_permitted(const recoup_account* account, const char* action, int64_t at_utc_seconds,
                                    const recoup_rulebook* book, recoup_gate_verdict** out);
/** The status (RECOUP_GATE_*), the first allowed instant (RECOUP_NO_INSTANT unless
 *  RECOUP_GATE_ALLOWED_FROM) and the deadline day serial (RECOUP_NO_DATE when none); any
 *  output pointer may be NULL. */
RECOUP_C_API recoup_status recoup_gate_verdict_status(const recoup_gate_verdict* verdict, int* status, int64_t* allowed_from,
                                         int32_t* required_by);
/** The number of blocking reasons and of conditions (either pointer may be NULL). */
RECOUP_C_API recoup_status recoup_gate_verdict_counts(const recoup_gate_verdict* verdict, size_t* reasons, size_t* conditions);

/** What recoup_gate_verdict_reason writes. */
enum { RECOUP_GATE_RULE_ID = 0, RECOUP_GATE_CITATION = 1, RECOUP_GATE_CERTAINTY = 2, RECOUP_GATE_TEXT = 3 };

/** Part `what` (RECOUP_GATE_RULE_ID, _CITATION, _CERTAINTY, _TEXT) of reason `index` (of the
 *  blocking reasons, or of the conditions when `condition` is non-zero) into `buffer`; never
 *  truncated: RECOUP_STATUS_BUFFER_TOO_SMALL with *required set when it does not fit. */
RECOUP_C_API recoup_status recoup_gate_verdict_reason(const recoup_gate_verdict* verdict, int condition, size_t index, int what,
                                         char* buffer, size_t buffer_size, size_t* required);
/** The plain-English explanation with every rule cited. */
RECOUP_C_API recoup_status recoup_gate_verdict_explain(const recoup_gate_verdict* verdict, char* buffer, size_t buffer_size,
                                          size_t* required);
/** Releases a verdict (NULL is allowed). */
RECOUP_C_API void recoup_gate_verdict_free(recoup_gate_verdict* verdict);

/** The gate over many accounts for one action at one instant, through the columnar kernel (no
 *  explanations): `status_out`, and `allowed_from_out` and `required_by_out` when not NULL,
 *  receive `count` elements as recoup_gate_verdict_status gives them. A bad account stops the
 *  batch with its error, prefixed "row N: ". */
RECOUP_C_API recoup_status recoup_gate_batch(const recoup_account* const* accounts, size_t count, const char* action,
                                int64_t at_utc_seconds, const recoup_rulebook* book, int* status_out,
                                int64_t* allowed_from_out, int32_t* required_by_out);

/* --- the decision: what to do next with an account ---------------------------------------- */

/** A strategy policy (opaque; data/policies/README.md describes the TOML). */
typedef struct recoup_policy recoup_policy;

/** A policy from a TOML file; RECOUP_STATUS_RULE_PACK ("decide.policy") names the line and key. */
RECOUP_C_API recoup_status recoup_policy_load(const char* path, recoup_policy** out);
/** A policy from TOML text; `origin` names it in errors (may be NULL). */
RECOUP_C_API recoup_status recoup_policy_load_text(const char* toml, const char* origin, recoup_policy** out);
/** Releases a policy (NULL is allowed). */
RECOUP_C_API void recoup_policy_free(recoup_policy* policy);

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
RECOUP_C_API const char* recoup_strategy_name(int strategy);
/** "call", "litigate", ... for an action code (recoup.rules.GATE_ACTIONS order); NULL otherwise. */
RECOUP_C_API const char* recoup_action_name(int action);

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
RECOUP_C_API recoup_status recoup_decide(const recoup_account* account, const char* id, const char* balance,
                            const char* disposable_income, int64_t at_utc_seconds, const recoup_policy* policy,
                            const recoup_rulebook* book, recoup_decision** out);
/** The decision's figures into *out (out->struct_size set by the caller). */
RECOUP_C_API recoup_status recoup_decision_summary_get(const recoup_decision* decision, recoup_decision_summary* out);
/** Every candidate and why it won or lost, in plain English. */
RECOUP_C_API recoup_status recoup_decision_explain(const recoup_decision* decision, char* buffer, size_t buffer_size, size_t* required);
/** Releases a decision (NULL is allowed). */
RECOUP_C_API void recoup_decision_free(recoup_decision* decision);

/** Decides `count` accounts in one pass (the same answers as recoup_decide): `ids` (may be NULL),
 *  `balance_minor` with `currencies` (one ISO code per row, or NULL for the policy's currency of
 *  each jurisdiction). `out` holds `count` summaries, each with struct_size set by the caller.
 *  A bad account stops the batch with its error, prefixed "row N: ". */
RECOUP_C_API recoup_status recoup_decide_batch(const recoup_account* const* accounts, const char* const* ids,
                                  const int64_t* balance_minor, const char* const* currencies, size_t count,
                                  int64_t at_utc_seconds, const recoup_policy* policy, const recoup_rulebook* book,
                                  recoup_decision_summary* out);

/* --- verdicts: the rules behind an answer ------------------------------------------------- */

/** "No amount" in optional money inputs and outputs (minor units). */
#define RECOUP_NO_AMOUNT INT64_MIN

/* recoup_verdict: the rules a check used and its reasoning (opaque). The checks fill one when
 * their `verdict_out` is not NULL; release it with recoup_verdict_free. */

/** What recoup_verdict_rule writes about a rule version. */
enum {
  RECOUP_RULE_ID = 0,             /**< "garnishment.ccpa_limit" */
  RECOUP_RULE_CITATION = 1,       /**< "15 U.S.C. 1673(a)" */
  RECOUP_RULE_CERTAINTY = 2,      /**< "verified", "secondary", "unverified", "contested" */
  RECOUP_RULE_JURISDICTION = 3,   /**< "US", "US-NY" */
  RECOUP_RULE_EFFECTIVE_FROM = 4, /**< "YYYY-MM-DD" */
  RECOUP_RULE_EFFECTIVE_TO = 5,   /**< "YYYY-MM-DD", or "" while in force */
  RECOUP_RULE_SOURCE = 6,         /**< the URL where the figure was checked (may be "") */
  RECOUP_RULE_VALUE = 7,          /**< the figure as written, with its unit */
  RECOUP_RULE_NOTE = 8            /**< the pack's note (may be "") */
};

/** The number of rule versions used (the first is the main one). */
RECOUP_C_API recoup_status recoup_verdict_rule_count(const recoup_verdict* verdict, size_t* count_out);
/** Part `what` (RECOUP_RULE_*) of rule `index`; never truncated (BUFFER_TOO_SMALL with *required). */
RECOUP_C_API recoup_status recoup_verdict_rule(const recoup_verdict* verdict, size_t index, int what, char* buffer,
                                               size_t buffer_size, size_t* required);
/** The reasoning, then each rule with its citation, version and certainty. */
RECOUP_C_API recoup_status recoup_verdict_explain(const recoup_verdict* verdict, char* buffer, size_t buffer_size,
                                                  size_t* required);
/** Releases a verdict (NULL is allowed). */
RECOUP_C_API void recoup_verdict_free(recoup_verdict* verdict);

/* --- payments: the waterfall over a ledger ------------------------------------------------ */

/** Charge buckets (recoup.plan.BUCKETS order). */
enum {
  RECOUP_BUCKET_COSTS = 0,
  RECOUP_BUCKET_FEES = 1,
  RECOUP_BUCKET_PENALTIES = 2,
  RECOUP_BUCKET_INTEREST = 3,
  RECOUP_BUCKET_PRINCIPAL = 4
};

/** What a debtor owes and what they paid, in one currency (opaque). */
typedef struct recoup_ledger recoup_ledger;

/** An empty ledger in `currency`. */
RECOUP_C_API recoup_status recoup_ledger_new(const char* currency, recoup_ledger** out);
/** Adds a charge: due date, bucket ("costs", "fees", "penalties", "interest", "principal"),
 *  amount (> 0) and the instalment it belongs to (0 = none). */
RECOUP_C_API recoup_status recoup_ledger_add_charge(recoup_ledger* ledger, const char* due, const char* bucket,
                                                    int64_t amount_minor, int64_t instalment);
/** Adds every interest, fee and principal charge of a schedule's rows (the C++
 *  recoup::charges_from_schedule); the schedule's currency must be the ledger's. */
RECOUP_C_API recoup_status recoup_ledger_add_schedule(recoup_ledger* ledger, const recoup_schedule* schedule);
/** Adds a payment: a unique id (used to reverse it), its date and amount (> 0). */
RECOUP_C_API recoup_status recoup_ledger_add_payment(recoup_ledger* ledger, const char* id, const char* date,
                                                     int64_t amount_minor);
/** Releases a ledger (NULL is allowed). */
RECOUP_C_API void recoup_ledger_free(recoup_ledger* ledger);

/** How payments are spread. Initialise with recoup_waterfall_policy_init; NULL fields keep the
 *  preset's value. */
typedef struct recoup_waterfall_policy {
  size_t struct_size;
  const char* preset;      /**< "standard" (default), "penalties_fees_interest_principal", ... */
  const char* order;       /**< space-separated buckets, all five once: "interest principal fees penalties costs" */
  const char* scope;       /**< "per_instalment" or "per_bucket" */
  const char* overpayment; /**< "hold_as_credit", "reduce_next_instalments" or "shorten_term" */
} recoup_waterfall_policy;

/** Sets struct_size and every field to NULL (the "standard" preset). */
RECOUP_C_API void recoup_waterfall_policy_init(recoup_waterfall_policy* policy);

/** The result of applying a ledger's payments (opaque, immutable). */
typedef struct recoup_waterfall recoup_waterfall;

/** Applies every payment of `ledger`, in date order, under `policy` (NULL = "standard").
 *  Errors: "waterfall.amount", "waterfall.duplicate_id", "waterfall.order", "waterfall.preset". */
RECOUP_C_API recoup_status recoup_payments_apply(const recoup_ledger* ledger, const recoup_waterfall_policy* policy,
                                                 recoup_waterfall** out);
/** The same ledger without payment `payment_id` (returned, NSF), replayed exactly. Errors as
 *  recoup_payments_apply and "waterfall.unknown_payment". */
RECOUP_C_API recoup_status recoup_payments_reverse(const recoup_ledger* ledger, const char* payment_id,
                                                   const recoup_waterfall_policy* policy, recoup_waterfall** out);

/** Totals of a waterfall. Set struct_size = sizeof(recoup_waterfall_totals). */
typedef struct recoup_waterfall_totals {
  size_t struct_size;
  int64_t applied_minor;
  int64_t outstanding_minor;
  int64_t credit_minor;                    /**< overpayment held */
  size_t allocation_count;
  size_t charge_count;
  int64_t outstanding_by_bucket_minor[5];  /**< indexed by RECOUP_BUCKET_* */
} recoup_waterfall_totals;

/** One slice of a payment applied to one charge. Set struct_size = sizeof(recoup_allocation). */
typedef struct recoup_allocation {
  size_t struct_size;
  size_t payment_index;  /**< the payment, in the order it was added to the ledger */
  char date[11];
  size_t charge_index;   /**< the charge, in the order it was added */
  int bucket;            /**< RECOUP_BUCKET_* */
  int64_t amount_minor;
} recoup_allocation;

RECOUP_C_API recoup_status recoup_waterfall_totals_get(const recoup_waterfall* waterfall, recoup_waterfall_totals* out);
/** Allocation `index` (0 .. allocation_count - 1), in the order the payments were applied. */
RECOUP_C_API recoup_status recoup_waterfall_allocation(const recoup_waterfall* waterfall, size_t index,
                                                       recoup_allocation* out);
/** What is left unpaid of each charge: `out` holds `count` elements (count = charge_count). */
RECOUP_C_API recoup_status recoup_waterfall_outstanding(const recoup_waterfall* waterfall, int64_t* out, size_t count);
/** A plain-English account of each payment's split. */
RECOUP_C_API recoup_status recoup_waterfall_explain(const recoup_waterfall* waterfall, char* buffer, size_t buffer_size,
                                                    size_t* required);
/** Releases a waterfall (NULL is allowed). */
RECOUP_C_API void recoup_waterfall_free(recoup_waterfall* waterfall);

/* --- interest accrual ------------------------------------------------------------------------ */

/** Accrual terms (opaque builder): rates, freezes and ceilings. */
typedef struct recoup_accrual_terms recoup_accrual_terms;

/** New terms: `day_count` ("ACT/365F" default, "ACT/360", "ACT/ACT ISDA", "30/360", ... or the
 *  enum names "act_365_fixed", ...) and the rounding of the posted total (default "half_up"); NULL = default. */
RECOUP_C_API recoup_status recoup_accrual_terms_new(const char* day_count, const char* posting_rounding,
                                                    recoup_accrual_terms** out);
/** The contractual annual rate (decimal fraction text, "0.0725") from `effective` onwards;
 *  add in date order, the first on or before the accrual's start. */
RECOUP_C_API recoup_status recoup_accrual_terms_add_rate(recoup_accrual_terms* terms, const char* effective,
                                                         const char* annual_rate);
/** No interest (and no fees when `fees` is non-zero) on days in [from, until), for `reason`. */
RECOUP_C_API recoup_status recoup_accrual_terms_add_freeze(recoup_accrual_terms* terms, const char* from,
                                                           const char* until, const char* reason, int fees);
/** The rate may not exceed `max_rate` on days in [from, until) (e.g. the SCRA 6%). */
RECOUP_C_API recoup_status recoup_accrual_terms_add_ceiling(recoup_accrual_terms* terms, const char* from,
                                                            const char* until, const char* max_rate, const char* reason);
/** Releases terms (NULL is allowed). */
RECOUP_C_API void recoup_accrual_terms_free(recoup_accrual_terms* terms);

/** An accrual result (opaque, immutable). */
typedef struct recoup_accrual recoup_accrual;

/** Interest on `principal_minor` of `currency` from `from` (inclusive) to `to` (exclusive),
 *  with `change_count` principal movements (+ advance, - repayment) on their dates, summed
 *  exactly and rounded once. Errors: "accrual.dates", "accrual.rates", "accrual.freeze",
 *  "accrual.balance". */
RECOUP_C_API recoup_status recoup_accrual_compute(const recoup_accrual_terms* terms, const char* currency,
                                                  int64_t principal_minor, const char* from, const char* to,
                                                  size_t change_count, const char* const* change_dates,
                                                  const int64_t* change_minor, recoup_accrual** out);

/** One segment of an accrual. Set struct_size = sizeof(recoup_accrual_segment). */
typedef struct recoup_accrual_segment {
  size_t struct_size;
  char from[11];
  char to[11];
  int64_t balance_minor;
  char rate[48];                  /**< the rate applied (after a ceiling; "0" while frozen) */
  int64_t year_fraction_numerator;
  int64_t year_fraction_denominator;
  char interest[64];              /**< exact, or to 18 places (half_even) when it does not terminate */
} recoup_accrual_segment;

/** The posted interest in minor units and the number of segments (either may be NULL). */
RECOUP_C_API recoup_status recoup_accrual_interest(const recoup_accrual* accrual, int64_t* interest_minor,
                                                   size_t* segment_count);
/** The exact total in currency units, "numerator/denominator". */
RECOUP_C_API recoup_status recoup_accrual_exact(const recoup_accrual* accrual, char* buffer, size_t buffer_size,
                                                size_t* required);
RECOUP_C_API recoup_status recoup_accrual_segment_get(const recoup_accrual* accrual, size_t index,
                                                      recoup_accrual_segment* out);
RECOUP_C_API recoup_status recoup_accrual_explain(const recoup_accrual* accrual, char* buffer, size_t buffer_size,
                                                  size_t* required);
RECOUP_C_API void recoup_accrual_free(recoup_accrual* accrual);

/* --- plan monitoring --------------------------------------------------------------------- */

/** Plan statuses (0 = the batch row failed). */
enum {
  RECOUP_MONITOR_FAILED = 0,
  RECOUP_MONITOR_ON_TRACK = 1,
  RECOUP_MONITOR_IN_ARREARS = 2,
  RECOUP_MONITOR_BROKEN = 3,
  RECOUP_MONITOR_COMPLETED = 4
};
/** Instalment states of recoup_plan_monitor. */
enum {
  RECOUP_INSTALMENT_PAID = 0,
  RECOUP_INSTALMENT_LATE = 1,
  RECOUP_INSTALMENT_SHORT_PAID = 2,
  RECOUP_INSTALMENT_MISSED = 3,
  RECOUP_INSTALMENT_IN_GRACE = 4,
  RECOUP_INSTALMENT_NOT_YET_DUE = 5
};

/** The rules that turn payments into a verdict. Initialise with recoup_monitor_policy_init
 *  (the defaults of recoup::monitor_policy), then set what you need. */
typedef struct recoup_monitor_policy {
  size_t struct_size;
  int64_t grace_days;                     /**< 0 */
  int64_t tolerance_minor;                /**< RECOUP_NO_AMOUNT = none */
  const char* tolerance_fraction;         /**< "0.05" = 5% of the instalment; NULL = 0 */
  int64_t broken_after_missed;            /**< 2; 0 = off */
  int missed_consecutive;                 /**< 0 = in total since the last cure */
  int64_t broken_arrears_at_least_minor;  /**< RECOUP_NO_AMOUNT = off */
  int64_t broken_arrears_instalments;     /**< 0 = off */
  int cure;                               /**< 1 */
  const char* overpayment;                /**< "roll_forward" (NULL) or "hold_as_credit" */
} recoup_monitor_policy;

RECOUP_C_API void recoup_monitor_policy_init(recoup_monitor_policy* policy);

/** The verdict on one plan. Set struct_size = sizeof(recoup_monitor_result). */
typedef struct recoup_monitor_result {
  size_t struct_size;
  int status;                   /**< RECOUP_MONITOR_* */
  int64_t arrears_minor;        /**< contractual: unpaid on instalments due before as_of */
  int64_t days_past_due;
  int64_t paid_minor;           /**< payments dated on or before as_of */
  int64_t applied_minor;
  int64_t unapplied_minor;
  int64_t outstanding_minor;
  int64_t missed_count;
  int64_t missed_consecutive_now;
  int64_t payments_after_as_of;
  int32_t broken_on;            /**< day serial; RECOUP_NO_DATE when not broken */
  int32_t last_cured_on;        /**< day serial; RECOUP_NO_DATE when never cured */
} recoup_monitor_result;

/** Monitors `plan` on `as_of` ("YYYY-MM-DD") given payments (dates "YYYY-MM-DD", minor units)
 *  under `policy` (NULL = defaults). `states_out`, when not NULL, receives one RECOUP_INSTALMENT_*
 *  per schedule row (recoup_schedule_row_count elements); `explanation` as everywhere. Errors:
 *  "monitor.policy", "monitor.negative_payment", "monitor.currency". */
RECOUP_C_API recoup_status recoup_plan_monitor(const recoup_schedule* plan, size_t payment_count,
                                               const char* const* payment_dates, const int64_t* payment_minor,
                                               const char* as_of, const recoup_monitor_policy* policy,
                                               recoup_monitor_result* out, int* states_out, char* explanation,
                                               size_t explanation_size, size_t* required);

/** Reschedules (re-ages) `plan` on `as_of`: what is left of it given the payments (dates
 *  "YYYY-MM-DD", minor units) is recast into a new plan built from `new_terms`, whose
 *  principal_minor is ignored (the amount recast becomes the principal; its currency must be the
 *  plan's). `basis` is "unpaid_instalments" (NULL: every instalment's unpaid part) or
 *  "outstanding_principal" (arrears + the scheduled balance: unearned interest and fees dropped);
 *  `policy` (NULL = defaults) judges the old plan. *new_plan_out receives the new schedule
 *  (release with recoup_schedule_free), *amount_minor_out (may be NULL) the amount recast, and
 *  `explanation` the record: old plan, its monitoring on the day, the amount and the new plan.
 *  Errors: "reschedule.nothing_outstanding", "reschedule.currency", "reschedule.basis". */
RECOUP_C_API recoup_status recoup_plan_reschedule(const recoup_schedule* plan, size_t payment_count,
                                                  const char* const* payment_dates, const int64_t* payment_minor,
                                                  const char* as_of, const recoup_schedule_terms* new_terms,
                                                  const char* basis, const recoup_monitor_policy* policy,
                                                  recoup_schedule** new_plan_out, int64_t* amount_minor_out,
                                                  char* explanation, size_t explanation_size, size_t* required);

/** Monitors many plans (the same answers as recoup_plan_monitor), all amounts in `currency`. Plan i
 *  has instalments inst_offsets[i] .. inst_offsets[i+1]-1 (due day serials and amounts) and
 *  payments pay_offsets[i] .. pay_offsets[i+1]-1; offsets hold plan_count + 1 elements starting at
 *  0. `as_of` holds 1 or plan_count day serials. Outputs hold plan_count elements; the optional
 *  ones may be NULL. A bad plan stops the batch with its error, prefixed "row N: ". */
RECOUP_C_API recoup_status recoup_plan_monitor_batch(const char* currency, size_t plan_count, const int64_t* inst_offsets,
                                                     const int32_t* due_date, const int64_t* due_minor,
                                                     const int64_t* pay_offsets, const int32_t* pay_date,
                                                     const int64_t* pay_minor, const int32_t* as_of, size_t as_of_count,
                                                     const recoup_monitor_policy* policy, int8_t* status_out,
                                                     int64_t* arrears_minor_out, int64_t* days_past_due_out,
                                                     int64_t* paid_minor_out, int64_t* outstanding_minor_out,
                                                     int64_t* missed_count_out);

/* --- contact: may this call be placed now? (Reg F 1006.14, state overlays) ---------------- */

/** Call outcomes (codes of the call-log columns). */
enum {
  RECOUP_CALL_CONNECTED_CONVERSATION = 0,
  RECOUP_CALL_UNANSWERED = 1,
  RECOUP_CALL_VOICEMAIL = 2,
  RECOUP_CALL_NOT_CONNECTED = 3
};
/** Kinds of number dialled. */
enum { RECOUP_NUMBER_PERSONAL = 0, RECOUP_NUMBER_OTHER = 1 };
/** Bits of recoup_contact_result.blocks: which rules block the call. */
enum {
  RECOUP_CONTACT_CALL_FREQUENCY = 1,
  RECOUP_CONTACT_POST_CONVERSATION_WAIT = 2,
  RECOUP_CONTACT_INCONVENIENT_TIME = 4
};

/** A proposed call. Initialise with recoup_contact_request_init. */
typedef struct recoup_contact_request {
  size_t struct_size;
  int64_t at_utc_seconds;     /**< the proposed time, seconds since 1970 UTC */
  const char* time_zones;     /**< required: candidate IANA zones, space-separated; the first counts days */
  const char* jurisdiction;   /**< "US" (default) or a state "US-MA" */
  int number_kind;            /**< RECOUP_NUMBER_* (default personal) */
  int with_consent;           /**< placed with direct prior consent: not counted */
  int search_days;            /**< how far next_allowed searches, 1..3660 (default 400) */
} recoup_contact_request;

RECOUP_C_API void recoup_contact_request_init(recoup_contact_request* request);

/** The answer. Set struct_size = sizeof(recoup_contact_result). */
typedef struct recoup_contact_result {
  size_t struct_size;
  int allowed;
  int64_t next_allowed;  /**< earliest allowed instant >= at; RECOUP_NO_INSTANT when none in the search */
  unsigned blocks;       /**< RECOUP_CONTACT_* bits; 0 when allowed */
  size_t reason_count;
} recoup_contact_result;

/** May a call to one person about one debt be placed at request->at_utc_seconds, given the
 *  `call_count` calls already placed (seconds since 1970 UTC, RECOUP_CALL_* outcomes; the
 *  consent and number-kind columns may be NULL)? `book` NULL = the built-in packs;
 *  `verdict_out` (may be NULL) receives the reasons, rules and citations. Errors:
 *  "contact.no_time_zone", "contact.unknown_time_zone", "contact.search_days",
 *  "contact.outcome", RECOUP_STATUS_UNKNOWN_JURISDICTION ("contact.jurisdiction"). */
RECOUP_C_API recoup_status recoup_contact_may_call(size_t call_count, const int64_t* call_utc_seconds,
                                                   const uint8_t* call_outcomes, const uint8_t* excluded_by_consent,
                                                   const uint8_t* number_kinds, const recoup_contact_request* request,
                                                   const recoup_rulebook* book, recoup_contact_result* out,
                                                   recoup_verdict** verdict_out);

/** Bits of the flags recoup_contact_check_call_log writes per call. */
enum {
  RECOUP_CALL_FLAG_COUNTED = 1,          /**< counts toward the federal frequency */
  RECOUP_CALL_FLAG_OVER_LIMIT = 2,       /**< the 8th or later counted call in 7 consecutive days */
  RECOUP_CALL_FLAG_IN_WAIT = 4,          /**< inside the 7 days after a conversation */
  RECOUP_CALL_FLAG_OUTSIDE_HOURS = 8,    /**< outside 8 a.m. - 9 p.m. in its zone */
  RECOUP_CALL_FLAG_OVER_STATE_LIMIT = 16 /**< over a state overlay's frequency limit */
};

/** A whole call log as columns of `count` rows, any order (caller-owned). Optional columns may
 *  be NULL. Set struct_size = sizeof(recoup_call_log_columns). */
typedef struct recoup_call_log_columns {
  size_t struct_size;
  size_t count;
  const int64_t* person;                /**< who was called */
  const int64_t* debt;                  /**< about which debt */
  const int64_t* utc_seconds;           /**< when, seconds since 1970 UTC */
  const uint8_t* outcome;               /**< RECOUP_CALL_* */
  const uint8_t* excluded_by_consent;   /**< 0/1; NULL = none */
  const uint8_t* number_kind;           /**< RECOUP_NUMBER_*; NULL = all personal */
  const int32_t* zone;                  /**< index into time_zones; NULL = all 0 */
} recoup_call_log_columns;

/** Audits a call log (Reg F 1006.14(b) and state overlays) in one pass per (person, debt): each
 *  call's RECOUP_CALL_FLAG_* bits into flags_out (count elements) and, when window_count_out is
 *  not NULL, the counted calls in the 7 days ending with each counted call (0 otherwise).
 *  `time_zones` lists the IANA zones the rows index; `jurisdiction` NULL = "US"; `as_of` NULL
 *  reads the rules in force on the UTC date of the latest call. Errors: "contact.batch_shape",
 *  "contact.outcome", "contact.number_kind", "contact.unknown_time_zone",
 *  RECOUP_STATUS_UNKNOWN_JURISDICTION ("contact.jurisdiction"). */
RECOUP_C_API recoup_status recoup_contact_check_call_log(const recoup_call_log_columns* log,
                                                         const char* const* time_zones, size_t time_zone_count,
                                                         const char* jurisdiction, const char* as_of,
                                                         const recoup_rulebook* book, uint8_t* flags_out,
                                                         int32_t* window_count_out);

/* --- garnishment: the most an ordinary creditor may take from one pay ----------------------- */

/** Facts some states' limits depend on. Initialise with recoup_garnishment_options_init. */
typedef struct recoup_garnishment_options {
  size_t struct_size;
  int head_of_family;                   /**< Florida s222.11 */
  int written_consent;                  /**< Florida: the head of family agreed in writing */
  int64_t local_minimum_hourly_minor;   /**< a higher local minimum wage (cents); RECOUP_NO_AMOUNT = none */
  const char* wage_region;              /**< "nyc_li_westchester" (New York) or NULL */
} recoup_garnishment_options;

RECOUP_C_API void recoup_garnishment_options_init(recoup_garnishment_options* options);

/** Which limit binds. */
enum { RECOUP_BINDING_FEDERAL = 0, RECOUP_BINDING_STATE = 1, RECOUP_BINDING_BOTH = 2 };

/** The answer in USD cents. Set struct_size = sizeof(recoup_garnishment_result). */
typedef struct recoup_garnishment_result {
  size_t struct_size;
  int64_t amount_minor;          /**< the maximum garnishable, rounded down to the cent */
  int64_t federal_minor;         /**< the federal (CCPA) figure */
  int64_t state_minor;           /**< the state figure; RECOUP_NO_AMOUNT when no state rule applies */
  int binding;                   /**< RECOUP_BINDING_* */
  int64_t federal_floor_minor;   /**< the protected federal floor */
  int64_t state_floor_minor;     /**< RECOUP_NO_AMOUNT when the state's formula has none */
} recoup_garnishment_result;

/** The most an ordinary judgment creditor may garnish from one pay period's disposable earnings
 *  (USD cents) in `jurisdiction` ("US" or "US-XX") for earnings payable on `as_of`. `gross_minor`
 *  is RECOUP_NO_AMOUNT unless the state's limit uses gross pay (NY, IL, MA); `pay_period` is
 *  "weekly", "biweekly", "semimonthly" or "monthly"; `options` and `book` may be NULL. Errors:
 *  "garnishment.negative_earnings", "garnishment.gross_required", "garnishment.pay_period",
 *  RECOUP_STATUS_UNKNOWN_JURISDICTION ("garnishment.jurisdiction"), RECOUP_STATUS_RULE_NOT_IN_FORCE
 *  ("rules.not_in_force": e.g. a minimum-wage table that ends before the pay date). */
RECOUP_C_API recoup_status recoup_garnishment_limit(const char* jurisdiction, int64_t disposable_minor,
                                                    int64_t gross_minor, const char* pay_period, const char* as_of,
                                                    const recoup_garnishment_options* options,
                                                    const recoup_rulebook* book, recoup_garnishment_result* out,
                                                    recoup_verdict** verdict_out);

/** The batch form: `count` debtors, `jurisdictions` one per row (NULL: every row
 *  `default_jurisdiction`), `gross_minor` NULL or one per row (RECOUP_NO_AMOUNT = none). `out`
 *  receives the maximum per row; `federal_out`, `state_out` (RECOUP_NO_AMOUNT where no state rule)
 *  may be NULL. A bad row stops the batch with its error, prefixed "row N: ". */
RECOUP_C_API recoup_status recoup_garnishment_batch(size_t count, const char* const* jurisdictions,
                                                    const char* default_jurisdiction, const int64_t* disposable_minor,
                                                    const int64_t* gross_minor, const char* pay_period,
                                                    const char* as_of, const recoup_garnishment_options* options,
                                                    const recoup_rulebook* book, int64_t* out, int64_t* federal_out,
                                                    int64_t* state_out);

/* --- statutory interest and compensation on late debts and judgments ----------------------- */

/** The answer. Set struct_size = sizeof(recoup_interest_result). */
typedef struct recoup_interest_result {
  size_t struct_size;
  int64_t amount_minor;     /**< the interest, rounded once with the mode asked */
  int64_t days;             /**< paid_on - from */
  char annual_rate[48];     /**< percent a year applied ("13.25"; the first if it changed) */
  char reference_rate[48];  /**< percent, or "" when none */
  char reference_date[11];  /**< the day the reference rate was read, or "" */
} recoup_interest_result;

/** Interest the law adds. `kind` "late_payment" (UK Late Payment Act for "GB"; the EU Directive for
 *  "EU" or a member state: `from` is the due date) or "judgment" ("GB-EAW" 8% simple; "US"
 *  28 U.S.C. 1961 with `rate_percent` the weekly 1-year CMT, compounded annually: `from` is the
 *  day judgment was entered). `rate_percent` is NULL where the law fixes the rate. Errors:
 *  "interest.dates", "interest.rate", "interest.negative_amount", "interest.kind",
 *  RECOUP_STATUS_UNKNOWN_JURISDICTION ("interest.jurisdiction"), RECOUP_STATUS_RULE_NOT_IN_FORCE
 *  ("rules.not_in_force": a reference-rate table that ends before the date). */
RECOUP_C_API recoup_status recoup_statutory_interest(const char* kind, const char* jurisdiction, const char* currency,
                                                     int64_t amount_minor, const char* from, const char* paid_on,
                                                     const char* rate_percent, const char* rounding,
                                                     const recoup_rulebook* book, recoup_interest_result* out,
                                                     recoup_verdict** verdict_out);

/** The fixed compensation for a late commercial debt in force on `as_of` ("GB": 40/70/100 GBP;
 *  "EU" or a member state: 40 EUR), in minor units of the debt's currency. */
RECOUP_C_API recoup_status recoup_late_payment_compensation(const char* jurisdiction, const char* currency,
                                                            int64_t debt_minor, const char* as_of,
                                                            const recoup_rulebook* book, int64_t* amount_minor_out,
                                                            recoup_verdict** verdict_out);

/** A reference rate ("boe_bank_rate", "ecb_main_refinancing") in force on `on`: the percent a
 *  year as decimal text into `buffer`, and the day it took effect into effective_from_out[11]
 *  (may be NULL). */
RECOUP_C_API recoup_status recoup_reference_rate(const char* name, const char* on, const recoup_rulebook* book,
                                                 char* buffer, size_t buffer_size, size_t* required,
                                                 char effective_from_out[11], recoup_verdict** verdict_out);

/* --- late fees ----------------------------------------------------------------------------- */

/** A late-payment fee rule. Initialise with recoup_late_fee_rule_init (struct_size set, no parts),
 *  then set a flat fee, a percentage or both. */
typedef struct recoup_late_fee_rule {
  size_t struct_size;
  int64_t grace_days;                 /**< no fee while days late <= grace (0) */
  int64_t flat_minor;                 /**< a fixed fee; RECOUP_NO_AMOUNT = none */
  const char* percent_of_instalment;  /**< decimal fraction text ("0.05" = 5%); NULL = none */
  int64_t cap_minor;                  /**< the most one fee may be; RECOUP_NO_AMOUNT = none */
  const char* rounding;               /**< rounding of the percentage part; NULL = "half_up" */
} recoup_late_fee_rule;

RECOUP_C_API void recoup_late_fee_rule_init(recoup_late_fee_rule* rule);

/** The fee for an instalment of `instalment_minor` (in `currency`) paid `days_late` days late,
 *  charged on `charged_on`: nothing within the grace days, or when a freeze of `terms` (may be
 *  NULL) with fees stops covers that day. Errors: "late_fee.rule" (no part, or a negative one). */
RECOUP_C_API recoup_status recoup_late_fee(const char* currency, int64_t instalment_minor, int64_t days_late,
                                           const recoup_late_fee_rule* rule, const char* charged_on,
                                           const recoup_accrual_terms* terms, int64_t* fee_minor_out);

/* --- promises to pay ----------------------------------------------------------------------- */

/** A debtor's promise. Initialise with recoup_promise_init (struct_size set, no tolerance). */
typedef struct recoup_promise {
  size_t struct_size;
  const char* date;         /**< the promised payment date */
  int64_t amount_minor;     /**< the promised amount (positive) */
  const char* made_on;      /**< when the promise was made (earlier payments do not count); NULL = none */
  int64_t tolerance_minor;  /**< a shortfall at or below this still keeps it; RECOUP_NO_AMOUNT = none */
  int64_t grace_days;       /**< days after `date` that still count (0) */
} recoup_promise;

RECOUP_C_API void recoup_promise_init(recoup_promise* promise);

/** Promise statuses (recoup::promise_status order). */
enum { RECOUP_PROMISE_PENDING = 0, RECOUP_PROMISE_KEPT = 1, RECOUP_PROMISE_PARTIALLY_KEPT = 2, RECOUP_PROMISE_BROKEN = 3 };

/** The verdict on a promise. Set struct_size = sizeof(recoup_promise_result). */
typedef struct recoup_promise_result {
  size_t struct_size;
  int status;                          /**< RECOUP_PROMISE_* */
  int64_t paid_minor;                  /**< counted toward the promise (made_on .. deadline, <= as_of) */
  int64_t shortfall_minor;             /**< promised - paid, at least 0 */
  int64_t paid_after_deadline_minor;   /**< payments after the deadline and not after as_of */
  char deadline[11];                   /**< date + grace_days */
  char kept_on[11];                    /**< the day the counted total reached the amount less tolerance, or "" */
} recoup_promise_result;

/** Checks `promise` (amounts in `currency`) against payments (dates "YYYY-MM-DD", minor units) on
 *  `as_of`; `explanation` as everywhere (NULL with required NULL: none). Errors: "promise.amount"
 *  (not positive), "promise.policy" (grace days outside 0..3660, a negative tolerance, made_on
 *  after the date), "monitor.negative_payment". */
RECOUP_C_API recoup_status recoup_promise_check(const char* currency, const recoup_promise* promise,
                                                size_t payment_count, const char* const* payment_dates,
                                                const int64_t* payment_minor, const char* as_of,
                                                recoup_promise_result* out, char* explanation,
                                                size_t explanation_size, size_t* required);

/* --- time value of money and cash-flow returns ---------------------------------------------- */
/* numpy-financial's functions in exact decimal arithmetic (28 significant digits, the C++ and
 * Python results to the digit). Every number is decimal text ("0.05", "-1000"); every result is
 * decimal text into `buffer`, never truncated (RECOUP_STATUS_BUFFER_TOO_SMALL with *required).
 * `fv` NULL is 0; `when` is "end" (NULL) or "begin". Errors: "time_value.*", "irr.*",
 * RECOUP_STATUS_NO_CONVERGENCE when no rate solves the flows. */

/** The payment per period (numpy_financial.pmt). */
RECOUP_C_API recoup_status recoup_tvm_pmt(const char* rate, const char* nper, const char* pv, const char* fv,
                                          const char* when, char* buffer, size_t buffer_size, size_t* required);
/** The interest part of payment `per` (1-based; numpy_financial.ipmt). */
RECOUP_C_API recoup_status recoup_tvm_ipmt(const char* rate, const char* per, const char* nper, const char* pv,
                                           const char* fv, const char* when, char* buffer, size_t buffer_size,
                                           size_t* required);
/** The principal part of payment `per` (numpy_financial.ppmt). */
RECOUP_C_API recoup_status recoup_tvm_ppmt(const char* rate, const char* per, const char* nper, const char* pv,
                                           const char* fv, const char* when, char* buffer, size_t buffer_size,
                                           size_t* required);
/** The present value (numpy_financial.pv). */
RECOUP_C_API recoup_status recoup_tvm_pv(const char* rate, const char* nper, const char* pmt, const char* fv,
                                         const char* when, char* buffer, size_t buffer_size, size_t* required);
/** The future value (numpy_financial.fv); here `pv` is required. */
RECOUP_C_API recoup_status recoup_tvm_fv(const char* rate, const char* nper, const char* pmt, const char* pv,
                                         const char* when, char* buffer, size_t buffer_size, size_t* required);
/** The number of periods (numpy_financial.nper). */
RECOUP_C_API recoup_status recoup_tvm_nper(const char* rate, const char* pmt, const char* pv, const char* fv,
                                           const char* when, char* buffer, size_t buffer_size, size_t* required);
/** The periodic rate (numpy_financial.rate), the root nearest zero. */
RECOUP_C_API recoup_status recoup_tvm_rate(const char* nper, const char* pmt, const char* pv, const char* fv,
                                           const char* when, char* buffer, size_t buffer_size, size_t* required);
/** The annual nominal rate (periodic x periods_per_year) at which `periods` level payments of
 *  `payment_minor` in arrears repay `principal_minor` (both in `currency`), rounded half_even to
 *  `places` (12 when 0). Errors: "rate.non_positive", "rate.periods". */
RECOUP_C_API recoup_status recoup_tvm_solve_rate(const char* currency, int64_t principal_minor, int64_t payment_minor,
                                                 int64_t periods, int periods_per_year, int places, char* buffer,
                                                 size_t buffer_size, size_t* required);
/** How many payments of `payment_minor` in arrears (the last smaller or equal) repay
 *  `principal_minor` at `annual_rate` (a nominal fraction, "0.05"), into *periods_out. Errors:
 *  "rate.payment_too_small" (the message names the smallest payment that ever repays). */
RECOUP_C_API recoup_status recoup_tvm_solve_term(const char* currency, int64_t principal_minor, int64_t payment_minor,
                                                 const char* annual_rate, int periods_per_year, int64_t* periods_out);
/** The net present value of values[t] at periods t = 0, 1, ... (values[0] undiscounted). */
RECOUP_C_API recoup_status recoup_cashflow_npv(const char* rate, size_t count, const char* const* values,
                                               char* buffer, size_t buffer_size, size_t* required);
/** The internal rate of return of values[t] at periods t = 0, 1, ... (the root nearest zero). */
RECOUP_C_API recoup_status recoup_cashflow_irr(size_t count, const char* const* values, char* buffer,
                                               size_t buffer_size, size_t* required);
/** The NPV of dated flows at an annual rate, Actual/365 from the first flow's date. */
RECOUP_C_API recoup_status recoup_cashflow_xnpv(const char* rate, size_t count, const char* const* dates,
                                                const char* const* values, char* buffer, size_t buffer_size,
                                                size_t* required);
/** The annual rate at which the dated flows' XNPV is zero (the root nearest zero). */
RECOUP_C_API recoup_status recoup_cashflow_xirr(size_t count, const char* const* dates, const char* const* values,
                                                char* buffer, size_t buffer_size, size_t* required);

/* --- portfolio: aging and roll rates -------------------------------------------------------- */
/* Columns as caller-owned arrays: dates are day serials (RECOUP_NO_DATE = none), balances minor
 * units. Aging edges are days past due, strictly increasing, 1..64 of them (NULL with
 * edge_count 0: the usual 0, 30, 60, 90, 120); k edges make k + 1 buckets, "current" (or "0-e")
 * first and "e+" last. The same kernels as recoup.portfolio in Python. */

/** Ages `count` accounts on `as_of` (as_of_count 1: every row, or count). Each account's days
 *  past due is as_of - its oldest unpaid due date (0 when none or in the future). Outputs, each
 *  may be NULL: dpd_out and bucket_out (count each), counts_out (edge_count + 1: accounts per
 *  bucket) and balances_out (edge_count + 1: the sum of amounts_minor per bucket, which needs
 *  amounts_minor). Errors: "portfolio.edges", "portfolio.as_of_missing", "portfolio.date_range",
 *  "columns.length" ("row N: " in front for a bad row), RECOUP_STATUS_OVERFLOW
 *  ("portfolio.balance_overflow"). */
RECOUP_C_API recoup_status recoup_portfolio_age(size_t count, const int32_t* oldest_unpaid_due, const int32_t* as_of,
                                                size_t as_of_count, const int64_t* edges, size_t edge_count,
                                                const int64_t* amounts_minor, int64_t* dpd_out, int32_t* bucket_out,
                                                int64_t* counts_out, int64_t* balances_out);

/** The label of bucket `bucket` under `edges` ("current", "1-30", "120+") into `buffer`. */
RECOUP_C_API recoup_status recoup_portfolio_bucket_label(const int64_t* edges, size_t edge_count, size_t bucket,
                                                         char* buffer, size_t buffer_size, size_t* required);

/** One snapshot of a book for roll rates: `count` accounts with their ids (unique), bucket
 *  (0 .. buckets - 1) and, optionally, balance. Set struct_size = sizeof(recoup_roll_rate_columns). */
typedef struct recoup_roll_rate_columns {
  size_t struct_size;
  size_t count;
  const int64_t* account_id;
  const int64_t* bucket;
  const int64_t* balance_minor;  /**< may be NULL: no balance-weighted figures */
} recoup_roll_rate_columns;

/** Where recoup_portfolio_roll_rates writes (caller-owned; any pointer may be NULL). With B
 *  buckets: counts and balances hold B x B (row-major, [t0 bucket][t1 bucket]; balances weighted
 *  by the t0 balance), the others B. Set struct_size = sizeof(recoup_roll_rate_matrix). */
typedef struct recoup_roll_rate_matrix {
  size_t struct_size;
  int64_t* counts;
  int64_t* balances;         /**< needs t0 balances */
  int64_t* closed_counts;    /**< per t0 bucket: accounts absent at t1 */
  int64_t* closed_balances;  /**< their t0 balances (needs t0 balances) */
  int64_t* new_counts;       /**< per t1 bucket: accounts absent at t0 */
  int64_t* new_balances;     /**< their t1 balances (needs t1 balances) */
} recoup_roll_rate_matrix;

/** The roll-rate (transition) matrix between two snapshots over `buckets` (1..65) buckets,
 *  accounts joined by id. The rate from bucket i to j is counts[i*B+j] / (sum of row i +
 *  closed_counts[i]). Errors: "portfolio.bucket_range", "portfolio.duplicate_account",
 *  "columns.length", "portfolio.no_balances" (a balance output without the balances it needs),
 *  RECOUP_STATUS_OVERFLOW ("portfolio.balance_overflow"). */
RECOUP_C_API recoup_status recoup_portfolio_roll_rates(size_t buckets, const recoup_roll_rate_columns* t0,
                                                       const recoup_roll_rate_columns* t1,
                                                       recoup_roll_rate_matrix* out);

/* --- notice periods and dated duties ------------------------------------------------------ */
/* Each call answers "by when" or "from when" for one duty, with the rules it used in the verdict
 * (`verdict_out` may be NULL). Dates are "YYYY-MM-DD"; an optional date is NULL (or ""); `as_of`
 * NULL reads the rule versions in force on the event's own date. Option names are those of the
 * C++ and Python APIs; NULL takes the pack's default. Output dates are "" when there is none. */

/** Reg F validation period. Set struct_size = sizeof(recoup_validation_period_result). */
typedef struct recoup_validation_period_result {
  size_t struct_size;
  char assumed_receipt[11];  /**< the fifth countable day after provided_on (12 CFR 1006.34(b)(5)) */
  char end_date[11];         /**< the validation-period end date: assumed receipt + 30 days */
  char observed[8];          /**< the holiday choice applied: "skip" or "count" */
  size_t skipped_count;      /**< days not counted towards the five (weekends, holidays) */
} recoup_validation_period_result;

/** The end of the validation period for validation information provided on `provided_on`.
 *  `calendar_id` NULL = "US"; `observed` "skip" (observed holidays skipped too, the default) or
 *  "count". Errors: "notices.unknown_option", RECOUP_STATUS_RULE_NOT_IN_FORCE before 2021-11-30. */
RECOUP_C_API recoup_status recoup_validation_period_end(const char* provided_on, const char* calendar_id,
                                                        const char* observed, const char* as_of,
                                                        const recoup_rulebook* book,
                                                        recoup_validation_period_result* out,
                                                        recoup_verdict** verdict_out);

/** The last day to send the Reg F validation notice when it is not in the initial communication
 *  (1006.34(a)(1)(i)(B): within five days after it), into date_out[11]. */
RECOUP_C_API recoup_status recoup_validation_notice_due(const char* initial_communication, const char* as_of,
                                                        const recoup_rulebook* book, char date_out[11],
                                                        recoup_verdict** verdict_out);

/** Reg F passive collection. Set struct_size = sizeof(recoup_furnishing_result). */
typedef struct recoup_furnishing_result {
  size_t struct_size;
  char wait_ends_on[11];   /**< the last day of the waiting period (1006.30(a)(1)) */
  char earliest[11];       /**< the first day the debt may be furnished; "" when blocked */
  int blocked;             /**< 1: a notice of undeliverability arrived within the wait */
  char reading[16];        /**< "conservative" (sent + 15, the default) or "literal" (sent + 14) */
} recoup_furnishing_result;

/** When a debt collector may first furnish to a credit bureau after speaking to or writing to the
 *  consumer on `sent_on`. Errors: "notices.date_order" (undeliverable notice before sent_on),
 *  "notices.unknown_option". */
RECOUP_C_API recoup_status recoup_furnishing_earliest(const char* sent_on, const char* undeliverable_notice_on,
                                                      const char* reading, const char* as_of,
                                                      const recoup_rulebook* book, recoup_furnishing_result* out,
                                                      recoup_verdict** verdict_out);

/** FCRA obsolescence. Set struct_size = sizeof(recoup_obsolescence_result). */
typedef struct recoup_obsolescence_result {
  size_t struct_size;
  char clock_start[11];          /**< date of first delinquency + 180 days (15 U.S.C. 1681c(c)) */
  char last_reportable_day[11];  /**< obsolete_on - 1 */
  char obsolete_on[11];          /**< clock start + 7 years: the first day it may not be reported */
} recoup_obsolescence_result;

/** The first day a delinquent account may no longer be reported (15 U.S.C. 1681c(a)(4), (c)).
 *  `added_to_file_on` (may be NULL) matters only for delinquencies before 29 Dec 1997. Errors:
 *  "notices.before_fcra_1997", "notices.date_order". */
RECOUP_C_API recoup_status recoup_credit_reporting_obsolete_on(const char* first_delinquency,
                                                               const char* added_to_file_on, const char* as_of,
                                                               const recoup_rulebook* book,
                                                               recoup_obsolescence_result* out,
                                                               recoup_verdict** verdict_out);

/** The batch form over day serials: `obsolete_on_out[i]` for `first_delinquency[i]`
 *  (RECOUP_NO_DATE in: missing). With `row_status_out` NULL the first bad row stops the batch
 *  with its error, prefixed "row N: "; otherwise each row gets its status there (0 = ok), a bad
 *  row's output is RECOUP_NO_DATE and the batch goes on. */
RECOUP_C_API recoup_status recoup_credit_reporting_batch(size_t count, const int32_t* first_delinquency,
                                                         const recoup_rulebook* book, int32_t* obsolete_on_out,
                                                         int32_t* row_status_out);

/** CCA default notice. Set struct_size = sizeof(recoup_default_notice_result). */
typedef struct recoup_default_notice_result {
  size_t struct_size;
  char served_on[11];        /**< the date of service, given or deemed */
  int deemed;                /**< 1: served_on was deemed from posted_on */
  char earliest_action[11];  /**< the earliest remedy date, and the first day s87(1) action may be taken */
  char counting[16];         /**< "clear_days" (service + 15, the default) or "after" (service + 14) */
} recoup_default_notice_result;

/** The earliest action under a Consumer Credit Act 1974 s87 default notice (s88(2): at least 14
 *  days after service). Give exactly one of `served_on` and `posted_on`; from posting, `post` is
 *  "first_class" (NULL) or "second_class" and `calendar_id` NULL = "GB-EAW" (deemed service on
 *  the 2nd / 4th working day after posting, Interpretation Act 1978 s7). Errors: "notices.default_notice_service",
 *  "notices.unknown_option". */
RECOUP_C_API recoup_status recoup_default_notice_earliest_action(const char* served_on, const char* posted_on,
                                                                 const char* post, const char* calendar_id,
                                                                 const char* counting, const char* as_of,
                                                                 const recoup_rulebook* book,
                                                                 recoup_default_notice_result* out,
                                                                 recoup_verdict** verdict_out);

/** Pre-Action Protocol for Debt Claims. Set struct_size = sizeof(recoup_pre_action_result). */
typedef struct recoup_pre_action_result {
  size_t struct_size;
  char reply_due[11];             /**< letter_dated + 30 days */
  char earliest_proceedings[11];  /**< the earliest day to issue proceedings */
  int extended;                   /**< 1: the further 30 days (advice or documents) applied */
} recoup_pre_action_result;

/** The earliest day a creditor may start proceedings after a Letter of Claim dated
 *  `letter_dated` (England and Wales). `seeking_advice` is 0/1; the reply and document dates may
 *  be NULL. Errors: "notices.date_order", "notices.not_applicable" (seeking_advice without the
 *  date the reply was received). */
RECOUP_C_API recoup_status recoup_pre_action_deadline(const char* letter_dated, const char* reply_received_on,
                                                      int seeking_advice, const char* documents_provided_on,
                                                      const char* as_of, const recoup_rulebook* book,
                                                      recoup_pre_action_result* out, recoup_verdict** verdict_out);

/** What a breathing space freezes (bits of recoup_breathing_space_result.frozen). */
enum {
  RECOUP_FROZEN_INTEREST = 1,
  RECOUP_FROZEN_FEES_AND_CHARGES = 2,
  RECOUP_FROZEN_ENFORCEMENT = 4,
  RECOUP_FROZEN_CONTACT_DEMANDING_PAYMENT = 8
};

/** A Debt Respite Scheme moratorium. Set struct_size = sizeof(recoup_breathing_space_result). */
typedef struct recoup_breathing_space_result {
  size_t struct_size;
  char ends_on[11];             /**< the last protected day; "" while crisis treatment continues */
  char midway_review_from[11];  /**< standard: the first day of the midway review (day 26), else "" */
  char midway_review_to[11];    /**< standard: the last day to complete it (day 35), else "" */
  unsigned frozen;              /**< RECOUP_FROZEN_* bits in force for the moratorium */
} recoup_breathing_space_result;

/** A breathing space started on `start` (SI 2020/1311): `kind` "standard" (NULL; 60 days) or
 *  "mental_health" (while crisis treatment lasts, plus 30 days from `treatment_ended_on`, which
 *  may be NULL). Errors: "notices.date_order", "notices.not_applicable" (a treatment end for a
 *  standard space), "notices.unknown_option", RECOUP_STATUS_RULE_NOT_IN_FORCE before 2021-05-04. */
RECOUP_C_API recoup_status recoup_breathing_space(const char* start, const char* kind, const char* treatment_ended_on,
                                                  const char* as_of, const recoup_rulebook* book,
                                                  recoup_breathing_space_result* out, recoup_verdict** verdict_out);

/* --- affordability: income and expenditure, debt management plans ------------------------- */

/** An income and expenditure statement in monthly figures (minor units). Set struct_size =
 *  sizeof(recoup_affordability_result). */
typedef struct recoup_affordability_result {
  size_t struct_size;
  int64_t income_minor;
  int64_t fixed_costs_minor;
  int64_t flexible_costs_minor;
  int64_t priority_debts_minor;
  int64_t outgoings_minor;       /**< fixed + flexible + priority */
  int64_t disposable_minor;      /**< income - outgoings (may be negative) */
  int no_disposable_income;      /**< 1 when disposable <= 0 */
} recoup_affordability_result;

/** Assesses `count` income and expenditure lines (Standard Financial Statement categories):
 *  `sections` "income", "fixed_cost", "flexible_cost" or "priority_debt"; `categories` such as
 *  "earnings", "rent", "food"; amounts in minor units of `currency`; `frequencies` "weekly",
 *  "fortnightly", "four_weekly", "monthly" or "yearly" (NULL: all monthly). Each line becomes
 *  monthly exactly (x 52 / 12, ...) and is rounded once with `rounding` (NULL = "half_up");
 *  `monthly_out` (may be NULL) receives the count monthly figures. Errors:
 *  "affordability.section", "affordability.category", "affordability.frequency",
 *  "affordability.amount". */
RECOUP_C_API recoup_status recoup_affordability_assess(const char* currency, size_t count,
                                                       const char* const* sections, const char* const* categories,
                                                       const int64_t* amounts_minor, const char* const* frequencies,
                                                       const char* rounding, recoup_affordability_result* out,
                                                       int64_t* monthly_out, char* explanation,
                                                       size_t explanation_size, size_t* required);

/** A debt management plan's totals. Set struct_size = sizeof(recoup_dmp_result). */
typedef struct recoup_dmp_result {
  size_t struct_size;
  int64_t distributed_minor;    /**< the sum of the creditors' monthly payments */
  int64_t undistributed_minor;  /**< disposable - distributed (shares capped at a balance) */
  int64_t months;               /**< the longest creditor plan; -1 when a creditor gets nothing */
  int no_disposable_income;     /**< 1 when disposable <= 0 */
  int too_long;                 /**< 1 when months exceeds max_months */
} recoup_dmp_result;

/** Shares `disposable_minor` a month among `count` non-priority creditors (`names` may be NULL:
 *  "creditor 1", ...) pro rata to their balances without losing a minor unit (remainder policy `remainder`, NULL =
 *  "largest_remainder"); `max_months` 0 = 84. `payments_out` and `months_out` (may be NULL)
 *  receive count values each (months -1 when a creditor gets nothing). Errors:
 *  "affordability.creditors", "affordability.max_months". */
RECOUP_C_API recoup_status recoup_affordability_dmp(const char* currency, int64_t disposable_minor, size_t count,
                                                    const char* const* names, const int64_t* balances_minor, int64_t max_months,
                                                    const char* remainder, recoup_dmp_result* out,
                                                    int64_t* payments_out, int64_t* months_out, char* explanation,
                                                    size_t explanation_size, size_t* required);

/* --- settlement: an offer and what it is worth ------------------------------------------- */

/** An offer and how to value it. Initialise with recoup_settle_terms_init; text fields are
 *  decimal text ("0.60") or names as in the C++ and Python APIs; NULL = default. */
typedef struct recoup_settle_terms {
  size_t struct_size;
  const char* kind;                 /**< "lump_sum" (default), "instalment_settlement", "full_balance_plan" */
  const char* fraction;             /**< the share paid, 0 < f <= 1 (lump_sum, instalment_settlement) */
  int64_t minimum_minor;            /**< lump_sum: the least accepted; RECOUP_NO_AMOUNT = none */
  int64_t payments;                 /**< instalments (instalment_settlement, full_balance_plan) */
  const char* frequency;            /**< "monthly" (default) */
  const char* first_due;            /**< "YYYY-MM-DD" or NULL */
  const char* rounding;             /**< of the settled amount; default "half_up" */
  const char* remainder;            /**< split of instalments; default "largest_remainder" */
  const char* discount_rate;        /**< per period of the offer ("0.01" a month); default "0" */
  const char* hazard;               /**< constant break hazard per period; default "0" (never breaks) */
  size_t survival_count;            /**< > 0: a survival curve instead of the hazard */
  const char* const* survival;      /**< survival at periods 1..survival_count, non-increasing in [0, 1] */
  int64_t per_contact_minor;        /**< cost of one contact; RECOUP_NO_AMOUNT = free */
  const char* setup_contacts;       /**< contacts to agree the offer; default "0" */
  const char* contacts_per_payment; /**< default "0" */
  int64_t legal_minor;              /**< legal costs now; RECOUP_NO_AMOUNT = none */
  const char* commission;           /**< agency commission on amounts recovered, 0..1; default "0" */
  const char* value_rounding;       /**< rounding of the valuation figures; default "half_even" */
  const char* report_filed_on;      /**< "YYYY-MM-DD": also judge Form 1099-C for a return filed then; NULL = not */
  const char* discharge_event;      /**< default "agreement" (event F) */
  int applicable_entity;            /**< default 1 (26 U.S.C. 6050P(c)) */
} recoup_settle_terms;

RECOUP_C_API void recoup_settle_terms_init(recoup_settle_terms* terms);

/** The offer's figures and value, in minor units of the balance. Set struct_size. */
typedef struct recoup_settle_result {
  size_t struct_size;
  int64_t settled_minor;
  int64_t forgiven_minor;
  int64_t payment_count;
  int64_t npv_minor;
  int64_t expected_gross_minor;
  int64_t commission_minor;
  int64_t contact_costs_minor;
  int64_t legal_minor;
  int64_t expected_net_minor;
  char completion_probability[48];
  char expected_contacts[48];
  int reportable;                   /**< Form 1099-C: 1 required, 0 not, -1 not judged */
} recoup_settle_result;

/** Builds the offer for a balance of `balance_minor` in `currency` and values it (the C++
 *  value_offer, and report_forgiveness when terms->report_filed_on is set). `payments_out`
 *  (may be NULL) receives up to `payments_capacity` payment amounts (payment_count needed);
 *  `verdict_out` receives the Form 1099-C verdict when it was judged (else *verdict_out = NULL).
 *  Errors: "settle.balance", "settle.fraction", "settle.payments", "settle.discount_rate",
 *  "settle.hazard_range", "settle.survival_range", "settle.survival_too_short". */
RECOUP_C_API recoup_status recoup_settle_value(const char* currency, int64_t balance_minor,
                                               const recoup_settle_terms* terms, const recoup_rulebook* book,
                                               recoup_settle_result* out, int64_t* payments_out,
                                               size_t payments_capacity, char* explanation, size_t explanation_size,
                                               size_t* required, recoup_verdict** verdict_out);


/** "No limit" in the optional limit columns of recoup_settle_authority. */
#define RECOUP_NO_LIMIT INT64_MIN

/** Who may approve an offer. Set struct_size = sizeof(recoup_authority_result). */
typedef struct recoup_authority_result {
  size_t struct_size;
  int approvable;      /**< 1 when some band covers the offer */
  size_t band_index;   /**< the covering band (valid when approvable) */
  char level[64];      /**< its level, e.g. "supervisor"; "" when nobody may approve */
} recoup_authority_result;

/** The lowest authority band that covers the offer built from `terms` for a balance of
 *  `balance_minor` on an account `account_age_days` old. Bands are columns of `band_count`, in
 *  order from the lowest: `levels` ("agent", ...), `max_discounts` (largest forgiven / balance,
 *  inclusive, decimal text), and optional limits (NULL, or RECOUP_NO_LIMIT in a row):
 *  `max_balance_minor` (balances strictly under), `max_age_days` (accounts strictly younger),
 *  `max_payments` (at most). `explanation` names the condition each band failed. Errors:
 *  "settle.authority_bands", "settle.age", and those of recoup_settle_value. */
RECOUP_C_API recoup_status recoup_settle_authority(const char* currency, int64_t balance_minor,
                                                   const recoup_settle_terms* terms, int64_t account_age_days,
                                                   size_t band_count, const char* const* levels,
                                                   const char* const* max_discounts, const int64_t* max_balance_minor,
                                                   const int64_t* max_age_days, const int64_t* max_payments,
                                                   recoup_authority_result* out, char* explanation,
                                                   size_t explanation_size, size_t* required);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* RECOUP_C_RECOUP_H */
