#include "salvo/serve/api.h"

#include <fmt/format.h>

#include <arpa/inet.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "salvo/base/ascii.h"
#include "salvo/base/utf8.h"
#include "salvo/export/event_fields.h"
#include "salvo/export/merged_formats.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/pipeline/process.h"
#include "salvo/recognize/recognizer.h"
#include "salvo/serve/static_files.h"
#include "salvo/store/event_filter.h"
#include "salvo/store/tally_formats.h"
#include "salvo/store/store.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kJson = "application/json; charset=utf-8";

// Text from the client (a path, a parameter) may be any bytes: replaced, not thrown on, when the
// JSON is written.
HttpResponse json_response(int status, const Json& body) {
  return HttpResponse{status, kJson, body.dump(-1, ' ', false, Json::error_handler_t::replace), {}, {}};
}

HttpResponse error_response(int status, const std::string& message) { return json_response(status, Json{{"error", message}}); }

// An unknown parameter is a typo the user should hear of, not a filter silently ignored; one given
// twice had one value taken and the others dropped in silence (which one is the client's guess).
std::optional<Error> unknown_or_repeated(const HttpRequest& request, const std::set<std::string>& known, const char* listing) {
  for (const auto& [name, value] : request.params) {
    if (!known.count(name)) return Error{fmt::format("unknown parameter '{}' ({})", name, listing)};
    if (request.param_count(name) > 1) return Error{fmt::format("parameter '{}' is given more than once", name)};
  }
  return std::nullopt;
}

// URL parameters are the filters' own names, the text search's "q" aside.
std::string parameter_name(const char* field) { return std::string_view(field) == "text" ? "q" : field; }

Result<EventFilter> filter_of(const HttpRequest& request, const Gazetteer& countries) {
  static const std::set<std::string> kKnown = {"q", "country", "since", "until", "type", "weapon", "actor", "admin1", "place",
                                               "role", "min_sources", "located", "bbox", "min_confidence", "limit", "cursor", "sort"};
  if (auto problem = unknown_or_repeated(request, kKnown,
                                         "filters: q, country, since, until, type, weapon, actor, admin1, place, role, min_sources, "
                                         "located, bbox, min_confidence; paging: limit, cursor, sort")) {
    return *problem;
  }
  EventFilterText text;
  text.text = request.param("q");
  text.country = request.param("country");
  text.since = request.param("since");
  text.until = request.param("until");
  text.type = request.param("type");
  text.weapon = request.param("weapon");
  text.actor = request.param("actor");
  text.admin1 = request.param("admin1");
  text.place = request.param("place");
  text.role = request.param("role");
  text.min_sources = request.param("min_sources");
  text.located = request.param("located");
  text.bbox = request.param("bbox");
  text.min_confidence = request.param("min_confidence");
  text.limit = request.param("limit");
  text.cursor = request.param("cursor");
  text.sort = request.param("sort");
  return parse_event_filter(text, parameter_name, countries);
}

Result<TallyFilter> tally_filter_of(const HttpRequest& request, const Gazetteer& countries) {
  if (auto problem = unknown_or_repeated(request, {"country", "since", "until"}, "filters: country, since, until")) return *problem;
  return parse_tally_filter({request.param("country"), request.param("since"), request.param("until")}, parameter_name, countries);
}

Json stats_json(const EventStats& stats) {
  auto pairs = [](const std::vector<std::pair<std::string, size_t>>& counts, const char* key) {
    Json out = Json::array();
    for (const auto& [name, n] : counts) out.push_back({{key, name.empty() ? Json() : Json(name)}, {"events", n}});
    return out;
  };
  return Json{{"events", stats.events},
              {"by_day", pairs(stats.by_day, "date")},
              {"by_country", pairs(stats.by_country, "country")},
              {"by_weapon", pairs(stats.by_weapon, "weapon")},
              {"by_type", pairs(stats.by_type, "type")}};
}

}  // namespace

