// The gate's account columns as Python hands them over (numpy arrays and a dict of day-serial
// date columns), converted once into recoup::rules::gate_columns_in. Shared by the gate's and
// the decision layer's columnar bindings.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "recoup/rules/compliance_gate.hpp"

namespace recoup::python {

namespace py = pybind11;

/// Holds the arrays alive while `in` points into them.
struct gate_columns_arg {
  using i64_array = py::array_t<std::int64_t, py::array::c_style>;
  using i32_array = py::array_t<std::int32_t, py::array::c_style>;
  using u32_array = py::array_t<std::uint32_t, py::array::c_style>;
  using u16_array = py::array_t<std::uint16_t, py::array::c_style>;
  using u8_array = py::array_t<std::uint8_t, py::array::c_style>;

  rules::gate_columns_in in{};
  std::vector<py::object> keep{};

  template <class T>
  static std::span<const T> span_of(const py::array_t<T, py::array::c_style>& a) {
    return {a.data(), static_cast<std::size_t>(a.size())};
  }
  template <class T>
  std::span<const T> optional_span(const std::optional<py::array_t<T, py::array::c_style>>& a) {
    if (!a) return {};
    keep.push_back(*a);
    return span_of(*a);
  }

  gate_columns_arg(const u16_array& jurisdiction, const std::optional<u8_array>& type, const i64_array& at,
                   const std::optional<u32_array>& flags, const std::optional<u8_array>& opted_out,
                   const std::optional<i32_array>& zone, const std::optional<u8_array>& chapter,
                   const std::optional<u8_array>& payments, const py::dict& dates) {
    keep.push_back(jurisdiction);
    keep.push_back(at);
    in.jurisdiction = span_of(jurisdiction);
    in.type = optional_span(type);
    in.at = span_of(at);
    in.flags = optional_span(flags);
    in.opted_out = optional_span(opted_out);
    in.zone = optional_span(zone);
    in.bankruptcy_chapter = optional_span(chapter);
    in.consecutive_minimum_payments = optional_span(payments);
    auto date_col = [&](const char* name) -> std::span<const std::int32_t> {
      if (!dates.contains(name)) return {};
      const i32_array a = dates[name].cast<i32_array>();
      keep.push_back(a);
      return span_of(a);
    };
    in.opened_on = date_col("opened_on");
    in.first_delinquency = date_col("first_delinquency");
    in.defaulted_on = date_col("defaulted_on");
    in.last_payment = date_col("last_payment");
    in.last_acknowledgment = date_col("last_acknowledgment");
    in.charged_off_on = date_col("charged_off_on");
    in.first_contact_on = date_col("first_contact_on");
    in.validation_notice_sent_on = date_col("validation_notice_sent_on");
    in.settled_on = date_col("settled_on");
    in.dispute_received_on = date_col("dispute_received_on");
    in.dispute_verified_on = date_col("dispute_verified_on");
    in.cease_requested_on = date_col("cease_requested_on");
    in.bankruptcy_filed_on = date_col("bankruptcy_filed_on");
    in.bankruptcy_discharged_on = date_col("bankruptcy_discharged_on");
    in.bankruptcy_dismissed_on = date_col("bankruptcy_dismissed_on");
    in.deceased_on = date_col("deceased_on");
    in.breathing_space_started_on = date_col("breathing_space_started_on");
    in.breathing_space_ended_on = date_col("breathing_space_ended_on");
    in.identity_theft_reported_on = date_col("identity_theft_reported_on");
    in.fraud_discovered_on = date_col("fraud_discovered_on");
    in.default_notice_served_on = date_col("default_notice_served_on");
    in.letter_of_claim_on = date_col("letter_of_claim_on");
    in.last_reaged_on = date_col("last_reaged_on");
  }
};

}  // namespace recoup::python
