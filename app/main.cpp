// formance-desk: a QApplication (charts) hosting the Formance.Desk Qt Quick UI.
//
// The screenshot machinery lives here and in the shell (Main.qml), never in a page: --screenshot
// renders --page on the stack it is given, saves a PNG and exits, and fails (exit 3) when QML
// printed a warning while the page loaded (a binding or polish loop, a TypeError, a missing type).
#include "core/Session.h"
#include "shell/AccessibilityCheck.h"
#include "shell/AppOptions.h"
#include "shell/LayoutCheck.h"
#include "shell/TextDump.h"
#include "shell/WindowSettings.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScreen>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Formance_DeskPlugin)

namespace {
QtMessageHandler g_previousHandler = nullptr;
int g_qmlWarnings = 0;

// QML reports its problems as warnings naming a .qml file (or in the qml/js categories).
bool isQmlWarning(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (type != QtWarningMsg && type != QtCriticalMsg && type != QtFatalMsg)
        return false;
    const QByteArray category = context.category ? QByteArray(context.category) : QByteArray();
    return category == "qml" || category == "js" || category.startsWith("qt.qml") ||
           message.contains(QLatin1String(".qml:")) ||
           (context.file && QByteArray(context.file).endsWith(".qml"));
}

void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (isQmlWarning(type, context, message))
        ++g_qmlWarnings;
    g_previousHandler(type, context, message);
}

// Saves the window's picture (and its texts), reports QML warnings and layout problems, and quits.
// A page still laying itself out (an answer that came a moment ago) can overlap for a frame: a
// layout problem counts only when it is still there after three more looks, half a second apart.
void shootWhenSettled(QQuickWindow *window, const QString &file, bool checkLayout, const QString &textFile,
                      int attempt) {
    const QImage image = window->grabWindow();
    QStringList layout = checkLayout ? LayoutCheck::problems(window) : QStringList();
    if (checkLayout)
        layout += AccessibilityCheck::problems(window);
    if (!layout.isEmpty() && attempt < 3) {
        QTimer::singleShot(500, window, [window, file, checkLayout, textFile, attempt]() {
            shootWhenSettled(window, file, checkLayout, textFile, attempt + 1);
        });
        return;
    }
    bool saved = !image.isNull() && image.save(file);
    if (!textFile.isEmpty()) {
        QFile out(textFile);
        saved = saved && out.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                out.write(TextDump::visibleTexts(window).join(u'\n').toUtf8() + '\n') >= 0;
    }
    if (!saved)
        fprintf(stderr, "formance-desk: could not save the screenshot to %s\n", qPrintable(file));
    if (g_qmlWarnings > 0)
        fprintf(stderr, "formance-desk: %d QML warning(s) while the page loaded\n", g_qmlWarnings);
    for (const QString &problem : layout)
        fprintf(stderr, "formance-desk: layout: %s\n", qPrintable(problem));
    QCoreApplication::exit(!saved ? 1 : g_qmlWarnings > 0 ? 3 : !layout.isEmpty() ? 4 : 0);
}

// Renders the window once it shows real content (the session connected or failed, and first
// pages answered), saves it and quits: used by tests and the README.
void scheduleScreenshot(QQuickWindow *window, const QString &file, bool checkLayout,
                        const QString &textFile) {
    auto shoot = [window, file, checkLayout, textFile]() {
        // Give pending model answers a moment to arrive and be laid out.
        QTimer::singleShot(2500, window, [window, file, checkLayout, textFile]() {
            shootWhenSettled(window, file, checkLayout, textFile, 0);
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
                QObject::connect(session, &Session::busyChanged, session, [session, shoot, connection]() {
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
    const bool screenshot = !options.screenshotFile.isEmpty();
    if (screenshot)
        g_previousHandler = qInstallMessageHandler(countingHandler);

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    // Breeze icons (Debian's breeze-icon-theme); the dark variant on a dark window. Platforms without
    // a desktop theme (offscreen, a bare X server) search no folder: add the XDG icon folders.
    QStringList iconPaths = QIcon::themeSearchPaths();
    for (const QString &dir : QStandardPaths::locateAll(
             QStandardPaths::GenericDataLocation, QStringLiteral("icons"), QStandardPaths::LocateDirectory))
        if (!iconPaths.contains(dir))
            iconPaths.append(dir);
    QIcon::setThemeSearchPaths(iconPaths);
    QIcon::setThemeName(options.theme == QLatin1String("dark") ? QStringLiteral("breeze-dark")
                                                               : QStringLiteral("breeze"));
    // Text follows the system font size: the design's 13 px body is a 10 pt desktop font at 96 dpi.
    // A larger system font (or a higher font DPI) grows the whole type scale (Style reads the
    // application font); a smaller one keeps the design's sizes. --font-scale overrides.
    const QFont platformFont = QGuiApplication::font();
    const qreal dpi = app.primaryScreen() ? app.primaryScreen()->logicalDotsPerInchY() : 96.0;
    const qreal platformPixels =
        platformFont.pixelSize() > 0 ? platformFont.pixelSize() : platformFont.pointSizeF() * dpi / 72.0;
    const qreal fontScale = options.fontScale > 0
                                ? options.fontScale
                                : std::max<qreal>(1.0, platformPixels / (10.0 * 96.0 / 72.0));
    QFont font(QStringLiteral("Inter"));
    font.setPixelSize(qRound(13 * fontScale));
    QApplication::setFont(font);

    // Language, dates and number grouping follow the system locale unless --lang names another.
    // Amounts are grouped from their exact text (AmountText), never through a double.
    const QLocale locale = options.language.isEmpty() ? QLocale::system() : QLocale(options.language);
    QLocale::setDefault(locale);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("formance-desk"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        app.installTranslator(&translator);
    QTranslator qtTranslator; // Qt's own strings (dialog buttons)
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);

    // A screenshot shows the page asked for at the size asked for: nothing remembered is read or written.
    WindowSettings::instance()->setEnabled(!screenshot);

    if (options.demo)
        Session::instance()->startDemo();
    else if (!options.profile.isEmpty())
        Session::instance()->connectProfile(options.profile);

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("initialPage"), options.page},
                                 {QStringLiteral("theme"), options.theme},
                                 {QStringLiteral("restoreState"), !screenshot},
                                 {QStringLiteral("width"), options.size.width()},
                                 {QStringLiteral("height"), options.size.height()}});
    engine.load(QUrl(QStringLiteral("qrc:/Formance/Desk/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window && screenshot)
        scheduleScreenshot(window, options.screenshotFile, options.checkLayout, options.textDumpFile);
    return app.exec();
}
