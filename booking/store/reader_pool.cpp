#include "booking/store/reader_pool.hpp"

namespace hubgate::store {

reader_pool::reader_pool(std::vector<std::unique_ptr<connection>> conns) : all_(std::move(conns)) {
  for (auto& c : all_) idle_.push_back(c.get());
}

connection* reader_pool::borrow() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  auto c = idle_.back();
  idle_.pop_back();
  return c;
}

void reader_pool::give_back(connection* c) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(c);
  }
  available_.notify_one();
}

}  // namespace hubgate::store
