// The HTTP transport of `salvo serve`: GNU libmicrohttpd (Debian libmicrohttpd-dev) reading
// requests on a few event-driven threads, so that a client that sends half a request, or one byte
// now and then, holds a socket and a bounded buffer, never a thread others wait for.
//
// What a request may cost is bounded before any handler sees it: the request line and headers
// together (bytes), the number of header fields, the body (refused at once when its declared
// length is over the bound, before a byte of it is read), the time a connection may stay silent,
// and the number of connections open at once. A handler gets a whole request as plain values and
// returns a whole response; it may also answer from the head alone (`HttpHandler::refuse`), so
// that a body nobody will read is not waited for.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "salvo/base/result.h"

namespace salvo {

struct HttpRequest {
  std::string method;  // "GET", "POST", … as sent
  std::string target;  // the request target as sent, undecoded ("/api/events?country=IQ")
  std::string path;    // percent-decoded, without the query ("/api/articles/sub/dir/x")
  std::vector<std::pair<std::string, std::string>> params;   // the query, decoded, in order, repeats kept
  std::vector<std::pair<std::string, std::string>> headers;  // as sent, in order
  std::string body;

  // The first header of that name (case-insensitive), "" when absent.
  std::string header(std::string_view name) const;
  // The first value of a query parameter, "" when absent; how many times it is given.
  std::string param(std::string_view name) const;
  size_t param_count(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::filesystem::path file;  // when set, the body is this file's bytes (sent from the file)
};

struct HttpLimits {
  size_t max_body_bytes = 8u << 20;
  // Request line and header fields together. nginx's default (4 buffers of 8 KB) allows 32 KB.
  size_t max_head_bytes = 32u << 10;
  size_t max_header_fields = 100;  // Apache's LimitRequestFields
  int idle_timeout_seconds = 10;   // a connection silent this long is closed
  unsigned max_connections = 1000;
  int listen_backlog = 1024;  // connections the kernel queues before they are accepted
  unsigned threads = 4;       // event loops; each serves many connections
};

class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  // Called once the head is read, before the body: a response refuses the request at once (its
  // body is then not read, and the connection is closed after the answer).
  virtual std::optional<HttpResponse> refuse(const HttpRequest& head) = 0;
  // The whole request.
  virtual HttpResponse handle(const HttpRequest& request) = 0;
};

class HttpServer {
 public:
  // Listens on `address` ("127.0.0.1", "::1", "0.0.0.0", "localhost") and `port` (0: any free
  // port) and serves until stopped. The error names the address and the system's reason.
  static Result<std::unique_ptr<HttpServer>> start(const std::string& address, int port, const HttpLimits& limits,
                                                   HttpHandler& handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }
  // Stops accepting, closes every connection and waits for the threads; idempotent.
  void stop();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl, int port);
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace salvo
