#include "salvo/clean/cleaner.h"
#include "salvo/base/ascii.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string_view>

#include "salvo/base/date.h"
#include "salvo/clean/language.h"

namespace salvo {
namespace {

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Whitespace class of the character at s[i]: 0 = not space, else its byte length. Covers ASCII
// space and tab, NBSP, the U+2000 block spaces, narrow NBSP and ideographic space.
size_t space_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) return 3;  // U+2000–U+200A, U+202F
    if (c1 == 0x81 && c2 == 0x9F) return 3;                  // U+205F
  }
  if (c == 0xE3 && s.substr(i, 3) == "\xE3\x80\x80") return 3;  // U+3000
  return 0;
}

// Invisible characters that only get in the way of matching: zero-width spaces and joiners,
// the byte-order mark, soft hyphens.
size_t invisible_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAD) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c2 >= 0x8B && c2 <= 0x8D) return 3;
  }
  if (c == 0xEF && s.substr(i, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

struct Range {
  size_t begin, end;
};

// Searches run on every line of every article. std::string_view::rfind compares at every position
// from the end, and find stops at each occurrence of the needle's first byte ("p" for
// "pic.twitter.com/"): memrchr and memmem go through a line at memory speed.
size_t find_bytes(std::string_view text, std::string_view needle, size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const void* at = memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return at ? static_cast<size_t>(static_cast<const char*>(at) - text.data()) : std::string_view::npos;
}

// The last occurrence of the two bytes `first` `second` in `text`, as text.rfind would find it.
size_t rfind_pair(std::string_view text, char first, char second) {
  size_t end = text.size();
  while (end > 0) {
    const void* found = memrchr(text.data(), second, end);
    if (!found) break;
    const auto at = static_cast<size_t>(static_cast<const char*>(found) - text.data());
    if (at > 0 && text[at - 1] == first) return at - 1;
    end = at;
  }
  return std::string_view::npos;
}

// Template-engine tags left in copy by CMS exports: "{{^adFree}}", "{{/adFree}}", "{% … %}".
void find_template_tags(std::string_view line, std::vector<Range>& out) {
  for (std::string_view open : {"{{", "{%"}) {
    const std::string_view close = open == "{{" ? "}}" : "%}";
    size_t pos = 0;
    while ((pos = line.find(open, pos)) != std::string_view::npos) {
      const size_t end = line.find(close, pos + 2);
      if (end == std::string_view::npos || end - pos > 200) break;
      out.push_back({pos, end + 2});
      pos = end + 2;
    }
  }
}

// "pic.twitter.com/AbC123" links and the signature line of an embedded tweet,
// "— Jane Doe (@jdoe) November 23, 2023", both residue of social embeds.
void find_social_residue(std::string_view line, std::vector<Range>& out) {
  size_t pos = 0;
  while ((pos = find_bytes(line, "pic.twitter.com/", pos)) != std::string_view::npos) {
    size_t begin = pos;
    if (begin >= 8 && line.substr(begin - 8, 8) == "https://") begin -= 8;
    size_t end = pos;
    while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end]))) ++end;
    // An embedded tweet ends "… pic.twitter.com/xyz January 5, 2022": the date goes with the link.
    std::string_view rest = line.substr(end);
    while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
    while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.remove_suffix(1);
    if (!rest.empty() && rest.size() <= 20 && parse_metadata_date(rest)) end = line.size();
    out.push_back({begin, end});
    pos = end;
  }
  const size_t handle = rfind_pair(line, '(', '@');
  if (handle == std::string_view::npos) return;
  const size_t close = line.find(')', handle);
  if (close == std::string_view::npos) return;
  // After the handle: a date "Month D, YYYY" ending the line.
  std::string_view tail = line.substr(close + 1);
  while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.front()))) tail.remove_prefix(1);
  while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) tail.remove_suffix(1);
  if (tail.size() > 20 || !parse_metadata_date(tail)) return;
  // Start of the signature: the dash before the author's name.
  size_t begin = handle;
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", " - "}) {
    const size_t at = line.rfind(dash, handle);
    if (at != std::string_view::npos && handle - at < 80) {
      begin = at;
      break;
    }
  }
  out.push_back({begin, line.size()});
}

