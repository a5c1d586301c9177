#include "salvo/record/article_record.h"

#include <cmath>

namespace salvo {

namespace {

// An evidence sentence's text is cut to this many bytes (at a character boundary, with "…"); its
// start and end stay the whole sentence's, which the article holds. A 200,000-character "word"
// no splitter can cut made a 3–4 MB "sentence" that every events page and CSV row carried. The
// longest evidence of the seeds and dev set is 467 bytes.
constexpr size_t kMaxEvidenceTextBytes = 1024;

std::string bounded_evidence_text(std::string_view text) {
  if (text.size() <= kMaxEvidenceTextBytes) return std::string(text);
  size_t cut = kMaxEvidenceTextBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

nlohmann::ordered_json evidence_json(const AnalyzedArticle& analyzed, const std::vector<size_t>& sentences) {
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (size_t index : sentences) {
    const Sentence& s = analyzed.sentences[index];
    evidence.push_back({{"start", s.raw.begin}, {"end", s.raw.end}, {"text", bounded_evidence_text(analyzed.sentence_text(s))}});
  }
  return evidence;
}

template <typename T>
nlohmann::ordered_json or_null(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json string_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

}  // namespace

std::string canonical_location(const Event& e) {
  // A site, town or division by the gazetteer's name, so that one place is one name in every
  // output ("Al Asad Airbase", "Ain al-Assad" are "Ain al-Asad Air Base"). A region or a country
  // as written: "northeastern Syria" and "a base in Syria" say more than "Syria".
  const bool point = e.precision == PlacePrecision::kSite || e.precision == PlacePrecision::kTown ||
                     e.precision == PlacePrecision::kAdmin1;
  return point && !e.place_name.empty() ? e.place_name : e.location;
}

nlohmann::ordered_json event_json(const AnalyzedArticle& analyzed, const Event& e) {
  using json = nlohmann::ordered_json;
  json weapons = json::array();
  for (const std::string& w : e.weapons) weapons.push_back(w);
  if (weapons.empty()) weapons.push_back("unknown");
  return json{{"type", to_string(e.type)},
              {"weapons", std::move(weapons)},
              {"date", e.date ? json(e.date->iso()) : json(nullptr)},
              {"date_max", e.date_max ? json(e.date_max->iso()) : json(nullptr)},
              {"country", string_or_null(e.country)},
              {"admin1", string_or_null(e.admin1)},
              {"location", string_or_null(canonical_location(e))},
              {"location_text", string_or_null(e.location)},
              {"place_id", string_or_null(e.place_id)},
              {"lat", or_null(e.lat ? e.lat : e.map_lat)},
              {"lon", or_null(e.lon ? e.lon : e.map_lon)},
              {"place_precision", e.precision ? json(to_string(*e.precision)) : json(nullptr)},
              {"target", string_or_null(e.target)},
              {"actor", string_or_null(e.actor)},
              {"actor_status", e.actor_status == ActorStatus::kNone ? json(nullptr) : json(to_string(e.actor_status))},
              {"killed", or_null(e.killed)},
              {"injured", or_null(e.injured)},
              {"count", e.count},
              {"role", e.role == EventRole::kMain ? "main" : "background"},
              {"confidence", std::round(e.confidence * 100) / 100},
              {"evidence", evidence_json(analyzed, e.sentences)}};
}

nlohmann::ordered_json tally_json(const AnalyzedArticle& analyzed, const Tally& t) {
  using json = nlohmann::ordered_json;
  return json{{"what", to_string(t.what)},
              {"count", t.count},
              {"qualifier", to_string(t.qualifier)},
              {"country", string_or_null(t.country)},
              {"since", string_or_null(t.since)},
              {"as_of", t.as_of ? json(t.as_of->iso()) : json(nullptr)},
              {"evidence", evidence_json(analyzed, {t.sentence})}};
}

nlohmann::ordered_json article_record(const AnalyzedArticle& analyzed, const Extraction* extraction,
                                      const RecordOptions& options) {
  using json = nlohmann::ordered_json;
  const Article& a = analyzed.article;
  auto optional_string = [](const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); };

  json article = {
      {"id", a.id},
      {"source", a.source},
      {"published", a.published ? json(a.published->iso()) : json(nullptr)},
      {"published_from", to_string(a.published_from)},
      {"language", analyzed.language},
      {"sha256", a.sha256},
      {"title", optional_string(a.title)},
      {"url", optional_string(a.url)},
      {"outlet", optional_string(a.outlet)},
      {"format", a.kind == ContentKind::kHtml ? "html" : "text"},
  };
  json events = json::array();
  json tallies = json::array();
  if (extraction) {
    for (const Event& e : extraction->events) {
      if (e.confidence >= options.min_confidence) events.push_back(event_json(analyzed, e));
    }
    for (const Tally& t : extraction->tallies) tallies.push_back(tally_json(analyzed, t));
  }
  json record = {{"article", std::move(article)}, {"events", std::move(events)}, {"tallies", std::move(tallies)}};
  // What read like an event but is out of scope (spec/annotation.md, "Scope"), and why: an extra
  // field, written only when there is something in it.
  if (extraction && !extraction->not_events.empty()) {
    json left_out = json::array();
    for (const NotEvent& n : extraction->not_events) {
      const json e = event_json(analyzed, n.event);
      left_out.push_back({{"reason", n.reason}, {"type", e["type"]}, {"date", e["date"]}, {"country", e["country"]},
                          {"location", e["location"]}, {"actor", e["actor"]}, {"target", e["target"]},
                          {"evidence", e["evidence"]}});
    }
    record["not_events"] = std::move(left_out);
  }
  if (options.include_sentences) {
    json sentences = json::array();
    for (const Sentence& s : analyzed.sentences) {
      sentences.push_back({{"start", s.raw.begin},
                           {"end", s.raw.end},
                           {"text", analyzed.sentence_text(s)},
                           {"language", analyzed.clean.paragraphs[s.paragraph].language}});
    }
    record["sentences"] = std::move(sentences);
  }
  if (options.include_clean_text) record["text"] = analyzed.clean.text.text();
  record["warnings"] = analyzed.warnings;
  return record;
}

}  // namespace salvo
