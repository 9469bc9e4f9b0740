#pragma once
// Creating and comparing candidate pairs: the blocking rules' groups are
// walked in parallel, each pair is compared once (by the first rule that
// finds it), and its comparison vector (one level per comparison, 4 bits
// each) is stored. Also counted: the distinct comparison vectors with the
// set of rules each pair satisfies, which is all that EM needs.

#include <cstdint>
#include <functional>
#include <vector>

#include "link/blocking_rule.h"
#include "link/prepared_column.h"
#include "link/settings.h"

namespace uncounted::link {

struct CandidatePair {
  std::uint32_t i = 0;  // i < j, record numbers of the Table
  std::uint32_t j = 0;
  std::uint64_t gamma = 0;  // comparison vector: level of comparison c in bits 4c..4c+3
};

inline int gamma_of(std::uint64_t vector, int comparison) {
  return static_cast<int>((vector >> (kGammaBits * comparison)) & 0xF);
}

// A distinct comparison vector among the candidate pairs: how many pairs
// have it, split by the set of blocking rules (bit r = rule r) they satisfy.
struct Pattern {
  std::uint64_t gamma = 0;
  std::uint8_t rules = 0;
  std::uint64_t count = 0;
};

struct ComparedPairs {
  std::vector<CandidatePair> pairs;
  std::vector<Pattern> patterns;
  std::vector<std::uint64_t> new_pairs_per_rule;  // pairs first found by each rule
};

// One prepared column per comparison of SETTINGS, in order.
std::vector<PreparedColumn> prepare_columns(const Table& table, const Settings& settings);

// Lends each of COLUMNS (SETTINGS' comparisons, prepared) to KEYS, so that
// blocking keys read them instead of preparing the columns again.
void lend_compared_columns(KeyColumns& keys, const Settings& settings,
                           const std::vector<PreparedColumn>& columns);

// The comparison vector of records I and J.
std::uint64_t comparison_vector(const std::vector<Comparison>& comparisons,
                                const std::vector<PreparedColumn>& columns, std::uint32_t i,
                                std::uint32_t j);

// The same, reading comparison c from *COLUMNS[c].
std::uint64_t comparison_vector(const std::vector<Comparison>& comparisons,
                                const std::vector<const PreparedColumn*>& columns, std::uint32_t i,
                                std::uint32_t j);

using ProgressFunction = std::function<void(std::size_t done, std::size_t total)>;

// Which pairs a pass compares (nullptr: every pair the rules find): those
// across two entities of which at least one record carries a mark that the
// rule asks for (rule r asks for the bits RULE_MARKS[r] of MARKED: the
// values of a record that its person's other records completed,
// person_completion.h).
struct PairFilter {
  const std::vector<std::uint8_t>* marked = nullptr;
  const std::vector<std::uint32_t>* entity = nullptr;
  std::vector<std::uint8_t> rule_marks;
  bool keeps(std::uint32_t rule, std::uint32_t a, std::uint32_t b) const {
    return (((*marked)[a] | (*marked)[b]) & rule_marks[rule]) != 0 && (*entity)[a] != (*entity)[b];
  }
};

// Creates and compares the candidate pairs of BLOCKS (one per rule, at most
// 8 rules). Pairs first found by one of the first KEPT_RULES rules are kept
// in `pairs`; those that only later rules find (training rules that are not
// blocking rules) are compared and counted in `patterns` only, so that one
// pass serves prediction and EM. KEPT_RULES 0 means all. PROGRESS, if set,
// is called from one thread.
ComparedPairs compare_candidate_pairs(const Table& table, const Settings& settings,
                                      const std::vector<Blocks>& blocks,
                                      const std::vector<PreparedColumn>& columns, int threads,
                                      const ProgressFunction& progress = {},
                                      std::size_t kept_rules = 0,
                                      const PairFilter* filter = nullptr);

}  // namespace uncounted::link
