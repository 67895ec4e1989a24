#pragma once
// Task ledger (任务台账) domain: tasks, their milestones (节点) and progress computed from the
// milestones (issue 4 items 1 and 2; water-soil-assessment.md §7.2 "Suggested task ledger fields").
//
// Pure: no I/O, no clock, no storage. Unit ids are the platform core's unit ids (services/
// organisation.hpp); the caller checks that they exist.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace ecogov::ledger {

/// Priority of a task. Ordered: a later enumerator is more urgent.
enum class Priority : unsigned char { low, normal, high, urgent };

/// Task status, after the §7.2 status list (未启动 / 推进中 / 已完成待验收 / 已验收 / 已销号 / 逾期
/// / 反弹). Set by the workflow (services); the domain never derives it from the clock.
enum class TaskStatus : unsigned char {
    not_started,          // 未启动
    in_progress,          // 推进中
    awaiting_acceptance,  // 已完成待验收
    accepted,             // 已验收
    closed,               // 已销号
    overdue,              // 逾期
    relapsed,             // 反弹 (reopened after closure)
};

/// State of a milestone (issue 4 item 2).
/// - pending: not done; may or may not be past its due date.
/// - done: finished; `Milestone::completion` holds the evidence reference and the done date.
/// - late: marked late by the workflow (past its due date and not done). Counts as not done.
enum class MilestoneState : unsigned char { pending, done, late };

/// Evidence that a milestone was done: a reference to the accepted report or attachment, and the
/// day it was done (may be after the due date: the milestone is then done, not late).
struct Completion {
    std::string evidence_ref;
    Date done_on;
};

/// A milestone (节点) of a task (issue 4 item 2; §7.2 "节点: planned date, deliverable, evidence").
/// Contract: `completion` is set if and only if `state == done`; `order` is 1-based and unique
/// within its task (milestones are listed in `order`).
struct Milestone {
    int order = 1;
    Date due;
    std::string deliverable;
    std::int64_t responsible_unit_id = 0;
    MilestoneState state = MilestoneState::pending;
    std::optional<Completion> completion;

    bool is_done() const noexcept { return state == MilestoneState::done; }
};

/// A task of the ledger (issue 4 item 1; §7.2; glossary "task, measures, milestones,
/// responsibility"). `category` is a code from the configurable category list (dust_control,
/// summer_ozone, diesel_trucks, ...); the domain does not restrict it. Contract: start <= due.
struct Task {
    std::string code;
    std::string title;
    std::string category;
    std::string content;                             // 任务内容
    std::vector<std::string> measures;               // 措施
    std::int64_t lead_unit_id = 0;                   // 牵头单位
    std::vector<std::int64_t> cooperating_unit_ids;  // 配合单位
    std::string responsible_leader;                  // 责任领导
    std::string responsible_person;                  // 责任人
    std::optional<std::int64_t> target_id;           // target of the platform core it serves
    Date start;
    Date due;
    Priority priority = Priority::normal;
    std::string source_document;  // 上级文件 / 督察反馈 / 信访件 / 审计 / 自查
    TaskStatus status = TaskStatus::not_started;
    std::vector<Milestone> milestones;
};

/// Progress of a task computed from its milestones, never typed in (issue 4 item 2).
/// Rule: every milestone weighs the same; progress = done / total, where a milestone counts as
/// done only in state `done` (pending and late count as not done). A task without milestones has
/// progress 0 (nothing to show for it).
struct TaskProgress {
    int done = 0;
    int total = 0;

    /// In [0, 1].
    double fraction() const noexcept {
        return total == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(total);
    }
    /// Whole percent, rounded down (so 100 only when every milestone is done).
    int percent() const noexcept { return total == 0 ? 0 : done * 100 / total; }
    auto operator<=>(const TaskProgress&) const = default;
};

TaskProgress task_progress(std::span<const Milestone> milestones) noexcept;

}  // namespace ecogov::ledger
