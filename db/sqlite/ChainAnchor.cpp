#include "db/sqlite/ChainAnchor.h"

#include "db/sqlite/ChainCheckpoints.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace sp::db::sqlite {
namespace {

// The checkpoints against the entries as the chain check read them (id order).
CheckResult compareWithCheckpoints(const CheckpointFile& file, const std::vector<AuditHead>& entries)
{
    if (!file.problems.empty())
        return {false, "the checkpoint file is damaged: " + file.problems.front()};
    std::vector<AuditHead> sorted = file.checkpoints;
    std::stable_sort(sorted.begin(), sorted.end(), [](const AuditHead& a, const AuditHead& b) { return a.id < b.id; });
    for (const AuditHead& c : sorted) {
        const auto it = std::lower_bound(entries.begin(), entries.end(), c.id,
                                         [](const AuditHead& e, std::int64_t id) { return e.id < id; });
        const std::string id = std::to_string(c.id);
        if (it == entries.end() || it->id != c.id)
            return {false, "audit entry " + id + " was checkpointed but is missing from the log: entries were removed"};
        if (it->hash != c.hash)
            return {false, "audit entry " + id + " does not match its checkpoint: it, or the chain up to it, was "
                                                 "rewritten after it was written"};
    }
    return {true, "ok"};
}

} // namespace

void checkAnchoredChain(const store::StoreContext& ctx, const fs::path& file, CheckReport& report)
{
    struct {
        CheckResult chain, anchor;
        AuditHead head;
    } verdict;
    // Read before the snapshot: a checkpoint is written after its entry commits, so every
    // checkpoint read here names an entry the snapshot can see.
    const fs::path anchorFile = checkpointFileOf(file);
    std::optional<CheckpointFile> anchors;
    try {
        anchors = readCheckpoints(anchorFile);
    } catch (const DbError& e) {
        verdict.anchor = {false, e.what()};
    }
    const store::ChainScan scan = store::scanAuditChain(ctx);
    const std::vector<AuditHead>& entries = scan.entries;
    verdict.chain = scan.chain;
    verdict.head = scan.head;
    const auto done = [&] {
        report.auditChain = verdict.chain;
        report.auditAnchor = verdict.anchor;
        report.auditHead = verdict.head;
    };
    if (!verdict.anchor.detail.empty())
        return done(); // the file could not be read
    if (!anchors) {
        verdict.anchor = {true, "no checkpoint file " + anchorFile.string() +
                                    ": the chain cannot be compared with an anchor", true};
        if (verdict.head.id == 0) {
            verdict.anchor = {true, "ok (no audit entries yet)"};
            return done();
        }
    } else {
        verdict.anchor = compareWithCheckpoints(*anchors, entries);
        const auto newest = std::max_element(anchors->checkpoints.begin(), anchors->checkpoints.end(),
                                             [](const AuditHead& a, const AuditHead& b) { return a.id < b.id; });
        const std::int64_t covered = newest == anchors->checkpoints.end() ? 0 : newest->id;
        if (!verdict.anchor.ok || covered >= verdict.head.id)
            return done();
        verdict.anchor.detail = "ok (entries " + std::to_string(covered + 1) + " to " +
                                std::to_string(verdict.head.id) + " were newer than the last checkpoint)";
    }
    // Anchor what was just verified: a first checkpoint, or the head a failed write missed.
    if (!verdict.chain.ok)
        return done();
    try {
        appendCheckpoint(anchorFile, verdict.head);
        if (!anchors)
            verdict.anchor.detail += "; a first checkpoint was started at entry " + std::to_string(verdict.head.id);
    } catch (const DbError& e) {
        verdict.anchor.detail += std::string("; ") + e.what();
        verdict.anchor.warning = true;
    }
    done();
}

void anchorCommittedAudit(const fs::path& file, const AuditHead& head) noexcept
{
    try {
        appendCheckpoint(checkpointFileOf(file), head);
    } catch (...) { // committed already: the check reports the entries no checkpoint covers
    }
}

} // namespace sp::db::sqlite
