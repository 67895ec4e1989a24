#pragma once
// ConnectionPool: the free list behind Database::acquire (shared by both backends).
// Contract: holds the connections not lent out; take() blocks until one is free; put() returns
// one and wakes a waiter. Thread-safe. The pool never opens connections itself: the backend
// fills it at open time, so a pool of N means at most N connections to the database.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.hpp"

namespace ecogov::storage {

class ConnectionPool {
  public:
    void put(std::unique_ptr<Connection> c) {
        {
            std::lock_guard lock(mutex_);
            free_.push_back(std::move(c));
        }
        ready_.notify_one();
    }

    std::unique_ptr<Connection> take() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return !free_.empty(); });
        auto c = std::move(free_.back());
        free_.pop_back();
        return c;
    }

  private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::vector<std::unique_ptr<Connection>> free_;
};

}  // namespace ecogov::storage
