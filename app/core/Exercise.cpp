#include "core/Exercise.h"

#include <algorithm>

namespace sp {

bool Exercise::hasDirection(Direction d) const
{
    return std::find(directions.begin(), directions.end(), d) != directions.end();
}

bool isValidId(std::string_view id)
{
    if (id.empty() || id.size() > 64 || id.front() == '-')
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::optional<IdRef> parseIdRef(std::string_view text)
{
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return isValidId(text) ? std::optional<IdRef>(IdRef{{}, std::string(text)}) : std::nullopt;
    const auto pack = text.substr(0, slash);
    const auto id = text.substr(slash + 1);
    if (!isValidId(pack) || !isValidId(id))
        return std::nullopt;
    return IdRef{std::string(pack), std::string(id)};
}

} // namespace sp
