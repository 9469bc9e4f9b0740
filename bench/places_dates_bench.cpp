// Throughput of the per-record lookups that import and linkage make: place
// text -> gazetteer id, and date text -> interval. Prints lookups/s for
// exact spellings, typos and unknown text separately (typos and unknown
// text take the edit-distance path), parses/s, and peak memory.

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "dates/fuzzy_date_parser.h"
#include "peak_memory.h"
#include "places/gazetteer.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

template <typename F>
void measure(const char* what, const std::vector<std::string>& inputs, int rounds, F&& f) {
  std::size_t sink = 0;
  const auto start = Clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& text : inputs) sink += f(text);
  }
  const double s = seconds_since(start);
  const double n = static_cast<double>(inputs.size()) * rounds;
  std::printf("%-34s %10.0f /s  (%.0f calls in %.2f s, check %zu)\n", what, n / s, n, s, sink);
}

}  // namespace

int main() {
  using uncounted::places::gazetteer;
  const auto load_start = Clock::now();
  const auto& g = gazetteer();
  std::printf("gazetteer: %zu entries parsed and indexed in %.1f ms\n", g.places().size(),
              seconds_since(load_start) * 1000);

  // Every spelling in the table: the common case of a known name.
  std::vector<std::string> exact;
  for (const auto& p : g.places()) {
    for (const std::string* s : {&p.name, &p.hangul, &p.rr, &p.mr}) {
      if (!s->empty()) exact.push_back(*s);
    }
    for (const std::string& a : p.aliases) exact.push_back(a);
  }
  const std::vector<std::string> typos = {"Hoeryoung", "Chongjn",    "Hyesn",   "Sinuijoo",
                                          "Onsung",    "Kimchek",    "Hamhong", "Yodock",
                                          "Sariwan",   "Yodock camp"};
  const std::vector<std::string> unknown = {"Paris",         "asdf",    "Shenyang",    "Yanji city",
                                            "Seoul Gangnam", "unknown", "Tumen river", "n/a"};
  auto lookup = [&](const std::string& t) { return g.lookup(t).place != nullptr ? 1u : 0u; };
  measure("places lookup, table spellings", exact, 50, lookup);
  measure("places lookup, typos", typos, 2000, lookup);
  measure("places lookup, unknown text", unknown, 2000, lookup);

  const std::vector<std::string> dates = {
      "2009-03-14", "14.03.2009",    "March 2009", "spring 2009",  "2009년 3월",
      "Juche 98",   "late 1990s",    "c. 2005",    "2009/2010",    "between 2005 and 2007",
      "1962",       "1990년대 초반", "2005년경",   "Mar 14, 2009", "winter 2009/10",
      "1960-1965",  "before 2005",   "2009년 봄",  "mid-1990s",    "주체98년"};
  measure("dates parse", dates, 50000, [](const std::string& t) {
    return static_cast<std::size_t>(uncounted::parse_fuzzy_date(t).precision);
  });
  const std::vector<std::string> bad_dates = {"yesterday", "2009-13-45", "Juche 0", "asdf"};
  measure("dates parse, rejected (try_parse)", bad_dates, 20000, [](const std::string& t) {
    return uncounted::try_parse_fuzzy_date(t).has_value() ? 1u : 0u;
  });
  std::printf("peak memory: %.1f MiB\n", uncounted::bench::peak_memory_mib());
  return 0;
}
