// The board's command lines (hubgate-door and the twin's hubgate-sim): help goes to stdout
// with exit 0, a wrong command line to stderr with exit 2.
#include <gtest/gtest.h>

#include "hubgate/test/child_process.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace hubgate::test {
namespace {

struct binary {
  const char* path;
  const char* usage;  // how its help starts
};

const binary binaries[] = {{HUBGATE_DOOR_BIN, "usage: hubgate-door"},
                           {HUBGATE_SIM_BIN, "usage: hubgate-sim"}};

TEST(board_cli, help_is_printed_to_stdout_and_exits_zero) {
  temp_dir dir("hubgate-cli");
  for (const auto& b : binaries)
    for (const char* ask : {"--help", "-h", "help"}) {
      const auto done = run_to_completion({b.path, ask}, dir.path().string());
      EXPECT_EQ(done.exit_code, 0) << b.path << " " << ask;
      EXPECT_EQ(done.out.rfind(b.usage, 0), 0u) << b.path << " " << ask << ": " << done.out;
      EXPECT_EQ(done.err, "") << b.path << " " << ask;
    }
}

TEST(board_cli, a_wrong_command_line_prints_the_usage_on_stderr_and_exits_two) {
  temp_dir dir("hubgate-cli");
  for (const auto& b : binaries)
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"frobnicate", "--nothing"}, {}}) {
      std::vector<std::string> argv{b.path};
      argv.insert(argv.end(), args.begin(), args.end());
      const auto done = run_to_completion(argv, dir.path().string());
      EXPECT_EQ(done.exit_code, 2) << b.path << ": " << done.err;
      EXPECT_EQ(done.out, "") << b.path;
      EXPECT_NE(done.err.find(b.usage), std::string::npos) << b.path << ": " << done.err;
    }
}

}  // namespace
}  // namespace hubgate::test
