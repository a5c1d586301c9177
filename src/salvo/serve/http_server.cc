#include "salvo/serve/http_server.h"

#include <fmt/format.h>
#include <microhttpd.h>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "salvo/base/ascii.h"

namespace salvo {

std::string HttpRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_ascii_case(key, name)) return value;
  }
  return {};
}

std::string HttpRequest::param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  return {};
}

size_t HttpRequest::param_count(std::string_view name) const {
  size_t n = 0;
  for (const auto& [key, value] : params) n += key == name ? 1 : 0;
  return n;
}

namespace {

// One request on its way in: the head as read, then the body as it comes.
struct Exchange {
  HttpRequest request;
  bool head_read = false;
  size_t body_bytes_seen = 0;  // of a chunked body that grew past the bound, what came after it
  bool body_too_large = false;
};

HttpResponse json_error(int status, std::string_view message) {
  // The message is this file's own text: ASCII, nothing to escape but quotes (none are used).
  return HttpResponse{status, "application/json; charset=utf-8", fmt::format("{{\"error\": \"{}\"}}", message), {}, {}};
}

MHD_Result collect(void* into, MHD_ValueKind, const char* key, size_t key_size, const char* value, size_t value_size) {
  // The sizes, not the C strings: a decoded "%00" is a NUL inside the value, which the handler
  // must see (an "actor=%00" read as "" would filter nothing and match every event).
  static_cast<std::vector<std::pair<std::string, std::string>>*>(into)->emplace_back(
      std::string(key, key_size), value ? std::string(value, value_size) : std::string());
  return MHD_YES;
}

// A refusal answers from the head alone: the body (if any) is not read, so the connection
// cannot be reused and is closed after the answer.
HttpResponse closing(HttpResponse response) {
  response.headers.emplace_back("Connection", "close");
  return response;
}

}  // namespace

struct HttpServer::Impl {
  HttpLimits limits;
  HttpHandler* handler = nullptr;
  MHD_Daemon* daemon = nullptr;
  int listen_fd = -1;

  static void* on_uri(void*, const char* uri, MHD_Connection*) {
    auto* exchange = new Exchange;
    exchange->request.target = uri ? uri : "";
    return exchange;
  }

  static void on_completed(void*, MHD_Connection*, void** state, MHD_RequestTerminationCode) {
    delete static_cast<Exchange*>(*state);
    *state = nullptr;
  }

  static MHD_Result on_request(void* self, MHD_Connection* connection, const char* url, const char* method, const char*,
                               const char* upload, size_t* upload_size, void** state) {
    auto& impl = *static_cast<Impl*>(self);
    auto* exchange = static_cast<Exchange*>(*state);
    if (!exchange) return MHD_NO;  // every request passes on_uri first
    try {
      HttpRequest& request = exchange->request;
      if (!exchange->head_read) {
        exchange->head_read = true;
        request.method = method;
        request.path = url;
        MHD_get_connection_values_n(connection, MHD_HEADER_KIND, collect, &request.headers);
        MHD_get_connection_values_n(connection, MHD_GET_ARGUMENT_KIND, collect, &request.params);
        if (auto refusal = impl.check_head(request)) return impl.send(connection, closing(std::move(*refusal)));
        if (auto refusal = impl.handler->refuse(request)) return impl.send(connection, closing(std::move(*refusal)));
        return MHD_YES;  // then the body, if any, comes in pieces
      }
      if (*upload_size > 0) {
        // A chunked body has no declared length to refuse at once. Once it grows past the bound it
        // is no longer kept; the rest is read and dropped so that the client hears 413 when it
        // ends (libmicrohttpd answers only before a body or after it). One that goes on for as
        // much again is cut off unanswered.
        exchange->body_bytes_seen += *upload_size;
        if (!exchange->body_too_large && request.body.size() + *upload_size > impl.limits.max_body_bytes) {
          exchange->body_too_large = true;
          std::string().swap(request.body);
        }
        if (exchange->body_too_large && exchange->body_bytes_seen > 2 * impl.limits.max_body_bytes) return MHD_NO;
        if (!exchange->body_too_large) request.body.append(upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
      }
      if (exchange->body_too_large) return impl.send(connection, closing(impl.body_too_large()));
      return impl.send(connection, impl.handler->handle(request));
    } catch (const std::exception& e) {
      return impl.send(connection, json_error(500, "internal error"));
    }
  }

  HttpResponse body_too_large() const {
    return json_error(413, fmt::format("request body over {} bytes (salvo serve --max-body-bytes)", limits.max_body_bytes));
  }

  // The transport's own bounds, checked before any handler sees the request.
  std::optional<HttpResponse> check_head(const HttpRequest& request) const {
    if (request.headers.size() > limits.max_header_fields) {
      return json_error(431, fmt::format("more than {} header fields", limits.max_header_fields));
    }
    size_t head_bytes = request.method.size() + request.target.size();
    for (const auto& [key, value] : request.headers) head_bytes += key.size() + value.size() + 4;
    if (head_bytes > limits.max_head_bytes) {
      return json_error(431, fmt::format("request line and headers over {} bytes", limits.max_head_bytes));
    }
    // The decoded path is handed on as a C string, which a NUL would cut short unseen: no name
    // served holds one ("/index.html%00.js" must not be index.html).
    const std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
    if (path.find("%00") != std::string_view::npos) return json_error(400, "a path may not hold a NUL byte");
    const std::string length = request.header("Content-Length");
    if (!length.empty()) {
      size_t declared = 0;
      const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), declared);
      if (error != std::errc() || end != length.data() + length.size()) return json_error(400, "a malformed Content-Length");
      if (declared > limits.max_body_bytes) return body_too_large();
    }
    return std::nullopt;
  }

  MHD_Result send(MHD_Connection* connection, const HttpResponse& response) {
    MHD_Response* reply = nullptr;
    if (!response.file.empty()) {
      const int fd = ::open(response.file.c_str(), O_RDONLY | O_CLOEXEC);
      struct stat info {};
      if (fd >= 0 && fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
        reply = MHD_create_response_from_fd64(static_cast<uint64_t>(info.st_size), fd);  // closes fd when done
      } else {
        if (fd >= 0) ::close(fd);
        return send(connection, json_error(404, "no such file"));
      }
    } else {
      reply = MHD_create_response_from_buffer(response.body.size(), const_cast<char*>(response.body.data()),
                                              MHD_RESPMEM_MUST_COPY);
    }
    if (!reply) return MHD_NO;
    if (!response.content_type.empty()) MHD_add_response_header(reply, MHD_HTTP_HEADER_CONTENT_TYPE, response.content_type.c_str());
    for (const auto& [key, value] : response.headers) MHD_add_response_header(reply, key.c_str(), value.c_str());
    const MHD_Result queued = MHD_queue_response(connection, static_cast<unsigned>(response.status), reply);
    MHD_destroy_response(reply);
    return queued;
  }
};

