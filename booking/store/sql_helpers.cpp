#include "booking/store/sql_helpers.hpp"

#include <fmt/format.h>

namespace hubgate::store {

std::string insert_sql(std::string_view table, std::string_view columns, bool upsert) {
  std::vector<std::string_view> names;
  for (std::size_t pos = 0; pos <= columns.size();) {
    auto comma = columns.find(',', pos);
    if (comma == std::string_view::npos) comma = columns.size();
    auto name = columns.substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    names.push_back(name);
    pos = comma + 1;
  }
  std::string values, sets;
  for (std::size_t i = 0; i < names.size(); ++i) {
    values += fmt::format("{}?{}", i ? ", " : "", i + 1);
    if (names[i] != "id")
      sets += fmt::format("{}{}=excluded.{}", sets.empty() ? "" : ", ", names[i], names[i]);
  }
  auto sql = fmt::format("INSERT INTO {}({}) VALUES({})", table, columns, values);
  if (upsert) sql += fmt::format(" ON CONFLICT(id) DO UPDATE SET {}", sets);
  return sql;
}

outcome<bool> row_exists(connection& c, std::string_view table, std::string_view id) {
  auto st = c.prepare(fmt::format("SELECT 1 FROM {} WHERE id = ?1", table));
  if (!st) return st.error();
  st->bind(1, id);
  return st->step();
}

}  // namespace hubgate::store
