// The C ABI for limitation periods: one debt with its explanation (recoup_limitation) and a book
// of debts through the columnar kernel (recoup_limitation_batch).
#include "c_entry.hpp"

using namespace recoup::c_abi;

namespace {
namespace r = recoup::rules;
// The C names of the limitation tables are the C++ values (one table each: limitation.hpp).
static_assert(RECOUP_LIMITATION_RUNNING == static_cast<int>(r::limitation_status::running));
static_assert(RECOUP_LIMITATION_EXPIRED == static_cast<int>(r::limitation_status::expired));
static_assert(RECOUP_LIMITATION_UNKNOWN == static_cast<int>(r::limitation_status::unknown));
static_assert(r::limitation_status_count == 3);
static_assert(RECOUP_DEBT_WRITTEN_CONTRACT == static_cast<int>(r::debt_type::written_contract));
static_assert(RECOUP_DEBT_ORAL_CONTRACT == static_cast<int>(r::debt_type::oral_contract));
static_assert(RECOUP_DEBT_PROMISSORY_NOTE == static_cast<int>(r::debt_type::promissory_note));
static_assert(RECOUP_DEBT_OPEN_ACCOUNT == static_cast<int>(r::debt_type::open_account));
static_assert(RECOUP_DEBT_SPECIALTY == static_cast<int>(r::debt_type::specialty));
static_assert(RECOUP_DEBT_JUDGMENT == static_cast<int>(r::debt_type::judgment));
static_assert(RECOUP_DEBT_JUDGMENT + 1 == r::debt_type_count);
constexpr unsigned c_flags[] = {RECOUP_LIMITATION_START_IS_LOWER_BOUND, RECOUP_LIMITATION_RESTARTED,
                                RECOUP_LIMITATION_REVIVED, RECOUP_LIMITATION_EXTINGUISHED,
                                RECOUP_LIMITATION_CONTESTED, RECOUP_LIMITATION_PAYMENT_NOW_RESTARTS,
                                RECOUP_LIMITATION_PAYMENT_NOW_REVIVES, RECOUP_LIMITATION_NO_RULE};
constexpr bool flags_match() {
  if (std::size(c_flags) != r::limitation_flag_names.size()) return false;
  for (std::size_t i = 0; i < std::size(c_flags); ++i)
    if (c_flags[i] != r::limitation_flag_names[i].bit) return false;
  return true;
}
static_assert(flags_match(), "RECOUP_LIMITATION_* flags must be recoup::rules::limitation_flag_names, in order");
}  // namespace

extern "C" {

recoup_status recoup_limitation(const char* jurisdiction, const char* debt_type, const recoup_limitation_facts* facts,
                                const char* as_of, const recoup_rulebook* book, recoup_limitation_result* out,
                                char* explanation, std::size_t explanation_size, std::size_t* required,
                                recoup_verdict** verdict_out) {
  return entry([&] {
    if (verdict_out != nullptr) *verdict_out = nullptr;
    const recoup_limitation_facts& f = require(facts, "facts");
    check_struct_size(f.struct_size, RECOUP_C_FIELD_END(recoup_limitation_facts, debt_buyer), "recoup_limitation_facts");
    check_struct_size(require(out, "out").struct_size, RECOUP_C_FIELD_END(recoup_limitation_result, citation),
                      "recoup_limitation_result");
    recoup_limitation_result& o = require(out, "out");
    const r::limitation_facts known{.defaulted_on = optional_date(f.defaulted_on),
                                    .last_payment = optional_date(f.last_payment),
                                    .last_acknowledgment = optional_date(f.last_acknowledgment),
                                    .charged_off_on = optional_date(f.charged_off_on),
                                    .debt_buyer = f.debt_buyer != 0};
    const auto v = r::limitation(require_text(jurisdiction, "jurisdiction"),
                                 r::debt_type_from_name(require_text(debt_type, "debt_type")), known,
                                 recoup::civil_date::parse(require_text(as_of, "as_of")), book_or_default(book));
    const std::size_t size = o.struct_size;
    o = recoup_limitation_result{};
    o.struct_size = size;
    o.status = static_cast<int>(v.status);
    copy_field(o.expires_on, v.expires_on ? v.expires_on->to_string() : std::string());
    copy_field(o.alternative_expires_on,
               v.alternative_expires_on ? v.alternative_expires_on->to_string() : std::string());
    const auto bit = [](bool on, unsigned value) { return on ? value : 0U; };
    o.flags = bit(v.start_is_lower_bound, RECOUP_LIMITATION_START_IS_LOWER_BOUND) |
              bit(v.restarted, RECOUP_LIMITATION_RESTARTED) | bit(v.revived, RECOUP_LIMITATION_REVIVED) |
              bit(v.extinguished, RECOUP_LIMITATION_EXTINGUISHED) | bit(v.contested, RECOUP_LIMITATION_CONTESTED) |
              bit(v.payment_now_restarts, RECOUP_LIMITATION_PAYMENT_NOW_RESTARTS) |
              bit(v.payment_now_revives, RECOUP_LIMITATION_PAYMENT_NOW_REVIVES);
    copy_field(o.rule_id, v.main_rule().rule_id);
    copy_field(o.citation, v.main_rule().citation);
    recoup_status status = RECOUP_STATUS_OK;
    if (explanation != nullptr || required != nullptr)
      status = write_text(v.explain(), explanation, explanation_size, required);
    if (status == RECOUP_STATUS_OK) emit_verdict(v, verdict_out);
    return status;
  });
}


recoup_status recoup_limitation_batch(const char* const* jurisdiction_codes, size_t jurisdiction_count,
                                      const recoup_limitation_columns* in, const recoup_rulebook* book,
                                      int32_t* expires_on_out, uint8_t* status_out, uint8_t* flags_out) {
  return entry([&] {
    const recoup_limitation_columns& c = require(in, "in");
    check_struct_size(c.struct_size, RECOUP_C_FIELD_END(recoup_limitation_columns, as_of_count), "recoup_limitation_columns");
    std::vector<std::string> codes;
    for (const char* code : require_array(jurisdiction_codes, jurisdiction_count, "jurisdiction_codes"))
      codes.emplace_back(require_text(code, "jurisdiction_codes[i]"));
    const std::size_t n = c.count;
    const r::limitation_columns_in columns{
        .jurisdiction = require_array(c.jurisdiction, n, "in->jurisdiction"),
        .type = require_array(c.debt_type, n, "in->debt_type"),
        .defaulted_on = require_array(c.defaulted_on, n, "in->defaulted_on"),
        .last_payment = require_array(c.last_payment, n, "in->last_payment"),
        .last_acknowledgment = optional_array(c.last_acknowledgment, n),
        .charged_off_on = optional_array(c.charged_off_on, n),
        .debt_buyer = optional_array(c.debt_buyer, n),
        .as_of = require_array(c.as_of, c.as_of_count, "in->as_of")};
    const r::limitation_table table(codes, book_or_default(book));
    table.evaluate(columns, {.expires_on = require_array(expires_on_out, n, "expires_on_out"),
                             .status = require_array(status_out, n, "status_out"),
                             .flags = require_array(flags_out, n, "flags_out")});
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
