// Qt Quick Test runner for the Formance.Desk views (tst_*.qml beside this file).
#include "shell/WindowSettings.h"

#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Formance_DeskPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    // The module is linked in statically: its qmldir lives in the resources.
    void qmlEngineAvailable(QQmlEngine *engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        // Views under test neither read nor write the operator's remembered column widths.
        WindowSettings::instance()->setEnabled(false);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(views, Setup)
#include "tst_views.moc"
