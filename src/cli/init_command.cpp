// uncounted init: create a new encrypted store.

#include <sodium.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "model/passphrase_policy.h"
#include "store/migrations.h"
#include "store/store.h"
#include "store/store_key.h"

namespace uncounted::cli {
namespace {

void add_init(CLI::App& app, GlobalOptions& global) {
  auto* cmd = app.add_subcommand("init", "Create a new encrypted store");
  // The levels' names come from the store (key_strength_name), once.
  constexpr store::KeyStrength kStrengths[] = {
      store::KeyStrength::interactive, store::KeyStrength::moderate, store::KeyStrength::sensitive};
  std::vector<std::string> names;
  for (store::KeyStrength s : kStrengths) names.emplace_back(store::key_strength_name(s));
  auto strength_name =
      std::make_shared<std::string>(store::key_strength_name(store::KeyStrength::moderate));
  cmd->add_option("--key-strength", *strength_name,
                  "Work per passphrase guess (Argon2id): interactive (64 MiB, 2 passes), "
                  "moderate (256 MiB, 3 passes; the default) or sensitive (1 GiB, 4 passes)")
      ->check(CLI::IsMember(names));
  cmd->callback([&global, strength_name, kStrengths] {
    store::KeyStrength strength = store::KeyStrength::moderate;
    for (store::KeyStrength s : kStrengths)
      if (*strength_name == store::key_strength_name(s)) strength = s;
    std::string passphrase = read_passphrase(global, /*confirm=*/true);
    try {
      check_new_passphrase(passphrase);
    } catch (...) {
      sodium_memzero(passphrase.data(), passphrase.size());
      throw;
    }
    store::Store::create(global.store, passphrase, strength);
    sodium_memzero(passphrase.data(), passphrase.size());
    if (global.json) {
      std::cout << nlohmann::json{{"store", global.store},
                                  {"key_file", store::key_file_path(global.store)},
                                  {"schema_version", store::current_schema_version()},
                                  {"key_strength", store::key_strength_name(strength)}}
                       .dump()
                << "\n";
    } else {
      std::cout << "Created an encrypted store at " << global.store << " (key file "
                << store::key_file_path(global.store)
                << "; keep it beside the store, it holds no secret).\n";
    }
  });
}

const CommandRegistration init_registration("init", add_init);

}  // namespace
}  // namespace uncounted::cli
