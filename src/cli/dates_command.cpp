// uncounted dates parse TEXT: a fuzzy date as the interval it allows.

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "dates/fuzzy_date_parser.h"

namespace uncounted::cli {
namespace {

void add_dates(CLI::App& app, GlobalOptions& global) {
  auto* cmd = app.add_subcommand("dates", "Fuzzy dates (see docs/dates.md)");
  cmd->require_subcommand(1);
  auto* parse = cmd->add_subcommand("parse", "Parse a fuzzy date into the interval it allows");
  static std::string text;
  parse->add_option("TEXT", text, "e.g. \"spring 2009\", \"2009년 3월\", \"Juche 98\"")->required();
  parse->callback([&global] {
    const FuzzyDate date = parse_fuzzy_date(text);
    const std::string earliest = to_iso(date.earliest), latest = to_iso(date.latest);
    const std::string_view precision = to_string(date.precision);
    if (global.json) {
      std::cout << nlohmann::json{{"text", text},
                                  {"earliest", earliest},
                                  {"latest", latest},
                                  {"precision", precision},
                                  {"days", date.latest_days() - date.earliest_days() + 1}}
                       .dump()
                << "\n";
    } else {
      std::cout << earliest << " .. " << latest << " (" << precision << ")\n";
    }
  });
}

const CommandRegistration dates_registration("dates", add_dates);

}  // namespace
}  // namespace uncounted::cli
