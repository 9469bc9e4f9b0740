#pragma once
// A random table for blocking tests: N records from SOURCES lists, column
// "a" one of 7 values (blank one time in 10), column "b" like "3x1" (5 x 3
// values).

#include <cstdint>
#include <random>
#include <string>

#include "link/table.h"

namespace uncounted::link::testing {

inline Table random_table(std::size_t n, std::uint32_t sources, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Table t;
  t.columns.emplace_back("a");
  t.columns.emplace_back("b");
  for (std::uint32_t s = 0; s < sources; ++s) t.source_names.push_back("s" + std::to_string(s));
  for (std::size_t i = 0; i < n; ++i) {
    t.source.push_back(static_cast<std::uint32_t>(rng() % sources));
    t.record_id.push_back(std::to_string(i));
    t.columns[0].push_back(rng() % 10 == 0 ? "" : std::to_string(rng() % 7));
    t.columns[1].push_back(std::to_string(rng() % 5) + "x" + std::to_string(rng() % 3));
    t.truth.push_back("");
  }
  return t;
}

}  // namespace uncounted::link::testing
