#include "pluginhost/PluginSettings.h"

#include "core/Exercise.h"
#include "core/JsonReader.h"

#include <cmath>

namespace sp {
namespace {

bool isSha256Hex(const std::string& text)
{
    if (text.size() != 64)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

std::optional<PluginState> parseState(const Json& value, const std::string& pointer, ProblemSink& sink)
{
    ObjectReader r(value, pointer, sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    PluginState state;
    if (const Json* enabled = r.member("enabled")) {
        if (enabled->is_boolean())
            state.enabled = enabled->get<bool>();
        else
            sink.add(r.pointerOf("enabled"), "expected true or false, got " + typeName(*enabled));
    }
    for (const auto& [key, into] : {std::pair{"sha256", &state.sha256}, std::pair{"folder_sha256", &state.folderSha256}}) {
        if (const Json* sha = r.member(key, Presence::Optional)) {
            if (sha->is_string() && isSha256Hex(sha->get<std::string>()))
                *into = sha->get<std::string>();
            else
                sink.add(r.pointerOf(key), quoteValue(*sha) + " is not a SHA-256 in lower-case hex");
        }
    }
    r.finish();
    return sink.count() == before ? std::optional(state) : std::nullopt;
}

} // namespace

PluginSettings parsePluginSettings(const Json& section, ProblemSink& sink)
{
    PluginSettings settings;
    ObjectReader r(section, "/plugins", sink);
    if (!r.isObject())
        return settings;
    if (auto seconds = r.number("timeout_s", 0.1, 300, Presence::Optional))
        settings.timeout = std::chrono::milliseconds(std::lround(*seconds * 1000));
    if (const Json* states = r.member("state", Presence::Optional)) {
        const std::string pointer = r.pointerOf("state");
        if (!states->is_object()) {
            sink.add(pointer, "expected an object of plugin ids, got " + typeName(*states));
        } else {
            for (const auto& [id, value] : states->items()) {
                const std::string at = pointer + "/" + pointerToken(id);
                if (!isValidId(id)) {
                    sink.add(at, quoteValue(Json(id)) + " is not a plugin id");
                    continue;
                }
                if (auto state = parseState(value, at, sink))
                    settings.states[id] = *state;
            }
        }
    }
    r.finish();
    return settings;
}

EnableDecision decideEnabled(const PluginSettings& settings, const std::string& id, PluginKind kind,
                             PluginOrigin origin, const std::string& sha256, const std::string& folderSha256)
{
    const auto it = settings.states.find(id);
    const PluginState* state = it == settings.states.end() ? nullptr : &it->second;
    if (state && !state->enabled)
        return {false, "disabled by a clinician; enable it with 'stretchplan-cli plugins enable " + id + "'"};
    if (kind == PluginKind::Pack || origin == PluginOrigin::BuiltIn)
        return {};
    if (!state)
        return {false, "a native plugin runs code with your permissions, so it stays off until you trust it: "
                       "enable it with 'stretchplan-cli plugins enable " + id + "'"};
    if (state->sha256 != sha256 || state->folderSha256 != folderSha256)
        return {false, "its library or another file in its folder changed since it was enabled; check where the new "
                       "version came from, then "
                       "enable it again with 'stretchplan-cli plugins enable " + id + "'"};
    return {};
}

Json toJson(const PluginSettings& settings)
{
    Json states = Json::object();
    for (const auto& [id, state] : settings.states) {
        Json s{{"enabled", state.enabled}};
        if (!state.sha256.empty())
            s["sha256"] = state.sha256;
        if (!state.folderSha256.empty())
            s["folder_sha256"] = state.folderSha256;
        states[id] = s;
    }
    Json section{{"state", states}};
    if (settings.timeout != kDefaultPluginTimeout)
        section["timeout_s"] = static_cast<double>(settings.timeout.count()) / 1000.0;
    return section;
}

} // namespace sp
