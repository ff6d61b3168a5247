// Clinic records for the terminal (text) and for scripts (JSON).
#pragma once

#include "core/ClinicLog.h"
#include "core/FollowUpNote.h"
#include "core/JsonText.h"
#include "core/Patient.h"
#include "core/Plan.h"
#include "core/PlanDiff.h"
#include "db/ClinicStore.h"
#include "db/Timeline.h"

#include <string>
#include <vector>

namespace sp::cli {

Json patientJson(const Patient& patient);
std::string patientDetails(const Patient& patient, const Date& today);
std::string patientTable(const std::vector<Patient>& patients, const Date& today);

std::string revisionDetails(const Plan& plan, const Patient& patient, const PlanRevision& revision);
std::string diffText(const PlanRevision& from, const PlanRevision& to, const PlanDiff& diff);

Json noteJson(const FollowUpNote& note);
std::string noteDetails(const FollowUpNote& note);

Json dueJson(const db::FollowUpDue& due, const Date& today);
std::string dueTable(const std::vector<db::FollowUpDue>& due, const Date& today);

Json auditJson(const AuditEntry& entry);
std::string auditTable(const std::vector<AuditEntry>& entries);

std::string timelineText(const std::vector<db::TimelineEvent>& events);

} // namespace sp::cli
