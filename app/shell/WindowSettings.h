// What the window remembers between runs (QSettings, group "window"): its size and position, the
// last page and ledger, and the column widths of each list. Never a secret: profiles and their
// secrets live in ProfileStore and the keychain.
#pragma once

#include <QObject>
#include <QRect>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class WindowSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QRect geometry READ geometry WRITE setGeometry NOTIFY geometryChanged)
    Q_PROPERTY(QString lastPage READ lastPage WRITE setLastPage NOTIFY lastPageChanged)
    Q_PROPERTY(QString lastLedger READ lastLedger WRITE setLastLedger NOTIFY lastLedgerChanged)
    // Off for --screenshot runs and tests: nothing is read or written.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
public:
    explicit WindowSettings(QObject *parent);

    static WindowSettings *instance(); // the application's (main.cpp turns it off for screenshots)
    static WindowSettings *create(QQmlEngine *, QJSEngine *);

    QRect geometry() const { return m_geometry; }
    void setGeometry(const QRect &geometry);
    QString lastPage() const { return m_lastPage; }
    void setLastPage(const QString &page);
    QString lastLedger() const { return m_lastLedger; }
    void setLastLedger(const QString &ledger);
    bool enabled() const { return m_enabled; }
    void setEnabled(bool enabled);

    // Widths of the list `list`'s columns by role, as the operator left them (empty: defaults).
    Q_INVOKABLE QVariantMap columnWidths(const QString &list) const;
    Q_INVOKABLE void setColumnWidth(const QString &list, const QString &role, int width);

signals:
    void geometryChanged();
    void lastPageChanged();
    void lastLedgerChanged();
    void enabledChanged();

private:
    void read();
    void write(const QString &key, const QVariant &value);

    bool m_enabled = true;
    QRect m_geometry;
    QString m_lastPage;
    QString m_lastLedger;
    QVariantMap m_columns; // list -> {role: width}
};