namespace {

// A bound, listening, non-blocking socket of `address`:`port`, or why there is none.
Result<int> listen_on(const std::string& address, int port, int backlog) {
  const std::string where = fmt::format("{}:{}", address, port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int status = getaddrinfo(address.c_str(), service.c_str(), &hints, &found); status != 0) {
    return Error{fmt::format("cannot listen on {}: {}", where, gai_strerror(status))};
  }
  std::string reason = "no address";
  int fd = -1;
  for (const addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) {
      reason = std::strerror(errno);
      continue;
    }
    // SO_REUSEADDR lets a restarted server bind at once; never SO_REUSEPORT, with which a second
    // server would listen beside the first and take half of its requests.
    const int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (a->ai_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, backlog) != 0) {
      reason = std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  if (fd < 0) return Error{fmt::format("cannot listen on {}: {}", where, reason)};
  return fd;
}

}  // namespace

HttpServer::HttpServer(std::unique_ptr<Impl> impl, int port) : impl_(std::move(impl)), port_(port) {}

HttpServer::~HttpServer() { stop(); }

Result<std::unique_ptr<HttpServer>> HttpServer::start(const std::string& address, int port, const HttpLimits& limits,
                                                      HttpHandler& handler) {
  auto fd = listen_on(address, port, limits.listen_backlog);
  if (!fd) return fd.error();
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  getsockname(*fd, reinterpret_cast<sockaddr*>(&bound), &length);
  const bool v6 = bound.ss_family == AF_INET6;
  const int bound_port = ntohs(v6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                  : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);

  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  impl->handler = &handler;
  impl->listen_fd = *fd;
  // The pool holds the request line and headers besides the read and write buffers: twice the
  // head's bound, so that the exact bound (check_head) is what refuses a head, with a reason.
  const size_t pool_bytes = std::max<size_t>(2 * limits.max_head_bytes, 16u << 10);
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC;
  if (v6) flags |= MHD_USE_IPv6;
  impl->daemon = MHD_start_daemon(
      flags, 0, nullptr, nullptr, &Impl::on_request, impl.get(), MHD_OPTION_LISTEN_SOCKET, static_cast<MHD_socket>(*fd),
      MHD_OPTION_THREAD_POOL_SIZE, std::max(1u, limits.threads), MHD_OPTION_CONNECTION_LIMIT, limits.max_connections,
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(limits.idle_timeout_seconds), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      pool_bytes, MHD_OPTION_URI_LOG_CALLBACK, &Impl::on_uri, impl.get(), MHD_OPTION_NOTIFY_COMPLETED, &Impl::on_completed,
      impl.get(), MHD_OPTION_END);
  if (!impl->daemon) {
    ::close(*fd);
    return Error{fmt::format("cannot serve on {}:{}: the HTTP server did not start", address, port)};
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl), bound_port));
}

void HttpServer::stop() {
  if (!impl_ || !impl_->daemon) return;
  // Quiesced first, the listening socket comes back to us to close (the daemon did not open it).
  const MHD_socket fd = MHD_quiesce_daemon(impl_->daemon);
  MHD_stop_daemon(impl_->daemon);
  impl_->daemon = nullptr;
  if (fd != MHD_INVALID_SOCKET) ::close(fd);
}

}  // namespace salvo
