#include "db/store/ChangeAnnouncement.h"

#include <nlohmann/json.hpp>

namespace sp::db::store {

std::string changeAnnouncement(const AuditEntry& e)
{
    nlohmann::json j = {{"action", e.action}, {"entity", e.entity}, {"id", e.entityId}, {"actor", e.actor}};
    j["patient"] = e.patientId ? nlohmann::json(*e.patientId) : nlohmann::json(nullptr);
    return j.dump();
}

std::optional<ChangeEvent> parseChangeAnnouncement(const std::string& text)
{
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("action") || !j["action"].is_string() || !j.contains("entity") ||
        !j["entity"].is_string() || !j.contains("id") || !j["id"].is_number_integer())
        return std::nullopt;
    ChangeEvent event;
    event.action = j["action"].get<std::string>();
    event.entity = j["entity"].get<std::string>();
    event.entityId = j["id"].get<std::int64_t>();
    if (j.contains("patient") && j["patient"].is_number_integer())
        event.patientId = j["patient"].get<std::int64_t>();
    if (j.contains("actor") && j["actor"].is_string())
        event.actor = j["actor"].get<std::string>();
    return event;
}

} // namespace sp::db::store
