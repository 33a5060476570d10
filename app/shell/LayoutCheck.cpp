#include "LayoutCheck.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QRectF>

#include <functional>

namespace LayoutCheck {

namespace {
struct Seen {
    QQuickItem *item;
    QRectF rect; // in window coordinates
    bool text;
};

QString describe(const QQuickItem *item, const QRectF &r) {
    QString name = QString::fromLatin1(item->metaObject()->className());
    name = name.section(u'_', 0, 0);
    const QString objectName = item->objectName();
    QString label;
    const QVariant text = item->property("text");
    if (text.isValid() && !text.toString().isEmpty())
        label = text.toString().left(40);
    return QStringLiteral("%1%2%3 at %4,%5 %6x%7")
        .arg(name, objectName.isEmpty() ? QString() : QStringLiteral(" #") + objectName,
             label.isEmpty() ? QString() : QStringLiteral(" “%1”").arg(label))
        .arg(int(r.x()))
        .arg(int(r.y()))
        .arg(int(r.width()))
        .arg(int(r.height()));
}

bool isAncestor(const QQuickItem *a, const QQuickItem *b) {
    for (const QQuickItem *p = b->parentItem(); p; p = p->parentItem())
        if (p == a)
            return true;
    return false;
}

// A text whose content is wider (or taller, when it wraps) than the room it has, with no ellipsis.
bool textIsCut(const QQuickItem *item) {
    const int elide = item->property("elide").toInt();   // Text.ElideNone == 3
    const int wrap = item->property("wrapMode").toInt(); // Text.NoWrap == 0
    const qreal contentWidth = item->property("contentWidth").toReal();
    const qreal contentHeight = item->property("contentHeight").toReal();
    const qreal padding = item->property("leftPadding").toReal() + item->property("rightPadding").toReal();
    const qreal vpadding = item->property("topPadding").toReal() + item->property("bottomPadding").toReal();
    if (elide == 3 && wrap == 0 && contentWidth > item->width() - padding + 1.5)
        return true;
    if (wrap != 0 && item->property("maximumLineCount").toInt() > 1000 &&
        contentHeight > item->height() - vpadding + 1.5)
        return true;
    return false;
}
} // namespace

QStringList problems(QQuickWindow *window) {
    QStringList out;
    QList<Seen> seen;
    const QRectF windowRect(0, 0, window->width(), window->height());
    std::function<void(QQuickItem *, QRectF)> walk = [&](QQuickItem *item, QRectF viewport) {
        if (!item->isVisible() || item->opacity() <= 0.01)
            return;
        // Popups, drawers and dialogs live in the overlay; scroll bars float over content on purpose.
        if (item->inherits("QQuickOverlay") || item->inherits("QQuickScrollBar") ||
            item->inherits("QQuickScrollIndicator") || item->inherits("QQuickToolTip"))
            return;
        const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        if (rect.width() < 1 || rect.height() < 1) {
            for (QQuickItem *child : item->childItems())
                walk(child, viewport);
            return;
        }
        const QRectF visible = rect.intersected(viewport);
        if (visible.isEmpty())
            return; // scrolled out of view
        const bool isText = item->inherits("QQuickText") || item->inherits("QQuickTextInput") ||
                            item->inherits("QQuickTextEdit");
        const bool isControl = item->inherits("QQuickAbstractButton") || item->inherits("QQuickTextField") ||
                               item->inherits("QQuickComboBox") || item->inherits("QQuickSpinBox") ||
                               item->inherits("QQuickTextArea");
        if (isText && item->inherits("QQuickText") && !item->property("text").toString().isEmpty() &&
            textIsCut(item))
            out << QStringLiteral("text cut without an ellipsis: %1").arg(describe(item, rect));
        if ((isText && !item->property("text").toString().isEmpty()) || isControl)
            seen.append({item, visible, isText});
        if (isControl)
            return; // a control's own parts (its label, its indicator) are its business
        const QRectF childViewport = item->clip() || item->inherits("QQuickFlickable") ? visible : viewport;
        for (QQuickItem *child : item->childItems())
            walk(child, childViewport);
    };
    walk(window->contentItem(), windowRect);

    for (qsizetype i = 0; i < seen.size(); ++i)
        for (qsizetype j = i + 1; j < seen.size(); ++j) {
            const QRectF overlap = seen[i].rect.intersected(seen[j].rect);
            if (overlap.width() <= 2 || overlap.height() <= 2)
                continue;
            if (isAncestor(seen[i].item, seen[j].item) || isAncestor(seen[j].item, seen[i].item))
                continue;
            out << QStringLiteral("overlap: %1 and %2")
                       .arg(describe(seen[i].item, seen[i].rect), describe(seen[j].item, seen[j].rect));
        }
    return out;
}

} // namespace LayoutCheck
