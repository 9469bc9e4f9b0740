#pragma once
// The pieces every section of the HTML report is written with: escaped
// text, English beside Korean, a headline figure, numbers.

#include <cstdint>
#include <string>
#include <string_view>

namespace uncounted::report {

// TEXT escaped for HTML.
std::string h(std::string_view text);
// "English <span class=ko lang=ko>한국어</span>", both escaped.
std::string both(std::string_view en, std::string_view ko);
// A headline figure: the value large, its caption in both languages.
std::string figure(std::string_view value, std::string_view en, std::string_view ko);
// A figure with a plain-language comment under it (already HTML).
std::string figure(std::string_view value, std::string_view en, std::string_view ko,
                   const std::string& comment_html);
std::string count(std::int64_t n);  // 1234 -> "1,234"
std::string fixed(double x, int digits);
std::string percent(double share);  // 0.934 -> "93.4%"

}  // namespace uncounted::report