bool unsafe_path(std::string_view path) {
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return true;
  for (size_t start = 0; start <= path.size();) {
    const size_t end = std::min(path.find('/', start), path.size());
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

bool host_allowed(std::string_view host, const std::vector<std::string>& allowed) {
  if (host.empty()) return true;
  std::string_view name = host;
  if (name.front() == '[') {
    const size_t close = name.find(']');
    return close != std::string_view::npos;  // "[::1]:8080": an IPv6 literal
  }
  if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) name = name.substr(0, colon);
  const std::string lowered = lower_ascii(name);
  if (lowered == "localhost") return true;
  // An IPv4 literal: no DNS name, so nothing to rebind.
  in_addr address{};
  if (inet_pton(AF_INET, lowered.c_str(), &address) == 1) return true;
  for (const std::string& a : allowed) {
    if (a == "*" || lower_ascii(a) == lowered) return true;
  }
  return false;
}

std::string served_source(std::string_view source) {
  const std::string_view input = input_of(source);
  return std::filesystem::path(std::string(input)).filename().string() + std::string(source.substr(input.size()));
}

bool same_secret(const std::string& given, const std::string& expected) {
  // Every byte of the longer is looked at, whatever differs first.
  const size_t n = std::max(given.size(), expected.size());
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    const unsigned char b = i < expected.size() ? static_cast<unsigned char>(expected[i]) : 0;
    diff |= static_cast<unsigned char>(a ^ b);
  }
  return diff == 0;
}

Api::Api(Store& store, const Recognizer& recognizer, ServeOptions options)
    : store_(store), recognizer_(recognizer), options_(std::move(options)) {}

Result<std::unique_ptr<HttpServer>> Api::serve(const std::string& address, int port) {
  return HttpServer::start(address, port, options_.limits, *this);
}

namespace {

// Sent with every answer of the API and the dashboard: the page runs its own scripts only, and
// nothing is sniffed into another type.
HttpResponse with_page_headers(HttpResponse response) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  return response;
}

bool is_read(const HttpRequest& request) { return request.method == "GET" || request.method == "HEAD"; }

}  // namespace

std::optional<HttpResponse> Api::refuse(const HttpRequest& head) {
  const std::string host = head.header("Host");
  if (!host_allowed(host, options_.allowed_hosts)) {
    return with_page_headers(error_response(
        403, fmt::format("this server does not answer for the host '{}' (start it with --allow-host {} to let it)", host,
                         host.substr(0, host.rfind(':')))));
  }
  if (unsafe_path(head.path)) {
    return with_page_headers(error_response(400, "a path may not hold a '..' segment, a backslash or a NUL byte"));
  }
  if (is_read(head)) return std::nullopt;
  if (head.method != "POST" || head.path != "/api/articles") {
    HttpResponse refused = error_response(405, fmt::format("{} is not taken here: the API is read with GET; articles are "
                                                           "stored with POST /api/articles", head.method));
    refused.headers.emplace_back("Allow", head.path == "/api/articles" ? "GET, HEAD, POST" : "GET, HEAD");
    return with_page_headers(std::move(refused));
  }
  // The token before the body: an unauthorised client's article is never read.
  const std::string authorization = head.header("Authorization");
  // The scheme is case-insensitive (RFC 7235: "bearer", "BEARER" are Bearer); the token is not.
  const std::string prefix = "bearer ";
  const bool authorised = options_.token && lower_ascii(authorization.substr(0, prefix.size())) == prefix &&
                          same_secret(authorization.substr(prefix.size()), *options_.token);
  if (!authorised) {
    HttpResponse refused = error_response(401, options_.token
                                                   ? "a bearer token is needed to store articles (Authorization: Bearer …)"
                                                   : "this server is read-only (start it with --token-file to accept articles)");
    refused.headers.emplace_back("WWW-Authenticate", "Bearer");
    return with_page_headers(std::move(refused));
  }
  // A form-typed body (curl -d's default type) is not what it claims to be: refused as such.
  const std::string type = head.header("Content-Type");
  if (!type.empty() && type.find("json") == std::string::npos) {
    return with_page_headers(error_response(
        415, fmt::format("the body is JSON (Content-Type: application/json, or application/x-ndjson for JSON lines), "
                         "not '{}'; with curl, add -H 'Content-Type: application/json'", type)));
  }
  // A body that is not coming is not waited for.
  const std::string length = head.header("Content-Length");
  const bool chunked = lower_ascii(head.header("Transfer-Encoding")).find("chunked") != std::string::npos;
  if (length.empty() && !chunked) {
    return with_page_headers(error_response(411, "a POST needs its body's length (Content-Length) or a chunked body"));
  }
  if (length == "0") return with_page_headers(error_response(400, "no article in the request body (a JSON object, or JSON lines)"));
  return std::nullopt;
}

