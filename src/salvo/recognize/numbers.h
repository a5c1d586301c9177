// Numbers as news writes them: "2,500", "three US soldiers", "twenty-five", "a dozen", "dozens",
// "at least five", "over 165", "nearly 900", "four times", "the second attack".
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/time/time_tokens.h"

namespace salvo {

enum class Qualifier { kExact, kAtLeast, kAbout };
const char* to_string(Qualifier q);

struct NumberMention {
  size_t begin = 0;  // byte range in the text given (qualifier included)
  size_t end = 0;
  long value = 0;
  Qualifier qualifier = Qualifier::kExact;
  bool ordinal = false;  // "second", "3rd"
  bool vague = false;    // "dozens", "several": a lower bound guessed from the word
  std::string next_word; // the word after the number, lower case ("times", "soldiers", "rockets")
};

std::vector<NumberMention> find_numbers(std::string_view text);
// The same into `out` (cleared first), so a caller scanning many sentences reuses one vector.
void find_numbers(std::string_view text, std::vector<NumberMention>& out);
// The same from the sentence's time tokens (time_tokens::tokenize): a number is looked for only
// where one of them can start it, so the recognizer, which has them already, reads each sentence
// once.
void find_numbers(std::string_view text, std::span<const time_tokens::Token> tokens, std::vector<NumberMention>& out);

}  // namespace salvo
