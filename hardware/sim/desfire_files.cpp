// The card's standard data files: creation, settings, and reading and writing in the plain,
// MACed and enciphered communication modes.
#include <algorithm>

#include "hardware/sim/desfire_card.hpp"

namespace hubgate::sim {

using namespace desfire;

namespace {

constexpr std::size_t memory_size = 7936;  // user memory of an EV1 8K card
constexpr std::size_t max_files = 32;
constexpr std::size_t header_size = 8;  // command, file, offset (3), length (3)
constexpr std::uint8_t free_access = 0x0E;

}  // namespace

std::optional<std::uint8_t> desfire_card::file_mode(const data_file& file, bool write) const {
  const std::uint8_t own = (file.access >> (write ? 8 : 12)) & 0x0F;
  const std::uint8_t both = (file.access >> 4) & 0x0F;
  if (session_ && (session_->key_no == own || session_->key_no == both)) return file.comm;
  if (own == free_access || both == free_access) return comm_plain;
  return std::nullopt;
}

std::size_t desfire_card::used_memory() const {
  std::size_t used = 0;
  for (const auto& [aid, app] : applications_)
    for (const auto& [no, file] : app.files) used += file.data.size();
  return used;
}

desfire_card::reply desfire_card::create_std_data_file(std::span<const std::uint8_t> command) {
  // CD, file number, communication mode, access rights (2), size (3).
  if (command.size() != 8) return fail(length_error);
  if (selected_ == 0) return fail(illegal_command);
  if ((current().key_settings & free_create) == 0 && !master_authenticated())
    return fail(permission_denied);
  const std::uint8_t file_no = command[1];
  const std::uint8_t comm = command[2];
  const std::uint32_t size = little_endian(command.subspan(5, 3));
  if (file_no >= max_files || (comm != comm_plain && comm != comm_maced && comm != comm_enciphered))
    return fail(parameter_error);
  if (current().files.contains(file_no)) return fail(duplicate_error);
  if (size == 0 || size > memory_size - used_memory()) return fail(out_of_memory);
  data_file file;
  file.comm = comm;
  file.access = static_cast<std::uint16_t>(command[3] | command[4] << 8);
  file.data.assign(size, 0x00);
  current().files.emplace(file_no, std::move(file));
  return send_ok({});
}

desfire_card::reply desfire_card::get_free_memory() {
  const std::size_t free = memory_size - used_memory();
  return send_ok(
      {static_cast<std::uint8_t>(free & 0xFF), static_cast<std::uint8_t>(free >> 8), 0x00});
}

desfire_card::reply desfire_card::get_file_ids() {
  bytes ids;
  for (const auto& [no, file] : current().files) ids.push_back(no);
  return send_ok(std::move(ids));
}

desfire_card::reply desfire_card::get_file_settings(std::span<const std::uint8_t> command) {
  if (command.size() != 2) return fail(length_error);
  const auto it = current().files.find(command[1]);
  if (it == current().files.end()) return fail(file_not_found);
  const data_file& f = it->second;
  const std::size_t size = f.data.size();
  return send_ok({0x00, f.comm, static_cast<std::uint8_t>(f.access & 0xFF),
                  static_cast<std::uint8_t>(f.access >> 8), static_cast<std::uint8_t>(size & 0xFF),
                  static_cast<std::uint8_t>(size >> 8 & 0xFF),
                  static_cast<std::uint8_t>(size >> 16 & 0xFF)});
}

desfire_card::reply desfire_card::read_data(std::span<const std::uint8_t> command) {
  if (command.size() != header_size) return fail(length_error);
  const auto it = current().files.find(command[1]);
  if (it == current().files.end()) return fail(file_not_found);
  const data_file& f = it->second;
  const auto mode = file_mode(f, false);
  if (!mode) return fail(permission_denied);
  const std::size_t offset = little_endian(command.subspan(2, 3));
  std::size_t length = little_endian(command.subspan(5, 3));
  if (offset >= f.data.size()) return fail(boundary_error);
  if (length == 0) length = f.data.size() - offset;  // up to the end of the file
  if (length > f.data.size() - offset) return fail(boundary_error);
  const std::span<const std::uint8_t> data(f.data.data() + offset, length);
  reply whole =
      *mode == comm_enciphered ? send_enciphered(data) : send_ok(bytes(data.begin(), data.end()));
  return queue_frames(std::move(whole), {}, max_frame_data);
}

desfire_card::reply desfire_card::write_data(std::span<const std::uint8_t> command) {
  // 3D, file, offset (3), length (3), data [+ CMAC] or E(data, CRC32, padding); long writes
  // arrive in several frames, each after an AF from the card.
  if (command.size() < header_size) return fail(length_error);
  const auto it = current().files.find(command[1]);
  if (it == current().files.end()) return fail(file_not_found);
  const auto mode = file_mode(it->second, true);
  if (!mode) return fail(permission_denied);
  const std::size_t size = it->second.data.size();
  const std::size_t offset = little_endian(command.subspan(2, 3));
  const std::size_t length = little_endian(command.subspan(5, 3));
  if (length == 0 || offset >= size || length > size - offset) return fail(boundary_error);
  std::size_t expected = header_size + length;
  if (*mode == comm_maced) expected += cmac_size;
  if (*mode == comm_enciphered) expected = header_size + (length + 4 + 15) / 16 * 16;
  if (command.size() > expected) return fail(length_error);
  pending_write_ = pending_write{bytes(command.begin(), command.end()), expected};
  if (command.size() < expected) return {additional_frame, {}};
  return finish_write();
}

desfire_card::reply desfire_card::finish_write() {
  const bytes command = std::move(pending_write_->command);
  pending_write_.reset();
  data_file& f = current().files.at(command[1]);
  const auto access = file_mode(f, true);
  if (!access) return fail(permission_denied);
  const std::uint8_t mode = *access;
  const std::size_t offset = little_endian(std::span(command).subspan(2, 3));
  const std::size_t length = little_endian(std::span(command).subspan(5, 3));
  bytes data;
  if (mode == comm_plain) {
    mac_command(command);
    data.assign(command.begin() + header_size, command.end());
  } else if (mode == comm_maced) {
    const std::span<const std::uint8_t> covered(command.data(), command.size() - cmac_size);
    const block mac = cmac(session_->key, session_->iv, covered);
    if (!std::equal(mac.begin(), mac.begin() + cmac_size, command.end() - cmac_size))
      return fail(integrity_error);
    data.assign(covered.begin() + header_size, covered.end());
  } else {
    const bytes plain =
        cbc_decrypt(session_->key, session_->iv, std::span(command).subspan(header_size));
    bytes expected(command.begin(), command.begin() + header_size);
    expected.insert(expected.end(), plain.begin(), plain.begin() + static_cast<long>(length));
    append_crc32(expected, expected);
    expected.resize(header_size + plain.size(), 0x00);
    if (!std::equal(expected.begin() + header_size, expected.end(), plain.begin()))
      return fail(integrity_error);
    data.assign(plain.begin(), plain.begin() + static_cast<long>(length));
  }
  std::copy(data.begin(), data.end(), f.data.begin() + static_cast<long>(offset));
  return send_ok({});
}

}  // namespace hubgate::sim
