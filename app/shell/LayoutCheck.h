// Checks a rendered window the way a person looking at it would: two visible controls or texts
// drawn over each other, or a text cut without an ellipsis, are layout bugs. Popups, drawers and
// dialogs (the overlay layer), scroll bars and what a Flickable scrolled out of view are not
// looked at. Used by --check-layout (the app_layout test, every page, light and dark, two sizes).
#pragma once

#include <QString>
#include <QStringList>

class QQuickWindow;

namespace LayoutCheck {
// One line per problem, naming the items (type, objectName or text, position in the window).
QStringList problems(QQuickWindow *window);
} // namespace LayoutCheck
