#include "door_controller/io/door_io_factory.hpp"

#include "door_controller/io/gpiod_door_io.hpp"
#include "door_controller/io/sim_door_io.hpp"

namespace hubgate::door {

boost::system::result<std::unique_ptr<door_io>> make_door_io(const io_options& options) {
  if (options.backend == io_options::backend_kind::sim) return make_sim_door_io(options);
  return make_gpiod_door_io(options);
}

}  // namespace hubgate::door
