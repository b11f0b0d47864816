// Waiting on conditions with a deadline (never a fixed sleep as synchronisation), free TCP
// ports on loopback, and reading files.
#pragma once
#include <chrono>
#include <functional>
#include <string>

namespace hubgate::test {

// Polls `condition` until it holds or `deadline` passes; returns whether it held.
bool wait_until(const std::function<bool()>& condition,
                std::chrono::milliseconds deadline = std::chrono::seconds(30),
                std::chrono::milliseconds poll_interval = std::chrono::milliseconds(20));

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_port();

// True when something accepts TCP connections on 127.0.0.1:port.
bool port_open(int port);

std::string read_file(const std::string& path);

}  // namespace hubgate::test
