// RequestContext's helpers and the endpoint table.

#include <charconv>

#include "server/endpoint.h"
#include "server/http.h"
#include "server/http_error.h"

namespace uncounted::server {

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (i < text.size()) {
    const unsigned char c = s[i];
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= text.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points beyond U+10FFFF.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

std::string RequestContext::query(const std::string& name, const std::string& fallback,
                                  std::size_t max) const {
  if (!request.has_param(name.c_str())) return fallback;
  std::string value = request.get_param_value(name.c_str());
  if (value.size() > max) throw HttpError(400, "the parameter '" + name + "' is too long");
  return value;
}

std::int64_t RequestContext::query_int(const std::string& name, std::int64_t fallback,
                                       std::int64_t min, std::int64_t max) const {
  if (!request.has_param(name.c_str())) return fallback;
  const std::string text = request.get_param_value(name.c_str());
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw HttpError(400, "the parameter '" + name + "' must be a whole number from " +
                             std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

const std::vector<Endpoint>& api_endpoints() {
  static const std::vector<Endpoint> all = [] {
    std::vector<Endpoint> out;
    add_account_endpoints(out);
    add_audit_endpoints(out);
    add_testimony_endpoints(out);
    add_record_endpoints(out);
    add_review_endpoints(out);
    add_estimate_endpoints(out);
    add_reference_endpoints(out);
    return out;
  }();
  return all;
}

}  // namespace uncounted::server
