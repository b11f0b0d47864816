// Helpers for the hardware twin's integration tests: a `hubgate-sim reader` child process in
// a temporary directory, CLI calls and libnfc tool runs against it.
#pragma once
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hubgate/test/child_process.hpp"
#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace hubgate::sim::test {

struct run_result {
  int exit_code = -1;
  std::string output;
};

// Runs a command to completion (generous deadline) and returns its exit code and output.
inline run_result run_command(const hubgate::test::temp_dir& dir, std::vector<std::string> argv,
                              const std::map<std::string, std::string>& env = {}) {
  static int counter = 0;
  const std::string log = dir / ("cmd-" + std::to_string(++counter) + ".log");
  hubgate::test::child_process child(std::move(argv), log, env);
  run_result r;
  const auto status = child.wait_exit(60);
  if (status && WIFEXITED(*status)) r.exit_code = WEXITSTATUS(*status);
  r.output = child.output();
  return r;
}

class sim_reader_process {
 public:
  explicit sim_reader_process(const hubgate::test::temp_dir& dir)
      : dir_(dir), link_(dir / "reader"), control_(dir / "control.sock") {
    process_ = std::make_unique<hubgate::test::child_process>(
        std::vector<std::string>{HUBGATE_SIM_BIN, "reader", "--link", link_, "--control", control_},
        dir / "reader.log");
    const bool ready = hubgate::test::wait_until([this] {
      return std::filesystem::is_symlink(link_) && std::filesystem::exists(control_) &&
             cli({"status"}).exit_code == 0;
    });
    EXPECT_TRUE(ready) << process_->output();
  }
  run_result cli(std::vector<std::string> args) const {
    std::vector<std::string> argv{HUBGATE_SIM_BIN, args.at(0), "--control", control_};
    argv.insert(argv.end(), args.begin() + 1, args.end());
    return run_command(dir_, std::move(argv));
  }
  // A libnfc or libfreefare command-line tool, with the twin as its only reader.
  run_result libnfc_tool(const std::string& tool) const {
    return run_command(dir_, {tool}, {{"LIBNFC_DEVICE", "pn532_uart:" + link_}});
  }
  hubgate::test::child_process& process() { return *process_; }
  const std::string& link() const { return link_; }
  const std::string& control() const { return control_; }

 private:
  const hubgate::test::temp_dir& dir_;
  std::string link_;
  std::string control_;
  std::unique_ptr<hubgate::test::child_process> process_;
};

}  // namespace hubgate::sim::test
