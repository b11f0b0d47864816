#include "door_controller/cache/list_file.hpp"

#include <fstream>

#include "protocol/access_list_json.hpp"
#include "protocol/envelope.hpp"

namespace hubgate::door {
namespace {

result<std::string> read_limited(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return cache_errc::file_unreadable;
  std::string text;
  char buf[64 * 1024];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > protocol::max_envelope_bytes) return cache_errc::file_too_large;
  }
  if (in.bad()) return cache_errc::file_unreadable;
  return text;
}

}  // namespace

result<list_file_contents> load_list_file(const std::filesystem::path& path,
                                          const protocol::verify_key& key,
                                          std::string_view controller_id, std::uint64_t last_epoch,
                                          std::uint64_t last_sequence) {
  auto text = read_limited(path);
  if (!text) return text.error();
  auto e = protocol::decode(*text);
  if (!e) return e.error();
  if (auto ok = protocol::accept(*e, key, controller_id, last_epoch, last_sequence); !ok)
    return ok.error();
  if (e->body.type != protocol::envelope_type::snapshot) return protocol::errc::unexpected_type;
  auto list = protocol::parse_access_list(e->body.payload);
  if (!list) return list.error();
  list_file_contents out;
  out.list.list = std::move(*list);
  out.list.epoch = e->body.epoch;
  out.list.sequence = e->body.sequence;
  out.list.issued_at = e->body.issued_at;
  out.envelope_text = std::move(*text);
  return out;
}

}  // namespace hubgate::door
