#include "model/passphrase_policy.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/utf8.h"

namespace uncounted {
namespace {

// The passphrase's characters. An ill-formed byte counts as one character
// of its own (the store takes the passphrase as bytes).
std::u32string code_points(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8_at(text, i, &cp);
    out.push_back(len == 0 ? static_cast<unsigned char>(text[i]) : cp);
    i += len == 0 ? 1 : len;
  }
  return out;
}

// The first words of every guessing list.
constexpr const char* kCommonWords[] = {
    "password", "passwort", "qwerty", "azerty",    "letmein",  "welcome",  "admin",
    "iloveyou", "monkey",   "dragon", "sunshine",  "princess", "football", "baseball",
    "master",   "shadow",   "secret", "uncounted", "korea",    "seoul",    "pyongyang",
    "login",    "abc123",   "111111", "123456",    "654321",   "000000"};

// How many characters of TEXT (lower-cased ASCII) lie inside a common word.
std::size_t common_characters(const std::string& text) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<bool> covered(lower.size(), false);
  for (const char* word : kCommonWords) {
    const std::string w = word;
    for (std::size_t at = lower.find(w); at != std::string::npos; at = lower.find(w, at + 1)) {
      for (std::size_t i = 0; i < w.size(); ++i) covered[at + i] = true;
    }
  }
  return static_cast<std::size_t>(std::count(covered.begin(), covered.end(), true));
}

}  // namespace

void check_new_password(const std::string& password) {
  const std::u32string cps = code_points(password);
  const std::set<char32_t> distinct(cps.begin(), cps.end());
  const std::string advice = "; use at least 10 characters, best three or more random words";
  if (cps.size() < 10) {
    throw usage_error(
        "the password is too short (" + std::to_string(cps.size()) + " characters)" + advice,
        "password");
  }
  // A common word's characters count a quarter each.
  const double per_character =
      cps.empty() ? 0 : passphrase_bits(password) / static_cast<double>(cps.size());
  const double bits = passphrase_bits(password) -
                      0.75 * per_character * static_cast<double>(common_characters(password));
  if (distinct.size() < 5 || bits < 40) {
    throw usage_error("the password is too easy to guess (about " +
                          std::to_string(static_cast<int>(std::max(0.0, bits))) +
                          " bits, 40 needed)" + advice,
                      "password");
  }
}

double passphrase_bits(const std::string& passphrase) {
  const std::u32string cps = code_points(passphrase);
  bool lower = false, upper = false, digit = false, symbol = false, space = false, other = false;
  double effective = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    lower = lower || (c >= 'a' && c <= 'z');
    upper = upper || (c >= 'A' && c <= 'Z');
    digit = digit || (c >= '0' && c <= '9');
    space = space || c == ' ';
    other = other || c >= 0x80;
    symbol = symbol || (c < 0x80 && c > ' ' && !std::isalnum(static_cast<int>(c)));
    // A character that repeats the last one, or continues a run (abc,
    // 123), adds little.
    const bool repeat = i > 0 && (c == cps[i - 1] || c == cps[i - 1] + 1 || c + 1 == cps[i - 1]);
    effective += repeat ? 0.25 : 1;
  }
  const double pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) +
                      (space ? 1 : 0) + (other ? 2000 : 0);
  return pool > 1 ? effective * std::log2(pool) : 0;
}

void check_new_passphrase(const std::string& passphrase) {
  const std::u32string cps = code_points(passphrase);
  const std::set<char32_t> distinct(cps.begin(), cps.end());
  const double bits = passphrase_bits(passphrase);
  const std::string advice =
      "; use at least 12 characters, best four or more random words (e.g. from dice), and keep "
      "it somewhere safe: nobody can recover a store without it";
  if (cps.size() < 12) {
    throw usage_error(
        "the passphrase is too short (" + std::to_string(cps.size()) + " characters)" + advice,
        "init");
  }
  if (distinct.size() < 6 || bits < 60) {
    throw usage_error("the passphrase is too easy to guess (about " +
                          std::to_string(static_cast<int>(bits)) + " bits, 60 needed)" + advice,
                      "init");
  }
}

}  // namespace uncounted
