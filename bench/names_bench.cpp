// Korean names: how fast names are prepared (parsed), romanized and compared.
// Linkage prepares each record's name once and compares prepared names
// millions of times; the target is over 1 million comparisons per second per
// core. Prints throughput and peak memory; docs/benchmarks.md records runs.
//
//   build-*/bench/names_bench [names]     (default 4000 names)

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "korean/name_comparison.h"
#include "korean/romanized_name_parser.h"
#include "korean/romanizer.h"
#include "korean/surname_table.h"
#include "korean/utf8.h"
#include "peak_memory.h"

using namespace uncounted::korean;

namespace {

// CPU time of this process: the machine is shared, so wall time would
// measure the neighbours too. The benchmark is single-threaded, so CPU
// seconds are seconds of one core.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
  }
};

double seconds_since(double start) { return Clock::now() - start; }

// Synthetic names: family names by census share, given names of two common
// syllables, written in Hangul or one of the romanizations.
std::vector<std::string> make_names(std::size_t n, std::vector<HangulName>& hangul) {
  const char32_t given[] =
      U"철호영수희민정성진현준숙자순옥미경은혜지연선남길동석용일광명식춘학상국원";
  const auto& surnames = SurnameTable::instance().all();
  std::vector<double> weights;
  for (const Surname& s : surnames) weights.push_back(s.share);
  std::mt19937_64 rng(42);
  std::discrete_distribution<std::size_t> pick_surname(weights.begin(), weights.end());
  std::uniform_int_distribution<std::size_t> pick_given(0, std::size(given) - 2);
  std::uniform_int_distribution<int> pick_style(0, 5);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::u32string text = surnames[pick_surname(rng)].hangul;
    text += given[pick_given(rng)];
    text += given[pick_given(rng)];
    const HangulName name = split_hangul_name(text);
    hangul.push_back(name);
    RomanizationOptions o;
    switch (pick_style(rng)) {
      case 0:
        out.push_back(encode_utf8(text));
        continue;
      case 1:
        o.system = RomanizationSystem::kRevised;
        break;
      case 2:
        o.system = RomanizationSystem::kMcCuneReischauer;
        break;
      case 3:
        o.system = RomanizationSystem::kNorthKorean;
        o.diacritics = false;
        break;
      case 4:
        o.conventional_surname = true;
        o.upper_case = true;
        break;
      default:
        o.conventional_surname = true;
        o.surname_last = true;
        break;
    }
    out.push_back(romanize(name, o));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 4000;
  std::vector<HangulName> hangul;
  const std::vector<std::string> names = make_names(n, hangul);

  // Romanization: three systems per name.
  auto start = Clock::now();
  std::size_t bytes = 0;
  const RomanizationSystem systems[] = {RomanizationSystem::kRevised,
                                        RomanizationSystem::kMcCuneReischauer,
                                        RomanizationSystem::kNorthKorean};
  for (int round = 0; round < 20; ++round)
    for (const HangulName& h : hangul)
      for (RomanizationSystem s : systems) {
        RomanizationOptions o;
        o.system = s;
        bytes += romanize(h, o).size();
      }
  const double romanize_s = seconds_since(start);
  const double romanizations = 20.0 * 3.0 * static_cast<double>(hangul.size());

  // Preparation: parsing every name (Hangul or romanized) into readings.
  start = Clock::now();
  std::vector<PreparedName> prepared;
  prepared.reserve(names.size());
  for (const std::string& s : names) prepared.push_back(prepare(s));
  const double prepare_s = seconds_since(start);

  // Misspelled romanizations: each romanized name with its first two
  // different neighbouring letters swapped, kept where that leaves no
  // reading as written (these go through the one-letter repairs).
  std::vector<std::string> slips;
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (prepared[k].from_hangul) continue;
    std::string w = names[k];
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
      if (std::isalpha(static_cast<unsigned char>(w[i])) &&
          std::isalpha(static_cast<unsigned char>(w[i + 1])) && w[i] != w[i + 1]) {
        std::swap(w[i + 1], w[i]);
        break;
      }
    }
    if (!uncounted::korean::parse_romanized_name(w).empty()) continue;
    slips.push_back(std::move(w));
  }
  start = Clock::now();
  std::size_t repaired = 0;
  for (const std::string& s : slips) repaired += prepare(s).repaired ? 1 : 0;
  const double slips_s = seconds_since(start);

  // Comparison: every pair of prepared names, on one core.
  start = Clock::now();
  std::size_t comparisons = 0, matches = 0;
  double score_sum = 0;
  for (std::size_t i = 0; i < prepared.size(); ++i) {
    for (std::size_t j = i + 1; j < prepared.size(); ++j) {
      const NameComparison c = compare(prepared[i], prepared[j]);
      matches += c.score >= kDefaultMatchThreshold;
      score_sum += c.score;
      ++comparisons;
    }
  }
  const double compare_s = seconds_since(start);

  std::printf("names_bench: %zu synthetic names (1/6 Hangul, 5/6 romanized)\n", names.size());
  std::printf("romanize: %.0f romanizations/s (%zu bytes written)\n", romanizations / romanize_s,
              bytes);
  std::printf("prepare (parse):  %.0f names/s\n", static_cast<double>(names.size()) / prepare_s);
  std::printf(
      "prepare (misspelled, no reading as written): %.0f names/s (%zu names, %zu read "
      "through a repair)\n",
      static_cast<double>(slips.size()) / slips_s, slips.size(), repaired);
  std::printf(
      "compare: %zu pairs in %.2f CPU s = %.0f comparisons/s per core (%zu matches, mean %.3f)\n",
      comparisons, compare_s, static_cast<double>(comparisons) / compare_s, matches,
      score_sum / static_cast<double>(comparisons));
  std::printf("sizeof(PreparedName) = %zu bytes\n", sizeof(PreparedName));
  std::printf("peak memory: %.1f MiB\n", uncounted::bench::peak_memory_mib());
  return 0;
}
