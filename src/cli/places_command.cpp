// uncounted places lookup TEXT / places list [--kind K]: the gazetteer of
// North Korean places and detention facilities.

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "model/error.h"
#include "places/gazetteer.h"

namespace uncounted::cli {
namespace {

using places::Place;

nlohmann::json coordinate(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json place_json(const Place& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"hangul", p.hangul},
          {"kind", places::to_string(p.kind)},
          {"parent", p.parent.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.parent)},
          {"lat", coordinate(p.lat)},
          {"lon", coordinate(p.lon)},
          {"status", p.status}};
}

void print_lookup(const std::string& text, bool json) {
  const places::PlaceMatch m = places::gazetteer().lookup(text);
  nlohmann::json alternatives = nlohmann::json::array();
  for (const auto& c : m.alternatives) {
    nlohmann::json a = place_json(*c.place);
    a["confidence"] = c.confidence;
    alternatives.push_back(std::move(a));
  }
  if (json) {
    nlohmann::json out =
        m.place ? place_json(*m.place)
                : nlohmann::json{{"id", nullptr},   {"name", nullptr}, {"hangul", nullptr},
                                 {"kind", nullptr}, {"lat", nullptr},  {"lon", nullptr}};
    out["text"] = text;
    out["confidence"] = m.confidence;
    out["alternatives"] = std::move(alternatives);
    std::cout << out.dump() << "\n";
    return;
  }
  if (m.place) {
    std::cout << m.place->id << "  " << m.place->name << " (" << m.place->hangul << ", "
              << places::to_string(m.place->kind) << ")  confidence " << m.confidence << "\n";
  } else {
    std::cout << "no place fits well enough\n";
  }
  for (const auto& c : m.alternatives) {
    std::cout << "  or " << c.place->id << "  " << c.place->name << "  (" << c.confidence << ")\n";
  }
}

void add_places(CLI::App& app, GlobalOptions& global) {
  auto* cmd = app.add_subcommand("places", "The gazetteer of North Korean places and facilities");
  cmd->require_subcommand(1);

  auto* lookup = cmd->add_subcommand("lookup", "Match free text to the gazetteer");
  static std::string text;
  lookup->add_option("TEXT", text, "e.g. \"Yodok\", \"요덕 15호 관리소\", \"Camp 22\"")->required();
  lookup->callback([&global] { print_lookup(text, global.json); });

  auto* list = cmd->add_subcommand("list", "List the gazetteer's entries");
  static std::string kind;
  list->add_option("--kind", kind, "only this kind (province, city, county, kwanliso, ...)");
  list->callback([&global] {
    std::optional<places::PlaceKind> only;
    if (!kind.empty()) {
      only = places::place_kind_from_string(kind);
      if (!only) throw usage_error("unknown place kind", "--kind");
    }
    nlohmann::json out = nlohmann::json::array();
    for (const Place& p : places::gazetteer().places()) {
      if (only && p.kind != *only) continue;
      if (global.json) {
        nlohmann::json j = place_json(p);
        j["source"] = p.source;
        out.push_back(std::move(j));
      } else {
        std::cout << p.id << "\t" << p.name << "\t" << p.hangul << "\t" << places::to_string(p.kind)
                  << "\t" << p.status << "\n";
      }
    }
    if (global.json) std::cout << nlohmann::json{{"places", out}}.dump() << "\n";
  });
}

const CommandRegistration places_registration("places", add_places);

}  // namespace
}  // namespace uncounted::cli
