// Native plugins through the host: each way a plugin can misbehave gives its own message
// while the rest of the catalog loads; the cache spares unchanged plugins a second run;
// user and system native plugins wait for a clinician's trust.
#include "PackFixtures.h"

#include "hash/Sha256.h"
#include "pluginhost/FolderDigest.h"
#include "pluginhost/PluginHost.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <chrono>
#include <fstream>

#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace sp;
using namespace sp::test;

namespace {

const fs::path kTestPlugins = SP_TEST_NATIVE_DIR;
const fs::path kSlowPlugins = SP_TEST_SLOW_NATIVE_DIR;

const PackReport& find(const CatalogLoad& load, const std::string& folder)
{
    for (const PackReport& r : load.packs)
        if (r.folder.filename() == folder)
            return r;
    throw std::runtime_error("no plugin folder " + folder);
}

// The test plugins with the built-in packs first, as a clinic would have them. They are
// loaded as if shipped with StretchPlan (trusted by place): trust is tested on its own.
const CatalogLoad& testLoad()
{
    static const CatalogLoad load = loadCatalog(
        {{builtInPluginDir(), PluginOrigin::BuiltIn}, {kTestPlugins, PluginOrigin::BuiltIn}});
    return load;
}

// The plugin failed with exactly one problem containing `message`.
void expectFailure(const std::string& folder, const std::string& message)
{
    const PackReport& r = find(testLoad(), folder);
    BOOST_TEST(static_cast<int>(r.kind) == static_cast<int>(PluginKind::Native));
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed), folder);
    BOOST_TEST_REQUIRE(r.problems.size() == 1u, folder << ": " << r.problems.size() << " problems");
    BOOST_TEST(r.problems[0].format().find(message) != std::string::npos, r.problems[0].format());
    BOOST_TEST(r.problems[0].file.rfind(folder + "/" + folder + ".so", 0) == 0u, r.problems[0].file);
}

// A runner that counts its starts in `counter`, then does the real work.
fs::path countingRunner(const fs::path& dir, const fs::path& counter)
{
    const fs::path script = dir / "counting-runner";
    writeFile(script, "#!/bin/sh\necho run >> '" + counter.string() + "'\nexec '" SP_RUNNER_PATH "' \"$@\"\n");
    fs::permissions(script, fs::perms::owner_all);
    return script;
}

std::size_t lineCount(const fs::path& file)
{
    std::ifstream in(file);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);)
        ++n;
    return n;
}

fs::path copyPlugin(const std::string& name, const fs::path& into)
{
    fs::create_directories(into / name);
    fs::copy_file(kTestPlugins / name / (name + ".so"), into / name / (name + ".so"));
    return into / name / (name + ".so");
}

} // namespace

BOOST_AUTO_TEST_SUITE(native_plugins)

BOOST_AUTO_TEST_CASE(the_example_plugin_loads_two_exercises_with_figures)
{
    const CatalogLoad load = loadCatalog({{builtInNativePluginDir(), PluginOrigin::BuiltIn}});
    const PackReport& r = find(load, "native-hello");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Loaded));
    BOOST_TEST(r.exerciseCount == 2u);
    BOOST_TEST(r.version == "1.0.0");
    BOOST_TEST(r.abi == "1.0");
    BOOST_TEST(r.sha256 == sha256FileHex(r.library));
    for (const char* id : {"native-hello/sit-to-stand", "native-hello/hip-hinge"}) {
        const Exercise* ex = load.catalog.find(id);
        BOOST_TEST_REQUIRE(ex != nullptr, id);
        BOOST_TEST(ex->figure.has_value(), id);
        BOOST_TEST(ex->figure->poses.size() == 2u);
    }
}

BOOST_AUTO_TEST_CASE(a_crash_in_the_entry_is_reported_with_signal_and_phase)
{
    expectFailure("native-segfault", "killed by SIGSEGV during entry");
}

BOOST_AUTO_TEST_CASE(a_missing_entry_symbol_is_named)
{
    expectFailure("native-no-entry", "no entry symbol stretchplan_plugin_entry");
}

BOOST_AUTO_TEST_CASE(abi_major_mismatch_newer_minor_and_small_struct_are_refused)
{
    expectFailure("native-abi-major", "built for plugin ABI 2.0, but this StretchPlan supports ABI major 1 only");
    expectFailure("native-abi-minor", "built for plugin ABI 1.7, newer than this StretchPlan's 1.0; update StretchPlan");
    expectFailure("native-small-struct", "sp_plugin_info.struct_size is 16 bytes, but ABI 1.0 needs at least");
}

