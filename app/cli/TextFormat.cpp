#include "cli/TextFormat.h"

#include "core/ExerciseJson.h"

#include <sstream>

namespace sp::cli {

std::size_t displayWidth(std::string_view utf8)
{
    std::size_t n = 0;
    for (char c : utf8)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string wrap(std::string_view text, std::string_view indent, std::size_t width)
{
    std::string out;
    std::size_t lineWidth = 0;
    std::istringstream words{std::string(text)};
    std::string word;
    while (words >> word) {
        const std::size_t w = displayWidth(word);
        if (lineWidth > 0 && lineWidth + 1 + w > width) {
            out += '\n';
            lineWidth = 0;
        }
        if (lineWidth == 0) {
            out += indent;
            lineWidth = displayWidth(indent);
        } else {
            out += ' ';
            ++lineWidth;
        }
        out += word;
        lineWidth += w;
    }
    return out + '\n';
}

std::string table(const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[i] = std::max(widths[i], displayWidth(row[i]));
        }
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += row[i];
            if (i + 1 < row.size())
                out += std::string(widths[i] - displayWidth(row[i]) + 2, ' ');
        }
        out += '\n';
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator)
{
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

namespace {

void list(std::string& out, std::string_view heading, const std::vector<std::string>& items, bool numbered)
{
    out += "\n" + std::string(heading) + ":\n";
    if (items.empty()) {
        out += "  (none)\n";
        return;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string lead = "  " + (numbered ? std::to_string(i + 1) + ". " : std::string("- "));
        const std::string indent(lead.size(), ' ');
        out += lead + wrap(items[i], indent).substr(indent.size());
    }
}

std::string figureSummary(const Figure& figure)
{
    std::vector<std::string> labels;
    for (const Pose& pose : figure.poses)
        labels.push_back(pose.label);
    const std::size_t n = figure.poses.size();
    return std::string(toString(figure.view)) + " view, " + std::to_string(n) + (n == 1 ? " pose" : " poses") +
           " (" + join(labels) + ")";
}

} // namespace

std::string exerciseDetails(const Exercise& ex, const Catalog& catalog)
{
    const Dosage& d = ex.dosage;
    std::string out = ex.name + "  [" + ex.qualifiedId() + "]\n";
    if (!ex.aliases.empty())
        out += wrap("Also known as: " + join(ex.aliases), "");
    out += wrap("Aim: " + ex.summary, "");
    out += "Type: " + std::string(toString(ex.type)) + "   Directions: " + joinEnums(ex.directions) +
           "   Position: " + std::string(toString(ex.position)) + "\n";
    out += "Regions: " + join(ex.regions) + "\n";
    out += "Equipment: " + (ex.equipment.empty() ? std::string("none") : join(ex.equipment)) + "\n";
    out += "Default dosage: " + describe(d) + "\n";
    out += "  (sets " + std::to_string(d.sets) + ", reps " + std::to_string(d.reps) + ", hold " +
           std::to_string(d.hold_s) + " s, rest " + std::to_string(d.rest_s) + " s, " + std::to_string(d.perDay) +
           " a day, " + std::to_string(d.daysPerWeek) + " days a week, side " + std::string(toString(d.side)) +
           ", tempo " + std::to_string(d.tempo_s) + " s)\n";
    out += "\nStart position:\n" + wrap(ex.startPosition, "  ");
    list(out, "Steps", ex.steps, true);
    list(out, "Cues", ex.cues, false);
    list(out, "Common mistakes", ex.commonMistakes, false);
    list(out, "Precautions", ex.precautions, false);
    out += "\n";
    out += "Progressions: " + (ex.progressions.empty() ? std::string("none") : join(ex.progressions)) + "\n";
    out += "Regressions: " + (ex.regressions.empty() ? std::string("none") : join(ex.regressions)) + "\n";
    out += "Figure: " + (ex.figure ? figureSummary(*ex.figure) : std::string("none")) + "\n";
    for (const ImageRef& img : ex.media.images)
        out += "Image: " + img.file + " (" + img.caption + ")\n";
    if (!ex.media.videoUrl.empty())
        out += "Video: " + ex.media.videoUrl + "\n";
    if (const CatalogPack* pack = catalog.pack(ex.pack))
        out += "Pack: " + pack->manifest.name + " " + pack->manifest.version + " (" + pack->manifest.id + ")\n";
    return out;
}

Json exerciseJson(const Exercise& ex)
{
    Json j = toJson(ex);
    j["qualified_id"] = ex.qualifiedId();
    j["pack"] = ex.pack;
    return j;
}

} // namespace sp::cli
