// Risks: a pair count that disagrees with the pairs actually created (the
// max_pairs guard would then be wrong), pairs compared twice when rules
// overlap, rules that silently ignore a missing column, a purged block whose
// pairs a later rule then skips as "already compared", and place keys that
// split one place by its spellings.

#include "link/blocking_rule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "link/candidate_pairs.h"
#include "link/linker.h"
#include "model/error.h"
#include "random_table.h"

namespace uncounted::link {
namespace {

using testing::random_table;

Settings settings_for(LinkType type) {
  Settings s;
  s.link_type = type;
  Comparison c;
  c.name = c.column = "a";
  c.levels = {ComparisonLevel{LevelType::kExact, 0}};
  s.comparisons = {c};
  s.blocking_rules = {parse_blocking_rule("a", "test"),
                      parse_blocking_rule("prefix(b, 1)", "test")};
  return s;
}

TEST(BlockingRule, ParsesAndPrintsKeys) {
  const BlockingRule r = parse_blocking_rule(" surname & prefix(given, 2) & year(dob)", "t");
  EXPECT_EQ(r.text(), "surname & prefix(given, 2) & year(dob)");
  EXPECT_TRUE(r.uses_column("GIVEN"));
  EXPECT_FALSE(r.uses_column("sex"));
  EXPECT_THROW(parse_blocking_rule("prefix(given)", "t"), Error);
  EXPECT_THROW(parse_blocking_rule("nosuch(given)", "t"), Error);
}

TEST(BlockingRule, CountsMatchBruteForceAndPairsAreDeduplicatedAcrossRules) {
  for (LinkType type : {LinkType::kLinkOnly, LinkType::kDedupeOnly}) {
    const Table t = random_table(300, 3, 5);
    const Settings s = settings_for(type);
    std::vector<Blocks> blocks;
    for (const BlockingRule& r : s.blocking_rules) blocks.push_back(make_blocks(r, t, type));
    std::set<std::pair<std::uint32_t, std::uint32_t>> expected;
    for (std::size_t rule = 0; rule < 2; ++rule) {
      std::uint64_t count = 0;
      for (std::uint32_t i = 0; i < t.size(); ++i) {
        for (std::uint32_t j = i + 1; j < t.size(); ++j) {
          if (type == LinkType::kLinkOnly && t.source[i] == t.source[j]) continue;
          const std::uint64_t k = blocks[rule].keys[i];
          if (k != 0 && k == blocks[rule].keys[j]) {
            ++count;
            expected.insert({i, j});
          }
        }
      }
      EXPECT_EQ(blocks[rule].pairs, count);
    }
    const std::vector<PreparedColumn> columns = prepare_columns(t, s);
    const ComparedPairs compared = compare_candidate_pairs(t, s, blocks, columns, 2);
    std::set<std::pair<std::uint32_t, std::uint32_t>> got;
    for (const CandidatePair& p : compared.pairs) {
      EXPECT_LT(p.i, p.j);
      EXPECT_TRUE(got.insert({p.i, p.j}).second) << "pair compared twice";
    }
    EXPECT_EQ(got, expected);
  }
}

TEST(BlockingRule, TooManyPairsIsRefusedWithTheCountBeforeCreatingThem) {
  Table t = random_table(2000, 1, 9);
  Settings s = settings_for(LinkType::kDedupeOnly);
  s.max_pairs = 1000;
  Linker linker(std::move(t), s);
  try {
    linker.run();
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInvalidInput);
    EXPECT_NE(std::string(e.what()).find("max_pairs"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("would create"), std::string::npos);
  }
}

TEST(BlockingRule, PurgedBlocksAreCountedAndLeaveTheirPairsToLaterRules) {
  const Table t = random_table(400, 2, 9);
  const Blocks all = make_blocks(parse_blocking_rule("a", "t"), t, LinkType::kDedupeOnly);
  KeyColumns columns;
  // Every block has two records at least, so a limit of one purges them all.
  const Blocks purged =
      make_blocks(parse_blocking_rule("a", "t"), t, LinkType::kDedupeOnly, &columns, 1);
  EXPECT_GT(all.pairs, 0u);
  EXPECT_EQ(purged.pairs, 0u);
  EXPECT_EQ(purged.purged_pairs, all.pairs);
  EXPECT_EQ(purged.purged_groups, all.groups.size());
  EXPECT_EQ(std::count(purged.keys.begin(), purged.keys.end(), 0u), 400);

  Settings s = settings_for(LinkType::kDedupeOnly);
  s.blocking_rules = {parse_blocking_rule("a", "t"), parse_blocking_rule("a & b", "t")};
  const std::vector<Blocks> blocks = {
      purged, make_blocks(s.blocking_rules[1], t, LinkType::kDedupeOnly, &columns)};
  const std::vector<PreparedColumn> prepared = prepare_columns(t, s);
  const ComparedPairs compared = compare_candidate_pairs(t, s, blocks, prepared, 2);
  EXPECT_EQ(compared.pairs.size(), blocks[1].pairs);
}

TEST(BlockingRule, PlaceKeyJoinsSpellingsOfOnePlace) {
  Table t;
  t.columns.emplace_back("origin");
  t.source_names = {"s"};
  for (const char* place : {"Yodok", "요덕", "Hoeryong", "nowhere-in-the-gazetteer", ""}) {
    t.source.push_back(0);
    t.record_id.push_back(place);
    t.columns[0].push_back(place);
    t.truth.push_back("");
  }
  const std::vector<std::uint64_t> k = blocking_keys(parse_blocking_rule("place(origin)", "t"), t);
  EXPECT_EQ(k[0], k[1]);
  EXPECT_NE(k[0], k[2]);
  EXPECT_NE(k[3], 0u);
  EXPECT_NE(k[3], k[2]);
  EXPECT_EQ(k[4], 0u);
}

TEST(BlockingRule, MissingColumnIsAnError) {
  const Table t = random_table(10, 1, 1);
  EXPECT_THROW(blocking_keys(parse_blocking_rule("nosuch", "t"), t), Error);
}

}  // namespace
}  // namespace uncounted::link