// A photo credit closing a caption line: "… (file photo). © Jane DOE / AFP". The credit names
// who took the picture, not anything the article tells, and it is no sentence: the sentence
// splitter would make one of it that no longer cleans to itself once the line is cut there. The
// credit runs from the sign to the end of the line, is short and holds no sentence end; a "©" that
// opens a line is a furniture line (is_furniture_line), and one inside prose ("©2023 Reuters. The
// attack …") is left alone.
void find_photo_credit(std::string_view line, std::vector<Range>& out) {
  constexpr std::string_view kSign = "\xC2\xA9";
  constexpr size_t kMaxCreditBytes = 80;
  const size_t at = rfind_pair(line, kSign[0], kSign[1]);
  if (at == std::string_view::npos || at == 0) return;
  std::string_view credit = line.substr(at + kSign.size());
  while (!credit.empty() && std::isspace(static_cast<unsigned char>(credit.back()))) credit.remove_suffix(1);
  if (credit.empty() || credit.size() > kMaxCreditBytes) return;
  if (credit.find(". ") != std::string_view::npos || credit.back() == '.' || credit.back() == '!' || credit.back() == '?') {
    return;
  }
  out.push_back({at, line.size()});
}

// Appends line[begin, end) of `source` to `out`, collapsing whitespace runs to one space and
// dropping invisible characters, skipping the removed ranges. Returns nothing; leading and
// trailing space of the line is not emitted.
void append_collapsed(const MappedText& source, size_t line_begin, std::string_view line,
                      const std::vector<Range>& removed, MappedText& out) {
  size_t i = 0;
  size_t run = 0;  // start of the pending copy run
  bool pending_space = false;
  size_t space_begin = 0, space_end = 0;
  size_t removed_index = 0;
  const size_t out_start = out.size();
  auto flush = [&](size_t upto) {
    if (upto > run) {
      if (pending_space && out.size() > out_start) {
        // A single ' ' is copied (keeps exact offsets); other runs become one inserted space.
        if (space_end - space_begin == 1 && line[space_begin] == ' ') {
          out.append_copy(source, line_begin + space_begin, line_begin + space_end);
        } else {
          const RawSpan raw = source.to_raw(line_begin + space_begin, line_begin + space_end);
          out.append_replacement(" ", raw.begin, raw.end);
        }
      }
      pending_space = false;
      out.append_copy(source, line_begin + run, line_begin + upto);
    }
  };
  while (i < line.size()) {
    if (removed_index < removed.size() && i == removed[removed_index].begin) {
      flush(i);
      // A removed span counts as a word break.
      if (!pending_space) space_begin = i;
      i = removed[removed_index].end;
      space_end = i;
      pending_space = true;
      run = i;
      ++removed_index;
      continue;
    }
    // Printable ASCII is neither a space nor invisible: most bytes are settled here.
    if (const auto c = static_cast<unsigned char>(line[i]); c > ' ' && c < 0x80) {
      ++i;
      continue;
    }
    if (size_t n = space_length(line, i)) {
      // A single space between two words stays in the run being copied: it would be copied as it
      // is anyway, and a copy per word was most of the cleaner's own time.
      if (n == 1 && line[i] == ' ' && run < i && i + 1 < line.size() && space_length(line, i + 1) == 0 &&
          invisible_length(line, i + 1) == 0 && !(removed_index < removed.size() && removed[removed_index].begin == i + 1)) {
        ++i;
        continue;
      }
      flush(i);
      if (!pending_space) space_begin = i;
      i += n;
      space_end = i;
      pending_space = true;
      run = i;
      continue;
    }
    if (size_t n = invisible_length(line, i)) {
      flush(i);
      i += n;
      run = i;
      continue;
    }
    ++i;
  }
  flush(line.size());
}

bool ends_sentence(std::string_view text) {
  while (!text.empty() && (text.back() == '"' || text.back() == '\'' || text.back() == ')')) text.remove_suffix(1);
  if (text.size() >= 3 && (text.substr(text.size() - 3) == "\xE2\x80\x9D" || text.substr(text.size() - 3) == "\xE2\x80\x99")) {
    text.remove_suffix(3);
  }
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' || text.back() == ':');
}

