// The C ABI for the rule-data audit (recoup/rules/audit.hpp): totals and the printed report.
#include "c_entry.hpp"
#include "recoup/rules/audit.hpp"

using namespace recoup::c_abi;

extern "C" {

void recoup_rules_audit_summary_init(recoup_rules_audit_summary* summary) {
  if (summary == nullptr) return;
  *summary = recoup_rules_audit_summary{};
  summary->struct_size = sizeof(recoup_rules_audit_summary);
}

recoup_status recoup_rules_audit(const recoup_rulebook* book, const char* as_of, int within_days,
                                 recoup_rules_audit_summary* summary, char* report, size_t report_size,
                                 size_t* required) {
  return entry([&] {
    namespace r = recoup::rules;
    if (summary != nullptr)
      check_struct_size(summary->struct_size, RECOUP_C_FIELD_END(recoup_rules_audit_summary, first_horizon),
                        "recoup_rules_audit_summary");
    const auto a = r::audit(book_or_default(book), recoup::civil_date::parse(require_text(as_of, "as_of")),
                            within_days);
    if (summary != nullptr) {
      auto& o = *summary;
      o.figures = a.certainty.total();
      o.verified = a.certainty.verified;
      o.secondary = a.certainty.secondary;
      o.unverified = a.certainty.unverified;
      o.contested = a.certainty.contested;
      o.official_sources = 0;
      for (const auto& p : a.packs) o.official_sources += p.official_sources;
      o.tables = a.horizons.size();
      o.tables_ending_soon = o.tables_expired = o.tables_past_at_review = 0;
      for (const auto& h : a.horizons) {
        if (h.state == r::horizon_state::ending_soon) ++o.tables_ending_soon;
        if (h.state == r::horizon_state::expired) ++o.tables_expired;
        if (h.past_at_review) ++o.tables_past_at_review;
      }
      copy_field(o.first_horizon, a.horizons.empty() ? std::string() : a.horizons.front().last_day.to_string());
    }
    if (report == nullptr && report_size == 0) {  // only the totals, or only the size of the report
      if (required != nullptr) *required = a.to_text().size() + 1;
      return RECOUP_STATUS_OK;
    }
    return write_text(a.to_text(), report, report_size, required);
  });
}

}  // extern "C"