BOOST_AUTO_TEST_CASE(invalid_exercise_json_fails_the_plugin_naming_the_exercise)
{
    expectFailure("native-bad-json", "native-bad-json/native-bad-json.so exercise 2: /name: malformed JSON");
    BOOST_TEST(testLoad().catalog.find("native-bad-json/fine") == nullptr); // all or nothing, as for packs
}

BOOST_AUTO_TEST_CASE(exercises_are_held_to_the_pack_schema)
{
    const PackReport& r = find(testLoad(), "native-bad-exercise");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    bool typeProblem = false;
    for (const Problem& p : r.problems)
        typeProblem = typeProblem || (p.pointer == "/type" && p.message.find("\"stretchy\" is not one of") == 0);
    BOOST_TEST(typeProblem);
}

BOOST_AUTO_TEST_CASE(duplicate_ids_are_refused)
{
    expectFailure("native-duplicate-exercise", "exercise 2: /id: duplicate id \"twice\" (also in "
                                               "native-duplicate-exercise/native-duplicate-exercise.so exercise 1)");
    // A native plugin taking the built-in pack's id loses to the built-in pack.
    const PackReport& builtIn = find(testLoad(), "lumbar");
    BOOST_TEST(static_cast<int>(builtIn.status) == static_cast<int>(PackStatus::Loaded));
    const auto native = std::find_if(testLoad().packs.begin(), testLoad().packs.end(),
                                     [](const PackReport& r) { return r.kind == PluginKind::Native && r.id == "lumbar"; });
    BOOST_TEST_REQUIRE((native != testLoad().packs.end()));
    const PackReport& impostor = *native;
    BOOST_TEST(static_cast<int>(impostor.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST_REQUIRE(impostor.problems.size() == 1u);
    BOOST_TEST(impostor.problems[0].message ==
               "plugin id \"lumbar\" is already loaded from " + (builtInPluginDir() / "lumbar").string());
    BOOST_TEST(testLoad().catalog.find("lumbar/prone-press-up")->name == "Prone press-up");
}

BOOST_AUTO_TEST_CASE(an_exit_and_a_wrong_id_are_reported)
{
    expectFailure("native-exit", "the plugin runner exited with code 7 during register_exercises (native-exit: "
                                 "giving up)");
    expectFailure("native-wrong-id", "the plugin's id \"something-else\" must equal its folder name "
                                     "\"native-wrong-id\"");
}

BOOST_AUTO_TEST_CASE(the_rest_of_the_catalog_keeps_working)
{
    const CatalogLoad& load = testLoad();
    BOOST_TEST(static_cast<int>(find(load, "native-good").status) == static_cast<int>(PackStatus::Loaded));
    BOOST_TEST(load.catalog.find("native-good/first") != nullptr);
    BOOST_TEST(load.catalog.find("native-good/second") != nullptr);
    BOOST_TEST(find(load, "native-good").log == std::vector<std::string>{"info: registering two"});
    std::size_t lumbar = 0;
    for (const Exercise* ex : load.catalog.filter({}))
        lumbar += ex->pack == "lumbar" ? 1 : 0;
    BOOST_TEST(lumbar == 10u);
}

BOOST_AUTO_TEST_CASE(a_hang_is_stopped_at_the_configured_time_limit)
{
    LoadOptions options;
    options.settings.timeout = std::chrono::milliseconds(700);
    const CatalogLoad load = loadCatalog({{kSlowPlugins, PluginOrigin::BuiltIn}}, options);
    const PackReport& r = find(load, "native-hang");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST_REQUIRE(r.problems.size() == 1u);
    BOOST_TEST(r.problems[0].message == "did not finish within 700 ms and was stopped during register_exercises");
}

BOOST_AUTO_TEST_CASE(a_plugin_that_closes_its_descriptors_is_still_stopped_at_the_limit)
{
    LoadOptions options;
    options.settings.timeout = std::chrono::milliseconds(700);
    const auto started = std::chrono::steady_clock::now();
    const CatalogLoad load = loadCatalog({{kSlowPlugins, PluginOrigin::BuiltIn}}, options);
    const auto took = std::chrono::steady_clock::now() - started;
    // Two plugins of 0.7 s each: far below the 30 s of a wait without a deadline.
    BOOST_TEST(took < std::chrono::seconds(15)); // the plugin sleeps 20 s
    const PackReport& r = find(load, "native-close-fds");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST_REQUIRE(r.problems.size() == 1u);
    BOOST_TEST(r.problems[0].message.find("did not finish within 700 ms and was stopped") == 0u, r.problems[0].message);
}

BOOST_AUTO_TEST_CASE(a_timeout_is_remembered_until_the_library_changes)
{
    TempDir dir;
    const fs::path counter = dir.path() / "runs";
    const fs::path plugins = dir.path() / "plugins";
    fs::create_directories(plugins / "native-hang");
    const fs::path library = plugins / "native-hang" / "native-hang.so";
    fs::copy_file(kSlowPlugins / "native-hang" / "native-hang.so", library);
    LoadOptions options;
    options.settings.timeout = std::chrono::milliseconds(500);
    options.native.runner = countingRunner(dir.path(), counter);
    options.native.cacheFile = dir.path() / "cache" / "native-plugins.json";
    const std::vector<PluginDir> dirs{{plugins, PluginOrigin::BuiltIn}};

    (void)loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 1u);
    const CatalogLoad second = loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 1u); // not waited for again
    const PackReport& r = find(second, "native-hang");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST(r.fromCache);
    BOOST_TEST(r.problems.at(0).message.find("did not finish within 500 ms") == 0u, r.problems.at(0).message);

    // A longer limit gives it another chance; so does a changed library.
    options.settings.timeout = std::chrono::milliseconds(800);
    (void)loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 2u);
    (void)loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 2u);
    fs::last_write_time(library, fs::last_write_time(library) + std::chrono::seconds(5));
    (void)loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 3u);
}