// Copies `line` to `out`, inserting the space that copy editing lost between two sentences:
// "anonymity.The official" → "anonymity. The official". Only a lower-case word of two or more
// letters before the stop and a capitalised word after it qualify, so "U.S.", "e.g.", "3.5" and
// "Rudaw.net" are left alone.
// Where `text` lacks a space between two sentences, from `from` on: the stop's index, or npos.
size_t missing_sentence_space(std::string_view text, size_t from) {
  for (size_t i = std::max<size_t>(from, 2); i + 2 < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (!is_ascii_lower(text[i - 1]) || !is_ascii_lower(text[i - 2])) continue;
    if (!is_ascii_upper(text[i + 1]) || !is_ascii_lower(text[i + 2])) continue;
    // The word before the stop must be a plain word, not part of a domain or abbreviation.
    size_t w = i;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    if (w > 0 && (text[w - 1] == '.' || text[w - 1] == '/' || text[w - 1] == '@')) continue;
    // …and the word after must not run on into another ".x", as a host name does ("www.Rudaw.Net").
    size_t n = i + 1;
    while (n + 1 < text.size() && !std::isspace(static_cast<unsigned char>(text[n])) &&
           !(text[n] == '.' && std::isalpha(static_cast<unsigned char>(text[n + 1])))) {
      ++n;
    }
    if (n + 1 < text.size() && text[n] == '.') continue;
    return i;
  }
  return std::string_view::npos;
}

void append_with_sentence_spaces(const MappedText& line, MappedText& out) {
  const std::string_view text = line.view();
  size_t copied = 0;
  for (size_t i = missing_sentence_space(text, 0); i != std::string_view::npos; i = missing_sentence_space(text, i + 1)) {
    out.append_copy(line, copied, i + 1);
    const RawSpan at = line.to_raw(i + 1, i + 1);
    out.append_inserted(" ", at.begin);
    copied = i + 1;
  }
  out.append_copy(line, copied, line.size());
}

// NFC, keeping offsets: only the normalisation segments that change are replaced.
void append_nfc(const MappedText& text, MappedText& out) {
  const std::string_view s = text.view();
  const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (ascii || U_FAILURE(status) || nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status)) {
    out.append_copy(text, 0, text.size());
    return;
  }
  // Split at characters with a normalisation boundary before them; normalise each segment.
  size_t segment = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  auto emit = [&](size_t begin, size_t end) {
    if (begin >= end) return;
    UErrorCode st = U_ZERO_ERROR;
    const icu::UnicodeString piece =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data() + begin, static_cast<int32_t>(end - begin)));
    if (nfc->isNormalized(piece, st)) {
      out.append_copy(text, begin, end);
      return;
    }
    std::string normalized;
    nfc->normalize(piece, st).toUTF8String(normalized);
    const RawSpan raw = text.to_raw(begin, end);
    out.append_replacement(normalized, raw.begin, raw.end);
  };
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, length, c);
    if (start > 0 && c >= 0 && nfc->hasBoundaryBefore(c)) {
      emit(segment, static_cast<size_t>(start));
      segment = static_cast<size_t>(start);
    }
  }
  emit(segment, s.size());
}

}  // namespace

