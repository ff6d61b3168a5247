// Laying out a handout: the content, in the template's section order, flowed into pages
// of positioned boxes with a header, a running header and "Page X of Y" footers.
#pragma once

#include "handout/HandoutContent.h"
#include "handout/HandoutTemplate.h"
#include "handout/TextMeasurer.h"

namespace sp::handout {

struct LayoutOptions {
    PageSize page;
    bool largePrint = false; // the template's large-print sizes, one column, figures above the text
};

LaidOutDocument layoutHandout(const HandoutContent& content, const HandoutTemplate& handoutTemplate,
                              const LayoutOptions& options, const TextMeasurer& measurer);

} // namespace sp::handout