BOOST_AUTO_TEST_CASE(garbage_from_the_runner_fails_the_plugin)
{
    TempDir dir;
    writeFile(dir.path() / "garbage-runner", "#!/bin/sh\necho 'Segmentation fault? no: just text'\n");
    fs::permissions(dir.path() / "garbage-runner", fs::perms::owner_all);
    LoadOptions options;
    options.native.runner = dir.path() / "garbage-runner";
    const CatalogLoad load = loadCatalog({{kTestPlugins, PluginOrigin::BuiltIn}}, options);
    const PackReport& r = find(load, "native-good");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Failed));
    BOOST_TEST_REQUIRE(r.problems.size() == 1u);
    BOOST_TEST(r.problems[0].message.find("the plugin runner's output is not a report") == 0u, r.problems[0].message);
}

BOOST_AUTO_TEST_CASE(a_missing_runner_is_a_clear_failure)
{
    LoadOptions options;
    options.native.runner = "/nonexistent/stretchplan-plugin-runner";
    const CatalogLoad load = loadCatalog({{kTestPlugins, PluginOrigin::BuiltIn}}, options);
    BOOST_TEST(find(load, "native-good").problems.at(0).message ==
               "the plugin runner /nonexistent/stretchplan-plugin-runner is missing; reinstall StretchPlan");
}

BOOST_AUTO_TEST_CASE(unchanged_plugins_are_not_run_again)
{
    TempDir dir;
    const fs::path counter = dir.path() / "runs";
    const fs::path plugins = dir.path() / "plugins";
    const fs::path library = copyPlugin("native-good", plugins);
    copyPlugin("native-segfault", plugins);
    LoadOptions options;
    options.native.runner = countingRunner(dir.path(), counter);
    options.native.cacheFile = dir.path() / "cache" / "native-plugins.json";
    const std::vector<PluginDir> dirs{{plugins, PluginOrigin::BuiltIn}};

    const CatalogLoad first = loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 2u);
    BOOST_TEST(!find(first, "native-good").fromCache);

    const CatalogLoad second = loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 2u); // neither ran: the crash is remembered too
    BOOST_TEST(find(second, "native-good").fromCache);
    BOOST_TEST(second.catalog.find("native-good/first") != nullptr);
    BOOST_TEST(find(second, "native-segfault").problems.at(0).message == "killed by SIGSEGV during entry");

    // A changed library runs again; so does everything on reload.
    fs::last_write_time(library, fs::last_write_time(library) + std::chrono::seconds(5));
    (void)loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 3u);
    options.native.rerun = true;
    (void)loadCatalog(dirs, options);
    BOOST_TEST(lineCount(counter) == 5u);
}

