// Sentence and token segmentation for news English: ICU's rules, corrected by a short, tested
// list of the places they go wrong in wire copy (titles, initials, "U.S.", "a.m.", "No. 3").
#pragma once

#include <string_view>
#include <vector>

namespace salvo {

struct Span {
  size_t begin = 0;  // byte range in the text that was segmented
  size_t end = 0;
  bool operator==(const Span&) const = default;
};

// Sentences of one paragraph (no sentence crosses a paragraph). Surrounding spaces are excluded.
std::vector<Span> split_sentences(std::string_view paragraph);

// Word, number and punctuation tokens (ICU word boundaries), spaces skipped.
std::vector<Span> split_tokens(std::string_view sentence);

// Whether a sentence boundary after `before` (text up to and including a period) is false
// because the last word is an abbreviation that does not end the sentence, given the text
// that follows. Exposed for tests.
bool is_false_sentence_break(std::string_view before, std::string_view after);

}  // namespace salvo
