#include "booking/store/checkpointer.hpp"

#include <sqlite3.h>

namespace hubgate::store {

checkpointer::checkpointer(std::unique_ptr<connection> own, int frames_threshold)
    : own_(std::move(own)), threshold_(frames_threshold) {
  thread_ = std::thread([this] { loop(); });
}

checkpointer::~checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void checkpointer::attach(connection& writer) {
  // Replaces SQLite's own hook, which would checkpoint inside the commit.
  sqlite3_wal_hook(writer.raw(), &checkpointer::on_commit, this);
}

int checkpointer::on_commit(void* self, sqlite3*, const char*, int frames) {
  auto* me = static_cast<checkpointer*>(self);
  if (frames < me->threshold_) return SQLITE_OK;
  {
    std::lock_guard lock(me->mutex_);
    me->wanted_ = true;
  }
  me->wake_.notify_one();
  return SQLITE_OK;
}

std::size_t checkpointer::checkpoints() const {
  std::lock_guard lock(mutex_);
  return checkpoints_;
}

void checkpointer::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || wanted_; });
    const bool last = stopping_;
    wanted_ = false;
    lock.unlock();
    // PASSIVE: copies what no reader still needs and never blocks the writer or readers; a
    // frame it cannot copy yet is taken by the next one.
    sqlite3_wal_checkpoint_v2(own_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    ++checkpoints_;
    if (last) return;
  }
}

}  // namespace hubgate::store
