#include "core/ExerciseJson.h"

#include "core/FigureJson.h"
#include "core/JsonReader.h"

#include <algorithm>

namespace sp {
namespace {

// Field limits, documented for pack authors in plugins/README.md.
constexpr TextRule kName{1, 120};
constexpr TextRule kSummary{1, 300};
constexpr TextRule kShortText{1, 60};
constexpr TextRule kStartPosition{1, 1000};
constexpr TextRule kStep{1, 500};
constexpr TextRule kCue{1, 300};
constexpr TextRule kPrecaution{1, 500};
constexpr TextRule kCaption{1, 200};
constexpr TextRule kPath{1, 260};
constexpr std::size_t kMaxUrlChars = 500;

template <class T> void assign(T& target, std::optional<T>&& value)
{
    if (value)
        target = std::move(*value);
}

std::vector<Direction> parseDirections(ObjectReader& r)
{
    std::vector<Direction> out;
    const Json* list = r.array("directions", {1, 5});
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = r.pointerOf("directions") + "/" + std::to_string(i);
        auto d = ObjectReader::enumValue<Direction>((*list)[i], at, r.sink());
        if (!d)
            continue;
        if (std::find(out.begin(), out.end(), *d) != out.end())
            r.sink().add(at, quoteValue((*list)[i]) + " is listed twice");
        else
            out.push_back(*d);
    }
    return out;
}

std::vector<std::string> parseReferences(ObjectReader& r, std::string_view key, const std::string& ownId)
{
    std::vector<std::string> out;
    auto list = r.textList(key, {0, 10}, {1, 129});
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = r.pointerOf(key) + "/" + std::to_string(i);
        const auto ref = parseIdRef((*list)[i]);
        if (!ref)
            r.sink().add(at, quoteValue((*list)[i]) + " is not an exercise id (\"exercise\" or \"pack/exercise\")");
        else if (ref->pack.empty() && ref->id == ownId)
            r.sink().add(at, "an exercise cannot refer to itself");
        else
            out.push_back((*list)[i]);
    }
    return out;
}

bool isPlausibleUrl(const std::string& url)
{
    const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    const auto hostStart = url.find("//") + 2;
    const bool host = url.size() > hostStart && url[hostStart] != '/';
    const bool clean = std::none_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\';
    });
    return scheme && host && clean;
}

Media parseMedia(const Json& value, const std::string& pointer, ProblemSink& sink)
{
    Media media;
    ObjectReader r(value, pointer, sink);
    if (const Json* images = r.array("images", {0, 10})) {
        for (std::size_t i = 0; i < images->size(); ++i) {
            ObjectReader img((*images)[i], r.pointerOf("images") + "/" + std::to_string(i), sink);
            ImageRef ref;
            assign(ref.file, img.text("file", kPath));
            assign(ref.caption, img.text("caption", kCaption));
            img.finish();
            media.images.push_back(std::move(ref));
        }
    }
    if (auto url = r.text("video_url", {1, kMaxUrlChars}, Presence::Optional)) {
        if (isPlausibleUrl(*url))
            media.videoUrl = *url;
        else
            sink.add(r.pointerOf("video_url"),
                     quoteValue(Json(*url)) + " is not a web address (it must start with https:// or http://)");
    }
    r.finish();
    return media;
}

} // namespace

std::string packPathProblem(std::string_view relative)
{
    if (relative.empty())
        return "is empty; give a path inside the pack folder";
    if (relative.find('\\') != std::string_view::npos)
        return "use / between folders, not \\";
    if (relative.front() == '/')
        return "is an absolute path; give a path inside the pack folder";
    for (std::size_t start = 0; start <= relative.size();) {
        const std::size_t end = std::min(relative.find('/', start), relative.size());
        if (relative.substr(start, end - start) == "..")
            return "leaves the pack folder (\"..\")";
        start = end + 1;
    }
    return {};
}

