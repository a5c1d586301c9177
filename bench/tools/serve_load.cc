// A load client for `salvo serve`: N keep-alive connections, each requesting the dashboard's and
// scripts' endpoints in turn for S seconds; prints requests/s and latency percentiles, and exits
// 1 if any request failed or was not answered 200.
//   serve_load HOST PORT CONNECTIONS SECONDS [PATH...]      (bench/serve-load runs it)
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: serve_load HOST PORT CONNECTIONS SECONDS [PATH...]\n");
    return 2;
  }
  const std::string host = argv[1];
  const int port = std::atoi(argv[2]);
  const int connections = std::atoi(argv[3]);
  const double seconds = std::atof(argv[4]);
  std::vector<std::string> paths(argv + 5, argv + argc);
  if (paths.empty()) {
    paths = {"/api/events?limit=100", "/api/events?country=IQ&limit=100", "/api/events.geojson", "/api/tallies", "/api/stats"};
    // One event by id, taken from the store being served.
    httplib::Client probe(host, port);
    if (auto first = probe.Get("/api/events?limit=1"); first && first->status == 200) {
      const auto body = nlohmann::json::parse(first->body, nullptr, false);
      if (!body.is_discarded() && !body["events"].empty()) paths.push_back("/api/events/" + body["events"][0]["id"].get<std::string>());
    } else {
      std::fprintf(stderr, "serve_load: no answer from http://%s:%d/api/events\n", host.c_str(), port);
      return 1;
    }
  }

  std::mutex merge;
  std::vector<double> latencies_ms;
  std::map<std::string, int> errors;
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::vector<std::thread> clients;
  for (int c = 0; c < connections; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(30, 0);  // a slow answer is measured; only one slower than this is an error
      std::vector<double> mine;
      std::map<std::string, int> my_errors;
      for (size_t i = static_cast<size_t>(c); std::chrono::steady_clock::now() < until; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto result = client.Get(paths[i % paths.size()]);
        mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!result) ++my_errors["transport: " + httplib::to_string(result.error())];
        else if (result->status != 200) ++my_errors["HTTP " + std::to_string(result->status)];
      }
      std::lock_guard lock(merge);
      latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
      for (const auto& [kind, n] : my_errors) errors[kind] += n;
    });
  }
  for (std::thread& t : clients) t.join();

  std::sort(latencies_ms.begin(), latencies_ms.end());
  const auto percentile = [&](double p) {
    return latencies_ms.empty() ? 0.0 : latencies_ms[std::min(latencies_ms.size() - 1, static_cast<size_t>(p * latencies_ms.size()))];
  };
  int failed = 0;
  for (const auto& [kind, n] : errors) failed += n;
  std::printf("%d connections, %.0f s, %zu paths: %zu requests, %.0f requests/s\n", connections, seconds, paths.size(),
              latencies_ms.size(), latencies_ms.size() / seconds);
  std::printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n", percentile(0.50), percentile(0.90), percentile(0.99),
              latencies_ms.empty() ? 0.0 : latencies_ms.back());
  std::printf("errors: %d\n", failed);
  for (const auto& [kind, n] : errors) std::printf("  %s: %d\n", kind.c_str(), n);
  return failed == 0 ? 0 : 1;
}
