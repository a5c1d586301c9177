#include "salvo/record/annotation.h"

#include <fmt/format.h>

#include <algorithm>

namespace salvo {
namespace {

struct Line {
  size_t sentence;
  size_t begin, end;  // clean offsets
  std::string kind;
  std::string value;  // human-readable normalised value
  nlohmann::ordered_json json;
};

std::string time_value(const TimeExpression& t) {
  std::string out;
  if (t.value) out = t.value->iso();
  if (t.value_max && t.value_max != t.value) out += " .. " + t.value_max->iso();
  if (out.empty()) out = "unresolved";
  out += fmt::format(" ({}{})", to_string(t.precision), t.is_since ? ", since" : "");
  return out;
}

std::vector<Line> collect(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer) {
  using json = nlohmann::ordered_json;
  std::vector<Line> lines;
  for (const TermMention& m : mentions.terms) {
    const Term& term = recognizer.lexicon().terms()[m.term];
    const std::string kind = to_string(term.category);
    const std::string value = term.category == TermCategory::kWeapon ? term.kind : fmt::format("{} ({})", term.name, term.kind);
    lines.push_back({m.sentence, m.begin, m.end, kind, value,
                     json{{"id", term.id}, {"name", term.name}, {term.category == TermCategory::kWeapon ? "class" : "kind", term.kind}}});
  }
  for (const PlaceMention& m : mentions.places) {
    const Place& place = recognizer.gazetteer().places()[m.place];
    std::string value = fmt::format("{} ({}, {}{}{})", m.label, to_string(m.precision), place.country,
                                    place.admin1.empty() ? "" : "/", place.admin1);
    if (place.lat && m.precision != PlacePrecision::kRegion) value += fmt::format(" {:.4f},{:.4f}", *place.lat, *place.lon);
    if (!m.relation.empty()) value += " [" + m.relation + "]";
    if (m.candidates.size() > 1) value += fmt::format(" of {} candidates", m.candidates.size());
    json j{{"label", m.label},
           {"place_id", place.id},
           {"place_name", place.name},
           {"precision", to_string(m.precision)},
           {"country", place.country},
           {"admin1", place.admin1.empty() ? json(nullptr) : json(place.admin1)},
           {"lat", place.lat && m.precision != PlacePrecision::kRegion ? json(*place.lat) : json(nullptr)},
           {"lon", place.lon && m.precision != PlacePrecision::kRegion ? json(*place.lon) : json(nullptr)},
           {"relation", m.relation.empty() ? json(nullptr) : json(m.relation)},
           {"candidates", m.candidates.size()}};
    lines.push_back({m.sentence, m.begin, m.end, "place", value, std::move(j)});
  }
  for (const NumberInSentence& n : mentions.numbers) {
    std::string value = fmt::format("{} {}{}", n.number.value, to_string(n.number.qualifier), n.number.ordinal ? " ordinal" : "");
    lines.push_back({n.sentence, n.number.begin, n.number.end, "number", value,
                     json{{"value", n.number.value}, {"qualifier", to_string(n.number.qualifier)}, {"ordinal", n.number.ordinal}}});
  }
  for (const TimeInSentence& t : mentions.times) {
    const TimeExpression& e = t.time;
    lines.push_back({t.sentence, e.begin, e.end, "time", time_value(e),
                     json{{"kind", to_string(e.kind)},
                          {"date", e.value ? json(e.value->iso()) : json(nullptr)},
                          {"date_max", e.value_max ? json(e.value_max->iso()) : json(nullptr)},
                          {"precision", to_string(e.precision)},
                          {"since", e.is_since}}});
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.sentence != b.sentence ? a.sentence < b.sentence : a.begin < b.begin;
  });
  (void)article;
  return lines;
}

}  // namespace

nlohmann::ordered_json annotation_record(const AnalyzedArticle& article, const ArticleMentions& mentions,
                                         const Recognizer& recognizer) {
  using json = nlohmann::ordered_json;
  json list = json::array();
  for (Line& line : collect(article, mentions, recognizer)) {
    const RawSpan raw = article.clean.text.to_raw(line.begin, line.end);
    json entry{{"kind", line.kind},
               {"start", raw.begin},
               {"end", raw.end},
               {"text", article.clean.text.view().substr(line.begin, line.end - line.begin)},
               {"sentence", line.sentence}};
    entry.update(line.json);
    list.push_back(std::move(entry));
  }
  return json{{"article", article.article.id},
              {"published", article.article.published ? json(article.article.published->iso()) : json(nullptr)},
              {"mentions", std::move(list)}};
}

std::string annotation_text(const AnalyzedArticle& article, const ArticleMentions& mentions, const Recognizer& recognizer) {
  std::string out = fmt::format("== {}  published {}\n", article.article.id,
                                article.article.published ? article.article.published->iso() : "unknown");
  const std::vector<Line> lines = collect(article, mentions, recognizer);
  size_t next = 0;
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    const Sentence& sentence = article.sentences[s];
    out += fmt::format("[{}-{}] {}\n", sentence.raw.begin, sentence.raw.end, article.sentence_text(sentence));
    if (!sentence.english) out += "    (not English: not analysed)\n";
    while (next < lines.size() && lines[next].sentence == s) {
      const Line& line = lines[next++];
      const std::string surface = fmt::format("\"{}\"", article.clean.text.view().substr(line.begin, line.end - line.begin));
      out += fmt::format("    {:<7} {:<32} -> {}\n", line.kind, surface, line.value);
    }
  }
  return out;
}

}  // namespace salvo
