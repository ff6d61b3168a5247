#include "delivery/PatientErasure.h"

#include "delivery/HandoutMail.h"

#include <cerrno>
#include <csignal>
#include <set>
#include <system_error>

#include <sys/types.h>

namespace fs = std::filesystem;

namespace sp::delivery {
namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ".handout-<pid>-<n>.pdf", the desktop app's print and preview temporaries: removable
// once the process that wrote it has ended (whoever's plan it held).
bool isOrphanedTemporary(const std::string& name)
{
    if (!startsWith(name, ".handout-") || !endsWith(name, ".pdf"))
        return false;
    const std::string rest = name.substr(9);
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash > 9 || rest.substr(0, dash).find_first_not_of("0123456789") != std::string::npos)
        return false;
    const pid_t pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

bool isHandoutOf(const std::string& name, const std::set<std::int64_t>& plans)
{
    if (!endsWith(name, ".pdf"))
        return false;
    for (const std::int64_t plan : plans) {
        const std::string id = std::to_string(plan);
        if (startsWith(name, "plan-" + id + "-r") || startsWith(name, ".plan-" + id + "-"))
            return true;
    }
    return false;
}

} // namespace

ErasureReport erasePatient(db::ClinicStore& store, std::int64_t patientId, const fs::path& outbox)
{
    // The plan ids name the outbox files; after the purge nothing knows them any more.
    std::set<std::int64_t> plans;
    for (const Plan& plan : store.plans().listForPatient(patientId))
        plans.insert(plan.id);
    ErasureReport report;
    report.database = store.patients().purge(patientId);

    const fs::path folder = outbox.empty() ? keptHandoutsDir() : outbox;
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(folder, ec))
        return report;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!isHandoutOf(name, plans) && !isOrphanedTemporary(name))
            continue;
        std::error_code removeError;
        if (fs::remove(it->path(), removeError))
            report.removedFiles.push_back(it->path());
        else if (removeError)
            report.problems.push_back("could not remove " + it->path().string() + ": " + removeError.message());
    }
    if (ec)
        report.problems.push_back("could not read the outbox " + folder.string() + ": " + ec.message());
    return report;
}

} // namespace sp::delivery
