// Validating a pack's exercises one document at a time, wherever the documents come from:
// the files of a data pack, or the JSON a native plugin registered. One validator for both,
// so a native plugin's exercise is held to exactly the rules of a pack's.
#pragma once

#include "core/JsonText.h"
#include "pluginhost/PackLoader.h"

#include <map>
#include <set>
#include <string>

namespace sp {

class ExerciseCollector {
public:
    explicit ExerciseCollector(LoadedPack& pack) : m_pack(pack) {}

    // Parses one exercise (problems go to `sink`, whose file names the document), checks
    // its id is new in the pack and its media exist under the pack folder, and keeps it.
    void add(const Json& document, ProblemSink& sink);
    // A document that could not be read at all: `likelyId` (its file's name) is taken as
    // an id that exists, so that references to it do not add false problems to the real one.
    void addUnreadable(const std::string& likelyId);

    // Once all are added: same-pack references must name an exercise of this pack; all
    // become "pack/id". References into other packs are checked once every pack is
    // loaded (PluginHost).
    void qualifyReferences();

private:
    void checkMedia(const Exercise& ex, ProblemSink& sink);

    LoadedPack& m_pack;
    std::map<std::string, std::string> m_fileOfId;
    std::set<std::string> m_brokenIds; // exercises that exist but failed: their own problem says why
};

} // namespace sp
