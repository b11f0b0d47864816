// What every SQLite repository holds: the single writer and the reader pool, plus the
// helpers that run an op on either. Internal to booking/store.
#pragma once
#include <functional>

#include "booking/store/reader_pool.hpp"
#include "booking/store/write_queue.hpp"

namespace hubgate::store {

class sqlite_access {
 public:
  sqlite_access(write_queue& writer, reader_pool& readers) : writer_(writer), readers_(readers) {}

 protected:
  template <class T>
  outcome<T> read(const std::function<outcome<T>(connection&)>& op) {
    return readers_.run<T>(op);
  }
  template <class T>
  outcome<T> write(std::function<outcome<T>(connection&)> op,
                   std::function<void(const outcome<T>&)> committed = {}) {
    return writer_.run<T>(std::move(op), std::move(committed));
  }
  // write, returning at once; `done` runs on the delivery thread after the commit.
  template <class T>
  void write_then(std::function<outcome<T>(connection&)> op,
                  std::function<void(const outcome<T>&)> committed,
                  std::function<void(outcome<T>)> done) {
    writer_.submit<T>(std::move(op), std::move(committed), std::move(done));
  }

 private:
  write_queue& writer_;
  reader_pool& readers_;
};

}  // namespace hubgate::store
