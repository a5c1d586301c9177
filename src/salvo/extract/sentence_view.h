// The article as extraction reads it: the clean text, its lower-case copy, and each sentence's
// mentions by kind, with the facts of every trigger word found once. Built once per article;
// everything in it is a view of the analysed article and its mentions, which must outlive it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/base/nearby_words.h"
#include "salvo/extract/kinds.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/recognizer.h"

namespace salvo::extract {

// A trigger word as its sentence uses it, with the facts the rules ask of it.
struct Trigger {
  const TermMention* mention = nullptr;
  size_t begin = 0, end = 0;  // the mention's bytes in the clean text
  std::string_view surface;   // the words in lower case (a view of the lowered article)
  TriggerKind kind = TriggerKind::kAttack;
  bool weak = false;     // "launched", "hit", "a blast": an incident word only beside a weapon
  bool negated = false;  // "had not fired", "never landed": says nothing happened
  bool passive = false;  // "were attacked", "came under fire", "was blamed"
};

// The mentions of one sentence, by kind.
struct SentenceMentions {
  std::vector<const TermMention*> actors, targets, weapons;
  std::vector<Trigger> triggers;
  std::vector<const PlaceMention*> places;
  std::vector<const TimeExpression*> times;
  std::vector<const NumberMention*> numbers;

  // An incident word that counts: a strong one, or a weak one beside a weapon the sentence names.
  bool counts(const Trigger& t) const { return tells_incident(t.kind) && !(t.weak && weapons.empty()); }
  bool has(TriggerKind kind) const;
};

// One article, typed for the rules. Not copyable: the triggers' surfaces are views of `lowered`.
struct ArticleView {
  ArticleView(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer);
  ArticleView(const ArticleView&) = delete;
  ArticleView& operator=(const ArticleView&) = delete;

  const AnalyzedArticle& article;
  const Recognizer& recognizer;
  std::string_view clean;
  const std::string lowered;  // clean in lower case, once per article: sentences are searched for words
  std::vector<SentenceMentions> by_sentence;  // indexed like article.sentences
  // Whether the article names US or allied forces striking anywhere: found once, at the first
  // ask (event_type.h: article_names_striker).
  mutable std::optional<bool> names_striker;

  const Term& term(const TermMention& m) const { return recognizer.lexicon().terms()[m.term]; }
  const Cues& cues() const { return recognizer.lexicon().cues(); }  // data/lexicon/cues.tsv
  const Place& place(size_t index) const { return recognizer.gazetteer().places()[index]; }
  const Sentence& sentence(size_t s) const { return article.sentences[s]; }
  std::string_view text(size_t begin, size_t end) const { return clean.substr(begin, end - begin); }
  std::string_view lowered_sentence(size_t s) const {
    const Sentence& sent = sentence(s);
    return std::string_view(lowered).substr(sent.begin, sent.end - sent.begin);
  }
};

// Up to kNearbyWords words of `text` before `pos`, nearest first, not before `floor`; ",", ";" and
// ":" count as words (they end a clause). Views of `text`: give the lower-cased article
// (ArticleView::lowered) for words to compare, the clean text for words as written.
constexpr size_t kNearbyWords = 8;
using Nearby = NearbyWords<kNearbyWords>;

Nearby words_before(std::string_view text, size_t pos, size_t floor, size_t count);
// Up to `count` words of `text` after `pos`, not past `ceiling`; as words_before.
Nearby words_after(std::string_view text, size_t pos, size_t ceiling, size_t count);

// The trigger facts, as ArticleView finds them (views of the lowered article).
// "had not fired", "never landed": a trigger that says nothing happened.
bool is_negated(std::string_view lowered, const Sentence& sentence, const TermMention& trigger);
// "were attacked", "came under fire", "struck by".
bool is_passive_trigger(const Cues& cues, std::string_view lowered, const Sentence& sentence, const TermMention& trigger);

}  // namespace salvo::extract
