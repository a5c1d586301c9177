#include "salvo/time/time_tokens.h"

#include <array>
#include <bit>
#include <cstring>

#include "salvo/base/ascii8.h"
#include "salvo/base/utf8.h"

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
    {"th", Lex::kOrdinalSuffix, 0}, {"anniversary", Lex::kAnniversary, 0},
    // Only for the number cue: the words find_numbers reads that the time patterns do not (a
    // hyphenated "twenty-five" starts with a tens word).
    {"zero", Lex::kCountWord, 0}, {"thirteen", Lex::kCountWord, 0}, {"fourteen", Lex::kCountWord, 0},
    {"fifteen", Lex::kCountWord, 0}, {"sixteen", Lex::kCountWord, 0}, {"seventeen", Lex::kCountWord, 0},
    {"eighteen", Lex::kCountWord, 0}, {"nineteen", Lex::kCountWord, 0}, {"twenty", Lex::kCountWord, 0},
    {"thirty", Lex::kCountWord, 0}, {"forty", Lex::kCountWord, 0}, {"fifty", Lex::kCountWord, 0},
    {"sixty", Lex::kCountWord, 0}, {"seventy", Lex::kCountWord, 0}, {"eighty", Lex::kCountWord, 0},
    {"ninety", Lex::kCountWord, 0}, {"first", Lex::kCountWord, 1}, {"second", Lex::kCountWord, 2},
    {"third", Lex::kCountWord, 3}, {"fourth", Lex::kCountWord, 4}, {"fifth", Lex::kCountWord, 5},
    {"sixth", Lex::kCountWord, 6}, {"seventh", Lex::kCountWord, 7}, {"eighth", Lex::kCountWord, 8},
    {"ninth", Lex::kCountWord, 9}, {"tenth", Lex::kCountWord, 10}, {"eleventh", Lex::kCountWord, 11},
    {"twelfth", Lex::kCountWord, 12}, {"dozen", Lex::kCountWord, 0}, {"dozens", Lex::kCountWord, 0},
    {"scores", Lex::kCountWord, 0}, {"multiple", Lex::kCountWord, 0}, {"numerous", Lex::kCountWord, 0},
};

// Words that head a time expression (Scanner::run dispatches on them).
constexpr bool is_time_head(Lex lex) {
  switch (lex) {
    case Lex::kMonth: case Lex::kWeekday: case Lex::kYesterday: case Lex::kToday: case Lex::kTonight:
    case Lex::kTomorrow: case Lex::kOvernight: case Lex::kNight: case Lex::kDay: case Lex::kWeek:
    case Lex::kMonthUnit: case Lex::kYearUnit: case Lex::kWeekend: case Lex::kHour:
      return true;
    default:
      return false;
  }
}

constexpr size_t word_length(const char* word) {
  size_t n = 0;
  while (word[n] != 0) ++n;
  return n;
}

// A word's first eight letters in lower case, one byte each from the low end: comparing a word
// with an entry is then mostly one integer comparison.
constexpr uint64_t pack_head(const char* word, size_t length) {
  uint64_t head = 0;
  for (size_t k = 0; k < length && k < 8; ++k) {
    head |= static_cast<uint64_t>(static_cast<unsigned char>(word[k]) | 0x20) << (8 * k);
  }
  return head;
}

// Entries by a perfect hash of (head, length): a word costs one table read and one comparison,
// found or not, instead of a scan with a branch per entry. The multiplier is searched at compile
// time for one that gives every entry a slot of its own.
constexpr size_t kHashBits = 12;
static_assert(std::size(kEntries) < 255, "slots hold an entry number in a byte");

constexpr size_t hash_slot(uint64_t head, size_t length, uint64_t multiplier) {
  return static_cast<size_t>(((head ^ length) * multiplier) >> (64 - kHashBits));
}

struct Index {
  struct Known {
    uint64_t head = 0;  // pack_head of the word; 0 (no word's) in the sentinel
    uint8_t length = 0;
    Lex lex = Lex::kOther;
    int16_t value = 0;
  };
  uint64_t multiplier = 0;
  std::array<uint8_t, size_t{1} << kHashBits> slots{};  // entry + 1; 0 for the sentinel
  std::array<Known, std::size(kEntries) + 1> known{};     // [0]: the sentinel, then kEntries

  constexpr Index() {
    for (size_t i = 0; i < std::size(kEntries); ++i) {
      const size_t length = word_length(kEntries[i].word);
      known[i + 1] = {pack_head(kEntries[i].word, length), static_cast<uint8_t>(length), kEntries[i].lex,
                      static_cast<int16_t>(kEntries[i].value)};
    }
    // Odd multipliers from a fixed sequence until one spreads the entries without a collision.
    for (uint64_t candidate = 0x9E3779B97F4A7C15;; candidate = candidate * 6364136223846793005 + 1442695040888963407) {
      multiplier = candidate | 1;
      slots.fill(0);
      bool collision = false;
      for (size_t i = 1; i < known.size() && !collision; ++i) {
        uint8_t& slot = slots[hash_slot(known[i].head, known[i].length, multiplier)];
        collision = slot != 0;
        slot = static_cast<uint8_t>(i);
      }
      if (!collision) break;
    }
  }
};
constexpr Index kIndex;

