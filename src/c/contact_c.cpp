// The C ABI for contact limits (recoup::rules::may_call): Reg F 1006.14 call frequency, the wait
// after a conversation, convenient hours in every candidate zone, and state overlays; and the
// whole-log audit over columns (recoup::rules::check_call_log).
#include <algorithm>
#include <type_traits>

#include "c_entry.hpp"

using namespace recoup::c_abi;

static_assert(RECOUP_CALL_CONNECTED_CONVERSATION == static_cast<int>(recoup::rules::call_outcome::connected_conversation));
static_assert(RECOUP_CALL_UNANSWERED == static_cast<int>(recoup::rules::call_outcome::unanswered));
static_assert(RECOUP_CALL_VOICEMAIL == static_cast<int>(recoup::rules::call_outcome::voicemail));
static_assert(RECOUP_CALL_NOT_CONNECTED == static_cast<int>(recoup::rules::call_outcome::not_connected));
static_assert(RECOUP_NUMBER_PERSONAL == static_cast<int>(recoup::rules::number_kind::personal));
static_assert(RECOUP_NUMBER_OTHER == static_cast<int>(recoup::rules::number_kind::other));
static_assert(RECOUP_CONTACT_CALL_FREQUENCY == 1 << static_cast<int>(recoup::rules::contact_block::call_frequency));
static_assert(RECOUP_CONTACT_POST_CONVERSATION_WAIT ==
              1 << static_cast<int>(recoup::rules::contact_block::post_conversation_wait));
static_assert(RECOUP_CONTACT_INCONVENIENT_TIME == 1 << static_cast<int>(recoup::rules::contact_block::inconvenient_time));
static_assert(RECOUP_CALL_FLAG_COUNTED == recoup::rules::call_flag::counted);
static_assert(RECOUP_CALL_FLAG_OVER_LIMIT == recoup::rules::call_flag::over_limit);
static_assert(RECOUP_CALL_FLAG_IN_WAIT == recoup::rules::call_flag::in_wait);
static_assert(RECOUP_CALL_FLAG_OUTSIDE_HOURS == recoup::rules::call_flag::outside_hours);
static_assert(RECOUP_CALL_FLAG_OVER_STATE_LIMIT == recoup::rules::call_flag::over_state_limit);

extern "C" {

void recoup_contact_request_init(recoup_contact_request* request) {
  if (request == nullptr) return;
  *request = recoup_contact_request{};  // jurisdiction NULL = "US", number kind personal
  request->struct_size = sizeof(recoup_contact_request);
  request->search_days = recoup::rules::contact_request{}.search_days;
}

recoup_status recoup_contact_may_call(size_t call_count, const int64_t* call_utc_seconds, const uint8_t* call_outcomes,
                                      const uint8_t* excluded_by_consent, const uint8_t* number_kinds,
                                      const recoup_contact_request* request, const recoup_rulebook* book,
                                      recoup_contact_result* out, recoup_verdict** verdict_out) {
  return entry([&] {
    namespace r = recoup::rules;
    if (verdict_out != nullptr) *verdict_out = nullptr;
    const auto& q = require(request, "request");
    check_struct_size(q.struct_size, RECOUP_C_FIELD_END(recoup_contact_request, search_days), "recoup_contact_request");
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_contact_result, reason_count), "recoup_contact_result");
    const auto at = require_array(call_utc_seconds, call_count, "call_utc_seconds");
    const auto outcomes = require_array(call_outcomes, call_count, "call_outcomes");
    const auto kind_of = [](unsigned code, const char* what) {
      if (code > RECOUP_NUMBER_OTHER)
        throw recoup::invalid_input_error("contact.number_kind", std::string(what) + ": number kind code " +
                                                                     std::to_string(code) +
                                                                     " is not RECOUP_NUMBER_PERSONAL (0) or _OTHER (1)");
      return static_cast<r::number_kind>(code);
    };
    std::vector<r::call_record> log;
    log.reserve(call_count);
    for (std::size_t i = 0; i < call_count; ++i) {
      if (outcomes[i] > RECOUP_CALL_NOT_CONNECTED)
        throw recoup::invalid_input_error("contact.outcome", "call " + std::to_string(i) + ": outcome code " +
                                                                 std::to_string(outcomes[i]) +
                                                                 " is not one of RECOUP_CALL_* (0..3)");
      log.push_back(r::call_record{
          .at = instant(at[i]),
          .outcome = static_cast<r::call_outcome>(outcomes[i]),
          .excluded_by_consent = excluded_by_consent != nullptr && excluded_by_consent[i] != 0,
          .number = number_kinds == nullptr ? r::number_kind::personal : kind_of(number_kinds[i], "call")});
    }
    r::contact_request req;
    req.at = instant(q.at_utc_seconds);
    req.time_zones = split_words(q.time_zones);
    if (q.jurisdiction != nullptr) req.jurisdiction = q.jurisdiction;
    req.number = kind_of(static_cast<unsigned>(q.number_kind), "request");
    req.with_consent = q.with_consent != 0;
    req.search_days = q.search_days;
    req.explain = verdict_out != nullptr;
    const auto v = r::may_call(log, req, book_or_default(book));
    o.allowed = v.allowed ? 1 : 0;
    o.next_allowed = v.next_allowed ? v.next_allowed->time_since_epoch().count() : RECOUP_NO_INSTANT;
    unsigned blocks = 0;
    for (const auto& reason : v.reasons) blocks |= 1u << static_cast<unsigned>(reason.kind);
    o.blocks = blocks;
    o.reason_count = v.reasons.size();
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_contact_check_call_log(const recoup_call_log_columns* log, const char* const* time_zones,
                                            size_t time_zone_count, const char* jurisdiction, const char* as_of,
                                            const recoup_rulebook* book, uint8_t* flags_out,
                                            int32_t* window_count_out) {
  return entry([&] {
    const auto& l = require(log, "log");
    check_struct_size(l.struct_size, RECOUP_C_FIELD_END(recoup_call_log_columns, zone), "recoup_call_log_columns");
    const std::size_t n = l.count;
    auto optional_column = [n](const auto* p) {
      using T = std::remove_cv_t<std::remove_pointer_t<decltype(p)>>;
      return p == nullptr ? std::span<const T>{} : std::span<const T>{p, n};
    };
    const recoup::rules::call_log_columns cols{.person = require_array(l.person, n, "log->person"),
                                               .debt = require_array(l.debt, n, "log->debt"),
                                               .utc_seconds = require_array(l.utc_seconds, n, "log->utc_seconds"),
                                               .outcome = require_array(l.outcome, n, "log->outcome"),
                                               .excluded_by_consent = optional_column(l.excluded_by_consent),
                                               .number = optional_column(l.number_kind),
                                               .zone = optional_column(l.zone)};
    recoup::rules::call_log_options options;
    for (const char* z : require_array(time_zones, time_zone_count, "time_zones"))
      options.time_zones.emplace_back(require_text(z, "time_zones[i]"));
    if (jurisdiction != nullptr) options.jurisdiction = jurisdiction;
    options.as_of = optional_date(as_of);
    recoup::rules::check_call_log(cols, options, require_array(flags_out, n, "flags_out"),
                                  optional_array(window_count_out, n), book_or_default(book));
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
