// Event extraction: from the recognized pieces of an article to the events an analyst would sign
// (one incident at one place on one day) and the running tallies officials announce.
//
// Per English sentence, an event frame is built around attack/strike/interception words: its
// places (one event per distinct place), its date (the clause's own time expression, else the
// latest event's, else the lede's), weapons, actor and how the actor is known, target, killed and
// injured. Sentences that only refer back ("The attack was thwarted …") add evidence and facts to
// the event before; vaguer events (a country, a region) are folded into the specific events of the
// same day and country that the article goes on to name.
//
// The folder, in floors (a file includes only files of the floors below its own):
//   event, scope, casualties   the values, and the rules that are pure functions of them
//   kinds, article_state, sentence_view   the lexicon's kinds as enums; what reading has found;
//                              the article typed, with each trigger's facts found once
//   places, dates, actors, incident_words, weapons, tallies   one rule family each
//   event_type, participants, confidence   attack/strike/interception; scope applied; named values
//   article_merge, finish      one incident told several times becomes one; last touches
//   readings/                  one file per pattern of reporting, tried in the order of kReadings
//   extract.cc                 extract_events(): the passes in order
// The words the rules look for are data: data/lexicon/cues.tsv (lexicon/cues.h).
#pragma once

#include "salvo/extract/event.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/recognize/recognizer.h"

namespace salvo {

Extraction extract_events(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer);

}  // namespace salvo
