// Copies the write-ahead log back into the database file on a thread and connection of its
// own. SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, so
// every thousandth group of bookings would wait for it; with this, commits never do.
// Internal to booking/store.
#pragma once
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

class checkpointer {
 public:
  // `own` is a read-write connection to the same file, used only for checkpoints.
  checkpointer(std::unique_ptr<connection> own, int frames_threshold);
  ~checkpointer();  // stops after one last checkpoint
  checkpointer(const checkpointer&) = delete;
  checkpointer& operator=(const checkpointer&) = delete;

  // Takes over checkpointing for `writer` (its automatic checkpoint is turned off). Call
  // before the writer's thread starts; the checkpointer must outlive the writer connection.
  void attach(connection& writer);

  std::size_t checkpoints() const;

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames);
  void loop();

  std::unique_ptr<connection> own_;
  int threshold_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::size_t checkpoints_ = 0;
  std::thread thread_;
};

}  // namespace hubgate::store
