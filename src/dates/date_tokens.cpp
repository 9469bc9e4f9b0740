#include "dates/date_tokens.h"

#include <array>
#include <cstddef>

#include "model/utf8.h"

namespace uncounted::dates {
namespace {

struct Word {
  std::string_view text;
  TokenKind kind;
  int value;
};

// Words that carry nothing ("the spring of 2009", "in the year 2009").
constexpr std::array<std::string_view, 7> kIgnoredWords = {"the",      "of",     "in", "year",
                                                           "sometime", "during", "ad"};

constexpr std::array<Word, 53> kEnglishWords = {{
    {"january", TokenKind::kMonthName, 1},
    {"jan", TokenKind::kMonthName, 1},
    {"february", TokenKind::kMonthName, 2},
    {"feb", TokenKind::kMonthName, 2},
    {"march", TokenKind::kMonthName, 3},
    {"mar", TokenKind::kMonthName, 3},
    {"april", TokenKind::kMonthName, 4},
    {"apr", TokenKind::kMonthName, 4},
    {"may", TokenKind::kMonthName, 5},
    {"june", TokenKind::kMonthName, 6},
    {"jun", TokenKind::kMonthName, 6},
    {"july", TokenKind::kMonthName, 7},
    {"jul", TokenKind::kMonthName, 7},
    {"august", TokenKind::kMonthName, 8},
    {"aug", TokenKind::kMonthName, 8},
    {"september", TokenKind::kMonthName, 9},
    {"sep", TokenKind::kMonthName, 9},
    {"sept", TokenKind::kMonthName, 9},
    {"october", TokenKind::kMonthName, 10},
    {"oct", TokenKind::kMonthName, 10},
    {"november", TokenKind::kMonthName, 11},
    {"nov", TokenKind::kMonthName, 11},
    {"december", TokenKind::kMonthName, 12},
    {"dec", TokenKind::kMonthName, 12},
    {"spring", TokenKind::kSeason, 1},
    {"summer", TokenKind::kSeason, 2},
    {"autumn", TokenKind::kSeason, 3},
    {"fall", TokenKind::kSeason, 3},
    {"winter", TokenKind::kSeason, 4},
    {"early", TokenKind::kPart, 0},
    {"beginning", TokenKind::kPart, 0},
    {"start", TokenKind::kPart, 0},
    {"mid", TokenKind::kPart, 1},
    {"middle", TokenKind::kPart, 1},
    {"late", TokenKind::kPart, 2},
    {"end", TokenKind::kPart, 2},
    {"c", TokenKind::kApprox, 0},
    {"ca", TokenKind::kApprox, 0},
    {"circa", TokenKind::kApprox, 0},
    {"about", TokenKind::kApprox, 0},
    {"around", TokenKind::kApprox, 0},
    {"approx", TokenKind::kApprox, 0},
    {"approximately", TokenKind::kApprox, 0},
    {"roughly", TokenKind::kApprox, 0},
    {"before", TokenKind::kBefore, 0},
    {"after", TokenKind::kAfter, 0},
    {"since", TokenKind::kSince, 0},
    {"until", TokenKind::kUntil, 0},
    {"till", TokenKind::kUntil, 0},
    {"from", TokenKind::kFrom, 0},
    {"between", TokenKind::kBetween, 0},
    {"and", TokenKind::kAnd, 0},
    {"to", TokenKind::kTo, 0},
}};

constexpr std::array<Word, 4> kMoreEnglishWords = {{
    {"through", TokenKind::kTo, 0},
    {"thru", TokenKind::kTo, 0},
    {"juche", TokenKind::kJuche, 0},
    {"s", TokenKind::kPlural, 0},
}};

// Korean morphemes, longest first where one is a prefix of another, so that
// a greedy left-to-right split of a Hangul run finds them ("년대" before "년").
constexpr std::array<Word, 37> kKoreanWords = {{
    {"년대", TokenKind::kDecadeMark, 0}, {"년도", TokenKind::kYearMark, 0},
    {"년", TokenKind::kYearMark, 0},     {"월", TokenKind::kMonthMark, 0},
    {"일", TokenKind::kDayMark, 0},      {"봄", TokenKind::kSeason, 1},
    {"여름", TokenKind::kSeason, 2},     {"가을", TokenKind::kSeason, 3},
    {"겨울", TokenKind::kSeason, 4},     {"주체", TokenKind::kJuche, 0},
    {"초순", TokenKind::kPart, 0},       {"상순", TokenKind::kPart, 0},
    {"중순", TokenKind::kPart, 1},       {"하순", TokenKind::kPart, 2},
    {"초반", TokenKind::kPart, 0},       {"중반", TokenKind::kPart, 1},
    {"후반", TokenKind::kPart, 2},       {"초", TokenKind::kPart, 0},
    {"중", TokenKind::kPart, 1},         {"말", TokenKind::kPart, 2},
    {"경", TokenKind::kApprox, 0},       {"쯤", TokenKind::kApprox, 0},
    {"께", TokenKind::kApprox, 0},       {"무렵", TokenKind::kApprox, 0},
    {"즈음", TokenKind::kApprox, 0},     {"약", TokenKind::kApprox, 0},
    {"대략", TokenKind::kApprox, 0},     {"이전", TokenKind::kBefore, 0},
    {"이후", TokenKind::kAfter, 0},      {"전", TokenKind::kBefore, 0},
    {"후", TokenKind::kAfter, 0},        {"부터", TokenKind::kFrom, 0},
    {"에서", TokenKind::kFrom, 0},       {"까지", TokenKind::kUntil, 0},
    {"사이", TokenKind::kBetween, 0},    {"과", TokenKind::kAnd, 0},
    {"와", TokenKind::kAnd, 0},
}};

// A particle that adds nothing: "2009년에" (in 2009). Checked after
// kKoreanWords, so that "에서" (from) is found first.
constexpr std::string_view kIgnoredKoreanParticle = "에";

constexpr std::size_t kMaxTokens = 40;

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

class Tokenizer {
 public:
  Tokenizer(std::vector<Token>& out, DateProblem* problem) : out_(out), problem_(problem) {}

