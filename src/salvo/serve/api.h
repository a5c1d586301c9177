// `salvo serve`: the store over HTTP, as JSON, for the dashboard (web/) and for scripts.
//
//   GET  /api/events           the filters of `salvo events` (country, since, until, type, weapon,
//                              actor, bbox, min_confidence), paging (limit, cursor) and sort
//   GET  /api/events.geojson   the same filters, as a FeatureCollection
//   GET  /api/events.csv       the same filters, as the CSV of `salvo events --format csv`
//   GET  /api/events/{id}      one merged event with its sources, evidence and conflicts
//   GET  /api/tallies          official tallies beside the attacks Salvo holds for their window
//   GET  /api/articles/{id}    an article as read, its clean text and its record (evidence offsets)
//   GET  /api/stats            counts per day, country, weapon and type, for the same filters
//   POST /api/articles         a JSON article or a JSONL batch, stored as `salvo ingest` stores it;
//                              only with a bearer token (--token-file), 401 otherwise
//
// Every error is JSON ({"error": "..."}) with its HTTP status. Requests are read-only unless
// authorised; what a request may cost is bounded by the transport (http_server.h); the store is
// used by one request at a time.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salvo/serve/http_server.h"

namespace salvo {

class Store;
class Recognizer;

struct ServeOptions {
  std::optional<std::string> token;  // POST /api/articles needs "Authorization: Bearer <token>"
  std::filesystem::path web_root;    // static files served at / (empty: none)
  HttpLimits limits;                 // what one request may cost (body, head, silence, connections)
  // Host names answered besides IP literals and "localhost" ("*": any). A page of another site
  // whose name was rebound to 127.0.0.1 (DNS rebinding) sends its own name: it is refused.
  std::vector<std::string> allowed_hosts;
};

// Whether a request's Host header (a name or address, with or without ":port") is one the
// server answers: an IP literal, "localhost", or one of `allowed`; an absent header is.
bool host_allowed(std::string_view host, const std::vector<std::string>& allowed);

// An article's source as the API shows it: the file name (with ":line" for a JSONL record),
// never the folders of the server's disk it was read from.
std::string served_source(std::string_view source);

inline constexpr size_t kDefaultEventPage = 1000;

class Api : public HttpHandler {
 public:
  // `store` and `recognizer` must outlive the server.
  Api(Store& store, const Recognizer& recognizer, ServeOptions options);

  // Listens on `address`:`port` (0: a free port) and serves this API until the server is stopped.
  Result<std::unique_ptr<HttpServer>> serve(const std::string& address, int port);

  // What can be refused from the head alone: another host's name, a path that climbs, a method
  // or body type no route takes, a POST without the token (its body is then never read).
  std::optional<HttpResponse> refuse(const HttpRequest& head) override;
  HttpResponse handle(const HttpRequest& request) override;

 private:
  HttpResponse route(const HttpRequest& request);
  HttpResponse post_articles(const HttpRequest& request);

  Store& store_;
  const Recognizer& recognizer_;
  ServeOptions options_;
  std::mutex store_mutex_;  // SQLite statements of one connection: one request at a time
};

// Whether a request path (percent-decoded) holds a ".." segment, a backslash or a NUL: refused
// before routing, so that no static file is read outside the web root or under another name.
bool unsafe_path(std::string_view path);

// Whether `given` equals `expected`, in a time that does not depend on where they differ.
bool same_secret(const std::string& given, const std::string& expected);

}  // namespace salvo
