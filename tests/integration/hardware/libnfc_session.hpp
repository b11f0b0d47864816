// A libnfc context and device opened on the twin's link, closed on scope exit.
#pragma once
#include <nfc/nfc.h>

#include <string>

namespace hubgate::sim::test {

class libnfc_session {
 public:
  libnfc_session() { nfc_init(&context_); }
  ~libnfc_session() {
    close();
    if (context_) nfc_exit(context_);
  }
  libnfc_session(const libnfc_session&) = delete;
  libnfc_session& operator=(const libnfc_session&) = delete;

  bool open(const std::string& link) {
    close();
    if (!context_) return false;
    device_ = nfc_open(context_, ("pn532_uart:" + link).c_str());
    return device_ != nullptr && nfc_initiator_init(device_) == 0;
  }
  void close() {
    if (device_) nfc_close(device_);
    device_ = nullptr;
  }
  nfc_device* device() const { return device_; }
  // Selects a 106 kbps ISO 14443-A target; returns libnfc's result (1 when one is found).
  int select(nfc_target& target) const {
    const nfc_modulation mod{NMT_ISO14443A, NBR_106};
    return nfc_initiator_select_passive_target(device_, mod, nullptr, 0, &target);
  }

 private:
  nfc_context* context_ = nullptr;
  nfc_device* device_ = nullptr;
};

}  // namespace hubgate::sim::test
