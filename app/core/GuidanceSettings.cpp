#include "core/GuidanceSettings.h"

#include "core/JsonReader.h"

namespace sp {

std::optional<GuidanceThresholds> parseGuidanceSettings(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    GuidanceThresholds t;
    for (const ThresholdField& f : kThresholdFields)
        if (auto v = r.integer(f.key, f.min, f.max, Presence::Optional))
            t.*f.member = static_cast<int>(*v);
    r.finish();
    return sink.count() == before ? std::optional(t) : std::nullopt;
}

Json toJson(const GuidanceThresholds& t)
{
    Json j = Json::object();
    for (const ThresholdField& f : kThresholdFields)
        j[std::string(f.key)] = t.*f.member;
    return j;
}

} // namespace sp
