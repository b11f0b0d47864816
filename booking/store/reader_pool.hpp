// A fixed pool of read-only connections: each query borrows one, so reads run in parallel
// on the callers' threads while the writer commits (WAL). Internal to booking/store.
#pragma once
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

class reader_pool {
 public:
  explicit reader_pool(std::vector<std::unique_ptr<connection>> conns);

  template <class T>
  outcome<T> run(const std::function<outcome<T>(connection&)>& op) {
    auto c = borrow();
    auto r = op(*c);
    give_back(c);
    return r;
  }

 private:
  connection* borrow();
  void give_back(connection* c);

  std::vector<std::unique_ptr<connection>> all_;
  std::vector<connection*> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace hubgate::store