BOOST_AUTO_TEST_CASE(a_corrupt_cache_is_rebuilt)
{
    TempDir dir;
    LoadOptions options;
    options.native.cacheFile = dir.path() / "native-plugins.json";
    writeFile(options.native.cacheFile, "{\"format\": \"1/abi-1.0\", \"entries\": [\"not what a cache holds");
    const CatalogLoad load = loadCatalog({{kTestPlugins, PluginOrigin::BuiltIn}}, options);
    BOOST_TEST(static_cast<int>(find(load, "native-good").status) == static_cast<int>(PackStatus::Loaded));
    BOOST_TEST(load.folderProblems.empty());
    const CatalogLoad again = loadCatalog({{kTestPlugins, PluginOrigin::BuiltIn}}, options);
    BOOST_TEST(find(again, "native-good").fromCache);
}

BOOST_AUTO_TEST_CASE(user_and_plugins_dir_native_plugins_wait_for_trust_and_lose_it_when_their_folder_changes)
{
    for (const PluginOrigin origin : {PluginOrigin::User, PluginOrigin::CommandLine}) {
        TempDir dir;
        const fs::path counter = dir.path() / "runs";
        const fs::path library = copyPlugin("native-good", dir.path() / "plugins");
        const fs::path dependency = library.parent_path() / "libhelper.so";
        writeFile(dependency, "loaded through $ORIGIN");
        LoadOptions options;
        options.native.runner = countingRunner(dir.path(), counter);
        const std::vector<PluginDir> dirs{{dir.path() / "plugins", origin}};

        const CatalogLoad untrusted = loadCatalog(dirs, options);
        const PackReport& r = find(untrusted, "native-good");
        BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Disabled));
        BOOST_TEST(r.disabledReason.find("plugins enable native-good") != std::string::npos);
        BOOST_TEST(r.folderSha256 == folderContentsSha256(library.parent_path()));
        BOOST_TEST(untrusted.catalog.find("native-good/first") == nullptr);
        BOOST_TEST(!fs::exists(counter)); // its code never ran

        options.settings.states["native-good"] = {true, sha256FileHex(library), r.folderSha256};
        const CatalogLoad trusted = loadCatalog(dirs, options);
        BOOST_TEST(static_cast<int>(find(trusted, "native-good").status) == static_cast<int>(PackStatus::Loaded));

        writeFile(dependency, "swapped after the trust was given");
        const CatalogLoad changed = loadCatalog(dirs, options);
        BOOST_TEST(static_cast<int>(find(changed, "native-good").status) == static_cast<int>(PackStatus::Disabled));
        BOOST_TEST(find(changed, "native-good").disabledReason.find("changed since it was enabled") != std::string::npos);
        BOOST_TEST(lineCount(counter) == 1u);
    }
}

BOOST_AUTO_TEST_CASE(the_folder_digest_is_what_the_documented_shell_command_prints)
{
    TempDir dir;
    const fs::path folder = dir.path() / "native-good";
    copyPlugin("native-good", dir.path());
    writeFile(folder / "media" / "a b.png", "picture");
    writeFile(folder / "libhelper.so.1", "helper");
    const std::string command = "cd '" + folder.string() +
                                "' && find -L . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | "
                                "sha256sum";
    std::string printed;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        std::array<char, 256> buffer{};
        while (std::fgets(buffer.data(), buffer.size(), pipe))
            printed += buffer.data();
        ::pclose(pipe);
    }
    BOOST_TEST(printed.substr(0, 64) == folderContentsSha256(folder));
    ::mkfifo((folder / "pipe").c_str(), 0600);
    BOOST_CHECK_THROW(folderContentsSha256(folder), std::runtime_error); // never opened, so never hangs
}

BOOST_AUTO_TEST_CASE(a_disabled_pack_leaves_the_catalog_and_frees_nothing_else)
{
    LoadOptions options;
    options.settings.states["lumbar"] = {false, "", ""};
    const CatalogLoad load = loadCatalog({{builtInPluginDir(), PluginOrigin::BuiltIn}}, options);
    const PackReport& r = find(load, "lumbar");
    BOOST_TEST(static_cast<int>(r.status) == static_cast<int>(PackStatus::Disabled));
    BOOST_TEST(r.disabledReason.find("disabled by a clinician") == 0u);
    BOOST_TEST(load.catalog.find("lumbar/prone-press-up") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
