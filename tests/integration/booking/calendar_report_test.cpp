// The utilisation report end to end: JSON for the UI, CSV for spreadsheets (parsed here as
// RFC 4180), admin only.
#include <gtest/gtest.h>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

using csv_table = std::vector<std::vector<std::string>>;

// RFC 4180: CRLF records, fields optionally quoted with doubled quotes inside.
csv_table parse_csv(const std::string& text) {
  csv_table rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      EXPECT_NE(ch, '\n') << "bare LF in CSV at " << i;
      field += ch;
    }
  }
  EXPECT_TRUE(field.empty() && row.empty()) << "the last record ends with CRLF";
  return rows;
}

class calendar_report : public ::testing::Test {
 protected:
  api_service svc;
  caller admin = svc.admin();
  test_hub hub = make_hub(svc, admin);

  std::string report_path(const std::string& extra = {}) {
    // From today to 13 days on: two or three ISO weeks, partial at the ends.
    return "/api/v1/reports/utilisation?site=" + hub.site_id +
           "&from=" + utc_at(0, 0).substr(0, 10) + "&to=" + utc_at(13, 0).substr(0, 10) + extra;
  }
};

TEST_F(calendar_report, csv_export_parses_and_matches_the_json_rows) {
  auto member = svc.new_member(admin, "report-member@hub.example");
  ASSERT_EQ(svc.call("POST", "/api/v1/bookings", &member,
                     booking_body(hub.room_id, utc_at(2, 9), utc_at(2, 11)))
                .status,
            201);
  ASSERT_EQ(svc.call("POST", "/api/v1/bookings", &member,
                     booking_body(hub.pool_id, utc_at(3, 9), utc_at(3, 12), 2))
                .status,
            201);

  auto json = svc.call("GET", report_path(), &admin);
  ASSERT_EQ(json.status, 200) << json.raw.body;
  const auto& rows = json.json.at("rows").as_array();
  ASSERT_FALSE(rows.empty());
  double booked = 0;
  for (const auto& r : rows) booked += r.at("booked_seat_hours").to_number<double>();
  EXPECT_DOUBLE_EQ(booked, 2.0 + 2 * 3.0);

  auto csv = svc.call("GET", report_path("&format=csv"), &admin);
  ASSERT_EQ(csv.status, 200) << csv.raw.body;
  EXPECT_TRUE(csv.header("content-type").starts_with("text/csv")) << csv.header("content-type");
  EXPECT_TRUE(csv.header("content-disposition").starts_with("attachment; filename=\"utilisation-"));
  auto table = parse_csv(csv.raw.body);
  ASSERT_EQ(table.size(), rows.size() + 1);
  const std::vector<std::string> header = {"week",
                                           "week_start",
                                           "space_id",
                                           "space",
                                           "kind",
                                           "booked_seat_hours",
                                           "capacity_seat_hours",
                                           "utilisation_percent",
                                           "bookings",
                                           "no_shows",
                                           "cancellations"};
  EXPECT_EQ(table[0], header);
  double csv_booked = 0;
  int csv_bookings = 0;
  for (std::size_t i = 1; i < table.size(); ++i) {
    ASSERT_EQ(table[i].size(), header.size()) << i;
    EXPECT_EQ(table[i][0], std::string(rows[i - 1].at("week").as_string()));
    EXPECT_EQ(table[i][2], std::string(rows[i - 1].at("key").as_string()));
    csv_booked += std::stod(table[i][5]);
    csv_bookings += std::stoi(table[i][8]);
    EXPECT_GT(std::stod(table[i][6]), 0.0);  // the test site is always open
  }
  EXPECT_DOUBLE_EQ(csv_booked, 8.0);
  EXPECT_EQ(csv_bookings, 2);

  // Accept: text/csv gives the same CSV.
  auto negotiated = svc.call("GET", report_path(), &admin, {}, {{"accept", "text/csv"}});
  EXPECT_EQ(negotiated.raw.body, csv.raw.body);
}

TEST_F(calendar_report, grouping_by_kind_and_the_checks) {
  auto by_kind = svc.call("GET", report_path("&group_by=kind&format=csv"), &admin);
  ASSERT_EQ(by_kind.status, 200) << by_kind.raw.body;
  auto table = parse_csv(by_kind.raw.body);
  ASSERT_GE(table.size(), 2u);
  EXPECT_EQ(table[0][2], "kind");
  for (std::size_t i = 1; i < table.size(); ++i)
    EXPECT_TRUE(table[i][2] == "room" || table[i][2] == "desk" || table[i][2] == "event")
        << table[i][2];

  auto member = svc.new_member(admin, "nosy-member@hub.example");
  EXPECT_EQ(svc.call("GET", report_path(), &member).status, 403);
  auto bad = svc.call(
      "GET", "/api/v1/reports/utilisation?site=" + hub.site_id + "&from=2027-03-10&to=2027-03-01",
      &admin);
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.code(), "validation_failed");
  EXPECT_EQ(svc.call("GET", "/api/v1/reports/utilisation?site=" + hub.site_id + "&from=2027-02-30",
                     &admin)
                .status,
            422);
  EXPECT_EQ(svc.call("GET", "/api/v1/reports/utilisation?site=nope", &admin).status, 404);
  EXPECT_EQ(svc.call("GET", "/api/v1/reports/utilisation", &admin).status, 422);
  // Without dates: the last four weeks up to the end of this one.
  auto recent = svc.call("GET", "/api/v1/reports/utilisation?site=" + hub.site_id, &admin);
  ASSERT_EQ(recent.status, 200) << recent.raw.body;
  EXPECT_EQ(recent.json.at("rows").as_array().size(), 4u * 3u);
}

}  // namespace
}  // namespace hubgate::test
