// Door I/O on a real board through libgpiod 1.6: the relay, door sensor and exit button are
// lines of one GPIO chip, each optionally active-low.
#pragma once
#include <boost/system/result.hpp>
#include <memory>

#include "door_controller/io/door_io.hpp"
#include "door_controller/io/io_options.hpp"

namespace hubgate::door {

// Opens the chip and requests the three lines; fails when any of them is unavailable.
boost::system::result<std::unique_ptr<door_io>> make_gpiod_door_io(const io_options& options);

}  // namespace hubgate::door
