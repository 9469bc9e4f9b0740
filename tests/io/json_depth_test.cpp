// Risk: a document nested deeper than the program can serialize (a
// 100,000-level testimony crashed import and the web server).

#include "io/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace uncounted::io {
namespace {

TEST(JsonDepth, CountsNestingOutsideStrings) {
  EXPECT_FALSE(json_nested_deeper_than(R"({"a": [1, {"b": [2]}]})", 4));
  EXPECT_TRUE(json_nested_deeper_than(R"({"a": [1, {"b": [2]}]})", 3));
  // Brackets inside strings, escaped quotes included, do not nest.
  EXPECT_FALSE(json_nested_deeper_than(R"({"a": "[[[[{{{{\"[[["})", 1));
  // Depth is the deepest point, not the number of brackets.
  EXPECT_FALSE(json_nested_deeper_than("[[],[],[],[],[]]", 2));
}

TEST(JsonDepth, RefusesAHundredThousandLevels) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_TRUE(json_nested_deeper_than(deep));
  EXPECT_FALSE(json_nested_deeper_than(std::string(64, '[') + std::string(64, ']')));
}

}  // namespace
}  // namespace uncounted::io
