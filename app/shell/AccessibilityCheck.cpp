#include "AccessibilityCheck.h"

#include <QQuickItem>
#include <QQuickWindow>

namespace AccessibilityCheck {

namespace {
// The Qt Quick Controls a person operates, by their C++ base, and where each takes the name a
// screen reader says when Accessible.name is not set. (The platform's accessibility bridge is not
// there offscreen, so the check reads the same sources Qt's bridge would.)
struct Kind {
    const char *base;
    const char *fallback; // property naming the control without Accessible.name, or nullptr
};
constexpr Kind kKinds[] = {
    {"QQuickAbstractButton",
     "text"}, // Button, ToolButton, CheckBox, Switch, ItemDelegate, MenuItem, TabButton
    {"QQuickTextField", "placeholderText"},
    {"QQuickTextArea", "placeholderText"},
    {"QQuickComboBox", nullptr},
    {"QQuickSlider", nullptr},
    {"QQuickSpinBox", nullptr},
};

const Kind *kindOf(const QObject *item) {
    for (const QMetaObject *mo = item->metaObject(); mo; mo = mo->superClass())
        for (const Kind &kind : kKinds)
            if (qstrcmp(mo->className(), kind.base) == 0)
                return &kind;
    return nullptr;
}

// Accessible.name: the attached object is a child of the item it is attached to.
QString attachedName(const QObject *item) {
    for (const QObject *child : item->children())
        if (qstrcmp(child->metaObject()->className(), "QQuickAccessibleAttached") == 0)
            return child->property("name").toString();
    return {};
}

bool shown(const QQuickItem *item) {
    if (!item->isVisible() || item->opacity() <= 0.01 || item->width() < 1 || item->height() < 1)
        return false;
    const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    const QQuickWindow *w = item->window();
    return r.intersects(QRectF(0, 0, w->width(), w->height()));
}

void walk(QQuickItem *item, QStringList &out) {
    if (!shown(item))
        return;
    if (const Kind *kind = kindOf(item); kind && item->isEnabled()) {
        QString name = attachedName(item);
        if (name.trimmed().isEmpty() && kind->fallback)
            name = item->property(kind->fallback).toString();
        if (name.trimmed().isEmpty()) {
            const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            out.append(
                QStringLiteral("%1%2 at %3,%4 %5x%6 has no accessible name")
                    .arg(QString::fromLatin1(item->metaObject()->className()).section(u'_', 0, 0),
                         item->objectName().isEmpty() ? QString() : QStringLiteral(" #") + item->objectName())
                    .arg(int(r.x()))
                    .arg(int(r.y()))
                    .arg(int(r.width()))
                    .arg(int(r.height())));
        }
        return; // a control's own parts (its indicator, its text) are not controls of their own
    }
    for (QQuickItem *child : item->childItems())
        walk(child, out);
}
} // namespace

QStringList problems(QQuickWindow *window) {
    QStringList out;
    walk(window->contentItem(), out);
    return out;
}

} // namespace AccessibilityCheck
