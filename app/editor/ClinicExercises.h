// What the clinic exercise editor needs without any widget: the clinic pack's manifest,
// an exercise id from its name, saving into the clinic pack (created on the first save),
// checking an exercise's references against the catalog, and which field a loader
// problem belongs to.
#pragma once

#include "core/Catalog.h"
#include "core/Problem.h"
#include "pluginhost/ClinicPack.h"

#include <string>
#include <vector>

namespace sp {

// The manifest of a new clinic pack (id "clinic"), named after the clinic.
PackManifest clinicPackManifest(const std::string& clinicName);

// An exercise id from its name: accents and case folded, words joined by '-', at most 64
// characters; empty when the name has no letter or digit.
std::string exerciseIdFromName(const std::string& name);

// Saves the exercise (and copies its photos) into `pack`, creating the pack with
// clinicPackManifest(clinicName) first when there is none (after the pack's refresh hook:
// on a clinic server, the pack may exist there already). When that first save is
// refused, the new pack is removed again: nothing is left behind. Throws PackEditError.
Exercise saveClinicExercise(ClinicPack& pack, const std::string& clinicName, Exercise exercise,
                            const std::vector<ClinicPack::Photo>& photos = {});

// The progressions and regressions of `exercise` (to be saved in the pack `packId`,
// whose exercises are `packExercises`) that name no exercise: a bare id must be one of
// the pack's, "pack/id" of another pack one of the catalog's. Problems as the loader
// words them, with their pointers.
std::vector<Problem> checkReferences(const Exercise& exercise, const std::string& packId,
                                     const std::vector<std::string>& packExercises, const Catalog& catalog);

// The editor field a problem's JSON pointer is about: "/steps/2" -> "steps",
// "/dosage/sets" -> "dosage", "/media/images/0/file" -> "media", "/media/video_url" ->
// "video_url"; "" for the whole file.
std::string fieldOfPointer(const std::string& pointer);

} // namespace sp
