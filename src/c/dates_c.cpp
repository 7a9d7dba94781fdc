// The C ABI for dates: ISO text to and from the day serials (days since 1970-01-01) of the batch calls.
#include "c_entry.hpp"

using namespace recoup::c_abi;

extern "C" {

recoup_status recoup_date_serial(const char* date, int32_t* serial_out) {
  return entry([&] {
    const auto d = recoup::civil_date::parse(require_text(date, "date"));
    require(serial_out, "serial_out") = d.serial();
    return RECOUP_STATUS_OK;
  });
}

recoup_status recoup_date_from_serial(int32_t serial, char date_out[11]) {
  return entry([&] {
    require_text(date_out, "date_out");
    const auto d = recoup::civil_date::from_serial(serial);
    std::memcpy(date_out, d.to_string().c_str(), 11);
    return RECOUP_STATUS_OK;
  });
}

}  // extern "C"
