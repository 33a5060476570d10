// Checks a rendered window the way a screen reader meets it: every visible control a person can
// operate (button, check box, text field, combo box, slider, tab, link, menu item, list row) has
// an accessible name, from its text or from Accessible.name. Used by --check-layout on every page
// (the app_screenshots and app_layout_1024 tests).
#pragma once

#include <QStringList>

class QQuickWindow;

namespace AccessibilityCheck {
// One line per unnamed control (its type, objectName and position in the window).
QStringList problems(QQuickWindow *window);
} // namespace AccessibilityCheck
