// The card reader over libnfc (PN532 on UART or I2C, ACR122 on USB, ...): polls for ISO 14443-A
// cards on its own thread, debounces taps, and reopens a lost reader with exponential backoff.
#pragma once
#include <memory>

#include "door_controller/reader/card_reader.hpp"
#include "door_controller/reader/reader_options.hpp"

namespace hubgate::door {

// The libnfc implementation stays in its .cpp; callers only see the interface.
std::unique_ptr<card_reader> make_nfc_card_reader(reader_options options);

}  // namespace hubgate::door
