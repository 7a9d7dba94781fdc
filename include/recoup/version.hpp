// recoup/version.hpp — the library version.
#pragma once

#define RECOUP_VERSION_MAJOR 0
#define RECOUP_VERSION_MINOR 1
#define RECOUP_VERSION_PATCH 0

namespace recoup {
/// The library version as "major.minor.patch".
inline constexpr const char* version = "0.1.0";
}  // namespace recoup
