#include "handout/Paper.h"

namespace sp::handout {

PageSize pageSize(Paper paper)
{
    switch (paper) {
    case Paper::Letter: return {612.0, 792.0};  // 8.5 x 11 inches
    case Paper::A4: break;
    }
    return {mm(210), mm(297)};
}

} // namespace sp::handout
