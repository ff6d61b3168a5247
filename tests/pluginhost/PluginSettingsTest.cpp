// The "plugins" section of the settings file, and who decides whether a plugin is used.
#include "pluginhost/PluginSettings.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace sp;

namespace {

const std::string kSha(64, 'a');

PluginSettings parse(const std::string& text, std::vector<Problem>& problems)
{
    ProblemSink sink("settings.json", problems);
    return parsePluginSettings(Json::parse(text), sink);
}

} // namespace

BOOST_AUTO_TEST_SUITE(plugin_settings)

BOOST_AUTO_TEST_CASE(reads_timeout_and_states_and_writes_them_back)
{
    std::vector<Problem> problems;
    const PluginSettings s = parse(R"({"timeout_s": 2.5, "state": {"acme-sync": {"enabled": true, "sha256": ")" +
                                       kSha + R"("}, "lumbar": {"enabled": false}}})",
                                   problems);
    BOOST_TEST(problems.empty());
    BOOST_TEST(s.timeout.count() == 2500);
    BOOST_TEST(s.states.at("acme-sync").enabled);
    BOOST_TEST(s.states.at("acme-sync").sha256 == kSha);
    BOOST_TEST(!s.states.at("lumbar").enabled);
    std::vector<Problem> again;
    ProblemSink sink("settings.json", again);
    const PluginSettings round = parsePluginSettings(toJson(s), sink);
    BOOST_TEST(again.empty());
    BOOST_TEST(round.timeout.count() == 2500);
    BOOST_TEST((round.states == s.states));
}

BOOST_AUTO_TEST_CASE(reports_each_bad_value_with_its_pointer_and_keeps_safe_defaults)
{
    std::vector<Problem> problems;
    const PluginSettings s = parse(R"({"timeout_s": 0, "colour": 1, "state": {"Bad Id": {"enabled": true},
        "acme-sync": {"enabled": "yes"}, "other": {"enabled": true, "sha256": "xyz"}}})",
                                   problems);
    BOOST_TEST(s.timeout == kDefaultPluginTimeout);
    BOOST_TEST(s.states.empty()); // nothing half-read is trusted
    std::set<std::string> pointers;
    for (const Problem& p : problems)
        pointers.insert(p.pointer);
    BOOST_TEST((pointers == std::set<std::string>{"/plugins/timeout_s", "/plugins/colour", "/plugins/state/Bad Id",
                                                  "/plugins/state/acme-sync/enabled",
                                                  "/plugins/state/other/sha256"}));
}

BOOST_AUTO_TEST_CASE(packs_and_shipped_native_plugins_are_on_by_default_but_not_those_of_a_plugins_dir)
{
    const PluginSettings none;
    BOOST_TEST(decideEnabled(none, "clinic", PluginKind::Pack, PluginOrigin::User, "").enabled);
    BOOST_TEST(decideEnabled(none, "hello", PluginKind::Native, PluginOrigin::BuiltIn, kSha).enabled);
    // A --plugins-dir is no more trusted than the user folder: code there waits for trust.
    BOOST_TEST(!decideEnabled(none, "mine", PluginKind::Native, PluginOrigin::CommandLine, kSha).enabled);
}

BOOST_AUTO_TEST_CASE(user_and_system_native_plugins_need_trust_in_that_exact_library)
{
    PluginSettings s;
    for (PluginOrigin origin : {PluginOrigin::User, PluginOrigin::System}) {
        const EnableDecision d = decideEnabled(s, "acme", PluginKind::Native, origin, kSha);
        BOOST_TEST(!d.enabled);
        BOOST_TEST(d.reason.find("stays off until you trust it") != std::string::npos);
    }
    s.states["acme"] = {true, kSha, ""};
    BOOST_TEST(decideEnabled(s, "acme", PluginKind::Native, PluginOrigin::User, kSha).enabled);
    const EnableDecision changed = decideEnabled(s, "acme", PluginKind::Native, PluginOrigin::User, std::string(64, 'b'));
    BOOST_TEST(!changed.enabled);
    BOOST_TEST(changed.reason.find("changed since it was enabled") != std::string::npos);
    // Every file of its folder counts: a dependency swapped beside the same library too.
    s.states["acme"] = {true, kSha, kSha};
    BOOST_TEST(decideEnabled(s, "acme", PluginKind::Native, PluginOrigin::User, kSha, kSha).enabled);
    BOOST_TEST(!decideEnabled(s, "acme", PluginKind::Native, PluginOrigin::User, kSha, std::string(64, 'c')).enabled);
}

BOOST_AUTO_TEST_CASE(a_clinicians_disable_wins_everywhere)
{
    PluginSettings s;
    s.states["lumbar"] = {false, "", ""};
    for (PluginKind kind : {PluginKind::Pack, PluginKind::Native})
        for (PluginOrigin origin : {PluginOrigin::BuiltIn, PluginOrigin::CommandLine, PluginOrigin::User})
            BOOST_TEST(!decideEnabled(s, "lumbar", kind, origin, kSha).enabled);
}

BOOST_AUTO_TEST_SUITE_END()
