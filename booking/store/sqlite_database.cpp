// open_sqlite: the SQLite implementation of store::database.
#include <system_error>

#include "booking/store/card_key_file.hpp"
#include "booking/store/checkpointer.hpp"
#include "booking/store/database.hpp"
#include "booking/store/migrations.hpp"
#include "booking/store/sqlite_auth.hpp"
#include "booking/store/sqlite_bookings.hpp"
#include "booking/store/sqlite_calendar.hpp"
#include "booking/store/sqlite_catalog.hpp"
#include "booking/store/sqlite_controllers.hpp"
#include "booking/store/sqlite_users.hpp"

namespace hubgate::store {
namespace {

class sqlite_database final : public database {
 public:
  sqlite_database(const card_key& key, std::unique_ptr<checkpointer> checkpoints,
                  std::unique_ptr<write_queue> writer, std::unique_ptr<reader_pool> readers,
                  int version)
      : cipher_(key),
        checkpoints_(std::move(checkpoints)),
        writer_(std::move(writer)),
        readers_(std::move(readers)),
        version_(version),
        catalog_(*writer_, *readers_),
        bookings_(*writer_, *readers_),
        calendar_feeds_(*writer_, *readers_),
        reports_(*writer_, *readers_),
        users_(*writer_, *readers_, cipher_),
        auth_(*writer_, *readers_),
        controllers_(*writer_, *readers_, cipher_) {}

  outcome<void> load() { return bookings_.load_occupancy(); }

  domain::catalog_repository& catalog() override { return catalog_; }
  domain::booking_repository& bookings() override { return bookings_; }
  domain::calendar_feed_repository& calendar_feeds() override { return calendar_feeds_; }
  domain::report_repository& reports() override { return reports_; }
  domain::user_repository& users() override { return users_; }
  domain::auth_repository& auth() override { return auth_; }
  controllers::controller_repository& controllers() override { return controllers_; }
  int schema_version() const override { return version_; }
  write_stats writer_stats() const override { return {writer_->commits(), writer_->operations()}; }

 private:
  card_cipher cipher_;
  std::unique_ptr<checkpointer> checkpoints_;  // outlives the writer, whose commits call it
  std::unique_ptr<write_queue> writer_;
  std::unique_ptr<reader_pool> readers_;
  int version_;
  sqlite_catalog catalog_;
  sqlite_bookings bookings_;
  sqlite_calendar_feeds calendar_feeds_;
  sqlite_reports reports_;
  sqlite_users users_;
  sqlite_auth auth_;
  sqlite_controllers controllers_;
};

// A card key that is not the one the cards were sealed with (a data dir restored without
// keys/card.key) would silently lock every card out: refuse to start instead.
outcome<void> check_card_key(connection& c, const card_cipher& cipher) {
  auto st = c.prepare("SELECT card_sealed FROM credentials LIMIT 1");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (*row && !cipher.unseal(st->text(0)))
    return failure(make_error_code(errc::card_key_mismatch), "the card key does not fit");
  return {};
}

}  // namespace

boost::system::result<std::unique_ptr<database>> open_sqlite(const std::filesystem::path& data_dir,
                                                             const sqlite_options& options) {
  std::error_code fs_ec;
  std::filesystem::create_directories(data_dir, fs_ec);
  if (fs_ec) return make_error_code(errc::open_failed);
  auto key = load_or_create_card_key(data_dir);
  if (!key) return key.error();
  auto file = data_dir / "hubgate.db";
  int busy = static_cast<int>(options.busy_timeout.count());
  auto writer = connection::open(file, connection::mode::writer, busy, options.durable);
  if (!writer) return writer.error().code;
  auto version = migrate(**writer, card_cipher(*key));
  if (!version) return version.error().code;
  if (auto opens = check_card_key(**writer, card_cipher(*key)); !opens) return opens.error().code;
  std::vector<std::unique_ptr<connection>> readers;
  for (std::size_t i = 0; i < std::max<std::size_t>(options.readers, 1); ++i) {
    auto r = connection::open(file, connection::mode::reader, busy, options.durable);
    if (!r) return r.error().code;
    readers.push_back(std::move(*r));
  }
  auto own = connection::open(file, connection::mode::writer, busy, options.durable);
  if (!own) return own.error().code;
  auto checkpoints = std::make_unique<checkpointer>(std::move(*own), 1000);
  checkpoints->attach(**writer);
  auto queue = std::make_unique<write_queue>(std::move(*writer), options.max_batch);
  auto pool = std::make_unique<reader_pool>(std::move(readers));
  auto db = std::make_unique<sqlite_database>(*key, std::move(checkpoints), std::move(queue),
                                              std::move(pool), *version);
  if (auto loaded = db->load(); !loaded) return loaded.error().code;
  return std::unique_ptr<database>(std::move(db));
}

}  // namespace hubgate::store
