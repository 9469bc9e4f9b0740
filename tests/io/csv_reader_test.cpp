#include "io/csv_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "model/error.h"

namespace uncounted::io {
namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, "t.csv", options);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (reader.next(fields)) rows.push_back(fields);
  return rows;
}

std::string error_of(const std::string& text, CsvOptions options = {}) {
  try {
    read_all(text, options);
  } catch (const Error& e) {
    return e.one_line();
  }
  return "no error";
}

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndNewlines) {
  auto rows = read_all("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "x,1");
  EXPECT_EQ(rows[1][1], "say \"hi\"");
  EXPECT_EQ(rows[2][0], "two\nlines");
}

TEST(CsvReader, CrlfBomAndNoFinalNewline) {
  auto rows = read_all("\xEF\xBB\xBFsource,name\r\nA,\xEB\xA6\xAC\xEC\xB2\xA0\xED\x98\xB8\r\nB,x");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "source");
  EXPECT_EQ(rows[1][1], "리철호");
  EXPECT_EQ(rows[2][1], "x");
}

TEST(CsvReader, LineNumbersCountEmbeddedNewlines) {
  std::istringstream in("h\n\"a\nb\"\nc\n");
  CsvReader reader(in, "t.csv");
  std::vector<std::string> f;
  ASSERT_TRUE(reader.next(f));
  ASSERT_TRUE(reader.next(f));
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.next(f));
  EXPECT_EQ(reader.line(), 4u);
  EXPECT_FALSE(reader.next(f));
}

TEST(CsvReader, TrimsLeadingSpaceWhenAsked) {
  CsvOptions febrl;
  febrl.trim_leading_space = true;
  auto rows = read_all("rec_id, given_name\nrec-1-org,  mitchell\n", febrl);
  EXPECT_EQ(rows[1][1], "mitchell");
}

TEST(CsvReader, MalformedInputNamesFileAndLine) {
  EXPECT_EQ(error_of("a\n\"open\n"), "unterminated quoted field (t.csv:2)");
  EXPECT_EQ(error_of("a\nx\"y\n"), "quote inside an unquoted field (t.csv:2)");
  EXPECT_EQ(error_of("a\n\"x\"y\n"), "unexpected character after a quoted field (t.csv:2)");
  EXPECT_EQ(error_of("a\nok\n\xC3\x28\n"), "invalid UTF-8 (save the file as UTF-8) (t.csv:3)");
}

TEST(CsvReader, OversizedFieldIsAnErrorNotACrash) {
  CsvOptions small;
  small.max_field_bytes = 1u << 20;
  std::string big = "a\n" + std::string(10u << 20, 'x') + "\n";
  EXPECT_EQ(error_of(big, small), "field longer than 1 MiB (t.csv:2)");
}

TEST(Utf8, RejectsOverlongSurrogatesAndTruncation) {
  EXPECT_TRUE(is_valid_utf8("리철호 Ri Chol Ho 😀"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xEB\xA6"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace
}  // namespace uncounted::io
