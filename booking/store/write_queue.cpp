#include "booking/store/write_queue.hpp"

namespace hubgate::store {

write_queue::write_queue(std::unique_ptr<connection> conn, std::size_t max_batch)
    : conn_(std::move(conn)), max_batch_(max_batch == 0 ? 1 : max_batch) {
  delivery_thread_ = std::thread([this] { deliver_loop(); });
  thread_ = std::thread([this] { loop(); });
}

write_queue::~write_queue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  {
    std::lock_guard lock(delivery_mutex_);
    delivery_stopping_ = true;
  }
  delivery_wake_.notify_all();
  delivery_thread_.join();
}

void write_queue::deliver_loop() {
  for (;;) {
    std::deque<std::function<void()>> ready;
    {
      std::unique_lock lock(delivery_mutex_);
      delivery_wake_.wait(lock, [this] { return delivery_stopping_ || !deliveries_.empty(); });
      if (deliveries_.empty()) return;  // stopping and drained
      ready.swap(deliveries_);
    }
    for (auto& d : ready) {
      // A throwing callback is the caller's bug; it must not end delivery for the others.
      try {
        d();
      } catch (...) {
      }
    }
  }
}

bool write_queue::enqueue(job j) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return false;
    queue_.push_back(std::move(j));
  }
  wake_.notify_one();
  return true;
}

std::size_t write_queue::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

std::size_t write_queue::operations() const {
  std::lock_guard lock(mutex_);
  return operations_;
}

std::size_t write_queue::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void write_queue::loop() {
  for (;;) {
    std::deque<job> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_batch(batch);
  }
}

// Runs one of the transaction-control statements through the statement cache: they run twice
// per operation, and exec() would parse them every time.
outcome<void> write_queue::control(std::string_view sql) {
  auto st = conn_->prepare(sql);
  if (!st) return st.error();
  return st->run();
}

void write_queue::commit_batch(std::deque<job>& batch) {
  auto hand_over = [&](const failure* f) {
    for (auto& j : batch) j.settle(f);
    {
      std::lock_guard lock(delivery_mutex_);
      for (auto& j : batch) deliveries_.push_back(std::move(j.deliver));
    }
    delivery_wake_.notify_one();
  };
  auto fail_all = [&](const failure& f) { hand_over(&f); };
  if (auto r = control("BEGIN IMMEDIATE"); !r) return fail_all(r.error());
  for (auto& j : batch) {
    if (auto r = control("SAVEPOINT op"); !r) {
      conn_->exec("ROLLBACK");
      return fail_all(r.error());
    }
    bool ok = j.run(*conn_);
    // On failure undo only this op; RELEASE then ends the savepoint either way.
    if (!ok && !control("ROLLBACK TO op")) {
      conn_->exec("ROLLBACK");
      return fail_all(failure(make_error_code(errc::sqlite_error), "rollback to savepoint"));
    }
    if (auto r = control("RELEASE op"); !r) {
      conn_->exec("ROLLBACK");
      return fail_all(r.error());
    }
  }
  if (auto r = control("COMMIT"); !r) {
    conn_->exec("ROLLBACK");
    return fail_all(r.error());
  }
  {
    std::lock_guard lock(mutex_);
    ++commits_;
    operations_ += batch.size();
  }
  hand_over(nullptr);
}

}  // namespace hubgate::store
