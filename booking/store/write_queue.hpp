// The single writer: a thread that drains queued write operations in groups, runs each in
// its own SAVEPOINT inside one BEGIN IMMEDIATE transaction, commits once (synchronous=FULL),
// and only then hands every caller its result. Internal to booking/store.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

class write_queue {
public:
  write_queue(std::unique_ptr<connection> conn, std::size_t max_batch);
  ~write_queue();  // completes what is queued, then stops
  write_queue(const write_queue&) = delete;
  write_queue& operator=(const write_queue&) = delete;

  // Runs `op` on the writer connection inside a transaction; blocks until the group it ran
  // in is committed. A failed op is rolled back to its savepoint and returns its failure
  // without affecting the other ops of the group. `committed`, when given, sees the op's
  // successful result on the writer thread after the commit and before the caller does.
  template <class T>
  outcome<T> run(std::function<outcome<T>(connection&)> op,
                 std::function<void(const outcome<T>&)> committed = {}) {
    auto result = std::make_shared<std::optional<outcome<T>>>();
    auto promise = std::make_shared<std::promise<outcome<T>>>();
    auto fut = promise->get_future();
    job j;
    j.run = [op = std::move(op), result](connection& c) {
      // An exception must not end the writer thread: the op is rolled back and reported.
      try {
        result->emplace(op(c));
      } catch (const std::exception&) {
        result->emplace(failure(make_error_code(errc::internal_error)));
      }
      return result->value().has_value();
    };
    j.done = [result, promise, committed = std::move(committed)](const failure* commit_error) {
      if (commit_error) {
        promise->set_value(*commit_error);
        return;
      }
      if (committed && (*result)->has_value()) committed(**result);
      promise->set_value(std::move(**result));
    };
    if (!enqueue(std::move(j))) return failure(make_error_code(errc::closed));
    return fut.get();
  }

  // Groups committed so far and operations in them (for figures and tests).
  std::size_t commits() const;
  std::size_t operations() const;
  // Operations waiting for the writer right now.
  std::size_t queued() const;

private:
  struct job {
    std::function<bool(connection&)> run;
    std::function<void(const failure*)> done;
  };
  bool enqueue(job j);
  void loop();
  void commit_batch(std::deque<job>& batch);
  outcome<void> control(std::string_view sql);

  std::unique_ptr<connection> conn_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<job> queue_;
  bool stopping_ = false;
  std::size_t commits_ = 0;
  std::size_t operations_ = 0;
  std::thread thread_;
};

}  // namespace hubgate::store
