// The C ABI for verdicts: the rules any check used (id, citation, certainty, version, source)
// and its reasoning, read part by part and never truncated.
#include "c_entry.hpp"

using namespace recoup::c_abi;

extern "C" {

recoup_status recoup_verdict_rule_count(const recoup_verdict* verdict, size_t* count_out) {
  return entry([&] {
    require(count_out, "count_out") = require(verdict, "verdict").value.rules.size();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_verdict_rule(const recoup_verdict* verdict, size_t index, int what, char* buffer, size_t buffer_size,
                                  size_t* required) {
  return entry([&] {
    const auto& rules = require(verdict, "verdict").value.rules;
    if (index >= rules.size())
      throw recoup::invalid_input_error("c.index", "rule index " + std::to_string(index) +
                                                       " is out of range (the verdict used " +
                                                       std::to_string(rules.size()) + " rules)");
    const auto& r = rules[index];
    std::string text;
    switch (what) {
      case RECOUP_RULE_ID: text = r.rule_id; break;
      case RECOUP_RULE_CITATION: text = r.citation; break;
      case RECOUP_RULE_CERTAINTY: text = std::string(recoup::rules::to_string(r.sureness)); break;
      case RECOUP_RULE_JURISDICTION: text = r.jurisdiction; break;
      case RECOUP_RULE_EFFECTIVE_FROM: text = r.effective_from.to_string(); break;
      case RECOUP_RULE_EFFECTIVE_TO: text = r.effective_to ? r.effective_to->to_string() : std::string(); break;
      case RECOUP_RULE_SOURCE: text = r.source; break;
      case RECOUP_RULE_VALUE: text = r.value; break;
      case RECOUP_RULE_NOTE: text = r.note; break;
      default:
        throw recoup::invalid_input_error("c.what", "what must be one of RECOUP_RULE_ID .. RECOUP_RULE_NOTE (0..8), got " +
                                                        std::to_string(what));
    }
    return write_text(text, buffer, buffer_size, required);
  });
}

recoup_status recoup_verdict_explain(const recoup_verdict* verdict, char* buffer, size_t buffer_size, size_t* required) {
  return entry([&] { return write_text(require(verdict, "verdict").value.explain(), buffer, buffer_size, required); });
}

void recoup_verdict_free(recoup_verdict* verdict) { delete verdict; }

}  // extern "C"
