// Fuzzes the door controller's configuration reader: any bytes must give a configuration or a
// config_error naming what is wrong, never a crash or an escaping exception.
#include "door_controller/daemon/door_config.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = hubgate::door::parse_config(text, "fuzz.toml");
  if (!config && config.error().what().empty()) __builtin_trap();
  return 0;
}
