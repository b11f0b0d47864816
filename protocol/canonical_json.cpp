#include "protocol/canonical_json.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <string_view>
#include <vector>

namespace hubgate::protocol {
namespace {

void append(std::string& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::object: {
      const auto& obj = v.get_object();
      std::vector<const boost::json::key_value_pair*> members;
      members.reserve(obj.size());
      for (const auto& kv : obj) members.push_back(&kv);
      std::sort(members.begin(), members.end(), [](const auto* a, const auto* b) {
        return std::string_view(a->key()) < std::string_view(b->key());
      });
      out.push_back('{');
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (i != 0) out.push_back(',');
        out += boost::json::serialize(members[i]->key());
        out.push_back(':');
        append(out, members[i]->value());
      }
      out.push_back('}');
      return;
    }
    case boost::json::kind::array: {
      const auto& arr = v.get_array();
      out.push_back('[');
      for (std::size_t i = 0; i < arr.size(); ++i) {
        if (i != 0) out.push_back(',');
        append(out, arr[i]);
      }
      out.push_back(']');
      return;
    }
    default:
      // Scalars: Boost.JSON's serialiser is already deterministic and space-free for them.
      out += boost::json::serialize(v);
      return;
  }
}

}  // namespace

bool has_only_integers(const boost::json::value& value) noexcept {
  switch (value.kind()) {
    case boost::json::kind::double_:
      return false;
    case boost::json::kind::object:
      for (const auto& kv : value.get_object())
        if (!has_only_integers(kv.value())) return false;
      return true;
    case boost::json::kind::array:
      for (const auto& v : value.get_array())
        if (!has_only_integers(v)) return false;
      return true;
    default:
      return true;
  }
}

std::string canonical_json(const boost::json::value& value) {
  std::string out;
  append(out, value);
  return out;
}

}  // namespace hubgate::protocol
