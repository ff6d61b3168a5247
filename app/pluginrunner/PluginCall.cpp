#include "PluginCall.h"

#include <stretchplan/plugin.h>

#include <algorithm>
#include <cstring>
#include <string>

#include <dlfcn.h>

namespace sp::runner {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxExerciseBytes = 1024 * 1024; // as an exercise file of a pack
constexpr std::size_t kMaxExercises = 5000;            // as a pack
constexpr std::size_t kMaxLogMessages = 200;
constexpr std::size_t kMaxInfoChars = 256;

struct Registration {
    Json exercises = Json::array();
    Json rejected = Json::array();
    Json log = Json::array();
    std::size_t calls = 0;
};

bool isUtf8(const std::string& text)
{
    try {
        (void)Json(text).dump();
        return true;
    } catch (const Json::type_error&) {
        return false;
    }
}

int addExercise(void* host, const char* exerciseJson)
{
    auto& r = *static_cast<Registration*>(host);
    const std::size_t index = r.calls++;
    const auto reject = [&](const std::string& reason, int status) {
        if (r.rejected.size() < kMaxLogMessages)
            r.rejected.push_back({{"index", index}, {"reason", reason}});
        return status;
    };
    if (index >= kMaxExercises)
        return reject("more than " + std::to_string(kMaxExercises) + " exercises", SP_ERROR_LIMIT);
    if (!exerciseJson)
        return reject("the exercise is NULL", SP_ERROR_INVALID);
    const std::size_t length = ::strnlen(exerciseJson, kMaxExerciseBytes + 1);
    if (length > kMaxExerciseBytes)
        return reject("the exercise is larger than 1 MiB", SP_ERROR_INVALID);
    std::string text(exerciseJson, length);
    if (!isUtf8(text))
        return reject("the exercise is not valid UTF-8", SP_ERROR_INVALID);
    r.exercises.push_back(std::move(text));
    return SP_OK;
}

const char* levelName(int level)
{
    switch (level) {
    case SP_LOG_DEBUG: return "debug";
    case SP_LOG_INFO: return "info";
    case SP_LOG_WARNING: return "warning";
    case SP_LOG_ERROR: return "error";
    default: return "unknown";
    }
}

void logMessage(void* host, int level, const char* message)
{
    auto& r = *static_cast<Registration*>(host);
    if (r.log.size() >= kMaxLogMessages || !message)
        return;
    r.log.push_back({{"level", levelName(level)}, {"message", std::string(message, ::strnlen(message, 2000))}});
}

// A string of sp_plugin_info, or an error naming the member.
bool infoString(const char* value, const char* member, std::string& out, Json& report)
{
    if (!value) {
        report["error"] = std::string("sp_plugin_info.") + member + " is NULL";
        return false;
    }
    const std::size_t length = ::strnlen(value, kMaxInfoChars + 1);
    if (length > kMaxInfoChars) {
        report["error"] = std::string("sp_plugin_info.") + member + " is longer than " +
                          std::to_string(kMaxInfoChars) + " bytes";
        return false;
    }
    out.assign(value, length);
    return true;
}

// The smallest sp_plugin_info a plugin built for ABI 1.<minor> can have.
std::size_t minimumInfoSize(std::uint32_t /*minor*/)
{
    return SP_PLUGIN_INFO_SIZE_1_0; // grows with each minor that appends a member
}

} // namespace

