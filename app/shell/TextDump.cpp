#include "TextDump.h"

#include <QQuickItem>
#include <QQuickWindow>

namespace TextDump {

namespace {

bool inherits(const QObject *o, const char *className) {
    return o->inherits(className);
}

void collect(QQuickItem *item, QStringList &out) {
    if (!item->isVisible() || item->opacity() <= 0)
        return;
    QString text;
    if (inherits(item, "QQuickTextInput")) // TextField, TextInput: what is displayed
        text = item->property("displayText").toString();
    else if (inherits(item, "QQuickText") || inherits(item, "QQuickTextEdit"))
        text = item->property("text").toString();
    if (!text.trimmed().isEmpty())
        out << text;
    for (QQuickItem *child : item->childItems())
        collect(child, out);
}

} // namespace

QStringList visibleTexts(QQuickWindow *window) {
    QStringList out;
    if (window)
        collect(window->contentItem(), out);
    return out;
}

} // namespace TextDump
