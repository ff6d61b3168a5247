// A complete, valid exercise document that tests change one field at a time.
#pragma once

#include "core/JsonText.h"
#include "core/Problem.h"

#include <string>
#include <vector>

namespace sp::test {

inline Json validExerciseJson()
{
    return Json::parse(R"({
      "id": "wall-slide",
      "name": "Wall slide",
      "aliases": ["Wall squat"],
      "summary": "Stronger thighs for easier standing up.",
      "type": "strength",
      "regions": ["hip", "knee"],
      "directions": ["neutral"],
      "position": "standing",
      "equipment": ["wall"],
      "start_position": "Stand with your back to a wall.",
      "steps": ["Slide down.", "Hold.", "Push up."],
      "cues": ["Knees over toes."],
      "common_mistakes": [],
      "precautions": ["Stop if your knee hurts."],
      "dosage": {"sets": 2, "reps": 10, "hold_s": 5, "rest_s": 30, "per_day": 1,
                 "days_per_week": 5, "side": "both", "tempo_s": 4},
      "progressions": ["single-leg-slide"],
      "regressions": ["other-pack/chair-stand"],
      "media": {"images": [{"file": "media/wall-slide.png", "caption": "Halfway"}],
                "video_url": "https://example.org/wall-slide"},
      "figure": {"view": "side", "poses": [{
          "label": "Start",
          "joints": {"head": [50, 90], "neck": [50, 84], "pelvis": [50, 52],
                     "elbow_l": [52, 70], "hand_l": [54, 56], "knee_l": [52, 28], "ankle_l": [50, 4]},
          "props": [{"kind": "floor", "y": 0}, {"kind": "wall", "x": 40},
                    {"kind": "ball", "center": [45, 60], "radius": 4},
                    {"kind": "box", "x": 10, "y": 0, "width": 20, "height": 25}],
          "arrows": [{"from": [60, 50], "to": [60, 30]}]}]}
    })");
}

// Collects problems for one parse and offers the formatted lines.
struct Problems {
    std::vector<Problem> list;
    ProblemSink sink{"pack/exercises/x.json", list};

    std::vector<std::string> lines() const
    {
        std::vector<std::string> out;
        for (const Problem& p : list)
            out.push_back(p.format());
        return out;
    }
    bool has(const std::string& pointer, const std::string& fragment) const
    {
        for (const Problem& p : list)
            if (p.pointer == pointer && p.message.find(fragment) != std::string::npos)
                return true;
        return false;
    }
};

} // namespace sp::test
