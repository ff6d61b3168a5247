// What handing out a stored plan reads: the clinic database, the catalog (the packs'
// guidance and red flags), the guidance thresholds, the clinic's branding and today's
// date. The command line fills it from CliContext, the desktop app from its Workspace,
// so both make the same handout from the same records.
#pragma once

#include "core/Catalog.h"
#include "core/ClinicProfile.h"
#include "core/Date.h"
#include "core/Guidance.h"
#include "db/ClinicStore.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace sp::delivery {

struct DeliveryContext {
    db::ClinicStore& store;
    const Catalog& catalog;
    const GuidanceThresholds& thresholds;
    ClinicProfile clinic;
    Date today;
};

// A handout that cannot be made, sent or logged; the message says what and where.
class DeliveryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A guidance blocker stands and no override reason was given.
class BlockedError : public DeliveryError {
public:
    BlockedError(const std::string& message, std::vector<Finding> blockers)
        : DeliveryError(message), m_blockers(std::move(blockers))
    {
    }
    const std::vector<Finding>& blockers() const { return m_blockers; }

private:
    std::vector<Finding> m_blockers;
};

} // namespace sp::delivery
