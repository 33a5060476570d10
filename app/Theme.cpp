#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace Theme {

namespace {
QPalette darkPalette() {
    QPalette p;
    const QColor window(0x25, 0x28, 0x2e), base(0x1b, 0x1d, 0x22), text(0xe6, 0xe8, 0xeb),
        accent(0x3d, 0x8b, 0xd9);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window.lighter(110));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window.lighter(115));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent.lighter(120));
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6c, 0x71, 0x79));
    return p;
}
} // namespace

bool apply(const QString &mode) {
    if (mode == QLatin1String("system") || mode.isEmpty())
        return true;
    if (mode == QLatin1String("dark")) {
        QApplication::setPalette(darkPalette());
        return true;
    }
    if (mode == QLatin1String("light")) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return true;
    }
    return false;
}

} // namespace Theme
