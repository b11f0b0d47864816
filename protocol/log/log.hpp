// Structured logs for the booking service, the door daemon and the tools: one JSON object
// per line on stderr, e.g.
// {"ts":"2027-03-28T09:00:00.123Z","level":"info","event":"server_started","port":8443}.
#pragma once
#include <concepts>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace hubgate::log {

// What each level means (the threshold is set once at start-up with set_level):
//   error: something needs a human (a bug, a lost disk, a 500);
//   warn:  the service is degraded but carries on (a peer misbehaves, a retry, a limit hit);
//   info:  state changes (started, listening, stopping, a controller enrolled);
//   debug: one line per request (the HTTP access log is written here);
//   trace: bytes and protocol detail, for development only.
//
// Never pass secrets as fields: no cookies, Authorization or CSRF headers, passwords, tokens,
// private keys or raw card identifiers. Callers log names and outcomes, not credentials.
enum class level { trace = 0, debug = 1, info = 2, warn = 3, error = 4, off = 5 };

std::string_view to_string(level l);
std::optional<level> parse_level(std::string_view text);  // "trace" ... "error", "off"

// One key/value pair of a log line. Keys are expected to be snake_case literals; values are
// copied into the line only when the level is enabled, so building fields is cheap.
class field {
 public:
  field(std::string_view key, std::string_view value)
      : key_(key), kind_(kind::text), text_(value) {}
  field(std::string_view key, const char* value) : field(key, std::string_view(value)) {}
  field(std::string_view key, const std::string& value) : field(key, std::string_view(value)) {}
  field(std::string_view key, bool value) : key_(key), kind_(kind::boolean), boolean_(value) {}
  field(std::string_view key, double value) : key_(key), kind_(kind::real), real_(value) {}
  template <std::signed_integral T>
  field(std::string_view key, T value) : key_(key), kind_(kind::signed_int), signed_(value) {}
  template <std::unsigned_integral T>
  requires(!std::same_as<T, bool>) field(std::string_view key, T value)
      : key_(key), kind_(kind::unsigned_int), unsigned_(value) {}

  enum class kind { text, boolean, real, signed_int, unsigned_int };
  std::string_view key() const { return key_; }
  kind type() const { return kind_; }
  std::string_view text() const { return text_; }
  bool boolean() const { return boolean_; }
  double real() const { return real_; }
  std::int64_t signed_value() const { return signed_; }
  std::uint64_t unsigned_value() const { return unsigned_; }

 private:
  std::string_view key_;
  kind kind_;
  std::string_view text_;
  bool boolean_ = false;
  double real_ = 0;
  std::int64_t signed_ = 0;
  std::uint64_t unsigned_ = 0;
};

// Thread-safe. The threshold defaults to info; lines below it cost one atomic load.
void set_level(level threshold);
level current_level();
bool enabled(level l);

// Writes {"ts":...,"level":...,"event":event, fields...} as one line (one write call, so
// lines from different threads never interleave).
void write(level l, std::string_view event, std::initializer_list<field> fields = {});

// Where lines go: stderr by default. Tests install a sink to read what was logged; an empty
// function restores stderr. The sink is called with one complete line without the newline.
void set_sink(std::function<void(std::string_view line)> sink);

}  // namespace hubgate::log
