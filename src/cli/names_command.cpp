// `uncounted names romanize NAME`, `names compare A B`, `names compare --pairs
// FILE`: the Korean name machinery of src/korean/ on the command line. These
// print names on standard output because the user asked for them; error
// messages never contain a name.

#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "io/csv_reader.h"
#include "korean/name_comparison.h"
#include "korean/romanizer.h"
#include "model/error.h"

namespace uncounted::cli {
namespace {

using korean::RomanizationOptions;
using korean::RomanizationSystem;

// Readings shown to people: the plausible ones (compare() uses them all).
constexpr float kShownReadingWeight = 0.3f;

// Names are echoed as given; ill-formed UTF-8 in them is written as U+FFFD
// rather than failing the whole output.
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

double rounded(float x) { return std::round(static_cast<double>(x) * 10000.0) / 10000.0; }

nlohmann::json romanize_json(const std::string& name) {
  const korean::PreparedName prepared = korean::prepare(name);
  nlohmann::json out;
  out["name"] = name;
  out["hangul"] = korean::hangul_readings(prepared, kShownReadingWeight);
  if (prepared.count == 0) {
    out["rr"] = nullptr;
    out["mr"] = nullptr;
    out["dprk"] = nullptr;
    return out;
  }
  const korean::HangulName& best = prepared.candidates[0].name;
  RomanizationOptions o;
  o.system = RomanizationSystem::kRevised;
  out["rr"] = korean::romanize(best, o);
  o.system = RomanizationSystem::kMcCuneReischauer;
  out["mr"] = korean::romanize(best, o);
  o.system = RomanizationSystem::kNorthKorean;
  o.diacritics = false;
  out["dprk"] = korean::romanize(best, o);
  o.system = RomanizationSystem::kMcCuneReischauer;
  o.apostrophes = false;
  out["mr_ascii"] = korean::romanize(best, o);
  o.system = RomanizationSystem::kRevised;
  o.style = korean::GivenNameStyle::kHyphenated;
  o.conventional_surname = true;
  out["common"] = korean::romanize(best, o);
  if (best.surname_length > 0) {
    korean::HangulName surname = best;
    surname.length = surname.surname_length;
    out["surname_share"] = korean::surname_share(korean::to_utf8(surname));
  } else {
    out["surname_share"] = nullptr;
  }
  return out;
}

nlohmann::json compare_json(const std::string& a, const std::string& b) {
  const korean::PreparedName pa = korean::prepare(a);
  const korean::PreparedName pb = korean::prepare(b);
  const korean::NameComparison c = korean::compare(pa, pb);
  nlohmann::json out;
  out["a"] = a;
  out["b"] = b;
  out["score"] = rounded(c.score);
  out["match"] = c.score >= korean::kDefaultMatchThreshold;
  out["level"] = korean::to_string(c.level);
  out["a_hangul"] = korean::hangul_readings(pa, kShownReadingWeight);
  out["b_hangul"] = korean::hangul_readings(pb, kShownReadingWeight);
  return out;
}

void print_romanize(const nlohmann::json& r, bool json) {
  if (json) {
    std::cout << dump(r) << "\n";
    return;
  }
  if (r["hangul"].empty()) {
    std::cout << "no Korean reading\n";
    return;
  }
  std::cout << "hangul: ";
  for (std::size_t i = 0; i < r["hangul"].size(); ++i)
    std::cout << (i ? ", " : "") << r["hangul"][i].get<std::string>();
  std::cout << "\nRR:     " << r["rr"].get<std::string>()
            << "\nMR:     " << r["mr"].get<std::string>()
            << "\nDPRK:   " << r["dprk"].get<std::string>()
            << "\ncommon: " << r["common"].get<std::string>() << "\n";
}

void print_compare(const nlohmann::json& r, bool json) {
  if (json) {
    std::cout << dump(r) << "\n";
    return;
  }
  std::cout << "score " << r["score"].get<double>() << " (" << r["level"].get<std::string>()
            << "): " << (r["match"].get<bool>() ? "same name" : "different names") << "\n";
}

// Reads the a,b columns of a CSV file and prints one JSON object per line.
void compare_pairs(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw runtime_error("cannot open the pairs file", path);
  io::CsvReader reader(in, path);
  std::vector<std::string> row;
  if (!reader.next(row)) throw invalid_input("empty pairs file, expected a header a,b", path);
  int col_a = -1, col_b = -1;
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::string h = row[i];
    for (char& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (h == "a") col_a = static_cast<int>(i);
    if (h == "b") col_b = static_cast<int>(i);
  }
  if (col_a < 0 || col_b < 0) throw invalid_input("the header needs columns a and b", path + ":1");
  while (reader.next(row)) {
    if (row.size() == 1 && row[0].empty()) continue;  // blank line
    if (static_cast<int>(row.size()) <= std::max(col_a, col_b)) {
      throw invalid_input("row has too few columns", path + ":" + std::to_string(reader.line()));
    }
    std::cout << dump(compare_json(row[col_a], row[col_b])) << "\n";
  }
}

void add_names(CLI::App& app, GlobalOptions& global) {
  auto* names = app.add_subcommand("names", "Korean names: romanize, parse and compare");
  names->require_subcommand(1);

  auto* romanize = names->add_subcommand(
      "romanize", "Hangul readings of NAME and the name in RR, McCune-Reischauer and DPRK style");
  auto name = std::make_shared<std::string>();
  romanize->add_option("NAME", *name, "A name in Hangul or any romanization")->required();
  romanize->callback([&global, name] { print_romanize(romanize_json(*name), global.json); });

  auto* compare = names->add_subcommand(
      "compare", "Compare two names (A B), or every a,b row of a CSV file (--pairs FILE)");
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();
  auto pairs = std::make_shared<std::string>();
  compare->add_option("A", *a, "First name");
  compare->add_option("B", *b, "Second name");
  compare->add_option("--pairs", *pairs,
                      "CSV file with a header and columns a,b; prints one JSON object per line");
  compare->callback([&global, a, b, pairs, compare] {
    const bool have_pair = compare->count("A") > 0 && compare->count("B") > 0;
    if (!pairs->empty()) {
      if (compare->count("A") > 0)
        throw usage_error("give either A B or --pairs FILE", "names compare");
      compare_pairs(*pairs);
      return;
    }
    if (!have_pair) throw usage_error("two names are needed (or --pairs FILE)", "names compare");
    print_compare(compare_json(*a, *b), global.json);
  });
}

const CommandRegistration names_registration("names", add_names);

}  // namespace
}  // namespace uncounted::cli
