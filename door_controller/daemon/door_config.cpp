#include "door_controller/daemon/door_config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace hubgate::door {
namespace {

using result_type = boost::system::result<door_config, config_error>;

// Every key the file may hold, by table ("" is the top level); anything else is a typo.
const std::map<std::string, std::set<std::string>>& known_keys() {
  static const std::map<std::string, std::set<std::string>> keys = {
      {"",
       {"controller_id", "door_id", "data_dir", "reader", "door", "io", "list", "keys", "log",
        "link"}},
      {"reader",
       {"connstring", "poll_ms", "debounce_ms", "rearm_ms", "backoff_min_ms", "backoff_max_ms",
        "max_errors", "call_timeout_ms"}},
      {"door", {"unlock_ms", "held_open_ms"}},
      {"io",
       {"backend", "sim_control", "chip", "relay_line", "relay_active_low", "door_line",
        "door_active_low", "button_line", "button_active_low"}},
      {"list", {"file", "check_ms", "max_age_s", "stale_policy"}},
      {"keys", {"verify_key", "list_key"}},
      {"log", {"level"}},
      {"link",
       {"enabled", "endpoint", "server_name", "ca_file", "cert_file", "key_file", "ping_ms",
        "dead_ms", "connect_timeout_ms", "backoff_min_ms", "backoff_max_ms", "resend_ms"}},
  };
  return keys;
}

class config_reader {
 public:
  explicit config_reader(const toml::table& root) : root_(root) {}

  std::optional<config_error> error;

  void check_known_keys() {
    for (const auto& [table, keys] : known_keys()) {
      const toml::table* t = table.empty() ? &root_ : root_[table].as_table();
      if (t == nullptr) {
        if (!table.empty() && root_.contains(table)) fail(table, "must be a table");
        continue;
      }
      for (const auto& [key, node] : *t)
        if (!keys.contains(std::string(key.str())))
          fail(table.empty() ? std::string(key.str()) : table + "." + std::string(key.str()),
               "unknown key");
    }
  }

  void text(const char* name, std::string& out, bool required) {
    auto node = at(name);
    if (!node) {
      if (required) fail(name, "is required");
      return;
    }
    if (auto v = node.value<std::string>(); v && !v->empty()) {
      out = *v;
    } else {
      fail(name, "must be a non-empty string");
    }
  }

  void path(const char* name, std::filesystem::path& out, bool required) {
    std::string s;
    text(name, s, required);
    if (!s.empty()) out = s;
  }

  void integer(const char* name, std::int64_t& out, std::int64_t min, std::int64_t max) {
    auto node = at(name);
    if (!node) return;
    auto v = node.value_exact<std::int64_t>();
    if (!v || *v < min || *v > max)
      fail(name, fmt::format("must be an integer from {} to {}", min, max));
    else
      out = *v;
  }

  void millis(const char* name, std::chrono::milliseconds& out, std::int64_t min,
              std::int64_t max) {
    std::int64_t v = out.count();
    integer(name, v, min, max);
    out = std::chrono::milliseconds(v);
  }

  void boolean(const char* name, bool& out) {
    auto node = at(name);
    if (!node) return;
    if (auto v = node.value_exact<bool>())
      out = *v;
    else
      fail(name, "must be true or false");
  }

  void fail(const std::string& key, std::string message) {
    if (!error) error = config_error{key, std::move(message)};
  }

 private:
  // "reader.poll_ms" -> root["reader"]["poll_ms"].
  toml::node_view<const toml::node> at(std::string_view dotted) const {
    return root_.at_path(dotted);
  }
  const toml::table& root_;
};

void read_gpio_line(config_reader& in, const char* offset_key, const char* low_key,
                    gpio_line& line) {
  std::int64_t offset = line.offset;
  in.integer(offset_key, offset, 0, 1023);
  line.offset = static_cast<unsigned>(offset);
  in.boolean(low_key, line.active_low);
}

// "HOST:PORT" (an IPv6 host in brackets); false when malformed.
bool parse_endpoint(std::string_view text, std::string& host, std::uint16_t& port) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string h(text.substr(0, colon));
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  const auto digits = text.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 ||
      digits.find_first_not_of("0123456789") != std::string_view::npos)
    return false;
  const auto value = std::stoul(std::string(digits));
  if (value == 0 || value > 65535) return false;
  host = std::move(h);
  port = static_cast<std::uint16_t>(value);
  return true;
}

