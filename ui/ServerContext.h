#pragma once

// ServerContext lives in the core now (app/session); this name is kept for code that still
// includes it from here.
#include "session/ServerContext.h"
