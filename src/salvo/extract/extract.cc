// The passes of event extraction, in order. Each pass lives in a file of its own rule family:
// sentence_view (the typed article), tallies, readings/ (one sentence at a time), actors
// (claims told apart), readings/casualties_only (casualties told apart), article_merge (one
// incident told several times), finish and confidence, participants (scope).
#include "salvo/extract/extract.h"

#include <utility>

#include "salvo/extract/actors.h"
#include "salvo/extract/article_merge.h"
#include "salvo/extract/article_state.h"
#include "salvo/extract/confidence.h"
#include "salvo/extract/dates.h"
#include "salvo/extract/finish.h"
#include "salvo/extract/participants.h"
#include "salvo/extract/readings/readings.h"
#include "salvo/extract/sentence_view.h"
#include "salvo/extract/tallies.h"

namespace salvo {

Extraction extract_events(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer) {
  using namespace extract;
  const ArticleView view(article, mentions, recognizer);
  ArticleState state;
  Extraction result;
  find_tallies(view, result.tallies);
  for (const Tally& t : result.tallies) state.tally_sentences.insert(t.sentence);
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    if (article.sentences[s].english) read_sentence(view, state, s);
  }
  apply_article_claims(view, state);
  apply_pending_casualties(view, state);
  merge_events(state);
  share_sentence_actors(state);
  apply_article_perpetrator(view, state);
  name_described_actors(view, state);
  for (Event& e : state.events) finish(view, state, e);
  calibrate(state.events);
  keep_in_scope(view, state, result.not_events);
  result.events = std::move(state.events);
  for (Tally& t : result.tallies) {
    if (!t.as_of) t.as_of = article.article.published ? article.article.published : main_date(view, state);
  }
  return result;
}

}  // namespace salvo
