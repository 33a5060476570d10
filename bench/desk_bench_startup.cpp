// desk-bench-startup [PAGE]: what `formance-desk --demo` does at launch (the same application,
// style, demo session and Main.qml, in this process), timed from the process's start to the first
// frame drawn after the overview's ledgers arrived (PAGE overview, the default) or the ledgers
// page's list has rows (PAGE ledgers). Run it twice: the first run may generate the demo seed's
// cache; the target (under 1 s) is with the cache in place.
#include "DeskBench.h"

#include "core/Session.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <ctime>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Formance_DeskPlugin)

namespace {
// Milliseconds since this process started (its start time in /proc/self/stat, clock ticks since boot).
double processAgeMs() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 of the whole line
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + now.tv_nsec / 1e9 - startTicks / double(sysconf(_SC_CLK_TCK))) * 1000.0;
}

bool hasData(QObject *root, const QString &page) {
    for (QObject *o : root->findChildren<QObject *>()) {
        if (page == QLatin1String("overview")) {
            if (QByteArray(o->metaObject()->className()) == "OverviewController" &&
                !o->property("ledgers").toList().isEmpty())
                return true;
        } else if (auto *model = qobject_cast<QAbstractItemModel *>(o);
                   model && QByteArray(model->metaObject()->className()) == "LedgersModel" &&
                   model->rowCount() > 0) {
            return true;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[]) {
    const double atMain = processAgeMs();
    QApplication::setApplicationName(QStringLiteral("formance-desk"));
    QApplication::setOrganizationName(QStringLiteral("Formance"));
    QApplication::setOrganizationDomain(QStringLiteral("formance.com"));
    QApplication app(argc, argv);
    const QString page = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("overview");
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QFont font(QStringLiteral("Inter"));
    font.setPixelSize(13);
    QApplication::setFont(font);
    Session::instance()->startDemo();
    QQmlApplicationEngine engine;
    engine.setInitialProperties(
        {{QStringLiteral("initialPage"), page == QLatin1String("overview") ? QString() : page},
         {QStringLiteral("restoreState"), false},
         {QStringLiteral("width"), 1280},
         {QStringLiteral("height"), 800}});
    engine.load(QUrl(QStringLiteral("qrc:/Formance/Desk/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    const double loaded = processAgeMs();
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    double firstFrame = -1, connected = -1;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        if (firstFrame < 0)
            firstFrame = processAgeMs();
    });
    QObject::connect(Session::instance(), &Session::clientChanged, window, [&] {
        if (connected < 0)
            connected = processAgeMs();
    });
    if (!DeskBench::waitUntil([&] { return hasData(window, page); }, 60000)) {
        fprintf(stderr, "no data on the %s page within 60 s: %s\n", qPrintable(page),
                qPrintable(Session::instance()->error()));
        return 1;
    }
    const double data = processAgeMs();
    bool swapped = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] { swapped = true; });
    window->requestUpdate();
    DeskBench::waitUntil([&] { return swapped; }, 5000);
    const double shown = processAgeMs();
    printf("main() at %.0f ms; Main.qml loaded %.0f ms; first frame %.0f ms; demo stack connected %.0f ms;"
           " %s data %.0f ms; drawn %.0f ms (target 1000 ms)\n",
           atMain, loaded, firstFrame, connected, qPrintable(page), data, shown);
    return 0;
}