HttpResponse Api::handle(const HttpRequest& request) {
  try {
    return with_page_headers(route(request));
  } catch (const std::exception& e) {
    return with_page_headers(error_response(500, fmt::format("internal error: {}", e.what())));
  }
}

HttpResponse Api::route(const HttpRequest& request) {
  const std::string& path = request.path;
  if (request.method == "POST") return post_articles(request);  // refuse() let no other POST through

  if (path == "/api/events") {
    auto filter = filter_of(request, recognizer_.gazetteer());
    if (!filter) return error_response(400, filter.error().message);
    const size_t limit = filter->limit > 0 ? filter->limit : kDefaultEventPage;
    filter->limit = limit + 1;  // one more tells whether there is a next page
    std::lock_guard lock(store_mutex_);
    auto events = store_.events(*filter);
    if (!events) return error_response(500, events.error().message);
    Json page{{"events", Json::array()}, {"next_cursor", nullptr}};
    const bool more = events->size() > limit;
    if (more) events->resize(limit);
    for (const Json& e : *events) page["events"].push_back(exported_event(e));
    if (more) page["next_cursor"] = event_cursor(page["events"].back());
    return json_response(200, page);
  }

  if (path == "/api/events.geojson") {
    auto filter = filter_of(request, recognizer_.gazetteer());
    if (!filter) return error_response(400, filter.error().message);
    std::lock_guard lock(store_mutex_);
    auto events = store_.events(*filter);
    if (!events) return error_response(500, events.error().message);
    HttpResponse response = json_response(200, geojson(*events));
    response.content_type = "application/geo+json";
    return response;
  }

  // The dashboard's "download this view": the CSV of `salvo events --format csv`, same filters.
  if (path == "/api/events.csv") {
    auto filter = filter_of(request, recognizer_.gazetteer());
    if (!filter) return error_response(400, filter.error().message);
    std::lock_guard lock(store_mutex_);
    auto events = store_.events(*filter);
    if (!events) return error_response(500, events.error().message);
    HttpResponse response{200, "text/csv; charset=utf-8", event_csv_header(), {}, {}};
    for (const Json& e : *events) response.body += event_csv_row(e);
    return response;
  }

  if (path.rfind("/api/events/", 0) == 0) {
    const std::string id = path.substr(std::string_view("/api/events/").size());
    const bool well_formed = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return is_ascii_alnum(c) || c == '_'; });
    if (!well_formed) return error_response(404, fmt::format("no event {}", id));
    std::lock_guard lock(store_mutex_);
    auto event = store_.event(id);
    if (!event) return error_response(500, event.error().message);
    if (!*event) return error_response(404, fmt::format("no event {}", id));
    for (Json& source : (**event)["sources"]) {
      if (source.contains("source") && source["source"].is_string()) source["source"] = served_source(source["source"].get<std::string>());
    }
    return json_response(200, exported_event(**event));
  }

  if (path == "/api/tallies") {
    auto filter = tally_filter_of(request, recognizer_.gazetteer());
    if (!filter) return error_response(400, filter.error().message);
    std::lock_guard lock(store_mutex_);
    auto tallies = store_.tallies(*filter);
    if (!tallies) return error_response(500, tallies.error().message);
    Json out = Json::array();
    Store::WindowCounts counted;
    for (const StoredTally& t : *tallies) {
      auto held = store_.held_for(t, counted);
      if (!held) return error_response(500, held.error().message);
      out.push_back(tally_json(t, *held));
    }
    return json_response(200, Json{{"tallies", std::move(out)}});
  }

  // The id is the rest of the path: ids hold "/" (a file below a named folder, a feed whose ids are
  // URLs), sent encoded (%2F) or not; the path is decoded before it is matched.
  if (path.rfind("/api/articles/", 0) == 0 && path.size() > std::string_view("/api/articles/").size()) {
    const std::string id = path.substr(std::string_view("/api/articles/").size());
    std::unique_lock lock(store_mutex_);
    auto record = store_.record(id);
    if (!record) return error_response(500, record.error().message);
    if (!*record) return error_response(404, fmt::format("no article {}", id));
    auto article = store_.article(id);
    lock.unlock();
    if (!article) return error_response(500, article.error().message);
    // Evidence offsets are into the bytes as read; the clean text is what a reader reads. A byte
    // that is not UTF-8 is served as one '?', not as the 3 bytes of U+FFFD a JSON writer would
    // put there: offsets into the bytes are then offsets into the text served, and highlights
    // land on the words they name.
    const std::string raw = with_invalid_bytes_replaced(article->raw, [](unsigned char) { return std::string("?"); });
    Json& meta = (**record)["article"];
    if (meta.contains("source") && meta["source"].is_string()) meta["source"] = served_source(meta["source"].get<std::string>());
    const AnalyzedArticle analyzed = analyze_article(std::move(article).value());
    // A reader reads the clean text, not the page's bytes: each evidence span of the record, also
    // as a range of the clean text (byte offsets), traced back through the cleaning's offset map.
    Json clean_evidence = Json::array();
    std::set<std::pair<size_t, size_t>> seen;
    for (const Json& event : (**record)["events"]) {
      for (const Json& evidence : event.value("evidence", Json::array())) {
        const size_t start = evidence.value("start", size_t{0}), end = evidence.value("end", size_t{0});
        if (!seen.insert({start, end}).second) continue;
        const TextSpan clean = analyzed.clean.text.from_raw({start, end});
        clean_evidence.push_back({{"raw_start", start}, {"raw_end", end}, {"start", clean.begin}, {"end", clean.end}});
      }
    }
    return json_response(200, Json{{"id", id}, {"raw", raw}, {"clean", std::string(analyzed.clean.text.view())},
                                   {"clean_evidence", std::move(clean_evidence)}, {"record", **record}});
  }

  if (path == "/api/stats") {
    auto filter = filter_of(request, recognizer_.gazetteer());
    if (!filter) return error_response(400, filter.error().message);
    std::lock_guard lock(store_mutex_);
    auto stats = store_.stats(*filter);
    if (!stats) return error_response(500, stats.error().message);
    return json_response(200, stats_json(*stats));
  }

  if (path.rfind("/api/", 0) != 0 && !options_.web_root.empty()) {
    if (auto file = static_file(options_.web_root, path)) return std::move(*file);
  }
  return error_response(404, fmt::format("no such resource: {} {}", request.method, path));
}

