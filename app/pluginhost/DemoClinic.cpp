#include "pluginhost/DemoClinic.h"

#include "core/JsonReader.h"
#include "pluginhost/PackFiles.h"
#include "pluginhost/PluginDirs.h"

namespace fs = std::filesystem;

namespace sp {

fs::path builtInBrandingDir()
{
    return builtInDataDir() / "templates" / "branding" / "demo";
}

ClinicLoad loadClinicBranding(const fs::path& folder)
{
    ClinicLoad result;
    const fs::path file = folder / "clinic.json";
    ProblemSink sink(file.string(), result.problems);
    const FileRead read = readPackFile(folder, file, kMaxManifestBytes);
    if (!read.text) {
        sink.add("", read.error);
        return result;
    }
    const auto doc = parseJsonText(*read.text, sink);
    if (!doc)
        return result;
    auto profile = parseClinicProfileJson(*doc, sink);
    if (!profile)
        return result;
    // The parser has checked that "logo", when present, is a non-empty string.
    if (const auto logo = doc->find("logo"); logo != doc->end()) {
        const std::string named = quoteValue(*logo);
        const PackPath path = resolvePackPath(folder, logo->get_ref<const std::string&>());
        if (!path.error.empty()) {
            sink.add("/logo", named + " " + path.error);
            return result;
        }
        const FileRead image = readPackFile(folder, path.path, kMaxClinicLogoBytes);
        if (!image.text) {
            sink.add("/logo", named + " " + image.error);
            return result;
        }
        profile->logo = *image.text;
        // Only the logo is new since the parser validated the rest.
        for (const FieldError& e : validate(*profile))
            sink.add("/" + pointerToken(e.field), (e.field == "logo" ? named + " " : std::string()) + e.message);
    }
    if (result.problems.empty())
        result.profile = std::move(profile);
    return result;
}

} // namespace sp
