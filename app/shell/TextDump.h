// Every text the window shows, as a person reading the screen would see it: the text of each
// visible Text, and what each text field displays (a password field's dots, never its value).
// --dump-text writes it beside a screenshot, so a test can search a rendered page for a secret
// without OCR.
#pragma once

#include <QStringList>

class QQuickWindow;

namespace TextDump {
QStringList visibleTexts(QQuickWindow *window);
}
