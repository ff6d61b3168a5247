// The exercises of a handout: each a block whose title, picture and dosage stay together,
// with its steps, tips, the clinician's note and a QR code to the video.
#pragma once

#include "handout/Flow.h"
#include "handout/HandoutContent.h"
#include "handout/LayoutKit.h"

namespace sp::handout {

void exerciseSection(LayoutKit& kit, Flow& flow, const HandoutContent& content);

} // namespace sp::handout
