// The settlement offer's forgiven amount judged by the Form 1099-C rule (see forgiveness.hpp).
#include "recoup/settle/forgiveness.hpp"

namespace recoup {

rules::form_1099c_verdict report_forgiveness(settlement_offer& offer, civil_date filed_on,
                                             rules::discharge_event event, bool applicable_entity,
                                             const rules::rule_book& book) {
  auto v = rules::form_1099c_required(offer.forgiven(), event, filed_on, applicable_entity, false, book);
  offer.reporting = forgiveness_report{.reportable = v.required,
                                       .rule_id = v.main_rule().rule_id,
                                       .citation = v.main_rule().citation,
                                       .reason = v.reason};
  return v;
}

}  // namespace recoup
