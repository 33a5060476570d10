// formance-desk: a QApplication (native dialogs, charts) hosting the Formance.Desk Qt Quick UI.
#include "AppOptions.h"
#include "Theme.h"
#include "controllers/Session.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Formance_DeskPlugin)

namespace {
// Renders the window once it shows real content (the session connected or failed, and first
// pages answered), saves it and quits: used by tests and the README.
void scheduleScreenshot(QQuickWindow *window, const QString &file) {
    auto shoot = [window, file]() {
        // Give pending model answers a moment to arrive and be laid out.
        QTimer::singleShot(2500, window, [window, file]() {
            const QImage image = window->grabWindow();
            const bool saved = !image.isNull() && image.save(file);
            if (!saved)
                fprintf(stderr, "formance-desk: could not save the screenshot to %s\n", qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [shoot]() {
            Session *session = Session::instance();
            if (!session->busy()) {
                shoot();
                return;
            }
            // The first demo start generates the demo data: wait for it.
            auto *connection = new QMetaObject::Connection;
            *connection =
                QObject::connect(session, &Session::changed, session, [session, shoot, connection]() {
                    if (session->busy())
                        return;
                    QObject::disconnect(*connection);
                    delete connection;
                    shoot();
                });
        },
        Qt::SingleShotConnection);
}
} // namespace

int main(int argc, char *argv[]) {
    QApplication::setApplicationName(QStringLiteral("formance-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Formance Desk"));
    QApplication::setOrganizationName(QStringLiteral("Formance"));
    QApplication::setOrganizationDomain(QStringLiteral("formance.com"));
    QApplication::setApplicationVersion(QStringLiteral(FORMANCE_DESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("com.formance.Desk"));
    QApplication app(argc, argv);
    const AppOptions options = AppOptions::parse(app);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    Theme::apply(options.theme);

    if (options.demo)
        Session::instance()->startDemo();
    else if (!options.profile.isEmpty())
        Session::instance()->connectProfile(options.profile);

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("initialPage"), options.page},
                                 {QStringLiteral("darkTheme"), options.theme == QLatin1String("dark")},
                                 {QStringLiteral("width"), options.size.width()},
                                 {QStringLiteral("height"), options.size.height()}});
    engine.load(QUrl(QStringLiteral("qrc:/Formance/Desk/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window && !options.screenshotFile.isEmpty())
        scheduleScreenshot(window, options.screenshotFile);
    return app.exec();
}
