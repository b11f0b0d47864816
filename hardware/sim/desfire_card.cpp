// The card's framing and secure messaging: ISO 7816-4 wrapping, multi-frame answers (AF),
// AES authentication and the EV1 rule that, once authenticated, every plain command and
// answer runs through the session's CMAC so both sides keep the same IV.
#include "hardware/sim/desfire_card.hpp"

#include <algorithm>

namespace hubgate::sim {

using namespace desfire;

namespace {

constexpr std::uint8_t iso_class = 0x90;

}  // namespace

desfire_card::desfire_card(bytes real_uid) : real_uid_(std::move(real_uid)) {
  application picc;
  picc.keys.resize(1);
  applications_.emplace(0, std::move(picc));
}

void desfire_card::activate() {
  selected_ = 0;
  session_.reset();
  pending_auth_.reset();
  pending_write_.reset();
  frames_.clear();
}

bytes desfire_card::transceive(std::span<const std::uint8_t> apdu) {
  if (apdu.empty()) return {length_error};
  if (apdu[0] != iso_class) {
    // A native frame: command code and data in, status and data out.
    reply r = process(apdu);
    r.data.insert(r.data.begin(), r.status);
    return r.data;
  }
  // CLA 90, INS = the native command, P1 P2 = 00 00, [Lc data] Le.
  if (apdu.size() < 5) return {0x67, 0x00};
  if (apdu[2] != 0 || apdu[3] != 0) return {0x6A, 0x86};
  bytes native{apdu[1]};
  if (apdu.size() > 5) {
    const std::size_t lc = apdu[4];
    if (apdu.size() != 5 + lc && apdu.size() != 6 + lc) return {0x67, 0x00};
    native.insert(native.end(), apdu.begin() + 5, apdu.begin() + 5 + static_cast<long>(lc));
  }
  reply r = process(native);
  r.data.push_back(0x91);
  r.data.push_back(r.status);
  return r.data;
}

desfire_card::reply desfire_card::process(std::span<const std::uint8_t> command) {
  const std::uint8_t code = command[0];
  if (code == additional_frame) return continue_frames(command.subspan(1));
  // Any other command abandons an exchange that was waiting for more frames.
  pending_auth_.reset();
  pending_write_.reset();
  frames_.clear();
  switch (code) {
    case 0xAA:
      return authenticate(command);
    case 0x0A:  // legacy DES and ISO 3K3DES authentication: the twin's keys are AES only
    case 0x1A:
      return fail(authentication_error);
    case 0xC4:  // sent enciphered, not MACed
      return change_key(command);
    case 0x3D:  // MACed or enciphered by the file's mode
      return write_data(command);
    default:
      mac_command(command);
      return dispatch_maced(command);
  }
}

desfire_card::reply desfire_card::dispatch_maced(std::span<const std::uint8_t> command) {
  const bool bare = command.size() == 1;
  switch (command[0]) {
    case 0x60:
      return bare ? get_version() : fail(length_error);
    case 0x6A:
      return bare ? get_application_ids() : fail(length_error);
    case 0xCA:
      return create_application(command);
    case 0x5A:
      return select_application(command);
    case 0x64:
      return get_key_version(command);
    case 0x45:
      return bare ? get_key_settings() : fail(length_error);
    case 0x51:
      return bare ? get_card_uid() : fail(length_error);
    case 0xCD:
      return create_std_data_file(command);
    case 0x6E:
      return bare ? get_free_memory() : fail(length_error);
    case 0x6F:
      return bare ? get_file_ids() : fail(length_error);
    case 0xF5:
      return get_file_settings(command);
    case 0xBD:
      return read_data(command);
    default:
      return fail(illegal_command);
  }
}

desfire_card::reply desfire_card::continue_frames(std::span<const std::uint8_t> more) {
  if (pending_auth_) return finish_authentication(more);
  if (pending_write_) {
    pending_write_->command.insert(pending_write_->command.end(), more.begin(), more.end());
    if (pending_write_->command.size() > pending_write_->expected) return fail(length_error);
    if (pending_write_->command.size() < pending_write_->expected) return {additional_frame, {}};
    return finish_write();
  }
  if (frames_.empty() || !more.empty()) return fail(illegal_command);
  reply r{frames_.size() > 1 ? additional_frame : status_ok, std::move(frames_.front())};
  frames_.pop_front();
  return r;
}

void desfire_card::mac_command(std::span<const std::uint8_t> command) {
  if (session_) (void)cmac(session_->key, session_->iv, command);
}

desfire_card::reply desfire_card::send_ok(bytes data) {
  if (session_) {
    bytes covered = data;
    covered.push_back(status_ok);
    const block mac = cmac(session_->key, session_->iv, covered);
    data.insert(data.end(), mac.begin(), mac.begin() + cmac_size);
  }
  return {status_ok, std::move(data)};
}

desfire_card::reply desfire_card::send_enciphered(std::span<const std::uint8_t> payload) {
  if (!session_) return fail(authentication_error);
  bytes plain(payload.begin(), payload.end());
  bytes covered = plain;
  covered.push_back(status_ok);
  append_crc32(plain, covered);
  plain.resize((plain.size() + 15) / 16 * 16, 0x00);
  return {status_ok, cbc_encrypt(session_->key, session_->iv, plain)};
}

desfire_card::reply desfire_card::queue_frames(reply whole,
                                               std::span<const std::size_t> first_sizes,
                                               std::size_t size) {
  if (whole.status != status_ok) return whole;
  std::size_t pos = 0;
  std::size_t index = 0;
  do {
    const std::size_t want = index < first_sizes.size() ? first_sizes[index] : size;
    const std::size_t n = std::min(want, whole.data.size() - pos);
    frames_.emplace_back(whole.data.begin() + static_cast<long>(pos),
                         whole.data.begin() + static_cast<long>(pos + n));
    pos += n;
    ++index;
  } while (pos < whole.data.size());
  return continue_frames({});
}

desfire_card::reply desfire_card::fail(std::uint8_t status) {
  // An error ends the authenticated session, as on the real card.
  session_.reset();
  pending_auth_.reset();
  pending_write_.reset();
  frames_.clear();
  return {status, {}};
}

desfire_card::reply desfire_card::authenticate(std::span<const std::uint8_t> command) {
  session_.reset();
  if (command.size() != 2) return fail(length_error);
  const std::uint8_t key_no = command[1];
  if (key_no >= current().keys.size()) return fail(no_such_key);
  pending_auth a{key_no, random_block(), {}};
  bytes challenge = cbc_encrypt(current().keys[key_no].value, a.iv, a.rnd_b);
  pending_auth_ = a;
  return {additional_frame, std::move(challenge)};
}

desfire_card::reply desfire_card::finish_authentication(std::span<const std::uint8_t> token) {
  pending_auth a = *pending_auth_;
  pending_auth_.reset();
  if (token.size() != 32) return fail(length_error);
  const aes_key& key = current().keys[a.key_no].value;
  const bytes plain = cbc_decrypt(key, a.iv, token);
  block rnd_a{};
  block rnd_b_rotated{};
  std::copy_n(plain.begin(), 16, rnd_a.begin());
  std::copy_n(plain.begin() + 16, 16, rnd_b_rotated.begin());
  if (rnd_b_rotated != rotate_left(a.rnd_b)) return fail(authentication_error);
  bytes answer = cbc_encrypt(key, a.iv, rotate_left(rnd_a));
  session_ = session{a.key_no, session_key(rnd_a, a.rnd_b), {}};
  return {status_ok, std::move(answer)};
}

virtual_card make_desfire_card(std::shared_ptr<desfire_card> card) {
  const block r = random_block();
  return make_iso_dep_card({0x08, r[0], r[1], r[2]}, std::move(card));
}

std::shared_ptr<desfire_card> make_blank_desfire() {
  const block r = random_block();
  return std::make_shared<desfire_card>(bytes{0x04, r[0], r[1], r[2], r[3], r[4], r[5]});
}

}  // namespace hubgate::sim