Json callPlugin(const char* libraryPath, PhaseFn phase)
{
    Json report{{"report", kReportVersion},
                {"ok", false},
                {"host_abi", {{"major", SP_PLUGIN_ABI_MAJOR}, {"minor", SP_PLUGIN_ABI_MINOR}}}};

    phase("load");
    void* library = ::dlopen(libraryPath, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* why = ::dlerror();
        report["error"] = std::string("cannot load the library: ") + (why ? why : "unknown error");
        return report;
    }
    void* symbol = ::dlsym(library, SP_PLUGIN_ENTRY_NAME);
    if (!symbol) {
        report["error"] = "no entry symbol " SP_PLUGIN_ENTRY_NAME
                          " (declare it as in stretchplan/plugin.h, exported and extern \"C\")";
        return report;
    }

    phase("entry");
    sp_plugin_entry_fn entry;
    std::memcpy(&entry, &symbol, sizeof entry); // dlsym's object pointer to a function pointer
    const sp_plugin_info* given = entry();
    if (!given) {
        report["error"] = SP_PLUGIN_ENTRY_NAME " returned NULL";
        return report;
    }

    phase("check");
    const std::uint32_t declaredSize = given->struct_size;
    // Read only the fields every version has until the size is known to be big enough.
    if (declaredSize < offsetof(sp_plugin_info, abi_minor) + sizeof(std::uint32_t)) {
        report["error"] = "sp_plugin_info.struct_size is " + std::to_string(declaredSize) +
                          ", too small for any ABI version";
        return report;
    }
    const std::uint32_t major = given->abi_major;
    const std::uint32_t minor = given->abi_minor;
    report["plugin"] = {{"abi_major", major}, {"abi_minor", minor}, {"struct_size", declaredSize}};
    if (major != SP_PLUGIN_ABI_MAJOR) {
        report["error"] = "built for plugin ABI " + std::to_string(major) + "." + std::to_string(minor) +
                          ", but this StretchPlan supports ABI major " + std::to_string(SP_PLUGIN_ABI_MAJOR) +
                          " only; rebuild the plugin with the current SDK";
        return report;
    }
    if (minor > SP_PLUGIN_ABI_MINOR) {
        report["error"] = "built for plugin ABI " + std::to_string(major) + "." + std::to_string(minor) +
                          ", newer than this StretchPlan's " + std::to_string(SP_PLUGIN_ABI_MAJOR) + "." +
                          std::to_string(SP_PLUGIN_ABI_MINOR) + "; update StretchPlan";
        return report;
    }
    if (declaredSize < minimumInfoSize(minor)) {
        report["error"] = "sp_plugin_info.struct_size is " + std::to_string(declaredSize) + " bytes, but ABI " +
                          std::to_string(major) + "." + std::to_string(minor) + " needs at least " +
                          std::to_string(minimumInfoSize(minor));
        return report;
    }
    // Copy into a zeroed struct of our version: members the plugin does not have read as 0.
    sp_plugin_info info{};
    std::memcpy(&info, given, std::min<std::size_t>(declaredSize, sizeof info));
    std::string id, name, version;
    if (!infoString(info.id, "id", id, report) || !infoString(info.name, "name", name, report) ||
        !infoString(info.version, "version", version, report))
        return report;
    report["plugin"]["id"] = id;
    report["plugin"]["name"] = name;
    report["plugin"]["version"] = version;
    if (!info.register_exercises) {
        report["error"] = "sp_plugin_info.register_exercises is NULL";
        return report;
    }

    phase("register_exercises");
    Registration registration;
    sp_host_api api{};
    api.struct_size = sizeof api;
    api.abi_major = SP_PLUGIN_ABI_MAJOR;
    api.abi_minor = SP_PLUGIN_ABI_MINOR;
    api.host = &registration;
    api.add_exercise = addExercise;
    api.log = logMessage;
    const int result = info.register_exercises(&api);

    phase("report");
    report["exercises"] = std::move(registration.exercises);
    report["rejected"] = std::move(registration.rejected);
    report["log"] = std::move(registration.log);
    report["result"] = result;
    if (result != SP_OK)
        report["error"] = "register_exercises returned " + std::to_string(result);
    else
        report["ok"] = true;
    // The library stays loaded: this process exits next, and a plugin's static destructors
    // running at dlclose are one more place it could crash after having done its work.
    return report;
}

} // namespace sp::runner
