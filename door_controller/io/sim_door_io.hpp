// Door I/O against the software twin (hardware/sim): the relay is driven with `set relay` on one
// control connection, the door sensor and exit button are watched on a `subscribe` connection.
#pragma once
#include <memory>

#include "door_controller/io/door_io.hpp"
#include "door_controller/io/io_options.hpp"

namespace hubgate::door {

std::unique_ptr<door_io> make_sim_door_io(const io_options& options);

}  // namespace hubgate::door
