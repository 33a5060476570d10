// The command line of formance-desk.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QCoreApplication;

struct AppOptions {
    bool demo = false;
    QString profile;
    QString screenshotFile;
    QString page;
    QString theme = QStringLiteral("system");
    QSize size{1280, 800};
    bool checkLayout = false; // with --screenshot: fail on overlapping controls or cut text
    QString textDumpFile;     // with --screenshot: every text shown, one per line (tests search it)
    QString language;         // --lang: a locale name (fr, en_GB); empty: the system's
    double fontScale = 0;     // --font-scale: text size relative to the design's; 0: the system's

    // Parses the arguments; on --help, --version or a usage error prints and exits.
    static AppOptions parse(const QCoreApplication &app);
};
