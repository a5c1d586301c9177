#include "salvo/recognize/recognizer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "salvo/base/ascii8.h"
#include "salvo/base/literal.h"
#include "salvo/base/nearby_words.h"
#include "salvo/lexicon/fold.h"
#include "salvo/recognize/sponsored_groups.h"
#include "salvo/time/time_tokens.h"

namespace salvo {

const char* to_string(PlacePrecision precision) {
  switch (precision) {
    case PlacePrecision::kSite: return "site";
    case PlacePrecision::kTown: return "town";
    case PlacePrecision::kAdmin1: return "admin1";
    case PlacePrecision::kRegion: return "region";
    case PlacePrecision::kCountry: return "country";
  }
  return "town";
}

namespace {

bool starts_with_capital(std::string_view s) {
  // The Arabic article is written in lower case before a capitalised name ("al-Harir", "at Tanf");
  // the fold keeps it in the match, so the capital to look for comes after it. Every article
  // starts with 'a' or 'e': most names are settled by their first byte.
  if (s.empty()) return false;
  if (s.front() == 'a' || s.front() == 'e') {
    for (std::string_view article : {"al-", "al ", "el-", "ash-", "as-", "ad-", "ar-", "at-", "az-", "an-", "at ", "as ", "ash "}) {
      if (s.size() > article.size() && s.substr(0, article.size()) == article) {
        s.remove_prefix(article.size());
        break;
      }
    }
  }
  const auto c = static_cast<unsigned char>(s.front());
  return std::isupper(c) || c >= 0x80;  // non-ASCII: Arabic script, accented capitals
}

PlacePrecision precision_of(const Place& place) {
  switch (place.kind) {
    case PlaceKind::kSite: return PlacePrecision::kSite;
    case PlaceKind::kTown: return PlacePrecision::kTown;
    case PlaceKind::kAdmin1: return PlacePrecision::kAdmin1;
    case PlaceKind::kRegion: return PlacePrecision::kRegion;
    case PlaceKind::kCountry: return PlacePrecision::kCountry;
  }
  return PlacePrecision::kTown;
}

// The folded words before position `at` in folded text, nearest first (at most N).
template <size_t N>
NearbyWords<N> words_before(std::string_view folded, size_t at) {
  NearbyWords<N> words;
  size_t end = at;
  while (!words.full() && end > 0) {
    if (folded[end - 1] == ' ') --end;
    // The word's first byte is after the nearest space (memrchr: no loop exit to mispredict).
    const void* space = end > 0 ? memrchr(folded.data(), ' ', end) : nullptr;
    const size_t begin = space ? static_cast<size_t>(static_cast<const char*>(space) - folded.data()) + 1 : 0;
    if (begin == end) break;
    words.push_back(folded.substr(begin, end - begin));
    end = begin;
  }
  return words;
}

template <size_t N>
NearbyWords<N> words_after(std::string_view folded, size_t at) {
  NearbyWords<N> words;
  size_t begin = at;
  while (!words.full() && begin < folded.size()) {
    if (folded[begin] == ' ') ++begin;
    const void* space = begin < folded.size() ? std::memchr(folded.data() + begin, ' ', folded.size() - begin) : nullptr;
    const size_t end = space ? static_cast<size_t>(static_cast<const char*>(space) - folded.data()) : folded.size();
    if (begin == end) break;
    words.push_back(folded.substr(begin, end - begin));
    begin = end;
  }
  return words;
}

constexpr std::array<std::string_view, 18> kDirectionAdjectives = {
    "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
    "central", "northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west", "far"};
constexpr std::array<std::string_view, 8> kDirections = {"north", "south", "east", "west",
                                                         "northeast", "northwest", "southeast", "southwest"};
constexpr std::array<std::string_view, 12> kBaseWords = {"base", "garrison", "outpost", "camp", "troops", "forces",
                                                         "attack", "attacked", "targeted", "rockets", "drone", "drones"};

template <size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

Result<Recognizer> Recognizer::load(const std::filesystem::path& data_dir) {
  Recognizer recognizer;
  auto lexicon = Lexicon::load(data_dir / "lexicon");
  if (!lexicon) return lexicon.error();
  recognizer.lexicon_ = std::move(lexicon).value();
  recognizer.sponsored_group_ = sponsored_group_term(recognizer.lexicon_);
  auto gazetteer = Gazetteer::load(data_dir);
  if (!gazetteer) return gazetteer.error();
  recognizer.gazetteer_ = std::move(gazetteer).value();

  // One phrase per distinct folded string, with every term or place it may stand for.
  std::unordered_map<std::string, uint32_t> phrase_index;
  std::vector<std::vector<PhraseTarget>> targets;  // per phrase
  auto add = [&](std::string_view alias, PhraseTarget target) {
    std::string folded = fold_name(alias);
    // Two-letter names are too ambiguous to match by folding ("as", "us"); they need exact case.
    if (folded.size() < 3 && target.exact_case == 0) return;
    if (std::all_of(folded.begin(), folded.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == ' '; })) {
      return;
    }
    auto [it, inserted] = phrase_index.emplace(folded, static_cast<uint32_t>(recognizer.phrases_.size()));
    if (inserted) {
      recognizer.phrases_.push_back(std::move(folded));
      targets.emplace_back();
    }
    auto& phrase_targets = targets[it->second];
    for (const PhraseTarget& existing : phrase_targets) {
      if (existing.is_place == target.is_place && existing.base_word == target.base_word &&
          existing.cue_word == target.cue_word && existing.index == target.index) {
        return;
      }
    }
    phrase_targets.push_back(std::move(target));
  };
  for (const TermAlias& alias : recognizer.lexicon_.aliases()) {
    PhraseTarget target;
    target.index = static_cast<uint32_t>(alias.term);
    target.category = recognizer.lexicon_.terms()[alias.term].category;
    if (alias.exact_case && !alias.text.empty()) {
      recognizer.exact_cases_.push_back(alias.text);
      target.exact_case = static_cast<uint32_t>(recognizer.exact_cases_.size());
    }
    add(alias.text, std::move(target));
  }
  const auto& places = recognizer.gazetteer_.places();
  recognizer.place_facts_.reserve(places.size());
  for (const Place& place : places) {
    // The gazetteer checks country codes: two capital letters, or none.
    if (place.country.size() != 0 && place.country.size() != 2) {
      return Error{"place " + place.id + ": country code '" + place.country + "' is not two letters"};
    }
    PlaceFacts facts;
    facts.kind = place.kind;
    if (place.country.size() == 2) {
      facts.country = static_cast<uint16_t>(static_cast<unsigned char>(place.country[0]) |
                                            static_cast<unsigned char>(place.country[1]) << 8);
    }
    facts.in_domain = place.country == "IQ" || place.country == "SY" || place.country == "JO";
    if (place.population > 0) facts.population_score = std::min(10.0, static_cast<double>(place.population) / 100000.0);
    recognizer.place_facts_.push_back(facts);
  }
  for (size_t i = 0; i < places.size(); ++i) {
    auto add_place_name = [&](const std::string& name) {
      PhraseTarget target;
      target.is_place = true;
      target.index = static_cast<uint32_t>(i);
      target.needs_capital = starts_with_capital(name);
      add(name, std::move(target));
    };
    add_place_name(places[i].name);
    for (const std::string& alias : places[i].aliases) add_place_name(alias);
  }
  // The words of a base or an attack are found by the same scan (after every other target, so a
  // phrase's term and place targets keep their order).
  for (std::string_view word : kBaseWords) {
    PhraseTarget target;
    target.base_word = true;
    add(word, std::move(target));
  }
  // So are the words a date or a count can start with: a sentence holding none of them and no
  // digit is not tokenized for times and numbers (44% of the English sentences of the seed and
  // dev articles, 57% of the bench pages'; on all three corpora exactly the sentences whose
  // tokens give no cue).
  for (std::string_view word : time_tokens::cue_words()) {
    PhraseTarget target;
    target.cue_word = true;
    add(word, std::move(target));
  }
  recognizer.first_target_.reserve(targets.size() + 1);
  for (std::vector<PhraseTarget>& phrase_targets : targets) {
    recognizer.first_target_.push_back(static_cast<uint32_t>(recognizer.targets_.size()));
    for (PhraseTarget& target : phrase_targets) recognizer.targets_.push_back(std::move(target));
  }
  recognizer.first_target_.push_back(static_cast<uint32_t>(recognizer.targets_.size()));
  auto matcher = PhraseMatcher::compile(recognizer.phrases_);
  if (!matcher) return matcher.error();
  recognizer.matcher_ = std::move(matcher).value();
  return recognizer;
}

ArticleMentions Recognizer::recognize(const AnalyzedArticle& article) const {
  ArticleMentions mentions;
  const std::string_view clean = article.clean.text.view();
  const std::vector<Sentence>& sentences = article.sentences;

  thread_local FoldedText folded;  // reused: its buffers outlive the article
  fold_text(clean, folded);
  thread_local std::vector<PhraseMatch> matches;  // reused: the hot path does not allocate it
  matches.clear();
  matcher_.scan(folded.text, matches);

  // Each match with the English sentence it starts in; matches outside one are dropped here.
  // The scan reports matches by end, so their starts mostly ascend: the sentence is found by
  // walking from the previous match's, a step or two, rather than by a search.
  struct Candidate {
    PhraseMatch match;
    uint32_t sentence;
  };
  thread_local std::vector<Candidate> in_sentences;
  in_sentences.clear();
  size_t at = 0;  // the last sentence starting at or before the previous match
  for (const PhraseMatch& m : matches) {
    if (sentences.empty()) break;
    const size_t cb = folded.begin[m.begin];
    while (at > 0 && sentences[at].begin > cb) --at;
    while (at + 1 < sentences.size() && sentences[at + 1].begin <= cb) ++at;
    const Sentence& s = sentences[at];
    if (cb < s.begin || cb >= s.end || !s.english) continue;
    in_sentences.push_back({m, static_cast<uint32_t>(at)});
  }

  // Candidates, longest first and then in text order, so that "Erbil International Airport"
  // beats "Erbil" and "Kataib Hezbollah" beats "Hezbollah". The scan gives them by end, which for
  // one length is text order: a stable counting sort on length is all it takes.
  auto length_of = [](const Candidate& c) { return c.match.end - c.match.begin; };
  uint32_t longest = 0;
  for (const Candidate& c : in_sentences) longest = std::max(longest, length_of(c));
  thread_local std::vector<uint32_t> next_slot;  // per (longest - length): where its next match goes
  next_slot.assign(longest + 1, 0);
  for (const Candidate& c : in_sentences) ++next_slot[longest - length_of(c)];
  uint32_t slot = 0;
  for (uint32_t& count : next_slot) slot += std::exchange(count, slot);
  thread_local std::vector<Candidate> by_length;
  by_length.resize(in_sentences.size());
  for (const Candidate& c : in_sentences) by_length[next_slot[longest - length_of(c)]++] = c;
  // Which categories already hold each folded byte: one bit per term category, one for places.
  // Matches come longest first, so a span taken earlier is at least as long as the match and
  // overlaps it only by covering its first or its last byte: two lookups, whatever was taken.
  thread_local std::vector<uint8_t> taken;
  taken.assign(folded.text.size() + 8, 0);  // eight bytes of room: take() writes whole words
  static_assert(static_cast<int>(TermCategory::kTrigger) + 1 < 8, "one bit per category and one for places");
  auto category_bit = [](int category) { return static_cast<uint8_t>(1u << (category + 1)); };  // places: -1
  auto overlaps = [&](int category, uint32_t b, uint32_t e) {
    return ((taken[b] | taken[e - 1]) & category_bit(category)) != 0;
  };
  auto take = [&](int category, uint32_t b, uint32_t e) {
    const uint8_t bit = category_bit(category);
    // Eight bytes at a time, the last eight masked to the span: a byte loop mispredicted its
    // exit at the end of nearly every match.
    if constexpr (!ascii8::kUsable) {  // the masks below take bytes in text order from the low end
      for (uint32_t k = b; k < e; ++k) taken[k] |= bit;
      return;
    }
    const uint64_t bits = bit * ascii8::kOnes;
    for (uint32_t k = b; k < e; k += 8) {
      const uint32_t count = std::min<uint32_t>(8, e - k);
      const uint64_t mask = count == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * count)) - 1;
      uint64_t word;
      std::memcpy(&word, taken.data() + k, 8);
      word |= bits & mask;
      std::memcpy(taken.data() + k, &word, 8);
    }
  };

  // A place name's match, before resolution. Its candidates are
  // place_candidates[first_candidate, first_candidate + candidate_count): one buffer for all,
  // reused from article to article.
  struct RawPlace {
    PhraseMatch match;
    size_t sentence;
    uint32_t first_candidate;
    uint32_t candidate_count;
  };
  thread_local std::vector<RawPlace> raw_places;
  raw_places.clear();
  thread_local std::vector<size_t> place_candidates;
  place_candidates.clear();
  auto candidates_of = [&](const RawPlace& raw) {
    return std::span<const size_t>(place_candidates.data() + raw.first_candidate, raw.candidate_count);
  };
  mentions.terms.reserve(by_length.size());  // about one term per match: no regrowth copies
  // Countries named in the article (PlaceFacts::country), with how often: a prior for towns.
  // Few per article.
  thread_local std::vector<std::pair<uint16_t, int>> country_weight;
  country_weight.clear();
  // Sentences that speak of a base or an attack: there a bare site name ("Tanf", "Shaddadi") is
  // the installation rather than the town or area it is named after.
  thread_local std::vector<uint8_t> sentence_has_base_word;
  sentence_has_base_word.assign(sentences.size(), 0);
  thread_local std::vector<uint8_t> sentence_has_cue_word;
  sentence_has_cue_word.assign(sentences.size(), 0);

  for (const auto& [m, sentence] : by_length) {
    const size_t cb = folded.begin[m.begin];
    const size_t ce = folded.end[m.end - 1];
    const std::string_view source = clean.substr(cb, ce - cb);
    // This match's place candidates go after those of the places kept so far.
    const auto first_candidate = static_cast<uint32_t>(place_candidates.size());
    for (const PhraseTarget& target : targets_of(m.phrase)) {
      if (target.base_word) {
        sentence_has_base_word[sentence] = 1;
        continue;
      }
      if (target.cue_word) {
        sentence_has_cue_word[sentence] = 1;
        continue;
      }
      if (target.exact_case != 0 && source != exact_cases_[target.exact_case - 1]) continue;
      if (target.needs_capital && !starts_with_capital(source)) continue;
      if (target.is_place) {
        place_candidates.push_back(target.index);
        continue;
      }
      const int category = static_cast<int>(target.category);
      if (overlaps(category, m.begin, m.end)) continue;
      take(category, m.begin, m.end);
      mentions.terms.push_back({sentence, cb, ce, target.index});
    }
    const std::span<const size_t> candidates(place_candidates.data() + first_candidate,
                                             place_candidates.size() - first_candidate);
    if (candidates.empty()) continue;
    if (overlaps(-1, m.begin, m.end)) {
      // Two names of one place that overlap ("Ain al-Assad" and "al-Assad airbase" in "Ain
      // al-Assad airbase"): one mention spanning both.
      for (RawPlace& taken_place : raw_places) {
        const bool overlapping = m.begin < taken_place.match.end && taken_place.match.begin < m.end;
        if (!overlapping) continue;
        const auto taken_candidates = candidates_of(taken_place);
        const bool same_place = std::any_of(candidates.begin(), candidates.end(), [&](size_t c) {
          return std::find(taken_candidates.begin(), taken_candidates.end(), c) != taken_candidates.end();
        });
        if (same_place) {
          taken_place.match.begin = std::min(taken_place.match.begin, m.begin);
          taken_place.match.end = std::max(taken_place.match.end, m.end);
          take(-1, taken_place.match.begin, taken_place.match.end);
        }
        break;
      }
      place_candidates.resize(first_candidate);  // not a mention of its own
      continue;
    }
    take(-1, m.begin, m.end);
    for (size_t p : candidates) {
      const PlaceFacts& facts = place_facts_[p];
      if (facts.kind != PlaceKind::kCountry) continue;
      auto it = std::find_if(country_weight.begin(), country_weight.end(),
                             [&](const auto& w) { return w.first == facts.country; });
      if (it == country_weight.end()) country_weight.emplace_back(facts.country, 1);
      else it->second += 1;
    }
    raw_places.push_back({m, sentence, first_candidate, static_cast<uint32_t>(candidates.size())});
  }
  std::sort(mentions.terms.begin(), mentions.terms.end(),
            [](const TermMention& a, const TermMention& b) { return a.begin < b.begin; });
  if (sponsored_group_) read_sponsored_groups(lexicon_, *sponsored_group_, clean, mentions.terms);

  // Resolve each place mention in its context.
  thread_local std::vector<PlaceMention> resolved;  // in the order of raw_places
  resolved.clear();
  const auto& places = gazetteer_.places();
  for (const RawPlace& raw : raw_places) {
    PlaceMention mention;
    mention.sentence = raw.sentence;
    mention.name_begin = folded.begin[raw.match.begin];
    mention.name_end = folded.end[raw.match.end - 1];
    // The fold reads "at Tower 22" like "at-Tanf" (the article before a sun letter); in English
    // it is a preposition and stays out of the place's name.
    for (std::string_view preposition : {"at ", "as ", "an "}) {
      if (clean.substr(mention.name_begin, 3) == preposition && mention.name_begin + 3 < mention.name_end) {
        mention.name_begin += 3;
      }
    }
    mention.begin = mention.name_begin;
    mention.end = mention.name_end;
    const auto before = words_before<2>(folded.text, raw.match.begin);  // "northern", "west of"
    const auto after = words_after<2>(folded.text, raw.match.end);
    const std::string_view next = after.empty() ? std::string_view() : after[0];
    const bool admin_word_after =
        is_literal(next, "province") || is_literal(next, "governorate") || is_literal(next, "region");
    const bool base_context = sentence_has_base_word[raw.sentence];

    // Score candidates: the kind the context asks for, the article's countries, population.
    auto score = [&](const PlaceFacts& p) {
      double s = 0;
      switch (p.kind) {
        case PlaceKind::kSite: s = base_context ? 60 : 25; break;
        case PlaceKind::kTown: s = 40; break;
        case PlaceKind::kAdmin1: s = admin_word_after ? 70 : 30; break;
        case PlaceKind::kRegion: s = 45; break;
        case PlaceKind::kCountry: s = 50; break;
      }
      if (p.in_domain) s += 10;
      for (const auto& [country, weight] : country_weight) {
        if (country == p.country) s += 5 + weight;
      }
      return s + p.population_score;
    };
    const auto candidates = candidates_of(raw);
    size_t best = candidates.front();
    double best_score = -1;
    for (size_t c : candidates) {
      const double s = score(place_facts_[c]);
      if (s > best_score) best_score = s, best = c;
    }
    mention.place = best;
    const Place& place = places[best];
    mention.precision = precision_of(place);
    mention.label = place.name;

    // A site name followed by the kind of site ("Ain al-Assad airbase", "Tanf garrison"): the
    // phrase is the site.
    if (place.kind == PlaceKind::kSite && !after.empty()) {
      size_t words = 0;
      if (after.size() >= 2 && is_literal(after[0], "air") &&
          (is_literal(after[1], "base") || is_literal(after[1], "field"))) {
        words = 2;
      } else if (is_literal(after[0], "base") || is_literal(after[0], "airport") || is_literal(after[0], "garrison") ||
                 is_literal(after[0], "camp") || is_literal(after[0], "outpost")) {
        words = 1;
      }
      if (words > 0) {
        size_t end = raw.match.end;
        for (size_t k = 0; k < words; ++k) end += 1 + after[k].size();
        mention.end = folded.end[end - 1];
      }
    }

    // Modifiers before the name: "northeastern Syria", "west of Baghdad", "near Erbil",
    // "15 miles northwest of Baghdad".
    auto extend_to_word = [&](size_t words_back) {
      // Start of the folded word `words_back` words before the match.
      size_t pos = raw.match.begin;
      for (size_t k = 0; k < words_back && pos > 0; ++k) {
        --pos;  // the space
        while (pos > 0 && folded.text[pos - 1] != ' ') --pos;
      }
      mention.begin = folded.begin[pos];
    };
    if (!before.empty() && one_of(kDirectionAdjectives, before[0]) &&
        (place.kind == PlaceKind::kCountry || place.kind == PlaceKind::kAdmin1 || place.kind == PlaceKind::kTown)) {
      mention.relation = std::string(before[0]);
      extend_to_word(1);
      mention.precision = PlacePrecision::kRegion;
      if (admin_word_after) mention.end = folded.end[raw.match.end + after[0].size()];
      mention.label = std::string(clean.substr(mention.begin, mention.end - mention.begin));
    } else if (before.size() >= 2 && is_literal(before[0], "of") && one_of(kDirections, before[1])) {
      mention.relation = std::string(before[1]) + " of";
      extend_to_word(2);
      mention.precision = PlacePrecision::kRegion;
      mention.label = std::string(clean.substr(mention.begin, mention.end - mention.begin));
    } else if (!before.empty() && (is_literal(before[0], "near") || is_literal(before[0], "outside"))) {
      mention.relation = std::string(before[0]);
    } else if (admin_word_after && place.kind == PlaceKind::kAdmin1) {
      mention.end = folded.end[raw.match.end + after[0].size()];
      mention.label = std::string(clean.substr(mention.begin, mention.end - mention.begin));
    }
    mention.candidates.assign(candidates.begin(), candidates.end());
    resolved.push_back(std::move(mention));
  }
  // In text order. A PlaceMention is costly to move, so the sort moves (begin, index) pairs and
  // each mention moves once, to its place.
  thread_local std::vector<std::pair<size_t, size_t>> order;
  order.clear();
  for (size_t i = 0; i < resolved.size(); ++i) order.emplace_back(resolved[i].begin, i);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  mentions.places.reserve(resolved.size());
  for (const auto& [begin, i] : order) mentions.places.push_back(std::move(resolved[i]));

  // Numbers and times, per English sentence. One tokenization tells which sentences can hold
  // either (about half hold neither); the buffers are reused across sentences and articles.
  thread_local std::vector<time_tokens::Token> tokens;
  thread_local std::vector<TimeExpression> times;
  thread_local std::vector<NumberMention> numbers;
  TimeContext context;
  context.publication = article.article.published;
  mentions.times.reserve(sentences.size());  // about one of each a sentence: no regrowth copies
  mentions.numbers.reserve(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (!sentences[s].english) continue;
    const std::string_view text = article.sentence_text(sentences[s]);
    // The scan has told whether the sentence holds a word a date or a count starts with. The
    // fold keeps such words whole (possessives, hyphens and case aside: tests/time/
    // cue_words_test.cc checks it on every sentence of the seeds, dev and bench pages), so with
    // no digit either the tokens would give no cue.
    if (!sentence_has_cue_word[s] && !ascii8::contains_digit(text)) continue;
    const time_tokens::Cues cues = time_tokens::tokenize(text, tokens);
    const size_t first_time = mentions.times.size();
    if (cues.time) {
      find_time_expressions(text, context, tokens, times);
      for (TimeExpression& t : times) {
        t.begin += sentences[s].begin;
        t.end += sentences[s].begin;
        mentions.times.push_back({s, std::move(t)});
      }
    }
    if (!cues.number) continue;
    find_numbers(text, tokens, numbers);
    for (NumberMention& n : numbers) {
      n.begin += sentences[s].begin;
      n.end += sentences[s].begin;
      // The 23 of "November 23" and the 1850 of "1850 GMT" are part of a time, not counts.
      bool inside_time = false;
      for (size_t t = first_time; t < mentions.times.size(); ++t) {
        inside_time |= n.begin < mentions.times[t].time.end && mentions.times[t].time.begin < n.end;
      }
      if (!inside_time) mentions.numbers.push_back({s, std::move(n)});
    }
  }
  return mentions;
}

}  // namespace salvo
