#include "salvo/recognize/sponsored_groups.h"

#include <algorithm>
#include <array>

#include "salvo/base/ascii.h"

namespace salvo {

namespace {

// Words that end a noun phrase before its noun: "Iran backed the militias" is a verb's object,
// not a name. Grammar, not vocabulary of the domain.
constexpr std::array<std::string_view, 17> kPhraseBreaks = {"the", "a",  "an",   "and",  "or",    "of",  "in",  "on", "at",
                                                           "to",  "for", "by", "with", "from", "that", "which", "who"};

struct Word {
  size_t begin = 0;
  size_t end = 0;
};

// The word starting at or after `at` if only one space or one hyphen lies before it.
std::optional<Word> next_word(std::string_view text, size_t at, bool hyphen_allowed) {
  if (at >= text.size()) return std::nullopt;
  if (text[at] == ' ' || (hyphen_allowed && text[at] == '-')) ++at;
  else return std::nullopt;
  size_t end = at;
  while (end < text.size() && (is_ascii_alpha(text[end]) || text[end] == '\'' ||
                               (text[end] == '-' && end + 1 < text.size() && is_ascii_alpha(text[end + 1])))) {
    ++end;
  }
  if (end == at) return std::nullopt;
  return Word{at, end};
}

bool is_break(std::string_view lowered_word) {
  return std::find(kPhraseBreaks.begin(), kPhraseBreaks.end(), lowered_word) != kPhraseBreaks.end();
}

// "pro-Iranian", "pro Iran": the prefix that makes a state's adjective a group's.
bool after_pro(std::string_view text, size_t begin) {
  if (begin < 4) return false;
  const std::string lowered = lower_ascii(text.substr(begin - 4, 4));
  return (lowered == "pro-" || lowered == "pro ") && (begin == 4 || !is_ascii_alpha(text[begin - 5]));
}

}  // namespace

std::optional<size_t> sponsored_group_term(const Lexicon& lexicon) {
  const auto& terms = lexicon.terms();
  for (size_t i = 0; i < terms.size(); ++i) {
    if (terms[i].category == TermCategory::kActor && terms[i].id == "iran-backed-militias") return i;
  }
  return std::nullopt;
}

void read_sponsored_groups(const Lexicon& lexicon, size_t sponsored_group, std::string_view clean,
                           std::vector<TermMention>& terms) {
  const Cues& cues = lexicon.cues();
  const auto& lexicon_terms = lexicon.terms();
  // A mention the phrase replaces is marked with this term index, then erased at the end.
  const size_t dropped = lexicon_terms.size();
  bool changed = false;
  for (size_t i = 0; i < terms.size(); ++i) {
    TermMention& sponsor = terms[i];
    if (sponsor.term == dropped) continue;
    const Term& term = lexicon_terms[sponsor.term];
    if (term.category != TermCategory::kActor || term.side != Side::kIranianState) continue;
    const bool pro = after_pro(clean, sponsor.begin);
    size_t at = sponsor.end;
    size_t link_end = 0;
    if (!pro) {
      const std::optional<Word> link = next_word(clean, at, true);
      if (!link || !cues.has(CueKind::kSponsorLink, lower_ascii(clean.substr(link->begin, link->end - link->begin)))) {
        continue;
      }
      at = link_end = link->end;
    }
    // Up to three modifiers ("Iraqi Shia", "deadly drone") before the noun that ends the phrase.
    size_t group_end = 0;
    bool attack = false;
    bool named_group = false;
    for (int words = 0; words < 4; ++words) {
      const std::optional<Word> w = next_word(clean, at, false);
      if (!w) break;
      const std::string lowered = lower_ascii(clean.substr(w->begin, w->end - w->begin));
      if (is_break(lowered)) break;
      // What is struck ("Iranian-linked targets", "… sites") is no attacker.
      if (cues.has(CueKind::kFacilityWord, lowered)) break;
      bool trigger_here = false;
      // The mentions starting at this word (terms are sorted by begin, all after the sponsor's).
      for (size_t j = i + 1; j < terms.size() && terms[j].begin <= w->begin; ++j) {
        const TermMention& m = terms[j];
        if (m.begin != w->begin || m.term == dropped) continue;
        const Term& named = lexicon_terms[m.term];
        trigger_here |= named.category == TermCategory::kTrigger;
        named_group |= named.category == TermCategory::kActor && named.kind != "generic";
      }
      if (named_group) break;
      if (trigger_here) {
        attack = !pro;
        break;
      }
      at = w->end;
      if (cues.has(CueKind::kGroupNoun, lowered)) {
        group_end = w->end;
        // "militia group", "militia groups": the noun's own noun.
        const std::optional<Word> more = next_word(clean, at, false);
        if (more && cues.has(CueKind::kGroupNoun, lower_ascii(clean.substr(more->begin, more->end - more->begin)))) {
          group_end = more->end;
        }
        break;
      }
    }
    if (named_group) {
      sponsor.term = dropped;
      changed = true;
    } else if (attack) {
      sponsor.term = sponsored_group;
      sponsor.end = link_end;
    } else if (group_end != 0) {
      if (pro) sponsor.begin -= 4;
      sponsor.term = sponsored_group;
      sponsor.end = group_end;
      // The actor mentions the phrase now covers ("Shia militias", "militia group") go.
      for (size_t j = i + 1; j < terms.size() && terms[j].begin < group_end; ++j) {
        if (terms[j].term != dropped && lexicon_terms[terms[j].term].category == TermCategory::kActor) {
          terms[j].term = dropped;
          changed = true;
        }
      }
    }
  }
  if (changed) {
    std::erase_if(terms, [&](const TermMention& m) { return m.term == dropped; });
  }
}

}  // namespace salvo