HttpResponse Api::post_articles(const HttpRequest& request) {
  // A JSON article is a JSONL batch of one line: one reader for both, as `salvo ingest` reads.
  std::vector<Article> articles;
  Json problems = Json::array();
  read_jsonl_articles("request", request.body, ReadOptions{}, [&](Article&& a) { articles.push_back(std::move(a)); },
                      [&](const InputProblem& p) { problems.push_back({{"where", p.where}, {"message", p.message}}); });
  if (articles.empty()) {
    return error_response(400, problems.empty() ? "no article in the request body (a JSON object, or JSON lines)"
                                                : fmt::format("no article could be read: {}", problems.front().value("message", "")));
  }
  Json results = Json::array();
  std::lock_guard lock(store_mutex_);
  for (Article& article : articles) {
    const std::string id = article.id;
    const Result<PutResult> known = store_.classify(article);
    if (!known) return error_response(500, known.error().message);
    if (known->outcome == PutOutcome::kUnchanged || known->outcome == PutOutcome::kDuplicate) {
      results.push_back({{"id", id}, {"outcome", to_string(known->outcome)}, {"stored_as", known->stored_as}});
      continue;
    }
    const ExtractedArticle extracted = extract_for_store(std::move(article), recognizer_);
    auto put = store_.put(extracted.article, extracted.record);
    if (!put) return error_response(500, put.error().message);
    results.push_back({{"id", id}, {"outcome", to_string(put->outcome)}, {"stored_as", put->stored_as}});
  }
  auto merged = store_.merge_pending();
  if (!merged) return error_response(500, merged.error().message);
  // 201 Created when the request stored something; 200 when every article was known already
  // (unchanged, or the same bytes under another id): nothing was created (RFC 9110, 15.3).
  const bool created = std::any_of(results.begin(), results.end(), [](const Json& r) {
    return r["outcome"] != to_string(PutOutcome::kUnchanged) && r["outcome"] != to_string(PutOutcome::kDuplicate);
  });
  return json_response(created ? 201 : 200, Json{{"articles", std::move(results)},
                                 {"problems", std::move(problems)},
                                 {"merge", {{"mentions", merged->mentions}, {"events", merged->events}, {"changed", merged->changed}}}});
}

}  // namespace salvo
