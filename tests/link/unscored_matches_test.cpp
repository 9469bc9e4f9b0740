// The matches expected among pairs that skipped (purged) blocks never let
// the model compare: the sampled estimate must agree with the sum over
// every such pair, count a pair in several skipped blocks once, leave out
// pairs a kept block compared, and leave out pairs inside one list under
// link_only.

#include "link/unscored_matches.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "random_table.h"

namespace uncounted::link {
namespace {

using testing::random_table;

// A made-up model: some pairs are likely matches, most are not.
double probability(std::uint32_t i, std::uint32_t j) {
  return (i * 7 + j * 13) % 10 == 0 ? 0.9 : 0.01;
}

struct Case {
  Table table;
  std::vector<Blocks> blocks;
  double every_pair = 0;  // the sum over every skipped, uncompared pair
};

// Rules a and prefix(b, 1) skip every block (limit 1); a & b keeps its
// blocks, so the pairs it compares are not unscored.
Case make_case(LinkType type) {
  Case c{random_table(300, 2, 5), {}, 0};
  KeyColumns columns;
  c.blocks.push_back(make_blocks(parse_blocking_rule("a", "t"), c.table, type, &columns, 1));
  c.blocks.push_back(
      make_blocks(parse_blocking_rule("prefix(b, 1)", "t"), c.table, type, &columns, 1));
  c.blocks.push_back(make_blocks(parse_blocking_rule("a & b", "t"), c.table, type, &columns));
  const Table& t = c.table;
  for (std::uint32_t i = 0; i < t.size(); ++i) {
    for (std::uint32_t j = i + 1; j < t.size(); ++j) {
      if (type == LinkType::kLinkOnly && t.source[i] == t.source[j]) continue;
      const bool skipped = t.columns[0][i] == t.columns[0][j] ||
                           t.columns[1][i].substr(0, 1) == t.columns[1][j].substr(0, 1);
      const bool compared =
          t.columns[0][i] == t.columns[0][j] && t.columns[1][i] == t.columns[1][j];
      if (skipped && !compared) c.every_pair += probability(i, j);
    }
  }
  return c;
}

TEST(UnscoredMatches, TheSampleAgreesWithEveryPair) {
  for (LinkType type : {LinkType::kDedupeOnly, LinkType::kLinkOnly}) {
    const Case c = make_case(type);
    ASSERT_GT(c.blocks[0].purged_pairs, 0u);
    ASSERT_GT(c.blocks[1].purged_pairs, 0u);
    ASSERT_GT(c.blocks[2].pairs, 0u);
    const UnscoredMatches u =
        estimate_unscored_matches(c.table, type, c.blocks, 3, probability, 400000);
    EXPECT_EQ(u.skipped_pairs, c.blocks[0].purged_pairs + c.blocks[1].purged_pairs);
    EXPECT_GE(u.sampled, 390000u);
    // Sampling error: about 1% here.
    EXPECT_NEAR(u.expected, c.every_pair, 0.04 * c.every_pair)
        << "link type " << static_cast<int>(type);
    // Deterministic for a seed.
    EXPECT_EQ(u.expected,
              estimate_unscored_matches(c.table, type, c.blocks, 3, probability, 400000).expected);
  }
}

TEST(UnscoredMatches, NothingSkippedNothingExpected) {
  const Case c = make_case(LinkType::kDedupeOnly);
  const std::vector<Blocks> kept = {c.blocks[2]};
  const UnscoredMatches u =
      estimate_unscored_matches(c.table, LinkType::kDedupeOnly, kept, 1, probability);
  EXPECT_EQ(u.expected, 0);
  EXPECT_EQ(u.sampled, 0u);
  EXPECT_EQ(u.skipped_pairs, 0u);
  // Rules past RULES (training rules) are not candidates' rules.
  EXPECT_EQ(
      estimate_unscored_matches(c.table, LinkType::kDedupeOnly, c.blocks, 0, probability).expected,
      0);
}

}  // namespace
}  // namespace uncounted::link