void read_link(config_reader& in, link_options& link) {
  in.boolean("link.enabled", link.enabled);
  std::string endpoint;
  in.text("link.endpoint", endpoint, false);
  if (!endpoint.empty() && !parse_endpoint(endpoint, link.host, link.port))
    in.fail("link.endpoint", "must be HOST:PORT");
  in.text("link.server_name", link.server_name, false);
  in.path("link.ca_file", link.ca_file, false);
  in.path("link.cert_file", link.cert_file, false);
  in.path("link.key_file", link.key_file, false);
  in.millis("link.ping_ms", link.ping_interval, 100, 600'000);
  in.millis("link.dead_ms", link.dead_after, 300, 3'600'000);
  in.millis("link.connect_timeout_ms", link.connect_timeout, 100, 600'000);
  in.millis("link.backoff_min_ms", link.backoff_min, 1, 600'000);
  in.millis("link.backoff_max_ms", link.backoff_max, 1, 3'600'000);
  in.millis("link.resend_ms", link.resend_after, 100, 3'600'000);
  if (link.backoff_max < link.backoff_min)
    in.fail("link.backoff_max_ms", "must not be less than link.backoff_min_ms");
  if (link.dead_after <= link.ping_interval)
    in.fail("link.dead_ms", "must be longer than link.ping_ms");
}

result_type read(const toml::table& root) {
  door_config c;
  config_reader in(root);
  in.check_known_keys();
  // With the link on, enrolment supplies the identities and keys that are left out.
  read_link(in, c.link);
  const bool from_enrolment = c.link.enabled;
  in.text("controller_id", c.controller_id, !from_enrolment);
  in.text("door_id", c.door_id, !from_enrolment);
  in.path("data_dir", c.data_dir, true);

  in.text("reader.connstring", c.reader.connstring, true);
  in.millis("reader.poll_ms", c.reader.poll_interval, 1, 10'000);
  in.millis("reader.debounce_ms", c.reader.debounce, 0, 60'000);
  in.millis("reader.rearm_ms", c.reader.rearm, 0, 3'600'000);
  in.millis("reader.backoff_min_ms", c.reader.backoff_min, 1, 600'000);
  in.millis("reader.backoff_max_ms", c.reader.backoff_max, 1, 3'600'000);
  std::int64_t max_errors = c.reader.max_consecutive_errors;
  in.integer("reader.max_errors", max_errors, 1, 1000);
  c.reader.max_consecutive_errors = static_cast<int>(max_errors);
  in.millis("reader.call_timeout_ms", c.reader.call_timeout, 100, 600'000);
  if (c.reader.backoff_max < c.reader.backoff_min)
    in.fail("reader.backoff_max_ms", "must not be less than reader.backoff_min_ms");

  in.millis("door.unlock_ms", c.unlock, 100, 600'000);
  in.millis("door.held_open_ms", c.held_open, 100, 86'400'000);

  std::string backend = "gpiod";
  in.text("io.backend", backend, false);
  if (backend == "sim") {
    c.io.backend = io_options::backend_kind::sim;
    in.text("io.sim_control", c.io.sim_control, true);
  } else if (backend == "gpiod") {
    c.io.backend = io_options::backend_kind::gpiod;
  } else {
    in.fail("io.backend", "must be \"gpiod\" or \"sim\"");
  }
  in.text("io.chip", c.io.chip, false);
  read_gpio_line(in, "io.relay_line", "io.relay_active_low", c.io.relay);
  read_gpio_line(in, "io.door_line", "io.door_active_low", c.io.door);
  read_gpio_line(in, "io.button_line", "io.button_active_low", c.io.button);

  in.path("list.file", c.list_file, false);
  in.millis("list.check_ms", c.list_check, 10, 3'600'000);
  in.integer("list.max_age_s", c.list_max_age_s, 1, 365LL * 24 * 3600);
  std::string policy(to_string(c.stale_policy));
  in.text("list.stale_policy", policy, false);
  if (auto p = parse_staleness_policy(policy))
    c.stale_policy = *p;
  else
    in.fail("list.stale_policy", "must be \"deny_all\", \"standing_only\" or \"keep_cached\"");

  in.path("keys.verify_key", c.verify_key_file, !from_enrolment);
  in.path("keys.list_key", c.list_key_file, !from_enrolment);

  in.text("log.level", c.log_level, false);
  static const std::set<std::string> levels = {"error", "warn", "info", "debug", "trace"};
  if (!levels.contains(c.log_level))
    in.fail("log.level", "must be one of error, warn, info, debug, trace");

  if (in.error) return *in.error;
  return c;
}

}  // namespace

result_type parse_config(std::string_view toml_text, std::string_view origin) {
  // toml++ is packaged with exceptions enabled only; the parse error stops here as a value.
  try {
    const toml::table root = toml::parse(toml_text, origin);
    return read(root);
  } catch (const toml::parse_error& e) {
    return config_error{{},
                        fmt::format("{}:{}:{}: {}", origin, e.source().begin.line,
                                    e.source().begin.column, e.description())};
  }
}

result_type load_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return config_error{{}, fmt::format("cannot read {}", path.string())};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path.string());
}

}  // namespace hubgate::door
