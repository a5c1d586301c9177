#include "salvo/serve/api.h"

#include <fmt/format.h>
#include <httplib.h>

#include <arpa/inet.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "salvo/base/ascii.h"
#include "salvo/base/utf8.h"
#include "salvo/export/merged_formats.h"
#include "salvo/ingest/reader.h"
#include "salvo/pipeline/analyze.h"
#include "salvo/pipeline/process.h"
#include "salvo/recognize/recognizer.h"
#include "salvo/store/event_filter.h"
#include "salvo/store/store.h"

namespace salvo {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr size_t kServerThreads = 32;

void send_json(httplib::Response& response, int status, const Json& body) {
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), kJson);
}

void send_error(httplib::Response& response, int status, const std::string& message) {
  send_json(response, status, Json{{"error", message}});
}

// A query parameter as given, "" when absent.
std::string param(const httplib::Request& request, const char* name) {
  return request.has_param(name) ? request.get_param_value(name) : std::string();
}

Result<EventFilter> filter_of(const httplib::Request& request) {
  EventFilterText text;
  text.country = param(request, "country");
  text.since = param(request, "since");
  text.until = param(request, "until");
  text.type = param(request, "type");
  text.weapon = param(request, "weapon");
  text.actor = param(request, "actor");
  text.bbox = param(request, "bbox");
  text.min_confidence = param(request, "min_confidence");
  text.limit = param(request, "limit");
  text.cursor = param(request, "cursor");
  text.sort = param(request, "sort");
  // An unknown parameter is a typo the user should hear of, not a filter silently ignored.
  static const std::set<std::string> kKnown = {"country", "since", "until", "type", "weapon", "actor", "bbox",
                                               "min_confidence", "limit", "cursor", "sort"};
  for (const auto& [name, value] : request.params) {
    if (!kKnown.count(name)) {
      return Error{fmt::format("unknown parameter '{}' (filters: country, since, until, type, weapon, actor, bbox, "
                               "min_confidence; paging: limit, cursor, sort)", name)};
    }
    // One value was taken and the others dropped in silence; which one is the client's guess.
    if (request.get_param_value_count(name) > 1) return Error{fmt::format("parameter '{}' is given more than once", name)};
  }
  return parse_event_filter(text, [](const char* field) { return std::string(field); });
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

void Api::mount(httplib::Server& server) {
  // httplib's default socket options add SO_REUSEPORT: a second `salvo serve` on the port then
  // listened beside the first, the kernel splitting requests between two stores, and "address in
  // use" never came. SO_REUSEADDR alone still lets a restarted server bind at once.
  server.set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_payload_max_length(options_.max_body_bytes);
  server.set_read_timeout(options_.timeout_seconds, 0);
  // A connection holds a thread while it is read: with httplib's default (8 threads on a small
  // machine) eight slow clients would stall everyone for a timeout each. Idle threads cost little;
  // the store is used one request at a time anyway (store_mutex_).
  server.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
  // Replies go out at once: with Nagle's algorithm a keep-alive client's next request waits for
  // the delayed ACK of the last reply segment, 40 ms a request on Linux.
  server.set_tcp_nodelay(true);
  // An idle keep-alive connection holds a thread too: no longer than a slow request may.
  server.set_keep_alive_timeout(std::min(options_.timeout_seconds, 5));
  // Before any route or static file: httplib refuses a ".." that climbs out of the web root, but
  // serves "/index.html%00.js" as index.html typed as JavaScript (the file is opened up to the
  // NUL, its type read from the whole name). No name Salvo serves holds any of these.
  server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    const std::string host = request.get_header_value("Host");
    if (!host_allowed(host, options_.allowed_hosts)) {
      send_error(response, 403, fmt::format("this server does not answer for the host '{}' (start it with --allow-host {} "
                                            "to let it)", host, host.substr(0, host.rfind(':'))));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (unsafe_path(request.path)) {
      send_error(response, 400, "a path may not hold a '..' segment, a backslash or a NUL byte");
      return httplib::Server::HandlerResponse::Handled;
    }
    // Before the body is read: httplib reads a form-typed body (curl -d's default type) against
    // a fixed 8 KB limit of its own, and an article longer than that got a 413 naming no limit
    // the user can change. The body is JSON; another declared type is refused as such.
    const std::string type = request.get_header_value("Content-Type");
    if (request.method == "POST" && !type.empty() && type.find("json") == std::string::npos) {
      send_error(response, 415,
                 fmt::format("the body is JSON (Content-Type: application/json, or application/x-ndjson for JSON lines), "
                             "not '{}'; with curl, add -H 'Content-Type: application/json'", type));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_write_timeout(options_.timeout_seconds, 0);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy",
                               "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
                              {"Referrer-Policy", "no-referrer"}});
  server.set_error_handler([max_body = options_.max_body_bytes](const httplib::Request& request, httplib::Response& response) {
    // Statuses set by httplib itself (404 of an unknown path, 413, 400 of a broken request) or a
    // handler that left no body: a JSON message all the same.
    if (!response.body.empty()) return;
    const std::string message =
        response.status == 404   ? fmt::format("no such resource: {} {}", request.method, request.path)
        : response.status == 413 ? fmt::format("request body over {} bytes (salvo serve --max-body-bytes)", max_body)
                                 : fmt::format("HTTP {}", response.status);
    // The path is the client's: it may be any bytes (a %C0%AE decodes to invalid UTF-8), and a
    // plain dump() would throw on them outside any handler and end the server.
    response.set_content(Json{{"error", message}}.dump(-1, ' ', false, Json::error_handler_t::replace), kJson);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    std::string message = "internal error";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message = fmt::format("internal error: {}", e.what());
    } catch (...) {
    }
    send_error(response, 500, message);
  });

  server.Get("/api/events", [this](const httplib::Request& request, httplib::Response& response) {
    auto filter = filter_of(request);
    if (!filter) return send_error(response, 400, filter.error().message);
    const size_t limit = filter->limit > 0 ? filter->limit : kDefaultEventPage;
    filter->limit = limit + 1;  // one more tells whether there is a next page
    std::lock_guard lock(store_mutex_);
    auto events = store_.events(*filter);
    if (!events) return send_error(response, 500, events.error().message);
    Json page{{"events", Json::array()}, {"next_cursor", nullptr}};
    const bool more = events->size() > limit;
    if (more) events->resize(limit);
    for (Json& e : *events) page["events"].push_back(std::move(e));
    if (more) page["next_cursor"] = event_cursor(page["events"].back());
    send_json(response, 200, page);
  });

  server.Get("/api/events.geojson", [this](const httplib::Request& request, httplib::Response& response) {
    auto filter = filter_of(request);
    if (!filter) return send_error(response, 400, filter.error().message);
    std::lock_guard lock(store_mutex_);
    auto events = store_.events(*filter);
    if (!events) return send_error(response, 500, events.error().message);
    response.set_content(geojson(*events).dump(-1, ' ', false, Json::error_handler_t::replace), "application/geo+json");
  });

  server.Get(R"(/api/events/([A-Za-z0-9_]+))", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(store_mutex_);
    auto event = store_.event(request.matches[1]);
    if (!event) return send_error(response, 500, event.error().message);
    if (!*event) return send_error(response, 404, fmt::format("no event {}", request.matches[1].str()));
    for (Json& source : (**event)["sources"]) {
      if (source.contains("source") && source["source"].is_string()) source["source"] = served_source(source["source"].get<std::string>());
    }
    send_json(response, 200, **event);
  });

  server.Get("/api/tallies", [this](const httplib::Request&, httplib::Response& response) {
    std::lock_guard lock(store_mutex_);
    auto tallies = store_.tallies();
    if (!tallies) return send_error(response, 500, tallies.error().message);
    Json out = Json::array();
    Store::WindowCounts counted;
    for (const StoredTally& t : *tallies) {
      auto held = store_.attacks_held(t, counted);
      if (!held) return send_error(response, 500, held.error().message);
      out.push_back({{"article", t.article},
                     {"published", t.published ? Json(*t.published) : Json()},
                     {"tally", t.tally},
                     {"salvo_events", *held ? Json(**held) : Json()}});
    }
    send_json(response, 200, Json{{"tallies", std::move(out)}});
  });

  // The id is the rest of the path: ids hold "/" (a file below a named folder, a feed whose ids are
  // URLs), sent encoded (%2F) or not; httplib decodes the path before it is matched.
  server.Get(R"(/api/articles/(.+))", [this](const httplib::Request& request, httplib::Response& response) {
    const std::string id = request.matches[1];
    std::unique_lock lock(store_mutex_);
    auto record = store_.record(id);
    if (!record) return send_error(response, 500, record.error().message);
    if (!*record) return send_error(response, 404, fmt::format("no article {}", id));
    auto article = store_.article(id);
    lock.unlock();
    if (!article) return send_error(response, 500, article.error().message);
    // Evidence offsets are into the bytes as read; the clean text is what a reader reads. A byte
    // that is not UTF-8 is served as one '?', not as the 3 bytes of U+FFFD a JSON writer would
    // put there: offsets into the bytes are then offsets into the text served, and highlights
    // land on the words they name.
    const std::string raw = with_invalid_bytes_replaced(article->raw, [](unsigned char) { return std::string("?"); });
    Json& meta = (**record)["article"];
    if (meta.contains("source") && meta["source"].is_string()) meta["source"] = served_source(meta["source"].get<std::string>());
    const AnalyzedArticle analyzed = analyze_article(std::move(article).value());
    send_json(response, 200,
              Json{{"id", id}, {"raw", raw}, {"clean", std::string(analyzed.clean.text.view())}, {"record", **record}});
  });

  server.Get("/api/stats", [this](const httplib::Request& request, httplib::Response& response) {
    auto filter = filter_of(request);
    if (!filter) return send_error(response, 400, filter.error().message);
    std::lock_guard lock(store_mutex_);
    auto stats = store_.stats(*filter);
    if (!stats) return send_error(response, 500, stats.error().message);
    send_json(response, 200, stats_json(*stats));
  });

  server.Post("/api/articles", [this](const httplib::Request& request, httplib::Response& response) {
    const std::string authorization = request.get_header_value("Authorization");
    // The scheme is case-insensitive (RFC 7235: "bearer", "BEARER" are Bearer); the token is not.
    const std::string prefix = "bearer ";
    const bool authorised = options_.token && lower_ascii(authorization.substr(0, prefix.size())) == prefix &&
                            same_secret(authorization.substr(prefix.size()), *options_.token);
    if (!authorised) {
      response.set_header("WWW-Authenticate", "Bearer");
      return send_error(response, 401,
                        options_.token ? "a bearer token is needed to store articles (Authorization: Bearer …)"
                                       : "this server is read-only (start it with --token-file to accept articles)");
    }
    // A JSON article is a JSONL batch of one line: one reader for both, as `salvo ingest` reads.
    std::vector<Article> articles;
    Json problems = Json::array();
    read_jsonl_articles("request", request.body, ReadOptions{}, [&](Article&& a) { articles.push_back(std::move(a)); },
                        [&](const InputProblem& p) { problems.push_back({{"where", p.where}, {"message", p.message}}); });
    if (articles.empty()) {
      return send_error(response, 400,
                        problems.empty() ? "no article in the request body (a JSON object, or JSON lines)"
                                         : fmt::format("no article could be read: {}", problems.front().value("message", "")));
    }
    Json results = Json::array();
    std::lock_guard lock(store_mutex_);
    for (Article& article : articles) {
      const std::string id = article.id;
      const Result<PutResult> known = store_.classify(article);
      if (!known) return send_error(response, 500, known.error().message);
      if (known->outcome == PutOutcome::kUnchanged || known->outcome == PutOutcome::kDuplicate) {
        results.push_back({{"id", id}, {"outcome", to_string(known->outcome)}, {"stored_as", known->stored_as}});
        continue;
      }
      const ExtractedArticle extracted = extract_for_store(std::move(article), recognizer_);
      auto put = store_.put(extracted.article, extracted.record);
      if (!put) return send_error(response, 500, put.error().message);
      results.push_back({{"id", id}, {"outcome", to_string(put->outcome)}, {"stored_as", put->stored_as}});
    }
    auto merged = store_.merge_pending();
    if (!merged) return send_error(response, 500, merged.error().message);
    send_json(response, 201,
              Json{{"articles", std::move(results)},
                   {"problems", std::move(problems)},
                   {"merge", {{"mentions", merged->mentions}, {"events", merged->events}, {"changed", merged->changed}}}});
  });

  if (!options_.web_root.empty()) server.set_mount_point("/", options_.web_root.string());
}

}  // namespace salvo
