// Picks the door I/O backend named in the configuration (gpiod on boards, sim for the twin).
#pragma once
#include <boost/system/result.hpp>
#include <memory>

#include "door_controller/io/door_io.hpp"
#include "door_controller/io/io_options.hpp"

namespace hubgate::door {

boost::system::result<std::unique_ptr<door_io>> make_door_io(const io_options& options);

}  // namespace hubgate::door