bool is_alpha(unsigned char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }  // one compare
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

struct Tag {
  Lex lex = Lex::kOther;
  int value = 0;
};

// The tag of the word of `length` ASCII letters at `word`, whose first eight letters lower-cased
// are `head` (pack_head).
Tag tag_word(const unsigned char* word, size_t length, uint64_t head) {
  const uint8_t slot = kIndex.slots[hash_slot(head, length, kIndex.multiplier)];
  const Index::Known& known = kIndex.known[slot];
  // Found or not without a branch: about every third word of news is one of these ("the", "on",
  // "in", "of"), in an order no predictor learns, and a mispredicted branch a word cost more
  // than the look-up. The sentinel's head matches no word, so slot 0 is never a hit.
  // (Written as masks: the compiler turns `hit ? … : …` back into branches.)
  const bool hit = ((known.head ^ head) | (known.length ^ length)) == 0;
  const auto keep = static_cast<uint8_t>(0u - static_cast<unsigned>(hit));  // all ones on a hit
  const Tag tag{static_cast<Lex>(static_cast<uint8_t>(known.lex) & keep), known.value & -static_cast<int>(hit)};
  if (length > 8 && hit) {
    // Past the eighth letter (a few long words), byte by byte.
    const char* letters = kEntries[slot - 1].word;
    for (size_t k = 8; k < length; ++k) {
      if (letters[k] != static_cast<char>(word[k] | 0x20)) return {};
    }
  }
  return tag;
}

}  // namespace

std::vector<std::string_view> cue_words() {
  std::vector<std::string_view> words;
  for (const Entry& entry : kEntries) {
    if (is_time_head(entry.lex) || is_number_head(entry.lex)) words.emplace_back(entry.word);
  }
  return words;
}

Cues tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  Cues cues;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = bytes[i];
    if (c <= ' ') {
      ++i;
      continue;
    }
    // The token's fields, stored one by one into the vector at the end: a Token built on the
    // stack and copied in stalls on store forwarding.
    const size_t begin = i;
    TokenType type = TokenType::kPunct;
    Tag tag;
    char punct = 0;
    uint8_t digits = 0;
    bool glued = false;
    Token* previous = out.empty() ? nullptr : &out.back();
    if (is_alpha(c)) {
      // The word's end and its head (pack_head) from eight bytes at once, when there are eight.
      const bool eight = ascii8::kUsable && n - begin >= 8;
      const uint64_t x = eight ? ascii8::load(bytes + begin) : 0;
      i = eight ? begin + ascii8::leading(ascii8::letters(x)) : begin + 1;
      while (i < n && is_alpha(bytes[i])) ++i;  // past the eighth letter, or near the end
      const uint64_t head = eight ? ascii8::lowered_head(x, i - begin)
                                  : pack_head(reinterpret_cast<const char*>(bytes + begin), i - begin);
      type = TokenType::kWord;
      tag = tag_word(bytes + begin, i - begin, head);
      cues.time |= is_time_head(tag.lex);
      cues.number |= is_number_head(tag.lex);
      const bool after_number = previous && previous->type == TokenType::kNumber && previous->end == begin;
      // "15th": the suffix belongs to the number before it.
      if (tag.lex == Lex::kOrdinalSuffix && after_number) {
        previous->ordinal = true;
        previous->glued = false;
        previous->end = static_cast<uint32_t>(i);
        continue;
      }
      // "240mm", "15E" are not dates; the ISO 8601 "T" in "2023-11-24T08:00Z" does not glue.
      const bool iso_t = i - begin == 1 && (c | 0x20) == 't' && i < n && is_digit(bytes[i]);
      if (!iso_t && after_number) previous->glued = true;
    } else if (is_digit(c)) {
      int64_t value = 0;
      while (i < n && is_digit(bytes[i])) {
        if (value < 100000000) value = value * 10 + (bytes[i] - '0');
        ++i;
      }
      type = TokenType::kNumber;
      digits = static_cast<uint8_t>(i - begin > 255 ? 255 : i - begin);
      tag.value = static_cast<int32_t>(value);
      glued = previous && previous->type == TokenType::kWord && previous->end == begin;  // "F15", "A10"
      cues.time = cues.number = true;
    } else if (c < 0x80) {
      punct = static_cast<char>(c);
      ++i;
    } else {
      size_t length = utf8_length(c);
      if (i + length > n) length = n - i;
      punct = '#';
      if (length == 3 && c == 0xE2 && bytes[i + 1] == 0x80) {
        const unsigned char d = bytes[i + 2];
        if (d == 0x98 || d == 0x99) punct = '\'';
        else if (d == 0x93 || d == 0x94) punct = '~';
      }
      i += length;
    }
    Token& token = out.emplace_back();
    token.begin = static_cast<uint32_t>(begin);
    token.end = static_cast<uint32_t>(i);
    token.type = type;
    token.lex = tag.lex;
    token.punct = punct;
    token.digits = digits;
    token.glued = glued;
    token.value = tag.value;
  }
  return cues;
}

}  // namespace salvo::time_tokens
