#include "protocol/envelope.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <memory>

#include "protocol/base64.hpp"
#include "protocol/canonical_json.hpp"
#include "protocol/json_fields.hpp"

namespace hubgate::protocol {
namespace {

namespace jf = json_fields;

constexpr std::size_t signature_bytes = 64;
constexpr std::size_t max_controller_id_length = 128;
constexpr std::size_t max_type_length = 32;

struct md_ctx_deleter {
  void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
using md_ctx_ptr = std::unique_ptr<EVP_MD_CTX, md_ctx_deleter>;

void put_u64(std::vector<std::uint8_t>& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_bytes(std::vector<std::uint8_t>& out, std::string_view s) {
  const auto n = static_cast<std::uint32_t>(s.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(n >> shift));
  out.insert(out.end(), s.begin(), s.end());
}

// The payload as signed: canonical text when it is a JSON object, else untouched (such an
// envelope cannot be decoded later anyway).
std::string canonical_payload(const std::string& payload) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(payload, ec);
  if (ec || !v.is_object()) return payload;
  return canonical_json(v);
}

bool is_printable_id(std::string_view s, std::size_t max_length) {
  if (s.empty() || s.size() > max_length) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e) return false;
  return true;
}

}  // namespace

std::vector<std::uint8_t> canonical_bytes(const envelope& e) {
  static constexpr std::uint8_t magic[8] = {'H', 'G', 'E', 'N', 'V', 0, 0, envelope_version};
  std::vector<std::uint8_t> out(std::begin(magic), std::end(magic));
  out.reserve(8 + 4 + e.controller_id.size() + 24 + 8 + e.type.size() + e.payload.size());
  put_bytes(out, e.controller_id);
  put_u64(out, e.epoch);
  put_u64(out, e.sequence);
  put_u64(out, static_cast<std::uint64_t>(e.issued_at));
  put_bytes(out, e.type);
  put_bytes(out, e.payload);
  return out;
}

signed_envelope sign(const envelope& e, const signing_key& key) {
  signed_envelope out{e, {}};
  out.body.payload = canonical_payload(e.payload);
  const auto tbs = canonical_bytes(out.body);
  md_ctx_ptr ctx(EVP_MD_CTX_new());
  std::size_t len = signature_bytes;
  out.signature.resize(signature_bytes);
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.native()) != 1 ||
      EVP_DigestSign(ctx.get(), out.signature.data(), &len, tbs.data(), tbs.size()) != 1 ||
      len != signature_bytes) {
    // Only allocation failure gets here; an empty signature is refused by every verifier.
    ERR_clear_error();
    out.signature.clear();
  }
  return out;
}

std::string encode(const signed_envelope& e) {
  boost::system::error_code ec;
  boost::json::value payload = boost::json::parse(e.body.payload, ec);
  if (ec) payload = boost::json::object{};  // unreachable for envelopes made by sign()
  boost::json::object o{{"v", envelope_version},         {"controller_id", e.body.controller_id},
                        {"epoch", e.body.epoch},         {"sequence", e.body.sequence},
                        {"issued_at", e.body.issued_at}, {"type", e.body.type},
                        {"payload", std::move(payload)}};
  if (!e.signature.empty()) o["sig"] = base64_encode(e.signature);
  return boost::json::serialize(o);
}

result<signed_envelope> decode(std::string_view text) {
  if (text.size() > max_envelope_bytes) return errc::too_large;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) return errc::malformed_json;
  const auto* o = v.if_object();
  if (!o) return errc::malformed_json;
  if (!jf::only_keys(
          *o, {"v", "controller_id", "epoch", "sequence", "issued_at", "type", "payload", "sig"}))
    return errc::bad_field;

  std::int64_t version = 0;
  if (!jf::get_int64(*o, "v", version)) return errc::bad_field;
  if (version != envelope_version) return errc::unsupported_version;

  signed_envelope out;
  const auto* controller = jf::get_string(*o, "controller_id");
  if (!controller || !is_printable_id(*controller, max_controller_id_length))
    return errc::bad_field;
  out.body.controller_id.assign(controller->data(), controller->size());
  if (!jf::get_uint64(*o, "epoch", out.body.epoch) ||
      !jf::get_uint64(*o, "sequence", out.body.sequence) ||
      !jf::get_int64(*o, "issued_at", out.body.issued_at))
    return errc::bad_field;
  const auto* type = jf::get_string(*o, "type");
  if (!type || !is_printable_id(*type, max_type_length)) return errc::bad_field;
  out.body.type.assign(type->data(), type->size());
  const auto* payload = jf::find(*o, "payload");
  if (!payload || !payload->is_object() || !has_only_integers(*payload)) return errc::bad_field;
  out.body.payload = canonical_json(*payload);

  if (const auto* sig = jf::find(*o, "sig")) {
    const auto* sig_text = sig->if_string();
    if (!sig_text) return errc::bad_field;
    auto bytes = base64_decode(*sig_text);
    if (!bytes || bytes->size() != signature_bytes) return errc::bad_base64;
    out.signature = std::move(*bytes);
  }
  return out;
}

result<void> verify(const signed_envelope& e, const verify_key& key) {
  if (e.signature.empty()) return errc::missing_signature;
  if (e.signature.size() != signature_bytes) return errc::bad_signature;
  const auto tbs = canonical_bytes(e.body);
  md_ctx_ptr ctx(EVP_MD_CTX_new());
  if (!ctx) return errc::crypto_error;
  const bool ok = EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.native()) == 1 &&
                  EVP_DigestVerify(ctx.get(), e.signature.data(), e.signature.size(), tbs.data(),
                                   tbs.size()) == 1;
  ERR_clear_error();
  if (!ok) return errc::bad_signature;
  return {};
}

result<void> accept(const signed_envelope& e, const verify_key& key,
                    std::string_view my_controller_id, std::uint64_t last_epoch,
                    std::uint64_t last_sequence) {
  if (auto r = verify(e, key); !r) return r;
  const envelope& b = e.body;
  if (b.controller_id != my_controller_id) return errc::foreign_controller;
  if (b.epoch < last_epoch) return errc::stale_epoch;
  const bool is_delta = b.type == envelope_type::delta;
  if (b.epoch == last_epoch) {
    if (b.sequence <= last_sequence) return errc::replayed_sequence;
    if (is_delta && b.sequence != last_sequence + 1) return errc::sequence_gap;
  } else if (is_delta) {
    // A newer epoch starts with a snapshot; a delta against a list the board never saw is
    // a gap, whatever its sequence number.
    return errc::sequence_gap;
  }
  return {};
}

}  // namespace hubgate::protocol
