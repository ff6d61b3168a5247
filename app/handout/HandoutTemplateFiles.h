// Finding and reading the handout templates in a folder (templates/handouts/*.json).
#pragma once

#include "handout/HandoutTemplate.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sp::handout {

struct HandoutTemplateLoad {
    std::vector<HandoutTemplate> templates; // by id
    std::vector<Problem> problems;          // a broken template is left out
};

// Every *.json in `dir`, each at most 256 KiB.
HandoutTemplateLoad loadHandoutTemplates(const std::filesystem::path& dir);

} // namespace sp::handout
