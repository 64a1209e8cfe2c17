// OrderedPool: results in submission order whatever order the workers finish in, a bound on the
// items in flight, errors handed to the consumer, and an early stop that never hangs.
#include "common/ordered_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace {

using rawabit::OrderedPool;
using namespace std::chrono_literals;

// Later items finish first: item i sleeps (n - i) % 7 hundred microseconds.
void slow_square(int& x) {
  std::this_thread::sleep_for(std::chrono::microseconds(100 * ((1000 - x) % 7)));
  x = x * x;
}

struct Case {
  size_t workers, max_in_flight, items;
};

TEST(OrderedPool, ConsumesEveryItemOnceInSubmissionOrder) {
  for (Case c : {Case{1, 1, 50}, Case{2, 4, 200}, Case{4, 3, 300}, Case{8, 64, 500}}) {
    OrderedPool<int> pool(c.workers, c.max_in_flight, slow_square);
    std::thread producer([&] {
      for (int i = 0; i < static_cast<int>(c.items); ++i) pool.submit(i);
      pool.close();
    });
    std::vector<int> seen;
    pool.consume([&](int& x) { seen.push_back(x); });
    producer.join();
    ASSERT_EQ(seen.size(), c.items) << c.workers << " workers";
    for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], static_cast<int>(i * i)) << "item " << i;
  }
}

TEST(OrderedPool, NeverHoldsMoreThanTheBoundInFlight) {
  constexpr size_t kBound = 5;
  std::atomic<int> submitted{0}, consumed{0};
  std::atomic<int> most{0};
  OrderedPool<int> pool(3, kBound, [](int&) {});
  std::thread producer([&] {
    for (int i = 0; i < 200; ++i) {
      pool.submit(i);
      int now = ++submitted - consumed;
      for (int m = most; now > m && !most.compare_exchange_weak(m, now);) {
      }
    }
    pool.close();
  });
  pool.consume([&](int&) {
    std::this_thread::sleep_for(50us);  // a slow consumer, so that the producer runs ahead
    ++consumed;
  });
  producer.join();
  EXPECT_EQ(consumed, 200);
  EXPECT_LE(most, static_cast<int>(kBound) + 1);  // +1: a count read between submit and ++consumed
}

// Items of declared sizes: the producer waits while their sizes reach the bound, whatever their
// number; an item larger than the bound still goes through, alone.
TEST(OrderedPool, NeverHoldsMoreThanTheByteBoundInFlight) {
  constexpr size_t kBytes = 1000;
  std::atomic<size_t> submitted{0}, consumed{0}, most{0};
  OrderedPool<int> pool(3, rawabit::InFlightLimit{1000, kBytes}, [](int&) {});
  auto size_of = [](int i) -> size_t { return i == 50 ? 5000 : 100 + static_cast<size_t>(i % 7) * 50; };
  std::thread producer([&] {
    for (int i = 0; i < 200; ++i) {
      pool.submit(i, size_of(i));
      size_t now = (submitted += size_of(i)) - consumed;
      for (size_t m = most; now > m && !most.compare_exchange_weak(m, now);) {
      }
    }
    pool.close();
  });
  std::vector<int> seen;
  pool.consume([&](int& x) {
    std::this_thread::sleep_for(50us);
    seen.push_back(x);
    consumed += size_of(x);
  });
  producer.join();
  ASSERT_EQ(seen.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(seen[static_cast<size_t>(i)], i);
  // Below the bound when an item is admitted, plus that item and one counted late (see above):
  // only the oversized item, alone, goes past it.
  EXPECT_LE(most, kBytes + 2 * 400 + 5000);
  EXPECT_GE(most, 5000u) << "the oversized item went through";
}

TEST(OrderedPool, AWorkersErrorReachesTheConsumerAtItsItem) {
  OrderedPool<int> pool(2, 8, [](int& x) {
    if (x == 7) throw std::runtime_error("bad item 7");
  });
  std::thread producer([&] {
    for (int i = 0; i < 20; ++i) pool.submit(i);
    pool.close();
  });
  std::vector<int> seen;
  try {
    pool.consume([&](int& x) { seen.push_back(x); });
    FAIL() << "the error was not rethrown";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "bad item 7");
  }
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
  pool.abandon();  // the producer may be blocked on a full pool: it must return
  producer.join();
}

TEST(OrderedPool, AbandonReleasesABlockedProducer) {
  OrderedPool<int> pool(1, 2, [](int&) {});
  std::atomic<bool> done{false};
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) pool.submit(i);  // blocks: nobody consumes
    done = true;
  });
  std::this_thread::sleep_for(20ms);
  EXPECT_FALSE(done);
  pool.abandon();
  producer.join();
  EXPECT_TRUE(done);
}

TEST(OrderedPool, CloseWithNothingSubmittedEndsConsume) {
  OrderedPool<int> pool(4, 4, [](int&) {});
  std::thread closer([&] {
    std::this_thread::sleep_for(10ms);
    pool.close();
  });
  size_t n = 0;
  pool.consume([&](int&) { ++n; });
  closer.join();
  EXPECT_EQ(n, 0u);
}

}  // namespace

namespace {

int own_nice_value() { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); }

TEST(OrderedPool, WorkersBelowTheConsumerRunAtALowerPriority) {
  for (auto [priority, expected_difference] :
       {std::pair{rawabit::WorkerPriority::Same, 0}, std::pair{rawabit::WorkerPriority::BelowConsumer, 10}}) {
    const int consumer = own_nice_value();
    if (consumer + expected_difference > 19) GTEST_SKIP() << "the test runs at nice " << consumer;
    std::atomic<int> worker{-100};
    OrderedPool<int> pool(2, rawabit::InFlightLimit{4}, [&](int&) { worker = own_nice_value(); }, priority);
    std::thread producer([&] {
      for (int i = 0; i < 10; ++i) pool.submit(i);
      pool.close();
    });
    pool.consume([](int&) {});
    producer.join();
    EXPECT_EQ(worker - consumer, expected_difference);
    EXPECT_EQ(own_nice_value(), consumer) << "the consumer's own priority is left alone";
  }
}

}  // namespace
