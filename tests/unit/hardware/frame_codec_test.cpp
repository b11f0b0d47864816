#include "hardware/sim/frame_codec.hpp"

#include <gtest/gtest.h>

#include "trace_bytes.hpp"

namespace hubgate::sim {
namespace {

using test::hex_bytes;

TEST(Pn532FrameCodec, ChecksumsMatchTheReferenceTrace) {
  // GetFirmwareVersion answer from frames-nfc-list.log.
  EXPECT_EQ(encode_information(hex_bytes("D5 03 32 01 06 07")),
            hex_bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"));
  EXPECT_EQ(encode_information(hex_bytes("D5 4B 01 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6")),
            hex_bytes("00 00 FF 0F F1 D5 4B 01 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6 CA 00"));
  EXPECT_EQ(checksum_of(hex_bytes("D4 14 01")), 0x17);
}

TEST(Pn532FrameCodec, SkipsWakeUpPreambleAndDecodesCommand) {
  const auto raw =
      hex_bytes("55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF 03 FD D4 14 01 17 00");
  frame_decoder d;
  d.feed(raw);
  auto f = d.next();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, frame_kind::information);
  EXPECT_EQ(f->payload, hex_bytes("D4 14 01"));
  EXPECT_FALSE(d.next());
  // 55 55 and the idle zeros before the start code; the postamble is skipped afterwards.
  EXPECT_GE(d.skipped_bytes(), 17u);
}

TEST(Pn532FrameCodec, AckNackAndErrorFrames) {
  auto frames =
      decode_all(hex_bytes("00 00 FF 00 FF 00 00 00 FF FF 00 00 00 00 FF 01 FF 7F 81 00"));
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0].kind, frame_kind::ack);
  EXPECT_EQ(frames[1].kind, frame_kind::nack);
  EXPECT_EQ(frames[2].kind, frame_kind::error);
  EXPECT_EQ(encode_ack(), hex_bytes("00 00 FF 00 FF 00"));
  EXPECT_EQ(encode_nack(), hex_bytes("00 00 FF FF 00 00"));
  EXPECT_EQ(encode_error_frame(), hex_bytes("00 00 FF 01 FF 7F 81 00"));
}

TEST(Pn532FrameCodec, ExtendedFramesRoundTrip) {
  bytes payload{0xD4, 0x40, 0x01};
  for (int i = 0; i < 260; ++i) payload.push_back(static_cast<std::uint8_t>(i));
  const bytes wire = encode_information(payload);
  ASSERT_EQ(wire[3], 0xFF);
  ASSERT_EQ(wire[4], 0xFF);
  EXPECT_EQ(wire[5], 0x01);  // LENM
  EXPECT_EQ(wire[6], 0x07);  // LENL: 263
  EXPECT_EQ(static_cast<std::uint8_t>(wire[5] + wire[6] + wire[7]), 0);
  auto frames = decode_all(wire);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_TRUE(frames[0].extended);
  EXPECT_EQ(frames[0].payload, payload);
}

TEST(Pn532FrameCodec, NormalFrameUpTo255BytesStaysNormal) {
  bytes payload(255, 0xAB);
  const bytes wire = encode_information(payload);
  EXPECT_EQ(wire[3], 0xFF);
  EXPECT_EQ(wire[4], 0x01);
  auto frames = decode_all(wire);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_FALSE(frames[0].extended);
}

TEST(Pn532FrameCodec, ReportsBadLengthChecksumAndResyncs) {
  auto frames = decode_all(hex_bytes("00 00 FF 03 FC D4 14 01 17 00 00 00 FF 02 FE D4 02 2A 00"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].kind, frame_kind::checksum_error);
  EXPECT_EQ(frames[1].kind, frame_kind::information);
  EXPECT_EQ(frames[1].payload, hex_bytes("D4 02"));
}

TEST(Pn532FrameCodec, ReportsBadDataChecksum) {
  auto frames = decode_all(hex_bytes("00 00 FF 02 FE D4 02 2B 00"));
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, frame_kind::checksum_error);
}

TEST(Pn532FrameCodec, WaitsForTruncatedFrameAcrossFeeds) {
  const auto wire = hex_bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
  frame_decoder d;
  for (std::size_t i = 0; i + 1 < wire.size() - 1; ++i) {
    d.feed(std::span(wire).subspan(i, 1));
    EXPECT_FALSE(d.next()) << "after byte " << i;
  }
  d.feed(std::span(wire).subspan(wire.size() - 2));
  auto f = d.next();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->payload, hex_bytes("D5 03 32 01 06 07"));
}

TEST(Pn532FrameCodec, GarbageOnlyYieldsNothing) {
  auto frames = decode_all(hex_bytes("55 55 12 34 FF FF 00 01 02 03 FF"));
  EXPECT_TRUE(frames.empty());
}

TEST(Pn532FrameCodec, OversizedExtendedLengthIsRejected) {
  // LEN 0x1000 with a correct LCS: longer than any PN532 frame.
  auto frames = decode_all(hex_bytes("00 00 FF FF FF 10 00 F0 D4 02"));
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, frame_kind::checksum_error);
}

}  // namespace
}  // namespace hubgate::sim
