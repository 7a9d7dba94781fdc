// The C ABI for notice periods and dated duties: the Reg F validation period, validation notice and
// passive-collection wait, FCRA obsolescence (scalar and column), the CCA default notice, the
// Pre-Action Protocol for Debt Claims and the Breathing Space moratorium. Each call converts its
// arguments, runs the C++ check and copies the verdict's dates out.
#include <limits>

#include "c_entry.hpp"

using namespace recoup::c_abi;
namespace r = recoup::rules;

namespace {

recoup::civil_date date_arg(const char* text, const char* name) { return recoup::civil_date::parse(require_text(text, name)); }

/// An option by name, or none (the pack's default) for NULL.
template <class E, class Parse>
std::optional<E> option(const char* name, Parse parse) {
  if (name == nullptr) return std::nullopt;
  return parse(name);
}

unsigned frozen_bit(const std::string& what) {
  if (what == "interest") return RECOUP_FROZEN_INTEREST;
  if (what == "fees_and_charges") return RECOUP_FROZEN_FEES_AND_CHARGES;
  if (what == "enforcement") return RECOUP_FROZEN_ENFORCEMENT;
  if (what == "contact_demanding_payment") return RECOUP_FROZEN_CONTACT_DEMANDING_PAYMENT;
  throw std::logic_error("breathing space protection '" + what + "' has no RECOUP_FROZEN_* bit");
}

}  // namespace

