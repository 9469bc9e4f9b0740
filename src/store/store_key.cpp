#include "store/store_key.h"

#include <sodium.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/error.h"
#include "store/output_file.h"
#include "store/sodium.h"

namespace uncounted::store {
namespace {

constexpr char kCheckContext[] = "uncounted store key check v1";

// libsodium's limits for STRENGTH: a stolen store costs an attacker one
// derivation per guess.
void choose_limits(KeyFile& file, KeyStrength strength) {
  switch (strength) {
    case KeyStrength::interactive:
      file.ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      file.mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
      return;
    case KeyStrength::moderate:
      file.ops_limit = crypto_pwhash_OPSLIMIT_MODERATE;
      file.mem_limit = crypto_pwhash_MEMLIMIT_MODERATE;
      return;
    case KeyStrength::sensitive:
      file.ops_limit = crypto_pwhash_OPSLIMIT_SENSITIVE;
      file.mem_limit = crypto_pwhash_MEMLIMIT_SENSITIVE;
      return;
  }
  throw std::logic_error("unknown key strength");
}

void argon2id(const KeyFile& file, const std::string& passphrase, SecretKey& key) {
  if (crypto_pwhash(key.bytes(), sizeof key.bytes(), passphrase.data(), passphrase.size(),
                    file.salt.data(), file.ops_limit, file.mem_limit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw runtime_error("key derivation ran out of memory");
  }
}

std::array<unsigned char, 32> check_value(const SecretKey& key) {
  std::array<unsigned char, 32> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kCheckContext),
                     sizeof kCheckContext - 1, key.bytes(), sizeof key.bytes());
  return out;
}

template <std::size_t N>
std::array<unsigned char, N> from_hex(const std::string& hex, const std::string& where) {
  std::array<unsigned char, N> out{};
  std::size_t bin_len = 0;
  if (hex.size() != 2 * N ||
      sodium_hex2bin(out.data(), N, hex.data(), hex.size(), nullptr, &bin_len, nullptr) != 0 ||
      bin_len != N) {
    throw runtime_error("the store's key file is damaged", where);
  }
  return out;
}

}  // namespace

SecretKey::SecretKey() {
  ensure_sodium();
  sodium_mlock(bytes_, sizeof bytes_);
}

SecretKey::~SecretKey() { sodium_munlock(bytes_, sizeof bytes_); }  // munlock also zeroes

std::string key_file_path(const std::string& store_path) { return store_path + ".salt"; }

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

const char* key_strength_name(KeyStrength strength) {
  switch (strength) {
    case KeyStrength::interactive:
      return "interactive";
    case KeyStrength::moderate:
      return "moderate";
    case KeyStrength::sensitive:
      return "sensitive";
  }
  return "unknown";
}

KeyFile new_key_file(const std::string& passphrase, SecretKey& key, KeyStrength strength) {
  ensure_sodium();
  KeyFile file;
  randombytes_buf(file.salt.data(), file.salt.size());
  choose_limits(file, strength);
  argon2id(file, passphrase, key);
  file.key_check = check_value(key);
  return file;
}

void derive_key(const KeyFile& file, const std::string& passphrase, SecretKey& key) {
  argon2id(file, passphrase, key);
  const auto check = check_value(key);
  if (sodium_memcmp(check.data(), file.key_check.data(), check.size()) != 0) {
    throw denied("wrong passphrase");
  }
}

namespace {

// An unkeyed checksum of the fields: a flipped bit in the salt or the
// limits would otherwise read as "wrong passphrase". (Whoever alters the
// file on purpose can recompute it; they gain nothing: the key check still
// needs the passphrase.)
std::string checksum(const KeyFile& file) {
  const std::string text = std::to_string(file.version) + "|" +
                           to_hex(file.salt.data(), file.salt.size()) + "|" +
                           std::to_string(file.ops_limit) + "|" + std::to_string(file.mem_limit) +
                           "|" + to_hex(file.key_check.data(), file.key_check.size());
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), nullptr, 0);
  return to_hex(digest, sizeof digest);
}

}  // namespace

void write_key_file(const std::string& path, const KeyFile& file) {
  nlohmann::json j = {
      {"checksum", checksum(file)},
      {"format", "uncounted-key"},
      {"version", file.version},
      {"kdf", "argon2id13"},
      {"salt", to_hex(file.salt.data(), file.salt.size())},
      {"ops_limit", file.ops_limit},
      {"mem_limit", file.mem_limit},
      {"key_check", to_hex(file.key_check.data(), file.key_check.size())},
  };
  // Owner-only, synced, and in place only when whole.
  try {
    OutputFile out(path);
    out.stream() << j.dump(2) << "\n";
    out.commit();
  } catch (const Error&) {
    throw runtime_error("cannot write the store's key file", path);
  }
}

KeyFile read_key_file(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw runtime_error("the store's key file is missing (it must stay beside the store)", path);
  nlohmann::json j;
  try {
    in >> j;
    KeyFile file;
    if (j.at("format") != "uncounted-key" || j.at("kdf") != "argon2id13") {
      throw runtime_error("not an uncounted key file", path);
    }
    file.version = j.at("version").get<int>();
    file.salt = from_hex<16>(j.at("salt").get<std::string>(), path);
    file.ops_limit = j.at("ops_limit").get<std::uint64_t>();
    file.mem_limit = j.at("mem_limit").get<std::uint64_t>();
    file.key_check = from_hex<32>(j.at("key_check").get<std::string>(), path);
    if (j.contains("checksum") && j.at("checksum").get<std::string>() != checksum(file)) {
      throw corrupt("the store's key file is damaged or was altered (its checksum fails)", path);
    }
    // This program writes libsodium's "moderate" limits; up to four times
    // those is a store from a bigger machine, anything more an altered file
    // that would make key derivation take the machine's memory.
    if (file.ops_limit < crypto_pwhash_OPSLIMIT_MIN ||
        file.ops_limit > 4 * std::uint64_t{crypto_pwhash_OPSLIMIT_MODERATE} ||
        file.mem_limit < crypto_pwhash_MEMLIMIT_MIN ||
        file.mem_limit > 4 * std::uint64_t{crypto_pwhash_MEMLIMIT_MODERATE}) {
      throw corrupt("the store's key file has impossible limits", path);
    }
    return file;
  } catch (const nlohmann::json::exception&) {
    throw corrupt("the store's key file is damaged", path);
  }
}

}  // namespace uncounted::store
