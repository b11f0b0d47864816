// hubgate-booking's command line: help goes to stdout with exit 0, a wrong command line to
// stderr with exit 2, so scripts and packaging can tell the two apart.
#include <gtest/gtest.h>

#include "hubgate/test/child_process.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace hubgate::test {
namespace {

TEST(booking_cli, help_is_printed_to_stdout_and_exits_zero) {
  temp_dir dir("hubgate-cli");
  for (const char* ask : {"--help", "-h", "help"}) {
    const auto done = run_to_completion({HUBGATE_BOOKING_BIN, ask}, dir.path().string());
    EXPECT_EQ(done.exit_code, 0) << ask;
    EXPECT_EQ(done.out.rfind("usage: hubgate-booking serve", 0), 0u) << ask << ": " << done.out;
    EXPECT_NE(done.out.find("--session-idle-minutes"), std::string::npos) << done.out;
    EXPECT_EQ(done.err, "") << ask;
  }
  const auto serve_help =
      run_to_completion({HUBGATE_BOOKING_BIN, "serve", "--help"}, dir.path().string());
  EXPECT_EQ(serve_help.exit_code, 0);
  EXPECT_EQ(serve_help.out.rfind("usage: hubgate-booking serve", 0), 0u) << serve_help.out;
}

TEST(booking_cli, a_wrong_command_line_says_why_on_stderr_and_exits_two) {
  temp_dir dir("hubgate-cli");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"frobnicate"}, {"serve", "--no-such-option"}, {}}) {
    std::vector<std::string> argv{HUBGATE_BOOKING_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto done = run_to_completion(argv, dir.path().string());
    EXPECT_EQ(done.exit_code, 2) << done.err;
    EXPECT_EQ(done.out, "");
    EXPECT_NE(done.err.find("usage"), std::string::npos) << done.err;
  }
}

}  // namespace
}  // namespace hubgate::test
