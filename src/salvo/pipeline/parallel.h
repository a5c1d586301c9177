// Articles processed on several threads, results handed on in input order: `salvo extract -j N`
// and `salvo ingest -j N` print and store exactly what one thread would, in the same order.
//
// One thread reads (the reader is a push API); oneTBB's ordered pipeline runs the work in
// parallel and the emit step serially in input order. At most `in_flight` articles are held at
// once, so memory stays bounded however large the input.
#pragma once

#include <tbb/concurrent_queue.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <functional>
#include <optional>
#include <thread>
#include <type_traits>

#include "salvo/ingest/article.h"

namespace salvo {

// `read` calls its argument once per article (or other input); `work` turns an input into a
// result (on any thread; it must be thread-safe); `emit` receives the results one at a time, in
// the order `read` gave the inputs.
template <class Result, class Input = Article>
void process_in_order(size_t threads, const std::type_identity_t<std::function<void(const std::function<void(Input&&)>&)>>& read,
                      const std::type_identity_t<std::function<Result(Input&&)>>& work,
                      const std::type_identity_t<std::function<void(Result&&)>>& emit, size_t in_flight = 0) {
  if (threads <= 1) {  // no threads at all: the baseline the parallel runs are measured against
    read([&](Input&& input) { emit(work(std::move(input))); });
    return;
  }
  if (in_flight == 0) in_flight = 4 * threads;
  // The reader pushes into a bounded queue; an empty optional says it is done.
  tbb::concurrent_bounded_queue<std::optional<Input>> queue;
  queue.set_capacity(static_cast<std::ptrdiff_t>(in_flight));
  std::thread reader([&] {
    read([&](Input&& input) { queue.push(std::move(input)); });
    queue.push(std::nullopt);
  });
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        in_flight,
        tbb::make_filter<void, std::optional<Input>>(tbb::filter_mode::serial_in_order,
                                                       [&](tbb::flow_control& control) {
                                                         std::optional<Input> next;
                                                         queue.pop(next);
                                                         if (!next) control.stop();
                                                         return next;
                                                       }) &
            tbb::make_filter<std::optional<Input>, std::optional<Result>>(
                tbb::filter_mode::parallel,
                [&](std::optional<Input> input) -> std::optional<Result> {
                  if (!input) return std::nullopt;
                  return work(std::move(*input));
                }) &
            tbb::make_filter<std::optional<Result>, void>(tbb::filter_mode::serial_in_order, [&](std::optional<Result> result) {
              if (result) emit(std::move(*result));
            }));
  });
  reader.join();
}

}  // namespace salvo
