// Light and dark palettes. "system" keeps the platform's palette, which follows the desktop's
// light or dark setting; "light"/"dark" force one (screenshots, or a user's preference).
#pragma once

#include <QString>

namespace Theme {
// Returns false for an unknown mode.
bool apply(const QString &mode);
} // namespace Theme
