// Bindings of the time layer: business-day calendars and day counts (recoup.time wraps these).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "casters.hpp"

namespace py = pybind11;

namespace recoup::python {

namespace {

using holiday_pair = std::pair<civil_date, std::string>;
using holiday_triple = std::tuple<civil_date, std::string, std::string>;

std::vector<holiday_pair> pairs(const std::vector<holiday>& hs) {
  std::vector<holiday_pair> out;
  out.reserve(hs.size());
  for (const auto& h : hs) out.emplace_back(h.date, h.name);
  return out;
}

std::vector<holiday_triple> triples(const std::vector<holiday>& hs) {
  std::vector<holiday_triple> out;
  out.reserve(hs.size());
  for (const auto& h : hs) out.emplace_back(h.date, h.name, h.citation);
  return out;
}

std::vector<int> weekend_iso(const calendar& c) {
  std::vector<int> out;
  for (const auto& w : c.weekend()) out.push_back(static_cast<int>(w.iso_encoding()));
  return out;
}

calendar make_custom(const std::string& id, const std::vector<int>& weekend, const std::vector<holiday_triple>& days,
                     int first_year, int last_year) {
  std::vector<date::weekday> wk;
  for (int iso : weekend) {
    if (iso < 1 || iso > 7)
      throw invalid_input_error("calendar.custom",
                                "weekend day " + std::to_string(iso) + " is not an ISO weekday 1..7");
    wk.emplace_back(static_cast<unsigned>(iso));
  }
  std::vector<holiday> hs;
  hs.reserve(days.size());
  for (const auto& [d, name, citation] : days) hs.push_back({d, name, citation});
  return calendar::custom(id, wk, std::move(hs), first_year, last_year);
}

day_count_options options(std::optional<civil_date> maturity, std::optional<civil_date> reference_start,
                          std::optional<civil_date> reference_end, std::optional<int> frequency) {
  day_count_options o;
  o.maturity = maturity;
  o.reference_start = reference_start;
  o.reference_end = reference_end;
  o.frequency = frequency.value_or(0);
  return o;
}

}  // namespace

void register_time(py::module_& m) {
  py::class_<calendar> cls(m, "Calendar", "A business-day calendar (see recoup.time.calendar).");
  cls.def_property_readonly("id", &calendar::id)
      .def_property_readonly("name", &calendar::name)
      .def_property_readonly("citation", &calendar::citation)
      .def_property_readonly("note", &calendar::note)
      .def_property_readonly("first_year", &calendar::first_year)
      .def_property_readonly("last_year", &calendar::last_year)
      .def_property_readonly("weekend", &weekend_iso, "The weekly days off as ISO weekdays (1 = Monday .. 7 = Sunday).")
      .def(
          "is_business_day", [](const calendar& c, civil_date d) { return c.is_business_day(d); }, py::arg("date"))
      .def("is_holiday", &calendar::is_holiday, py::arg("date"))
      .def("is_weekend", &calendar::is_weekend, py::arg("date"))
      .def(
          "adjust",
          [](const calendar& c, civil_date d, const std::string& convention) {
            return c.adjust(d, parse_business_day_convention(convention));
          },
          py::arg("date"), py::arg("convention") = "following")
      .def("add_business_days", &calendar::add_business_days, py::arg("date"), py::arg("n"))
      .def("business_days_between", &calendar::business_days_between, py::arg("start"), py::arg("end"))
      .def(
          "holidays", [](const calendar& c, int year) { return pairs(c.holidays(year)); }, py::arg("year"))
      .def(
          "holidays_between", [](const calendar& c, civil_date a, civil_date b) { return pairs(c.holidays(a, b)); },
          py::arg("start"), py::arg("end"))
      .def(
          "holiday_details", [](const calendar& c, civil_date a, civil_date b) { return triples(c.holidays(a, b)); },
          py::arg("start"), py::arg("end"))
      .def("__eq__",
           [](const calendar& a, py::object b) -> py::object {
             if (!py::isinstance<calendar>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a == b.cast<calendar>());
           })
      .def("__hash__", [](const calendar& c) { return py::hash(py::str(c.id())); })
      .def("__repr__",
           [](const calendar& c) {
             return "Calendar('" + c.id() + "', " + std::to_string(c.first_year()) + ".." +
                    std::to_string(c.last_year()) + ")";
           })
      .def(py::pickle(
          [](const calendar& c) -> py::tuple {
            for (const auto& id : calendar::builtin_ids())
              if (id == c.id() && calendar::get(id) == c) return py::make_tuple("builtin", c.id());
            return py::make_tuple("custom", c.id(), weekend_iso(c), triples(c.holidays(c.first_date(), c.last_date())),
                                  c.first_year(), c.last_year());
          },
          [](const py::tuple& t) {
            if (t.size() == 2 && t[0].cast<std::string>() == "builtin") return calendar::get(t[1].cast<std::string>());
            if (t.size() != 6 || t[0].cast<std::string>() != "custom")
              throw invalid_input_error("calendar.pickle", "bad pickled Calendar state");
            return make_custom(t[1].cast<std::string>(), t[2].cast<std::vector<int>>(),
                               t[3].cast<std::vector<holiday_triple>>(), t[4].cast<int>(), t[5].cast<int>());
          }));

  m.def(
      "calendar_business_day_mask",
      [](const calendar& c, const py::array_t<std::int64_t, py::array::c_style>& serials) {
        if (serials.ndim() != 1) throw invalid_input_error("columns.shape", "dates must be a 1-d array");
        py::array_t<bool> out(serials.shape(0));
        const std::span<const std::int64_t> in(serials.data(), static_cast<std::size_t>(serials.shape(0)));
        const std::span<bool> res(out.mutable_data(), static_cast<std::size_t>(serials.shape(0)));
        {
          py::gil_scoped_release release;
          c.is_business_day(in, res);
        }
        return out;
      },
      py::arg("calendar"), py::arg("day_serials"),
      "is_business_day over int64 days since 1970-01-01 (numpy datetime64[D] viewed as int64).");
  m.def("calendar", &calendar::get, py::arg("id"));
  m.def("calendar_ids", &calendar::builtin_ids);
  m.def("joint_calendar", &calendar::joint, py::arg("calendars"));
  m.def("custom_calendar", &make_custom, py::arg("id"), py::arg("weekend"), py::arg("holidays"), py::arg("first_year"),
        py::arg("last_year"));
  m.def(
      "calendar_from_toml",
      [](const std::string& text, const std::string& source_name) { return calendar::from_toml(text, source_name); },
      py::arg("text"), py::arg("source_name") = "<string>");
  m.def("load_calendar", &calendar::load, py::arg("path"));
  m.def("business_day_convention_names", [] {
    std::vector<std::string> out;
    for (auto c : all_business_day_conventions) out.emplace_back(to_string(c));
    return out;
  });

  m.def("day_count_names", [] {
    std::vector<std::string> out;
    for (auto c : all_day_count_conventions) out.emplace_back(to_string(c));
    return out;
  });
  m.def(
      "day_count_fraction",
      [](civil_date start, civil_date end, const std::string& convention, std::optional<civil_date> maturity,
         std::optional<civil_date> reference_start, std::optional<civil_date> reference_end,
         std::optional<int> frequency) {
        const auto f = year_fraction(parse_day_count(convention), start, end,
                                     options(maturity, reference_start, reference_end, frequency));
        return std::make_pair(f.numerator, f.denominator);
      },
      py::arg("start"), py::arg("end"), py::arg("convention"), py::arg("maturity") = py::none(),
      py::arg("reference_start") = py::none(), py::arg("reference_end") = py::none(),
      py::arg("frequency") = py::none(), "The exact year fraction as (numerator, denominator), reduced.");
  m.def(
      "year_fraction_rounded",
      [](civil_date start, civil_date end, const std::string& convention, int scale, py::object rounding,
         std::optional<civil_date> maturity, std::optional<civil_date> reference_start,
         std::optional<civil_date> reference_end, std::optional<int> frequency) {
        return year_fraction(parse_day_count(convention), start, end,
                             options(maturity, reference_start, reference_end, frequency))
            .to_decimal(scale, to_rounding(rounding));
      },
      py::arg("start"), py::arg("end"), py::arg("convention"), py::arg("scale"), py::arg("rounding"),
      py::arg("maturity") = py::none(), py::arg("reference_start") = py::none(),
      py::arg("reference_end") = py::none(), py::arg("frequency") = py::none(),
      "The year fraction rounded to `scale` decimal places with the named rounding.");
  m.def(
      "day_count_days",
      [](civil_date start, civil_date end, const std::string& convention, std::optional<civil_date> maturity) {
        day_count_options o;
        o.maturity = maturity;
        return day_count_days(parse_day_count(convention), start, end, o);
      },
      py::arg("start"), py::arg("end"), py::arg("convention"), py::arg("maturity") = py::none());
}

}  // namespace recoup::python
