#pragma once

#include <cstdlib>

// A rule every input must keep: breaking it aborts, and libFuzzer reports the input that did.
inline void require(bool condition)
{
    if (!condition)
        std::abort();
}
