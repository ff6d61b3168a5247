#include "db/sqlite/AuditChain.h"

#include "hash/Sha256.h"

namespace sp::db {
namespace {

void field(std::string& out, const std::string& value)
{
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

} // namespace

std::string canonicalAuditText(const AuditEntry& e)
{
    std::string out = "sp-audit-v1\n";
    field(out, e.prevHash);
    field(out, e.at);
    field(out, e.actor);
    field(out, e.action);
    field(out, e.entity);
    field(out, std::to_string(e.entityId));
    if (e.patientId)
        field(out, std::to_string(*e.patientId));
    else
        out += "-\n";
    field(out, e.details);
    return out;
}

std::string auditEntryHash(const AuditEntry& entry)
{
    return sha256Hex(canonicalAuditText(entry));
}

} // namespace sp::db
