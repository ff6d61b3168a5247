// Making libharu 2.3.0's embedded fonts small and correct: its UTF-8 mode describes all
// 65536 code points in every font and writes an invalid ToUnicode map. shrinkFont() cuts
// a font down to the characters a document uses, after libharu has built it.
#pragma once

#include <hpdf.h>

#include <vector>

namespace sp::handout {

// `cids`: the code points (= CIDs) the document draws with this font, ascending.
void shrinkFont(HPDF_Font type0, const std::vector<unsigned>& cids);

} // namespace sp::handout
