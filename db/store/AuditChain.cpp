#include "db/store/AuditChain.h"

#include "hash/Sha256.h"

#include <random>

namespace sp::db {
namespace {

void field(std::string& out, const std::string& value)
{
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

void fields(std::string& out, const AuditEntry& e)
{
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
}

} // namespace

std::string canonicalAuditText(const AuditEntry& e)
{
    std::string out = "sp-audit-v1\n";
    fields(out, e);
    return out;
}

std::string canonicalAuditTextV2(const AuditEntry& e, const std::optional<std::string>& textDigest)
{
    std::string out = "sp-audit-v2\n";
    fields(out, e);
    if (textDigest)
        field(out, *textDigest);
    else
        out += "-\n";
    return out;
}

std::string auditEntryHashV2(const AuditEntry& entry, const std::optional<std::string>& textDigest)
{
    return sha256Hex(canonicalAuditTextV2(entry, textDigest));
}

std::string auditTextDigest(const std::string& salt, const std::string& text)
{
    return sha256Hex(salt + "\n" + text);
}

std::string newAuditTextSalt()
{
    std::random_device random;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string salt;
    for (int i = 0; i < 16; ++i) {
        const unsigned byte = random() & 0xffu;
        salt += kHex[byte >> 4];
        salt += kHex[byte & 0xfu];
    }
    return salt;
}

std::string auditEntryHash(const AuditEntry& entry)
{
    return sha256Hex(canonicalAuditText(entry));
}

} // namespace sp::db
