// Adjusting a figure's pose the way a clinician thinks of it: turning a joint (and the
// limb or trunk that hangs from it) around the joint it is drawn from, moving or mirroring
// the whole pose. Bone lengths stay as they are, so a template figure keeps its build.
#pragma once

#include "core/Figure.h"

#include <optional>

namespace sp {

// The joint `joint` turns around: the one its bone is drawn from (Head: Neck; Neck: Chest
// or Pelvis; a shoulder: Neck; a hip: Pelvis; a limb joint: the one before it in its
// chain, or the trunk when the shoulder/hip is left out). Nullopt for the pelvis, for a
// joint the pose does not have, or when the pivot is missing from the pose.
std::optional<Joint> pivotOf(const Pose& pose, Joint joint);

// The direction of the bone from its pivot to `joint`, in degrees: 0 points right, 90 up
// (figure y is up), in (-180, 180]. Nullopt where pivotOf is.
std::optional<double> boneAngle(const Pose& pose, Joint joint);

// Turns `joint` and every joint that hangs from it around the pivot so that the bone points
// at `degrees`. False (and nothing changed) where boneAngle gives nullopt.
bool setBoneAngle(Pose& pose, Joint joint, double degrees);

// Moves every joint, prop and arrow of the pose.
void movePose(Pose& pose, double dx, double dy);

// Mirrors the pose left to right about the middle of the drawing (x = 50): the person
// faces the other way.
void mirrorPose(Pose& pose);

// True when every coordinate of the pose lies in the drawing area (0–100).
bool insideDrawing(const Pose& pose);

} // namespace sp
