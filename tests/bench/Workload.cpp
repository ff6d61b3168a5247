#include "Workload.h"

#include "ClinicData.h"

#include <random>

namespace sp::bench {

std::vector<std::string> patientQueries(std::size_t count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<std::string> out;
    const auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    while (out.size() < count) {
        const std::string first = pick(firstNames());
        const std::string last = pick(lastNames());
        switch (rng() % 5) {
        case 0: out.push_back(last.substr(0, 3)); break;
        case 1: out.push_back(last); break;
        case 2: out.push_back(first + " " + last); break;
        case 3: out.push_back(first.substr(0, 2) + " " + last.substr(0, 4)); break;
        default: out.push_back(asciiUpper(last)); break;
        }
    }
    return out;
}

FollowUpNote benchNote(std::int64_t patientId, int i)
{
    FollowUpNote n;
    n.patientId = patientId;
    n.visitDate = kToday;
    n.painNow = i % 8;
    n.painWorst = 8;
    n.sessionsDone = 9;
    n.sessionsPrescribed = 14;
    n.psfs = {{"Putting on socks", 6}, {"Driving 30 minutes", 4}};
    n.subjective = "Morning stiffness eases after ten minutes; sitting still aggravates.";
    n.objective = "Flexion to mid-shin, extension full and pain-free, SLR 70° both sides.";
    n.assessment = "Improving; directional preference for extension holds.";
    n.planText = "Continue the home programme, add the bridge hold, review in two weeks.";
    n.nextDue = kToday.plusDays(14);
    return n;
}

} // namespace sp::bench