  bool run(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= '0' && c <= '9') {
        std::size_t j = i;
        int value = 0;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
          if (j - i >= 6) return fail(DateProblem::kUnrecognized);  // no date has 7 digits
          value = value * 10 + (text[j] - '0');
          ++j;
        }
        if (!push({TokenKind::kNumber, value, static_cast<int>(j - i)})) return false;
        i = j;
      } else if (is_ascii_letter(c)) {
        std::size_t j = i;
        char word[16];
        std::size_t n = 0;
        while (j < text.size() && is_ascii_letter(static_cast<unsigned char>(text[j]))) {
          if (n == sizeof word) return fail(DateProblem::kUnrecognized);
          word[n++] = static_cast<char>(text[j] | 0x20);
          ++j;
        }
        if (!english_word(std::string_view(word, n))) return false;
        i = j;
      } else if (c < 0x80) {
        if (!ascii_mark(c)) return false;
        ++i;
      } else {
        char32_t cp = 0;
        const std::size_t len = decode_utf8_at(text, i, &cp);
        if (len == 0) return fail(DateProblem::kInvalidUtf8);
        if (is_hangul_syllable(cp)) {
          std::size_t j = i + len;
          char32_t next = 0;
          std::size_t next_len = 0;
          while (j < text.size() && (next_len = decode_utf8_at(text, j, &next)) != 0 &&
                 is_hangul_syllable(next)) {
            j += next_len;
          }
          if (!korean_run(text.substr(i, j - i))) return false;
          i = j;
        } else {
          if (!unicode_mark(cp)) return false;
          i += len;
        }
      }
    }
    return rewrite_juche();
  }

 private:
  bool fail(DateProblem p) {
    *problem_ = p;
    return false;
  }

  bool push(Token t) {
    if (out_.size() == kMaxTokens) return fail(DateProblem::kUnrecognized);
    out_.push_back(t);
    return true;
  }

  bool english_word(std::string_view w) {
    // "14th", "1st": an ordinal suffix right after a number.
    if ((w == "st" || w == "nd" || w == "rd" || w == "th") && !out_.empty() &&
        out_.back().kind == TokenKind::kNumber) {
      return true;
    }
    for (std::string_view ignored : kIgnoredWords) {
      if (w == ignored) return true;
    }
    for (const Word& e : kEnglishWords) {
      if (w == e.text) return push({e.kind, e.value});
    }
    for (const Word& e : kMoreEnglishWords) {
      if (w == e.text) return push({e.kind, e.value});
    }
    return fail(DateProblem::kUnrecognized);
  }

  bool korean_run(std::string_view run) {
    while (!run.empty()) {
      bool found = false;
      for (const Word& e : kKoreanWords) {
        if (run.starts_with(e.text)) {
          if (!push({e.kind, e.value})) return false;
          run.remove_prefix(e.text.size());
          found = true;
          break;
        }
      }
      if (found) continue;
      if (!run.starts_with(kIgnoredKoreanParticle)) return fail(DateProblem::kUnrecognized);
      run.remove_prefix(kIgnoredKoreanParticle.size());
    }
    return true;
  }

  bool ascii_mark(unsigned char c) {
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case ',':
      case '\'':
      case '"':
        return true;
      case '-':
        return push({TokenKind::kDash});
      case '/':
        return push({TokenKind::kSlash});
      case '.':
        // "Mar.", "c.", "approx." : a dot that ends an abbreviation.
        if (!out_.empty() && out_.back().kind != TokenKind::kNumber &&
            out_.back().kind != TokenKind::kDot) {
          return true;
        }
        return push({TokenKind::kDot});
      case '~':
        return push({TokenKind::kTilde});
      case '?':
        return push({TokenKind::kQuestion});
      case '(':
        return push({TokenKind::kOpenParen});
      case ')':
        return push({TokenKind::kCloseParen});
      default:
        return fail(DateProblem::kUnrecognized);
    }
  }

  bool unicode_mark(char32_t cp) {
    switch (cp) {
      case 0x00A0:  // no-break space
      case 0x3000:  // ideographic space
      case 0x2018:  // ‘ ’
      case 0x2019:
        return true;
      case 0x2010:  // ‐ ‑ ‒ – — −
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2212:
        return push({TokenKind::kDash});
      case 0x301C:  // 〜 ～
      case 0xFF5E:
        return push({TokenKind::kTilde});
      default:
        return fail(DateProblem::kUnrecognized);
    }
  }

  // Juche N -> year N + 1911; "Juche 98 (2009)" and "2009 (Juche 98)" are
  // checked for agreement and reduced to one year.
  bool rewrite_juche() {
    const auto to_gregorian = [this](Token& t) {
      if (t.value == 0) return fail(DateProblem::kJucheYearZero);
      if (t.value > 2100 - 1911) return fail(DateProblem::kYearOutOfRange);
      t = {TokenKind::kNumber, t.value + 1911, 4, true};
      return true;
    };
    std::vector<Token> rewritten;
    rewritten.reserve(out_.size());
    for (std::size_t i = 0; i < out_.size(); ++i) {
      if (out_[i].kind != TokenKind::kJuche) {
        rewritten.push_back(out_[i]);
        continue;
      }
      if (i + 1 >= out_.size() || out_[i + 1].kind != TokenKind::kNumber) {
        return fail(DateProblem::kUnrecognized);
      }
      if (!to_gregorian(out_[i + 1])) return false;
      // "Juche 97-98": the far end of a range is a Juche year as well.
      if (i + 3 < out_.size() && out_[i + 3].kind == TokenKind::kNumber &&
          out_[i + 3].digits <= 3 &&
          (out_[i + 2].kind == TokenKind::kDash || out_[i + 2].kind == TokenKind::kSlash ||
           out_[i + 2].kind == TokenKind::kTilde || out_[i + 2].kind == TokenKind::kTo) &&
          !to_gregorian(out_[i + 3])) {
        return false;
      }
    }
    out_.clear();
    for (std::size_t i = 0; i < rewritten.size(); ++i) {
      const Token& t = rewritten[i];
      if (t.kind == TokenKind::kNumber && i + 3 < rewritten.size() &&
          rewritten[i + 1].kind == TokenKind::kOpenParen &&
          rewritten[i + 2].kind == TokenKind::kNumber &&
          rewritten[i + 3].kind == TokenKind::kCloseParen &&
          (t.from_juche || rewritten[i + 2].from_juche)) {
        if (t.value != rewritten[i + 2].value) return fail(DateProblem::kJucheMismatch);
        out_.push_back(t);
        i += 3;
        continue;
      }
      out_.push_back(t);
    }
    return true;
  }

  std::vector<Token>& out_;
  DateProblem* problem_;
};

}  // namespace

bool tokenize(std::string_view text, std::vector<Token>& tokens, DateProblem* problem) {
  tokens.clear();
  Tokenizer tokenizer(tokens, problem);
  return tokenizer.run(text);
}

}  // namespace uncounted::dates
