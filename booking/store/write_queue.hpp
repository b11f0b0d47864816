// The single writer: a thread that drains queued write operations in groups, runs each in
// its own SAVEPOINT inside one BEGIN IMMEDIATE transaction, commits once (synchronous=FULL),
// and only then hands every caller its result, on a second thread in commit order, so that
// what callers do with their results never delays the next group. Internal to booking/store.
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

  // Runs `op` on the writer connection inside a transaction and returns at once; `done` gets
  // the result on the completion thread once the group it ran in is committed. A failed op is
  // rolled back to its savepoint and reports its failure without affecting the other ops of
  // the group. `committed`, when given, sees a successful result after the commit and before
  // `done` does. When the queue is closed, `done` gets errc::closed before submit returns.
  template <class T>
  void submit(std::function<outcome<T>(connection&)> op,
              std::function<void(const outcome<T>&)> committed,
              std::function<void(outcome<T>)> done) {
    auto result = std::make_shared<std::optional<outcome<T>>>();
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
    j.settle = [result, committed = std::move(committed)](const failure* commit_error) {
      if (commit_error)
        result->emplace(*commit_error);
      else if (committed && (*result)->has_value())
        committed(**result);
    };
    j.deliver = [result, done] { done(std::move(**result)); };
    if (!enqueue(std::move(j))) done(failure(make_error_code(errc::closed)));
  }

  // submit, waiting for the commit.
  template <class T>
  outcome<T> run(std::function<outcome<T>(connection&)> op,
                 std::function<void(const outcome<T>&)> committed = {}) {
    std::promise<outcome<T>> promise;
    auto fut = promise.get_future();
    submit<T>(std::move(op), std::move(committed),
              [&promise](outcome<T> r) { promise.set_value(std::move(r)); });
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
    // On the writer once the group is committed (null) or failed: the committed hook.
    std::function<void(const failure*)> settle;
    // On the completion thread afterwards: the result to the caller.
    std::function<void()> deliver;
  };
  bool enqueue(job j);
  void loop();
  void commit_batch(std::deque<job>& batch);
  void deliver_loop();
  outcome<void> control(std::string_view sql);

  std::unique_ptr<connection> conn_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<job> queue_;
  bool stopping_ = false;
  std::size_t commits_ = 0;
  std::size_t operations_ = 0;

  std::mutex delivery_mutex_;
  std::condition_variable delivery_wake_;
  std::deque<std::function<void()>> deliveries_;
  bool delivery_stopping_ = false;

  std::thread delivery_thread_;  // started before and joined after the writer
  std::thread thread_;
};

}  // namespace hubgate::store