extern "C" {

recoup_status recoup_validation_period_end(const char* provided_on, const char* calendar_id, const char* observed,
                                           const char* as_of, const recoup_rulebook* book,
                                           recoup_validation_period_result* out, recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_validation_period_result, skipped_count),
                      "recoup_validation_period_result");
    const auto v = r::validation_period_end(
        date_arg(provided_on, "provided_on"), recoup::calendar::get(calendar_id == nullptr ? "US" : calendar_id),
        option<r::observed_holidays>(observed, r::parse_observed_holidays), optional_date(as_of), book_or_default(book));
    copy_date(o.assumed_receipt, v.assumed_receipt);
    copy_date(o.end_date, v.date);
    copy_field(o.observed, std::string(r::to_string(v.observed)));
    o.skipped_count = v.skipped.size();
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_validation_notice_due(const char* initial_communication, const char* as_of,
                                           const recoup_rulebook* book, char date_out[11], recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    if (date_out == nullptr) throw null_argument{"date_out"};
    const auto v = r::validation_notice_due(date_arg(initial_communication, "initial_communication"),
                                            optional_date(as_of), book_or_default(book));
    std::memcpy(date_out, v.date.to_string().c_str(), 11);
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_furnishing_earliest(const char* sent_on, const char* undeliverable_notice_on, const char* reading,
                                         const char* as_of, const recoup_rulebook* book, recoup_furnishing_result* out,
                                         recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_furnishing_result, reading), "recoup_furnishing_result");
    const auto v = r::passive_collection_earliest_furnishing(
        date_arg(sent_on, "sent_on"), optional_date(undeliverable_notice_on),
        option<r::furnishing_reading>(reading, r::parse_furnishing_reading), optional_date(as_of), book_or_default(book));
    copy_date(o.wait_ends_on, v.wait_ends_on);
    copy_optional_date(o.earliest, v.date);
    o.blocked = v.blocked ? 1 : 0;
    copy_field(o.reading, std::string(r::to_string(v.reading)));
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_credit_reporting_obsolete_on(const char* first_delinquency, const char* added_to_file_on,
                                                  const char* as_of, const recoup_rulebook* book,
                                                  recoup_obsolescence_result* out, recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_obsolescence_result, obsolete_on),
                      "recoup_obsolescence_result");
    const auto v = r::credit_reporting_obsolete_on(date_arg(first_delinquency, "first_delinquency"),
                                                   optional_date(added_to_file_on), optional_date(as_of),
                                                   book_or_default(book));
    copy_date(o.clock_start, v.clock_start);
    copy_date(o.last_reportable_day, v.last_reportable_day);
    copy_date(o.obsolete_on, v.date);
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_credit_reporting_batch(size_t count, const int32_t* first_delinquency, const recoup_rulebook* book,
                                            int32_t* obsolete_on_out, int32_t* row_status_out) {
  return entry([&] {
    constexpr std::int64_t nat = std::numeric_limits<std::int64_t>::min();
    const auto in = require_array(first_delinquency, count, "first_delinquency");
    const auto out = require_array(obsolete_on_out, count, "obsolete_on_out");
    std::vector<std::int64_t> serials(count), result(count);
    for (std::size_t i = 0; i < count; ++i) serials[i] = in[i] == RECOUP_NO_DATE ? nat : in[i];
    recoup::row_errors errors;
    r::credit_reporting_obsolete_on(serials, result, row_status_out == nullptr ? nullptr : &errors, book_or_default(book));
    for (std::size_t i = 0; i < count; ++i) out[i] = result[i] == nat ? RECOUP_NO_DATE : static_cast<int32_t>(result[i]);
    if (row_status_out != nullptr) {  // the kernel leaves a bad row's output missing (RECOUP_NO_DATE above)
      std::fill(row_status_out, row_status_out + count, RECOUP_STATUS_OK);
      for (const auto& e : errors) row_status_out[e.row] = static_cast<int32_t>(e.kind);
    }
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_default_notice_earliest_action(const char* served_on, const char* posted_on, const char* post,
                                                    const char* calendar_id, const char* counting, const char* as_of,
                                                    const recoup_rulebook* book, recoup_default_notice_result* out,
                                                    recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_default_notice_result, counting),
                      "recoup_default_notice_result");
    const auto served = optional_date(served_on);
    const auto posted = optional_date(posted_on);
    if (served.has_value() == posted.has_value())
      throw recoup::invalid_input_error("notices.default_notice_service",
                                        "give exactly one of served_on (the date of service) and posted_on (deemed "
                                        "service from the posting date)");
    const auto c = option<r::notice_counting>(counting, r::parse_notice_counting);
    const auto v = served ? r::cca_default_notice_earliest_action(*served, c, optional_date(as_of), book_or_default(book))
                          : r::cca_default_notice_earliest_action_posted(
                                *posted, r::parse_post_class(post == nullptr ? "first_class" : post),
                                recoup::calendar::get(calendar_id == nullptr ? "GB-EAW" : calendar_id), c,
                                optional_date(as_of), book_or_default(book));
    copy_date(o.served_on, v.served_on);
    o.deemed = v.deemed ? 1 : 0;
    copy_date(o.earliest_action, v.date);
    copy_field(o.counting, std::string(r::to_string(v.counting)));
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_pre_action_deadline(const char* letter_dated, const char* reply_received_on, int seeking_advice,
                                         const char* documents_provided_on, const char* as_of,
                                         const recoup_rulebook* book, recoup_pre_action_result* out,
                                         recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_pre_action_result, extended), "recoup_pre_action_result");
    const auto v = r::pre_action_reply_deadline(date_arg(letter_dated, "letter_dated"), optional_date(reply_received_on),
                                                seeking_advice != 0, optional_date(documents_provided_on),
                                                optional_date(as_of), book_or_default(book));
    copy_date(o.reply_due, v.reply_due);
    copy_date(o.earliest_proceedings, v.date);
    o.extended = v.extended ? 1 : 0;
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_breathing_space(const char* start, const char* kind, const char* treatment_ended_on,
                                     const char* as_of, const recoup_rulebook* book, recoup_breathing_space_result* out,
                                     recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    auto& o = require(out, "out");
    check_struct_size(o.struct_size, RECOUP_C_FIELD_END(recoup_breathing_space_result, frozen),
                      "recoup_breathing_space_result");
    const auto v = r::breathing_space(date_arg(start, "start"),
                                      r::parse_breathing_space_kind(kind == nullptr ? "standard" : kind),
                                      optional_date(treatment_ended_on), optional_date(as_of), book_or_default(book));
    copy_optional_date(o.ends_on, v.ends_on);
    copy_optional_date(o.midway_review_from, v.midway_review_from);
    copy_optional_date(o.midway_review_to, v.midway_review_to);
    o.frozen = 0;
    for (const auto& f : v.frozen) o.frozen |= frozen_bit(f.what);
    emit_verdict(v, verdict_out);
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
