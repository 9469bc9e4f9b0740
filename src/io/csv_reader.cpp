#include "io/csv_reader.h"

#include "model/error.h"
#include "model/utf8.h"

namespace uncounted::io {
namespace {

constexpr std::size_t kBufferBytes = 1u << 16;

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string file_name, CsvOptions options)
    : in_(in), file_name_(std::move(file_name)), options_(options), buffer_(kBufferBytes) {}

void CsvReader::refill() {
  if (eof_) return;
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  end_ = static_cast<std::size_t>(in_.gcount());
  pos_ = 0;
  if (end_ == 0) {
    eof_ = true;
    if (in_.bad()) throw runtime_error("cannot read the file", file_name_);
  }
}

int CsvReader::peek() {
  if (pos_ == end_) refill();
  return pos_ < end_ ? static_cast<unsigned char>(buffer_[pos_]) : -1;
}

int CsvReader::get() {
  const int c = peek();
  if (c >= 0) {
    ++pos_;
    ++bytes_read_;
  }
  return c;
}

void CsvReader::check_field(const std::string& field) const {
  if (options_.validate_utf8 && !is_valid_utf8(field)) {
    throw invalid_input(not_utf8_message(field), file_name_ + ":" + std::to_string(row_line_));
  }
}

bool CsvReader::next(std::vector<std::string>& fields) {
  if (at_start_) {
    at_start_ = false;
    // A UTF-8 byte order mark is not part of the first column's name.
    if (peek() == 0xEF) {
      get();
      if (get() != 0xBB || get() != 0xBF) {
        throw invalid_input("invalid UTF-8", file_name_ + ":1");
      }
    }
  }
  if (peek() < 0) return false;
  row_line_ = line_;
  std::size_t count = 0;
  auto where = [this] { return file_name_ + ":" + std::to_string(row_line_); };
  for (;;) {
    if (count == fields.size()) fields.emplace_back();
    std::string& field = fields[count++];
    field.clear();
    if (options_.trim_leading_space) {
      while (peek() == ' ') get();
    }
    int c = peek();
    if (c == '"') {
      get();
      for (;;) {
        c = get();
        if (c < 0) throw invalid_input("unterminated quoted field", where());
        if (c == '"') {
          if (peek() == '"') {
            get();
            field.push_back('"');
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        field.push_back(static_cast<char>(c));
        if (field.size() > options_.max_field_bytes) {
          throw invalid_input(
              "field longer than " + std::to_string(options_.max_field_bytes >> 20) + " MiB",
              where());
        }
      }
      c = peek();
      if (c != options_.delimiter && c != '\n' && c != '\r' && c >= 0) {
        throw invalid_input("unexpected character after a quoted field", where());
      }
    } else {
      for (;;) {
        c = peek();
        if (c < 0 || c == options_.delimiter || c == '\n' || c == '\r') break;
        if (c == '"') throw invalid_input("quote inside an unquoted field", where());
        field.push_back(static_cast<char>(get()));
        if (field.size() > options_.max_field_bytes) {
          throw invalid_input(
              "field longer than " + std::to_string(options_.max_field_bytes >> 20) + " MiB",
              where());
        }
      }
    }
    check_field(field);
    c = get();
    if (c == options_.delimiter) continue;
    if (c == '\r') {
      if (peek() == '\n') get();
      ++line_;
    } else if (c == '\n') {
      ++line_;
    }
    break;  // end of row (or of input)
  }
  fields.resize(count);
  return true;
}

bool is_valid_utf8(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = decode_utf8_at(s, i, &cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string not_utf8_message(std::string_view s) {
  // CP949 (Excel's "CSV" on Korean Windows): ASCII, or a lead byte
  // 0x81-0xFE and a trail byte 0x41-0x5A, 0x61-0x7A or 0x81-0xFE.
  bool cp949 = true, korean = false;
  for (std::size_t i = 0; i < s.size() && cp949; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) continue;
    const auto t = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    const bool trail =
        (t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE);
    cp949 = b >= 0x81 && b <= 0xFE && trail;
    korean = korean || cp949;
    ++i;
  }
  if (cp949 && korean) {
    return "the file is not UTF-8: it looks like Korean in the Windows encoding (CP949/EUC-KR); "
           "save it as \"CSV UTF-8\" or convert it with: iconv -f CP949 -t UTF-8 FILE > NEW";
  }
  return "invalid UTF-8 (save the file as UTF-8)";
}

}  // namespace uncounted::io
