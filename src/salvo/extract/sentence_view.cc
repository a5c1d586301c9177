#include "salvo/extract/sentence_view.h"

#include <algorithm>

#include "salvo/base/ascii.h"

namespace salvo::extract {

bool SentenceMentions::has(TriggerKind kind) const {
  return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& t) { return t.kind == kind; });
}

ArticleView::ArticleView(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer)
    : article(article), recognizer(recognizer), clean(article.clean.text.view()), lowered(lower_ascii(clean)) {
  by_sentence.resize(article.sentences.size());
  for (const TermMention& m : mentions.terms) {
    SentenceMentions& s = by_sentence[m.sentence];
    switch (term(m).category) {
      case TermCategory::kActor: s.actors.push_back(&m); break;
      case TermCategory::kTarget: s.targets.push_back(&m); break;
      case TermCategory::kWeapon: s.weapons.push_back(&m); break;
      case TermCategory::kTrigger: {
        const Term& tr = term(m);
        const Sentence& sent = sentence(m.sentence);
        s.triggers.push_back({.mention = &m,
                              .begin = m.begin,
                              .end = m.end,
                              .surface = std::string_view(lowered).substr(m.begin, m.end - m.begin),
                              .kind = trigger_kind(tr),
                              .weak = is_weak_trigger(tr),
                              .negated = is_negated(lowered, sent, m),
                              .passive = is_passive_trigger(cues(), lowered, sent, m)});
        break;
      }
    }
  }
  for (const PlaceMention& m : mentions.places) by_sentence[m.sentence].places.push_back(&m);
  for (const TimeInSentence& t : mentions.times) by_sentence[t.sentence].times.push_back(&t.time);
  for (const NumberInSentence& n : mentions.numbers) by_sentence[n.sentence].numbers.push_back(&n.number);
}

Nearby words_before(std::string_view text, size_t pos, size_t floor, size_t count) {
  Nearby words;
  size_t end = pos;
  while (words.size() < count && end > floor) {
    while (end > floor && !is_ascii_alnum(text[end - 1])) {
      if (text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ':') {
        words.push_back(text.substr(end - 1, 1));
        if (words.size() == count) return words;
      }
      --end;
    }
    size_t begin = end;
    while (begin > floor && (is_ascii_alnum(text[begin - 1]) || text[begin - 1] == '\'' ||
                             text[begin - 1] == '-')) {
      --begin;
    }
    if (begin == end) break;
    words.push_back(text.substr(begin, end - begin));
    end = begin;
  }
  return words;
}

Nearby words_after(std::string_view text, size_t pos, size_t ceiling, size_t count) {
  Nearby words;
  size_t begin = pos;
  while (words.size() < count && begin < ceiling) {
    while (begin < ceiling && !is_ascii_alnum(text[begin])) {
      if (text[begin] == ',' || text[begin] == ';' || text[begin] == ':') {
        words.push_back(text.substr(begin, 1));
        if (words.size() == count) return words;
      }
      ++begin;
    }
    size_t end = begin;
    while (end < ceiling && (is_ascii_alnum(text[end]) || text[end] == '\'' || text[end] == '-')) ++end;
    if (begin == end) break;
    words.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return words;
}

bool is_negated(std::string_view lowered, const Sentence& sentence, const TermMention& trigger) {
  for (std::string_view w : words_before(lowered, trigger.begin, sentence.begin, 2)) {
    if (w == "not" || w == "never" || w == "didn't" || w == "no" || w == "without") return true;
  }
  return false;
}

bool is_passive_trigger(const Cues& cues, std::string_view lowered, const Sentence& sentence, const TermMention& trigger) {
  const std::string_view surface = lowered.substr(trigger.begin, trigger.end - trigger.begin);
  if (surface.rfind("came under", 0) == 0 || surface == "under attack" || surface == "struck by") return true;
  const Nearby before = words_before(lowered, trigger.begin, sentence.begin, 2);
  for (std::string_view w : before) {
    if (cues.has(CueKind::kPassiveAuxiliary, w)) return true;
  }
  return false;
}

}  // namespace salvo::extract
