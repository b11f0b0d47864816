// The utilisation report as the API returns it: JSON for the UI, CSV (RFC 4180) for
// spreadsheets. One row per ISO week and space or kind, the same columns in both.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "booking/domain/utilisation_service.hpp"

namespace hubgate::api {

boost::json::object to_json(const domain::utilisation_report& report);

// Header row, then one record per row; CRLF line ends; fields quoted when they need it.
std::string to_csv(const domain::utilisation_report& report);

// A CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break.
// Fields starting with = + - @ get a leading apostrophe so spreadsheets do not run them.
std::string csv_field(std::string_view text);

}  // namespace hubgate::api
