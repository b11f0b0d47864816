// The twin's control socket is its owner's alone.
#include "hardware/sim/control_server.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "hubgate/test/temp_dir.hpp"

namespace hubgate::sim {
namespace {

TEST(control_server, the_socket_is_0600_whatever_the_umask) {
  const mode_t saved = ::umask(0);
  hubgate::test::temp_dir dir{"hubgate-control"};
  const std::string path = dir / "control.sock";
  auto server =
      control_server::listen(path, [](std::string_view) { return std::vector<std::string>{}; });
  ::umask(saved);
  ASSERT_TRUE(server);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace hubgate::sim
