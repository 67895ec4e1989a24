#include "ledger/task.hpp"

namespace ecogov::ledger {

TaskProgress task_progress(std::span<const Milestone> milestones) noexcept {
    TaskProgress p;
    for (const Milestone& m : milestones) {
        ++p.total;
        if (m.is_done()) ++p.done;
    }
    return p;
}

}  // namespace ecogov::ledger
