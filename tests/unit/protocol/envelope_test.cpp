#include "protocol/envelope.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "protocol/base64.hpp"

namespace hubgate::protocol {
namespace {

class envelope_test : public ::testing::Test {
 protected:
  signing_key key_ = std::move(*signing_key::generate());
  verify_key pub_ = key_.public_key();

  static envelope sample(std::string_view type = envelope_type::snapshot, std::uint64_t epoch = 3,
                         std::uint64_t sequence = 7) {
    return {"board-1",         epoch,
            sequence,          1'800'000'000,
            std::string(type), R"({"revoked":[],"entries":[]})"};
  }

  signed_envelope signed_sample(std::string_view type = envelope_type::snapshot,
                                std::uint64_t epoch = 3, std::uint64_t sequence = 7) {
    return sign(sample(type, epoch, sequence), key_);
  }
};

TEST_F(envelope_test, canonical_bytes_are_stable) {
  const envelope e{"b", 1, 2, -1, "t", "{}"};
  const std::vector<std::uint8_t> expected = {
      'H',  'G',  'E',  'N',  'V',  0,    0,    1,     // magic and version
      0,    0,    0,    1,    'b',                     // controller_id
      0,    0,    0,    0,    0,    0,    0,    1,     // epoch
      0,    0,    0,    0,    0,    0,    0,    2,     // sequence
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,  // issued_at -1
      0,    0,    0,    1,    't',                     // type
      0,    0,    0,    2,    '{',  '}'};              // payload
  EXPECT_EQ(canonical_bytes(e), expected);
}

TEST_F(envelope_test, length_prefixes_keep_fields_apart) {
  // Moving a character from one field to its neighbour must change the signed bytes.
  EXPECT_NE(canonical_bytes({"ab", 1, 1, 0, "c", "{}"}),
            canonical_bytes({"a", 1, 1, 0, "bc", "{}"}));
}

TEST_F(envelope_test, sign_canonicalises_the_payload) {
  const auto s = signed_sample();
  EXPECT_EQ(s.body.payload, R"({"entries":[],"revoked":[]})");
  EXPECT_EQ(s.signature.size(), 64u);
}

TEST_F(envelope_test, encode_decode_verify_round_trip) {
  const auto s = signed_sample();
  auto back = decode(encode(s));
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->body, s.body);
  EXPECT_EQ(back->signature, s.signature);
  EXPECT_TRUE(verify(*back, pub_));
}

TEST_F(envelope_test, whitespace_and_key_order_on_the_wire_do_not_matter) {
  const auto s = signed_sample();
  auto o = boost::json::parse(encode(s)).as_object();
  const std::string reordered =
      "{ \"sig\" : " + boost::json::serialize(o["sig"]) +
      ", \"payload\" : { \"revoked\" : [ ], \"entries\" : [ ] }, \"type\":\"snapshot\"," +
      "\n\"issued_at\": 1800000000, \"sequence\":7, \"epoch\":3, \"controller_id\":\"board-1\", " +
      "\"v\":1 }";
  auto back = decode(reordered);
  ASSERT_TRUE(back);
  EXPECT_TRUE(verify(*back, pub_));
}

TEST_F(envelope_test, another_key_does_not_verify) {
  auto other = signing_key::generate();
  ASSERT_TRUE(other);
  EXPECT_EQ(verify(signed_sample(), other->public_key()).error(), errc::bad_signature);
}

TEST_F(envelope_test, tampering_with_any_field_is_refused) {
  const auto s = signed_sample();
  std::vector<signed_envelope> tampered(8, s);
  tampered[0].body.controller_id = "board-2";
  tampered[1].body.epoch += 1;
  tampered[2].body.sequence += 1;
  tampered[3].body.issued_at += 1;
  tampered[4].body.type = "delta";
  tampered[5].body.payload = R"({"entries":[],"revoked":["00000000000000000000000000000000"]})";
  tampered[6].signature[0] ^= 0x01;
  tampered[7].signature[63] ^= 0x80;
  for (std::size_t i = 0; i < tampered.size(); ++i)
    EXPECT_EQ(verify(tampered[i], pub_).error(), errc::bad_signature) << "field " << i;
}

TEST_F(envelope_test, tampering_with_any_wire_byte_is_refused) {
  // Flip every byte of the encoded text in turn: each either fails to decode or to verify.
  const std::string wire = encode(signed_sample());
  for (std::size_t i = 0; i < wire.size(); ++i) {
    std::string bad = wire;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto d = decode(bad);
    if (d) {
      EXPECT_FALSE(verify(*d, pub_)) << "byte " << i << ": " << bad;
    }
  }
}

TEST_F(envelope_test, missing_signature_is_its_own_error) {
  auto s = signed_sample();
  s.signature.clear();
  auto back = decode(encode(s));
  ASSERT_TRUE(back);
  EXPECT_EQ(verify(*back, pub_).error(), errc::missing_signature);
  EXPECT_EQ(accept(*back, pub_, "board-1", 0, 0).error(), errc::missing_signature);
}

TEST_F(envelope_test, accept_refuses_a_foreign_controller) {
  EXPECT_EQ(accept(signed_sample(), pub_, "board-2", 0, 0).error(), errc::foreign_controller);
}

TEST_F(envelope_test, accept_orders_by_epoch_and_sequence) {
  // Held: epoch 3, sequence 7.
  EXPECT_EQ(accept(signed_sample(envelope_type::snapshot, 2, 99), pub_, "board-1", 3, 7).error(),
            errc::stale_epoch);
  EXPECT_EQ(accept(signed_sample(envelope_type::snapshot, 3, 7), pub_, "board-1", 3, 7).error(),
            errc::replayed_sequence);
  EXPECT_EQ(accept(signed_sample(envelope_type::delta, 3, 6), pub_, "board-1", 3, 7).error(),
            errc::replayed_sequence);
  EXPECT_EQ(accept(signed_sample(envelope_type::delta, 3, 9), pub_, "board-1", 3, 7).error(),
            errc::sequence_gap);
  EXPECT_EQ(accept(signed_sample(envelope_type::delta, 4, 1), pub_, "board-1", 3, 7).error(),
            errc::sequence_gap);
  EXPECT_TRUE(accept(signed_sample(envelope_type::delta, 3, 8), pub_, "board-1", 3, 7));
  EXPECT_TRUE(accept(signed_sample(envelope_type::snapshot, 3, 9), pub_, "board-1", 3, 7));
  EXPECT_TRUE(accept(signed_sample(envelope_type::snapshot, 4, 1), pub_, "board-1", 3, 7));
  EXPECT_TRUE(accept(signed_sample(envelope_type::snapshot, 1, 1), pub_, "board-1", 0, 0));
}

TEST_F(envelope_test, garbage_is_an_error_not_a_crash) {
  const std::string valid = encode(signed_sample());
  const std::vector<std::pair<std::string, errc>> cases = {
      {"", errc::malformed_json},
      {"{", errc::malformed_json},
      {"[]", errc::malformed_json},
      {"null", errc::malformed_json},
      {std::string(1000, '['), errc::malformed_json},
      {"{}", errc::bad_field},
      {R"({"v":2})", errc::unsupported_version},
      {R"({"v":"1"})", errc::bad_field},
      {R"({"v":1,"controller_id":"b","epoch":-1,"sequence":1,"issued_at":0,"type":"snapshot","payload":{}})",
       errc::bad_field},
      {R"({"v":1,"controller_id":"b","epoch":1.5,"sequence":1,"issued_at":0,"type":"snapshot","payload":{}})",
       errc::bad_field},
      {R"({"v":1,"controller_id":"","epoch":1,"sequence":1,"issued_at":0,"type":"snapshot","payload":{}})",
       errc::bad_field},
      {R"({"v":1,"controller_id":"b","epoch":1,"sequence":1,"issued_at":0,"type":"snapshot","payload":[]})",
       errc::bad_field},
      {R"({"v":1,"controller_id":"b","epoch":1,"sequence":1,"issued_at":0,"type":"snapshot","payload":{},"sig":"AAAA"})",
       errc::bad_base64},
      {R"({"v":1,"controller_id":"b","epoch":1,"sequence":1,"issued_at":0,"type":"snapshot","payload":{},"extra":1})",
       errc::bad_field},
      {R"({"v":1,"controller_id":"b","epoch":1,"sequence":1,"issued_at":0,"type":"snapshot","payload":{"a":[1.5]}})",
       errc::bad_field},
      {R"({"v":1,"controller_id":"b","epoch":1,"sequence":1,"issued_at":0,"type":"snapshot","payload":{"a":199999999999999949999999995}})",
       errc::bad_field},
      {valid.substr(0, valid.size() / 2), errc::malformed_json},
  };
  for (const auto& [text, expected] : cases) {
    auto r = decode(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error(), expected) << text;
  }
}

TEST(envelope, a_text_beyond_a_few_mib_is_refused_as_too_large_before_parsing) {
  EXPECT_EQ(max_envelope_bytes, 4u * 1024 * 1024);
  const std::string huge(max_envelope_bytes + 1, ' ');
  auto r = decode(huge);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), make_error_code(errc::too_large));
  auto at_limit = decode(std::string(max_envelope_bytes, ' '));
  ASSERT_FALSE(at_limit);
  EXPECT_NE(at_limit.error(), make_error_code(errc::too_large));
}

}  // namespace
}  // namespace hubgate::protocol
