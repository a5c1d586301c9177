#include "salvo/record/article_record.h"

#include <cmath>

#include "salvo/record/json_tree_builder.h"
#include "salvo/record/json_writer.h"

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

// Every writer below takes a Sink: JsonWriter (the text) or JsonTreeBuilder (the tree), so that a
// record has one definition of its members and their order.

template <typename Sink>
void string_or_null(Sink& out, const std::string& s) {
  if (s.empty()) out.null(); else out.value(s);
}

template <typename Sink>
void date_or_null(Sink& out, const std::optional<Date>& date) {
  if (date) out.value(date->iso()); else out.null();
}

template <typename Sink>
void write_evidence(Sink& out, const AnalyzedArticle& analyzed, const size_t* sentences, size_t count) {
  out.begin_array();
  for (size_t k = 0; k < count; ++k) {
    const Sentence& s = analyzed.sentences[sentences[k]];
    out.begin_object();
    out.key("start"), out.value(s.raw.begin);
    out.key("end"), out.value(s.raw.end);
    const std::string_view text = analyzed.sentence_text(s);
    out.key("text");
    if (text.size() <= kMaxEvidenceTextBytes) out.value(text); else out.value(bounded_evidence_text(text));
    out.end_object();
  }
  out.end_array();
}

template <typename Sink>
void write_event(Sink& out, const AnalyzedArticle& analyzed, const Event& e) {
  out.begin_object();
  out.key("type"), out.value(to_string(e.type));
  out.key("weapons"), out.begin_array();
  for (const std::string& w : e.weapons) out.value(w);
  if (e.weapons.empty()) out.value("unknown");
  out.end_array();
  out.key("date"), date_or_null(out, e.date);
  out.key("date_max"), date_or_null(out, e.date_max);
  out.key("country"), string_or_null(out, e.country);
  out.key("admin1"), string_or_null(out, e.admin1);
  out.key("location"), string_or_null(out, canonical_location(e));
  out.key("location_text"), string_or_null(out, e.location);
  out.key("place_id"), string_or_null(out, e.place_id);
  out.key("lat"), out.value(e.lat ? e.lat : e.map_lat);
  out.key("lon"), out.value(e.lon ? e.lon : e.map_lon);
  out.key("place_precision");
  if (e.precision) out.value(to_string(*e.precision)); else out.null();
  out.key("target"), string_or_null(out, e.target);
  out.key("actor"), string_or_null(out, e.actor);
  out.key("actor_status");
  if (e.actor_status == ActorStatus::kNone) out.null(); else out.value(to_string(e.actor_status));
  out.key("killed"), out.value(e.killed);
  out.key("injured"), out.value(e.injured);
  out.key("count"), out.value(e.count);
  out.key("role"), out.value(e.role == EventRole::kMain ? "main" : "background");
  out.key("confidence"), out.value(std::round(e.confidence * 100) / 100);
  out.key("evidence"), write_evidence(out, analyzed, e.sentences.data(), e.sentences.size());
  out.end_object();
}

// What read like an event but is out of scope (spec/annotation.md, "Scope"), and why.
template <typename Sink>
void write_not_event(Sink& out, const AnalyzedArticle& analyzed, const NotEvent& n) {
  const Event& e = n.event;
  out.begin_object();
  out.key("reason"), out.value(n.reason);
  out.key("type"), out.value(to_string(e.type));
  out.key("date"), date_or_null(out, e.date);
  out.key("country"), string_or_null(out, e.country);
  out.key("location"), string_or_null(out, canonical_location(e));
  out.key("actor"), string_or_null(out, e.actor);
  out.key("target"), string_or_null(out, e.target);
  out.key("evidence"), write_evidence(out, analyzed, e.sentences.data(), e.sentences.size());
  out.end_object();
}

template <typename Sink>
void write_tally(Sink& out, const AnalyzedArticle& analyzed, const Tally& t) {
  out.begin_object();
  out.key("what"), out.value(to_string(t.what));
  out.key("count"), out.value(t.count);
  out.key("qualifier"), out.value(to_string(t.qualifier));
  out.key("country"), string_or_null(out, t.country);
  out.key("since"), string_or_null(out, t.since);
  out.key("as_of"), date_or_null(out, t.as_of);
  out.key("evidence"), write_evidence(out, analyzed, &t.sentence, 1);
  out.end_object();
}

template <typename Sink>
void write_article_record(Sink& out, const AnalyzedArticle& analyzed, const Extraction* extraction,
                          const RecordOptions& options) {
  const Article& a = analyzed.article;
  out.begin_object();
  out.key("article"), out.begin_object();
  out.key("id"), out.value(a.id);
  out.key("source"), out.value(a.source);
  out.key("published"), date_or_null(out, a.published);
  out.key("published_from"), out.value(to_string(a.published_from));
  out.key("language"), out.value(analyzed.language);
  out.key("sha256"), out.value(a.sha256);
  out.key("title"), out.value(a.title);
  out.key("url"), out.value(a.url);
  out.key("outlet"), out.value(a.outlet);
  out.key("format"), out.value(a.kind == ContentKind::kHtml ? "html" : "text");
  out.end_object();
  out.key("events"), out.begin_array();
  if (extraction) {
    for (const Event& e : extraction->events) {
      if (e.confidence >= options.min_confidence) write_event(out, analyzed, e);
    }
  }
  out.end_array();
  out.key("tallies"), out.begin_array();
  if (extraction) {
    for (const Tally& t : extraction->tallies) write_tally(out, analyzed, t);
  }
  out.end_array();
  // An extra field, written only when there is something in it.
  if (extraction && !extraction->not_events.empty()) {
    out.key("not_events"), out.begin_array();
    for (const NotEvent& n : extraction->not_events) write_not_event(out, analyzed, n);
    out.end_array();
  }
  if (options.include_sentences) {
    out.key("sentences"), out.begin_array();
    for (const Sentence& s : analyzed.sentences) {
      out.begin_object();
      out.key("start"), out.value(s.raw.begin);
      out.key("end"), out.value(s.raw.end);
      out.key("text"), out.value(analyzed.sentence_text(s));
      out.key("language"), out.value(analyzed.clean.paragraphs[s.paragraph].language);
      out.end_object();
    }
    out.end_array();
  }
  if (options.include_clean_text) out.key("text"), out.value(analyzed.clean.text.text());
  out.key("warnings"), out.begin_array();
  for (const std::string& w : analyzed.warnings) out.value(w);
  out.end_array();
  out.end_object();
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
  JsonTreeBuilder tree;
  write_event(tree, analyzed, e);
  return tree.take();
}

nlohmann::ordered_json tally_json(const AnalyzedArticle& analyzed, const Tally& t) {
  JsonTreeBuilder tree;
  write_tally(tree, analyzed, t);
  return tree.take();
}

nlohmann::ordered_json article_record(const AnalyzedArticle& analyzed, const Extraction* extraction,
                                      const RecordOptions& options) {
  JsonTreeBuilder tree;
  write_article_record(tree, analyzed, extraction, options);
  return tree.take();
}

void append_article_record(std::string& out, const AnalyzedArticle& analyzed, const Extraction* extraction,
                           const RecordOptions& options) {
  JsonWriter writer(out);
  write_article_record(writer, analyzed, extraction, options);
}

}  // namespace salvo