void checkMediaPaths(const Exercise& exercise, ProblemSink& sink)
{
    for (std::size_t i = 0; i < exercise.media.images.size(); ++i) {
        const std::string& file = exercise.media.images[i].file;
        if (const std::string problem = packPathProblem(file); !problem.empty())
            sink.add("/media/images/" + std::to_string(i) + "/file", quoteValue(Json(file)) + " " + problem);
    }
}

std::optional<Dosage> parseDosage(const Json& value, const std::string& pointer, ProblemSink& sink)
{
    ObjectReader r(value, pointer, sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    Dosage dosage;
    for (const DosageField& f : kDosageFields)
        if (auto n = r.integer(f.key, f.min, f.max))
            dosage.*f.member = static_cast<int>(*n);
    assign(dosage.side, r.enumeration<Side>("side"));
    r.finish();
    return sink.count() == before ? std::optional(dosage) : std::nullopt;
}

std::optional<Exercise> parseExercise(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    Exercise ex;
    assign(ex.id, r.id("id"));
    assign(ex.name, r.text("name", kName));
    assign(ex.aliases, r.textList("aliases", {0, 10}, kName));
    assign(ex.summary, r.text("summary", kSummary));
    assign(ex.type, r.enumeration<ExerciseType>("type"));
    assign(ex.regions, r.textList("regions", {1, 10}, kShortText));
    ex.directions = parseDirections(r);
    assign(ex.position, r.enumeration<Position>("position"));
    assign(ex.equipment, r.textList("equipment", {0, 10}, kShortText));
    assign(ex.startPosition, r.text("start_position", kStartPosition));
    assign(ex.steps, r.textList("steps", {1, 12}, kStep));
    assign(ex.cues, r.textList("cues", {1, 10}, kCue));
    assign(ex.commonMistakes, r.textList("common_mistakes", {0, 10}, kCue));
    assign(ex.precautions, r.textList("precautions", {0, 10}, kPrecaution));
    if (const Json* dosage = r.member("dosage"))
        assign(ex.dosage, parseDosage(*dosage, r.pointerOf("dosage"), sink));
    ex.progressions = parseReferences(r, "progressions", ex.id);
    ex.regressions = parseReferences(r, "regressions", ex.id);
    if (const Json* media = r.member("media", Presence::Optional))
        ex.media = parseMedia(*media, r.pointerOf("media"), sink);
    if (const Json* figure = r.member("figure", Presence::Optional))
        ex.figure = parseFigure(*figure, r.pointerOf("figure"), sink);
    r.finish();
    return sink.count() == before ? std::optional(std::move(ex)) : std::nullopt;
}

Json toJson(const Dosage& d)
{
    Json j = Json::object();
    for (const DosageField& f : kDosageFields)
        j[std::string(f.key)] = d.*f.member;
    j["side"] = toString(d.side);
    return j;
}

Json toJson(const Exercise& ex)
{
    Json directions = Json::array();
    for (Direction d : ex.directions)
        directions.push_back(toString(d));
    Json j{
        {"id", ex.id},
        {"name", ex.name},
        {"aliases", ex.aliases},
        {"summary", ex.summary},
        {"type", toString(ex.type)},
        {"regions", ex.regions},
        {"directions", directions},
        {"position", toString(ex.position)},
        {"equipment", ex.equipment},
        {"start_position", ex.startPosition},
        {"steps", ex.steps},
        {"cues", ex.cues},
        {"common_mistakes", ex.commonMistakes},
        {"precautions", ex.precautions},
        {"dosage", toJson(ex.dosage)},
        {"progressions", ex.progressions},
        {"regressions", ex.regressions},
    };
    Json images = Json::array();
    for (const ImageRef& img : ex.media.images)
        images.push_back({{"file", img.file}, {"caption", img.caption}});
    j["media"] = {{"images", images}};
    if (!ex.media.videoUrl.empty())
        j["media"]["video_url"] = ex.media.videoUrl;
    if (ex.figure)
        j["figure"] = toJson(*ex.figure);
    return j;
}

} // namespace sp
