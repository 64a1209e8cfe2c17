// A pool of worker threads that processes items in parallel and hands them back in the order
// they were submitted, with a bounded number of items in flight.
//
// Contract: submit() blocks while the items submitted but not yet consumed reach the limit —
// `items` of them, or `bytes` of their declared sizes (an item is always admitted into an empty
// pool, however large) — so memory stays bounded whatever the input size; consume() runs in the
// calling thread and sees every item exactly once, in submission order, after `work` has run on
// it. An exception thrown by `work` is rethrown by consume() for that item. close() ends
// submission; consume() returns once every submitted item has been consumed. submit() and
// consume() run in different threads.
// With WorkerPriority::BelowConsumer the workers run at a lower scheduling priority (Linux nice
// +10), so that a serial consumer with fewer cores than threads is not slowed by them.
#pragma once
#include <sys/resource.h>
#include <unistd.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "common/huge_pages.hpp"

namespace rawabit {

enum class WorkerPriority { Same, BelowConsumer };

struct InFlightLimit {
  size_t items;
  size_t bytes = SIZE_MAX;
};

template <class Item>
class OrderedPool {
 public:
  OrderedPool(size_t workers, InFlightLimit limit, std::function<void(Item&)> work,
              WorkerPriority priority = WorkerPriority::Same)
      : work_(std::move(work)), max_in_flight_(std::max<size_t>(limit.items, 1)), max_bytes_(limit.bytes) {
    for (size_t i = 0; i < std::max<size_t>(workers, 1); ++i) {
      threads_.emplace_back([this, priority] {
        // Best effort: a thread may always lower its own priority, and nothing depends on it.
        if (priority == WorkerPriority::BelowConsumer) (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
        ask_huge_pages_for_thread_heap();
        run_worker();
      });
    }
  }

  ~OrderedPool() {
    abandon();
    for (std::thread& t : threads_) t.join();
  }

  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  OrderedPool(size_t workers, size_t max_in_flight, std::function<void(Item&)> work)
      : OrderedPool(workers, InFlightLimit{max_in_flight}, std::move(work)) {}

  // `bytes`: the item's size, counted against the limit's bytes until it is consumed.
  void submit(Item item, size_t bytes = 0) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] {
      return (in_flight_ < max_in_flight_ && bytes_in_flight_ < max_bytes_) || in_flight_ == 0 || stopping_;
    });
    if (stopping_) return;
    pending_.push_back({next_submitted_++, std::move(item), bytes});
    ++in_flight_;
    bytes_in_flight_ += bytes;
    lock.unlock();
    work_ready_.notify_one();
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    wake_everyone();
  }

  // Stops the pool early (the consumer failed): blocked submit() calls return.
  void abandon() {
    {
      std::lock_guard lock(mutex_);
      closed_ = stopping_ = true;
    }
    wake_everyone();
  }

  void consume(const std::function<void(Item&)>& use) {
    std::vector<Done> ready;  // the next items in order that are done, taken under one lock
    while (true) {
      ready.clear();
      {
        std::unique_lock lock(mutex_);
        next_ready_.wait(lock, [&] {
          return finished_.count(next_consumed_) || (closed_ && next_consumed_ == next_submitted_) || stopping_;
        });
        for (auto it = finished_.find(next_consumed_); it != finished_.end(); it = finished_.find(next_consumed_)) {
          ready.push_back(std::move(it->second));
          finished_.erase(it);
          ++next_consumed_;
        }
        if (ready.empty()) return;
      }
      for (Done& done : ready) {
        if (done.error) std::rethrow_exception(done.error);
        use(done.item);
        bool refill;
        {
          std::lock_guard lock(mutex_);
          --in_flight_;
          bytes_in_flight_ -= done.bytes;
          refill = in_flight_ <= max_in_flight_ / 2 && bytes_in_flight_ <= max_bytes_ / 2;
        }
        // A submit() blocked on a full pool is woken once half of it has drained, and then
        // submits half a pool's worth, rather than being woken (two context switches) for
        // every item consumed.
        if (refill) room_.notify_one();
      }
    }
  }

 private:
  struct Pending {
    size_t seq;
    Item item;
    size_t bytes;
  };
  struct Done {
    Item item;
    std::exception_ptr error;
    size_t bytes;
  };

  void run_worker() {
    while (true) {
      std::optional<Pending> job;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return !pending_.empty() || closed_; });
        if (pending_.empty() || stopping_) return;
        job.emplace(std::move(pending_.front()));
        pending_.pop_front();
      }
      Done done{std::move(job->item), nullptr, job->bytes};
      try {
        work_(done.item);
      } catch (...) {
        done.error = std::current_exception();
      }
      bool wake_consumer;
      {
        std::lock_guard lock(mutex_);
        finished_.emplace(job->seq, std::move(done));
        // The consumer waits for the next item in order. While more work is queued, it is woken
        // once kWakeBatch items are done rather than for each one (it takes all the ready ones
        // at once); with nothing queued, at once. The same once the input is closed: woken for
        // each item then, a consumer sharing a core with the workers took turns with them every
        // two or three items through the last pool's worth.
        wake_consumer = finished_.count(next_consumed_) && (finished_.size() >= kWakeBatch || pending_.empty());
      }
      if (wake_consumer) next_ready_.notify_one();
    }
  }

  void wake_everyone() {
    work_ready_.notify_all();
    next_ready_.notify_all();
    room_.notify_all();
  }

  static constexpr size_t kWakeBatch = 16;
  std::function<void(Item&)> work_;
  const size_t max_in_flight_, max_bytes_;
  std::mutex mutex_;
  // One condition each, so that an event wakes only the threads it concerns: workers wait for
  // work_ready_, the consumer for next_ready_ (the next item in order is done), submit() for room_.
  std::condition_variable work_ready_, next_ready_, room_;
  std::deque<Pending> pending_;
  std::map<size_t, Done> finished_;
  size_t next_submitted_ = 0, next_consumed_ = 0, in_flight_ = 0, bytes_in_flight_ = 0;
  bool closed_ = false, stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace rawabit
