// The `hubgate-sim` command line: `reader` runs a twin until SIGTERM/SIGINT; the other verbs
// (tap, place, remove, door, button, relay, gpio, fault, status) talk to a running one.
#pragma once

namespace hubgate::sim {

int run_cli(int argc, char** argv);

}  // namespace hubgate::sim
