// What a handout says, gathered from the plan, the catalog and the clinic profile, with
// every image already decoded: the layout engine works from this alone.
#pragma once

#include "core/Figure.h"
#include "handout/Layout.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sp::handout {

struct HandoutExercise {
    std::string name;
    std::string startPosition;
    std::vector<std::string> steps;
    std::vector<std::string> cues;
    std::vector<std::string> commonMistakes;
    std::vector<std::string> precautions; // printed set apart: when to stop or take care
    std::string dosage; // in plain words: "2 sets of 10 · hold 5 seconds · twice a day"
    std::string note;   // the clinician's note for this patient
    std::optional<Figure> figure;
    std::shared_ptr<const RgbImage> photo; // used when there is no figure
    bool pictureUnavailable = false;       // an image was named but could not be used: placeholder
    std::string videoUrl;                  // printed as a QR code
};

struct HandoutSection {
    std::string title;
    std::vector<std::string> paragraphs;
};

struct Branding {
    std::string name;
    std::vector<std::string> contactLines; // address lines, phone, e-mail, web
    Color accent{0.165, 0.435, 0.592};
    std::string footer;                    // the disclaimer
    std::shared_ptr<const RgbImage> logo;
};

struct HandoutContent {
    Branding clinic;
    std::string patientName;
    std::string date; // as printed: "24 November 2026"
    std::string clinician;
    std::string planTitle;
    std::vector<std::string> goals;
    std::vector<HandoutExercise> exercises;
    std::vector<HandoutSection> guidance;
    std::vector<std::string> redFlags;
    std::string nextFollowUp; // as printed; empty when none is set
    std::string creationDate; // metadata: "YYYY-MM-DDTHH:MM:SSZ"
};

} // namespace sp::handout
