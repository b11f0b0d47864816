// The booking service as one object: it opens the data dir (TLS material, keys, store), builds
// the domain services, the door link and the API over them, binds both ports, creates the
// first accounts, and on run() serves until SIGINT/SIGTERM, with its periodic jobs, then stops
// the parts in order. main.cpp only parses the options.
#pragma once
#include <memory>

#include "booking/app/serve_options.hpp"

namespace hubgate::app {

class service_app {
 public:
  // Throws std::runtime_error with a message for people when the service cannot start (a
  // data dir it may not write, a port in use, a store it cannot open): start-up is the one
  // place where an exception is the clearest error.
  explicit service_app(const serve_options& options);
  ~service_app();
  service_app(const service_app&) = delete;
  service_app& operator=(const service_app&) = delete;

  // Serves until a signal, then stops. Call it once.
  void run();

 private:
  struct parts;
  std::unique_ptr<parts> parts_;
};

}  // namespace hubgate::app
