// Risks: chaining (one weak link merging two persons), human decisions that
// the clustering ignores, and two records of one list in one person when
// each list holds a person once.

#include "link/cluster.h"

#include <gtest/gtest.h>

#include "linked_pair.h"

namespace uncounted::link {
namespace {

using testing::link;

TEST(Cluster, ConnectedComponentsAboveThreshold) {
  const std::vector<ScoredPair> pairs{link(0, 1, 20), link(1, 2, 18), link(3, 4, -5)};
  const Clusters c = cluster_records(5, {0, 1, 2, 0, 1}, pairs, 0.5, {}, ClusteringSettings{});
  EXPECT_EQ(c.entity[0], c.entity[1]);
  EXPECT_EQ(c.entity[1], c.entity[2]);
  EXPECT_NE(c.entity[3], c.entity[4]);  // below threshold
  EXPECT_EQ(c.entities, 3u);
}

TEST(Cluster, CannotLinkCutsTheWeakestLinkOfAChain) {
  // 0-1 strong, 1-2 weaker, 2-3 strong; a human says 0 and 3 differ.
  const std::vector<ScoredPair> pairs{link(0, 1, 20), link(1, 2, 5), link(2, 3, 19)};
  const Clusters c =
      cluster_records(4, {0, 1, 2, 3}, pairs, 0.5, {{0, 3, false}}, ClusteringSettings{});
  EXPECT_EQ(c.entity[0], c.entity[1]);
  EXPECT_EQ(c.entity[2], c.entity[3]);
  EXPECT_NE(c.entity[0], c.entity[3]);
  EXPECT_EQ(c.refused_links, 1u);
}

TEST(Cluster, MustLinkJoinsWithoutAScore) {
  const Clusters c = cluster_records(3, {0, 1, 2}, {}, 0.5, {{0, 2, true}}, ClusteringSettings{});
  EXPECT_EQ(c.entity[0], c.entity[2]);
  EXPECT_NE(c.entity[0], c.entity[1]);
}

TEST(Cluster, HumanNonMatchOverridesAStrongScore) {
  const Clusters c =
      cluster_records(2, {0, 1}, {link(0, 1, 30)}, 0.5, {{1, 0, false}}, ClusteringSettings{});
  EXPECT_NE(c.entity[0], c.entity[1]);
}

TEST(Cluster, OneRecordPerSourceKeepsTheStrongerLink) {
  ClusteringSettings s;
  s.one_record_per_source = true;
  // Record 0 (list A) links to 1 and 2, both of list B: only the stronger.
  const Clusters c = cluster_records(3, {0, 1, 1}, {link(0, 1, 10), link(0, 2, 15)}, 0.5, {}, s);
  EXPECT_EQ(c.entity[0], c.entity[2]);
  EXPECT_NE(c.entity[0], c.entity[1]);
  EXPECT_EQ(c.refused_links, 1u);
}

TEST(Cluster, WeakBridgeBetweenTwoStrongGroupsIsSplit) {
  // Two tight triangles joined by one weak link (the Febrl 3 chaining case).
  const std::vector<ScoredPair> pairs{link(0, 1, 25), link(1, 2, 24), link(0, 2, 26),
                                      link(3, 4, 25), link(4, 5, 24), link(3, 5, 23),
                                      link(2, 3, 1)};
  ClusteringSettings s;
  const Clusters split = cluster_records(6, {0, 1, 2, 3, 4, 5}, pairs, 0.5, {}, s);
  EXPECT_NE(split.entity[0], split.entity[5]);
  EXPECT_EQ(split.weak_links_split, 1u);
  s.split_weak_links = false;
  const Clusters flagged = cluster_records(6, {0, 1, 2, 3, 4, 5}, pairs, 0.5, {}, s);
  EXPECT_EQ(flagged.entity[0], flagged.entity[5]);
  ASSERT_EQ(flagged.flagged.size(), 1u);
}

TEST(Cluster, ClusterSizeIsCapped) {
  std::vector<ScoredPair> pairs;
  for (std::uint32_t r = 0; r + 1 < 10; ++r) pairs.push_back(link(r, r + 1, 20));
  ClusteringSettings s;
  s.max_cluster_size = 4;
  const Clusters c = cluster_records(10, std::vector<std::uint32_t>(10, 0), pairs, 0.5, {}, s);
  std::vector<int> size(c.entities, 0);
  for (auto e : c.entity) ++size[e];
  for (int n : size) EXPECT_LE(n, 4);
}

}  // namespace
}  // namespace uncounted::link
