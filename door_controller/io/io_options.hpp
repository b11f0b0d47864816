// Which door I/O backend to use and how it is wired, filled from the daemon's configuration.
#pragma once
#include <string>

namespace hubgate::door {

struct gpio_line {
  unsigned offset = 0;
  bool active_low = false;
};

struct io_options {
  enum class backend_kind { gpiod, sim };
  backend_kind backend = backend_kind::gpiod;
  std::string sim_control;  // the twin's control socket (backend sim)
  std::string chip = "gpiochip0";
  gpio_line relay{17, false};  // active: lock released
  gpio_line door{27, false};   // active: door open
  gpio_line button{22, true};  // active: exit button pressed
};

}  // namespace hubgate::door
