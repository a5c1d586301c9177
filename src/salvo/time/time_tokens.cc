#include "salvo/time/time_tokens.h"

#include <array>
#include <cstring>

namespace salvo::time_tokens {
namespace {

struct Entry {
  const char* word;
  Lex lex;
  int value;
};

// The vocabulary of news dates. Weekday abbreviations are left out: "Sat", "Wed" and "Sun" are
// far more often something else in news text than a day.
constexpr Entry kEntries[] = {
    {"january", Lex::kMonth, 1}, {"jan", Lex::kMonth, 1}, {"february", Lex::kMonth, 2},
    {"feb", Lex::kMonth, 2}, {"march", Lex::kMonth, 3}, {"mar", Lex::kMonth, 3},
    {"april", Lex::kMonth, 4}, {"apr", Lex::kMonth, 4}, {"may", Lex::kMonth, 5},
    {"june", Lex::kMonth, 6}, {"jun", Lex::kMonth, 6}, {"july", Lex::kMonth, 7},
    {"jul", Lex::kMonth, 7}, {"august", Lex::kMonth, 8}, {"aug", Lex::kMonth, 8},
    {"september", Lex::kMonth, 9}, {"sep", Lex::kMonth, 9}, {"sept", Lex::kMonth, 9},
    {"october", Lex::kMonth, 10}, {"oct", Lex::kMonth, 10}, {"november", Lex::kMonth, 11},
    {"nov", Lex::kMonth, 11}, {"december", Lex::kMonth, 12}, {"dec", Lex::kMonth, 12},
    {"sunday", Lex::kWeekday, 0}, {"monday", Lex::kWeekday, 1}, {"tuesday", Lex::kWeekday, 2},
    {"wednesday", Lex::kWeekday, 3}, {"thursday", Lex::kWeekday, 4}, {"friday", Lex::kWeekday, 5},
    {"saturday", Lex::kWeekday, 6},
    {"yesterday", Lex::kYesterday, 0}, {"today", Lex::kToday, 0}, {"tonight", Lex::kTonight, 0},
    {"tomorrow", Lex::kTomorrow, 0}, {"overnight", Lex::kOvernight, 0},
    {"last", Lex::kLast, 0}, {"next", Lex::kNext, 0}, {"this", Lex::kThis, 0},
    {"that", Lex::kThat, 0}, {"past", Lex::kPast, 0}, {"coming", Lex::kComing, 0},
    {"previous", Lex::kPrevious, 0}, {"following", Lex::kFollowing, 0}, {"prior", Lex::kPrior, 0},
    {"same", Lex::kSame, 0}, {"earlier", Lex::kEarlier, 0}, {"later", Lex::kLater, 0},
    {"early", Lex::kEarly, 0}, {"late", Lex::kLate, 0}, {"mid", Lex::kMid, 0},
    {"end", Lex::kEnd, 0}, {"beginning", Lex::kBeginning, 0}, {"middle", Lex::kMiddle, 0},
    {"start", Lex::kStart, 0}, {"morning", Lex::kMorning, 0}, {"afternoon", Lex::kAfternoon, 0},
    {"evening", Lex::kEvening, 0}, {"night", Lex::kNight, 0}, {"dawn", Lex::kDawn, 0},
    {"day", Lex::kDay, 0}, {"days", Lex::kDay, 1}, {"week", Lex::kWeek, 0},
    {"weeks", Lex::kWeek, 1}, {"weekend", Lex::kWeekend, 0}, {"month", Lex::kMonthUnit, 0},
    {"months", Lex::kMonthUnit, 1}, {"year", Lex::kYearUnit, 0}, {"years", Lex::kYearUnit, 1},
    {"hour", Lex::kHour, 0}, {"hours", Lex::kHour, 1},
    {"ago", Lex::kAgo, 0}, {"before", Lex::kBefore, 0}, {"after", Lex::kAfter, 0},
    {"since", Lex::kSince, 0}, {"until", Lex::kUntil, 0}, {"till", Lex::kUntil, 0},
    {"the", Lex::kThe, 0}, {"on", Lex::kOn, 0}, {"in", Lex::kIn, 0}, {"of", Lex::kOf, 0},
    {"at", Lex::kAt, 0}, {"by", Lex::kBy, 0}, {"from", Lex::kFrom, 0}, {"during", Lex::kDuring, 0},
    {"over", Lex::kOver, 0}, {"between", Lex::kBetween, 0}, {"and", Lex::kAnd, 0},
    {"a", Lex::kA, 1}, {"an", Lex::kA, 1},
    {"one", Lex::kNumberWord, 1}, {"two", Lex::kNumberWord, 2}, {"three", Lex::kNumberWord, 3},
    {"four", Lex::kNumberWord, 4}, {"five", Lex::kNumberWord, 5}, {"six", Lex::kNumberWord, 6},
    {"seven", Lex::kNumberWord, 7}, {"eight", Lex::kNumberWord, 8}, {"nine", Lex::kNumberWord, 9},
    {"ten", Lex::kNumberWord, 10}, {"eleven", Lex::kNumberWord, 11}, {"twelve", Lex::kNumberWord, 12},
    {"few", Lex::kFew, 0}, {"several", Lex::kSeveral, 0}, {"couple", Lex::kCouple, 0},
    {"less", Lex::kVague, 0}, {"more", Lex::kVague, 0}, {"nearly", Lex::kVague, 0},
    {"almost", Lex::kVague, 0}, {"about", Lex::kVague, 0}, {"around", Lex::kVague, 0},
    {"some", Lex::kVague, 0}, {"within", Lex::kVague, 0}, {"just", Lex::kVague, 0},
    {"roughly", Lex::kVague, 0}, {"approximately", Lex::kVague, 0}, {"than", Lex::kThan, 0},
    {"comes", Lex::kCome, 0}, {"came", Lex::kCome, 0},
    {"come", Lex::kCome, 0},
    {"will", Lex::kFuture, 0}, {"shall", Lex::kFuture, 0}, {"ll", Lex::kFuture, 0},
    {"upcoming", Lex::kFuture, 0}, {"expected", Lex::kFuture, 0}, {"scheduled", Lex::kFuture, 0},
    {"plans", Lex::kFuture, 0}, {"planned", Lex::kFuture, 0}, {"due", Lex::kFuture, 0},
    {"am", Lex::kAm, 0}, {"pm", Lex::kPm, 0},
    {"gmt", Lex::kTimeZone, 0}, {"utc", Lex::kTimeZone, 0}, {"est", Lex::kTimeZone, 0},
    {"edt", Lex::kTimeZone, 0}, {"et", Lex::kTimeZone, 0}, {"cet", Lex::kTimeZone, 0},
    {"ast", Lex::kTimeZone, 0}, {"local", Lex::kLocal, 0}, {"time", Lex::kTime, 0},
    {"st", Lex::kOrdinalSuffix, 0}, {"nd", Lex::kOrdinalSuffix, 0}, {"rd", Lex::kOrdinalSuffix, 0},
    {"th", Lex::kOrdinalSuffix, 0},
};

constexpr size_t kMaxWord = 13;  // "approximately"

// Entries bucketed by (length, first letter), so a word costs one bucket scan of 0–3 entries.
struct Index {
  std::array<std::array<std::array<int16_t, 8>, 26>, kMaxWord + 1> buckets;
  Index() {
    for (auto& by_letter : buckets)
      for (auto& bucket : by_letter) bucket.fill(-1);
    for (size_t i = 0; i < std::size(kEntries); ++i) {
      const size_t length = std::strlen(kEntries[i].word);
      auto& bucket = buckets[length][static_cast<size_t>(kEntries[i].word[0] - 'a')];
      for (auto& slot : bucket) {
        if (slot < 0) {
          slot = static_cast<int16_t>(i);
          break;
        }
      }
    }
  }
};

const Index& index() {
  static const Index kIndex;
  return kIndex;
}

bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

void tag_word(std::string_view text, Token& token) {
  const size_t length = token.end - token.begin;
  if (length > kMaxWord) return;
  char lower[kMaxWord];
  for (size_t i = 0; i < length; ++i) lower[i] = static_cast<char>(text[token.begin + i] | 0x20);
  const auto& bucket = index().buckets[length][static_cast<size_t>(lower[0] - 'a')];
  for (int16_t slot : bucket) {
    if (slot < 0) return;
    const Entry& entry = kEntries[slot];
    // Words of a few letters: a byte loop is cheaper than a memcmp call.
    size_t k = 0;
    while (k < length && entry.word[k] == lower[k]) ++k;
    if (k == length) {
      token.lex = entry.lex;
      token.value = entry.value;
      return;
    }
  }
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = bytes[i];
    if (c <= ' ') {
      ++i;
      continue;
    }
    Token token;
    token.begin = static_cast<uint32_t>(i);
    if (is_alpha(c)) {
      size_t j = i + 1;
      while (j < n && is_alpha(bytes[j])) ++j;
      token.type = TokenType::kWord;
      token.end = static_cast<uint32_t>(j);
      tag_word(text, token);
      // "15th": the suffix belongs to the number before it.
      if (token.lex == Lex::kOrdinalSuffix && !out.empty() && out.back().type == TokenType::kNumber &&
          out.back().end == token.begin) {
        out.back().ordinal = true;
        out.back().glued = false;
        out.back().end = token.end;
        i = j;
        continue;
      }
      // "240mm", "15E" are not dates; the ISO 8601 "T" in "2023-11-24T08:00Z" does not glue.
      const bool iso_t = j - i == 1 && (c | 0x20) == 't' && j < n && is_digit(bytes[j]);
      if (!iso_t && !out.empty() && out.back().type == TokenType::kNumber && out.back().end == token.begin) {
        out.back().glued = true;
      }
      out.push_back(token);
      i = j;
      continue;
    }
    if (is_digit(c)) {
      size_t j = i;
      int64_t value = 0;
      while (j < n && is_digit(bytes[j])) {
        if (value < 100000000) value = value * 10 + (bytes[j] - '0');
        ++j;
      }
      token.type = TokenType::kNumber;
      token.end = static_cast<uint32_t>(j);
      token.digits = static_cast<uint8_t>(j - i > 255 ? 255 : j - i);
      token.value = static_cast<int32_t>(value);
      if (!out.empty() && out.back().type == TokenType::kWord && out.back().end == token.begin) {
        token.glued = true;  // "F15", "A10"
      }
      out.push_back(token);
      i = j;
      continue;
    }
    token.type = TokenType::kPunct;
    if (c < 0x80) {
      token.punct = static_cast<char>(c);
      token.end = static_cast<uint32_t>(i + 1);
      i += 1;
    } else {
      size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (i + length > n) length = n - i;
      token.punct = '#';
      if (length == 3 && c == 0xE2 && bytes[i + 1] == 0x80) {
        const unsigned char d = bytes[i + 2];
        if (d == 0x98 || d == 0x99) token.punct = '\'';
        else if (d == 0x93 || d == 0x94) token.punct = '~';
      }
      token.end = static_cast<uint32_t>(i + length);
      i += length;
    }
    out.push_back(token);
  }
}

}  // namespace salvo::time_tokens
