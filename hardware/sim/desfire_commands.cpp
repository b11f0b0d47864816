// The card's PICC-level and key commands: version, applications, keys, the real UID.
#include <algorithm>
#include <array>

#include "hardware/sim/desfire_card.hpp"

namespace hubgate::sim {

using namespace desfire;

namespace {

constexpr std::size_t max_applications = 28;
constexpr std::uint8_t aes_application = 0x80;  // key settings 2: crypto method bits

}  // namespace

desfire_card::reply desfire_card::get_version() {
  // An EV1 8K card (storage size 1A, protocol 05). A card with random ID reports a zero UID
  // here: the real one is only told by GetCardUID under authentication.
  bytes v{0x04, 0x01, 0x01, 0x01, 0x00, 0x1A, 0x05, 0x04, 0x01, 0x01, 0x01, 0x04, 0x1A, 0x05};
  v.insert(v.end(), 7, 0x00);
  const std::array<std::uint8_t, 7> production{0xBA, 0x34, 0x71, 0x12, 0x50, 0x26, 0x20};
  v.insert(v.end(), production.begin(), production.end());
  const std::array<std::size_t, 2> first{7, 7};
  return queue_frames(send_ok(std::move(v)), first, max_frame_data);
}

desfire_card::reply desfire_card::get_application_ids() {
  if (selected_ != 0) return fail(illegal_command);
  if ((current().key_settings & free_listing) == 0 && !master_authenticated())
    return fail(permission_denied);
  bytes ids;
  for (const auto& [aid, app] : applications_) {
    if (aid == 0) continue;
    for (int i = 0; i < 3; ++i) ids.push_back(static_cast<std::uint8_t>(aid >> (8 * i)));
  }
  return queue_frames(send_ok(std::move(ids)), {}, max_frame_data);
}

desfire_card::reply desfire_card::create_application(std::span<const std::uint8_t> command) {
  // CA, AID (3, little-endian), key settings, key count | crypto [, ISO file id, DF name]:
  // the ISO parts are accepted and not kept.
  if (command.size() < 6 || command.size() > 24) return fail(length_error);
  if (selected_ != 0) return fail(illegal_command);
  if ((current().key_settings & free_create) == 0 && !master_authenticated())
    return fail(permission_denied);
  const std::uint32_t aid = little_endian(command.subspan(1, 3));
  const std::uint8_t key_count = command[5] & 0x0F;
  if (aid == 0 || key_count == 0 || key_count > 14 || (command[5] & 0xC0) != aes_application)
    return fail(parameter_error);
  if (applications_.contains(aid)) return fail(duplicate_error);
  if (applications_.size() > max_applications) return fail(count_error);
  application app;
  app.key_settings = command[4];
  app.keys.resize(key_count);
  applications_.emplace(aid, std::move(app));
  return send_ok({});
}

desfire_card::reply desfire_card::select_application(std::span<const std::uint8_t> command) {
  if (command.size() != 4) return fail(length_error);
  const std::uint32_t aid = little_endian(command.subspan(1, 3));
  if (!applications_.contains(aid)) return fail(application_not_found);
  selected_ = aid;
  session_.reset();
  return send_ok({});
}

desfire_card::reply desfire_card::change_key(std::span<const std::uint8_t> command) {
  // C4, key number, E(new key [^ old key], version, CRC32 [, CRC32 of the new key], padding).
  if (!session_) return fail(authentication_error);
  if (command.size() != 34) return fail(length_error);
  const std::uint8_t raw_no = command[1];
  // At the PICC level bit 80 asks for an AES master key, the only kind the twin keeps.
  if (selected_ == 0 ? raw_no != 0x80 : (raw_no & 0xF0) != 0) return fail(parameter_error);
  const std::uint8_t key_no = raw_no & 0x0F;
  application& app = current();
  if (key_no >= app.keys.size()) return fail(no_such_key);
  const std::uint8_t change_right = app.key_settings >> 4;
  const bool allowed =
      key_no == 0            ? session_->key_no == 0 && (app.key_settings & master_key_changeable)
      : change_right == 0x0E ? session_->key_no == key_no
                             : change_right != 0x0F && session_->key_no == change_right;
  if (!allowed) return fail(permission_denied);

  const bytes plain = cbc_decrypt(session_->key, session_->iv, command.subspan(2));
  const bool same_key = key_no == session_->key_no;
  aes_key new_key{};
  for (std::size_t i = 0; i < new_key.size(); ++i)
    new_key[i] = same_key ? plain[i] : plain[i] ^ app.keys[key_no].value[i];
  bytes expected(command.begin(), command.begin() + 2);
  expected.insert(expected.end(), plain.begin(), plain.begin() + 17);
  append_crc32(expected, expected);
  if (!same_key) append_crc32(expected, new_key);
  expected.resize(plain.size() + 2, 0x00);
  if (!std::equal(expected.begin() + 2, expected.end(), plain.begin()))
    return fail(integrity_error);

  app.keys[key_no] = key_slot{new_key, plain[16]};
  if (same_key) {
    // The session's key is gone: the card answers without a MAC and forgets the session.
    session_.reset();
    return {status_ok, {}};
  }
  return send_ok({});
}

desfire_card::reply desfire_card::get_key_version(std::span<const std::uint8_t> command) {
  if (command.size() != 2) return fail(length_error);
  const std::uint8_t key_no = command[1] & 0x0F;
  if ((command[1] & 0x30) != 0 || key_no >= current().keys.size()) return fail(no_such_key);
  return send_ok({current().keys[key_no].version});
}

desfire_card::reply desfire_card::get_key_settings() {
  const application& app = current();
  return send_ok({app.key_settings, static_cast<std::uint8_t>(app.keys.size() | aes_application)});
}

desfire_card::reply desfire_card::get_card_uid() {
  return send_enciphered(real_uid_);
}

}  // namespace hubgate::sim
