// The tokens the temporal tagger reads: words tagged with the few dozen words that matter to
// dates (months, weekdays, "yesterday", "before", "the" …), numbers and punctuation, with byte
// offsets. One pass, no allocation beyond the reused vector.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace salvo::time_tokens {

// Words the patterns look at. Every other word is kOther.
enum class Lex : uint8_t {
  kOther,
  kMonth,      // value 1..12
  kWeekday,    // value 0..6 (Sunday = 0)
  kYesterday, kToday, kTonight, kTomorrow, kOvernight,
  kLast, kNext, kThis, kThat, kPast, kComing, kPrevious, kFollowing, kPrior, kSame,
  kEarlier, kLater, kEarly, kLate, kMid, kEnd, kBeginning, kMiddle, kStart,
  kMorning, kAfternoon, kEvening, kNight, kDawn,
  kDay, kWeek, kWeekend, kMonthUnit, kYearUnit, kHour,  // value 1 when plural
  kAgo, kBefore, kAfter, kSince, kUntil,
  kThe, kOn, kIn, kOf, kAt, kBy, kFrom, kDuring, kOver, kBetween, kAnd,
  kA,          // "a", "an": one
  kNumberWord, // value 1..12
  kFew, kSeveral, kCouple,
  kVague,      // less, more, nearly, almost, about, around, some, within, just, roughly
  kThan,
  kCome,       // comes, came, coming, come: "X comes a week after Y" → Y is the earlier
  kFuture,     // will, shall, ll, upcoming, expected, scheduled, plans, planned, due
  kAm, kPm,    // am, pm (and the letters of a.m./p.m. handled by the scanner)
  kTimeZone,   // gmt, utc, est, edt, et, cet, ast
  kLocal,      // local (time)
  kTime,       // time
  kOrdinalSuffix,  // st, nd, rd, th (only when glued to a number)
  kAnniversary,  // "the anniversary of the 2020 killing": dates a past event by the day of this one
  kCountWord,  // a number word only find_numbers reads: zero, thirteen…ninety, first…twelfth (value 1..12), dozen(s), scores …
};

// Words find_numbers may read as a number, or as the head of one ("twenty" of "twenty-five").
constexpr bool is_number_head(Lex lex) {
  return lex == Lex::kNumberWord || lex == Lex::kSeveral || lex == Lex::kCountWord;
}

enum class TokenType : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenType type = TokenType::kPunct;
  Lex lex = Lex::kOther;
  char punct = 0;        // for kPunct: the ASCII char; ’ ‘ → '\'', – — → '~', other non-ASCII → '#'
  uint8_t digits = 0;    // for kNumber
  bool glued = false;    // number with letters glued on ("15E", "240mm"), never a date part
  bool ordinal = false;  // "15th", "3rd"
  int32_t value = 0;     // number value, month 1..12, weekday 0..6, plural flag, number word
};

// What a sentence's tokens can start. Most sentences have neither, and the recognizer skips the
// temporal tagger and the number finder for them.
struct Cues {
  bool time = false;    // a number, or a word a time expression hinges on (month, weekday, "yesterday", "day" …)
  bool number = false;  // a place where find_numbers may start: a number, or a number word ("three", "first", "dozens")
};

// Tokenizes `text` into `out` (cleared first).
Cues tokenize(std::string_view text, std::vector<Token>& out);

// The words that raise a cue (lower case). A text with neither one of them as a whole word nor
// a digit gets no cue, so a caller that already knows which words a text holds can skip it.
std::vector<std::string_view> cue_words();

}  // namespace salvo::time_tokens
