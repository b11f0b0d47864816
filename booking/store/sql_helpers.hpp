// Small generic query helpers shared by the SQLite repositories. Internal to booking/store.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

// "INSERT INTO t(cols) VALUES(?1..?n)"; with `upsert`, "... ON CONFLICT(id) DO UPDATE SET
// c=excluded.c, ...". Columns as in the *_columns strings ("a, b, c").
std::string insert_sql(std::string_view table, std::string_view columns, bool upsert);

// Whether a row with this id exists in `table` (a trusted literal).
outcome<bool> row_exists(connection& c, std::string_view table, std::string_view id);

// Runs `sql` with one optional text parameter and collects every row through `reader`.
template <class T, class Reader>
outcome<std::vector<T>> collect(statement& st, Reader reader) {
  std::vector<T> out;
  for (;;) {
    auto row = st.step();
    if (!row) return row.error();
    if (!*row) return out;
    auto rec = reader(st);
    if (!rec) return rec.error();
    out.push_back(std::move(*rec));
  }
}

// The first row through `reader`, or not_found.
template <class T, class Reader>
outcome<T> first(statement& st, Reader reader) {
  auto row = st.step();
  if (!row) return row.error();
  if (!*row) return domain::failure(domain::errc::not_found);
  return reader(st);
}

}  // namespace hubgate::store
