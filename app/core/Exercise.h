// One exercise of the catalog, as a pack describes it, and the pack-level data beside it.
#pragma once

#include "core/Dosage.h"
#include "core/Enums.h"
#include "core/Figure.h"

#include <optional>
#include <string>
#include <vector>

namespace sp {

struct ImageRef {
    std::string file;    // relative to the pack folder
    std::string caption;
    bool operator==(const ImageRef&) const = default;
};

struct Media {
    std::vector<ImageRef> images;
    std::string videoUrl; // empty when there is none
    bool operator==(const Media&) const = default;
};

struct Exercise {
    std::string id;   // unique within its pack
    std::string pack; // id of the pack it came from
    std::string name;
    std::vector<std::string> aliases;
    std::string summary; // the aim, in the patient's words
    ExerciseType type = ExerciseType::Mobility;
    std::vector<std::string> regions;
    std::vector<Direction> directions;
    Position position = Position::Standing;
    std::vector<std::string> equipment;
    std::string startPosition;
    std::vector<std::string> steps;
    std::vector<std::string> cues;
    std::vector<std::string> commonMistakes;
    std::vector<std::string> precautions;
    Dosage dosage;
    std::vector<std::string> progressions; // qualified ids ("pack/exercise") once loaded
    std::vector<std::string> regressions;
    Media media;
    std::optional<Figure> figure;

    std::string qualifiedId() const { return pack + "/" + id; }
    bool hasDirection(Direction d) const;
    bool operator==(const Exercise&) const = default;
};

struct PackManifest {
    std::string id;
    std::string name;
    std::string version;
    int api = 0;
    std::string author;
    std::string license;
    std::string description;
    bool operator==(const PackManifest&) const = default;
};

struct GuidanceSection {
    std::string id;
    std::string title;
    std::vector<std::string> paragraphs;
    bool operator==(const GuidanceSection&) const = default;
};

struct RedFlag {
    std::string id;
    std::string text;
    bool operator==(const RedFlag&) const = default;
};

// Pack-wide texts for the handout, and the warning signs for its "seek care" section.
struct PackGuidance {
    std::vector<GuidanceSection> sections;
    std::vector<RedFlag> redFlags;
    bool operator==(const PackGuidance&) const = default;
};

// The newest pack format this build reads.
inline constexpr int kPackApi = 1;

// A pack id or exercise id: 1–64 of a-z, 0-9 and '-', not starting with '-'.
bool isValidId(std::string_view id);

// Splits "pack/exercise" into its parts; a bare id gives an empty pack.
struct IdRef {
    std::string pack;
    std::string id;
};
std::optional<IdRef> parseIdRef(std::string_view text);

} // namespace sp
