#include "WindowSettings.h"

#include <QJSEngine>
#include <QPointer>
#include <QSettings>

namespace {
QPointer<WindowSettings> g_instance;
}

WindowSettings *WindowSettings::instance() {
    if (!g_instance)
        g_instance = new WindowSettings(nullptr); // lives until exit
    return g_instance;
}

WindowSettings *WindowSettings::create(QQmlEngine *, QJSEngine *) {
    WindowSettings *settings = instance();
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

WindowSettings::WindowSettings(QObject *parent)
    : QObject(parent) {
    if (!g_instance)
        g_instance = this;
    read();
}

void WindowSettings::read() {
    QSettings s;
    s.beginGroup(QStringLiteral("window"));
    m_geometry = s.value(QStringLiteral("geometry")).toRect();
    m_lastPage = s.value(QStringLiteral("lastPage")).toString();
    m_lastLedger = s.value(QStringLiteral("lastLedger")).toString();
    m_columns = s.value(QStringLiteral("columns")).toMap();
}

void WindowSettings::write(const QString &key, const QVariant &value) {
    if (!m_enabled)
        return;
    QSettings s;
    s.beginGroup(QStringLiteral("window"));
    s.setValue(key, value);
}

void WindowSettings::setEnabled(bool enabled) {
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!m_enabled) { // what was read must not steer a screenshot or a test either
        m_geometry = {};
        m_lastPage.clear();
        m_lastLedger.clear();
        m_columns.clear();
        emit geometryChanged();
        emit lastPageChanged();
        emit lastLedgerChanged();
    }
    emit enabledChanged();
}

void WindowSettings::setGeometry(const QRect &geometry) {
    if (geometry == m_geometry)
        return;
    m_geometry = geometry;
    write(QStringLiteral("geometry"), geometry);
    emit geometryChanged();
}

void WindowSettings::setLastPage(const QString &page) {
    if (page == m_lastPage)
        return;
    m_lastPage = page;
    write(QStringLiteral("lastPage"), page);
    emit lastPageChanged();
}

void WindowSettings::setLastLedger(const QString &ledger) {
    if (ledger == m_lastLedger)
        return;
    m_lastLedger = ledger;
    write(QStringLiteral("lastLedger"), ledger);
    emit lastLedgerChanged();
}

QVariantMap WindowSettings::columnWidths(const QString &list) const {
    return m_columns.value(list).toMap();
}

void WindowSettings::setColumnWidth(const QString &list, const QString &role, int width) {
    QVariantMap widths = m_columns.value(list).toMap();
    if (widths.value(role).toInt() == width)
        return;
    widths.insert(role, width);
    m_columns.insert(list, widths);
    write(QStringLiteral("columns"), m_columns);
}
