// hubgate-sim: the software twin of a door's reader and I/O (see hardware/sim/cli.hpp).
#include "hardware/sim/cli.hpp"

int main(int argc, char** argv) {
  return hubgate::sim::run_cli(argc, argv);
}