bool is_code_line(std::string_view line) {
  // Prose quoting code is rare; prose with this density of code punctuation is rarer still. The
  // density is counted first: most lines are prose well below it, and are settled without
  // searching for the code tokens (22 searches of every line were a tenth of the clean stage).
  static constexpr std::array<bool, 256> kCodePunctuation = [] {
    std::array<bool, 256> table{};
    for (char c : std::string_view(";{}()=[]")) table[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  size_t punctuation = 0;
  for (char c : line) punctuation += kCodePunctuation[static_cast<unsigned char>(c)];
  const bool dense = punctuation * 25 >= line.size();         // code with one token
  const bool fairly_dense = punctuation * 50 >= line.size();  // code with two
  if (!fairly_dense) return false;
  static constexpr std::array<std::string_view, 22> kCodeTokens = {
      "function(", "function (", "console.log(", "document.", "window.", ".push(", "});", "})(",
      "var ",      "=>",         "getElementBy", "googletag", "adsbygoogle", "jQuery(", "$(",
      "setAttribute(", "addEventListener(", "innerHTML", "createElement(", "!important", "px;", "return false;"};
  size_t tokens = 0;
  for (std::string_view token : kCodeTokens) {
    if (line.find(token) != std::string_view::npos && ++tokens >= (dense ? 1 : 2)) return true;
  }
  return false;
}

bool is_furniture_line(std::string_view line) {
  static constexpr std::array<std::string_view, 34> kWholeLines = {
      "tags", "with afp", "with reuters", "with ap", "with agencies", "advertisement", "advertisements",
      "share", "share this", "share this article", "share this story", "share on facebook",
      "share on twitter", "tweet", "email", "print", "read more", "related", "related articles",
      "related stories", "related news", "click here", "subscribe", "follow us", "comments",
      "loading", "skip to content", "copy link", "whatsapp", "facebook", "twitter", "linkedin",
      "telegram", "more"};
  static constexpr std::array<std::string_view, 14> kPrefixes = {
      "tags:", "read more:", "related:", "also read:", "read also:", "follow us on", "sign up for",
      "subscribe to our", "click here to", "all rights reserved", "copyright \xC2\xA9", "\xC2\xA9 ",
      "recommended:", "watch:"};
  // The line without its closing stops, colons and spaces (a colon kept on a line of up to six
  // bytes, for the "tags:" prefix); lower case is needed only as far as the longest word above.
  size_t length = line.size();
  while (length > 0 && (line[length - 1] == '.' || line[length - 1] == ':' || line[length - 1] == ' ')) {
    if (line[length - 1] == ':' && length <= 6) break;
    --length;
  }
  constexpr size_t kLongest = 20;
  char head[kLongest];
  const size_t head_length = std::min(length, kLongest);
  for (size_t k = 0; k < head_length; ++k) head[k] = to_lower_ascii(line[k]);
  const std::string_view lowered(head, head_length);
  if (length <= kLongest) {
    for (std::string_view whole : kWholeLines) {
      if (lowered == whole) return true;
    }
  }
  for (std::string_view prefix : kPrefixes) {
    if (lowered.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

CleanText clean_text(const MappedText& input) {
  CleanText result;
  const std::string_view all = input.view();
  MappedText paragraph;   // the paragraph being assembled
  MappedText repaired;    // …with the spaces it lacked between sentences
  MappedText cleaned_line;
  bool paragraph_open = false;

  auto close_paragraph = [&] {
    if (!paragraph_open) return;
    paragraph_open = false;
    if (paragraph.empty()) return;
    // Most paragraphs lack no space: they go on as they are, not copied once more.
    const bool repair = missing_sentence_space(paragraph.view(), 0) != std::string_view::npos;
    if (repair) {
      repaired.clear();
      append_with_sentence_spaces(paragraph, repaired);
    }
    const MappedText& whole = repair ? repaired : paragraph;
    if (!result.text.empty()) {
      const RawSpan at = whole.to_raw(0, 0);
      result.text.append_inserted("\n\n", at.begin);
    }
    Paragraph p;
    p.begin = result.text.size();
    append_nfc(whole, result.text);
    p.end = result.text.size();
    result.paragraphs.push_back(p);
    paragraph.clear();
  };

  size_t line_begin = 0;
  std::vector<Range> removed;
  while (line_begin <= all.size()) {
    size_t line_end = all.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = all.size();
    const std::string_view line = all.substr(line_begin, line_end - line_begin);

    removed.clear();
    find_template_tags(line, removed);
    result.removed_template_tags += removed.size();
    const size_t before_social = removed.size();
    find_social_residue(line, removed);
    result.removed_social_residue += removed.size() - before_social;
    const size_t before_credit = removed.size();
    find_photo_credit(line, removed);
    result.removed_photo_credits += removed.size() - before_credit;
    std::sort(removed.begin(), removed.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
    // Overlapping removals: keep the outermost.
    std::vector<Range> merged;
    for (const Range& r : removed) {
      if (!merged.empty() && r.begin < merged.back().end) {
        merged.back().end = std::max(merged.back().end, r.end);
      } else {
        merged.push_back(r);
      }
    }

    cleaned_line.clear();  // its buffers kept from line to line
    append_collapsed(input, line_begin, line, merged, cleaned_line);

    if (cleaned_line.empty()) {
      close_paragraph();  // a blank line ends a paragraph
    } else if (is_code_line(cleaned_line.view())) {
      ++result.dropped_code_lines;
      close_paragraph();
    } else if (is_furniture_line(cleaned_line.view())) {
      ++result.dropped_furniture_lines;
      close_paragraph();
    } else {
      const char first = cleaned_line.view().front();
      // A line that starts in lower case after one that did not end a sentence is a hard-wrapped
      // continuation of the same paragraph.
      if (paragraph_open && !paragraph.empty() && is_ascii_lower(first) && !ends_sentence(paragraph.view())) {
        const RawSpan at = cleaned_line.to_raw(0, 0);
        paragraph.append_inserted(" ", at.begin);
      } else {
        close_paragraph();
        paragraph_open = true;
      }
      paragraph.append_copy(cleaned_line, 0, cleaned_line.size());
    }
    if (line_end == all.size()) break;
    line_begin = line_end + 1;
  }
  close_paragraph();

  for (Paragraph& p : result.paragraphs) {
    const LanguageGuess guess = detect_language(result.text.view().substr(p.begin, p.end - p.begin));
    p.language = guess.code;
    p.language_reliable = guess.reliable;
  }
  return result;
}

}  // namespace salvo
